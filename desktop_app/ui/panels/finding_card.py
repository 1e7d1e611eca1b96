"""One finding as a card: the words, the principle or clause, why, and what to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.categories import CONDUCT_KEY
from desktop_app.ui.panels.quote import quoted
from desktop_app.ui.widgets import quiet

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Finding, Suggestion

MAX_SUGGESTIONS = 4


def serves(finding: Finding, title: Callable[[str | None], str]) -> str:
    """'P6 · Criticise policy, not people' or 'Conduct policy · No abuse, ...' (titles from the pack)."""
    parts = []
    principle = finding.principle  # a conduct finding may name one too (from principles.yml)
    if principle:
        parts.append(f"{principle} · {title(principle)}")
    if finding.clause:
        parts.append(f"{title(CONDUCT_KEY)} · {title(finding.clause)}")
    elif finding.is_conduct and not principle:
        parts.append(title(CONDUCT_KEY))
    return "\n".join(parts)


def suggestion_label(finding: Finding, s: Suggestion) -> str:
    if s.label:
        return s.label
    if not s.replacement.strip():
        return "Remove it"
    return s.replacement


def _short(label: str, limit: int = 30) -> str:
    """Button text: long rewrites are cut (the tooltip and accessible name have it all)."""
    label = " ".join(label.split())
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    if " " in cut[limit // 2 :]:  # end on a whole word when one is near
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def card_key(finding: Finding, nth: int) -> tuple:
    """Stable while typing elsewhere: positions are left out so cards are reused."""
    return (finding.rule, finding.text, finding.message, nth)


class FindingCard(QFrame):
    activated = Signal(object)  # Finding: show it in the editor
    applyRequested = Signal(object, object)  # Finding, Suggestion
    ignoreHereRequested = Signal(object)
    ignoreRuleRequested = Signal(object)
    addWordRequested = Signal(object)  # Finding: a spelling the user says is right

    def __init__(self, finding: Finding, title: Callable[[str | None], str], parent=None):
        super().__init__(parent)
        self.setObjectName("findingCard")
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        # (no Maximum height: with wrapped labels that squashed the text into itself)
        self.setProperty("severity", finding.severity.value)
        self.setProperty("selected", False)
        self.finding = finding
        self._title = title

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)

        self.severity_label = QLabel(f"● {finding.severity.label}")
        self.severity_label.setObjectName("cardSeverity")
        self.severity_label.setProperty("severity", finding.severity.value)
        layout.addWidget(self.severity_label)
        self.serves_label = QLabel(serves(finding, title))
        self.serves_label.setProperty("role", "muted")
        self.serves_label.setWordWrap(True)
        layout.addWidget(self.serves_label)
        # Spelling and grammar serve no principle: no empty line under the severity.
        self.serves_label.setVisible(bool(self.serves_label.text()))

        self.words_label = QLabel(quoted(finding.text))
        self.words_label.setObjectName("cardWords")
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        layout.addWidget(self.words_label)

        self.message_label = QLabel(finding.message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        layout.addWidget(self.message_label)

        self.why_label = QLabel(finding.why)
        self.why_label.setProperty("role", "muted")
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        layout.addWidget(self.why_label)
        self.why_label.setVisible(bool(finding.why))  # after it has a parent: never a window

        # A grid (two a row), not a Python flow layout: layouts written in Python are called
        # hundreds of times per relayout, which made typing stutter with many cards.
        self.suggestion_row = QGridLayout()
        self.suggestion_row.setHorizontalSpacing(6)
        self.suggestion_row.setVerticalSpacing(6)
        layout.addLayout(self.suggestion_row)
        self.suggestion_buttons: list[QPushButton] = []

        self.add_word_button = None
        if finding.category == "spelling":
            # A row of its own: beside the two Ignore links it widened every card in the list.
            self.add_word_button = self._link(
                "Add to dictionary", f"Add {quoted(finding.text)} to your dictionary"
            )
            self.add_word_button.clicked.connect(lambda: self.addWordRequested.emit(self.finding))
            add_row = QHBoxLayout()
            add_row.addStretch(1)
            add_row.addWidget(self.add_word_button)
            layout.addLayout(add_row)

        actions = QHBoxLayout()
        actions.addStretch(1)
        ask = "…" if finding.is_conduct else ""
        self.ignore_here_button = self._link(f"Ignore here{ask}", "Ignore this finding in this draft")
        self.ignore_here_button.clicked.connect(lambda: self.ignoreHereRequested.emit(self.finding))
        actions.addWidget(self.ignore_here_button)
        # The conduct policy applies to every draft: only a policy pack can change its rules.
        self.ignore_rule_button = None
        if not finding.is_conduct and not finding.is_unfinished:
            self.ignore_rule_button = self._link("Ignore rule", "Stop checking this rule in every draft")
            self.ignore_rule_button.clicked.connect(lambda: self.ignoreRuleRequested.emit(self.finding))
            actions.addWidget(self.ignore_rule_button)
        layout.addLayout(actions)

        self._suggestion_labels: tuple = ()
        self._columns = 1  # until the list says there is room for two (fit_width)
        self._build_suggestions()
        self._update_accessible()

    def focus_chain(self) -> list[QWidget]:
        """The card's Tab stops in reading order: the card, its rewrites, then the links."""
        links = [self.add_word_button, self.ignore_here_button, self.ignore_rule_button]
        return [self, *self.suggestion_buttons, *(w for w in links if w is not None)]

    def _link(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("linkButton")
        button.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(accessible)
        return button

    def _build_suggestions(self) -> None:
        labels = tuple(suggestion_label(self.finding, s) for s in self.finding.suggestions[:MAX_SUGGESTIONS])
        if labels == self._suggestion_labels:
            return
        self._suggestion_labels = labels
        for button in self.suggestion_buttons:
            self.suggestion_row.removeWidget(button)
            button.deleteLater()
        self.suggestion_buttons = []
        for index, label in enumerate(labels):
            button = QPushButton(_short(label))
            button.setObjectName("suggestionButton")
            button.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
            suggestion = self.finding.suggestions[index]
            button.setAccessibleName(f"Apply suggestion: replace {quoted(self.finding.text)} with {label}")
            tip = f"Replace {quoted(self.finding.text, 40)} with “{' '.join(suggestion.replacement.split())}”"
            if suggestion.fields:
                tip += ". Then type your own words over each [bracketed] field; Tab goes to the next."
            elif suggestion.adds:
                tip = f"Add “{suggestion.replacement.strip()}” to the post"
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, i=index: self._apply(i))
            self.suggestion_buttons.append(button)
        self._place_suggestions()
        self.suggestion_row.setColumnStretch(2, 1)

    def fit_width(self, width: int) -> None:
        """Rewrites two a row when they fit in `width` (the list's), else one a row, so a
        narrow window never pushes the cards past the edge of the list."""
        widths = sorted((b.sizeHint().width() for b in self.suggestion_buttons), reverse=True)
        margins = self.layout().contentsMargins()
        needed = (
            sum(widths[:2]) + self.suggestion_row.horizontalSpacing() + margins.left() + margins.right() + 8
        )
        columns = 2 if len(widths) > 1 and needed <= width else 1
        if columns != self._columns:
            self._columns = columns
            self._place_suggestions()

    def _place_suggestions(self) -> None:
        for button in self.suggestion_buttons:
            self.suggestion_row.removeWidget(button)
        for index, button in enumerate(self.suggestion_buttons):
            self.suggestion_row.addWidget(button, index // self._columns, index % self._columns)

    def _apply(self, index: int) -> None:
        if index < len(self.finding.suggestions):
            self.applyRequested.emit(self.finding, self.finding.suggestions[index])

    def _update_accessible(self) -> None:
        f = self.finding
        self.setAccessibleName(f"{f.severity.label}: {quoted(f.text)}")
        self.setAccessibleDescription(" ".join(p for p in (serves(f, self._title), f.message, f.why) if p))

    def update_finding(self, finding: Finding) -> None:
        """Same rule and words, new position (or new suggestions): keep the widget."""
        self.finding = finding
        self._build_suggestions()

    def set_selected(self, selected: bool) -> None:
        quiet.set_style_property(self, "selected", selected)

    def mousePressEvent(self, ev):
        self.activated.emit(self.finding)
        super().mousePressEvent(ev)

    def keyPressEvent(self, ev):
        if ev.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_Space):
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(ev)
