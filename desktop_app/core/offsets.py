"""UTF-16 offsets: Qt text positions and LanguageTool offsets count UTF-16 code units,
Python's indices count code points (an emoji beyond U+FFFF is one index but two units).
"""

from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["Utf16Map", "utf16_len"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(s: str) -> int:
    """Length of s in UTF-16 code units (characters beyond U+FFFF count 2)."""
    if s.isascii():
        return len(s)
    return len(s) + sum(1 for _ in _ASTRAL.finditer(s))


class Utf16Map:
    """Python index <-> UTF-16 offset for one text. O(n) to build, O(log k) per query
    (k = number of characters beyond U+FFFF); the identity when there are none."""

    __slots__ = ("_astral", "_astral_u16", "_len")

    def __init__(self, text: str):
        self._len = len(text)
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset at which each astral character starts.
        self._astral_u16 = [p + k for k, p in enumerate(self._astral)]

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_utf16(self, index: int) -> int:
        """Python index -> UTF-16 offset (clamped to the text)."""
        index = min(max(index, 0), self._len)
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_utf16(self, offset: int) -> int:
        """UTF-16 offset -> Python index. An offset inside a surrogate pair maps to the
        start of that character. Clamped to the text."""
        offset = max(offset, 0)
        if not self._astral:
            return min(offset, self._len)
        before = bisect_left(self._astral_u16, offset)  # astral characters starting before offset
        if before and self._astral_u16[before - 1] + 1 == offset:
            return self._astral[before - 1]
        return min(offset - before, self._len)
