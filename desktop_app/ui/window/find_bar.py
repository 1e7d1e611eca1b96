"""Find in the draft: Enter for next, Shift+Enter for previous, Escape to close."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton


class FindBar(QFrame):
    def __init__(self, editor: QPlainTextEdit, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in draft")
        self.field.setAccessibleName("Find in draft")
        self.field.returnPressed.connect(self.find_next)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        prev_button = QPushButton("Previous")
        prev_button.setAccessibleName("Find previous")
        prev_button.clicked.connect(self.find_previous)
        next_button = QPushButton("Next")
        next_button.setAccessibleName("Find next")
        next_button.clicked.connect(self.find_next)
        close = QPushButton("Close")
        close.setAccessibleName("Close find")
        close.clicked.connect(self.close_bar)
        for w in (self.field, self.status, prev_button, next_button, close):
            layout.addWidget(w)
        layout.setStretch(0, 1)
        self.hide()

    def open_bar(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def _find(self, backward: bool) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.editor.find(needle, flags)
        if not found:  # wrap round once
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle, flags)
        self.status.setText("" if found else "Not found")
        return found

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def keyPressEvent(self, ev):
        if ev.key() == QtCore.Qt.Key.Key_Escape:
            self.close_bar()
            return
        if (
            ev.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
            and ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        super().keyPressEvent(ev)
