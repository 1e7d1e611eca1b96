"""A text's counts, as Vale's `metric` and `readability` kinds name them.

words, sentences, paragraphs, characters (letters and digits in words), syllables,
complex_words and polysyllabic_words (three syllables or more), long_words (seven letters
or more), and the Markdown counts a post rarely has (pre, list, blockquote, heading_h1 ...
heading_h6). Syllables are counted as textstat counts them, en_GB (core/syllables.py).
"""

from __future__ import annotations

import math
import re

from desktop_app.core import syllables
from desktop_app.core.readability import _reading_words
from desktop_app.core.text import paragraphs, sentences

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+\S", re.MULTILINE)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}>", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)


def document_metrics(text: str) -> dict[str, float]:
    """Vale's variables for `text` (every one present, 0 when absent)."""
    words = [w for w in _reading_words(text) if any(c.isalnum() for c in w)]
    per_word = [syllables.count(w) for w in words]
    counts: dict[str, float] = {
        "words": len(words),
        "sentences": sum(1 for s in sentences(text) if s.text.strip()),
        "paragraphs": sum(1 for p in paragraphs(text) if p.text.strip()),
        "characters": sum(sum(c.isalnum() for c in w) for w in words),
        "syllables": sum(per_word),
        "complex_words": sum(1 for n in per_word if n >= 3),
        "polysyllabic_words": sum(1 for n in per_word if n >= 3),
        "long_words": sum(1 for w in words if sum(c.isalnum() for c in w) >= 7),
        "pre": len(_FENCE.findall(text)) // 2,
        "list": len(_LIST_ITEM.findall(text)),
        "blockquote": len(_QUOTE.findall(text)),
    }
    for level in range(1, 7):
        counts[f"heading_h{level}"] = 0
    for m in _HEADING.finditer(text):
        counts[f"heading_h{len(m.group(1))}"] += 1
    return counts


def _per(a: float, b: float) -> float:
    return a / b if b else 0.0


# Vale's readability metrics (errata-ai/vale, internal/check/variables.go names them).
READABILITY_METRICS = {
    "Gunning Fog": lambda m: (
        0.4 * (_per(m["words"], m["sentences"]) + 100 * _per(m["complex_words"], m["words"]))
    ),
    "Coleman-Liau": lambda m: (
        0.0588 * 100 * _per(m["characters"], m["words"])
        - 0.296 * 100 * _per(m["sentences"], m["words"])
        - 15.8
    ),
    "Flesch-Kincaid": lambda m: (
        0.39 * _per(m["words"], m["sentences"]) + 11.8 * _per(m["syllables"], m["words"]) - 15.59
    ),
    "SMOG": lambda m: 1.0430 * math.sqrt(_per(m["polysyllabic_words"] * 30, m["sentences"])) + 3.1291,
    "Automated Readability": lambda m: (
        4.71 * _per(m["characters"], m["words"]) + 0.5 * _per(m["words"], m["sentences"]) - 21.43
    ),
}
