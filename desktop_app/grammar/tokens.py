"""Words worth spell-checking in a post, and the things in posts that are not words.

Handles, hashtags, web addresses, email addresses and numbers are never words to check.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Each branch starts only where a run of its characters starts (started inside a run of
# letters, the e-mail branch read to its end and back at every letter: 1.5 s, holding the
# GIL, on a 12,000-character paragraph of Chinese).
_NOT_WORDS = re.compile(
    r"""
    (?:https?://|www\.)\S+                                   # web addresses
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+              # email addresses
    | (?<![\w@])@\w+(?:\.\w+)*                               # @handles (also @name.bsky.social)
    | (?<![\w#])\#\w+                                        # #hashtags
    | (?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|co|gov|io|social|app|eu|info)\b(?:/\S*)?  # domains
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A word: letters with inner apostrophes ("don't", "Labour's"); hyphens split words so each
# part is checked (and underlined) on its own. Digits are kept in the token to skip it whole.
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = ".!?…"
_OPENERS = "\"'“‘([{«"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool


def skipped_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NOT_WORDS.finditer(text)]


def is_sentence_start(text: str, index: int) -> bool:
    i = index - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n":
            return True
        if ch.isspace() or ch in _OPENERS or unicodedata.category(ch).startswith("S"):
            i -= 1  # spaces, opening quotes and emoji before a sentence
            continue
        return ch in _SENTENCE_END
    return True


def words(text: str) -> list[Token]:
    """Tokens to check, in order, outside handles, hashtags, addresses and numbers."""
    skip = skipped_spans(text)
    out: list[Token] = []
    k = 0
    for m in _WORD.finditer(text):
        start, end = m.span()
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        if k < len(skip) and skip[k][0] < end:
            continue  # inside a handle, hashtag or address
        word = m.group()
        if any(ch.isdigit() or ch == "_" for ch in word):
            continue  # numbers, 2020s, 10am, snake_case
        out.append(Token(start, end, word, is_sentence_start(text, start)))
    return out
