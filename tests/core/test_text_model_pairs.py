"""Format 3 of the linear text model (core/text_model.py): a third block of word pairs (two
words side by side, tf-idf with sublinear tf, unit length; a pair with a `skip` word left
out), scored as documented, bounded by `may_reach`, explained on the words that carry
meaning, and refused with one line when damaged."""

from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text_model import (
    FORMAT_WITH_PAIRS,
    ModelError,
    load_text_model,
    parse_text_model,
    word_pieces,
)

REPO = Path(__file__).resolve().parents[2]
REPLY_MODEL = REPO / "policy" / "models" / "reply-abuse.json"

WORDS = {"rotten": [2.0, 1.5], "plan": [1.5, -0.8], "scum": [2.5, 1.2], "quiet": [3.0]}
PIECES = {" sc": [1.2, 0.3], "scu": [1.8, 0.5], "rot": [1.7, 0.6], "pla": [1.4, -0.4]}
PAIRS = {
    "you scum": [2.2, 2.0],
    "your plan": [1.6, -1.1],
    "are you": [1.3, 0.9],  # two function words: moves the score, names no word
    "rotten plan": [2.4, -0.5],
    "muslim scum": [3.0, 5.0],  # has a skip word: never counted
    "quiet you": [2.0],  # pruned: counts for the length only
}
SKIP_PIECES = ["you", "your", "are", "the", "muslim"]  # function, everyday and identity words
SKIP_PAIRS = ["muslim"]  # identity words
MEMBERS = [[-1.0, -1.0, 0.0]]


def _data(**changes) -> dict:
    data = {
        "format": FORMAT_WITH_PAIRS,
        "token_pattern": r"(?u)\b\w\w+\b",
        "lowercase": True,
        "members": MEMBERS,
        "vocabulary": WORDS,
        "characters": {"ngram_range": [3, 5], "skip": SKIP_PIECES, "vocabulary": PIECES},
        "pairs": {"skip": SKIP_PAIRS, "vocabulary": PAIRS},
    }
    data.update(changes)
    return data


def _sublinear(counts: dict[str, int], vocabulary: dict, muted: dict[str, int]) -> float:
    norm = math.sqrt(sum(((1 + math.log(tf)) * vocabulary[k][0]) ** 2 for k, tf in counts.items())) or 1.0
    return sum(
        (1 + math.log(tf)) * vocabulary[k][1] * (tf - muted.get(k, 0)) / tf / norm
        for k, tf in counts.items()
        if len(vocabulary[k]) > 1
    )


def _by_hand(text: str, neutral=frozenset()) -> float:
    """The documented formula written out for one member: three blocks, each tf-idf made unit
    length on its own (pieces and pairs with 1 + log tf), their decisions added."""
    words = re.findall(r"\w\w+", text.lower())
    decision = MEMBERS[0][0]
    counts: dict[str, int] = {}
    for w in words:
        if w in WORDS:
            counts[w] = counts.get(w, 0) + 1
    norm = math.sqrt(sum((tf * WORDS[w][0]) ** 2 for w, tf in counts.items())) or 1.0
    decision += (
        sum(tf * WORDS[w][1] for w, tf in counts.items() if len(WORDS[w]) > 1 and w not in neutral) / norm
    )
    pieces: dict[str, int] = {}
    muted: dict[str, int] = {}
    for w in words:
        if w in SKIP_PIECES:
            continue
        for p in word_pieces(w, 3, 5):
            if p in PIECES:
                pieces[p] = pieces.get(p, 0) + 1
                if w in neutral:
                    muted[p] = muted.get(p, 0) + 1
    decision += _sublinear(pieces, PIECES, muted)
    pairs: dict[str, int] = {}
    muted = {}
    for a, b in itertools.pairwise(words):
        if a in SKIP_PAIRS or b in SKIP_PAIRS or f"{a} {b}" not in PAIRS:
            continue
        pairs[f"{a} {b}"] = pairs.get(f"{a} {b}", 0) + 1
        if a in neutral or b in neutral:
            muted[f"{a} {b}"] = muted.get(f"{a} {b}", 0) + 1
    decision += _sublinear(pairs, PAIRS, muted)
    return 1 / (1 + math.exp(-decision))


@pytest.mark.parametrize(
    "text",
    [
        "you scum",
        "You scum, you scum, YOU SCUM",
        "are you rotten",
        "your rotten plan",
        "muslim scum",
        "quiet you scum",
        "the plan",
        "",
    ],
)
def test_format_three_scores_as_documented(text):
    model = parse_text_model(_data())
    assert model.score(text) == pytest.approx(_by_hand(text), abs=1e-12)


def test_a_pair_reads_whom_a_word_is_said_of():
    model = parse_text_model(_data())
    # the same words, the pair only one way round
    assert model.score("you scum") > model.score("scum you") + 0.1
    assert model.score("your plan") < model.score("plan your")


def test_a_pair_with_a_skip_word_is_never_counted():
    model = parse_text_model(_data())
    assert "muslim scum" in PAIRS  # even when the vocabulary holds it
    assert model.score("muslim scum") == pytest.approx(model.score("scum"))


def test_a_pair_with_a_neutral_word_counts_for_the_length_only():
    model = parse_text_model(_data())
    neutral = frozenset({"scum"})
    assert model.score("you scum", neutral) == pytest.approx(_by_hand("you scum", neutral), abs=1e-12)
    assert model.score("you scum", neutral) < model.score("you scum")


def test_explain_shows_a_pairs_push_on_its_words_that_carry_meaning():
    model = parse_text_model(_data())
    text = "You scum, your rotten plan"
    scored = model.explain(text)
    assert scored.score == pytest.approx(model.score(text))
    by_word = {text[w.start : w.end]: w.weight for w in scored.words}
    assert "You" not in by_word and "your" not in by_word  # function words are never shown
    # one member with a = -1, b = 0: every pair here has a word that carries meaning, so the
    # pushes add up to the decision less the intercept
    decision = -math.log(1 / scored.score - 1)
    assert sum(by_word.values()) == pytest.approx(decision - MEMBERS[0][0], abs=1e-9)
    without_pairs = parse_text_model(_data(pairs={"skip": [], "vocabulary": {"zz zz": [1.0, 1.0]}}))
    assert (
        by_word["scum"] > {text[w.start : w.end]: w.weight for w in without_pairs.explain(text).words}["scum"]
    )


def test_a_pair_of_function_words_moves_the_score_but_names_no_word():
    model = parse_text_model(_data())
    scored = model.explain("are you")
    assert scored.score > model.score("you are")
    assert scored.words == ()


_TEXT_WORDS = ["you", "scum", "your", "plan", "rotten", "are", "quiet", "muslim", "the", "scummy"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_TEXT_WORDS), max_size=10),
    st.floats(0.05, 0.99),
    st.sampled_from([frozenset(), frozenset({"scum"}), frozenset({"you", "plan"})]),
)
def test_a_text_ruled_out_always_scores_below_the_threshold(words, threshold, neutral):
    model = parse_text_model(_data())
    text = " ".join(words)
    if not model.may_reach(text, threshold):
        assert model.score(text, neutral) < threshold


@pytest.mark.parametrize(
    ("pairs", "says"),
    [
        (None, "`pairs` is missing"),
        ({"skip": "muslim", "vocabulary": PAIRS}, "skip"),
        ({"vocabulary": {}}, "vocabulary"),
        ({"vocabulary": {"you": [1.0, 2.0]}}, "two words"),
        ({"vocabulary": {"you  scum": [1.0, 2.0]}}, "two words"),
        ({"vocabulary": {"you scum": [1.0, "x"]}}, "other than numbers"),
        ({"vocabulary": {"you scum": [1.0, 2.0, 3.0]}}, "'you scum'"),
    ],
)
def test_a_damaged_pairs_block_is_one_clear_line(tmp_path, pairs, says):
    data = _data(pairs=pairs)
    if pairs is None:
        del data["pairs"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_text_model(path)
    assert says in str(caught.value) and "\n" not in str(caught.value)


def test_the_shipped_reply_model_reads_pairs_and_never_one_with_an_identity_word():
    import yaml

    model = load_text_model(REPLY_MODEL)
    assert model.pairs is not None and len(model.pairs.vocabulary) > 1000
    groups = yaml.safe_load((REPO / "policy" / "vocab" / "identity-words.yml").read_text(encoding="utf-8"))
    identity = {part for words in groups.values() for w in words for part in str(w).lower().split()}
    assert {"muslim", "gay", "women", "labour"} <= identity <= model.pairs.skip
    assert not [p for p in model.pairs.vocabulary if set(p.split(" ")) & identity]
    # what pairs are for: whom a word is said of
    assert model.score("you are scum") > model.score("the scheme is scum")
