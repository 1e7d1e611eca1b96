"""Fitting a replacement into its sentence, so a one-click fix reads as if written that way.

    fit(text, start, end, replacement) -> Splice(start, end, replacement)

The span may grow to take in what has to change around the words: the article before them
("a robust plan" -> "a strong plan", but "a overarching" -> "an overall"), a determiner the
replacement already has ("all stakeholders" -> "everyone involved", never "all everyone"),
a word the replacement repeats ("to to"), and when words are removed, the space, comma or
brackets left behind ("at ," or "( )"). A capital goes at the start of a sentence and
nowhere else. Everything here is text only: which words to put in is the check's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.morphology import article_for

# Words that decide what kind of noun phrase follows; two in a row is a mistake
# ("all everyone", "the the", "our the people affected").
DETERMINERS = frozenset(
    ["a", "an", "the", "our", "your", "their", "his", "her", "its", "my", "this", "that", "these",
     "those", "every", "all", "some", "any", "each", "no", "everyone", "everybody", "everything",
     "anyone", "anybody", "nobody", "someone", "somebody"]
)  # fmt: skip
# Of those, the ones that may stand before a noun (and so give way to a replacement's own)
_PREDETERMINERS = frozenset(
    ["a", "an", "the", "our", "your", "their", "his", "her", "its", "my", "this", "that", "these",
     "those", "every", "all", "some", "any", "each", "no"]
)  # fmt: skip
# "all the people affected", "all our members": "all" may stand before these
_AFTER_ALL = frozenset(["the", "our", "your", "their", "his", "her", "my", "these", "those", "its"])
_SENTENCE_END = ".!?\n"
_OPENERS = "\"'‘“(["
_WORD_BEFORE = re.compile(r"(?<![A-Za-z’'])([A-Za-z’']+)([ \t]+)$")  # from a word's start: linear
_WORD_AFTER = re.compile(r"^([ \t]+)([A-Za-z’']+)")
_HANDLES_AT_START = re.compile(r"^\s*(?:[@.]?@[\w.-]+[ \t]+)+$")


@dataclass(frozen=True, slots=True)
class Splice:
    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence (after '.', '!', '?', a line break, an
    opening quote or bracket there, or at the very start). A reply's leading @handles are
    not a sentence: "@bob thanks" keeps its small letter."""
    before = text[:pos].rstrip(" \t" + _OPENERS)
    if not before:
        return True
    if _HANDLES_AT_START.match(text[:pos]):
        return False
    return before[-1] in _SENTENCE_END or before.endswith(("…", ".”", "!”", "?”", '."', '!"', '?"'))


def capitalise(text: str) -> str:
    """A capital for the first letter, unless the text opens with a handle, a hashtag or a
    number ("@bob's", "#NHS", "40 of us") which keep their own."""
    if text.lstrip()[:1] in ("@", "#"):
        return text
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


def decapitalise(text: str) -> str:
    """'The Conservatives' -> 'the Conservatives' inside a sentence; a name ('Labour') or an
    acronym ('SNP') keeps its capital: only a small common opening word is lowered."""
    head, sep, rest = text.partition(" ")
    if head in ("The", "A", "An", "Our", "Your", "Their", "This", "That", "These", "Those", "Everyone",
                "People", "Some", "All", "Every", "Any", "No"):  # fmt: skip
        return head.lower() + sep + rest
    return text


def fit(text: str, start: int, end: int, replacement: str, *, keep_case: bool = False) -> Splice:
    """`replacement` for text[start:end], with the span grown and the words around it fixed
    as described at the top of this module. `keep_case`: leave the replacement's first
    letter as given (a name)."""
    if not replacement.strip():
        return remove(text, start, end)
    at_start = starts_sentence(text, start)
    s, e = start, end
    # the word before: an article to agree, a determiner to give way, a word said twice
    before = _WORD_BEFORE.search(text, 0, s)
    first = _first_word(replacement)
    if before is not None and first:
        word = before.group(1)
        low = word.lower()
        if low == first.lower() and low.isalpha():
            s = before.start()  # "to to", "help help"
            at_start = starts_sentence(text, s)
        elif (
            low in _PREDETERMINERS
            and first.lower() in DETERMINERS
            and not (low == "all" and first.lower() in _AFTER_ALL)
        ):
            s = before.start()  # "all stakeholders" -> "everyone involved"
            at_start = starts_sentence(text, s)
        elif low in ("the", "these", "those") and (
            _bare_name(replacement) or _possessive_opening(replacement)
        ):
            s = before.start()  # "the Red Tories" -> "Labour", never "the Labour" or "these Labour"
            at_start = starts_sentence(text, s)
        elif low in ("a", "an"):
            article = article_for(replacement)
            if article != low:
                s = before.start()
                replacement = _same_case(article, word) + before.group(2) + replacement
                at_start = False  # the article keeps its own capital
    # the word after: said twice ("in order to to")
    after = _WORD_AFTER.match(text[e:])
    last = _last_word(replacement)
    if after is not None and last and after.group(2).lower() == last.lower() and last.isalpha():
        e += after.end()
    if at_start:
        replacement = capitalise(replacement)
    elif not keep_case and replacement[:1].isupper() and not replacement[:2].isupper():
        replacement = decapitalise(replacement)
    return Splice(s, e, replacement)


def remove(text: str, start: int, end: int) -> Splice:
    """Remove text[start:end] and tidy the join: one space or none, no space before
    punctuation, no doubled or stranded comma, empty brackets gone, and a capital for the
    word that now opens the sentence."""
    s, e = start, end
    while s > 0 and text[s - 1] in " \t":
        s -= 1
    while e < len(text) and text[e] in " \t":
        e += 1
    left, right = text[:s], text[e:]
    # "( )" and "[]" left empty
    if left.endswith(("(", "[")) and right[:1] in (")", "]"):
        s -= 1
        e += 1
        while s > 0 and text[s - 1] in " \t":
            s -= 1
        while e < len(text) and text[e] in " \t":
            e += 1
        left, right = text[:s], text[e:]
    # a comma or dash that only joined the removed words to the next ones
    if left.endswith((",", ";", ":", " -", " –", " —")) and (not right or right[0] in ",.;:!?)\n"):
        cut = 2 if left.endswith((" -", " –", " —")) else 1
        s -= cut
        left = text[:s]
    if right[:1] in (",", ";", ".", ":") and (
        not left.strip() or left[-1] in _SENTENCE_END or left[-1] in "(\n"
    ):
        e += 1  # ", so pop round" at the start of a sentence
        while e < len(text) and text[e] in " \t":
            e += 1
        right = text[e:]
    glued = not left or left[-1] in "\n" + _OPENERS or not right or right[0] in ",.;:!?)]\n…"
    joint = "" if glued else " "
    replacement = joint
    # the word that now opens a sentence gets its capital
    opens = starts_sentence(text, s) if glued else starts_sentence(text[:s] + " ", s + 1)
    word = re.match(r"[A-Za-z’']+", right)
    if opens and word is not None and right[:1].islower():
        e += word.end()
        replacement = joint + capitalise(word.group())
    return Splice(s, e, replacement)


def _bare_name(text: str) -> bool:
    """A one-word name that takes no article: "Labour", "Momentum" (not "SNP", "Greens")."""
    word = text.strip()
    return (
        word.isalpha()
        and word[:1].isupper()
        and not word.isupper()
        and not word.endswith("s")
        and word.lower() not in DETERMINERS
    )


def _possessive_opening(text: str) -> bool:
    """ "Jeremy Corbyn's supporters": a name's possessive is the phrase's own determiner."""
    words = text.split()[:3]
    for word in words:
        if not word[:1].isupper():
            return False
        if word.endswith(("'s", "’s", "s'")):
            return True
    return False


def _first_word(text: str) -> str:
    m = re.match(r"\s*([A-Za-z’']+)", text)
    return m.group(1) if m else ""


def _last_word(text: str) -> str:
    m = re.search(r"([A-Za-z’']+)\s*$", text)
    return m.group(1) if m else ""


def _same_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
