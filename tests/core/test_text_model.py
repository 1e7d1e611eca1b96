"""The pure-Python linear text model (core/text_model.py): it gives the exported package's
scores, reads the formula as documented, and refuses damaged files with one clear line."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text_model import FORMAT, ModelError, load_text_model, parse_text_model

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "policy" / "models" / "offence-score.json"
REFERENCE = REPO / "tests" / "data" / "offence-model-reference.json"
TINY = REPO / "tests" / "checks" / "fixtures" / "models" / "tiny.json"


def test_shipped_model_reproduces_the_package_scores():
    """scripts/export_offence_model.py recorded alt-profanity-check's own predict_proba on
    our sample sentences; the shipped file, scored in pure Python, must give the same."""
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    model = load_text_model(SHIPPED)
    assert len(reference["samples"]) >= 20
    worst = max(abs(model.score(s["text"]) - s["score"]) for s in reference["samples"])
    assert worst <= reference["tolerance"]
    # the samples span the range, so agreement is not agreement on one easy value
    scores = [s["score"] for s in reference["samples"]]
    assert min(scores) < 0.05 and max(scores) > 0.99


def test_shipped_model_records_where_it_came_from_and_fits_the_budget():
    model = load_text_model(SHIPPED)
    assert model.source["package"] == "alt-profanity-check"
    assert model.source["licence"] == "MIT"
    assert SHIPPED.stat().st_size <= 2 * 1024 * 1024
    notice = SHIPPED.with_name("offence-score.LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in notice and "Victor Zhou" in notice and "alt-profanity-check" in notice


def _by_hand(text_counts: dict[str, int], vocabulary: dict, members: list, neutral=()) -> float:
    """The documented formula, written out: tf-idf, l2 norm, per-member sigmoid, mean."""
    vector = {w: tf * vocabulary[w][0] for w, tf in text_counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    probabilities = []
    for k, (intercept, a, b) in enumerate(members):
        decision = intercept
        for w, tf in text_counts.items():
            entry = vocabulary[w]
            if len(entry) > 1 and w not in neutral:
                decision += tf * (entry[k + 1] / entry[0]) * entry[0] / norm
        probabilities.append(1 / (1 + math.exp(a * decision + b)))
    return sum(probabilities) / len(probabilities)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Awful!", {"awful": 1}),
        ("awful AWFUL council", {"awful": 2, "council": 1}),
        ("Quiet, awful plan", {"quiet": 1, "awful": 1, "plan": 1}),  # quiet: idf only (pruned)
        ("nothing known here", {}),
        ("a rotten, rotten plan x", {"rotten": 2, "plan": 1}),  # one-letter words are not words
    ],
)
def test_score_follows_the_documented_formula(text, counts):
    data = json.loads(TINY.read_text(encoding="utf-8"))
    model = parse_text_model(data)
    expected = _by_hand(counts, data["vocabulary"], data["members"])
    assert model.score(text) == pytest.approx(expected, abs=1e-12)


def test_neutral_words_count_for_length_but_push_neither_way():
    data = json.loads(TINY.read_text(encoding="utf-8"))
    model = parse_text_model(data)
    # "gay" carries a large positive weight in the tiny model, as in real abuse-trained models
    assert model.score("gay") > 0.9
    assert model.score("gay", neutral={"gay"}) == pytest.approx(model.score("nothing"))
    expected = _by_hand({"awful": 1, "gay": 1}, data["vocabulary"], data["members"], neutral={"gay"})
    assert model.score("awful gay", neutral={"gay"}) == pytest.approx(expected, abs=1e-12)
    weights = {w.word: w.weight for w in model.explain("awful gay", neutral={"gay"}).words}
    assert weights["gay"] == 0.0 and weights["awful"] > 0


def test_explain_gives_positions_in_the_original_text():
    model = load_text_model(TINY)
    text = "İ said: AWFUL, rotten plan"  # a dotted capital I grows when lower-cased
    scored = model.explain(text)
    assert [(text[w.start : w.end], w.word) for w in scored.words] == [
        ("AWFUL", "awful"),
        ("rotten", "rotten"),
        ("plan", "plan"),
    ]
    assert scored.score == pytest.approx(model.score(text))
    by_word = {w.word: w.weight for w in scored.words}
    assert by_word["rotten"] > by_word["awful"] > 0 > by_word["plan"]


def _write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "model.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _tiny_with(**changes) -> str:
    data = json.loads(TINY.read_text(encoding="utf-8"))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (TINY.read_text(encoding="utf-8")[:200], "damaged"),
        (b"\xff\xfe\x00garbage", "damaged"),
        ("[1, 2, 3]", "JSON object"),
        (_tiny_with(format="something-else/2"), "unknown format"),
        (_tiny_with(token_pattern="(unclosed"), "token_pattern"),
        (_tiny_with(members=[]), "members"),
        (_tiny_with(members=[[1.0, 2.0]]), "[intercept, a, b]"),
        (_tiny_with(vocabulary={"word": [1.0, 2.0]}), "'word'"),
        (_tiny_with(vocabulary={"word": [1.0, "x", 2.0]}), "other than numbers"),
        (_tiny_with(vocabulary={"word": [1.0, True, 2.0]}), "other than numbers"),
        (_tiny_with(vocabulary={}), "vocabulary"),
        (TINY.read_text(encoding="utf-8").replace("6.0", "NaN"), "damaged"),
        (TINY.read_text(encoding="utf-8").replace("6.0", "1e999"), "too large"),
    ],
)
def test_a_damaged_model_file_is_one_clear_line(tmp_path, content, says):
    with pytest.raises(ModelError) as caught:
        load_text_model(_write(tmp_path, content))
    message = str(caught.value)
    assert says in message
    assert "\n" not in message


def test_a_missing_model_file_says_so(tmp_path):
    with pytest.raises(ModelError, match="cannot read the model file"):
        load_text_model(tmp_path / "absent.json")


def test_format_constant_matches_the_shipped_file():
    assert json.loads(SHIPPED.read_text(encoding="utf-8"))["format"] == FORMAT


def test_scoring_needs_no_numpy_or_scikit_learn():
    """The run-time promise: the shipped pack, the model rule and the scorer import neither."""
    code = (
        "import sys\n"
        "from desktop_app.policy import load_policy\n"
        "from desktop_app.engine import Analyzer\n"
        "pack = load_policy(include_user_overlay=False)\n"
        "Analyzer(pack).analyze('You absolute garbage human being.')\n"
        "print(sorted(m for m in ('numpy', 'scipy', 'sklearn', 'joblib') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- may_reach: a bound that rules sentences out, never in ----------------------------------


def _model(members, vocabulary):
    return parse_text_model(
        {"format": FORMAT, "token_pattern": r"(?u)\b\w\w+\b", "members": members, "vocabulary": vocabulary}
    )


_WORDS = ["rotten", "awful", "plan", "council", "gay", "quiet", "odd", "zero", "unknown"]
_VOCABULARY = {
    "rotten": [2.0, 6.0, 5.0],
    "awful": [2.0, 3.0, 2.0],
    "plan": [1.5, -1.5, -1.0],
    "council": [1.2, 0.0, 0.0],
    "gay": [2.5, 5.0, 5.0],
    "quiet": [3.0],
    "odd": [0.5, 1.0, -4.0],  # pushes for one member, pulls for the other
    "zero": [0.0, 0.0, 0.0],  # an idf of 0: counts for nothing
}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=12),
    st.floats(0.01, 0.99),
    st.sampled_from([frozenset(), frozenset({"gay"}), frozenset({"rotten", "odd"})]),
    st.sampled_from([[[-1.0, -2.0, 0.0], [-0.5, -3.0, 0.5]], [[-3.0, -0.7, 1.0], [0.2, -5.0, -0.3]]]),
)
def test_a_text_ruled_out_always_scores_below_the_threshold(words, threshold, neutral, members):
    model = _model(members, _VOCABULARY)
    text = " ".join(words)
    if not model.may_reach(text, threshold):
        assert model.score(text, neutral) < threshold


def test_the_bound_rules_out_plain_sentences_and_keeps_offensive_ones():
    model = _model([[-1.0, -2.0, 0.0], [-0.5, -3.0, 0.5]], _VOCABULARY)
    threshold = 0.5
    assert model.score("quiet council plan") < threshold and not model.may_reach(
        "quiet council plan", threshold
    )
    assert model.score("rotten awful") >= threshold and model.may_reach("rotten awful", threshold)


def test_the_bound_never_rules_out_when_a_calibration_runs_the_other_way():
    model = _model([[-1.0, -2.0, 0.0], [-0.5, 3.0, 0.5]], _VOCABULARY)  # a > 0 in one member
    assert model.may_reach("quiet council plan", 0.99)


def test_the_shipped_model_rules_out_most_ordinary_sentences_and_no_flagged_one():
    from tests import corpus

    model = load_text_model(SHIPPED)
    threshold = 0.57
    ruled_out = kept = 0
    for text in corpus.posts(mixed=0):
        score = model.score(text)
        if not model.may_reach(text, threshold):
            assert score < threshold
            ruled_out += 1
        else:
            kept += 1
    assert ruled_out > kept  # the bound pays for itself on ordinary posts


@settings(max_examples=500, deadline=None)
@given(
    st.text(max_size=60)
    | st.lists(st.sampled_from(["ab", "a", "_", "é", "e\u0301", "1", " ", "-", "İ", "😀", "x_y"])).map(
        "".join
    )
)
def test_the_default_pattern_and_word_runs_find_the_same_tokens(text):
    import re

    from desktop_app.core.text_model import _WORD_RUNS, SKLEARN_PATTERN

    assert _WORD_RUNS.findall(text) == re.compile(SKLEARN_PATTERN).findall(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(["ab", "_", "x1", "Zz", " ", "'", "\x1c", "é", "İ"]), st.characters()),
        max_size=30,
    ).map("".join)
)
def test_ascii_text_gives_the_same_word_runs_as_any_text(text):
    """The sklearn pattern's runs are looked for with an ASCII pattern in ASCII text."""
    from desktop_app.core.text_model import _WORD_RUNS, SKLEARN_PATTERN, TextModel

    model = TextModel(SKLEARN_PATTERN, True, [(0.0, -1.0, 0.0)], {})
    assert model._tokens(text) == _WORD_RUNS.findall(text.lower())
