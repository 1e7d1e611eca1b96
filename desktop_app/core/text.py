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
    "words",
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # Python string index (code points) into the original text
    end: int
    text: str


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
# A run of terminators, then closing quotes/brackets, ending at whitespace or the line's end.
# Requiring whitespace after keeps 3.5%, £1.2bn, 7.30pm, e.g.x and URLs (x.com/a?b=1) whole.
_TERMINATOR = re.compile(r"[.!?…‽⁇⁈⁉]+[\"'’”»)\]]*(?=\s|$)")
# Emoji straight after a sentence's end belong to it ("Great news! 🎉 Join us").
_EMOJI_CHARS = (
    r"\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3"
    r"\U000e0020-\U000e007f"
)
_TRAILING_EMOJI = regex.compile(rf"[ \t\u00a0]+[{_EMOJI_CHARS}]+(?=\s|$)")


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


def _ends_sentence(text: str, m: re.Match, line_end: int) -> bool:
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
            if m.start() < pos or not _ends_sentence(text, m, line_end):
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

_WORD_CHAR = r"[\p{L}\p{M}\p{N}]"
_WORD = regex.compile(
    r"""
    (?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]            # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}                   # e-mail address
    | (?<![\w@#])[@#]\w+(?:@[\w-]+(?:\.[\w-]+)+)?               # @handle (Mastodon too), #hashtag
    | (?<![\w@#])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|io|co|gov|eu|ly|me|info)
      (?:/[^\s<>"]*[^\s<>".,;:!?)\]'’”])?(?![\w])               # bare domain: bbc.co.uk/news
    | WORD+(?:(?:['’\-‐‑]|(?<=\p{N})[.,:](?=\p{N}))WORD+)*     # don't, well-being, 3.5, 7.30pm
    """.replace("WORD", _WORD_CHAR),
    regex.VERBOSE,
)


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens in text[start:end]: letters/digits with internal apostrophes and
    hyphens; a URL, e-mail address, @handle or #hashtag is one token; emoji are not words."""
    end = len(text) if end is None else min(end, len(text))
    out = []
    for m in _WORD.finditer(text, max(0, start), end):
        token = m.group()
        if token[-1] == "\u20e3":  # keycap emoji such as 1️⃣ are pictures, not words
            continue
        out.append(Span(m.start(), m.end(), token))
    return out


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

_fold_cache: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """One original character -> what it contributes to the normalised text."""
    cached = _fold_cache.get(ch)
    if cached is not None:
        return cached
    if ch in _INVISIBLE:
        folded = ""
    else:
        folded = "".join(
            _HOMOGLYPHS.get(c, c)
            for c in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", _HOMOGLYPHS.get(ch, ch)))
            if unicodedata.category(c) not in ("Mn", "Me") and c not in _INVISIBLE
        )
    if len(_fold_cache) < 50_000:
        _fold_cache[ch] = folded
    return folded


# A unit is a non-ASCII character (or an ASCII base carrying combining marks) with the
# marks that follow it. Marks are dropped but stay inside their base's highlight.
_MARKS = r"\p{Mn}\p{Me}"
_UNIT = regex.compile(rf"(?:[^\x00-\x7f]|[\x00-\x7f](?=[{_MARKS}]))[{_MARKS}]*")

# Leetspeak: only inside tokens that also contain letters.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s", "!": "i"})  # fmt: skip
_LEET_HINT = re.compile(r"[A-Za-z][0-9@$]|[0-9@$!][A-Za-z]")
_TOKEN_CHAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@$!")
# Tokens that are ordinary writing, not leetspeak: 3pm, 2nd, 10k, 5G, M25, P10, covid19, $5m.
_NOT_LEET = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|s|k|m|bn|mn|x|p|g|kg|km|mi|mph|ml|hr|hrs|h|min|mins|yr|yrs|yo"
    r"|ft|in|cm|mm|gb|mb|tb|d|v|ish|ers)"
    r"|\d+[A-Za-z]|[A-Za-z]+\d+|[A-Za-z]{0,3}\$\d.*|\d+",
    re.IGNORECASE,
)
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*",
    re.IGNORECASE,
)

# Spaced-out letters: 3+ single characters joined by the same single separator.
_SPACED = re.compile(
    r"(?<![A-Za-z0-9@$])[A-Za-z0-9@$]([ ._\-])[A-Za-z0-9@$](?:\1[A-Za-z0-9@$])+(?![A-Za-z0-9@$])"
)
_ONE_LETTER_WORDS = frozenset("aAiIoOuU")


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


def _fold_units(text: str) -> tuple[str, list[int], list[int]]:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _UNIT.finditer(text):
        u_start, u_end = m.span()
        if u_start > pos:  # an untouched ASCII run
            pieces.append(text[pos:u_start])
            starts.extend(range(pos, u_start))
            ends.extend(range(pos + 1, u_start + 1))
        folded = _fold_char(text[u_start])
        if folded:
            pieces.append(folded)
            starts.extend([u_start] * len(folded))
            ends.extend([u_end] * len(folded))
        pos = u_end
    if pos < len(text):
        pieces.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def _collapse_spaced(
    current: str, starts: list[int] | None, ends: list[int] | None
) -> tuple[str, list[int] | None, list[int] | None]:
    drop: list[int] = []  # positions of separators to remove
    for m in _SPACED.finditer(current):
        run = m.group()
        members = run[0::2]
        letters = sum(c.isalpha() for c in members)
        if letters < 2:
            continue
        if any(c in _ONE_LETTER_WORDS for c in members) and (
            len(members) < 4 or (any(c.isupper() for c in members) and any(c.islower() for c in members))
        ):
            continue  # "a I a", "plan A B C", "x I a b": ordinary text, not a word spelt out
        if m.group(1) == "." and re.match(r"\.[A-Za-z0-9]", current[m.end() :]):
            continue  # part of a domain name
        drop.extend(range(m.start() + 1, m.end(), 2))
    if not drop:
        return current, starts, ends
    if starts is None:
        starts = list(range(len(current)))
        ends = list(range(1, len(current) + 1))
    dropped = set(drop)
    keep = [i for i in range(len(current)) if i not in dropped]
    return (
        "".join(current[i] for i in keep),
        [starts[i] for i in keep],
        [ends[i] for i in keep],
    )


def _undo_leet(current: str) -> str:
    protected = (
        [m.span() for m in _URL_OR_EMAIL.finditer(current)] if ("@" in current or "." in current) else []
    )
    chars: list[str] | None = None
    last_end = 0
    n = len(current)
    for hint in _LEET_HINT.finditer(current):
        if hint.start() < last_end:
            continue
        start = hint.start()
        while start > 0 and current[start - 1] in _TOKEN_CHAR:
            start -= 1
        end = hint.end()
        while end < n and current[end] in _TOKEN_CHAR:
            end += 1
        last_end = end
        while end > start and current[end - 1] == "!":  # "id10t!": the last ! is punctuation
            end -= 1
        token = current[start:end]
        if (
            not token
            or token[0] == "@"  # an @handle
            or _NOT_LEET.fullmatch(token)
            or not any(c.isalpha() for c in token)
            or any(a <= start < b for a, b in protected)
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
