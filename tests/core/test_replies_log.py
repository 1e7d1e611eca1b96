"""The report log: entries, statuses, corrections and the CSV and HTML exports."""

from __future__ import annotations

import csv
import io

import pytest

from desktop_app.core.replies.judge import Triage, Verdict
from desktop_app.core.replies.log import ReasonRequired, ReportLog, Status, export_csv, export_html
from desktop_app.core.replies.sources import Reply

REPORTED = Verdict(Triage.REPORT, "'x' is abuse", clause="C-abuse", category="abuse and harassment")
REPLY = Reply("You <b>scum</b>", author="@troll", date="2026-03-01 10:00", link="https://x.com/t/1")


def test_a_report_is_logged_once_and_keeps_its_status():
    log = ReportLog()
    log.record(REPLY, REPORTED, "Report it.", "t1")
    log.set_status(REPLY.key, Status.REPORTED, "", "t2")
    log.record(REPLY, REPORTED, "Report it.", "t3")  # the same reply sorted again
    (entry,) = log.reports()
    assert (entry.status, entry.logged, entry.changed) == (Status.REPORTED, "t1", "t2")
    assert log.record(Reply("Thanks"), Verdict(Triage.THANK, "support"), "", "t") is None


def test_dismissing_a_report_needs_a_reason():
    log = ReportLog()
    log.record(REPLY, REPORTED, "Report it.", "t1")
    with pytest.raises(ReasonRequired):
        log.set_status(REPLY.key, Status.DISMISSED, "   ", "t2")
    entry = log.set_status(REPLY.key, Status.DISMISSED, " satire,  not abuse ", "t2")
    assert (entry.status, entry.reason) == (Status.DISMISSED, "satire, not abuse")


def test_a_correction_is_kept_and_a_report_not_yet_sent_leaves_the_log():
    log = ReportLog()
    log.record(REPLY, REPORTED, "Report it.", "t1")
    log.correct(REPLY, Triage.RESPOND, "t2")
    assert log.correction(REPLY.key) is Triage.RESPOND
    assert log.reports() == []
    sent = Reply("Another", author="@troll")
    log.record(sent, REPORTED, "Report it.", "t1")
    log.set_status(sent.key, Status.REPORTED, "", "t2")
    log.correct(sent, Triage.NO_ACTION, "t3")
    assert [e.key for e in log.reports()] == [sent.key]  # already reported: kept as a record


def test_the_stored_form_round_trips_and_skips_what_it_cannot_read():
    log = ReportLog()
    log.record(REPLY, REPORTED, "Report it.", "t1")
    log.correct(Reply("Thanks"), Triage.THANK, "t1")
    data = log.to_dict()
    data["reports"].append({"key": "", "status": "reported"})
    data["reports"].append({"key": "k2", "status": "lost in the post"})
    data["corrections"]["k3"] = "shout"
    again = ReportLog.from_dict(data)
    assert again.to_dict() == log.to_dict()
    assert ReportLog.from_dict(["not", "a", "log"]).reports() == []


def test_csv_export_has_every_column_and_never_starts_a_formula():
    log = ReportLog()
    log.record(REPLY, REPORTED, '=HYPERLINK("http://evil")', "t1")
    log.record(Reply("-1+1", author="@handle_ok"), REPORTED, "text", "t1")
    rows = list(csv.reader(io.StringIO(export_csv(log.reports()))))
    assert rows[0] == ["time", "author", "link", "text", "clause", "category", "report text", "status",
                       "reason", "changed"]  # fmt: skip
    assert rows[1][:4] == ["2026-03-01 10:00", "@troll", "https://x.com/t/1", "You <b>scum</b>"]
    assert rows[1][6] == '\'=HYPERLINK("http://evil")'
    assert rows[2][1] == "@handle_ok" and rows[2][3] == "'-1+1"
    assert rows[2][0] == "t1"  # no date in the export: when it was logged


def test_html_export_escapes_what_people_wrote():
    log = ReportLog()
    log.record(REPLY, REPORTED, "Report <it>", "t1")
    log.set_status(REPLY.key, Status.DISMISSED, "not <abuse>", "t2")
    page = export_html(log.reports(), now="2026-03-02")
    assert "You &lt;b&gt;scum&lt;/b&gt;" in page and "<b>scum" not in page
    assert "not &lt;abuse&gt;" in page and '<a href="https://x.com/t/1">' in page
    assert "1 dismissed" in page
