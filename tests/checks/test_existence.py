"""existence: whole words, exceptions, and (for conduct rules) matching through evasion."""

from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of

RULE = "fixtures.Insults"  # clause C-abuse: matches through evasion


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("What a scumbag.", "scumbag"),
        ("What an іdіot.", "іdіot"),  # Cyrillic і
        ("What an ιdιot.", "ιdιot"),  # Greek iota
        ("What an id\u200biot.", "id\u200biot"),  # zero-width space inside
        ("What an 1d10t.", "1d10t"),  # leetspeak
        ("What an i d i o t.", "i d i o t"),  # spaced letters
        ("What an I-D-I-O-T.", "I-D-I-O-T"),
        ("Just f***k off.", "f***k"),  # starred-out pattern in the rule
        ("SCUMBAG!", "SCUMBAG"),
    ],
)
def test_flags_through_evasion_and_highlights_what_was_typed(text, flagged):
    found = findings_of(RULE, text)
    assert [f.text for f in found] == [flagged]
    f = found[0]
    assert text[f.start : f.end] == flagged


@pytest.mark.parametrize(
    "text", ["He is idiosyncratic.", "Scunthorpe United won.", "Idiotproof?", "scumbags2"]
)
def test_leaves_longer_words_alone(text):
    assert findings_of(RULE, text) == []


def test_severity_category_and_clause_come_from_the_rule():
    f = findings_of(RULE, "What a scumbag.")[0]
    assert f.severity.value == "must-fix"
    assert f.category == "abuse" and f.clause == "C-abuse" and f.principle is None
    assert f.message == "'scumbag' is an insult."
    assert f.why
