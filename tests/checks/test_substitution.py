"""substitution: swap keys suggest their values, keeping the writer's capitals."""

from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.Jargon"


def test_suggests_the_swap_value_and_fills_the_message():
    text = "We will leverage our network."
    (f,) = findings_of(RULE, text)
    assert (f.text, f.start, f.end) == ("leverage", 8, 16)
    assert [s.replacement for s in f.suggestions] == ["use"]
    assert f.message == "Plain words reach more people: try 'use' instead of 'leverage'."
    assert f.suggestions[0].apply(text) == "We will use our network."


def test_keeps_a_capital_at_the_start_of_a_sentence():
    (f,) = findings_of(RULE, "Going forward, we act.")
    assert f.suggestions[0].replacement == "From now on"


def test_a_value_with_a_bar_gives_two_suggestions():
    (f,) = findings_of(RULE, "Ask the stakeholders.")
    assert [s.replacement for s in f.suggestions] == ["people", "groups"]


def test_multiword_keys_and_whole_words_only():
    assert [f.text for f in findings_of(RULE, "Let's touch base and leverage it.")] == [
        "touch base",
        "leverage",
    ]
    assert findings_of(RULE, "The leverages are steep; pull the lever.") == []


def test_a_patterned_key_with_top_level_alternatives_is_still_found():
    from desktop_app.checks.substitution import _literal_prefix

    # only keys whose plain start fits the matched words are tried: "a|b" has no plain start
    assert _literal_prefix("deliver(?:s|ed)?") == "deliver"
    assert _literal_prefix("colou?r") == "colo"
    assert _literal_prefix("foo|bar") == ""
    assert _literal_prefix("(?:work|working) in silos") == ""
