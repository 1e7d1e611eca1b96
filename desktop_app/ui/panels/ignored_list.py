"""The findings ignored in this draft, under the open ones, each with its reason and a
"Show again" button (Ctrl+Z also takes back the last Ignore)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.panels.quote import quoted

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Finding
    from desktop_app.core.review import Ignored


class IgnoredList(QWidget):
    showAgainRequested = Signal(object)  # the Finding to show again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ignoredList")
        self.setAccessibleName("Findings ignored in this draft")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.header = QLabel()
        self.header.setProperty("role", "group")
        layout.addWidget(self.header)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        layout.addLayout(self._rows_box)
        self._shown: tuple = ()
        self.rows: list[QWidget] = []
        self.hide()

    def buttons(self) -> list[QPushButton]:
        return (
            [row.findChild(QPushButton) for row in self.rows] if self.isVisibleTo(self.parentWidget()) else []
        )

    def set_items(self, items: list[tuple[Finding, Ignored]]) -> None:
        """(finding, why it is ignored) for this draft's own decisions."""
        key = tuple((f.rule, f.text, why.reason) for f, why in items)
        if key == self._shown:
            return  # typing elsewhere changes nothing here
        self._shown = key
        for row in self.rows:  # the layout lets go; Qt deletes each row with its children
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = [self._row(finding, why) for finding, why in items]
        for row in self.rows:
            self._rows_box.addWidget(row)
        self.header.setText(f"Ignored in this draft · {len(items)}")
        self.setVisible(bool(items))

    def _row(self, finding: Finding, why: Ignored) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        reason = f" ({why.reason})" if why.reason else ""
        label = QLabel(f"{quoted(finding.text, 40)}{reason}")
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        button = QPushButton("Show again")
        button.setObjectName("linkButton")
        button.setAccessibleName(f"Show {quoted(finding.text, 40)} again")
        button.clicked.connect(lambda _checked=False, f=finding: self.showAgainRequested.emit(f))
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row
