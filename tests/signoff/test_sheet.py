"""The sign-off sheet's content (the PDF's layout is tested in tests/ui/review)."""

from datetime import UTC, datetime
from types import SimpleNamespace

from desktop_app.core.approval import Approval
from desktop_app.core.findings import Finding, PlatformFit, Readability, Report, Severity
from desktop_app.core.images import Image, image_notes
from desktop_app.core.platforms import Platform
from desktop_app.core.review import DraftReview
from desktop_app.core.versions import join_parts
from desktop_app.signoff import NetworkVersion, SheetData, build_sheet_html, pack_label

X = Platform("X", 280, "twitter", 23, thread=True, alt_text_limit=1000)
FACEBOOK = Platform("Facebook", 63206, "graphemes", None, fold_characters=40, fold_lines=3)
BLUESKY = Platform("Bluesky", 300, "bluesky", None, 3000, thread=True)
TEXT = "Councillor Hart is a liar. We will look at the bus routes going forward.\nThanks to every volunteer!"
TITLES = {"P2": "Clear about our positions", "P7": "Accessible language", "C-abuse": "No abuse",
          "conduct": "Conduct policy"}  # fmt: skip
WHEN = datetime(2026, 11, 24, 14, 5, tzinfo=UTC)


def _finding(words, rule, category, severity, message, principle=None, clause=None, text=TEXT):
    start = text.index(words)
    return Finding(
        start, start + len(words), words, rule, category, severity, message, "Why.", principle, clause
    )


ATTACK = _finding("Councillor Hart is a liar", "Drafting.Attack", "personal-attack", Severity.MUST_FIX,
                  "This attacks a person, not a policy.", "P6", "C-abuse")  # fmt: skip
VAGUE = _finding("We will look at", "Drafting.Vague", "vague-commitment", Severity.ADVICE,
                 "Say what we will do and by when.", "P2")  # fmt: skip
JARGON = _finding("going forward", "Drafting.Jargon", "jargon", Severity.ADVICE, "Say 'from now on'.", "P7")


def _report(text, findings, fits):
    readability = Readability(11.0, 9.0, len(text.split()), 3, 1, 0, 5)
    return Report(text=text, findings=list(findings), readability=readability, platforms=list(fits))


def _data(**changes):
    thread = join_parts(["Councillor Hart is a liar.", "We will look at the bus routes going forward.",
                         "Thanks to every volunteer!"])  # fmt: skip
    x_findings = [
        _finding(f.text, f.rule, f.category, f.severity, f.message, f.principle, f.clause, thread)
        for f in (ATTACK, VAGUE)
    ]
    data = {
        "title": "Bus routes",
        "main_text": TEXT,
        "versions": [
            NetworkVersion("X", thread, _report(thread, x_findings, []), X, thread=True),
            NetworkVersion(
                "Facebook",
                TEXT,
                _report(TEXT, [ATTACK, VAGUE, JARGON], [PlatformFit("Facebook", 63206, 98)]),
                FACEBOOK,
            ),
        ],
        "titles": TITLES,
        "pack": "Riverside pack 2.1",
        "prepared_by": "Sam Taylor",
        "when": WHEN,
    }
    data.update(changes)
    return SheetData(**data)


def test_an_ignored_must_fix_is_said_plainly_at_the_top_with_its_reason():
    """It opened "No must-fix finding is open" when one had been ignored."""
    review = DraftReview()
    review.ignore(ATTACK, "Quoting the court's <judgment> exactly")
    html = build_sheet_html(_data(review=review))
    verdict = html[html.index("</h1>") : html.index("The post as each network")]
    assert "1 must-fix finding was ignored, not fixed." in verdict
    assert "Councillor Hart is a liar" in verdict and "C-abuse: No abuse" in verdict
    assert "Reason given: “Quoting the court&#x27;s &lt;judgment&gt; exactly”" in verdict
    assert "No must-fix finding is open" not in html and "Ready for sign-off" not in html
    assert "<b>Ignored</b>: Quoting the court" in html  # and in the findings, with its status


def test_open_must_fix_and_a_clean_post():
    html = build_sheet_html(_data())
    assert "Not ready to approve: 1 must-fix finding is still open." in html
    clean = _data(versions=[NetworkVersion("Facebook", "Thanks!", _report("Thanks!", [], []), FACEBOOK)])
    assert "Ready for sign-off: no must-fix finding is open or ignored." in build_sheet_html(clean)


def test_findings_are_listed_once_with_the_networks_they_concern():
    html = build_sheet_html(_data())
    assert html.count("This attacks a person, not a policy.") == 1
    assert "going forward</td>" not in html  # words carry the networks they concern...
    assert 'going forward<br><span class="muted">Facebook only</span>' in html
    assert "Findings: 3 open, 0 ignored, 0 fixed" in html


def test_each_network_shows_its_post_as_it_goes_out():
    html = build_sheet_html(_data())
    assert "a thread of 3 posts, numbered as below" in html
    assert "Councillor Hart is a liar. 1/3" in html and "Thanks to every volunteer! 3/3" in html
    # Facebook publishes the same words: one box, and what its feed shows before See more
    assert (
        "<b>Facebook</b>: one post; the feed shows “Councillor Hart is a liar. We will look” then See more."
        in html
    )
    assert "X: thread of 3, longest" in html and "Facebook: 98/63,206" in html


def test_different_words_get_their_own_box_with_the_fold_marked():
    short = "Bus routes: we will fix them by May. Thanks to every volunteer who helped!"
    data = _data(versions=[NetworkVersion("Facebook", short, _report(short, [], []), FACEBOOK),
                           NetworkVersion("Bluesky", TEXT, _report(TEXT, [], []), BLUESKY)])  # fmt: skip
    html = build_sheet_html(data)
    assert 'fix them by May. <span class="fold">[See more ▸]</span> Thanks to every' in html
    assert "<b>Bluesky</b>: one post, shown whole." in html


def test_principles_reading_age_images_pack_preparer_and_approval():
    images = [Image("C:\\photos\\crowd.jpg", "Image of volunteers"), Image("map.png", "")]
    approval = Approval("Priya O'Neill", WHEN, "Riverside pack 2.1", "abc")
    html = build_sheet_html(
        _data(images=images, image_notes=image_notes(images, [X, FACEBOOK]), approval=approval)
    )
    assert "Must fix:</span> P6 (1 open); Conduct policy (1 open)" in html
    assert "P2 Clear about our positions (1 open)" in html and "P7 Accessible language (1 open)" in html
    assert "Clear:</span> P1; P3;" in html
    assert "Reading age</b> (target 9): <b>11</b>" in html
    assert "1. crowd.jpg: “Image of volunteers”" in html and "2. map.png: <b>no description</b>" in html
    assert "opens with “Image of”" in html
    assert "Not ready to approve: 1 image has no description." in html
    assert "<b>Prepared</b> by Sam Taylor on 24 November 2026" in html
    assert "Riverside pack 2.1" in html
    assert "Approved in Drafting Assistant</b> by Priya O&#x27;Neill" in html
    assert "only be changed by the organisation's policy pack" in html
    assert "Approved by: ____" in html and "Signature:" in html


def test_without_networks_the_main_text_is_shown_and_checked():
    report = _report(TEXT, [VAGUE], [])
    html = build_sheet_html(_data(versions=[], main_report=report))
    assert "No network chosen for this post." in html and "Say what we will do and by when." in html


def test_pack_label_uses_the_packs_name_and_version_else_the_shipped_pack():
    class Named:
        name, version = "Riverside social media pack", "2.1"

    assert pack_label(Named()) == "Riverside social media pack 2.1"
    assert pack_label(None).startswith("Drafting Assistant standard pack (app ")

    overlaid = SimpleNamespace(folders=[SimpleNamespace(shipped=True), SimpleNamespace(shipped=False)])
    assert pack_label(overlaid).endswith("with the organisation's own rules")
