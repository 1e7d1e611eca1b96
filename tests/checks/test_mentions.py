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


def test_the_leading_reply_chain_is_not_counted():
    # on X a reply starts with the handles of the conversation: the writer did not choose them
    assert findings_of(RULE, "@x @y @x @x thanks, that is helpful") == []
    text = "@x @y why? @x answer. @x we are waiting. @x hello?"
    (f,) = findings_of(RULE, text)
    assert f.start == text.rindex("@x")


def test_an_anonymised_placeholder_is_not_a_handle():
    # datasets and exports write every account as @USER: that is many people, not one
    assert findings_of(RULE, "@USER @USER you are right. @USER @USER and @USER agree.") == []
    assert findings_of(RULE, "Ask @USER, @USER and @USER what they think.") == []
