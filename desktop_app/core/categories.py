"""The names findings speak in: severities, categories, principle keys (DESIGN.md).

Plain values, no types to build: the window's first paint needs these (the legend, the
findings groups, the principles panel), and importing them here costs nothing, where
core.findings builds its dataclasses. core.findings re-exports every name.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    MUST_FIX = "must-fix"
    ADVICE = "advice"
    SUGGESTION = "suggestion"

    @property
    def rank(self) -> int:
        """0 is the most serious; handy for sorting."""
        return _SEVERITY_RANK[self]

    @property
    def label(self) -> str:
        """What people read: "Must fix", "Advice", "Suggestion" (cards, legend, sheet, CLI)."""
        return SEVERITY_LABELS[self]


_SEVERITY_RANK = {Severity.MUST_FIX: 0, Severity.ADVICE: 1, Severity.SUGGESTION: 2}
SEVERITY_LABELS = {
    Severity.MUST_FIX: "Must fix",
    Severity.ADVICE: "Advice",
    Severity.SUGGESTION: "Suggestion",
}
# A principle's state in words: the same words as the severities, plus "Clear".
STATE_LABELS = {"clear": "Clear", "advice": "Advice", "must-fix": "Must fix"}

# Vale's `level` key mapped to our severities.
LEVEL_TO_SEVERITY = {
    "error": Severity.MUST_FIX,
    "warning": Severity.ADVICE,
    "suggestion": Severity.SUGGESTION,
}

# The contract of Finding.category (DESIGN.md). Names are fixed; a rule may change its level.
CONDUCT_CATEGORIES = (
    "personal-attack",
    "derogatory-label",
    "abuse",
    "discrimination",
    "sexualised",
    "private-info",
    "trolling",
    "amplification",
)
ADVICE_CATEGORIES = (
    "jargon",
    "readability",
    "insider-framing",
    "us-vs-them",
    "hedging",
    "vague-commitment",
    "credit",
    "invite-feedback",
    "hostile-reply",
    "passive-voice",
    "profanity",
    "offence-score",
)
# A learned second opinion: on the same words it yields to every other advice card (a rule
# that names the problem and offers a fix says more than a score).
SECOND_OPINION_CATEGORIES = ("offence-score",)
SUGGESTION_CATEGORIES = ("accessibility", "length", "grammar", "spelling", "style")
# A fill-in field of a rewrite the writer has not completed yet: must be fixed, and it keeps
# the conduct row from turning green (the rewrite replaced a conduct finding).
UNFINISHED_CATEGORIES = ("unfinished",)
CATEGORIES = CONDUCT_CATEGORIES + ADVICE_CATEGORIES + SUGGESTION_CATEGORIES + UNFINISHED_CATEGORIES

DEFAULT_SEVERITY = {
    **{c: Severity.MUST_FIX for c in CONDUCT_CATEGORIES},
    **{c: Severity.MUST_FIX for c in UNFINISHED_CATEGORIES},
    **{c: Severity.ADVICE for c in ADVICE_CATEGORIES},
    **{c: Severity.SUGGESTION for c in SUGGESTION_CATEGORIES},
}

PRINCIPLE_IDS = tuple(f"P{n}" for n in range(1, 11))
CONDUCT_KEY = "conduct"  # the principles panel shows all conduct clauses as one row
