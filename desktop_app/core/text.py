"""Text foundations: paragraphs, sentences and words.

Every offset here is a Python string index (code points) into the ORIGINAL text, so a
span can be highlighted exactly where the writer typed it. Pure Python, no Qt. Matching
through disguised spellings is in evasion.py; UTF-16 offsets (Qt, LanguageTool) in offsets.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from desktop_app.core.quick_init import quick_init

__all__ = [
    "Span",
    "paragraphs",
    "sentence_word_texts",
    "sentences",
    "shifted",
    "word_before",
    "word_count",
    "word_texts",
    "words",
]


@quick_init
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


def shifted(spans: list[Span], offset: int) -> list[Span]:
    """The spans moved by `offset` characters (a paragraph's, placed in its document)."""
    if offset == 0:
        return spans
    out = []
    for span in spans:
        moved = _new_object(Span)
        _set_start(moved, span.start + offset)
        _set_end(moved, span.end + offset)
        _set_text(moved, span.text)
        out.append(moved)
    return out


def _stripped_span(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without surrounding whitespace, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    span = _new_object(Span)  # as Span(start, end, ...), without the frozen __init__ (see above)
    _set_start(span, start)
    _set_end(span, end)
    _set_text(span, text[start:end])
    return span


# A social-media handle (@name, or a fediverse @name@instance.social); not the @ inside a word
# ("b@stard") or an e-mail address
HANDLE = re.compile(r"(?<![\w@])@\w+(?:@[\w\-]+(?:\.[\w\-]+)+)?")


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


def word_before(text: str, pos: int) -> str:
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
    word = word_before(text, m.start())
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
    emoji_free = text.isascii()  # most posts: no emoji to carry over to a sentence's end
    for line in _LINE.finditer(text, start, end):
        line_end = line.end()
        pos = line.start()
        for m in _TERMINATOR.finditer(text, pos, line_end):
            if m.start() < pos or not _ends_sentence(text, m, pos, line_end):
                continue
            stop = m.end()
            emoji = None if emoji_free else _TRAILING_EMOJI.match(text, stop, line_end)
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
# The same words in ASCII text (most posts), where the marks, curly apostrophes and keycaps
# cannot occur: ASCII classes are read a third quicker.
_PLAIN_ASCII = re.compile(r"[A-Za-z0-9]\w*(?:(?:['\-]|(?<=\d)[.,:](?=\d))\w+)*", re.ASCII)


def _plain(text: str) -> re.Pattern:
    """The plain-word pattern for `text`: the ASCII one when the whole text is ASCII."""
    return _PLAIN_ASCII if text.isascii() else _PLAIN_WORDS


_ALL_TOKENS = re.compile(
    rf"""
      (?:https?://|www\.)[^\s<>"]*{_URL_END}                                     # URL
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{{2,}}                  # e-mail address
    | (?<![\w@#])[@#]\w+(?:@[\w-]+(?:\.[\w-]+)+)?                                # @handle, #hashtag
    | (?<![\w@#.-])[\w-]+(?:\.[\w-]+)*\.(?:{_DOMAINS})(?:/[^\s<>"]*{_URL_END})?(?!\w)  # bbc.co.uk/news
    | {_PLAIN_WORD}
    """,
    re.VERBOSE,
)
# Only text with one of these can hold a URL, address, handle or hashtag (the fast path skips
# those alternatives, which cost as much as the words themselves).
_SPECIAL_HINT = re.compile(rf"[@#/]|www\.|\w\.(?:{_DOMAINS})\b", re.IGNORECASE)
# The same question asked piece by piece: searching for the pattern above tries its three
# branches at every character, three times slower than looking for each piece on its own.
_DOT_DOMAIN = re.compile(rf"\.(?:{_DOMAINS})\b", re.IGNORECASE)


def _may_hold_special(text: str, start: int, end: int) -> bool:
    """Whether _SPECIAL_HINT occurs in text[start:end]."""
    if text.find("@", start, end) >= 0 or text.find("#", start, end) >= 0 or text.find("/", start, end) >= 0:
        return True
    if "www." in text[start:end].lower():  # quicker than re's case-blind search for it
        return True
    # \w\.domain: each dot before a domain, checked with the pattern itself one character back
    return any(
        m.start() > start and _SPECIAL_HINT.match(text, m.start() - 1, end) is not None
        for m in _DOT_DOMAIN.finditer(text, start, end)
    )


def words(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens in text[start:end]: letters/digits with internal apostrophes and
    hyphens; a URL, e-mail address, @handle or #hashtag is one token; emoji are not words."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _may_hold_special(text, start, end) else _plain(text)
    return _spans_of(pattern.finditer(text, start, end))


def word_texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The text of each words() token, without building spans (for counting and scoring)."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _may_hold_special(text, start, end) else _plain(text)
    return pattern.findall(text, start, end)


def sentence_word_texts(text: str, spans: list[Span]) -> tuple[list[list[str]], list[str]]:
    """word_texts() of each sentence in `spans` (sentences(text)), and word_texts(text) itself,
    with the text read once rather than twice.

    A word never crosses a sentence boundary (whitespace follows every one), and the text
    may hold a link or handle exactly when one of its sentences may; so the text's words are
    its sentences' words, each read with the text's pattern. Where the text holds one and a
    sentence does not, the full pattern reads that sentence as the plain one did, unless it
    has "-." in it: the only way into the link branches that the quick look does not see
    ("a-.com"), so such a sentence is read again."""
    # a sentence may hold a link only if the text may (most posts: one look, not one a sentence)
    anywhere = _may_hold_special(text, 0, len(text))
    holds = [anywhere and _may_hold_special(text, s.start, s.end) for s in spans]
    plain = _plain(text)
    per_sentence = [
        (_ALL_TOKENS if special else plain).findall(text, s.start, s.end)
        for s, special in zip(spans, holds, strict=True)
    ]
    if any(holds) and not all(holds):
        whole = [
            words
            if special or text.find("-.", s.start, s.end) < 0
            else _ALL_TOKENS.findall(text, s.start, s.end)
            for s, special, words in zip(spans, holds, per_sentence, strict=True)
        ]
    else:
        whole = per_sentence
    return per_sentence, [word for words in whole for word in words]


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """len(words(text, start, end)) without building the spans (about three times faster)."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pattern = _ALL_TOKENS if _may_hold_special(text, start, end) else _plain(text)
    return sum(1 for _ in pattern.finditer(text, start, end))
