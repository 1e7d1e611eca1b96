from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.UsAndThem"


def test_dividing_phrases_and_us_against_them():
    assert [f.text for f in findings_of(RULE, "It is us against them now.")] == ["us against them"]
    assert [f.text for f in findings_of(RULE, "Events are for real members only.")] == ["real members only"]
    assert [f.text for f in findings_of(RULE, "We versus those people.")] == ["We versus those people"]


def test_in_and_out_groups_without_opposition_pass():
    assert findings_of(RULE, "We asked them what they need.") == []
    assert findings_of(RULE, "People like to talk.") == []
