"""Evasion-proof normalisation: undo the usual ways of dodging a word filter.

NFKC, invisible characters, accents, look-alike letters from other scripts, spaced-out
letters ("i d i o t") and leetspeak ("1d10t") are normalised for matching, and every
position of the normalised text maps back to exactly what the writer typed (Normalised).
Pure Python, no Qt.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

from desktop_app.core.text import word_before

__all__ = ["EvasionWords", "Normalised", "normalise_for_matching", "without_invisibles"]

# Removed outright; a highlight spans them only when they sit between matched characters.
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space/joiners, LRM/RLM
    + [chr(c) for c in range(0x2060, 0x2065)]  # word joiner, invisible operators
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
    + [chr(c) for c in range(0xE0000, 0xE0080)]  # tag characters
    + ["\ufeff", "\u00ad", "\u180e", "\u061c", "\u115f", "\u1160", "\u3164", "\uffa0"]
)

# Look-alike letters from other scripts (Cyrillic, Greek, Cherokee, small capitals, ...):
# data/lookalikes.txt, generated from Unicode's confusables data by scripts/make_lookalikes.py.
_LOOKALIKES = Path(__file__).resolve().parent / "data" / "lookalikes.txt"


def _read_lookalikes(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # a damaged install: plain matching still works
        return table
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        letter, chars = line.split("\t", 1)
        for c in chars:
            table[c] = letter
    return table


# Folds that are not look-alikes: ligatures and curly quotes, so "don’t" matches "don't".
_FOLDS = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "‘": "'", "’": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"',
}  # fmt: skip
_HOMOGLYPHS = {**_read_lookalikes(_LOOKALIKES), **_FOLDS}

# Leetspeak: only inside tokens that also contain letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i"})  # fmt: skip
# A 1 stands for an l as often as for an i ("s1ut", "bu11y"): read as an l only when that
# makes one of the listed words and the i does not.
_LEET_L = str.maketrans({**{chr(k): v for k, v in _LEET.items()}, "1": "l"})
_LEET_HINT = re.compile(r"[A-Za-z][0-9@$]|[0-9@$!][A-Za-z]")
# A token with a letter next to a leet character. The lookbehind anchors each attempt at a
# token's start, so the scan stays linear however long the token.
_LEET_TOKEN = re.compile(
    r"(?<![A-Za-z0-9@$!])[A-Za-z0-9@$!]*(?:[A-Za-z][0-9@$]|[0-9@$!][A-Za-z])[A-Za-z0-9@$!]*"
)
# Tokens that are ordinary writing, not leetspeak: 3pm, 2nd, 10k, 5G, M25, P10, covid19, $5m.
_NOT_LEET = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|s|k|m|bn|mn|x|p|g|kg|km|mi|mph|ml|hr|hrs|h|min|mins|yr|yrs|yo"
    r"|ft|in|cm|mm|gb|mb|tb|d|v|ish|ers)"
    r"|\d+[A-Za-z]|[A-Za-z]+\d+|[A-Za-z]{0,3}\$\d.*|\d+",
    re.IGNORECASE,
)
_MAYBE_URL = re.compile(r"[@/]|www\.|\.[a-z]{2}", re.IGNORECASE)
# Each branch starts only where a run of its characters starts: started inside one, it read
# to the run's end and back at every character (quadratic in text without spaces).
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*",
    re.IGNORECASE,
)

# Spaced-out letters: 3+ single characters joined by the same single separator.
# (Not after an apostrophe: the "s" of "Gethin's a c l o w n" is no letter of the run.)
_SPACED = re.compile(
    r"(?<![A-Za-z0-9@$'’])[A-Za-z0-9@$]([ ._\-])[A-Za-z0-9@$](?:\1[A-Za-z0-9@$])+(?![A-Za-z0-9@$])"
)
_ONE_LETTER_WORDS = frozenset("aAiIoOuU")
# A sentence spelt out letter by letter: letters one space apart, words two or three apart
# ("F u c k  y o u"), or letters joined by dots, dashes or underscores and words a space
# apart ("F.u.c.k y.o.u").
_SPACED_WIDE = re.compile(r"(?<![A-Za-z0-9@$'’])[A-Za-z0-9@$](?: {1,3}[A-Za-z0-9@$])+(?![A-Za-z0-9@$])")
_SPACED_JOINED = re.compile(
    r"(?<![A-Za-z0-9@$._\-])[A-Za-z0-9@$](?:[._\-][A-Za-z0-9@$])+"
    r"(?: +[A-Za-z0-9@$](?:[._\-][A-Za-z0-9@$])+)+(?![A-Za-z0-9@$])"
)
_GAP = re.compile(r" +")
# After these words a spaced run opening with "a" starts with the article, not the word:
# "he is a c l o w n" is "a clown", not "aclown".
_BEFORE_ARTICLE = frozenset(
    ["is", "was", "are", "were", "be", "been", "being", "such", "what", "quite", "s", "re", "not",
     "like", "as"]
)  # fmt: skip
_DOT_ALNUM = re.compile(r"\.[A-Za-z0-9]")

# Which of the slower passes could find anything, from one RE2 pass over the text instead
# of three `re` searches (most posts have nothing spaced out, many no leetspeak): the lone
# characters _SPACED or _SPACED_WIDE must start with (over-matching, RE2 having no
# back-references, so a real run is never missed), and _LEET_HINT itself.
_LONE = "(?:^|[^A-Za-z0-9@$])[A-Za-z0-9@$]"
_GATES = (
    _LONE + "[ ._-][A-Za-z0-9@$][ ._-][A-Za-z0-9@$]",  # _SPACED's first three ("a word" is not)
    _LONE + " {1,3}[A-Za-z0-9@$](?:[^A-Za-z0-9@$]|$)",  # _SPACED_WIDE's first two
    _LEET_HINT.pattern,
)
_SPACED_GATES = frozenset({0, 1})
_LEET_GATE = 2
_SENTINEL = len(_GATES)


def _gate_set():
    import re2

    options = re2.Options()
    options.log_errors = False
    gates = re2.Set.SearchSet(options)
    for pattern in _GATES:
        gates.Add(pattern)
    gates.Add("")  # _SENTINEL: matches every text, so a failed search is told from no match
    gates.Compile()
    return gates


_gates = _gate_set()


def _could_be_spaced_or_leet(text: str) -> tuple[bool, bool]:
    """(could _SPACED or _SPACED_WIDE match, does _LEET_HINT match) in `text`."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which RE2 cannot read: ask `re` itself
        return True, _LEET_HINT.search(text) is not None
    hits = _gates.Match(data)
    if _SENTINEL not in hits:  # RE2 ran out of memory on a long text: run both passes
        return True, True
    return not _SPACED_GATES.isdisjoint(hits), _LEET_GATE in hits


class Normalised:
    """The normalised string used for matching, and a map back to the original text."""

    __slots__ = ("_ends", "_starts", "original", "text")

    def __init__(self, original: str, text: str, starts: list[int] | None, ends: list[int] | None):
        self.original = original
        self.text = text
        # Per normalised character: the original span that produced it. None = identity.
        self._starts = starts
        self._ends = ends

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of .text -> the exact span of the original text that produced it."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if self._starts is None:
            return start, end
        if start == end:  # an empty span: the place just before the next character
            pos = self._starts[start] if start < n else (self._ends[-1] if n else 0)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def __repr__(self) -> str:
        return f"Normalised({self.text!r})"


_SQUEEZE = re.compile(r"([^\W\d_])\1+")
_EMOJI_RANGES = "\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d"
_WORDLIKE = re.compile(rf"[^\W\d_](?:[^\W\d_]|[*#]+(?=[^\W\d_]|\b)|[{_EMOJI_RANGES}]+(?=[^\W\d_]))*[*#]*")


_MASK_OR_EMOJI = re.compile(rf"[*#]|[^\W\d_][{_EMOJI_RANGES}]+[^\W\d_]")


class _Span:
    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_LEETISH = re.compile(r"(?<![\w@])[A-Za-z][A-Za-z0-9$]*[0-9$][A-Za-z0-9$]*(?![\w@])")


class EvasionWords:
    """The words the conduct rules look for (insults, slurs, swear words), so a disguised
    spelling of one can be read back as the word: stretched letters ("iddiottt", "scummm"),
    masking ("id**t", "sc*m") and emoji between letters ("id🤡iot"). Only a spelling that
    is not itself a word (`is_word`, the dictionary) is read as a stretched one, so "looser"
    stays "looser"; a mask must fit exactly one listed word, or exactly one of the `taboo`
    words (slurs, swear words: the words people mask), since "n***ers" is not masking
    "nutters". `taboo` may map each word to its rule: a mask that fits several taboo words
    of one rule ("n*****s": two slurs, "f***ing") reads as the one the rule lists first, since
    any of them gives the same finding on the same typed characters; taboo words of
    different rules stay a tie."""

    def __init__(self, words, is_word=None, taboo=()):
        plain = {w.lower() for w in words if len(w) >= 3 and w.isalpha()}
        self.words = frozenset(plain)
        groups = taboo if isinstance(taboo, dict) else {w: w for w in taboo}
        self._taboo_group = {w.lower(): g for w, g in groups.items() if w.lower() in plain}
        self._taboo_rank = {w: i for i, w in enumerate(self._taboo_group)}  # the rule's own order
        self.taboo = frozenset(self._taboo_group)
        self._is_word = is_word
        self._squeezed: dict[str, str] = {}
        self._by_shape: dict[tuple[int, str], list[str]] = {}
        for w in sorted(plain):
            self._squeezed.setdefault(_SQUEEZE.sub(r"\1", w), w)
            self._by_shape.setdefault((len(w), w[0]), []).append(w)
        self._stretchy = None  # built on first use: one linear-time pass finds every candidate

    @property
    def can_split(self) -> bool:
        """Whether a dictionary is at hand to tell where words run together."""
        return self._is_word is not None

    def is_word(self, low: str) -> bool:
        return self._is_word is not None and bool(self._is_word(low))

    def stretch_candidates(self, text: str):
        """Spans of words in `text` whose squeezed spelling is a listed word's ("iddiottt")."""
        if self._stretchy is None:
            import re2

            options = re2.Options()
            options.case_sensitive = False
            options.log_errors = False
            shapes = sorted({"".join(f"{c}+" for c in sq) for sq in self._squeezed}, key=len, reverse=True)
            pattern = r"\b(?:" + "|".join(shapes) + r")\b" if shapes else r"\b\B"
            self._stretchy = re2.compile(pattern, options)
        return [m.span() for m in self._stretchy.finditer(text)]

    def stretched(self, low: str) -> str | None:
        """The listed word `low` stretches or shrinks ("iddiottt" -> "idiot"), or None."""
        if low in self.words:
            return None
        found = self._squeezed.get(_SQUEEZE.sub(r"\1", low))
        if found is None:
            return None
        tripled = re.search(r"([^\W\d_])\1\1", low) is not None
        if not tripled and self._is_word is not None and self._is_word(low):
            return None  # "looser" is a word, not a stretched "loser"
        return found

    def unmasked(self, low: str) -> str | None:
        """The one listed word a masked spelling fits ("id**t" -> "idiot"), or None. A mask
        showing only its first letter ("n*****") is read only as a taboo word, when it is
        five characters or more and its taboo fits are all of one rule: people mask slurs
        and swearing that far, not "nutter"."""
        if not low[:1].isalpha():
            return None
        fits = [w for w in self._by_shape.get((len(low), low[0]), ()) if _fits(low, w)]
        if sum(c.isalpha() for c in low) < 2:
            return self._one_rules_taboo(fits) if len(low) >= 5 else None
        if len(fits) > 1:
            return self._one_rules_taboo(fits)
        return fits[0] if fits else None

    def _one_rules_taboo(self, fits: list[str]) -> str | None:
        """Of the words a mask fits, the taboo one its rule lists first, when every taboo fit
        is of that one rule; None when none is taboo or two rules' words tie."""
        taboo = [w for w in fits if w in self.taboo]
        if not taboo or len({self._taboo_group[w] for w in taboo}) > 1:
            return None
        return min(taboo, key=self._taboo_rank.__getitem__)


def _fits(masked: str, word: str) -> bool:
    return all(m == c or m in "*#" for m, c in zip(masked, word, strict=True))


def _repair(current: str, starts, ends, words: EvasionWords, leet_hint: bool):
    """Disguised spellings of listed words read back as the words, mapped to what was typed.
    `leet_hint`: whether _LEET_HINT occurs in `current`."""
    edits = []  # (start, end, new text, original span of each new character)
    # Stretched words first, found by one pass over the text; masks and emoji only when the
    # text has a mask character or something outside ASCII.
    suspects = [
        (s, e) for s, e in words.stretch_candidates(current) if current[s:e].lower() not in words.words
    ]
    if "*" in current or "#" in current or not current.isascii():
        suspects += [m.span() for m in _WORDLIKE.finditer(current) if _MASK_OR_EMOJI.search(m.group())]
        suspects.sort()
    taken = -1
    for span in suspects:
        if span[0] < taken:
            continue
        m = _Span(current, *span)
        token = m.group()
        if len(token) < 3:
            continue
        at = m.start()
        kept = [i for i, c in enumerate(token) if c.isalpha() or c in "*#"]
        bare = "".join(token[i] for i in kept).lower()
        new = None
        spans = None
        if "*" in bare or "#" in bare:
            new = words.unmasked(bare)
            if new is not None:
                spans = [(at + i, at + i + 1) for i in kept]
        elif bare in words.words and len(kept) < len(token):
            new, spans = bare, [(at + i, at + i + 1) for i in kept]  # emoji between letters
        else:
            new = words.stretched(bare)
            if new is not None:
                spans = _run_spans(token, kept, new, at)
        if new is None or spans is None:
            continue
        if token[:1].isupper():
            new = new[:1].upper() + new[1:]
        edits.append((m.start(), m.end(), new, spans))
        taken = m.end()
    if leet_hint:
        # digits left alone because they may be a code ("M25", "covid19"), read as letters
        # when that makes a listed word: "psych0", "idi0t5"
        for m in _LEETISH.finditer(current):
            word = m.group().translate(_LEET).lower()
            if word != m.group().lower() and word in words.words:
                at = m.start()
                edits.append((at, m.end(), word, [(at + i, at + i + 1) for i in range(len(word))]))
        edits.sort(key=lambda x: x[0])
    if not edits:
        return current, starts, ends
    pieces, new_starts, new_ends = [], [], []
    pos = 0

    def original(a: int, b: int) -> tuple[int, int]:
        return (a, b) if starts is None else (starts[a], ends[b - 1])

    for s, e, new, spans in edits:
        pieces.append(current[pos:s])
        for k in range(pos, s):
            a, b = original(k, k + 1)
            new_starts.append(a)
            new_ends.append(b)
        pieces.append(new)
        for a, b in spans:
            a, b = original(a, b)
            new_starts.append(a)
            new_ends.append(b)
        pos = e
    pieces.append(current[pos:])
    for k in range(pos, len(current)):
        a, b = original(k, k + 1)
        new_starts.append(a)
        new_ends.append(b)
    return "".join(pieces), new_starts, new_ends


def _run_spans(token: str, kept: list[int], word: str, at: int) -> list[tuple[int, int]] | None:
    """Each letter of `word` mapped to the run of typed letters it stands for."""
    runs: list[tuple[str, int, int]] = []  # (letter, first typed index, last typed index)
    for i in kept:
        c = token[i].lower()
        if runs and runs[-1][0] == c:
            runs[-1] = (c, runs[-1][1], i)
        else:
            runs.append((c, i, i))
    spans: list[tuple[int, int]] = []
    r = 0
    for k, c in enumerate(word):
        if k and c == word[k - 1] and spans:
            spans.append(spans[-1])  # a double letter in the word: the same typed run
            continue
        if r >= len(runs) or runs[r][0] != c:
            return None
        spans.append((at + runs[r][1], at + runs[r][2] + 1))
        r += 1
    return spans if len(spans) == len(word) and r == len(runs) else None


def normalise_for_matching(text: str, words: EvasionWords | None = None) -> Normalised:
    """Undo the usual ways of dodging a word filter, keeping an exact map back.

    NFKC, invisible characters removed, accents folded, look-alike letters mapped to Latin,
    spaced-out letters collapsed ("i d i o t"), leetspeak inside words ("1d10t", "sc@m"),
    and with `words`, stretched, masked or emoji-split spellings of those words read back
    ("iddiottt", "id**t", "id🤡iot"). Case is kept.
    """
    starts: list[int] | None = None
    ends: list[int] | None = None
    current = text
    if not text.isascii():
        current, starts, ends = _fold_units(text)
    maybe_spaced, leet_hint = _could_be_spaced_or_leet(current)
    if maybe_spaced and (_SPACED.search(current) or _SPACED_WIDE.search(current)):
        current, starts, ends = _collapse_spaced(current, starts, ends, words)
        leet_hint = _LEET_HINT.search(current) is not None  # collapsing may join "1 d 1 0 t"
    if leet_hint:
        current = _undo_leet(current, words)
        leet_hint = _could_be_spaced_or_leet(current)[1]  # what undoing left ("3pm", @handles)
    if words is not None:
        current, starts, ends = _repair(current, starts, ends, words, leet_hint)
    # Leetspeak swaps one character for one, so without folding or collapsing the map
    # stays the identity even when the text changed.
    return Normalised(text, current, starts, ends)


# Per distinct character, studied once: what it folds to, and whether it breaks the
# one-to-one map (dropped, expanded, or a combining mark that joins the character before).
# Worker threads share it; entries are only ever added whole (or the lot cleared).
_studied: dict[str, tuple[str, bool]] = {}


# Diacritics that are folded away: the general combining blocks (accents on Latin, Greek,
# Cyrillic), Hebrew points and Arabic harakat, variation selectors. Marks that are part of
# the spelling in other scripts (Indic vowel signs, viramas...) are kept.
_FOLDED_MARK_RANGES = (
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F),
    (0x0670, 0x0670), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F), (0xE0100, 0xE01EF),
)  # fmt: skip


def _is_mark(ch: str) -> bool:
    """A diacritic we fold away (it stays inside its base character's highlight)."""
    code = ord(ch)
    return any(a <= code <= b for a, b in _FOLDED_MARK_RANGES) and unicodedata.category(ch) in ("Mn", "Me")


def without_invisibles(pattern: str) -> str:
    """A rule's pattern without what the text it is matched against never holds: joiners and
    the other invisible characters, and variation selectors. An emoji sequence typed into a
    rule ('🏳️‍🌈', a flag, a joiner and a rainbow) then reads as the text does ('🏳🌈')."""
    return _INVISIBLE_IN_PATTERN.sub("", pattern)


# One invisible character or variation selector, with what makes it optional in a pattern
# ('🔪\ufe0f?' is a knife, with or without it): taking the character and leaving its '?'
# would make the knife optional.
_INVISIBLE_IN_PATTERN = re.compile(
    "[" + "".join(sorted(_INVISIBLE)) + "\ufe00-\ufe0f\U000e0100-\U000e01ef](?:[?*]|\\{0,\\d+\\})?"
)


def _fold_char(ch: str) -> str:
    """One original character -> what it contributes to the normalised text."""
    if ch in _INVISIBLE or _is_mark(ch):
        return ""
    folded = unicodedata.normalize("NFKC", _HOMOGLYPHS.get(ch, ch))
    decomposed = unicodedata.normalize("NFD", folded)
    if any(_is_mark(c) for c in decomposed):  # é -> e; but leave Hangul syllables whole
        folded = "".join(c for c in decomposed if not _is_mark(c))
    return "".join(_HOMOGLYPHS.get(c, c) for c in folded if c not in _INVISIBLE)


def _study(ch: str) -> tuple[str, bool]:
    found = _studied.get(ch)
    if found is None:
        folded = _fold_char(ch)
        found = (folded, len(folded) != 1 or _is_mark(ch))
        if len(_studied) > 100_000:  # a pathological stream of distinct characters
            _studied.clear()
        _studied[ch] = found
    return found


def _char_class(chars: list[str]) -> re.Pattern:
    # re caches compiled patterns, and a writer's set of odd characters rarely changes.
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _fold_units(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFKC, invisibles, accents and look-alikes. Works per distinct character with
    str.replace (C speed); the map is only built when a character was dropped or expanded."""
    folds: dict[str, str] = {}
    one_to_one = text
    odd = []
    for c in set(text):
        if c <= "\x7f":
            continue
        folded, irregular = _study(c)
        folds[c] = folded
        if irregular:
            odd.append(c)
        elif folded != c:
            one_to_one = one_to_one.replace(c, folded)  # same length: positions unchanged
    if not odd:
        return one_to_one, None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _char_class(odd).finditer(text):
        at = m.start()
        if at > pos:
            pieces.append(one_to_one[pos:at])
            starts.extend(range(pos, at))
            ends.extend(range(pos + 1, at + 1))
        ch = text[at]
        if _is_mark(ch):
            if ends:  # a combining mark stays inside its base character's highlight
                ends[-1] = at + 1
        else:
            piece = folds[ch]
            if piece:
                pieces.append(piece)
                starts.extend([at] * len(piece))
                ends.extend([at + 1] * len(piece))
        pos = at + 1
    pieces.append(one_to_one[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def _spaced_sentences(current: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentences spelt out letter by letter (at least two words, one of three letters or
    more, five letters in all): the spans of their words of two letters or more (letter,
    separator, letter, ...) and of the gaps wider than a space between their words."""
    words: list[tuple[int, int]] = []
    gaps: list[tuple[int, int]] = []
    for m in _SPACED_WIDE.finditer(current):
        widths = [len(g) for g in _GAP.findall(m.group())]
        if 1 not in widths or max(widths) < 2 or any(g > 1 and g != max(widths) for g in widths):
            continue  # one word ("i d i o t": below) or uneven gaps (a table, not words)
        _words_of(m, _WIDE_WORD, words, gaps)
    for m in _SPACED_JOINED.finditer(current):
        if len({c for c in m.group() if c in "._-"}) == 1:
            _words_of(m, _JOINED_WORD, words, gaps)
    return words, gaps


_WIDE_WORD = re.compile(r"\S(?: \S)*")
_JOINED_WORD = re.compile(r"\S+")


def _words_of(sentence: re.Match, word: re.Pattern, words: list, gaps: list) -> None:
    at = sentence.start()
    found = [(at + w.start(), at + w.end()) for w in word.finditer(sentence.group())]
    letters = [(b - a + 1) // 2 for a, b in found]
    if len(found) < 2 or max(letters) < 3 or sum(letters) < 5:
        return
    words += [(a, b) for a, b in found if b - a >= 3]
    gaps += [(b, a) for (_, b), (a, _) in itertools.pairwise(found) if a - b > 1]


def _split_points(word: str, words: EvasionWords | None) -> list[int]:
    """Where spaces go in letters spelt out without gaps between words, so that a listed
    word stands alone ("fuckyou" -> fuck you): the fewest dictionary or listed words, at
    least one listed. A word of its own is never split."""
    low = word.lower()
    n = len(low)
    if words is None or not words.can_split or n < 5 or n > 40 or low in words.words or words.is_word(low):
        return []
    best: list[tuple[int, int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, ())
    for i in range(1, n + 1):
        for j in range(max(0, i - 20), i):
            if best[j] is None:
                continue
            part = low[j:i]
            listed = part in words.words
            if not listed and not ((len(part) >= 2 or part in "aiu") and words.is_word(part)):
                continue
            parts, unlisted, cuts = best[j]
            option = (parts + 1, unlisted - listed, (*cuts, j))
            if best[i] is None or option < best[i]:
                best[i] = option
    done = best[n]
    if done is None or done[1] == 0:
        return []
    return [c for c in done[2] if c > 0]


def _collapse_spaced(
    current: str, starts: list[int] | None, ends: list[int] | None, words: EvasionWords | None = None
) -> tuple[str, list[int] | None, list[int] | None]:
    runs, gaps = _spaced_sentences(current)
    in_sentence = runs[:]
    for m in _SPACED.finditer(current):
        if any(a < m.end() and m.start() < b for a, b in in_sentence):
            continue
        members = m.group()[0::2]
        if not members.isalpha() and sum(c.isalpha() for c in members) < 2:
            continue
        spelt = members.isupper() or members.islower() or members.istitle()
        if not _ONE_LETTER_WORDS.isdisjoint(members) and (len(members) < 4 or not spelt):
            continue  # "a I a", "plan A B C", "x I a b": ordinary text, not a word spelt out
        if m.group(1) == "." and _DOT_ALNUM.match(current, m.end()):
            continue  # part of a domain name
        start = m.start()
        if (
            members[0] in "aA"
            and m.group(1) == " "
            and len(members) >= 4
            and word_before(current, len(current[:start].rstrip())).lower() in _BEFORE_ARTICLE
        ):
            start += 2  # keep the article as a word of its own
        runs.append((start, m.end()))
    if not runs:
        return current, starts, ends
    runs.sort()
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []

    def keep(a: int, b: int) -> None:
        pieces.append(current[a:b])
        if starts is None:
            new_starts.extend(range(a, b))
            new_ends.extend(range(a + 1, b + 1))
        else:
            new_starts.extend(starts[a:b])
            new_ends.extend(ends[a:b])

    # Between the words of a spelt-out sentence one space stands for the wider gap.
    skips = sorted((a + 1, b) for a, b in gaps)
    pos = 0
    for run_start, run_end in runs:
        # Keep everything before the run (but wide gaps), then every other character of it.
        for a, b in skips:
            if pos <= a and b <= run_start:
                keep(pos, a)
                pos = b
        keep(pos, run_start)
        letters = current[run_start:run_end:2]
        at = 0
        # split as read, a digit as its letter ("y 0 u a r e" is "you are"); one for one, so
        # the cuts fall in the same places in what was typed
        for cut in [*_split_points(letters.translate(_LEET), words), len(letters)]:
            if at:  # a space between words run together: it covers nothing that was typed
                k = run_start + 2 * at
                pieces.append(" ")
                new_starts.append(k if starts is None else starts[k])
                new_ends.append(new_starts[-1])
            pieces.append(letters[at:cut])
            a, b = run_start + 2 * at, run_start + 2 * cut
            if starts is None:
                new_starts.extend(range(a, b, 2))
                new_ends.extend(range(a + 1, b + 1, 2))
            else:
                new_starts.extend(starts[a:b:2])
                new_ends.extend(ends[a:b:2])
            at = cut
        pos = run_end
    for a, b in skips:
        if pos <= a:
            keep(pos, a)
            pos = b
    pieces.append(current[pos:])
    if starts is None:
        new_starts.extend(range(pos, len(current)))
        new_ends.extend(range(pos + 1, len(current) + 1))
    else:
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
    return "".join(pieces), new_starts, new_ends


_URL_NEIGHBOURS = frozenset(".:/@-_~?=&%+#")


def _in_url_or_email(current: str, start: int, end: int) -> bool:
    """Is current[start:end] part of a URL or e-mail address (leave those alone)?"""
    before = current[start - 1] if start else " "
    after = current[end] if end < len(current) else " "
    if before not in _URL_NEIGHBOURS and after not in _URL_NEIGHBOURS and "@" not in current[start:end]:
        return False
    chunk_start = start
    while chunk_start > 0 and not current[chunk_start - 1].isspace():
        chunk_start -= 1
    chunk_end = end
    while chunk_end < len(current) and not current[chunk_end].isspace():
        chunk_end += 1
    if not _MAYBE_URL.search(current, chunk_start, chunk_end):
        return False
    return any(m.start() <= start < m.end() for m in _URL_OR_EMAIL.finditer(current, chunk_start, chunk_end))


# Short words that look like codes ("1n", "0f", "d0"), read as leetspeak only beside other
# leetspeak: "d0 us 4ll a f4v0ur n st3p 1n fr0nt 0f a bus" (session 31, batch Y237).
_SHORT_LEET_WORDS = frozenset(
    ["do", "in", "of", "to", "on", "is", "it", "so", "no", "go", "at", "as", "be", "me", "up",
     "if", "or", "an", "us", "we", "he", "ya", "yo", "ur", "my", "by", "oi"]
)  # fmt: skip


def _undo_leet(current: str, words: EvasionWords | None = None) -> str:
    chars: list[str] | None = None
    short: list[tuple[int, int]] = []  # code-like tokens that read as a short word
    leet = 0  # tokens read as leetspeak
    for m in _LEET_TOKEN.finditer(current):
        start, end = m.span()
        # "id10t!", "!!!Join": an ! at either end is punctuation, not a letter.
        while end > start and current[end - 1] == "!":
            end -= 1
        while start < end and current[start] == "!":
            start += 1
        token = current[start:end]
        if not token or token[0] == "@":  # an @handle
            continue
        if _NOT_LEET.fullmatch(token):
            spells_short_word = token.translate(_LEET).lower() in _SHORT_LEET_WORDS
            if spells_short_word and not _in_url_or_email(current, start, end):
                short.append((start, end))
            continue
        if _in_url_or_email(current, start, end):
            continue
        leet += 1
        if chars is None:
            chars = list(current)
        read = token.translate(_LEET)
        if words is not None and "1" in token and read.lower() not in words.words:
            as_l = token.translate(_LEET_L)
            if as_l.lower() in words.words:
                read = as_l
        chars[start:end] = read
    if chars is not None and leet >= 2:
        for start, end in short:
            chars[start:end] = current[start:end].translate(_LEET)
    return "".join(chars) if chars is not None else current
