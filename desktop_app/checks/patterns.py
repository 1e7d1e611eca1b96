"""RE2 patterns for rules: compiled in linear time, word lists as one alternation (or a
WordSet when long), and patterns known to compile built on first use.

RE2 runs in time linear in the text whatever the pattern, so no rule file can hang the
editor; its syntax has no look-arounds or back-references. Vale (Go's regexp2) has
look-arounds: one at a token's edge is turned into a check on the match (lookaround.py);
an entry RE2 cannot run any other way costs only that entry, reported through
`collect_dropped()`, never the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import re2

from desktop_app.checks.lookaround import PatternUnion, Untranslatable, split_edges, translate
from desktop_app.checks.values import RuleError, shown
from desktop_app.checks.wordset import LONG_LIST, WordSet, plain_entry

OPTIONS = re2.Options()
OPTIONS.log_errors = False  # RE2 would otherwise print parse errors on stderr


# Patterns RE2 has compiled before, on this machine (the policy pack keeps them in its disk
# cache). One of these is known to be good, so it is compiled when a rule first uses it, not
# while the pack loads: a one-off `check` then compiles only the patterns the post needs.
known_patterns: set[str] = set()


class LazyPattern:
    """An RE2 pattern compiled on first use; `pattern` is its text (for the prefilter)."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled = None

    def compiled(self):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re2.compile(self.pattern, OPTIONS)
        return compiled

    def finditer(self, text, *args):
        return self.compiled().finditer(text, *args)

    def search(self, text, *args):
        return self.compiled().search(text, *args)

    def match(self, text, *args):
        return self.compiled().match(text, *args)

    def fullmatch(self, text, *args):
        return self.compiled().fullmatch(text, *args)


class ChunkedPattern(PatternUnion):
    """One alternation (`pattern`, what the prefilter reads) run as several RE2 patterns:
    the leftmost match wins, then the longest, as in PatternUnion."""

    def __init__(self, pattern: str, parts: list):
        super().__init__(parts)
        self.pattern = pattern


def probe_patterns(regex) -> str | list[str]:
    """What a rule's prefilter probe reads for `regex`: its text, or for a long list compiled
    as pieces, each piece's (the prefilter's RE2 set also compiles while holding the GIL:
    CodedHate's 37,000 characters as one probe held it for 36 ms as the engine warmed up)."""
    if isinstance(regex, ChunkedPattern):
        pieces = [_probe_of(part) for part in regex.parts]
        return None if None in pieces else pieces
    return regex.pattern


def _probe_of(part) -> str | None:
    """A piece's probe. A piece holding an entry with a look-around at its edge compiles as a
    guarded pattern (no RE2 text of its own): its core stands for it, since the guard only
    narrows what the core matches; a union of such pieces is probed by its parts together.
    None: no probe can be made (the rule then runs on every text)."""
    if part.pattern is not None:
        return part.pattern
    core = getattr(part, "core", None)
    if core is not None:
        return _probe_of(core)
    parts = getattr(part, "parts", None)
    if not parts:
        return None
    pieces = [_probe_of(p) for p in parts]
    return None if None in pieces else "|".join(f"(?:{piece})" for piece in pieces)


def merge_spans(found: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of several patterns as one alternation's: leftmost first, then longest, none
    overlapping one already taken (PatternUnion.finditer's rule, on spans)."""
    out, taken = [], -1
    for s, e in sorted(found, key=lambda span: (span[0], -span[1])):
        if s >= taken:
            taken = max(e, s + 1)
            out.append((s, e))
    return out


_UNANCHORED = re2._Anchor.UNANCHORED
_NO_MATCH = (-1, -1)


def byte_spans(compiled, data: bytes) -> list[tuple[int, int]]:
    """[m.span() for m in compiled.finditer(data)] for a compiled RE2 pattern on bytes.

    The wrapper builds a Match object and runs a generator step per match, which costs more
    than RE2's own search on a post; this calls RE2 directly and steps on as the wrapper
    does (past an empty match by one byte). A wrapper without that door uses finditer."""
    match = getattr(getattr(compiled, "_regexp", None), "Match", None)
    if match is None:
        return [m.span() for m in compiled.finditer(data)]
    found = []
    pos, end = 0, len(data)
    while True:
        span = match(_UNANCHORED, data, pos, end)[0]
        if span == _NO_MATCH:
            return found
        found.append(span)
        if pos == end:
            return found
        pos = pos + 1 if pos == span[1] else span[1]


def byte_groups(compiled, data: bytes) -> list[list[tuple[int, int]]] | None:
    """Each match's spans in UTF-8 `data` (the whole match, then each group; (-1, -1) for a
    group that took no part), found as the wrapper's finditer finds them in the text those
    bytes encode: past an empty match by one character. None without RE2's inside."""
    match = getattr(getattr(compiled, "_regexp", None), "Match", None)
    if match is None:
        return None
    found = []
    pos, end = 0, len(data)
    while True:
        spans = match(_UNANCHORED, data, pos, end)
        if spans[0] == _NO_MATCH:
            return found
        found.append(spans)
        if pos == end:
            return found
        if pos == spans[0][1]:
            pos += 1
            while pos < end and data[pos] & 0xC0 == 0x80:  # a continuation byte: same character
                pos += 1
        else:
            pos = spans[0][1]


# Entries dropped while a rule compiles (a pattern RE2 cannot run): the policy loader
# collects them and reports each one; without a collector a bad entry fails the rule.
_dropped: ContextVar[list[RuleError] | None] = ContextVar("dropped_entries", default=None)


@contextmanager
def collect_dropped() -> Iterator[list[RuleError]]:
    """While active, a list entry RE2 cannot run is dropped (and listed here) instead of
    failing its rule."""
    token = _dropped.set([])
    try:
        yield _dropped.get()  # type: ignore[misc]
    finally:
        _dropped.reset(token)


def drop_entry(error: RuleError) -> None:
    """Drop one entry of a list (reported by the collector), or raise without a collector."""
    collected = _dropped.get()
    if collected is None:
        raise error
    collected.append(error)


def _re2(full: str):
    try:
        return re2.compile(full, OPTIONS)
    except Exception as exc:  # re2 raises its own error type
        raise ValueError(
            exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        ) from None


def _with_flags(pattern: str, ignorecase: bool, multiline: bool) -> str:
    flags = ("i" if ignorecase else "") + ("m" if multiline else "")
    return (f"(?{flags})" if flags else "") + pattern


def compile_re(pattern: str, key: str, ignorecase: bool = False, multiline: bool = False):
    """Compile with RE2 (linear time: no pattern or input can hang the analysis). A pattern
    with look-arounds at its edges becomes a guarded pattern (lookaround.py). `multiline`:
    `^` and `$` also match at line breaks (Vale compiles every rule so)."""
    if not isinstance(pattern, str):
        raise RuleError(key, f"expected a pattern (text), got {type(pattern).__name__}")
    full = _with_flags(pattern, ignorecase, multiline)
    if full in known_patterns:
        return LazyPattern(full)
    try:
        compiled = _re2(full)
    except ValueError as exc:
        if _has_lookaround(pattern):
            try:
                return translate(full, _re2)
            except (Untranslatable, ValueError):
                pass
        raise RuleError(key, f"bad pattern {shown(pattern)}: {exc}") from None
    known_patterns.add(full)
    return compiled


_PLAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '-’&")


def is_literal(pattern: str) -> bool:
    return all(c in _PLAIN_CHARS or ord(c) > 127 for c in pattern)


_GROUP_OPENING = re.compile(r"\(\?-?[imsU]*-?[imsU]*[:)]")


def _edge_is_word(pattern: str, at_start: bool) -> bool:
    """Whether a token begins (ends) with a word character, so a word boundary makes sense.
    A heuristic over the pattern's text: good for word lists, conservative for odd regexes."""
    p = pattern
    if at_start:
        while p.startswith("("):
            flags = _GROUP_OPENING.match(p)  # "(?:", "(?i)", "(?i:", "(?-i:" or "("
            p = p[flags.end() if flags else 1 :]
        if not p:
            return False
        if p[0] == "\\":
            return p[1:2] in ("w", "d") or (p[1:2].isalnum() and p[1:2] not in ("b", "s", "W", "D", "S"))
        if p[0] == "[":
            inner = p[1:].lstrip("^")
            return bool(inner) and (inner[0].isalnum() or inner.startswith(("\\w", "\\d", "\\p")))
        return p[0].isalnum() or p[0] == "_"
    while True:
        q = p.rstrip("+*?)")
        if q.endswith("}") and "{" in q:
            q = q[: q.rindex("{")]
        if q == p:
            break
        p = q
    if not p:
        return False
    if len(p) >= 2 and p[-2] == "\\" and (len(p) < 3 or p[-3] != "\\"):
        return p[-1] in ("w", "d")
    if p[-1] == "]" and "[" in p:
        inner = p[p.rindex("[") + 1 : -1].lstrip("^")
        return bool(inner) and (inner[0].isalnum() or inner.startswith(("\\w", "\\d", "\\p")))
    return p[-1].isalnum() or p[-1] == "_"


def _has_lookaround(pattern: str) -> bool:
    return any(look in pattern for look in ("(?<=", "(?<!", "(?=", "(?!"))


def _reason(token: str, message: str) -> str:
    if _has_lookaround(token):
        return (
            "a look-around that is not at the entry's start or end (or has no bounded width) cannot run here"
        )
    return message.split(": ", 1)[-1] if message.startswith("bad pattern") else message


def _core_of(token: str) -> str:
    if not _has_lookaround(token):
        return token
    try:
        return split_edges(token)[0]
    except Untranslatable:
        return token


def _longest_first(tokens: Iterable[str]) -> list[str]:
    """Each token once, longest first, so "going forward" wins over "going" at the same place."""
    return sorted({t for t in tokens if t}, key=lambda t: (-len(t), t))


def in_runs(items: list, size, budget: int) -> list[list]:
    """`items` in order, in runs whose sizes (`size(item)`) add up to about `budget` at most;
    an item larger than the budget makes a run of its own."""
    runs: list[list] = [[]]
    total = 0
    for item in items:
        if runs[-1] and total + size(item) > budget:
            runs.append([])
            total = 0
        runs[-1].append(item)
        total += size(item)
    return [run for run in runs if run]


def word_alternation(tokens: Iterable[str], nonword: bool = False) -> str:
    """One pattern for a list of tokens, each matched as a whole word (Vale's `\\b(?:...)\\b`)."""
    parts = []
    for token in _longest_first(tokens):
        if nonword:
            parts.append(f"(?:{token})")
            continue
        edges = _core_of(token)  # look-arounds are zero-width: the word edge is the core's
        left = "\\b" if _edge_is_word(edges, True) else ""
        right = "\\b" if _edge_is_word(edges, False) else ""
        parts.append(f"{left}(?:{token}){right}")
    return "|".join(parts)


# RE2 holds the GIL while it compiles, about 1 ms per 1,000 characters of our hardest lists
# (CodedHate's gaps between words): a 30,000-character alternation stalled the window for
# 30 ms as the first post was checked. A longer list is compiled as pieces of about this
# size, each on first use, so the window draws between them.
CHUNK_CHARS = 6_000
# Past this many pieces a list is compiled whole as before: one too large for RE2 is reported
# as such rather than run as hundreds of patterns on every keystroke. Not too few: CodedHate at
# 66,000 characters compiled whole, and its prefilter automaton, too large for RE2's memory,
# was rebuilt on every text (a sixth of the time `replies` took).
MAX_CHUNKS = 16


def _compile_alternation(tokens: list[str], key: str, ignorecase: bool, nonword: bool, multiline: bool):
    whole = word_alternation(tokens, nonword=nonword)
    if len(whole) <= CHUNK_CHARS or len(whole) > CHUNK_CHARS * MAX_CHUNKS:
        return compile_re(whole, key, ignorecase, multiline)
    # + 8: the word edges and the bar around each token
    groups = in_runs(_longest_first(tokens), lambda token: len(token) + 8, CHUNK_CHARS)
    parts = [
        compile_re(word_alternation(group, nonword=nonword), key, ignorecase, multiline) for group in groups
    ]
    return ChunkedPattern(_with_flags(whole, ignorecase, multiline), parts)


def compile_words(
    tokens: Iterable[str], key: str, ignorecase: bool = False, nonword: bool = False, multiline: bool = False
):
    """A word list, each entry matched as a whole word (anywhere with `nonword`): one RE2
    pattern, or for a long list (LONG_LIST entries or more) a WordSet of its plain entries
    plus one RE2 pattern for the rest. On failure, the error names the entry at fault
    (key[i]); entries are compiled one by one only then, so loading stays fast."""
    tokens = [t for t in tokens if t]
    if len(tokens) >= LONG_LIST and not nonword:
        plain = [t for t in tokens if plain_entry(t)]
        others = [(i, t) for i, t in enumerate(tokens) if not plain_entry(t)]
        rest = _compile_list(
            [t for _, t in others], key, ignorecase, nonword, [i for i, _ in others], multiline
        )
        return WordSet(plain, ignorecase, rest)
    compiled = _compile_list(tokens, key, ignorecase, nonword, None, multiline)
    if compiled is None and tokens:
        raise RuleError(key, "no entry of the list can run (each one is reported)")
    return compiled


def _compile_list(
    tokens: list[str],
    key: str,
    ignorecase: bool,
    nonword: bool,
    positions: list[int] | None = None,
    multiline: bool = False,
):
    """One RE2 pattern for `tokens` (None for none); `positions`: their indices in the rule's
    list. When the list does not compile, each entry is tried alone: the good ones stay one
    pattern, an entry with edge look-arounds becomes a guarded pattern, and an entry that
    cannot run is dropped (drop_entry) so it costs only itself."""
    if not tokens:
        return None
    try:
        return _compile_alternation(tokens, key, ignorecase, nonword, multiline)
    except RuleError as whole:
        if "too large" in whole.message:
            raise RuleError(
                key, f"{len(tokens):,} patterns together are too large to compile (plain words have no limit)"
            ) from None
        good, parts = [], []
        for i, token in enumerate(tokens):
            where = f"{key}[{positions[i] if positions else i}]"
            try:
                compiled = compile_re(
                    word_alternation([token], nonword=nonword), where, ignorecase, multiline
                )
            except RuleError as bad:
                drop_entry(RuleError(where, f"{shown(token)} skipped: {_reason(token, bad.message)}"))
                continue
            if isinstance(compiled, re2._Regexp | LazyPattern):
                good.append(token)
            else:
                parts.append(compiled)  # a guarded pattern
        if good:
            parts.insert(0, _compile_alternation(good, key, ignorecase, nonword, multiline))
        if not parts:
            return None  # every entry was dropped (and reported)
        return parts[0] if len(parts) == 1 else PatternUnion(parts)
