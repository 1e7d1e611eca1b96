"""Common words and names, from the en_GB Hunspell dictionary the spelling lane ships.

The policy pack says where the dictionary is (RuleSpec.dictionary); the checks never look
for files themselves.

The attack kind needs to tell "Theatre Company" (common nouns in capitals) from "Boris
Johnson" (names), and hashtag splitting needs a word list. Hunspell's .dic file lists
stems: lower-case stems are common words, capitalised ones are names and places. Reading
it takes a few tens of milliseconds, so it happens once, on first use, and never imports
Qt or the grammar lane's server code.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

_LOCK = threading.Lock()
_STEM = re.compile(r"^([^\W\d_][^/\t\n]*)", re.MULTILINE)  # a line's stem, before /FLAGS

# Hunspell affix flags that we expand by hand, roughly: enough to know "voters" and "cuts".
_PLURAL_ENDINGS = ("s", "es")
# (ending, what it replaces) for regular inflections: "saving" is "save", "funded" is "fund".
_INFLECTIONS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("er", ""), ("ers", ""),
                ("ers", "e"), ("ies", "y"), ("ied", "y"), ("ly", ""), ("ness", ""), ("iness", "y"),
                ("ism", ""), ("ist", ""), ("ists", ""))  # fmt: skip


class Lexicon:
    def __init__(self, common: frozenset[str], names: frozenset[str]):
        self.common = common  # lower-case stems: "theatre", "trump", "movement"
        self.names = names  # capitalised stems: "Johnson", "Donald", "Hartlepool"
        self._name_forms: dict[str, str] | None = None

    def is_common_word(self, word: str) -> bool:
        """A dictionary word in lower case (or its plural), not only a name."""
        low = word.lower()
        if low in self.common:
            return True
        if low.endswith("ies") and low[:-3] + "y" in self.common:
            return True  # "policies"
        return any(low.endswith(e) and low[: -len(e)] in self.common for e in _PLURAL_ENDINGS)

    def is_word(self, low: str) -> bool:
        """A lower-case word, its stem or a regular inflection of it: "buses", "libraries",
        "saving", "funded", "stations" (Hunspell keeps affixes apart; this is rough and enough)."""
        common = self.common
        if low in common or self.is_common_word(low):
            return True
        for ending, back in _INFLECTIONS:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                stem = low[: -len(ending)] + back
                if stem in common:
                    return True
                if not back and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in common:
                    return True  # "running", "stopped": the consonant doubles
        return False

    def name_form(self, low: str) -> str | None:
        """ "barnsley" -> "Barnsley": the dictionary's spelling of a name, or None."""
        forms = self._name_forms
        if forms is None:
            forms = self._name_forms = {n.lower(): n for n in self.names}
        return forms.get(low)

    def is_known_name(self, word: str) -> bool:
        return word[:1].upper() + word[1:].lower() in self.names

    def is_common_not_name(self, word: str) -> bool:
        """'Theatre', 'Control', 'Movement': common words that are not also names."""
        return self.is_word(word.lower()) and not self.is_known_name(word)


def _read(path: Path) -> Lexicon:
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return Lexicon(frozenset(), frozenset())  # no dictionary: every capitalised word may be a name
    # One regex pass over the file is several times faster than splitting line by line.
    stems = _STEM.findall(text)
    common = {s for s in stems if s[0].islower()}
    names = {s for s in stems if s[0].isupper()}
    return Lexicon(frozenset(common), frozenset(names))


@cache
def _load(path: Path | None) -> Lexicon:
    return _read(path) if path is not None else Lexicon(frozenset(), frozenset())


def lexicon(path: Path | None) -> Lexicon:
    """The lexicon of the dictionary at `path` (None: none), loaded once (thread-safe)."""
    with _LOCK:
        return _load(path)
