"""Long word lists matched as a set of words and phrases instead of one regular expression.

RE2 compiles a list into one automaton: fast for lists of hundreds of entries (the shipped
ones), but a list of tens of thousands is refused ("pattern too large") or makes the
prefilter fail. So a long list's plain entries (words and phrases that begin and end with a
letter or digit) are looked up in a set: at each word start, the text up to each following
word end, as far as the longest entry reaches. Linear in the text whatever the list's size;
the leftmost, then longest, entry wins, as with the list's RE2 alternation. Entries that are
patterns stay with RE2. (One difference: RE2's word boundary is ASCII-only, so a short list
misses an entry that ends in an accented letter, "café"; the set finds it.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

LONG_LIST = 1000  # entries: a shorter list stays one RE2 pattern, as it always was

_WORD = re.compile(
    r"[^\W_](?:[\w\u0300-\u036f]*[^\W_])?"
)  # letters and digits, as on_word_boundary sees them


def plain_entry(entry: str) -> bool:
    """Letters, digits, spaces, apostrophes, hyphens and '&', starting and ending with a
    letter or digit: an entry the set can match exactly as RE2 would."""
    if not entry or not (entry[0].isalnum() and entry[-1].isalnum()):
        return False
    return all(c.isalnum() or c in " '-’&" for c in entry) and "  " not in entry


class _Match:
    __slots__ = ("_span", "_text")

    def __init__(self, text: str, span: tuple[int, int]):
        self._text, self._span = text, span

    def span(self) -> tuple[int, int]:
        return self._span

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def group(self) -> str:
        return self._text[self._span[0] : self._span[1]]


class WordSet:
    """A long word list: plain entries in a set, the others (if any) in one RE2 pattern.
    Offers what the kinds use of a compiled pattern, on str: spans(), finditer(), search();
    `pattern` is None, so the prefilter runs its rule on every text."""

    pattern = None

    def __init__(self, plain: Iterable[str], ignorecase: bool, rest=None):
        self.ignorecase = ignorecase
        self._entries = frozenset(e.lower() for e in plain) if ignorecase else frozenset(plain)
        self._longest = max((len(e) for e in self._entries), default=0)
        self._rest = rest  # a compiled RE2 pattern for the entries that are patterns, or None

    def __len__(self) -> int:
        return len(self._entries)

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = self._set_spans(text)
        if self._rest is not None:
            found = _leftmost_longest(found + [m.span() for m in self._rest.finditer(text)])
        return found

    def _set_spans(self, text: str) -> list[tuple[int, int]]:
        words = [m.span() for m in _WORD.finditer(text)]
        entries, longest, fold = self._entries, self._longest, self.ignorecase
        out: list[tuple[int, int]] = []
        taken = 0
        for i, (start, _) in enumerate(words):
            if start < taken:
                continue
            best = None
            for _, end in words[i:]:
                if end - start > longest:
                    break
                piece = text[start:end]
                if (piece.lower() if fold else piece) in entries:
                    best = end
            if best is not None:
                out.append((start, best))
                taken = best
        return out

    def finditer(self, text: str) -> Iterator[_Match]:
        return (_Match(text, span) for span in self.spans(text))

    def search(self, text: str) -> _Match | None:
        return next(self.finditer(text), None)


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
