from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.InsiderTalk"


def test_a_paragraph_mostly_about_process_is_flagged():
    (f,) = findings_of(RULE, "The CLP passed the motion at the AGM after compositing.")
    assert f.text.startswith("CLP") and f.text.endswith("compositing")
    assert "CLP" in f.message


def test_one_mention_in_a_post_about_people_passes():
    assert findings_of(RULE, "Our councillors voted for free school meals for 400 children.") == []
    assert (
        findings_of(
            RULE, "At the AGM our councillors promised free school meals for 400 children this winter."
        )
        == []
    )


def test_density_is_per_paragraph():
    text = "The CLP passed the motion at the AGM.\n\n" + "Bins will be collected every week from Monday. " * 3
    (f,) = findings_of(RULE, text)
    assert f.start < text.index("\n\n")


SHIPPED = "Drafting.InsiderFraming"
PROCESS = "Great turnout at tonight's CLP AGM, where our motion on housing was passed unanimously."
PEOPLE = [
    "Families in Ashford have waited three years for the new homes.",
    "Sarah, a carer from Hythe, told us her rent went up again this spring.",
    "We will keep knocking on doors until every family has somewhere safe to live.",
    "Thank you to everyone who came out in the rain to help.",
]


def test_typing_more_sentences_into_the_paragraph_does_not_hide_the_card():
    # Issue 17 item 16: the card went away once the paragraph's density fell below 8%.
    for n in range(len(PEOPLE) + 1):
        text = " ".join([PROCESS, *PEOPLE[:n]])
        found = findings_of(SHIPPED, text, "shipped")
        assert [f.text for f in found] == ["CLP AGM, where our motion"], n


def test_each_sentence_mostly_about_process_gets_its_own_card():
    text = f"{PROCESS} {PEOPLE[0]} The NEC endorsed the shortlist at the selection meeting."
    found = findings_of(SHIPPED, text, "shipped")
    assert len(found) == 2 and found[0].text.startswith("CLP") and found[1].text.startswith("NEC")


def test_terms_spread_over_a_dense_paragraph_are_still_flagged_once():
    text = "The CLP met. Delegates voted. The motion passed."  # one term a sentence, dense overall
    (f,) = findings_of(RULE, text)
    assert f.text == "CLP met. Delegates voted. The motion"
