"""A linear bag-of-words text model, scored in pure Python (no numpy or scikit-learn).

The model file is JSON written by scripts/export_offence_model.py from a scikit-learn
pipeline (a TfidfVectorizer feeding a calibrated ensemble of linear classifiers):

    {"format": "linear-text-model/1",
     "token_pattern": "(?u)\\b\\w\\w+\\b", "lowercase": true,
     "members": [[intercept, a, b], ...],          # one per ensemble member
     "vocabulary": {"word": [idf, w1*idf, w2*idf, ...], ...},
     "source": {...}}                               # provenance, licence, pruning

A text's score is scikit-learn's `predict_proba`: its words are counted (tf), weighted by
idf and scaled to unit length (l2); each member's decision is the dot product with its
weights plus its intercept, calibrated by a sigmoid 1 / (1 + exp(a * decision + b)); the
score is the members' mean. Storing w * idf per word saves a multiplication per word.

`neutral` words (identity and party words, say) are counted for the length, as the model
saw them, but push the decision neither way: a model trained on abusive text learns that
"gay" or "Muslim" predicts abuse, and a post about Muslim voters must not pay for that.

`may_reach(text, threshold)` answers "could this text score `threshold`?" from a bound far
cheaper than the score (most sentences of a post are nowhere near), so a rule scores only
the sentences that could be flagged; the score itself is never approximated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path

from desktop_app.core.json_slices import loads_in_slices

FORMAT = "linear-text-model/1"
SKLEARN_PATTERN = r"(?u)\b\w\w+\b"  # TfidfVectorizer's default token_pattern
_WORD_RUNS = re.compile(r"\w\w+")
_ASCII_WORD_RUNS = re.compile(r"\w\w+", re.ASCII)  # the same runs in ASCII text, found sooner


class ModelError(Exception):
    """A model file that cannot be used; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class WordWeight:
    """One occurrence of a model word in the text and how far it pushes the score up
    (its share of the members' mean decision; negative pulls it down)."""

    start: int
    end: int
    word: str
    weight: float


@dataclass(frozen=True, slots=True)
class Scored:
    score: float  # 0..1, the calibrated probability that the text is offensive
    words: tuple[WordWeight, ...]  # the model words in the text, in order


class TextModel:
    def __init__(
        self,
        token_pattern: str,
        lowercase: bool,
        members: list[tuple[float, float, float]],
        vocabulary: dict[str, list[float]],
        source: dict | None = None,
    ):
        self.token_re = re.compile(token_pattern)
        # scikit-learn's default pattern finds exactly the runs of two or more word characters,
        # which `\w\w+` finds too without testing a boundary at every character
        self._find_tokens = (_WORD_RUNS if token_pattern == SKLEARN_PATTERN else self.token_re).findall
        self._find_ascii = _ASCII_WORD_RUNS.findall if token_pattern == SKLEARN_PATTERN else self._find_tokens
        self.lowercase = lowercase
        self.members = members
        self.vocabulary = vocabulary
        self.source = source or {}
        n = len(members)
        # The members' mean weight per word: what `explain` reports as a word's push.
        self._mean = {w: sum(e[1:]) / n for w, e in vocabulary.items() if len(e) > 1}
        self._pushes: dict[str, float] | None = None  # for may_reach, built on first use
        self._reach_limits: dict[float, float] = {}

    # -- scoring --

    def _tokens(self, text: str) -> list[str]:
        if self.lowercase:
            text = text.lower()
        return (self._find_ascii if text.isascii() else self._find_tokens)(text)

    def decisions(self, text: str, neutral: frozenset[str] | set[str] = frozenset()) -> list[float]:
        """Each member's decision value for `text` (before calibration)."""
        vocabulary = self.vocabulary
        counts: dict[str, int] = {}
        for token in self._tokens(text):
            if token in vocabulary:
                counts[token] = counts.get(token, 0) + 1
        return self._decide(counts, neutral)

    def _decide(self, counts: dict[str, int], neutral) -> list[float]:
        vocabulary = self.vocabulary
        sums = [0.0] * len(self.members)
        square = 0.0
        for word, tf in counts.items():
            entry = vocabulary[word]
            square += (tf * entry[0]) ** 2
            if len(entry) == 1 or word in neutral:
                continue  # pruned weights, or a neutral word: counts for the length only
            for k in range(len(sums)):
                sums[k] += tf * entry[k + 1]
        norm = math.sqrt(square) or 1.0
        return [s / norm + intercept for s, (intercept, _a, _b) in zip(sums, self.members, strict=True)]

    def calibrate(self, decisions: Iterable[float]) -> float:
        total = 0.0
        for d, (_intercept, a, b) in zip(decisions, self.members, strict=True):
            z = a * d + b
            # 1 / (1 + e^z) without overflow for large z
            total += 1.0 / (1.0 + math.exp(z)) if z < 0 else math.exp(-z) / (1.0 + math.exp(-z))
        return total / len(self.members)

    def score(self, text: str, neutral: frozenset[str] | set[str] = frozenset()) -> float:
        """The probability (0..1) that `text` is offensive, as the exported package gives it."""
        return self.calibrate(self.decisions(text, neutral))

    # -- a cheap bound --
    #
    # A member's decision is sum(tf_w * W_w) / |x| + intercept, where W_w is a word's stored
    # weight (weight * idf) and x_w = tf_w * idf_w. Only words with W_w > 0 raise it, and
    # tf_w * W_w = |x_w| * (W_w / |idf_w|), so by Cauchy-Schwarz the first term is at most
    # sqrt(sum over the distinct words with W_w > 0 of (W_w / idf_w) squared): whatever the
    # counts, and whichever words are neutral (they only lower it). Each calibration falls as
    # `a * decision` rises, so with every a < 0 the score rises with the decision: a bound on
    # that square root below the one reaching `threshold` means the text scores below it.

    def may_reach(self, text: str, threshold: float) -> bool:
        """False only when `text` is sure to score below `threshold` (any neutral words)."""
        limit = self._reach_limits.get(threshold)
        if limit is None:
            limit = self._reach_limits[threshold] = self._reach_limit(threshold)
        pushes = self._pushes if self._pushes is not None else self._build_pushes()
        return sum(map(pushes.get, set(self._tokens(text)), repeat(0.0))) >= limit

    def _build_pushes(self) -> dict[str, float]:
        """(largest positive W_w over the members / idf_w) squared, for each word with one."""
        pushes = {}
        for word, entry in self.vocabulary.items():
            push = max(entry[1:], default=0.0)
            if push > 0:
                # an idf of 0 would count for nothing in |x|: such a word is never ruled out
                pushes[word] = (push / entry[0]) ** 2 if entry[0] else math.inf
        self._pushes = pushes
        return pushes

    def _reach_limit(self, threshold: float) -> float:
        """The sum of squared pushes below which no text can score `threshold` (0 when the
        bound does not apply: a member whose score falls as its decision rises)."""
        if any(a >= 0 for _c, a, _b in self.members):
            return 0.0

        def bound(root: float) -> float:  # the score if every decision were intercept + root
            return self.calibrate(intercept + root for intercept, _a, _b in self.members)

        margin = 1e-9  # far above the rounding of a score, far below any threshold's precision
        low, high = 0.0, 1.0
        if bound(low) >= threshold - margin:
            return 0.0
        while bound(high) < threshold - margin:
            low, high = high, high * 2
            if high > 1e6:
                return low * low  # out of reach for any text with pushes this small
        for _ in range(100):  # bisect: bound(low) stays below threshold - margin
            middle = (low + high) / 2
            if bound(middle) < threshold - margin:
                low = middle
            else:
                high = middle
        return low * low

    def explain(self, text: str, neutral: frozenset[str] | set[str] = frozenset()) -> Scored:
        """The score and, for each model word in the text, how much it pushed it."""
        folded = text.lower() if self.lowercase else text
        # Lower-casing keeps positions for nearly every text; where it does not (a dotted
        # capital I), words are found in the original and folded one by one.
        same = len(folded) == len(text)
        found = [
            (m.start(), m.end(), m.group() if same else m.group().lower())
            for m in self.token_re.finditer(folded if same else text)
        ]
        vocabulary = self.vocabulary
        counts: dict[str, int] = {}
        for _s, _e, token in found:
            if token in vocabulary:
                counts[token] = counts.get(token, 0) + 1
        decisions = self._decide(counts, neutral)
        square = sum((tf * vocabulary[w][0]) ** 2 for w, tf in counts.items())
        norm = math.sqrt(square) or 1.0
        words = tuple(
            WordWeight(s, e, token, 0.0 if token in neutral else self._mean.get(token, 0.0) / norm)
            for s, e, token in found
            if token in vocabulary
        )
        return Scored(self.calibrate(decisions), words)


def parse_text_model(data: object) -> TextModel:
    """A TextModel from the decoded JSON, or ModelError naming what is wrong."""
    if not isinstance(data, dict):
        raise ModelError("expected a JSON object")
    if data.get("format") != FORMAT:
        raise ModelError(f"unknown format {data.get('format')!r} (expected {FORMAT!r})")
    pattern = data.get("token_pattern")
    if not isinstance(pattern, str):
        raise ModelError("`token_pattern` is missing")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ModelError(f"bad `token_pattern`: {exc}") from None
    members = data.get("members")
    if not isinstance(members, list) or not members:
        raise ModelError("`members` is missing or empty")
    parsed_members = []
    for member in members:
        if not (isinstance(member, list) and len(member) == 3 and all(_is_number(x) for x in member)):
            raise ModelError("each member must be [intercept, a, b]")
        parsed_members.append((float(member[0]), float(member[1]), float(member[2])))
    vocabulary = data.get("vocabulary")
    if not isinstance(vocabulary, dict) or not vocabulary:
        raise ModelError("`vocabulary` is missing or empty")
    width = len(parsed_members) + 1
    # Checked in bulk (C loops): a per-number check would double the load time.
    if not all(type(entry) is list and len(entry) in (1, width) for entry in vocabulary.values()):
        bad = next(w for w, e in vocabulary.items() if not (type(e) is list and len(e) in (1, width)))
        raise ModelError(f"the entry for {bad!r} must be [idf] or [idf, one weight per member]")
    numbers = list(chain.from_iterable(vocabulary.values()))
    if not set(map(type, numbers)) <= {float, int}:
        raise ModelError("the vocabulary holds something other than numbers")
    if not math.isfinite(sum(map(abs, numbers))):
        raise ModelError("the vocabulary holds a number too large to use")
    source = data.get("source")
    return TextModel(
        pattern,
        bool(data.get("lowercase", True)),
        parsed_members,
        vocabulary,
        source if isinstance(source, dict) else {},
    )


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number a model may hold")


def load_text_model(path: Path) -> TextModel:
    """Read and check a model file; ModelError (one line) when it is missing or damaged."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read the model file: {exc.strerror or exc}") from None
    try:  # a slice at a time: in one go, a megabyte held the GIL (and the window) 15-35 ms
        data = loads_in_slices(raw, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"the model file is damaged (not valid JSON: {exc})") from None
    return parse_text_model(data)
