"""The `model` kind (a learned second opinion) and the shipped OffenceScore rule: threshold,
the words a card covers, identity and party words never underlined, deference to rules on
the same words, and a missing or broken model file reported as a policy problem."""

from __future__ import annotations

import dataclasses
import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from tests.checks.conftest import FIXTURES, findings_of, shipped_pack

REPO = Path(__file__).resolve().parents[2]
IDENTITY = REPO / "policy" / "vocab" / "identity-words.yml"


def identity_words() -> list[str]:
    groups = yaml.safe_load(IDENTITY.read_text(encoding="utf-8"))
    return [word for words in groups.values() for word in words]


def _overlay(tmp_path: Path, rule: dict, model: str | bytes | None = None) -> Path:
    """A policy folder with one model rule (and, if given, its own model file)."""
    (tmp_path / "rules").mkdir(parents=True, exist_ok=True)
    (tmp_path / "models").mkdir(exist_ok=True)
    if model is None:
        shutil.copy(FIXTURES / "models" / "tiny.json", tmp_path / "models" / "tiny.json")
    else:
        target = tmp_path / "models" / "tiny.json"
        target.write_bytes(model if isinstance(model, bytes) else model.encode("utf-8"))
    data = {
        "extends": "model",
        "message": "May offend: %s.",
        "principle": "P6",
        "category": "offence-score",
        "why": "A hand-made model scores each sentence for the tests of the model kind.",
        "model": "models/tiny.json",
        "threshold": 0.5,
        "neutral": ["gay"],
        **rule,
    }
    (tmp_path / "rules" / "Opinion.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return tmp_path


def _load(folder: Path):
    pack = load_policy([folder], include_user_overlay=False)
    own = [r for r in pack.rules if r.id == f"{folder.name}.Opinion"]
    problems = [p for p in pack.problems if "Opinion.yml" in p.path]
    return pack, own, problems


def _cards(folder: Path, text: str):
    pack, own, problems = _load(folder)
    assert problems == [] and own
    analyzer = Analyzer(dataclasses.replace(pack, rules=own))
    return analyzer.analyze(text).findings


# --- threshold ---------------------------------------------------------------------------

# With the tiny model: "awful council" scores 0.639, "quiet awful" 0.417, "awful plan" 0.310.


@pytest.mark.parametrize(
    ("threshold", "flagged"),
    [(0.3, {"awful council", "quiet awful", "awful plan"}), (0.4, {"awful council", "quiet awful"}),
     (0.6, {"awful council"}), (0.65, set())],
)  # fmt: skip
def test_threshold_decides_which_sentences_get_a_card(tmp_path, threshold, flagged):
    folder = _overlay(tmp_path / "pol", {"threshold": threshold})
    got = {s for s in ("awful council", "quiet awful", "awful plan") if _cards(folder, s)}
    assert got == flagged


def test_each_sentence_is_judged_on_its_own(tmp_path):
    folder = _overlay(tmp_path / "pol", {"threshold": 0.6})
    text = "The council plan is out. Awful council. The plan is quiet."
    cards = _cards(folder, text)
    assert [(f.text, f.start) for f in cards] == [("Awful", text.index("Awful"))]
    # the same words in one long sentence are diluted below the threshold
    assert _cards(folder, "The council plan is out and awful council work and the plan is quiet.") == []


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.2, "high"])
def test_a_threshold_outside_0_and_1_is_a_policy_problem(tmp_path, bad):
    _pack, own, problems = _load(_overlay(tmp_path / "pol", {"threshold": bad}))
    assert own == []
    assert [p.key for p in problems] == ["threshold"]


def test_a_model_rule_without_threshold_is_a_policy_problem(tmp_path):
    folder = _overlay(tmp_path / "pol", {})
    data = yaml.safe_load((folder / "rules" / "Opinion.yml").read_text(encoding="utf-8"))
    del data["threshold"]
    (folder / "rules" / "Opinion.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    _pack, own, problems = _load(folder)
    assert own == [] and [p.key for p in problems] == ["threshold"]


# --- the card ----------------------------------------------------------------------------


def test_the_card_spans_the_driving_words_names_them_and_offers_no_rewrite(tmp_path):
    # tiny model: "rotten" pushes 5.5, "awful" 2.5 (0.45 of it), "plan" pulls
    folder = _overlay(tmp_path / "pol", {"min_share": 0.4})
    text = "Honestly, awful and rotten people run this council."
    [card] = _cards(folder, text)
    assert card.text == "awful and rotten"
    assert card.message == "May offend: 'awful' and 'rotten'."
    assert card.suggestions == ()
    assert card.severity is Severity.ADVICE and card.category == "offence-score"
    assert card.principle == "P6" and card.clause is None


def test_only_words_pushing_at_least_min_share_of_the_strongest_are_named(tmp_path):
    folder = _overlay(tmp_path / "pol", {})  # default min_share 0.5
    [card] = _cards(folder, "Honestly, awful and rotten people run this council.")
    assert card.text == "rotten" and card.message == "May offend: 'rotten'."


def test_max_words_limits_the_words_named(tmp_path):
    folder = _overlay(tmp_path / "pol", {"min_share": 0.1, "max_words": 1})
    [card] = _cards(folder, "Honestly, awful and rotten people run this council.")
    assert card.text == "rotten"


def test_the_card_is_cut_around_a_neutral_word(tmp_path):
    folder = _overlay(tmp_path / "pol", {"min_share": 0.4})
    cards = _cards(folder, "awful gay rotten")
    assert [c.text for c in cards] == ["awful", "rotten"]
    assert all("gay" not in c.text for c in cards)


def test_an_exception_phrase_pushes_the_score_neither_way(tmp_path):
    """`exceptions` (a slogan such as "Kill the bill"): its words count for nothing, the rest
    of the sentence is scored as usual."""
    folder = _overlay(tmp_path / "pol", {"threshold": 0.6, "exceptions": ["awful council"]})
    assert _cards(folder, "Awful council.") == []
    assert _cards(folder, "Awful council. Awful council!") == []
    assert [c.text for c in _cards(folder, "Awful, council.")] == ["Awful"]  # not the phrase
    _pack, own, _ = _load(folder)
    assert own[0].sentence_score("Awful council.") < 0.6 <= own[0].sentence_score("Awful, council.")


def test_a_missing_model_file_is_a_policy_problem_and_the_rest_loads(tmp_path):
    folder = _overlay(tmp_path / "pol", {"model": "models/absent.json"})
    pack, own, problems = _load(folder)
    assert own == []
    [problem] = problems
    assert problem.key == "model" and "not found" in problem.message and problem.line
    assert pack.rule("Drafting.Profanity") is not None  # the shipped pack still loads


@pytest.mark.parametrize("content", ['{"format": "linear-text-model/1", "vocab', b"\x00\x01", "{}"])
def test_a_damaged_model_file_is_a_policy_problem_not_a_crash(tmp_path, content):
    folder = _overlay(tmp_path / "pol", {}, model=content)
    pack, own, problems = _load(folder)
    assert own == []
    [problem] = problems
    assert problem.key == "model" and problem.message.startswith("models/tiny.json: ")
    assert "\n" not in str(problem)
    # the engine runs on with everything else
    report = Analyzer(pack).analyze("These bus cuts are bullshit.")
    assert any(f.rule == "Drafting.Profanity" for f in report.findings)


def test_an_overlay_model_file_replaces_the_shipped_one(tmp_path):
    """A model file is looked up in the latest policy folder first, like a vocab file."""
    folder = _overlay(tmp_path / "pol", {"model": "models/offence-score.json"})
    shutil.copy(FIXTURES / "models" / "tiny.json", folder / "models" / "offence-score.json")
    _pack, [rule], _problems = _load(folder)
    assert set(rule.model.vocabulary) == {"rotten", "awful", "plan", "council", "gay", "quiet"}


def test_the_model_file_is_read_once_per_version(tmp_path):
    folder = _overlay(tmp_path / "pol", {})
    _p, [first], _ = _load(folder)
    _p, [second], _ = _load(folder)
    assert first.model is second.model
    data = (folder / "models" / "tiny.json").read_text(encoding="utf-8")
    (folder / "models" / "tiny.json").write_text(data.replace("6.0", "7.0"), encoding="utf-8")
    _p, [third], _ = _load(folder)
    assert third.model is not first.model
    assert third.model.vocabulary["rotten"][1] == 7.0


# --- the shipped rule --------------------------------------------------------------------


@cache
def shipped_rule():
    rule = shipped_pack().rule("Drafting.OffenceScore")
    assert rule is not None and rule.kind == "model"
    return rule


@cache
def full_analyzer() -> Analyzer:
    return Analyzer(shipped_pack())


def test_shipped_rule_is_advice_under_p6():
    rule = shipped_rule()
    assert rule.severity is Severity.ADVICE and rule.category == "offence-score" and rule.principle == "P6"
    assert 0.5 <= rule.threshold < 1


@pytest.mark.parametrize("word", identity_words())
def test_identity_and_party_words_are_never_underlined(word):
    rule = shipped_rule()
    assert word in rule.neutral
    cards = 0
    for template in (
        "Shut up, you stupid {w} bastard.",
        "{w} idiots, the lot of them, fucking morons.",
        "Crap, crap, crap {w}.",
    ):
        text = template.format(w=word)
        for f in findings_of("Drafting.OffenceScore", text, "shipped"):
            cards += 1
            covered = text[f.start : f.end].lower()
            assert word not in rule.model.token_re.findall(covered), (text, f.text)
    assert cards >= 3, "the sentences are offensive: the model must flag them, around the word"


def test_an_identity_word_alone_is_not_what_makes_a_sentence_offensive():
    rule = shipped_rule()
    # the exported package itself scores these high; the rule's neutral list takes that away
    for text in (
        "Gay and lesbian couples deserve equal pension rights.",
        "Black history month starts today.",
    ):
        assert rule.model.score(text) > rule.sentence_score(text)
        assert rule.sentence_score(text) < rule.threshold


ORDINARY_CRITICISM = [
    "The minister's plan for bus fares is a disaster for rural towns.",
    "This budget is a joke and families will pay for it.",
    "The Tories have cut 400 police officers from our county since 2010.",
    "Labour's council has failed tenants on damp and mould for a decade.",
    "The government's failure on sewage is a national scandal.",
    "Our opponents voted against free school meals. Remember that on Thursday.",
    "The council leader broke his promise on the library and should apologise.",
]


@pytest.mark.parametrize("text", ORDINARY_CRITICISM)
def test_ordinary_political_criticism_gets_no_offence_card(text):
    assert [f.text for f in full_analyzer().analyze(text).findings if f.category == "offence-score"] == []


def test_no_card_where_a_conduct_rule_flags_the_same_words():
    text = "You are a fucking idiot."
    assert findings_of("Drafting.OffenceScore", text, "shipped"), "the model alone flags it"
    findings = full_analyzer().analyze(text).findings
    assert any(f.severity is Severity.MUST_FIX for f in findings)
    assert [f for f in findings if f.category == "offence-score"] == []


def test_no_card_where_the_profanity_rule_flags_the_same_word():
    """Both are advice: the rule's card (which says what is wrong) wins, and the model's,
    though longer, is not shown beside it."""
    text = "Another bloody shitty bus timetable."
    assert findings_of("Drafting.OffenceScore", text, "shipped")
    cards = [
        (f.rule, f.text) for f in full_analyzer().analyze(text).findings if f.severity is Severity.ADVICE
    ]
    assert ("Drafting.Profanity", "bloody") in cards or ("Drafting.Profanity", "shitty") in cards
    assert not [rule for rule, _ in cards if rule == "Drafting.OffenceScore"]


def test_ruling_sentences_out_by_the_bound_changes_no_card(monkeypatch):
    # find() scores only sentences the model's cheap bound cannot rule out: the cards must
    # be those of scoring every sentence
    from desktop_app.checks.base import TextContext
    from tests import corpus

    rule = shipped_rule()
    texts = corpus.posts(mixed=200)
    bounded = [rule.find(TextContext(text)) for text in texts]
    monkeypatch.setattr(type(rule.model), "may_reach", lambda _model, _text, _threshold: True)
    assert [rule.find(TextContext(text)) for text in texts] == bounded
    assert sum(map(len, bounded)) > 100


# --- about, reads and min_words (GroupHate) ---------------------------------------------------


def test_about_scores_only_a_paragraph_that_names_one_of_its_words(tmp_path):
    folder = _overlay(tmp_path / "pol", {"threshold": 0.6, "about": ["residents"]})
    assert _cards(folder, "Awful council.") == []
    assert [f.text for f in _cards(folder, "Awful council. Residents agree.")] == ["Awful"]


def test_a_group_named_only_inside_an_exception_is_not_what_the_paragraph_is_about(tmp_path):
    """ "As a Sikh I ..." names the writer, not a group spoken of: GroupHate's exception
    for the writer's own identity leaves such a paragraph unscored."""
    folder = _overlay(
        tmp_path / "pol", {"threshold": 0.6, "about": ["residents"], "exceptions": ["as residents"]}
    )
    assert _cards(folder, "Awful council, as residents know.") == []
    assert [f.text for f in _cards(folder, "Awful council, as residents know. Residents agree.")] == ["Awful"]


def test_reads_paragraph_scores_the_paragraph_as_one_text(tmp_path):
    # "Awful." alone scores 0.731; with "Quiet." beside it the paragraph scores 0.417
    by_sentence = _overlay(tmp_path / "a", {"threshold": 0.6})
    by_paragraph = _overlay(tmp_path / "b", {"threshold": 0.6, "reads": "paragraph"})
    assert [f.text for f in _cards(by_sentence, "Quiet. Awful.")] == ["Awful"]
    assert _cards(by_paragraph, "Quiet. Awful.") == []
    assert [f.text for f in _cards(by_paragraph, "Awful. Council.")] == ["Awful"]


def test_min_words_leaves_a_shorter_text_unscored(tmp_path):
    assert _cards(_overlay(tmp_path / "a", {"threshold": 0.6, "min_words": 3}), "Awful council.") == []
    assert _cards(_overlay(tmp_path / "b", {"threshold": 0.6, "min_words": 2}), "Awful council.")


def test_an_unknown_way_of_reading_is_a_policy_problem(tmp_path):
    _pack, own, problems = _load(_overlay(tmp_path / "pol", {"reads": "page"}))
    assert own == [] and problems and "reads" in problems[0].message


def test_grouphate_reads_only_where_a_group_of_people_is_named():
    """The shipped GroupHate: the same hard words about a policy get no card; said of a
    group of people, they do (advice, under the discrimination clause)."""
    pack = shipped_pack()
    rule = next(r for r in pack.rules if r.id == "Drafting.GroupHate")
    analyzer = Analyzer(dataclasses.replace(pack, rules=[rule]))
    smear = "Half the people on disability benefits are faking it and the rest are a drain on the country."
    cards = analyzer.analyze(smear).findings
    assert cards and cards[0].severity is Severity.ADVICE and cards[0].category == "discrimination"
    policy_words = "Half the new budget is faking it and the rest is a drain on the country."
    assert analyzer.analyze(policy_words).findings == []


def test_a_score_no_word_can_be_named_for_gets_no_card_and_no_error(tmp_path):
    """Session 26: a model that reads pairs of words (format 3) can be carried over the
    threshold by a pair of function words ("are you"), which names no word; the rule then
    built its message from an empty list and failed (the engine logged it and dropped its
    findings). A score no word can be shown for is no card."""
    import json

    model = {
        "format": "linear-text-model/3",
        "token_pattern": r"(?u)\b\w\w+\b",
        "lowercase": True,
        "members": [[-1.0, -1.0, 0.0]],
        "vocabulary": {"awful": [2.0, 6.0], "plan": [1.5, -0.8]},
        "characters": {"ngram_range": [3, 5], "skip": ["are", "you"], "vocabulary": {"awf": [1.5, 1.0]}},
        "pairs": {"skip": [], "vocabulary": {"are you": [1.0, 5.0]}},
    }
    folder = _overlay(tmp_path / "pol", {}, json.dumps(model))
    pack, own, problems = _load(folder)
    assert problems == [] and own
    [rule] = own
    assert rule.sentence_score("are you") >= 0.5  # the pair alone is over the threshold ...
    analyzer = Analyzer(dataclasses.replace(pack, rules=own))
    result = analyzer.analyze("Honestly are you")
    assert list(result.findings) == []  # ... but names no word: no card
    assert analyzer.rule_errors == []
    [card] = analyzer.analyze("Are you awful").findings  # a word it can name still gets one
    assert card.text == "awful"
