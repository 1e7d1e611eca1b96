"""Reading age against the target, hard sentences, words, sentences, reading time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout

from desktop_app.ui.widgets import quiet

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Readability


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def reading_time(seconds: int) -> str:
    """Short enough for a narrow panel: seconds count only while the whole is short."""
    if seconds < 60:
        return f"{max(seconds, 0)} s"
    minutes, secs = divmod(seconds, 60)
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60} min"
    if minutes >= 10 or not secs:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"


def sentence_line(count: int, kind: str) -> str:
    """'2 hard sentences: aim for 0' (Hemingway's wording)."""
    return f"{count} {kind} sentence{'' if count == 1 else 's'}: aim for 0"


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:  # unchanged text must not relayout the window
        label.setText(text)


def _swatch(colour: str) -> str:
    return f"<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;</span>&nbsp;"


class ReadabilityPanel(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("readabilityPanel")
        self.setAccessibleName("Readability")
        self.colours = {"hard": "#fff1b8", "very-hard": "#ffd6d6"}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(4)
        heading = QLabel("Readability")
        heading.setProperty("role", "heading")
        layout.addWidget(heading)

        age_row = QHBoxLayout()
        self.age = QLabel("–")
        self.age.setObjectName("readingAge")
        self.age_caption = QLabel("reading age")
        self.age_caption.setProperty("role", "muted")
        self.age_caption.setWordWrap(True)
        age_row.addWidget(self.age)
        age_row.addWidget(self.age_caption, 1)
        layout.addLayout(age_row)

        self.hard = QLabel()
        self.very_hard = QLabel()
        for label in (self.hard, self.very_hard):
            label.setWordWrap(True)
            layout.addWidget(label)
        for label in (self.age, self.hard, self.very_hard):
            # no level yet: set here so set_readability(None) below has nothing to re-polish
            # (style().polish() is the first use of PySide6's Qt namespace, ~25 ms)
            label.setProperty("level", "")

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        self.words = QLabel("0")
        self.sentences = QLabel("0")
        self.time = QLabel("0 s")
        for col, (value, caption) in enumerate(
            ((self.words, "words"), (self.sentences, "sentences"), (self.time, "to read"))
        ):
            value.setProperty("role", "heading")
            cap = QLabel(caption)
            cap.setProperty("role", "muted")
            grid.addWidget(value, 0, col)
            grid.addWidget(cap, 1, col)
        layout.addSpacing(4)
        layout.addLayout(grid)
        self.set_readability(None)

    def set_colours(self, colours: dict[str, str]) -> None:
        self.colours = colours

    def _set_level(self, label: QLabel, level: str) -> None:
        quiet.set_style_property(label, "level", level)

    def set_readability(self, r: Readability | None) -> None:
        if r is None or r.words == 0:
            quiet.set_text(self.age, "–")
            _set(self.age_caption, "reading age: write a few sentences to see it")
            self._set_level(self.age, "")
            hard = very = words = sentences = seconds = 0
        else:
            hard, very, words, sentences = r.hard, r.very_hard, r.words, r.sentences
            seconds = r.reading_time_seconds
            target = f"{r.target_age:g}"
            if r.reading_age is None:
                quiet.set_text(self.age, "–")
                _set(self.age_caption, f"reading age (too short to score) · target {target}")
                self._set_level(self.age, "")
            else:
                age = round(r.reading_age)
                quiet.set_text(self.age, str(age))
                verdict = "on target" if age <= r.target_age else "too high"
                _set(self.age_caption, f"reading age ({verdict}: aim for {target} or under)")
                self._set_level(self.age, "ok" if age <= r.target_age else "over")
        _set(self.hard, _swatch(self.colours["hard"]) + sentence_line(hard, "hard"))
        _set(self.very_hard, _swatch(self.colours["very-hard"]) + sentence_line(very, "very hard"))
        self._set_level(self.hard, "hard" if hard else "")
        self._set_level(self.very_hard, "over" if very else "")
        quiet.set_text(self.words, f"{words:,}")
        quiet.set_text(self.sentences, f"{sentences:,}")
        quiet.set_text(self.time, reading_time(seconds))
        description = (
            f"{self.age.text()} {self.age_caption.text()}. {sentence_line(hard, 'hard')}. "
            f"{sentence_line(very, 'very hard')}. {_plural(words, 'word')}, "
            f"{_plural(sentences, 'sentence')}, {reading_time(seconds)} to read."
        )
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)
