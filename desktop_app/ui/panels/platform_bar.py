"""Live length per network, red when over; the overflow is highlighted in the editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout

from desktop_app.core.findings import PlatformFit
from desktop_app.ui.widgets import quiet

CHIPS_PER_ROW = 2
ALL_NETWORKS = ("X", "Bluesky", "Threads", "Mastodon", "Instagram", "LinkedIn", "Facebook")


class PlatformBar(QFrame):
    networksChanged = Signal(list)  # the networks chosen for this draft
    focusChanged = Signal(object)  # network whose overflow to show, or None for the tightest

    def __init__(self, networks: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("platformBar")
        self.setAccessibleName("Length per network")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.setSpacing(4)
        self._layout = QHBoxLayout()  # caption ... Networks button
        self._layout.setSpacing(6)
        outer.addLayout(self._layout)
        self.caption = QLabel("Length per network")
        self.caption.setProperty("role", "muted")
        self._layout.addWidget(self.caption)
        self.chips: dict[str, QToolButton] = {}
        self._fits: dict[str, PlatformFit] = {}
        self._focus: str | None = None
        self._truncated_length: int | None = None
        # A grid of two a row: more in one row would widen the whole window past a small screen.
        self._chip_row = QGridLayout()
        self._chip_row.setHorizontalSpacing(6)
        self._chip_row.setVerticalSpacing(4)
        chips_line = QHBoxLayout()
        chips_line.addLayout(self._chip_row)
        chips_line.addStretch(1)
        outer.addLayout(chips_line)
        self._layout.addStretch(1)

        self.networks_button = QToolButton()
        self.networks_button.setObjectName("networksButton")
        self.networks_button.setText("Networks ▾")
        self.networks_button.setAccessibleName("Choose the networks this post is for")
        self.networks_button.setToolTip("Choose the networks this post is for")
        self.networks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.networks_button)
        self.actions_by_name: dict[str, QAction] = {}
        all_names = list(dict.fromkeys([*ALL_NETWORKS, *networks]))
        for name in all_names:
            act = QAction(name, self.menu)
            act.setCheckable(True)
            act.toggled.connect(self._menu_toggled)
            self.menu.addAction(act)
            self.actions_by_name[name] = act
        self.networks_button.setMenu(self.menu)
        self._layout.addWidget(self.networks_button)
        self.set_networks(networks)

    def focus_chain(self) -> list:
        return [*self.chips.values(), self.networks_button]

    # --- which networks ---------------------------------------------------------------
    @property
    def networks(self) -> list[str]:
        return [n for n, a in self.actions_by_name.items() if a.isChecked()]

    def set_networks(self, networks: list[str]) -> None:
        for name, act in self.actions_by_name.items():
            act.blockSignals(True)
            act.setChecked(name in networks)
            act.blockSignals(False)
        self._rebuild_chips()

    def _menu_toggled(self, _on: bool) -> None:
        self._rebuild_chips()
        self.networksChanged.emit(self.networks)

    def _rebuild_chips(self) -> None:
        for chip in self.chips.values():
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = {}
        for index, name in enumerate(self.networks):
            chip = QToolButton()
            chip.setObjectName("platformChip")
            chip.setCheckable(True)
            chip.setProperty("over", False)
            chip.clicked.connect(lambda on, n=name: self._chip_clicked(n, on))
            self._chip_row.addWidget(chip, index // CHIPS_PER_ROW, index % CHIPS_PER_ROW)
            self.chips[name] = chip
        if self._focus not in self.chips:
            self._focus = None
        self._draw()

    def _chip_clicked(self, name: str, on: bool) -> None:
        self._focus = name if on else None
        for n, chip in self.chips.items():
            chip.setChecked(n == self._focus)
        self.focusChanged.emit(self._focus)

    # --- counts -------------------------------------------------------------------------
    def set_fits(self, fits: list[PlatformFit], truncated_length: int | None = None) -> None:
        new = {f.name: f for f in fits}
        if new == self._fits and truncated_length == self._truncated_length:
            return
        self._fits = new
        self._truncated_length = truncated_length
        self._draw()

    def fit(self, name: str) -> PlatformFit | None:
        return self._fits.get(name)

    def is_over(self, name: str) -> bool:
        chip = self.chips.get(name)
        return bool(chip is not None and chip.property("over"))

    def overflow_start(self) -> int | None:
        """Python index where the chosen (or the tightest) network's limit is passed."""
        candidates = [self._fits[n] for n in self.chips if n in self._fits and self._fits[n].over]
        if self._focus is not None:
            candidates = [f for f in candidates if f.name == self._focus]
        starts = [f.overflow_start for f in candidates if f.overflow_start is not None]
        return min(starts) if starts else None

    def _draw(self) -> None:
        for name, chip in self.chips.items():
            fit = self._fits.get(name)
            if fit is None:
                text = f"{name}  –"
                over = False
                spoken = f"{name}: not counted yet"
            else:
                length = fit.length
                shown = f"{length:,}"
                if self._truncated_length is not None and (fit.limit is None or length >= fit.limit):
                    shown = f"{self._truncated_length:,}"
                over = fit.over or (
                    self._truncated_length is not None
                    and fit.limit is not None
                    and self._truncated_length > fit.limit
                )
                if fit.limit is None:
                    text = f"{name}  {shown}"
                    spoken = f"{name}: {shown} characters, no limit"
                else:
                    excess = (self._truncated_length or length) - fit.limit if over else 0
                    text = f"{name}  {shown}/{fit.limit:,}"
                    spoken = f"{name}: {shown} of {fit.limit:,} characters" + (
                        f", {excess:,} over the limit" if over else ""
                    )
            quiet.set_text(chip, text)
            if chip.accessibleName() != spoken:  # unchanged chips must not repaint
                chip.setAccessibleName(spoken)
                chip.setToolTip(spoken + (". Click to highlight where it goes over." if over else ""))
            if quiet.set_style_property(chip, "over", over):
                quiet.pin(chip)  # bold when over: needs more room
