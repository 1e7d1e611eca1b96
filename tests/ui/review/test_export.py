"""The review report: HTML with every finding, a PDF that opens and shows the right text."""

import errno
from datetime import datetime

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QGuiApplication

from desktop_app.core.findings import Finding, PlatformFit, Readability, Report, Severity, principle_statuses
from desktop_app.core.review import Ignored
from desktop_app.storage.atomic import WriteFailed
from desktop_app.ui.review.export import (
    build_review_html,
    copy_post_to_clipboard,
    export_html,
    export_pdf,
    suggested_filename,
)

TEXT = "Going forward we will fix the <b>bus</b> routes & more.\nCouncillor Smith is an idiot."
TITLES = {
    **{f"P{n}": f"Principle number {n}" for n in range(1, 11)},
    "P6": "Criticise policy, not people",
    "P7": "Accessible language",
    "C-abuse": "No abuse",
    "conduct": "Conduct policy",
}
ATTACK = Finding(
    75,
    80,
    "idiot",
    "attack-insult",
    "personal-attack",
    Severity.MUST_FIX,
    "This attacks a person, not a policy.",
    why="We criticise decisions, never people.",
    clause="C-abuse",
)
JARGON = Finding(
    0,
    13,
    "Going forward",
    "jargon-going-forward",
    "jargon",
    Severity.ADVICE,
    "Plain words reach more people: try 'from now on'.",
    why="Jargon shuts readers out.",
    principle="P7",
)
HEDGE = Finding(
    0, 4, "perhaps", "hedging-perhaps", "hedging", Severity.ADVICE, "Say it plainly.", principle="P1"
)


def _report(findings=(ATTACK, JARGON)):
    findings = list(findings)
    return Report(
        text=TEXT,
        findings=findings,
        principles=principle_statuses(findings, TITLES),
        readability=Readability(11.0, 9.0, 16, 2, 1, 0, 5),
        platforms=[PlatformFit("X", 280, 85), PlatformFit("Bluesky", 60, 85)],
    )


def _html(**kwargs):
    args = {
        "ignored": [Ignored("jargon-going-forward", "going forward", "Quoting the <minister> exactly")],
        "fixed": [HEDGE],
        "titles": TITLES,
        "when": datetime(2026, 11, 24, 14, 5).astimezone(),
        "draft_title": "Bus routes",
        "networks": ["X", "Bluesky"],
    }
    args.update(kwargs)
    return build_review_html(TEXT, _report(), **args)


def test_html_has_every_finding_with_clause_why_and_status():
    html = _html()
    assert "This attacks a person, not a policy." in html
    assert "We criticise decisions, never people." in html
    assert "C-abuse: No abuse" in html
    assert "P7: Accessible language" in html
    assert "Plain words reach more people: try &#x27;from now on&#x27;." in html
    assert html.count("<b>Open</b>") == 1
    assert html.count("<b>Ignored</b>") == 1
    assert "Reason: Quoting the &lt;minister&gt; exactly" in html
    assert html.count("<b>Fixed</b>") == 1 and "Say it plainly." in html
    assert "Not ready to approve: 1 must-fix finding is still open." in html


def test_html_escapes_user_text_and_keeps_line_breaks():
    html = _html()
    assert "&lt;b&gt;bus&lt;/b&gt; routes &amp; more.<br>Councillor Smith" in html
    assert "<b>bus</b>" not in html


def test_html_has_checklist_reading_age_platforms_date_and_sign_off():
    html = _html(approver="Priya O'Neill")
    for key in [f"P{n}" for n in range(1, 11)]:
        assert f"<td>{key}</td>" in html
    assert '<td>Conduct</td><td>Conduct policy</td><td class="must-fix">Must fix</td>' in html
    assert "<td>P6</td><td>Criticise policy, not people</td><td>Clear</td>" in html
    assert "Reading age: <b>11</b> (target 9)" in html
    assert '<td>Bluesky</td><td>85</td><td>60</td><td class="must-fix">Over by 25 characters</td>' in html
    assert "<td>X</td><td>85</td><td>280</td><td>Fits</td>" in html
    assert "24 November 2026, 14:05" in html
    assert "Approved by: Priya O&#x27;Neill" in html
    assert "Signature:" in html


def test_ignored_finding_no_longer_in_report_is_still_listed():
    report = _report(findings=[ATTACK])  # the analyser already dropped the ignored one
    html = build_review_html(
        TEXT,
        report,
        ignored=[{"rule": "jargon-going-forward", "words": "Going forward", "reason": "A quote"}],
    )
    assert "jargon-going-forward" in html and "Reason: A quote" in html


def test_clean_draft_says_so():
    html = build_review_html("Thank you, volunteers!", Report(text="Thank you, volunteers!"))
    assert "No findings: the draft meets every check." in html
    assert "No must-fix finding is open." in html
    assert "Approved by: ____" in html


def test_export_html_writes_atomically_and_reports_failure(tmp_path):
    path = tmp_path / "review.html"
    export_html(path, _html())
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WriteFailed, match="not a folder"):
        export_html(blocker / "review.html", _html())


def test_pdf_opens_renders_and_has_the_right_text(qapp, tmp_path):
    path = tmp_path / "review.pdf"
    export_pdf(path, _html(approver="Priya O'Neill"))
    assert path.read_bytes().startswith(b"%PDF")
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(pdf) >= 1
        page = pdf[0]
        width, height = page.get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        bitmap = page.render(scale=0.5, grayscale=True)
        pixels = bytes(bitmap.buffer)
        dark = sum(1 for value in pixels if value < 128)
        assert 0.005 < dark / len(pixels) < 0.5  # text was drawn, not a blank page
        text = " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
    finally:
        pdf.close()
    for expected in (
        "Review of a draft post",
        "The post as it will appear",
        "Councillor Smith is an idiot.",
        "<b>bus</b>",  # shown as typed, not as markup
        "Must fix",
        "Quoting",  # the reason it was ignored
        "Principles checklist",
        "Reading age",
        "Platform fit",
        "Approved by: Priya O'Neill",
    ):
        assert expected in text, expected


def test_pdf_write_failure_is_clear(qapp, tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)
    with pytest.raises(WriteFailed, match="disk is full"):
        export_pdf(tmp_path / "review.pdf", _html())
    assert not (tmp_path / "review.pdf").exists()


def test_copy_post_to_clipboard(qapp):
    copy_post_to_clipboard(TEXT)
    assert QGuiApplication.clipboard().text() == TEXT


def test_suggested_filename():
    when = datetime(2026, 11, 24)
    assert suggested_filename("Bus routes: the plan!", when) == "review-2026-11-24-bus-routes-the-plan.pdf"
    assert suggested_filename("", when, ".html") == "review-2026-11-24-draft.html"


def test_titles_from_a_policy_info_object():
    class Policy:  # the shape of ui.policy_info.PolicyInfo: title(key) for P1..P10 and clauses
        def title(self, key):
            return {"C-abuse": "No abuse", "P7": "Accessible language", "conduct": "Conduct policy"}.get(
                key, key
            )

    report = _report()
    report.principles = principle_statuses(report.findings, {})  # statuses know no titles either
    html = build_review_html(TEXT, report, titles=Policy())
    assert "C-abuse: No abuse" in html and "P7: Accessible language" in html
    assert "<td>P1</td><td></td>" in html  # no title known: left blank, not repeated


def test_files_the_user_saves_or_exports_are_not_private(tmp_path):
    import os
    import stat

    from desktop_app.storage.atomic import USER_FILE_MODE
    from desktop_app.storage.files import write_text_file
    from desktop_app.ui.review.export import export_html

    write_text_file(tmp_path / "post.txt", "A post")
    export_html(tmp_path / "review.html", "<p>Review</p>")
    for name in ("post.txt", "review.html"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == USER_FILE_MODE
