"""A whole post fixed: the first suggestion of every finding, applied without overlaps, then
checked again for what the first round could not reach (a finding hidden under another
one's words), as a writer clicking through the cards would.

    fix_post(text, analyze) -> FixResult

`analyze(text)` is the engine's (returns a core.findings.Report). Pure Python: the command
line and the tests use it; the window applies one suggestion at a time itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.core.findings import Finding, Report, Severity
from desktop_app.core.fixes import AppliedFix, apply_fixes, fields_in, first_fixes

MAX_ROUNDS = 3  # a second round picks up findings that overlapped; a third is a safety margin


@dataclass
class FixResult:
    original: str
    text: str
    report: Report  # of the fixed text
    applied: list[AppliedFix] = field(default_factory=list)  # every round's, in order

    @property
    def fields(self) -> list[str]:
        """Fill-in fields left in the fixed text, as written ("[what they did]")."""
        return [self.text[a:b] for a, b in fields_in(self.text)]

    @property
    def must_fix(self) -> list[Finding]:
        return [f for f in self.report.findings if f.severity is Severity.MUST_FIX]

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "changed": self.text != self.original,
            "applied": [a.to_dict() for a in self.applied],
            "fields": self.fields,
            "must_fix": [
                {"rule": f.rule, "category": f.category, "text": f.text, "message": f.message}
                for f in self.must_fix
            ],
        }


def fix_post(text: str, analyze: Callable[[str], Report]) -> FixResult:
    report = analyze(text)
    applied: list[AppliedFix] = []
    current = text
    tried: set[tuple[str, str]] = set()  # (rule, words) already fixed once: never again
    for _round in range(MAX_ROUNDS):
        candidates = [f for f in report.findings if (f.rule, f.text) not in tried]
        chosen = first_fixes(candidates)
        if not chosen:
            break
        result = apply_fixes(current, chosen)
        tried.update((f.rule, f.text) for f, _ in chosen)
        if result.text == current:
            break
        applied.extend(result.fixes)
        current = result.text
        report = analyze(current)
    return FixResult(text, current, report, applied)
