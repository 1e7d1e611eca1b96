"""Text foundations: paragraphs, sentences, words, evasion-proof normalisation, UTF-16 maps.

Every offset here is a Python string index (code points) into the ORIGINAL text, so a
span can be highlighted exactly where the writer typed it. Pure Python, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

import regex

__all__ = [
    "Normalised",
    "Span",
    "Utf16Map",
    "normalise_for_matching",
    "paragraphs",
    "sentences",
    "utf16_len",
    "word_count",
    "word_texts",
    "words",
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # Python string index (code points) into the original text
    end: int
    text: str


# words() builds a Span per token; a frozen dataclass's __init__ goes through
# object.__setattr__ three times, so bulk building sets the slots directly (same object,
# about twice as fast).
_new_object = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__
_set_text = Span.__dict__["text"].__set__


def _spans_of(matches) -> list[Span]:
    out = []
    for m in matches:
        span = _new_object(Span)
        start, end = m.span()
        _set_start(span, start)
        _set_end(span, end)
        _set_text(span, m.group())
        out.append(span)
    return out


def _stripped_span(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end]) if start < end else None


# ---------------------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------------------

_LINE_BREAK = "\n\r\u2028\u2029\x0b\x0c\x85"
# A blank line: a line break, any whitespace-only lines, another line break. U+2029 (the
# paragraph separator) ends a paragraph on its own.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n\u2029]*\n(?:[^\S\n\u2029]*\n)*|\u2029")


def paragraphs(text: str) -> list[Span]:
    """Blocks separated by one or more blank lines; spans exclude the blank lines and
    the whitespace around each block."""
    out: list[Span] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        span = _stripped_span(text, pos, m.start())
        if span:
            out.append(span)
        pos = m.end()
    span = _stripped_span(text, pos, len(text))
    if span:
        out.append(span)
    return out


# ---------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
# Emoji straight after a sentence's end belong to it ("Great news! 🎉 Join us").
_EMOJI_CHARS = (
    r"\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3"
    r"\U000e0020-\U000e007f"
)
# A run of terminators, then closing quotes/brackets, ending at whitespace, the line's end or
# emoji. Requiring one of those after keeps 3.5%, £1.2bn, 7.30pm, e.g.x and URLs whole.
_TERMINATOR = regex.compile(rf"[.!?…‽⁇⁈⁉]+[\"'’”»)\]]*(?=\s|$|[{_EMOJI_CHARS}]+(?:\s|$))")
_TRAILING_EMOJI = regex.compile(rf"[ \t\u00a0]*[{_EMOJI_CHARS}]+(?=\s|$)")
# "1. Cut waiting lists" / "a. Fund the buses": a list marker, not a sentence.
_LIST_MARKER = re.compile(r"\s*[-•*]?\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})")


def _word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Never end a sentence: titles before names, and abbreviations that run on.
_NEVER_SPLIT = _word_set(
    """mr mrs ms mx dr cllr st prof rev revd hon rt sr jr snr jnr capt col gen lt sgt supt insp
    det cpl maj brig cmdr adm sen rep gov pres e.g i.e eg ie approx vs v cf viz c ca incl excl
    esp dept est fig figs ch para paras pp vol vols"""
)
# End a sentence unless a number follows ("No. 10", "p. 4", "3 Jan. 2025").
_BEFORE_NUMBER = _word_set("""no nos p art sec ref tel jan feb mar apr jun jul aug sep sept oct nov dec""")
# End a sentence only if a capital follows ("apples etc. We ..." but "etc. and").
_ONLY_BEFORE_CAPITAL = _word_set("etc ltd inc plc co al bros corp")
_OPENERS = "\"'‘“«([¡¿"


def _word_before(text: str, pos: int) -> str:
    """The letters-and-dots token ending at pos ("e.g" for "e.g.", "Mr" for "Mr.")."""
    start = pos
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:pos]


def _next_visible(text: str, pos: int, end: int) -> str:
    """The first character after pos that is neither whitespace nor an opening quote."""
    while pos < end and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    return text[pos] if pos < end else ""


def _ends_sentence(text: str, m: regex.Match, sentence_start: int, line_end: int) -> bool:
    marks = m.group()
    following = _next_visible(text, m.end(), line_end)
    if not following:
        return True
    core = marks.rstrip("\"'’”»)]")
    if "…" in core or ".." in core:
        # An ellipsis runs on into a lower-case word ("Wait... what?").
        return not following.islower()
    if core != ".":
        return True  # ! ? ?! and friends always end a sentence
    if _LIST_MARKER.fullmatch(text, sentence_start, m.start()):
        return False
    word = _word_before(text, m.start())
    lowered = word.lower()
    if lowered in _NEVER_SPLIT:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if lowered in _BEFORE_NUMBER:
        return not following.isdigit()
    if lowered in _ONLY_BEFORE_CAPITAL or (len(word) >= 3 and _is_dotted_acronym(word)):
        return following.isupper()
    return True


def _is_dotted_acronym(word: str) -> bool:
    """U.K, U.S.A: single letters joined by dots (the last dot is the terminator)."""
    parts = word.split(".")
    return len(parts) >= 2 and all(len(p) == 1 and p.isalpha() for p in parts)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences inside text[start:end], spans relative to the whole text.

    A line break always ends a sentence (posts use lines as sentences and list items).
    Spans exclude surrounding whitespace.
    """
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[Span] = []
    for line in _LINE.finditer(text, start, end):
        line_end = line.end()
        pos = line.start()
        for m in _TERMINATOR.finditer(text, pos, line_end):
            if m.start() < pos or not _ends_sentence(text, m, pos, line_end):
                continue
            stop = m.end()
            emoji = _TRAILING_EMOJI.match(text, stop, line_end)
            if emoji:
                stop = emoji.end()
            span = _stripped_span(text, pos, stop)
            if span:
                out.append(span)
            pos = stop
        span = _stripped_span(text, pos, line_end)
        if span:
            out.append(span)
    return out


# ---------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------

# Combining marks Python's \w misses (accents typed as separate characters, Hebrew and
# Arabic points, Indic vowel signs); not U+20E3 or U+FE0F, which make keycap emoji.
_MARKS_IN_WORDS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20dc\u20e1\u20e5-\u20f0\ufe20-\ufe2f"
)
_WORD_CHAR = rf"[\w{_MARKS_IN_WORDS}]"
_URL_END = r"""[^\s<>"'.,;:!?)\]’”]"""  # a URL does not end with the sentence's punctuation
_DOMAINS = "com|org|net|uk|io|co|gov|eu|ly|me|info"
# Plain words: don't, well-being, 3.5, 1,000, 7.30pm. Not a keycap emoji such as 1️⃣.
_PLAIN_WORD = rf"[^\W_]{_WORD_CHAR}*(?:(?:['’\-‐‑]|(?<=\d)[.,:](?=\d)){_WORD_CHAR}+)*(?!\ufe0f?\u20e3)"
_PLAIN_WORDS = re.compile(_PLAIN_WORD)
_ALL_TOKENS = re.compile(
    rf"""
      (?:https?://|www\.)[^\s<>"]*{_URL_END}                                     # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{{2,}}                               # e-mail address
    | (?<![\w@#])[@#]\w+(?:@[\w-]+(?:\.[\w-]+)+)?                                # @handle, #hashtag
    | (?<![\w@#])[\w-]+(?:\.[\w-]+)*\.(?:{_DOMAINS})(?:/[^\s<>"]*{_URL_END})?(?!\w)  # bbc.co.uk/news
    | {_PLAIN_WORD}
    """,
    re.VERBOSE,
)
# Only text with one of these can hold a URL, address, handle or hashtag (the fast path skips
# those alternatives, which cost as much as the words themselves).
_SPECIAL_HINT = re.compile(rf"[@#/]|www\.|\w\.(?:{_DOMAINS})\b", re.IGNORECASE)


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens in text[start:end]: letters/digits with internal apostrophes and
    hyphens; a URL, e-mail address, @handle or #hashtag is one token; emoji are not words."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _SPECIAL_HINT.search(text, start, end) else _PLAIN_WORDS
    return _spans_of(pattern.finditer(text, start, end))


def word_texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The text of each words() token, without building spans (for counting and scoring)."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _SPECIAL_HINT.search(text, start, end) else _PLAIN_WORDS
    return pattern.findall(text, start, end)


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """len(words(text, start, end)) without building the spans (about three times faster)."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _SPECIAL_HINT.search(text, start, end) else _PLAIN_WORDS
    return sum(1 for _ in pattern.finditer(text, start, end))


# ---------------------------------------------------------------------------------------
# Normalisation for matching
# ---------------------------------------------------------------------------------------

# Removed outright; a highlight spans them only when they sit between matched characters.
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]  # zero-width space/joiners, LRM/RLM
    + [chr(c) for c in range(0x2060, 0x2065)]  # word joiner, invisible operators
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
    + [chr(c) for c in range(0xE0000, 0xE0080)]  # tag characters
    + ["\ufeff", "\u00ad", "\u180e", "\u061c", "\u115f", "\u1160", "\u3164", "\uffa0"]
)

# Look-alike letters from other scripts, and Latin letters NFD cannot strip.
_HOMOGLYPHS = {
    # Cyrillic lower case
    "а": "a", "в": "b", "г": "r", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "п": "n",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "ѡ": "w", "ɡ": "g",
    # Cyrillic upper case
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    "Һ": "H", "Ӏ": "I", "Ү": "Y",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "s",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Armenian
    "օ": "o", "ս": "u", "հ": "h", "ո": "n",
    # Latin small capitals and other look-alikes
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    "ı": "i", "ȷ": "j", "ɑ": "a", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    # Curly quotes and apostrophes, so "don’t" matches a rule written as "don't"
    "‘": "'", "’": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"',
}  # fmt: skip

# Leetspeak: only inside tokens that also contain letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i"})  # fmt: skip
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
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*",
    re.IGNORECASE,
)

# Spaced-out letters: 3+ single characters joined by the same single separator.
_SPACED = re.compile(
    r"(?<![A-Za-z0-9@$])[A-Za-z0-9@$]([ ._\-])[A-Za-z0-9@$](?:\1[A-Za-z0-9@$])+(?![A-Za-z0-9@$])"
)
_ONE_LETTER_WORDS = frozenset("aAiIoOuU")
# After these words a spaced run opening with "a" starts with the article, not the word:
# "he is a c l o w n" is "a clown", not "aclown".
_BEFORE_ARTICLE = frozenset(
    ["is", "was", "are", "were", "be", "been", "being", "such", "what", "quite", "s", "re", "not",
     "like", "as"]
)  # fmt: skip
_DOT_ALNUM = re.compile(r"\.[A-Za-z0-9]")


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


def normalise_for_matching(text: str) -> Normalised:
    """Undo the usual ways of dodging a word filter, keeping an exact map back.

    NFKC, invisible characters removed, accents folded, look-alike letters mapped to Latin,
    spaced-out letters collapsed ("i d i o t"), leetspeak inside words ("1d10t", "sc@m").
    Case is kept.
    """
    starts: list[int] | None = None
    ends: list[int] | None = None
    current = text
    if not text.isascii():
        current, starts, ends = _fold_units(text)
    if _SPACED.search(current):
        current, starts, ends = _collapse_spaced(current, starts, ends)
    if _LEET_HINT.search(current):
        current = _undo_leet(current)
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


def _collapse_spaced(
    current: str, starts: list[int] | None, ends: list[int] | None
) -> tuple[str, list[int] | None, list[int] | None]:
    runs: list[tuple[int, int]] = []
    for m in _SPACED.finditer(current):
        members = m.group()[0::2]
        if not members.isalpha() and sum(c.isalpha() for c in members) < 2:
            continue
        if not _ONE_LETTER_WORDS.isdisjoint(members) and (
            len(members) < 4 or not (members.isupper() or members.islower())
        ):
            continue  # "a I a", "plan A B C", "x I a b": ordinary text, not a word spelt out
        if m.group(1) == "." and _DOT_ALNUM.match(current, m.end()):
            continue  # part of a domain name
        start = m.start()
        if (
            members[0] in "aA"
            and m.group(1) == " "
            and len(members) >= 4
            and _word_before(current, len(current[:start].rstrip())).lower() in _BEFORE_ARTICLE
        ):
            start += 2  # keep the article as a word of its own
        runs.append((start, m.end()))
    if not runs:
        return current, starts, ends
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for run_start, run_end in runs:
        # Keep everything before the run, then every other character of the run.
        pieces.append(current[pos:run_start])
        pieces.append(current[run_start:run_end:2])
        if starts is None:
            new_starts.extend(range(pos, run_start))
            new_starts.extend(range(run_start, run_end, 2))
            new_ends.extend(range(pos + 1, run_start + 1))
            new_ends.extend(range(run_start + 1, run_end + 1, 2))
        else:
            new_starts.extend(starts[pos:run_start])
            new_starts.extend(starts[run_start:run_end:2])
            new_ends.extend(ends[pos:run_start])
            new_ends.extend(ends[run_start:run_end:2])
        pos = run_end
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


def _undo_leet(current: str) -> str:
    chars: list[str] | None = None
    for m in _LEET_TOKEN.finditer(current):
        start, end = m.span()
        # "id10t!", "!!!Join": an ! at either end is punctuation, not a letter.
        while end > start and current[end - 1] == "!":
            end -= 1
        while start < end and current[start] == "!":
            start += 1
        token = current[start:end]
        if (
            not token
            or token[0] == "@"  # an @handle
            or _NOT_LEET.fullmatch(token)
            or _in_url_or_email(current, start, end)
        ):
            continue
        if chars is None:
            chars = list(current)
        chars[start:end] = token.translate(_LEET)
    return "".join(chars) if chars is not None else current


# ---------------------------------------------------------------------------------------
# UTF-16 offsets (Qt and LanguageTool count UTF-16 code units)
# ---------------------------------------------------------------------------------------

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
