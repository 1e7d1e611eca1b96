from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.Acronyms"


def test_an_acronym_used_before_it_is_spelled_out_is_flagged_once():
    text = "The DWP said no. The DWP was wrong."
    (f,) = findings_of(RULE, text)
    assert (f.text, f.start) == ("DWP", 4)


def test_spelled_out_first_or_an_exception_passes():
    assert findings_of(RULE, "The Department Work Pensions (DWP) said no. The DWP was wrong.") == []
    assert findings_of(RULE, "The NHS and the BBC.") == []


def test_spelled_out_only_later_is_still_flagged():
    assert [
        f.text for f in findings_of(RULE, "The DWP said no. Department Work Pensions (DWP) is wrong.")
    ] == ["DWP"]
