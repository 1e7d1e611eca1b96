"""Format 2 of the linear text model (core/text_model.py): a second block of word pieces
(three to five characters, scikit-learn's `char_wb`, sublinear tf), scored as documented,
bounded by `may_reach`, explained word by word, and refused with one line when damaged."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text_model import (
    FORMAT_WITH_CHARACTERS,
    FORMAT_WITH_PAIRS,
    ModelError,
    load_text_model,
    parse_text_model,
    word_pieces,
)

REPO = Path(__file__).resolve().parents[2]
REPLY_MODEL = REPO / "policy" / "models" / "reply-abuse.json"
REPLY_REFERENCE = REPO / "tests" / "data" / "reply-abuse-reference.json"

WORDS = {"rotten": [2.0, 1.5], "plan": [1.5, -0.8], "quiet": [3.0]}
PIECES = {
    " ro": [1.2, 0.3],
    "rot": [1.8, 0.9],
    "ott": [2.1, 0.4],
    "ten": [1.1, -0.2],
    " rot": [2.0, 0.7],
    "scu": [2.5, 1.1],
    "cum": [2.2, 1.0],
    " scum": [2.9, 1.4],
    "pla": [1.4, -0.6],
    "lan": [1.3],  # pruned: counts for the length only
}
MEMBERS = [[-1.0, -1.0, 0.0]]


def _data(**changes) -> dict:
    data = {
        "format": FORMAT_WITH_CHARACTERS,
        "token_pattern": r"(?u)\b\w\w+\b",
        "lowercase": True,
        "members": MEMBERS,
        "vocabulary": WORDS,
        "characters": {"ngram_range": [3, 5], "skip": ["the", "muslim"], "vocabulary": PIECES},
    }
    data.update(changes)
    return data


def _by_hand(words: list[str], neutral=frozenset()) -> float:
    """The documented formula written out for one member: each block is tf-idf made unit
    length on its own (the pieces with 1 + log tf), and the two decisions add up."""
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
        if w in ("the", "muslim"):
            continue
        for p in word_pieces(w, 3, 5):
            if p in PIECES:
                pieces[p] = pieces.get(p, 0) + 1
                if w in neutral:
                    muted[p] = muted.get(p, 0) + 1
    norm = math.sqrt(sum(((1 + math.log(tf)) * PIECES[p][0]) ** 2 for p, tf in pieces.items())) or 1.0
    for p, tf in pieces.items():
        if len(PIECES[p]) > 1:
            decision += (1 + math.log(tf)) * PIECES[p][1] * (tf - muted.get(p, 0)) / tf / norm
    return 1 / (1 + math.exp(-decision))


def test_word_pieces_are_scikit_learns_char_wb_pieces():
    # written out from scikit-learn's analyser: each size in turn; a short word gives itself once
    assert word_pieces("cat", 3, 5) == [" ca", "cat", "at ", " cat", "cat ", " cat "]
    assert word_pieces("ab", 3, 5) == [" ab", "ab ", " ab "]
    assert word_pieces("scum", 3, 4) == [" sc", "scu", "cum", "um ", " scu", "scum", "cum "]


@pytest.mark.parametrize(
    "text",
    ["rotten plan", "ROTTEN rotten scum", "scummy quiet plan", "the muslim plan", "nothing here", "x"],
)
def test_format_two_scores_as_documented(text):
    model = parse_text_model(_data())
    words = [w for w in text.lower().split() if len(w) > 1]
    assert model.score(text) == pytest.approx(_by_hand(words), abs=1e-12)


def test_a_word_never_seen_scores_by_the_pieces_it_shares_with_words_seen():
    model = parse_text_model(_data())
    assert "scummers" not in WORDS
    assert model.score("scummers") > model.score("nothing") + 0.15


def test_skipped_words_give_no_pieces_and_neutral_words_push_neither_way():
    model = parse_text_model(_data())
    # "muslim" is skipped: no pieces, no length, the same score as nothing at all
    assert model.score("muslim") == pytest.approx(model.score(""))
    # a neutral word's pieces count for the length only, in both blocks
    expected = _by_hand(["rotten", "plan"], neutral={"rotten"})
    assert model.score("rotten plan", neutral={"rotten"}) == pytest.approx(expected, abs=1e-12)
    assert model.score("rotten plan", neutral={"rotten"}) < model.score("rotten plan")


def test_explain_adds_each_words_pieces_to_its_push():
    model = parse_text_model(_data())
    text = "Rotten, rotten SCUMMERS plan"
    scored = model.explain(text)
    assert [(text[w.start : w.end], w.word) for w in scored.words] == [
        ("Rotten", "rotten"),
        ("rotten", "rotten"),
        ("SCUMMERS", "scummers"),  # not a word of the model, but its pieces are
        ("plan", "plan"),
    ]
    assert scored.score == pytest.approx(model.score(text))
    # one member with a = -1, b = 0: the pushes add up to the decision less the intercept
    decision = -math.log(1 / scored.score - 1)
    assert sum(w.weight for w in scored.words) == pytest.approx(decision - MEMBERS[0][0], abs=1e-9)
    by_word = {w.word: w.weight for w in scored.words}
    assert by_word["scummers"] > 0 > by_word["plan"]


_TEXT_WORDS = ["rotten", "plan", "quiet", "scum", "scummy", "the", "muslim", "ten", "lanplan", "zz"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_TEXT_WORDS), max_size=10),
    st.floats(0.05, 0.99),
    st.sampled_from([frozenset(), frozenset({"scum"}), frozenset({"rotten", "plan"})]),
)
def test_a_text_ruled_out_always_scores_below_the_threshold(words, threshold, neutral):
    model = parse_text_model(_data())
    text = " ".join(words)
    if not model.may_reach(text, threshold):
        assert model.score(text, neutral) < threshold


def test_the_bound_rules_out_a_plain_text_and_keeps_a_rough_one():
    model = parse_text_model(_data())
    assert not model.may_reach("quiet plan", 0.5) and model.score("quiet plan") < 0.5
    assert model.score("rotten scum") >= 0.5 and model.may_reach("rotten scum", 0.5)


@pytest.mark.parametrize(
    ("characters", "says"),
    [
        (None, "`characters` is missing"),
        ({"ngram_range": [5, 3], "vocabulary": PIECES}, "ngram_range"),
        ({"ngram_range": [3, 5], "skip": "the", "vocabulary": PIECES}, "skip"),
        ({"ngram_range": [3, 5], "vocabulary": {}}, "vocabulary"),
        ({"ngram_range": [3, 5], "vocabulary": {" ro": [1.0, "x"]}}, "other than numbers"),
        ({"ngram_range": [3, 5], "vocabulary": {" ro": [1.0, 2.0, 3.0]}}, "' ro'"),
    ],
)
def test_a_damaged_pieces_block_is_one_clear_line(tmp_path, characters, says):
    data = _data(characters=characters)
    if characters is None:
        del data["characters"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_text_model(path)
    assert says in str(caught.value) and "\n" not in str(caught.value)


def test_the_shipped_reply_model_reads_pieces_and_gives_scikit_learns_scores():
    """scripts/train_reply_model.py recorded scikit-learn's own scores on a sample of our
    sentences; the shipped file, scored in pure Python, gives the same (it reads pairs of
    words too since session 26: tests/core/test_text_model_pairs.py)."""
    model = load_text_model(REPLY_MODEL)
    assert json.loads(REPLY_MODEL.read_text(encoding="utf-8"))["format"] == FORMAT_WITH_PAIRS
    assert model.characters is not None and (model.characters.low, model.characters.high) == (3, 5)
    reference = json.loads(REPLY_REFERENCE.read_text(encoding="utf-8"))["scores"]
    assert len(reference) >= 20
    assert max(abs(model.score(text) - score) for text, score in reference) < 1e-4
    # identity and party words give no pieces: the model cannot learn who people are from
    # their letters (vocab/identity-words.yml, every one of them)
    import yaml

    groups = yaml.safe_load((REPO / "policy" / "vocab" / "identity-words.yml").read_text(encoding="utf-8"))
    identity = {part for words in groups.values() for w in words for part in str(w).lower().split()}
    assert {"muslim", "gay", "women", "labour", "gypsies", "poles"} <= identity <= model.characters.skip
    assert REPLY_MODEL.stat().st_size <= 2 * 1024 * 1024


# --- loading: a megabyte read without holding the window ------------------------------------


def test_the_reply_model_file_is_laid_out_to_be_read_a_slice_at_a_time(monkeypatch):
    """Written on one line, its megabyte went through one json.loads call, which held the GIL
    (and the window, a third of a second after it painted) for 25 ms; one entry per line is
    read a slice at a time (core/json_slices.py), giving what json.loads gives."""
    from desktop_app.core import json_slices

    raw = REPLY_MODEL.read_bytes()
    expected = json.loads(raw)
    loads, whole = json.loads, []
    monkeypatch.setattr(json_slices.json, "loads", lambda *a, **k: whole.append(1) or loads(*a, **k))
    assert json_slices.loads_in_slices(raw) == expected
    assert whole == []  # never one call for the whole file


def test_a_loaded_model_is_frozen_in_the_apps_run_and_collectable_elsewhere(tmp_path, monkeypatch):
    """Loaded with the collector on, its tens of thousands of small lists set off a full
    collection (50 ms) that freed nothing. The collector waits while it loads; in the app's
    run (core.gc_policy) the model is then frozen, and elsewhere it stays collectable."""
    import gc

    from desktop_app.core import gc_policy

    path = tmp_path / "model.json"
    path.write_text(json.dumps(_data()), encoding="utf-8")
    assert not gc_policy.freeze_loaded
    frozen = gc.get_freeze_count()
    model = load_text_model(path)
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert id(model.characters.vocabulary) in {id(o) for o in gc.get_objects()}

    monkeypatch.setattr(gc_policy, "freeze_loaded", True)  # as the app's run sets it
    try:
        model = load_text_model(path)
        assert gc.isenabled() and gc.get_freeze_count() > frozen
        assert id(model.characters.vocabulary) not in {id(o) for o in gc.get_objects()}
    finally:
        gc.unfreeze()  # give the test process its objects back
    with pytest.raises(ModelError):
        load_text_model(tmp_path / "missing.json")
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        load_text_model(path)
    assert gc.isenabled()  # a damaged file leaves the collector on
