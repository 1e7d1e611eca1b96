"""RE2 patterns for rules: compiled in linear time, word lists as one alternation (or a
WordSet when long), and patterns known to compile built on first use.

RE2 runs in time linear in the text whatever the pattern, so no rule file can hang the
editor; its syntax has no look-arounds or back-references.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import re2

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


def compile_re(pattern: str, key: str, ignorecase: bool = False):
    """Compile with RE2 (linear time: no pattern or input can hang the analysis)."""
    if not isinstance(pattern, str):
        raise RuleError(key, f"expected a pattern (text), got {type(pattern).__name__}")
    full = ("(?i)" if ignorecase else "") + pattern
    if full in known_patterns:
        return LazyPattern(full)
    try:
        compiled = re2.compile(full, OPTIONS)
    except Exception as exc:  # re2 raises its own error type
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise RuleError(key, f"bad pattern {shown(pattern)}: {detail}") from None
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


def word_alternation(tokens: Iterable[str], nonword: bool = False) -> str:
    """One pattern for a list of tokens, each matched as a whole word (Vale's `\\b(?:...)\\b`)."""
    parts = []
    # Longest first, so "going forward" wins over "going" at the same place.
    for token in sorted({t for t in tokens if t}, key=lambda t: (-len(t), t)):
        if nonword:
            parts.append(f"(?:{token})")
            continue
        left = "\\b" if _edge_is_word(token, True) else ""
        right = "\\b" if _edge_is_word(token, False) else ""
        parts.append(f"{left}(?:{token}){right}")
    return "|".join(parts)


def compile_words(tokens: Iterable[str], key: str, ignorecase: bool = False, nonword: bool = False):
    """A word list, each entry matched as a whole word (anywhere with `nonword`): one RE2
    pattern, or for a long list (LONG_LIST entries or more) a WordSet of its plain entries
    plus one RE2 pattern for the rest. On failure, the error names the entry at fault
    (key[i]); entries are compiled one by one only then, so loading stays fast."""
    tokens = [t for t in tokens if t]
    if len(tokens) >= LONG_LIST and not nonword:
        plain = [t for t in tokens if plain_entry(t)]
        others = [(i, t) for i, t in enumerate(tokens) if not plain_entry(t)]
        rest = _compile_list([t for _, t in others], key, ignorecase, nonword, [i for i, _ in others])
        return WordSet(plain, ignorecase, rest)
    return _compile_list(tokens, key, ignorecase, nonword)


def _compile_list(
    tokens: list[str], key: str, ignorecase: bool, nonword: bool, positions: list[int] | None = None
):
    """One RE2 pattern for `tokens` (None for none); `positions`: their indices in the rule's list."""
    if not tokens:
        return None
    try:
        return compile_re(word_alternation(tokens, nonword=nonword), key, ignorecase)
    except RuleError as whole:
        for i, token in enumerate(tokens):
            compile_re(token, f"{key}[{positions[i] if positions else i}]")
        if "too large" in whole.message:
            raise RuleError(
                key, f"{len(tokens):,} patterns together are too large to compile (plain words have no limit)"
            ) from None
        raise whole from None
