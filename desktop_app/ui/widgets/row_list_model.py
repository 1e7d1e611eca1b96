"""Rows of a list as plain Python data behind a QListView (drafts, turned-off rules, words).

Why not QListWidget (a test keeps item widgets out of ui/): its rows are
QListWidgetItems, C++ objects that Python also holds wrappers for. clear() and takeItem()
delete or move them under those wrappers, and a wrapper that outlives its item (a signal's
argument, a local, a frame kept by a traceback) crashes the whole process when it is
touched or collected (PySide6 6.10 and 6.11: a segfault in libshiboken6 inside clear()).
Here Qt holds only row numbers and Python owns every row, so nothing on one side can
outlive the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

KEY_ROLE = Qt.ItemDataRole.UserRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # what the row stands for: a draft's id, a rule's name, a word
    text: str  # what it shows (may be more than one line)
    tooltip: str = ""


class RowListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []

    # ----- what Qt asks -----

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return row.text
        if role == _TOOLTIP:
            return row.tooltip or None
        if role == KEY_ROLE:
            return row.key
        return None

    # ----- what the panel asks -----

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str | None) -> int:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return number
        return -1

    def keys(self) -> list[str]:
        return [row.key for row in self._rows]

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def remove(self, key: str) -> None:
        at = self.row_of(key)
        if at >= 0:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()

    def put_first(self, row: Row) -> None:
        """Show `row` at the top: changed in place if it is there, moved up or added if not.

        Moving keeps the view's current row on it, and a row whose text is unchanged is not
        touched, so an autosave does not relayout the list under the user's typing."""
        at = self.row_of(row.key)
        if at < 0:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row)
            self.endInsertRows()
            return
        if at > 0:
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), 0)
            self._rows.insert(0, self._rows.pop(at))
            self.endMoveRows()
        if self._rows[0] != row:
            self._rows[0] = row
            top = self.index(0)
            self.dataChanged.emit(top, top)
