from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


_ENDS = ["Join us", " ", "\t", "\n", "#tag", "#", "https://x.org/a", "http://x.org", "www.x.org"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ENDS), max_size=12).map("".join))
def test_the_quick_look_at_the_posts_end_finds_its_tags_as_the_pattern_does(text):
    # _append looks for trailing hashtags and links only when the words after the last space
    # start like one; where they do not, the pattern cannot match either
    from desktop_app.checks import absence

    end = len(text.rstrip())
    if not absence._may_end_with_tag(text, end):
        assert absence._TRAILING_TAGS.search(text[:end]) is None
