"""The replies as a table: Python owns every row, Qt holds only row numbers (see
ui/widgets/row_list_model.py for why item widgets are never used). Rows arrive in batches
from the worker; a filter shows one kind at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from desktop_app.core.replies.judge import TRIAGE_LABELS, Triage

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1  # "report", ... and "dont-amplify"
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's number in the model

COLUMNS = ("Sorted as", "Author", "Reply", "Why")
DONT_AMPLIFY = "dont-amplify"
TRIAGE_COLOURS = {Triage.REPORT: "must-fix", Triage.RESPOND: "suggestion", Triage.THANK: "clear"}
# The roles data() answers; Qt asks for a dozen per cell it paints, most of them answered
# None straight away.
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ACCESSIBLE, FILTER_ROLE, ROW_ROLE})


def sorted_label(triaged) -> str:
    verdict = triaged.verdict
    if verdict.do_not_amplify and verdict.triage is not Triage.REPORT:
        label = "Don't reply"
    else:
        label = TRIAGE_LABELS[verdict.triage]
    return label + (" ✎" if verdict.corrected else "")


class RepliesModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []  # triage.Triaged
        self.colours: dict[str, str] = {}

    # ----- what Qt asks -----
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if role not in _ANSWERED:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        triaged = self._rows[index.row()]
        column = index.column()
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._text(triaged, column, role == _ACCESSIBLE)
        if role == _TOOLTIP and column in (2, 3):  # the whole reply, or the whole reason
            return triaged.reply.text[:1000] if column == 2 else triaged.verdict.reason
        if role == _FOREGROUND and column == 0:
            key = TRIAGE_COLOURS.get(triaged.verdict.triage)
            if triaged.verdict.do_not_amplify:
                key = "must-fix"
            return QColor(self.colours[key]) if key in self.colours else None
        if role == FILTER_ROLE:
            verdict = triaged.verdict
            kinds = [verdict.triage.value]
            if verdict.do_not_amplify:
                kinds.append(DONT_AMPLIFY)
            return " ".join(kinds)
        if role == ROW_ROLE:
            return index.row()
        return None

    @staticmethod
    def _text(triaged, column: int, spoken: bool) -> str:
        if column == 0:
            return sorted_label(triaged)
        if column == 1:
            return triaged.reply.author or ("no author" if spoken else "")
        if column == 2:
            flat = " ".join(triaged.reply.text.split())
            return flat if len(flat) <= 300 else flat[:299] + "…"
        return triaged.verdict.reason

    # ----- what the view asks -----
    def add(self, rows: list) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def row(self, number: int):
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list:
        return list(self._rows)

    def replace_row(self, number: int, triaged) -> None:
        self._rows[number] = triaged
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def set_colours(self, colours: dict[str, str]) -> None:
        self.colours = dict(colours)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))


class TriageFilter(QSortFilterProxyModel):
    """Shows the rows of one kind ("report", ..., DONT_AMPLIFY), or all of them ("")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = ""
        self.setFilterRole(FILTER_ROLE)

    def show_kind(self, kind: str) -> None:
        if kind == self.kind:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidate*Filter() is deprecated
            self.beginFilterChange()
            self.kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.kind = kind
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.kind:
            return True
        kinds = self.sourceModel().index(source_row, 0, source_parent).data(FILTER_ROLE) or ""
        return self.kind in kinds.split()


class RepliesTable(QTableView):
    """The table of replies; says when it has drawn itself (sorting waits for that)."""

    painted = Signal()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()
