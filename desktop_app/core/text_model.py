"""A linear bag-of-words text model, scored in pure Python (no numpy or scikit-learn).

The model file is JSON written by scripts/export_offence_model.py from a scikit-learn
pipeline (a TfidfVectorizer feeding a calibrated ensemble of linear classifiers):

    {"format": "linear-text-model/1",
     "token_pattern": "(?u)\\b\\w\\w+\\b", "lowercase": true,
     "members": [[intercept, a, b], ...],          # one per ensemble member
     "vocabulary": {"word": [idf, w1*idf, w2*idf, ...], ...},
     "source": {...}}                               # provenance, licence, pruning

Format 2 (scripts/train_reply_model.py) adds a second block of features, the pieces of
three to five characters of each word (scikit-learn's `char_wb` analyser, sublinear tf):

     "characters": {"ngram_range": [3, 5],
                    "skip": ["the", "muslim", ...],   # words that give no pieces
                    "vocabulary": {" sc": [idf, w1*idf, ...], ...}}

Each block is scaled to unit length on its own and the two decisions add up (scikit-learn's
FeatureUnion of two l2-normed tf-idf vectorisers). Pieces read what a word list cannot: a
word the model never saw that shares most of its letters with one it did ("scummers",
"vermin-like"). A piece belongs to one word, so a word's push is the sum of its pieces'.

Format 3 adds a third block, the pairs of words side by side (tf-idf, sublinear tf, unit
length), leaving out a pair with a `skip` word (who people are: "muslim women"):

     "pairs": {"skip": ["muslim", ...], "vocabulary": {"you scum": [idf, w1*idf, ...], ...}}

A pair reads what single words cannot: whom a word is said of and how ("you scum", "hope
you", "your kids" against "the scum of the policy"). A pair's push is shown on its words
that carry meaning (not the function, everyday or identity words of the pieces' `skip`); a
pair of function words ("are you") moves the score but names no word.

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

from desktop_app.core import gc_policy
from desktop_app.core.json_slices import loads_in_slices

FORMAT = "linear-text-model/1"
FORMAT_WITH_CHARACTERS = "linear-text-model/2"
FORMAT_WITH_PAIRS = "linear-text-model/3"
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


def _mean_weights(vocabulary: dict[str, list[float]], members: int) -> dict[str, float]:
    """The members' mean weight per entry: what `explain` reports as its push."""
    return {w: sum(e[1:]) / members for w, e in vocabulary.items() if len(e) > 1}


def _squared_push(entry: list[float]) -> float:
    """(largest positive weight over the members / idf) squared, 0 for none: an entry's share
    of the cheap bound (an idf of 0 would count for nothing in the length: never ruled out)."""
    push = max(entry[1:], default=0.0)
    if push <= 0:
        return 0.0
    return (push / entry[0]) ** 2 if entry[0] else math.inf


def _sublinear_norm(vocabulary: dict[str, list[float]], counts: dict[str, int]) -> float:
    """The length of a block's tf-idf vector with sublinear tf (1 + log tf) * idf."""
    return math.sqrt(sum(((1.0 + math.log(tf)) * vocabulary[g][0]) ** 2 for g, tf in counts.items())) or 1.0


def _add_sublinear(
    vocabulary: dict[str, list[float]], counts: dict[str, int], muted: dict[str, int], sums: list[float]
) -> None:
    """Add a unit-length block's share of each member's decision to `sums`. An entry met
    inside a neutral word counts for the length only, as a neutral word does in the word block."""
    if not counts:
        return
    norm = _sublinear_norm(vocabulary, counts)
    for key, tf in counts.items():
        entry = vocabulary[key]
        if len(entry) == 1:
            continue
        scale = (1.0 + math.log(tf)) / norm
        if muted:
            scale *= (tf - muted.get(key, 0)) / tf
        for k in range(len(sums)):
            sums[k] += scale * entry[k + 1]


def word_pieces(word: str, low: int, high: int) -> list[str]:
    """The pieces of `low`..`high` characters of one word padded with a space each side, in
    scikit-learn's `char_wb` order; a word shorter than a size gives itself once."""
    padded = f" {word} "
    length = len(padded)
    pieces = []
    for n in range(low, high + 1):
        pieces.append(padded[:n])
        offset = 0
        while offset + n < length:
            offset += 1
            pieces.append(padded[offset : offset + n])
        if offset == 0:  # the padded word is no longer than n: larger sizes give it again
            break
    return pieces


class CharacterBlock:
    """Format 2's second block: the pieces of each word, tf-idf (sublinear tf), unit length."""

    # A long session of replies meets many words; past this many the cache starts again (each
    # word held costs a tuple of references, about 200 bytes: 10 MB at most).
    _MAX_CACHED_WORDS = 50_000

    def __init__(
        self, low: int, high: int, skip: frozenset[str], vocabulary: dict[str, list[float]], members: int
    ):
        self.low, self.high = low, high
        self.skip = skip
        self.vocabulary = vocabulary
        self._mean = _mean_weights(vocabulary, members)
        # each piece as the vocabulary's own string, so a cached word holds references, not copies
        self._known = {g: g for g in vocabulary}
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._pushes: dict[str, float] = {}

    def pieces(self, word: str) -> tuple[str, ...]:
        """The word's pieces that the model knows (none for a skipped word)."""
        found = self._pieces.get(word)
        if found is None:
            if len(self._pieces) >= self._MAX_CACHED_WORDS:
                self._pieces.clear()
                self._pushes.clear()
            own = self._known.get
            cut = () if word in self.skip else word_pieces(word, self.low, self.high)
            found = self._pieces[word] = tuple(k for k in map(own, cut) if k is not None)
        return found

    def counts(self, tokens: Iterable[str], neutral) -> tuple[dict[str, int], dict[str, int]]:
        """How often each known piece occurs, and how often within a neutral word."""
        counts: dict[str, int] = {}
        muted: dict[str, int] = {}
        for token in tokens:
            pieces = self.pieces(token)
            if not pieces:
                continue
            quiet = token in neutral
            for piece in pieces:
                counts[piece] = counts.get(piece, 0) + 1
                if quiet:
                    muted[piece] = muted.get(piece, 0) + 1
        return counts, muted

    def norm(self, counts: dict[str, int]) -> float:
        return _sublinear_norm(self.vocabulary, counts)

    def add_decisions(self, counts: dict[str, int], muted: dict[str, int], sums: list[float]) -> None:
        """Add this block's share of each member's decision to `sums`."""
        _add_sublinear(self.vocabulary, counts, muted, sums)

    def push_of_occurrence(self, token: str, counts: dict[str, int], norm: float) -> float:
        """One occurrence of `token`'s share of the mean decision: each of its pieces' push,
        split evenly between the piece's occurrences."""
        mean = self._mean
        total = 0.0
        for piece in self.pieces(token):
            tf = counts[piece]
            total += mean.get(piece, 0.0) * (1.0 + math.log(tf)) / tf
        return total / norm

    def push_bound(self, token: str) -> float:
        """(largest positive weight / idf) squared, summed over the word's known pieces."""
        push = self._pushes.get(token)
        if push is None:
            vocabulary = self.vocabulary
            push = self._pushes[token] = sum(_squared_push(vocabulary[p]) for p in set(self.pieces(token)))
        return push


class PairBlock:
    """Format 3's third block: each two words side by side, tf-idf (sublinear tf), unit length."""

    def __init__(self, skip: frozenset[str], vocabulary: dict[str, list[float]], members: int):
        self.skip = skip
        self.vocabulary = vocabulary
        self._mean = _mean_weights(vocabulary, members)
        self._pushes = {p: push for p, e in vocabulary.items() if (push := _squared_push(e)) > 0}

    def found(self, tokens: list[str]) -> list[tuple[int, str]]:
        """(index of its first word, pair) for each known pair, in order."""
        vocabulary, skip = self.vocabulary, self.skip
        out = []
        for i in range(len(tokens) - 1):
            first, second = tokens[i], tokens[i + 1]
            if first in skip or second in skip:
                continue
            pair = f"{first} {second}"
            if pair in vocabulary:
                out.append((i, pair))
        return out

    def counts(self, tokens: list[str], neutral) -> tuple[dict[str, int], dict[str, int]]:
        """How often each known pair occurs, and how often with a neutral word in it."""
        counts: dict[str, int] = {}
        muted: dict[str, int] = {}
        for i, pair in self.found(tokens):
            counts[pair] = counts.get(pair, 0) + 1
            if neutral and (tokens[i] in neutral or tokens[i + 1] in neutral):
                muted[pair] = muted.get(pair, 0) + 1
        return counts, muted

    def add_decisions(self, counts: dict[str, int], muted: dict[str, int], sums: list[float]) -> None:
        _add_sublinear(self.vocabulary, counts, muted, sums)

    def pushes_by_token(self, tokens: list[str], counts: dict[str, int], neutral, shown) -> dict[int, float]:
        """Each token's share of the pairs' push (index -> push), given the pairs' `counts`: an
        occurrence's push goes evenly to those of its two words `shown` accepts; a pair with a
        neutral word, none."""
        norm = _sublinear_norm(self.vocabulary, counts)
        out: dict[int, float] = {}
        for i, pair in self.found(tokens):
            if tokens[i] in neutral or tokens[i + 1] in neutral:
                continue
            tf = counts[pair]
            push = self._mean.get(pair, 0.0) * (1.0 + math.log(tf)) / tf / norm
            owners = [j for j in (i, i + 1) if shown(tokens[j])]
            for j in owners:
                out[j] = out.get(j, 0.0) + push / len(owners)
        return out

    def push_bound(self, tokens: list[str]) -> float:
        """(largest positive weight / idf) squared, summed over the distinct known pairs."""
        pushes = self._pushes
        return sum(pushes.get(pair, 0.0) for pair in {pair for _i, pair in self.found(tokens)})


class TextModel:
    def __init__(
        self,
        token_pattern: str,
        lowercase: bool,
        members: list[tuple[float, float, float]],
        vocabulary: dict[str, list[float]],
        source: dict | None = None,
        characters: CharacterBlock | None = None,
        pairs: PairBlock | None = None,
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
        self.characters = characters
        self.pairs = pairs
        self._mean = _mean_weights(vocabulary, len(members))
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
        tokens = self._tokens(text)
        for token in tokens:
            if token in vocabulary:
                counts[token] = counts.get(token, 0) + 1
        decisions = self._decide(counts, neutral)
        if self.characters is not None:
            self._add_characters(tokens, neutral, decisions)
        if self.pairs is not None:
            pairs, muted = self.pairs.counts(tokens, neutral)
            self.pairs.add_decisions(pairs, muted, decisions)
        return decisions

    def _add_characters(self, tokens: list[str], neutral, decisions: list[float]) -> None:
        pieces, muted = self.characters.counts(tokens, neutral)
        self.characters.add_decisions(pieces, muted, decisions)

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
    # Format 2's pieces are a second unit vector (x_p = (1 + log tf_p) * idf_p / |x|), bounded
    # the same way; the two bounds add. A word's pieces are summed per word, so a piece two
    # words share counts twice: a looser bound, never a wrong one. Format 3's pairs are a
    # third unit vector, bounded over the distinct pairs the same way.

    def may_reach(self, text: str, threshold: float) -> bool:
        """False only when `text` is sure to score below `threshold` (any neutral words)."""
        limit = self._reach_limits.get(threshold)
        if limit is None:
            limit = self._reach_limits[threshold] = self._reach_limit(threshold)
        pushes = self._pushes if self._pushes is not None else self._build_pushes()
        ordered = self._tokens(text)
        tokens = set(ordered)
        root = math.sqrt(sum(map(pushes.get, tokens, repeat(0.0))))
        if self.characters is not None:  # the blocks are unit length each: their bounds add
            root += math.sqrt(sum(map(self.characters.push_bound, tokens)))
        if self.pairs is not None:
            root += math.sqrt(self.pairs.push_bound(ordered))
        return root >= limit

    def _build_pushes(self) -> dict[str, float]:
        """(largest positive W_w over the members / idf_w) squared, for each word with one."""
        pushes = {w: push for w, e in self.vocabulary.items() if (push := _squared_push(e)) > 0}
        self._pushes = pushes
        return pushes

    def _reach_limit(self, threshold: float) -> float:
        """The bound on the decision's rise below which no text can score `threshold` (0 when
        the bound does not apply: a member whose score falls as its decision rises)."""
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
                return low  # out of reach for any text with pushes this small
        for _ in range(100):  # bisect: bound(low) stays below threshold - margin
            middle = (low + high) / 2
            if bound(middle) < threshold - margin:
                low = middle
            else:
                high = middle
        return low

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
        characters = self.characters
        if characters is None:
            words = tuple(
                WordWeight(s, e, token, 0.0 if token in neutral else self._mean.get(token, 0.0) / norm)
                for s, e, token in found
                if token in vocabulary
            )
            return Scored(self.calibrate(decisions), words)
        tokens = [token for _s, _e, token in found]
        pieces, muted = characters.counts(tokens, neutral)
        characters.add_decisions(pieces, muted, decisions)
        piece_norm = characters.norm(pieces)
        paired: dict[int, float] = {}
        if self.pairs is not None:
            pair_counts, pair_muted = self.pairs.counts(tokens, neutral)
            self.pairs.add_decisions(pair_counts, pair_muted, decisions)
            # a pair's push is shown on its words that carry meaning ('scum' of "you scum")
            paired = self.pairs.pushes_by_token(
                tokens, pair_counts, neutral, lambda t: t not in characters.skip
            )
        weights = []
        for index, (s, e, token) in enumerate(found):
            known = token in vocabulary
            if not known and not characters.pieces(token) and index not in paired:
                continue
            push = 0.0
            if token not in neutral:
                push = (self._mean.get(token, 0.0) / norm if known else 0.0) + characters.push_of_occurrence(
                    token, pieces, piece_norm
                )
                push += paired.get(index, 0.0)
            weights.append(WordWeight(s, e, token, push))
        return Scored(self.calibrate(decisions), tuple(weights))


def parse_text_model(data: object) -> TextModel:
    """A TextModel from the decoded JSON, or ModelError naming what is wrong."""
    if not isinstance(data, dict):
        raise ModelError("expected a JSON object")
    if data.get("format") not in (FORMAT, FORMAT_WITH_CHARACTERS, FORMAT_WITH_PAIRS):
        raise ModelError(
            f"unknown format {data.get('format')!r} (expected {FORMAT!r}, {FORMAT_WITH_CHARACTERS!r}"
            f" or {FORMAT_WITH_PAIRS!r})"
        )
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
    _check_vocabulary(vocabulary, width, "vocabulary")
    characters = pairs = None
    if data["format"] in (FORMAT_WITH_CHARACTERS, FORMAT_WITH_PAIRS):
        characters = _parse_characters(data.get("characters"), width)
    if data["format"] == FORMAT_WITH_PAIRS:
        pairs = _parse_pairs(data.get("pairs"), width)
    source = data.get("source")
    return TextModel(
        pattern,
        bool(data.get("lowercase", True)),
        parsed_members,
        vocabulary,
        source if isinstance(source, dict) else {},
        characters,
        pairs,
    )


def _check_vocabulary(vocabulary: dict, width: int, name: str) -> None:
    # Checked in bulk (C loops): a per-number check would double the load time.
    if not all(type(entry) is list and len(entry) in (1, width) for entry in vocabulary.values()):
        bad = next(w for w, e in vocabulary.items() if not (type(e) is list and len(e) in (1, width)))
        raise ModelError(f"the entry for {bad!r} must be [idf] or [idf, one weight per member]")
    numbers = list(chain.from_iterable(vocabulary.values()))
    if not set(map(type, numbers)) <= {float, int}:
        raise ModelError(f"the {name} holds something other than numbers")
    if not math.isfinite(sum(map(abs, numbers))):
        raise ModelError(f"the {name} holds a number too large to use")


def _parse_characters(block: object, width: int) -> CharacterBlock:
    if not isinstance(block, dict):
        raise ModelError("`characters` is missing (formats 2 and 3 need it)")
    sizes = block.get("ngram_range")
    if not (
        isinstance(sizes, list)
        and len(sizes) == 2
        and all(type(n) is int for n in sizes)
        and 1 <= sizes[0] <= sizes[1] <= 10
    ):
        raise ModelError("`characters.ngram_range` must be [low, high], whole numbers from 1 to 10")
    skip, vocabulary = _skip_and_vocabulary(block, "characters")
    _check_vocabulary(vocabulary, width, "characters' vocabulary")
    return CharacterBlock(sizes[0], sizes[1], skip, vocabulary, width - 1)


def _skip_and_vocabulary(block: dict, name: str) -> tuple[frozenset[str], dict]:
    """A block's `skip` words and its (non-empty) vocabulary, or ModelError."""
    skip = block.get("skip", [])
    if not (isinstance(skip, list) and all(isinstance(w, str) for w in skip)):
        raise ModelError(f"`{name}.skip` must be a list of words")
    vocabulary = block.get("vocabulary")
    if not isinstance(vocabulary, dict) or not vocabulary:
        raise ModelError(f"`{name}.vocabulary` is missing or empty")
    return frozenset(skip), vocabulary


def _parse_pairs(block: object, width: int) -> PairBlock:
    if not isinstance(block, dict):
        raise ModelError("`pairs` is missing (format 3 needs it)")
    skip, vocabulary = _skip_and_vocabulary(block, "pairs")
    bad = next((p for p in vocabulary if not _is_pair(p)), None)
    if bad is not None:
        raise ModelError(f"each entry of `pairs.vocabulary` must be two words and one space, not {bad!r}")
    _check_vocabulary(vocabulary, width, "pairs' vocabulary")
    return PairBlock(skip, vocabulary, width - 1)


def _is_pair(key: str) -> bool:
    parts = key.split(" ")
    return len(parts) == 2 and all(parts)


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
    # Tens of thousands of small lists: loaded with the collector on, they set off a full
    # collection (50 ms holding the GIL, the window's too, a third of a second after it
    # painted) that freed nothing.
    with gc_policy.collector_paused():
        try:  # a slice at a time: in one go, a megabyte held the GIL (and the window) 15-35 ms
            data = loads_in_slices(raw, parse_constant=_no_constant)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ModelError(f"the model file is damaged (not valid JSON: {exc})") from None
        model = parse_text_model(data)
        gc_policy.keep_for_good()
    return model
