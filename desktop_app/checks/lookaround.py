"""Look-arounds at a pattern's edge, run in linear time.

Vale compiles rules with Go's regexp2, which has look-behind and look-ahead; RE2 (which we
use so that no rule can hang the editor) has neither. Most look-arounds in real Vale
packages sit at an edge of a token: `(?<!\\w)foo`, `foo(?!-)`, `(?<=\\s)bar`. Such a token is
the same as its core (`foo`) plus a check at the match's start or end, which we run on the
text there: the check's pattern must have a bounded width (at most MAX_WIDTH characters),
so each check looks at a few characters and the whole match stays linear in the text.

A look-around anywhere else (in the middle of a token, or with an unbounded width such as
`(?!.*foo)`) cannot be translated: the caller drops that one entry and reports it.

One difference from a backtracking engine: when a guard rejects a match, RE2 has already
chosen it, so a shorter or later overlapping match of the same token is not tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import re2

MAX_WIDTH = 64  # characters a guard may look at, either side of a match

_LOOKS = {
    "(?<!": ("behind", False),
    "(?<=": ("behind", True),
    "(?!": ("ahead", False),
    "(?=": ("ahead", True),
}
_FLAGS = re.compile(r"\(\?[imsU]+\)")
_ZERO_WIDTH = ("\\b", "\\B", "^", "$", "\\A", "\\z")


class Untranslatable(ValueError):
    """The pattern's look-around is not at an edge, or has no bounded width."""


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at `start` (escapes and classes respected)."""
    depth, i, n = 0, start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise Untranslatable("unbalanced parentheses")


def _class_end(pattern: str, start: int) -> int:
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[" and pattern[i + 1 : i + 2] == ":":
            close = pattern.find(":]", i + 2)
            i = close + 2 if close >= 0 else i + 1
            continue
        if pattern[i] == "]":
            return i + 1
        i += 1
    raise Untranslatable("unclosed character class")


def _items(pattern: str) -> list[str]:
    """The pattern's top-level pieces: groups, classes, escapes and characters, each with
    any quantifier that follows it."""
    items, i, n = [], 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "(":
            j = _group_end(pattern, i)
        elif ch == "[":
            j = _class_end(pattern, i)
        elif ch == "\\":
            j = i + 2
            if pattern[i + 1 : i + 2] in ("p", "P") and pattern[i + 2 : i + 3] == "{":
                j = pattern.index("}", i) + 1
        else:
            j = i + 1
        while j < n and pattern[j] in "*+?{":
            if pattern[j] == "{":
                close = pattern.find("}", j)
                if close < 0:
                    break
                j = close + 1
            else:
                j += 1
        items.append(pattern[i:j])
        i = j
    return items


def branches(pattern: str) -> list[str]:
    """The pattern split at its top-level `|`."""
    out, current = [], []
    for item in _items(pattern):
        if item == "|":
            out.append("".join(current))
            current = []
        else:
            current.append(item)
    out.append("".join(current))
    return out


def _look(item: str) -> tuple[str, bool, str] | None:
    for opening, (where, positive) in _LOOKS.items():
        if item.startswith(opening) and item.endswith(")"):
            return where, positive, item[len(opening) : -1]
    return None


def _width(pattern: str) -> int:
    """The most characters `pattern` can match; Untranslatable when unbounded or unknown."""
    try:
        # Python's parser knows every construct a guard is likely to use; \p{..} it lacks
        # matches one character, so it stands in as '.'.
        parsed = re._parser.parse(re.sub(r"\\[pP]\{[^}]*\}|\\[pP][A-Z]", ".", pattern))  # type: ignore[attr-defined]
        high = parsed.getwidth()[1]
    except Exception as exc:
        raise Untranslatable(f"cannot measure {pattern!r}") from exc
    if high > MAX_WIDTH:
        raise Untranslatable("a look-around with no bounded width")
    return high


@dataclass(frozen=True)
class Guard:
    """A look-around moved out of a pattern: at the match's `edge` (start or end), `pattern`
    must (positive) or must not match just before it (`behind`) or from it (`ahead`)."""

    edge: str  # "start" or "end"
    where: str  # "behind" or "ahead"
    positive: bool
    pattern: str
    flags: str

    def compiled(self):
        body = f"{self.flags}(?:{self.pattern})"
        return re2.compile(body + "\\z" if self.where == "behind" else body)


class _CompiledGuard:
    __slots__ = ("guard", "regex", "width")

    def __init__(self, guard: Guard):
        self.guard = guard
        self.regex = guard.compiled()
        self.width = _width(guard.pattern)

    def holds(self, text, start: int, end: int) -> bool:
        at = start if self.guard.edge == "start" else end
        reach = self.width * (4 if isinstance(text, bytes) else 1)  # UTF-8: up to 4 bytes a character
        if self.guard.where == "behind":
            found = self.regex.search(text[max(0, at - reach) : at]) is not None
        else:
            found = self.regex.match(text[at : at + reach]) is not None
        return found == self.guard.positive


def _flatten(items: list[str]) -> list[str]:
    """Non-capturing groups with no quantifier and no `|` of their own add nothing to a
    concatenation: their pieces join it, so a look-around inside `(?:...)` reaches the edge."""
    out: list[str] = []
    for item in items:
        if item.startswith("(?:") and item.endswith(")") and _group_end(item, 0) == len(item):
            inner = item[3:-1]
            if len(branches(inner)) == 1:
                out.extend(_flatten(_items(inner)))
                continue
        out.append(item)
    return out


def split_edges(pattern: str, flags: str = "") -> tuple[str, list[Guard]]:
    """(core, guards) of one branch: leading and trailing look-arounds lifted out; zero-width
    anchors (\\b, ^, $) between them and the core stay in the core. Untranslatable when a
    look-around is anywhere else."""
    items = _flatten(_items(pattern))
    guards: list[Guard] = []
    lead: list[str] = []
    while items and (items[0] in _ZERO_WIDTH or _look(items[0])):
        item = items.pop(0)
        look = _look(item)
        if look:
            guards.append(Guard("start", look[0], look[1], look[2], flags))
        else:
            lead.append(item)
    trail: list[str] = []
    while items and (items[-1] in _ZERO_WIDTH or _look(items[-1])):
        item = items.pop()
        look = _look(item)
        if look:
            guards.append(Guard("end", look[0], look[1], look[2], flags))
        else:
            trail.insert(0, item)
    core = "".join(lead + items + trail)
    if any(opening in core for opening in _LOOKS):
        raise Untranslatable("a look-around inside the pattern, not at its edge")
    if not core:
        raise Untranslatable("nothing left to match without the look-arounds")
    return core, guards


def leading_flags(pattern: str) -> tuple[str, str]:
    """('(?i)', rest) for a pattern that opens with inline flags."""
    m = _FLAGS.match(pattern)
    return (m.group(0), pattern[m.end() :]) if m else ("", pattern)


class GuardedPattern:
    """A compiled core with its edge checks; offers what the kinds use of an RE2 pattern
    (finditer, search, match, fullmatch) and spans()."""

    pattern = None  # the prefilter runs a guarded rule on every text

    def __init__(self, core, guards: list[Guard]):
        self.core = core
        self.guards = [_CompiledGuard(g) for g in guards]

    def _ok(self, text, m) -> bool:
        s, e = m.span()
        return all(g.holds(text, s, e) for g in self.guards)

    def finditer(self, text, *args):
        return (m for m in self.core.finditer(text, *args) if self._ok(text, m))

    def search(self, text, *args):
        return next(self.finditer(text, *args), None)

    def match(self, text, *args):
        m = self.core.match(text, *args)
        return m if m is not None and self._ok(text, m) else None

    def fullmatch(self, text, *args):
        """The words alone: with no text around them, the edge checks have nothing to look at."""
        return self.core.fullmatch(text, *args)

    def spans(self, text) -> list[tuple[int, int]]:
        return [m.span() for m in self.finditer(text)]


class PatternUnion:
    """Several patterns as one alternation: the leftmost match wins, then the longest."""

    pattern = None

    def __init__(self, parts: list):
        self.parts = parts

    def finditer(self, text, *args):
        found = sorted(
            (m for part in self.parts for m in part.finditer(text, *args)),
            key=lambda m: (m.start(), -m.end()),
        )
        taken = -1
        for m in found:
            if m.start() >= taken:
                taken = max(m.end(), m.start() + 1)
                yield m

    def search(self, text, *args):
        return next(self.finditer(text, *args), None)

    def match(self, text, *args):
        return next((m for part in self.parts if (m := part.match(text, *args)) is not None), None)

    def fullmatch(self, text, *args):
        return next((m for part in self.parts if (m := part.fullmatch(text, *args)) is not None), None)

    def spans(self, text) -> list[tuple[int, int]]:
        return [m.span() for m in self.finditer(text)]


def translate(pattern: str, compile_core) -> GuardedPattern | PatternUnion:
    """`pattern` with its edge look-arounds turned into guards, one GuardedPattern per
    top-level branch. `compile_core(text)` compiles a core (raising on failure)."""
    flags, body = leading_flags(pattern)
    parts = []
    for branch in branches(body):
        core, guards = split_edges(branch, flags)
        compiled = compile_core(flags + core)
        try:
            parts.append(GuardedPattern(compiled, guards) if guards else compiled)
        except Exception as exc:  # a guard RE2 cannot compile either
            raise Untranslatable(str(exc)) from exc
    return parts[0] if len(parts) == 1 else PatternUnion(parts)
