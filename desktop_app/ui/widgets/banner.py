"""A calm notice above the editor (policy problems, a very long draft), dismissible."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Banner(QFrame):
    """A calm one-line notice above the editor, with an optional button."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("linkButton")
        self.button.hide()
        close = QPushButton("Dismiss")
        close.setObjectName("linkButton")
        close.setAccessibleName(f"Dismiss: {name}")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, button: str = "") -> None:
        self.label.setText(text)
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.show()
