from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.PileOn"  # max_same_handle: 2


def test_the_same_handle_more_than_the_maximum_is_flagged_from_the_first_extra():
    text = "@x why? @X answer. @x we are waiting."
    (f,) = findings_of(RULE, text)
    assert f.text == "@x" and f.start == text.rindex("@x")
    assert f.suggestions[0].apply(text) == "@x why? @X answer. We are waiting."  # a capital opens it


def test_counts_across_paragraphs():
    assert len(findings_of(RULE, "@x one\n\n@x two\n\n@x three")) == 1


def test_pile_on_calls():
    assert [f.text for f in findings_of(RULE, "Everyone tag @x until he answers.")] == ["Everyone tag"]
    assert [f.text for f in findings_of(RULE, "Let's flood their mentions.")] == ["flood their mentions"]
    assert findings_of(RULE, "Thanks @x and @y, and @x again.") == []
