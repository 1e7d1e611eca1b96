from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.TooManyVery"  # max 1 'very' per sentence


def test_flags_a_sentence_over_the_maximum_from_the_first_extra_match():
    text = "It was very, very, very good."
    (f,) = findings_of(RULE, text)
    assert f.start == text.index("very", 8) and f.text == "very, very"


def test_counts_per_sentence():
    assert findings_of(RULE, "It was very good. It was very cheap.") == []
