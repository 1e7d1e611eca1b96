"""The shipped pack as a whole: directed contempt, threats and group insults are must-fix,
and ordinary political criticism of decisions, records and parties never is."""

from __future__ import annotations

from functools import cache

import pytest

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from tests.checks.conftest import shipped_pack


@cache
def _analyzer() -> Analyzer:
    return Analyzer(shipped_pack())


def _must_fix(text: str) -> list[tuple[str, str]]:
    report = _analyzer().analyze(text)
    return [(f.rule, f.text) for f in report.findings if f.severity is Severity.MUST_FIX]


@pytest.mark.parametrize(
    "text",
    [
        "The minister's plan is a disaster.",
        "This policy is a joke.",
        "Councillor Hart voted to close the library.",
        "The Tories are a disgrace on housing.",
        "Shameful decision by the council.",
        "They should be ashamed of this budget.",
        "The government should be ashamed of its record on child poverty.",
        "He is terrible at answering questions about the hospital: ask him again on Friday.",
        "She is sick of waiting 14 weeks for a GP appointment.",
        "Another bank has shut up shop on our high street.",
        "It is time for the government to put up or shut up on rail.",
        "Landlords who leave families in damp homes must face fines.",
        "Water bosses paid themselves £2m in bonuses while sewage poured into the river.",
        "Sheep farmers are furious about the trade deal.",
        "Free water butts for the first 200 households.",
        "The former councillor was charged with perverting the course of justice.",
        "The government beat us by 12 votes, but they should die of shame at this bill.",
    ],
)
def test_political_criticism_is_never_must_fix(text):
    assert _must_fix(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("You are vile, @HillsideTenant.", "Drafting.Contempt"),
        ("What a disgusting human being.", "Drafting.Contempt"),
        ("He is a piece of garbage.", "Drafting.Contempt"),
        ("She should be ashamed of herself.", "Drafting.Contempt"),
        ("You are awful.", "Drafting.Contempt"),
        ("Crawl back under your rock, Councillor.", "Drafting.Bullying"),
        ("Burn in hell, @RiversideLad.", "Drafting.Bullying"),
        ("Traitors like him should hang.", "Drafting.Threats"),
        ("He deserves to get shot.", "Drafting.Threats"),
        ("Landlords are parasites.", "Drafting.Dehumanising"),  # a dehumanising comparison
        ("Water bosses are crooks.", "Drafting.GroupInsults"),
        ("Reform supporters are brainwashed sheep.", "Drafting.GroupInsults"),
    ],
)
def test_directed_contempt_threats_and_group_insults_are_must_fix(text, rule):
    assert rule in {r for r, _ in _must_fix(text)}


def test_contempt_survives_evasion():
    # conduct rules match through look-alike letters and spacing; the card covers what was typed
    text = "You are v i l e."
    found = [(r, t) for r, t in _must_fix(text) if r == "Drafting.Contempt"]
    assert found == [("Drafting.Contempt", "You are v i l e")]


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("Councillor Hart is an iddiottt.", "Councillor Hart is an iddiottt"),
        ("Councillor Hart is scummm.", "Councillor Hart is scummm"),
        ("Councillor Hart is an id**t.", "Councillor Hart is an id**t"),
        ("Councillor Hart is an id🤡iot.", "Councillor Hart is an id🤡iot"),
        ("Councillor Hart is a ᏟᏞOᏔN.", "Councillor Hart is a ᏟᏞOᏔN"),
        ("Councillor Hart is a ꮯlown.", "Councillor Hart is a ꮯlown"),
    ],
)
def test_disguised_insults_are_caught_and_the_card_covers_what_was_typed(text, typed):
    assert ("Drafting.PersonalAttack", typed) in _must_fix(text)


def test_gender_hate_is_discrimination_and_a_negated_threat_is_not_a_threat():
    report = _analyzer().analyze("Women just aren't suited to running a council finance committee.")
    assert {f.category for f in report.findings if f.severity is Severity.MUST_FIX} == {"discrimination"}
    assert _must_fix("Please, do not kill yourself: call Samaritans on 116 123.") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("She only got selected because she's a woman.", "discrimination"),
        ("The usual Trots are back", "derogatory-label"),
        ("The minister looked so sexy at the dispatch box", "sexualised"),
        ("Someone should shoot the Chancellor.", "abuse"),
        ("Women just aren't suited to running a council finance committee.", "discrimination"),
        ("they are basically vermin", "abuse"),
        ("An idiot who can't add up: that's our council leader", "personal-attack"),
        ("Go back to where you came from.", "discrimination"),
        ("Calm down, dear.", "discrimination"),
        ("All Muslims are terrorists.", "discrimination"),
        ("He deserves a kicking.", "abuse"),
        ("We know where you live.", "abuse"),
    ],
)
def test_implicit_discrimination_and_threats_are_must_fix_in_the_right_category(text, category):
    report = _analyzer().analyze(text)
    assert category in {f.category for f in report.findings if f.severity is Severity.MUST_FIX}


@pytest.mark.parametrize(
    "text",
    [
        "Kill the bill!",
        "Jew hatred has no place here.",
        "Lesbian couples still face barriers to IVF",
        "Lock them up? This policy locks up children for months.",
        "The Home Secretary should resign.",
        "do not kill yourself",
        "This is the Conservative Government's failure on housing.",
        "The councillor is not a liar: the minutes prove it.",
        "Email me at sarah.jones.mp@parliament.uk with your views.",
        "@USER @USER @USER you are right about the buses",
    ],
)
def test_political_speech_beside_those_shapes_has_no_conduct_finding(text):
    assert [f.rule for f in _analyzer().analyze(text).findings if f.is_conduct] == []


def _ordinary_posts() -> list[str]:
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "data"
    lines = (data / "ordinary_posts.txt").read_text(encoding="utf-8").splitlines()
    one_per_line = [line for line in lines if line.strip() and not line.startswith("#")]
    # batches O1, O2, ...: posts of several paragraphs, a line "---" between them
    posts = []
    for path in sorted(data.glob("ordinary_posts_o*.txt")):
        text = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("# ")  # the header; a line of hashtags stays in its post
        )
        posts += [post.strip() for post in text.split("\n---\n") if post.strip()]
    return one_per_line + posts


def test_the_ordinary_posts_set_is_large_enough_to_measure():
    assert len(_ordinary_posts()) >= 80 + 120 + 118 + 119


@pytest.mark.parametrize("text", _ordinary_posts())
def test_an_ordinary_political_post_gets_no_conduct_finding(text):
    report = _analyzer().analyze(text)
    assert [(f.rule, f.text) for f in report.findings if f.is_conduct] == []


def test_our_own_rules_use_no_look_around():
    """A look-around (kept for Vale packages, checks/lookaround.py) splits a rule's tokens into
    several scans: three in our own rules made replies sort half as fast again. Write an
    exception that covers the whole match instead."""
    from pathlib import Path

    rules = Path(__file__).resolve().parents[2] / "policy" / "rules"
    found = [
        f"{path.name}:{n}"
        for path in sorted(rules.glob("*.yml"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.lstrip().startswith("#") and any(look in line for look in ("(?=", "(?!", "(?<=", "(?<!"))
    ]
    assert found == []
