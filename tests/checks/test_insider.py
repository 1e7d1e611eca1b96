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
