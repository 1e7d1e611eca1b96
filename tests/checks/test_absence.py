from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.Credit"


def test_a_solo_win_without_credit_gets_a_thank_you_appended():
    text = "I secured funding for the new bus route."
    (f,) = findings_of(RULE, text)
    assert f.text == "I secured"
    fixed = f.suggestions[0].apply(text)
    assert (
        fixed == "I secured funding for the new bus route. Thank you to every volunteer who made this happen."
    )
    assert findings_of(RULE, fixed) == []


def test_credit_anywhere_in_the_post_or_no_trigger_passes():
    assert findings_of(RULE, "I secured the funding.\n\nThanks to our volunteers!") == []
    assert findings_of(RULE, "We secured funding together.") == []
