"""Applying fixes: the first suggestion of every finding, without overlaps, as the editor
would one click at a time; and the fill-in fields a rewrite leaves for the writer.

    first_fixes(findings) -> [(finding, suggestion)]   the ones a blanket "fix" applies
    apply_fixes(text, chosen) -> Applied               the text, and where each went
    fields_in(text) -> [(start, end)]                  "[what they did]" fields left

A suggestion that adds words the post did not have (`Suggestion.adds`: "What do you
think?") is never applied by a blanket fix: the writer chooses it on the card. Nor is a
finding with no suggestion: its card says what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core.findings import Finding, Suggestion

# A fill-in field as written in plain text: a short prompt in square brackets.
FIELD = re.compile(r"\[(?=[^\]\n]*[a-z])[^\[\]\n]{1,80}\]")


@dataclass(frozen=True, slots=True)
class AppliedFix:
    finding: Finding
    suggestion: Suggestion
    start: int  # where the replacement now is, in the fixed text
    end: int

    def fields(self) -> list[tuple[int, int]]:
        """The fill-in fields of this replacement, in the fixed text."""
        return [(self.start + a, self.start + b) for a, b in self.suggestion.fields]

    def to_dict(self) -> dict:
        s = self.suggestion
        return {
            "rule": self.finding.rule,
            "category": self.finding.category,
            "text": self.finding.text,
            "replacement": s.replacement,
            "fields": [s.replacement[a:b] for a, b in s.fields],
        }


@dataclass
class Applied:
    text: str
    fixes: list[AppliedFix] = field(default_factory=list)


def one_click(finding: Finding) -> Suggestion | None:
    """The suggestion a blanket fix applies for this finding, or None (none, or it adds words)."""
    for suggestion in finding.suggestions[:1]:
        if not suggestion.adds:
            return suggestion
    return None


def _priority(finding: Finding) -> tuple:
    # must-fix before advice before suggestion; then the wider rewrite; then the earlier
    return (finding.severity.rank, -(finding.end - finding.start), finding.start, finding.rule)


def first_fixes(findings: Iterable[Finding]) -> list[tuple[Finding, Suggestion]]:
    """The first suggestion of each finding that has a one-click one, in text order, leaving
    out any whose span overlaps one already chosen (the more serious finding wins, as it
    does for cards). Two insertions at the same place count as overlapping."""
    chosen: list[tuple[Finding, Suggestion]] = []
    for finding in sorted(findings, key=_priority):
        suggestion = one_click(finding)
        if suggestion is None:
            continue
        if any(_overlap(suggestion, other) for _, other in chosen):
            continue
        chosen.append((finding, suggestion))
    return sorted(chosen, key=lambda pair: (pair[1].start, pair[1].end))


def _overlap(a: Suggestion, b: Suggestion) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end and (a.start == b.start or a.end == b.end)
    return a.start < b.end and b.start < a.end


def apply_fixes(text: str, chosen: list[tuple[Finding, Suggestion]]) -> Applied:
    """Apply non-overlapping suggestions (as first_fixes gives them) to `text`."""
    out: list[str] = []
    fixes: list[AppliedFix] = []
    pos = 0
    length = 0
    for finding, s in sorted(chosen, key=lambda pair: (pair[1].start, pair[1].end)):
        if s.start < pos:
            continue  # overlapping: never applied twice
        out.append(text[pos : s.start])
        length += s.start - pos
        fixes.append(AppliedFix(finding, s, length, length + len(s.replacement)))
        out.append(s.replacement)
        length += len(s.replacement)
        pos = s.end
    out.append(text[pos:])
    return Applied("".join(out), fixes)


def fields_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fill-in field in `text`, brackets included."""
    return [m.span() for m in FIELD.finditer(text)]


def field_spans(replacement: str) -> tuple[tuple[int, int], ...]:
    """The fields of a rewrite built from a template (its [bracketed] prompts)."""
    return tuple(m.span() for m in FIELD.finditer(replacement))
