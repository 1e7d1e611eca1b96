"""Whether a fixed post reads as if a person wrote it: the artefacts a fix must never leave.

    artefacts(before, after) -> [str]   what `after` has that `before` did not: "..." left
                                        by a template, a doubled word or article, a
                                        connective with nothing to join ("on or", "at ,"),
                                        a sentence opening in small letters, "a" before a
                                        vowel sound (or "an" before a consonant)
    kept_words(before, after, spans) -> [str]  names, places and numbers of `before` (outside
                                        `spans`: what a fix was right to take out) missing
                                        from `after`

The fixes test, the property test over the shipped pack and benchmarks/bench_fixes.py all
judge by these, so "postable" means one thing everywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from desktop_app.core.morphology import article_for

_WORD = re.compile(r"[A-Za-z’']+")
# Articles and possessives: two in a row is always a slip ("all everyone", "our the").
_ARTICLES = frozenset(["a", "an", "the", "our", "your", "their", "my", "its"])
_NOUN_PHRASE_OPENERS = _ARTICLES | {"everyone", "everybody"}
_DOUBLE_OK = frozenset(["that", "had", "is", "do", "very", "far", "so", "bye", "knock", "no", "ha", "well"])
_CONNECTIVES = r"on|at|to|or|and|via|from|with|by|of|in|into|onto|email|call|ring|text|is|are|was"
_ORPHANS = (
    re.compile(rf"\b(?:{_CONNECTIVES})[ \t]*(?=[,;:)]|\.(?!\w)|$)", re.IGNORECASE | re.MULTILINE),
    re.compile(
        r"\b(?:on|at|to|via|from|in|into)[ \t]+(?:or|and|but|if|so|before|after|when)\b", re.IGNORECASE
    ),
    re.compile(r"\b(?:or|and)[ \t]+(?:or|and)\b", re.IGNORECASE),
    re.compile(r"(?:^|[.!?][ \t]+)(?:or|and|but)[ \t]*[,.]", re.IGNORECASE),
    re.compile(r"[ \t][,.;:!?]"),  # a space before punctuation
    re.compile(r",[ \t]*[,.]"),  # ", ," or ",."
    re.compile(r"\([ \t]*\)"),
    re.compile(r"\S[ \t]{2,}(?=\S)"),  # a double space inside a line
)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?[ \t]+|\n[ \t]*)([a-z][a-z’']*)")
_LOWER_OK = frozenset(["e.g", "i.e", "etc", "iphone", "ipad", "ebay"])
_ARTICLE_BEFORE = re.compile(r"\b([Aa]n?)[ \t]+([\w’'-]+)")


def _doubled(text: str) -> Counter:
    words = [(m.group().lower(), m) for m in _WORD.finditer(text)]
    out: Counter = Counter()
    for (a, ma), (b, mb) in pairwise(words):
        gap = text[ma.end() : mb.start()]
        if gap.strip():
            continue  # punctuation between: "Yes. Yes" is fine
        if a == b and a not in _DOUBLE_OK:
            out[f"doubled word '{a} {b}'"] += 1
        elif (a in _ARTICLES and b in _NOUN_PHRASE_OPENERS and a != "its") or (
            a in ("all", "every") and b in ("everyone", "everybody", "everything")
        ):
            out[f"doubled article '{a} {b}'"] += 1
    return out


# "from now on,", "carry on.", "and so on.": a preposition that ends a phrase by itself
_ADVERB_BEFORE = re.compile(
    r"\b(?:now|then|later|so|carry|carried|go|goes|going|come|comes|hold|move|moving|early|further|"
    r"log|logged|sign|signed|take|took|count|counted|vote|voted|rely|relied|work|worked|listen|"
    r"listened|look|looked|what|who|which)[ \t]+$",
    re.IGNORECASE,
)


def _orphans(text: str) -> Counter:
    out: Counter = Counter()
    for n, pattern in enumerate(_ORPHANS):
        for m in pattern.finditer(text):
            if n == 0 and _ADVERB_BEFORE.search(text, 0, m.start()):
                continue
            out[f"orphaned '{m.group().strip()}'"] += 1
    return out


def _lower_starts(text: str) -> Counter:
    out: Counter = Counter()
    for m in _SENTENCE_START.finditer(text):
        word = m.group(1)
        if word.lower().rstrip(".") in _LOWER_OK:
            continue
        before = text[: m.start(1)]
        if re.search(r"(?:^|\s)[@#]\S*\s*$", before) or before.rstrip().endswith(("e.g.", "i.e.", "etc.")):
            continue
        out[f"small letter opening a sentence: '{word}'"] += 1
    return out


def _articles(text: str) -> Counter:
    out: Counter = Counter()
    for m in _ARTICLE_BEFORE.finditer(text):
        article, word = m.group(1).lower(), m.group(2)
        if not word[:1].isalnum() or word.isdigit():
            continue
        if article_for(word) != article:
            out[f"'{m.group(1)} {word}'"] += 1
    return out


def artefacts(before: str, after: str) -> list[str]:
    """The artefacts in `after` that `before` did not have (each once per extra time)."""
    found: list[str] = []
    if after.count("...") > before.count("..."):
        found.append("'...' left in the text")
    for check in (_doubled, _orphans, _lower_starts, _articles):
        extra = check(after) - check(before)
        found.extend(sorted(extra.elements()))
    return found


_KEPT = re.compile(r"\b(?:\d[\d,.:%]*(?:am|pm|m|k|th|st|nd|rd)?|[A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'-]+)*)\b")


def kept_words(before: str, after: str, removed: list[tuple[int, int]] = ()) -> list[str]:
    """Names, places and numbers in `before` (outside the spans in `removed`) that `after`
    has lost. A capitalised word opening a sentence is not counted as a name."""
    lost = []
    for m in _KEPT.finditer(before):
        s, e = m.span()
        if any(a < e and s < b for a, b in removed):
            continue
        words = m.group()
        if words[0].isalpha() and _opens_sentence(before, s):
            words = words.split(None, 1)[1] if " " in words else ""
        if words and words not in after:
            lost.append(words)
    return lost


def _opens_sentence(text: str, pos: int) -> bool:
    head = text[:pos].rstrip(" \t\"'‘“(")
    return not head or head[-1] in ".!?:\n"
