"""Live length per network, red when over; the overflow is highlighted in the editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.widgets import quiet

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import PlatformFit

MAX_CHIPS_PER_ROW = 3
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
        self._columns = 0
        self._fits: dict[str, PlatformFit] = {}
        self._focus: str | None = None
        self._truncated_length: int | None = None
        self._here: set[str] | None = None  # networks whose fits are for the text in the editor
        # A grid, as many a row as fit (at most three): a long draft's counts ("Instagram
        # 46,057/2,200") must never push chips past the edge in a narrow window.
        # The chips' box never asks for width: its columns follow the bar's width (see
        # _fit_columns), so wide columns chosen in a wide window cannot stop it narrowing.
        self._chips_box = QWidget()
        self._chips_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._chip_row = QGridLayout(self._chips_box)
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._chip_row.setHorizontalSpacing(6)
        self._chip_row.setVerticalSpacing(4)
        self._chip_row.setColumnStretch(MAX_CHIPS_PER_ROW, 1)
        outer.addWidget(self._chips_box)
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
            act = QAction(self.menu)  # then the text: see window/actions.py
            act.setText(name)
            act.setCheckable(True)
            act.toggled.connect(self._menu_toggled)
            self.menu.addAction(act)
            self.actions_by_name[name] = act
        self.networks_button.setMenu(self.menu)
        self._layout.addWidget(self.networks_button)
        self.set_networks(networks)

    def fit_to_style(self) -> None:
        """Size the chips again for the style sheet in force: they are sized as they are
        made, and the window's style sheet (their padding) comes after."""
        for chip in self.chips.values():
            quiet.pin(chip)

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
        for name in self.networks:
            chip = QToolButton(self._chips_box)
            chip.setObjectName("platformChip")
            chip.setCheckable(True)
            chip.setProperty("over", False)
            chip.clicked.connect(lambda on, n=name: self._chip_clicked(n, on))
            self.chips[name] = chip
        self._columns = 0  # place them all afresh
        if self._focus not in self.chips:
            self._focus = None
        self._draw()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        chips = list(self.chips.values())
        if not chips:
            return
        spacing = self._chip_row.horizontalSpacing()
        widest = max(chip.sizeHint().width() for chip in chips) + spacing
        room = self.contentsRect().width() - 8 + spacing
        columns = max(1, min(MAX_CHIPS_PER_ROW, room // widest))
        if columns == self._columns:
            return  # most keystrokes: same counts width, nothing moves
        self._columns = columns
        for chip in chips:
            self._chip_row.removeWidget(chip)
        for index, chip in enumerate(chips):
            self._chip_row.addWidget(chip, index // columns, index % columns)

    def _chip_clicked(self, name: str, on: bool) -> None:
        self._focus = name if on else None
        for n, chip in self.chips.items():
            chip.setChecked(n == self._focus)
        self.focusChanged.emit(self._focus)

    # --- counts -------------------------------------------------------------------------
    def set_fits(
        self, fits: list[PlatformFit], truncated_length: int | None = None, here: set[str] | None = None
    ) -> None:
        """`here`: the networks whose fits are for the text in the editor (the others count
        another version's words: their overflow is not in this text). None: all of them."""
        self._here = None if here is None else set(here)
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
        """Python index where the chosen (or the tightest) network's limit is passed. Too
        many links is not marked here: the words after them are not what is wrong (the
        length card underlines the links too many)."""
        candidates = [
            fit
            for n in self.chips
            if (fit := self._fits.get(n)) is not None and fit.over and fit.over_by()[1] != "links"
        ]
        if self._here is not None:
            candidates = [f for f in candidates if f.name in self._here]
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
                    excess, unit = fit.over_by()
                    if self._truncated_length is not None and self._truncated_length > fit.limit:
                        excess, unit = self._truncated_length - fit.limit, "characters"
                    text = f"{name}  {shown}/{fit.limit:,}"
                    if unit in ("bytes", "links"):  # within the characters, past another cap
                        text += f" ({unit})"
                    spoken = f"{name}: {shown} of {fit.limit:,} characters"
                    if over:
                        from desktop_app.core.findings import amount  # loaded by now: fits came

                        spoken += f", {amount(excess, unit)} over the limit"
            quiet.set_text(chip, text)
            if chip.accessibleName() != spoken:  # unchanged chips must not repaint
                chip.setAccessibleName(spoken)
                chip.setToolTip(spoken + (". Click to highlight where it goes over." if over else ""))
            if quiet.set_style_property(chip, "over", over):
                quiet.pin(chip)  # bold when over: needs more room
        self._fit_columns()
