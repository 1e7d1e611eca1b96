"""The findings list: cards grouped by severity, a filter, and an all-clear state.

Cards are keyed by rule and words (not position) and reused between reports, so typing
elsewhere in the draft moves no widgets and creates none. New cards are made a few per turn
of the event loop (`drawing` until the last is in; then `cardsDrawn`): twenty at once, as
a draft opened, held the window for 35-50 ms. They are made hidden, styled and laid out at
the list's width while hidden, and put in the list a batch at a time on turns that make
none, each batch shown together. Shown one by one, each new card made Qt lay out the whole
list again there and then (Qt lays out a widget's parents as the widget is shown), squeezing
every card into the room the list had before and stretching them back: 30-55 ms a turn with
twenty cards; all twenty placed together took 22 ms, and four made and placed in one turn
25-30 ms. A few new cards as the draft changes (none waiting) are made and placed at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.categories import CONDUCT_KEY, Severity
from desktop_app.ui.panels.ignored_list import IgnoredList
from desktop_app.ui.turns import next_turn
from desktop_app.ui.widgets import quiet

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Finding
    from desktop_app.ui.panels.finding_card import FindingCard

MAX_CARDS = 20  # beyond this a pasted essay would cost more widgets than anyone reads
CARDS_PER_TURN = 4  # new cards made in one turn of the event loop (each a few ms with its layout)
PLACE_PER_TURN = 8  # made cards put in the list in one turn (the list laid out again once)


def matches_filter(finding: Finding, key: str | None) -> bool:
    if key is None:
        return True
    if key == CONDUCT_KEY:
        return finding.is_conduct
    return finding.principle == key


def _set_text(label: QLabel, text: str) -> None:
    if label.wordWrap():
        if label.text() != text:  # an unchanged label must not trigger a relayout
            label.setText(text)
    else:
        quiet.set_text(label, text)  # one-line labels: no relayout of the window either


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class FindingsList(QScrollArea):
    activated = Signal(object)
    applyRequested = Signal(object, object)
    ignoreHereRequested = Signal(object)
    ignoreRuleRequested = Signal(object)
    addWordRequested = Signal(object)
    filterCleared = Signal()
    cardsDrawn = Signal()  # the last new card of a draw spread over several turns is in

    def __init__(self, title: Callable[[str | None], str], parent=None):
        super().__init__(parent)
        self.setObjectName("findingsList")
        self.setAccessibleName("Findings")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._title = title
        self._cards: dict[tuple, FindingCard] = {}  # the cards in the list
        self._waiting: dict[tuple, FindingCard] = {}  # made (hidden) but not yet in the list
        self._selected_key: tuple | None = None
        self._filter: str | None = None
        self._findings: list[Finding] = []
        self._has_text = False
        self._drawing = False  # new cards still to make on later turns of the event loop
        self._turn_queued = False

        content = QWidget()
        content.setObjectName("findingsContent")
        self.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 8, 4)
        layout.setSpacing(8)

        self.summary = QLabel("Checking…")
        self.summary.setWordWrap(True)  # "3 to fix · 5 advice · 3 suggestions" in a narrow list
        self.summary.setProperty("role", "heading")
        self.summary.setAccessibleName("Findings summary")
        layout.addWidget(self.summary)

        self.filter_row = QWidget()
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.filter_label = QLabel()
        self.filter_label.setProperty("role", "muted")
        self.filter_label.setWordWrap(True)
        self.show_all = QPushButton("Show all")
        self.show_all.setObjectName("linkButton")
        self.show_all.setAccessibleName("Show all findings")
        self.show_all.clicked.connect(self.filterCleared)
        row.addWidget(self.filter_label, 1)
        row.addWidget(self.show_all)
        self.filter_row.hide()
        layout.addWidget(self.filter_row)

        self.all_clear = QFrame()
        self.all_clear.setObjectName("allClear")
        clear_layout = QVBoxLayout(self.all_clear)
        clear_layout.setContentsMargins(14, 12, 14, 12)
        self.all_clear_title = QLabel("✓  All clear")
        self.all_clear_title.setObjectName("allClearTitle")
        self.all_clear_text = QLabel(
            "Nothing in this draft breaks the ten principles or the conduct policy. "
            "Check the length for each network below the editor, then post it."
        )
        self.all_clear_text.setWordWrap(True)
        clear_layout.addWidget(self.all_clear_title)
        clear_layout.addWidget(self.all_clear_text)
        self.all_clear.setAccessibleName("All clear")
        self.all_clear.hide()
        layout.addWidget(self.all_clear)

        self.empty_hint = QLabel(
            "Start writing and the findings appear here: what to fix, which principle it "
            "serves, why, and a better way to say it."
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setProperty("role", "muted")
        layout.addWidget(self.empty_hint)

        self._groups: dict[Severity, tuple[QLabel, QVBoxLayout, QWidget]] = {}
        for severity in Severity:
            header = QLabel()
            header.setProperty("role", "group")
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(8)
            header.hide()
            box.hide()
            layout.addWidget(header)
            layout.addWidget(box)
            self._groups[severity] = (header, box_layout, box)

        self.more_label = QLabel()
        self.more_label.setProperty("role", "muted")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        layout.addWidget(self.more_label)
        self.ignored_list = IgnoredList()
        layout.addWidget(self.ignored_list)
        layout.addStretch(1)

    # --- data ----------------------------------------------------------------------
    def set_filter(self, key: str | None) -> None:
        self._filter = key
        self._refresh()

    def set_findings(self, findings: list[Finding], has_text: bool) -> None:
        self._findings = findings
        self._has_text = has_text
        self._refresh()

    @property
    def drawing(self) -> bool:
        """New cards are still being made (a few per turn); cardsDrawn says when all are in."""
        return self._drawing

    def card_for(self, finding: Finding) -> FindingCard | None:
        for card in self._cards.values():
            if card.finding is finding:
                return card
        return None

    def focus_chain(self) -> list[QWidget]:
        """Tab stops in reading order: the filter's Show all, each card, the ignored list."""
        chain: list[QWidget] = [self.show_all] if self.filter_row.isVisibleTo(self) else []
        for card in self.cards():
            chain.extend(card.focus_chain())
        chain.extend(row_button for row_button in self.ignored_list.buttons())
        return chain

    def _card_room(self) -> int:
        margins = self.widget().layout().contentsMargins()
        return self.viewport().width() - margins.left() - margins.right()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if not self._cards and not self._waiting:
            # The first viewport() call makes PySide6 set up dozens of widget classes
            # (~6 ms): at start-up, before the first paint, there are no cards to fit.
            return
        room = self._card_room()
        for card in [*self._cards.values(), *self._waiting.values()]:
            card.fit_width(room)

    def cards(self) -> list[FindingCard]:
        out = []
        for severity in Severity:
            layout = self._groups[severity][1]
            out.extend(layout.itemAt(i).widget() for i in range(layout.count()))
        return out

    def selected_finding(self) -> Finding | None:
        card = self._cards.get(self._selected_key) if self._selected_key else None
        return card.finding if card else None

    def select(self, finding: Finding | None, scroll: bool = True) -> None:
        key = None
        for k, card in self._cards.items():
            if card.finding is finding:
                key = k
        if key == self._selected_key:
            return
        old = self._cards.get(self._selected_key) if self._selected_key else None
        if old is not None:
            old.set_selected(False)
        self._selected_key = key
        if key is not None:
            card = self._cards[key]
            card.set_selected(True)
            if scroll:
                self.ensureWidgetVisible(card, 0, 40)

    # --- drawing --------------------------------------------------------------------
    def _refresh(self) -> None:
        shown = [f for f in self._findings if matches_filter(f, self._filter)]
        shown.sort(key=lambda f: (f.severity.rank, f.start, f.end))
        extra = max(0, len(shown) - MAX_CARDS)
        shown = shown[:MAX_CARDS]

        from desktop_app.ui.panels.finding_card import card_key  # (the cards load with the first findings)

        seen: dict[tuple, int] = {}
        wanted: list[tuple[tuple, Finding]] = []
        for f in shown:
            base = (f.rule, f.text, f.message)
            nth = seen.get(base, 0)
            seen[base] = nth + 1
            wanted.append((card_key(f, nth), f))
        keys = {k for k, _ in wanted}
        for cards in (self._cards, self._waiting):
            for key in [k for k in cards if k not in keys]:
                card = cards.pop(key)
                # Hidden and left with its parent until Qt deletes it: detached, its wrapper
                # owned it, and the delayed delete crashed now and then (bench_gui --only-cards,
                # about 1 run in 16); the layout lets go of it when it is deleted.
                card.hide()
                card.deleteLater()
                if key == self._selected_key:
                    self._selected_key = None
        by_group: dict[Severity, list[FindingCard]] = {s: [] for s in Severity}
        counts = {s: 0 for s in Severity}
        # A turn either makes new cards or places ones made on earlier turns, never both:
        # making four and placing them with the list laid out again took 25-30 ms.
        unplaced = [k for k, _f in wanted if k in self._waiting]
        to_make = [k for k, _f in wanted if k not in self._cards and k not in self._waiting]
        placing = bool(unplaced) and (len(unplaced) >= PLACE_PER_TURN or not to_make)
        if placing:
            for key in unplaced[:PLACE_PER_TURN]:
                self._cards[key] = self._waiting.pop(key)
        # A few new cards as the draft changes, with none waiting: made and placed at once.
        at_once = not self._drawing and not unplaced and len(to_make) <= CARDS_PER_TURN
        made = 0
        for key, f in wanted:
            counts[f.severity] += 1
            card = self._cards.get(key) or self._waiting.get(key)
            if card is None:
                if placing or made == CARDS_PER_TURN:
                    continue
                card = self._waiting[key] = self._new_card(f)
                made += 1
                if at_once:
                    self._cards[key] = self._waiting.pop(key)
            else:
                card.update_finding(f)
            if key in self._cards:
                by_group[f.severity].append(card)
        waiting = bool(self._waiting) or len(to_make) > made
        for severity, cards in by_group.items():
            header, layout, box = self._groups[severity]
            self._arrange(layout, box, cards)
            _set_text(header, f"{severity.label} · {counts[severity]}")
            header.setVisible(bool(counts[severity]))
            box.setVisible(bool(counts[severity]))

        _set_text(
            self.more_label,
            f"And {plural(extra, 'more finding')}. Fix the ones above first, or shorten the draft.",
        )
        self.more_label.setVisible(extra > 0)
        self._update_states(len(shown) + extra)
        if waiting:
            self._drawing = True
            if not self._turn_queued:
                self._turn_queued = True
                next_turn(self, self._next_turn)
        elif self._drawing:
            self._drawing = False
            self.cardsDrawn.emit()

    def _arrange(self, layout: QVBoxLayout, box: QWidget, cards: list[FindingCard]) -> None:
        """Put `cards` in `layout` in order, showing the new ones together: the group is
        hidden meanwhile, so Qt lays the list out once, not once per card (unless the
        keyboard focus is in the group: hiding it would lose the focus)."""
        current = [layout.itemAt(i).widget() for i in range(layout.count())]
        if current == cards:
            return
        new = [card for card in cards if card.isHidden()]
        hide = bool(new) and box.isVisible() and not box.isAncestorOf(QApplication.focusWidget())
        if hide:
            box.hide()
        for w in current:
            layout.removeWidget(w)
        for w in cards:
            layout.addWidget(w)
        for card in new:
            card.show()
        if hide:
            box.show()

    def _next_turn(self) -> None:
        self._turn_queued = False
        if self._drawing:
            self._refresh()

    def _update_states(self, shown_count: int) -> None:
        total = len(self._findings)
        counts = {s: sum(1 for f in self._findings if f.severity is s) for s in Severity}
        if not self._has_text:
            _set_text(self.summary, "Nothing to check yet")
        elif total == 0:
            _set_text(self.summary, "No findings")
        else:
            parts = [
                plural(counts[Severity.MUST_FIX], "to fix", "to fix") if counts[Severity.MUST_FIX] else "",
                f"{counts[Severity.ADVICE]} advice" if counts[Severity.ADVICE] else "",
                plural(counts[Severity.SUGGESTION], "suggestion") if counts[Severity.SUGGESTION] else "",
            ]
            _set_text(self.summary, " · ".join(p for p in parts if p))
        self.empty_hint.setVisible(not self._has_text)
        self.all_clear.setVisible(self._has_text and total == 0)
        if self._filter is not None:
            title = self._title(self._filter)
            label = title if self._filter == CONDUCT_KEY else f"{self._filter} · {title}"
            if shown_count:
                _set_text(self.filter_label, f"Showing {label}")
            else:
                _set_text(self.filter_label, f"Nothing flagged for {label}")
        self.filter_row.setVisible(self._filter is not None)

    def _new_card(self, finding: Finding) -> FindingCard:
        from desktop_app.ui.panels.finding_card import FindingCard

        # In its group already (put in its layout later): moved there from elsewhere, it and
        # every widget in it would be styled afresh.
        card = FindingCard(finding, self._title, self._groups[finding.severity][2])
        card.hide()  # until every new card is made (see _arrange)
        # Styled and laid out now, at the width it will have, so showing it is cheap.
        card.ensurePolished()
        room = self._card_room()
        card.fit_width(room)
        card.resize(room, card.heightForWidth(room))
        card.layout().activate()
        card.activated.connect(self.activated)
        card.applyRequested.connect(self.applyRequested)
        card.ignoreHereRequested.connect(self.ignoreHereRequested)
        card.ignoreRuleRequested.connect(self.ignoreRuleRequested)
        card.addWordRequested.connect(self.addWordRequested)
        return card

    def set_checking(self, text: str) -> None:
        self.summary.setText(text)
