from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.SentenceCase"


def test_a_sentence_must_start_with_a_capital():
    text = "we are here. You too."
    (f,) = findings_of(RULE, text)
    assert f.text == "we are here."
    assert f.suggestions[0].apply(text) == "We are here. You too."


def test_sentences_that_start_with_a_capital_or_a_digit_pass():
    assert findings_of(RULE, "We are here. 40 of us came.") == []
