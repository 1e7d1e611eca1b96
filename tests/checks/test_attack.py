"""attack: insults predicated of a person; criticism of policies and decisions passes."""

from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of

RULE = "fixtures.PersonalAttack"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("X is a liar.", "X is a liar"),
        ("Johnson is a liar.", "Johnson is a liar"),
        ("@x you coward", "you coward"),
        ("You absolute clown.", "You absolute clown"),
        ("That lying toad of a minister has done it again.", "That lying toad of a minister"),
        ("Councillor Hart is a clown.", "Councillor Hart is a clown"),
        ("Everyone knows liar Johnson cut the budget.", "liar Johnson"),
        ("The minister is a disgrace.", "The minister is a disgrace"),
        ("Johnson's a liar.", "Johnson's a liar"),
        ("you're a coward", "you're a coward"),
        ("@someone coward", "@someone coward"),
        ("Boris Johnson is such a liar.", "Boris Johnson is such a liar"),
        ("The prime minister is a total clown.", "The prime minister is a total clown"),
        ("They are idiots and liars, and he is a moron.", "he is a moron"),
    ],
)
def test_flags_an_insult_aimed_at_a_person(text, flagged):
    assert flagged in [f.text for f in findings_of(RULE, text)]


@pytest.mark.parametrize(
    "text",
    [
        "X's cuts were a mistake.",
        "Johnson's cuts were a mistake.",
        "The minister's plan is a disaster.",
        "This policy is a joke.",
        "It is a joke that bus fares went up again.",
        "He called me a liar.",
        "The Prime Minister broke his promise on housing.",
        "Nobody likes a coward.",
        "Don't be a clown about it, said nobody.",
    ],
)
def test_leaves_criticism_of_policies_and_decisions_alone(text):
    assert findings_of(RULE, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Johnson is a lіar.", "Johnson is a lіar"),  # Cyrillic і
        ("Johnson is a l1ar.", "Johnson is a l1ar"),
        ("Johnson is a c.l.o.w.n!", "Johnson is a c.l.o.w.n"),
        ("Johnson is a clo\u200dwn.", "Johnson is a clo\u200dwn"),
    ],
)
def test_evasion_is_seen_through_and_the_highlight_is_what_was_typed(text, flagged):
    (f,) = findings_of(RULE, text)
    assert f.text == flagged == text[f.start : f.end]


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Councillor Hart is a clown.", "Councillor Hart's decision to ... is wrong because ...."),
        ("@x you coward", "@x your decision to ... is wrong because ..."),
        ("You absolute clown.", "Your decision to ... is wrong because ...."),
        ("Everyone knows liar Johnson cut it.", "Everyone knows Johnson cut it."),
        ("That lying toad of a minister did it.", "The minister did it."),
        ("Sources say James is a liar.", "Sources say James' decision to ... is wrong because ...."),
        ("What an idiot @bob is.", "@bob is."),
    ],
)
def test_the_rewrite_keeps_the_target_and_turns_to_actions(text, rewritten):
    (f,) = findings_of(RULE, text)
    assert f.suggestions[0].apply(text) == rewritten
    assert findings_of(RULE, rewritten) == []
