"""Finding and Report: the one shape every layer speaks (engine, command line, GUI).

Spans are Python string indices (code points). The GUI maps them to UTF-16 itself
(see core/text.py and core/offsets.py); the grammar lane maps LanguageTool's UTF-16 offsets back to these.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# The contract's names live in core.categories (cheap to import: the window's first paint
# needs them, not these dataclasses); every one is re-exported here.
from desktop_app.core.categories import (  # noqa: F401
    ADVICE_CATEGORIES,
    CATEGORIES,
    CONDUCT_CATEGORIES,
    CONDUCT_KEY,
    DEFAULT_SEVERITY,
    LEVEL_TO_SEVERITY,
    PRINCIPLE_IDS,
    SECOND_OPINION_CATEGORIES,
    SEVERITY_LABELS,
    STATE_LABELS,
    SUGGESTION_CATEGORIES,
    UNFINISHED_CATEGORIES,
    Severity,
)
from desktop_app.core.quick_init import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Suggestion:
    """A replacement for text[start:end]. `label` is what a button shows.

    `fields`: (start, end) of each fill-in field inside `replacement` ("[what they did]"),
    for the writer to complete. `adds`: the suggestion adds words the post did not have
    (an invitation to reply, a thank-you): offered on the card, never applied by a blanket
    "apply the first suggestion" (the `fix` command, Ctrl+.)."""

    replacement: str
    start: int
    end: int
    label: str = ""
    fields: tuple[tuple[int, int], ...] = ()
    adds: bool = False

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]

    def shifted(self, offset: int) -> Suggestion:
        return replace(self, start=self.start + offset, end=self.end + offset)

    def to_dict(self) -> dict:
        out = {
            "replacement": self.replacement,
            "start": self.start,
            "end": self.end,
            "label": self.label or self.replacement,
        }
        if self.fields:
            out["fields"] = [self.replacement[a:b] for a, b in self.fields]
        if self.adds:
            out["adds"] = True
        return out


@quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    text: str
    rule: str
    category: str
    severity: Severity
    message: str
    why: str = ""
    principle: str | None = None  # "P1".."P10"
    clause: str | None = None  # "C-abuse", ...
    suggestions: tuple[Suggestion, ...] = ()
    link: str = ""

    @property
    def is_conduct(self) -> bool:
        return self.clause is not None or self.category in CONDUCT_CATEGORIES

    @property
    def is_unfinished(self) -> bool:
        """A fill-in field left in the text: it counts against the conduct policy's row."""
        return self.category in UNFINISHED_CATEGORIES

    def shifted(self, offset: int) -> Finding:
        """The same finding moved by `offset` characters (for per-paragraph caching)."""
        if offset == 0:
            return self
        return Finding(
            start=self.start + offset,
            end=self.end + offset,
            text=self.text,
            rule=self.rule,
            category=self.category,
            severity=self.severity,
            message=self.message,
            why=self.why,
            principle=self.principle,
            clause=self.clause,
            suggestions=tuple(s.shifted(offset) for s in self.suggestions),
            link=self.link,
        )

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "category": self.category,
            "principle": self.principle,
            "clause": self.clause,
            "severity": self.severity.value,
            "message": self.message,
            "why": self.why,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "link": self.link,
        }


@quick_init
@dataclass(frozen=True, slots=True)
class PrincipleStatus:
    id: str  # "P1".."P10" or CONDUCT_KEY
    title: str
    state: str  # "clear" | "advice" | "must-fix"
    count: int

    def to_dict(self) -> dict:
        # Written out (not dataclasses.asdict, which deep-copies): the command line's batch
        # path builds one per principle per post. Same keys, same order.
        return {"id": self.id, "title": self.title, "state": self.state, "count": self.count}


@quick_init
@dataclass(frozen=True, slots=True)
class SentenceScore:
    start: int
    end: int
    words: int
    ari: float
    level: str  # "ok" | "hard" | "very-hard"

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "ari": self.ari,
            "level": self.level,
        }


@quick_init
@dataclass(frozen=True, slots=True)
class Readability:
    reading_age: float | None  # None when the text is too short to score
    target_age: float
    words: int
    sentences: int
    hard: int
    very_hard: int
    reading_time_seconds: int
    sentence_scores: tuple[SentenceScore, ...] = ()

    def to_dict(self) -> dict:
        return {
            "reading_age": self.reading_age,
            "target_age": self.target_age,
            "words": self.words,
            "sentences": self.sentences,
            "hard": self.hard,
            "very_hard": self.very_hard,
            "reading_time_seconds": self.reading_time_seconds,
            "sentence_scores": [s.to_dict() for s in self.sentence_scores],
        }


def amount(n: int, unit: str) -> str:
    """'1 character', '12 characters', '1 link': a count and its unit (a plural noun)."""
    return f"{n:,} {unit if n != 1 else unit[:-1]}"


@quick_init
@dataclass(frozen=True, slots=True)
class PlatformFit:
    name: str  # "X", "Bluesky", ...
    limit: int | None
    length: int  # as the network counts it
    overflow_start: int | None = None  # Python index where the text passes the limit (or byte cap)
    byte_length: int | None = None  # UTF-8 bytes as posted, where the network also caps bytes
    byte_limit: int | None = None  # that cap (Bluesky: 3,000); None: no byte cap
    link_count: int | None = None  # different links in the post, where the network caps them
    link_limit: int | None = None  # that cap (Threads: 5); None: no cap on links

    @property
    def over_bytes(self) -> bool:
        """Within the character limit perhaps, but past the network's byte cap."""
        if self.byte_limit is None or self.byte_length is None:
            return False
        return self.byte_length > self.byte_limit

    @property
    def over_links(self) -> bool:
        """More different links than the network takes in one post (it refuses the post)."""
        if self.link_limit is None or self.link_count is None:
            return False
        return self.link_count > self.link_limit

    @property
    def over(self) -> bool:
        return (self.limit is not None and self.length > self.limit) or self.over_bytes or self.over_links

    def over_by(self) -> tuple[int, str]:
        """How far over and in what: (12, "characters"), or (14, "bytes") when only the
        byte cap is passed, or (1, "links") when only the cap on links is; (0, "characters")
        when the post fits."""
        if self.limit is not None and self.length > self.limit:
            return self.length - self.limit, "characters"
        if self.over_bytes:
            return self.byte_length - self.byte_limit, "bytes"
        if self.over_links:
            return self.link_count - self.link_limit, "links"
        return 0, "characters"

    def cap(self, unit: str) -> int | None:
        """The limit `unit` (from over_by) is counted against."""
        return {"characters": self.limit, "bytes": self.byte_limit, "links": self.link_limit}.get(unit)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "limit": self.limit,
            "length": self.length,
            "over": self.over,
            "overflow_start": self.overflow_start,
            "byte_length": self.byte_length,
            "byte_limit": self.byte_limit,
            "link_count": self.link_count,
            "link_limit": self.link_limit,
        }


@dataclass(frozen=True, slots=True)
class GrammarState:
    state: str = "off"  # "off" | "starting" | "ready" | "unavailable" | "checking"
    detail: str = ""

    def to_dict(self) -> dict:
        return {"state": self.state, "detail": self.detail}


@dataclass(slots=True)
class Report:
    text: str
    revision: int = 0
    findings: list[Finding] = field(default_factory=list)
    principles: dict[str, PrincipleStatus] = field(default_factory=dict)
    readability: Readability | None = None
    platforms: list[PlatformFit] = field(default_factory=list)
    grammar: GrammarState = field(default_factory=GrammarState)

    @property
    def must_fix(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.MUST_FIX]

    def to_dict(self) -> dict:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "principles": {k: v.to_dict() for k, v in self.principles.items()},
            "readability": self.readability.to_dict() if self.readability else None,
            "platforms": [p.to_dict() for p in self.platforms],
            "grammar": self.grammar.to_dict(),
        }


def principle_statuses(findings: list[Finding], titles: dict[str, str]) -> dict[str, PrincipleStatus]:
    """State and count per principle P1..P10 plus one row for the conduct policy.

    `titles` maps "P1".. and CONDUCT_KEY to short titles (from policy/principles.yml).
    """
    counts: dict[str, int] = {}
    must_fix: set[str] = set()
    for f in findings:
        serious = f.severity is Severity.MUST_FIX
        if f.is_conduct or f.is_unfinished:
            counts[CONDUCT_KEY] = counts.get(CONDUCT_KEY, 0) + 1
            if serious:
                must_fix.add(CONDUCT_KEY)
        # A conduct finding may also name the principle it breaks (a personal attack
        # breaks P6 too), so it counts in both rows.
        if f.principle in _ROW_KEYS:
            counts[f.principle] = counts.get(f.principle, 0) + 1
            if serious:
                must_fix.add(f.principle)
    out = dict(_clear_rows(titles))  # most rows are clear: only the others are looked up
    for key, count in counts.items():  # rows already in place keep their order
        state = "must-fix" if key in must_fix else "advice"
        out[key] = _status(key, titles.get(key, key), state, count)
    return out


_ROWS = (*PRINCIPLE_IDS, CONDUCT_KEY)
_ROW_KEYS = frozenset(_ROWS)
# Rows are frozen, and a report's rows are nearly always among a few dozen (most are clear):
# one object serves every report with that row. Bounded, for titles that keep changing.
_STATUSES: dict[tuple[str, str, str, int], PrincipleStatus] = {}
_CLEAR: dict[tuple, dict[str, PrincipleStatus]] = {}  # every row clear, per set of titles


def _clear_rows(titles: dict[str, str]) -> dict[str, PrincipleStatus]:
    key = tuple(titles.items())
    rows = _CLEAR.get(key)
    if rows is None:
        if len(_CLEAR) >= 64:
            _CLEAR.clear()
        rows = _CLEAR[key] = {k: _status(k, titles.get(k, k), "clear", 0) for k in _ROWS}
    return rows


def _status(key: str, title: str, state: str, count: int) -> PrincipleStatus:
    status = _STATUSES.get((key, title, state, count))
    if status is None:
        if len(_STATUSES) >= 4096:
            _STATUSES.clear()
        status = _STATUSES[key, title, state, count] = PrincipleStatus(key, title, state, count)
    return status
