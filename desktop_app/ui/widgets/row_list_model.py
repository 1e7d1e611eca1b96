"""Rows of a list as plain Python data behind a QListView (drafts, turned-off rules, words).

Why not QListWidget (a test keeps item widgets out of ui/): its rows are
QListWidgetItems, C++ objects that Python also holds wrappers for. clear() and takeItem()
delete or move them under those wrappers, and a wrapper that outlives its item (a signal's
argument, a local, a frame kept by a traceback) crashes the whole process when it is
touched or collected (PySide6 6.10 and 6.11: a segfault in libshiboken6 inside clear()).
Here Python keeps each row as a `Row` and never holds a wrapper of a Qt item: the rows'
words are copied into a QStandardItemModel, index by index, and read back by row number.

Why the copy: Qt answers the view from it without calling Python. A view asks for every
row's text and sizes when it lays the list out (word wrap: every row, about ten calls
each); answered by Python, 200 drafts took 4,800 calls, and while a worker ran Python at
start-up each call waited its turn for the GIL: the window stalled 100-200 ms. So this
class adds no Python `data`, `rowCount` or `index` (Qt would call them), and callers ask
for an index with its column: `model.index(row, 0)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

KEY_ROLE = Qt.ItemDataRole.UserRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
# A list row's flags (QAbstractListModel's): selectable, never editable or dragged.
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # what the row stands for: a draft's id, a rule's name, a word
    text: str  # what it shows (may be more than one line)
    tooltip: str = ""


class RowListModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        prototype = QStandardItem()  # every row Qt makes is a copy of it (owned by the model)
        prototype.setFlags(_FLAGS)
        self.setItemPrototype(prototype)
        self.setColumnCount(1)
        self._rows: list[Row] = []
        # Connected first, so every other listener finds `_rows` as Qt has the rows.
        self.rowsRemoved.connect(self._forget_removed)

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

    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        quiet = self.blockSignals(True)  # one reset says it all
        try:
            self._rows = list(rows)
            self.setRowCount(0)
            self.setRowCount(len(self._rows))
            for number, row in enumerate(self._rows):
                self._write(number, row)
        finally:
            self.blockSignals(quiet)
        self.endResetModel()

    def remove(self, key: str) -> None:
        at = self.row_of(key)
        if at >= 0:
            self.removeRow(at)  # (_forget_removed drops it from _rows)

    def put_first(self, row: Row) -> None:
        """Show `row` at the top: changed in place if it is there, moved up or added if not.

        Moving keeps the view's current row on it, and a row whose text is unchanged is not
        touched, so an autosave does not relayout the list under the user's typing."""
        at = self.row_of(row.key)
        if at < 0:
            self._rows.insert(0, row)  # (before: whoever hears of the new row can read it)
            self.insertRow(0)
            self._write(0, row, announce=True)
            return
        if at > 0:
            # Qt's item model cannot move a row; its rows' words are moved instead, and Qt
            # told of a move, so the view keeps its current and selected rows on them.
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), 0)
            quiet = self.blockSignals(True)
            try:
                self._rows.insert(0, self._rows.pop(at))
                for number in range(at + 1):
                    self._write(number, self._rows[number])
            finally:
                self.blockSignals(quiet)
            self.endMoveRows()
        if self._rows[0] != row:
            self._rows[0] = row
            self._write(0, row, announce=True)

    # ----- inside -----

    def _write(self, number: int, row: Row, *, announce: bool = False) -> None:
        index = self.index(number, 0)
        quiet = self.blockSignals(True)
        try:
            self.clearItemData(index)
            self.setItemData(index, _roles(row))
        finally:
            self.blockSignals(quiet)
        if announce and not quiet:
            self.dataChanged.emit(index, index)

    def _forget_removed(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            del self._rows[first : last + 1]


def _roles(row: Row) -> dict:
    roles = {_DISPLAY: row.text, _ACCESSIBLE: row.text, KEY_ROLE: row.key}
    if row.tooltip:
        roles[_TOOLTIP] = row.tooltip
    return roles
