"""P1..P10 and the conduct policy: state and count each; click to filter, (i) to read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)

from desktop_app.core.categories import CONDUCT_KEY, PRINCIPLE_IDS, STATE_LABELS
from desktop_app.ui.widgets import quiet

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import PrincipleStatus


class PrincipleRow(QPushButton):
    """A checkable row. A click on a label inside reaches the button: labels pass on the
    mouse presses they do not use."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("principleRow")
        self.setCheckable(True)
        self.setMinimumHeight(28)
        # as tall as its title needs: a long title wraps onto a second line, never cut short
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(8)
        self.id_label = QLabel("⚑" if key == CONDUCT_KEY else key)
        self.id_label.setFixedWidth(28)
        self.id_label.setProperty("role", "muted")
        self.title_label = QLabel(key)
        self.title_label.setObjectName("principleTitle")
        self.title_label.setWordWrap(True)
        self.badge = QLabel("✓")
        self.badge.setObjectName("stateBadge")  # right-aligned by the theme's style sheet
        self.badge.setProperty("state", "clear")
        self.badge.setFixedSize(24, 20)  # a count changing must not relayout the window
        for label in (self.id_label, self.title_label, self.badge):
            layout.addWidget(label)
        layout.setStretch(1, 1)
        self.state = "clear"
        self.count = 0
        self.title = key

    def set_title(self, title: str) -> None:
        self.title = title
        self.title_label.setText(title)
        self.setToolTip(
            f"{self.key}: {title}. Click to show only its findings."
            if self.key != CONDUCT_KEY
            else f"{title}. Click to show only its findings."
        )
        self._accessible()

    def set_status(self, state: str, count: int) -> None:
        if (state, count) == (self.state, self.count):
            return
        self.state, self.count = state, count
        quiet.set_style_property(self.badge, "state", state)
        # A pasted essay can have a thousand: past 99 the badge would widen the column.
        quiet.set_text(self.badge, "✓" if state == "clear" else (str(count) if count < 100 else "99+"))
        self._accessible()

    def _accessible(self) -> None:
        name = self.title if self.key == CONDUCT_KEY else f"{self.key} {self.title}"
        detail = STATE_LABELS.get(self.state, self.state).lower()
        if self.count:
            detail += f", {self.count} finding{'s' if self.count != 1 else ''}"
        self.setAccessibleName(f"{name}: {detail}")
        self.setAccessibleDescription("Press to show only the findings for this principle.")


class PrinciplesPanel(QFrame):
    filterChanged = Signal(object)  # key or None
    readRequested = Signal(str)  # key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("principlesPanel")
        self.setAccessibleName("Principles")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(2)
        heading = QLabel("Principles")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        self.rows: dict[str, PrincipleRow] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusive groups cannot be un-checked
        for key in (*PRINCIPLE_IDS, CONDUCT_KEY):
            row_layout = QHBoxLayout()
            row_layout.setSpacing(2)
            row = PrincipleRow(key)
            row.set_title(key)
            row.toggled.connect(lambda on, k=key: self._toggled(k, on))
            info = QToolButton()
            info.setObjectName("infoButton")
            info.setText("i")
            info.setAccessibleName(f"Read {'the conduct policy' if key == CONDUCT_KEY else key} in full")
            info.setToolTip("Read it in full")
            info.clicked.connect(lambda _=False, k=key: self.readRequested.emit(k))
            row_layout.addWidget(row, 1)
            row_layout.addWidget(info)
            layout.addLayout(row_layout)
            self.rows[key] = row
            row.info_button = info

    def use_pointing_cursors(self) -> None:
        """Pointing-hand cursors on the rows and (i) buttons. Called once the window has
        painted: the cursor shape lives in PySide6's Qt namespace, kept out of start-up."""
        hand = QtCore.Qt.CursorShape.PointingHandCursor
        for row in self.rows.values():
            row.setCursor(hand)
            row.info_button.setCursor(hand)

    def focus_chain(self) -> list:
        """Each row, then its (i) button, top to bottom."""
        return [w for row in self.rows.values() for w in (row, row.info_button)]

    def set_titles(self, titles: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.set_title(titles.get(key, key))

    def set_statuses(self, statuses: dict[str, PrincipleStatus]) -> None:
        for key, row in self.rows.items():
            status = statuses.get(key)
            row.set_status(status.state if status else "clear", status.count if status else 0)

    def set_filter(self, key: str | None) -> None:
        for k, row in self.rows.items():
            row.blockSignals(True)
            row.setChecked(k == key)
            row.blockSignals(False)

    def _toggled(self, key: str, on: bool) -> None:
        self.set_filter(key if on else None)
        self.filterChanged.emit(key if on else None)
