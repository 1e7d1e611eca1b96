from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.Repeated"


def test_flags_a_word_twice_in_a_row_and_suggests_one():
    text = "We will will fix it."
    (f,) = findings_of(RULE, text)
    assert f.text == "will will"
    assert f.suggestions[0].apply(text) == "We will fix it."


def test_case_insensitive_and_not_across_punctuation():
    assert [f.text for f in findings_of(RULE, "The the end.")] == ["The the"]
    assert findings_of(RULE, "We will fix it, will we not?") == []
    assert findings_of(RULE, "Bye. Bye now.") == []
