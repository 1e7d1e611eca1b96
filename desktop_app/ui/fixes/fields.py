"""Fill-in fields in the editor, as snippet fields work in code editors.

After a rewrite with fields ("Councillor Hart was wrong to [what they did] because [why it
matters to residents]") the first field is selected, so typing replaces it; Tab selects the
next, Shift+Tab the one before, Esc (or Tab after the last) stops and leaves the cursor
after the rewrite. Each field is a live QTextCursor, so it follows edits anywhere else.
A field the writer has typed over is done: Tab goes on to the next one still in brackets.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


class FieldSession(QObject):
    """The fields of one rewrite, in order, for one editor."""

    finished = Signal(int)  # fields still to fill in when the session stopped
    moved = Signal(int, int)  # (field number from 1, how many fields)

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self._fields: list[QTextCursor] = []
        self._end: QTextCursor | None = None
        self._region: QTextCursor | None = None
        self._index = -1

    @property
    def active(self) -> bool:
        return bool(self._fields)

    def start(self, spans: list[tuple[int, int]], end: int) -> bool:
        """Track the fields at Qt positions `spans` and select the first; `end` is where
        the rewrite ends (the cursor goes there when the writer is done)."""
        doc = self.editor.document()
        self._fields = []
        for s, e in spans:
            cursor = QTextCursor(doc)
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            self._fields.append(cursor)
        self._end = QTextCursor(doc)
        self._end.setPosition(end)
        # the whole rewrite: gone (an empty selection) once Ctrl+Z takes the rewrite back
        self._region = QTextCursor(doc)
        self._region.setPosition(min((s for s, _ in spans), default=end))
        self._region.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._index = -1
        if not self._fields:
            return False
        return self.step(True)

    def stop(self, move_to_end: bool = False) -> None:
        if not self._fields:
            return
        end = self._end
        left = self.fields_left()
        self._fields, self._end, self._region, self._index = [], None, None, -1
        if move_to_end and end is not None and end.document() is self.editor.document():
            cursor = self.editor.textCursor()
            cursor.setPosition(end.position())
            self.editor.setTextCursor(cursor)
        self.finished.emit(left)

    def step(self, forward: bool) -> bool:
        """Select the next (or previous) field still to fill in; past the last, stop.
        Returns True while the session goes on."""
        if not self._fields:
            return False
        if self._fields[0].document() is not self.editor.document():
            self.stop()  # the editor shows another text now: its fields are not these
            return False
        order = range(self._index + 1, len(self._fields)) if forward else range(self._index - 1, -1, -1)
        for i in order:
            cursor = self._fields[i]
            if _still_a_field(cursor):
                self._index = i
                self.editor.setTextCursor(QTextCursor(cursor))
                self.editor.ensureCursorVisible()
                self.moved.emit(i + 1, len(self._fields))
                return True
        if forward:
            self.stop(move_to_end=True)
            return False
        return True  # Shift+Tab before the first field stays on it

    def fields_left(self) -> int:
        return sum(_still_a_field(c) for c in self._fields)

    def undone(self) -> bool:
        """The rewrite is no longer in the text (undone, or deleted whole)."""
        return self._region is not None and not self._region.hasSelection()


def _still_a_field(cursor: QTextCursor) -> bool:
    """The cursor still selects a whole [bracketed] prompt (not typed over, not undone)."""
    text = cursor.selectedText()
    return len(text) > 2 and text.startswith("[") and text.endswith("]") and "\u2029" not in text


def qt_spans(start: int, replacement: str, fields: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Qt positions (UTF-16) of a replacement's fields, given the Qt position it starts at."""

    def units(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    return [(start + units(replacement[:a]), start + units(replacement[:b])) for a, b in fields]


def qt_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
