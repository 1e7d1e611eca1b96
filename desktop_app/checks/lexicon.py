"""Common words and names, from the en_GB Hunspell dictionary the spelling lane ships.

The policy pack loads the dictionary and hands each rule a way to get it (RuleSpec.lexicon);
the checks never look for files themselves.

The attack kind needs to tell "Theatre Company" (common nouns in capitals) from "Boris
Johnson" (names), and hashtag splitting needs a word list. Hunspell's .dic file lists
stems: lower-case stems are common words, capitalised ones are names and places. Reading
it takes a few tens of milliseconds, so it happens once, on first use, and never imports
Qt or the grammar lane's server code.
"""

from __future__ import annotations

import re
from pathlib import Path

_STEM = re.compile(r"^([^\W\d_][^/\t\n]*)", re.MULTILINE)  # a line's stem, before /FLAGS

# Hunspell affix flags that we expand by hand, roughly: enough to know "voters" and "cuts".
_PLURAL_ENDINGS = ("s", "es")
# (ending, what it replaces) for regular inflections: "saving" is "save", "funded" is "fund".
_INFLECTIONS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("er", ""), ("ers", ""),
                ("ers", "e"), ("ies", "y"), ("ied", "y"), ("ly", ""), ("ness", ""), ("iness", "y"),
                ("ism", ""), ("ist", ""), ("ists", ""))  # fmt: skip


class Lexicon:
    def __init__(
        self,
        common: frozenset[str],
        names: frozenset[str],
        sorted_names: list[str] | None = None,
        lowered_names: list[str] | None = None,
    ):
        self.common = common  # lower-case stems: "theatre", "trump", "movement"
        self.names = names  # capitalised stems: "Johnson", "Donald", "Hartlepool"
        # The names in sorted order and in lower case, when the loader has them (from its cache).
        self._sorted_names, self._lowered_names = sorted_names, lowered_names
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
        if forms is None:  # in sorted order, so the same name wins on every run
            names = self._sorted_names if self._sorted_names is not None else sorted(self.names)
            lowered = self._lowered_names or [n.lower() for n in names]
            forms = self._name_forms = dict(zip(lowered, names, strict=True))
        return forms.get(low)

    def is_known_name(self, word: str) -> bool:
        return word[:1].upper() + word[1:].lower() in self.names

    def is_common_not_name(self, word: str) -> bool:
        """'Theatre', 'Control', 'Movement': common words that are not also names."""
        return self.is_word(word.lower()) and not self.is_known_name(word)


NO_LEXICON = Lexicon(frozenset(), frozenset())  # no dictionary: every capitalised word may be a name


def dictionary_stems(path: Path) -> tuple[list[str], list[str]]:
    """(common words, names) of a Hunspell .dic file, each sorted; OSError if unreadable."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    # One regex pass over the file is several times faster than splitting line by line.
    stems = _STEM.findall(text)
    common = {s for s in stems if s[0].islower()}
    names = {s for s in stems if s[0].isupper()}
    return sorted(common), sorted(names)


def read_dictionary(path: Path) -> Lexicon:
    try:
        common, names = dictionary_stems(path)
    except OSError:
        return NO_LEXICON
    return Lexicon(frozenset(common), frozenset(names), names)
