"""The main window (placeholder until the editor issue fills it)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from desktop_app import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self, open_path: str | None = None):
        super().__init__()
        self.setWindowTitle(APP_NAME)
        editor = QPlainTextEdit(self)
        editor.setObjectName("draftEditor")
        editor.setAccessibleName("Draft editor")
        self.setCentralWidget(editor)
        self.resize(1100, 720)
