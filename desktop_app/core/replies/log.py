"""The report log: every reply sorted as one to report, what became of it, and the user's
corrections to the sorting, kept between sessions (storage/replies.py writes it).

    ReportLog.record(reply, verdict, report_text, now)   a reply to report (kept once per reply)
    ReportLog.set_status(key, status, reason, now)       reported, or dismissed with a reason
    ReportLog.correct(reply, triage, now) / correction(key)
    ReportLog.to_dict() / ReportLog.from_dict(data)
    export_csv(entries) / export_html(entries, title, now)
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

from desktop_app.core.replies.judge import Triage, Verdict
from desktop_app.core.replies.sources import Reply

FORMAT = 1


class Status(StrEnum):
    TO_REPORT = "to report"
    REPORTED = "reported"
    DISMISSED = "dismissed"


class ReasonRequired(ValueError):
    """Dismissing a report needs a reason (the log is for the party's reporting channel)."""


@dataclass(frozen=True)
class LogEntry:
    key: str
    time: str  # when the reply was written, as its export gave it ("" when unknown)
    author: str
    link: str
    text: str
    clause: str
    category: str
    report_text: str
    status: Status = Status.TO_REPORT
    reason: str = ""  # why it was dismissed
    logged: str = ""  # ISO time it entered the log
    changed: str = ""  # ISO time of the last status change

    def to_dict(self) -> dict:
        data = asdict(self)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> LogEntry | None:
        try:
            fields = {name: str(data.get(name) or "") for name in cls.__dataclass_fields__}
            fields["status"] = Status(data.get("status") or Status.TO_REPORT)
        except (TypeError, ValueError, AttributeError):
            return None
        return cls(**fields) if fields["key"] else None


class ReportLog:
    def __init__(self):
        self.entries: dict[str, LogEntry] = {}
        self.corrections: dict[str, Triage] = {}

    # ----- the replies to report -----
    def record(self, reply: Reply, verdict: Verdict, report_text: str, now: str) -> LogEntry | None:
        """Log a reply sorted as one to report (once: seeing it again keeps its status)."""
        if verdict.triage is not Triage.REPORT:
            return None
        found = self.entries.get(reply.key)
        if found is not None:
            return found
        entry = LogEntry(
            key=reply.key,
            time=reply.date.strip(),
            author=reply.author.strip(),
            link=reply.link.strip(),
            text=reply.text,
            clause=verdict.clause or "",
            category=verdict.category or "",
            report_text=report_text,
            logged=now,
            changed=now,
        )
        self.entries[reply.key] = entry
        return entry

    def set_status(self, key: str, status: Status, reason: str, now: str) -> LogEntry:
        entry = self.entries[key]
        reason = " ".join(reason.split())
        if status is Status.DISMISSED and not reason:
            raise ReasonRequired("Say why this report is dismissed.")
        kept = reason if status is Status.DISMISSED else ""
        updated = replace(entry, status=status, reason=kept, changed=now)
        self.entries[key] = updated
        return updated

    def reports(self) -> list[LogEntry]:
        return list(self.entries.values())

    # ----- corrections -----
    def correct(self, reply: Reply, triage: Triage, now: str) -> None:
        """The user says this reply is `triage`. A report not yet sent leaves the log when
        it is corrected away; one already reported or dismissed stays, as a record."""
        self.corrections[reply.key] = triage
        entry = self.entries.get(reply.key)
        if triage is not Triage.REPORT and entry is not None and entry.status is Status.TO_REPORT:
            del self.entries[reply.key]

    def correction(self, key: str) -> Triage | None:
        return self.corrections.get(key)

    def forget_correction(self, key: str) -> None:
        self.corrections.pop(key, None)

    # ----- stored form -----
    def snapshot(self) -> ReportLog:
        """A copy to hand to another thread: the entries are frozen, so copying the two
        dicts is enough (to_dict over thousands of entries is the writer's job)."""
        copy = ReportLog()
        copy.entries = dict(self.entries)
        copy.corrections = dict(self.corrections)
        return copy

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "reports": [e.to_dict() for e in self.entries.values()],
            "corrections": {k: t.value for k, t in self.corrections.items()},
        }

    @classmethod
    def from_dict(cls, data: object) -> ReportLog:
        """A log from its stored form; entries that cannot be read are left out."""
        log = cls()
        if not isinstance(data, dict):
            return log
        for item in data.get("reports") or []:
            entry = LogEntry.from_dict(item) if isinstance(item, dict) else None
            if entry is not None:
                log.entries[entry.key] = entry
        corrections = data.get("corrections")
        if isinstance(corrections, dict):
            for key, value in corrections.items():
                try:
                    log.corrections[str(key)] = Triage(value)
                except ValueError:
                    continue
        return log


# --- export -------------------------------------------------------------------------------

COLUMNS = (
    "time", "author", "link", "text", "clause", "category", "report text", "status", "reason", "changed",
)  # fmt: skip
_HARMLESS_HANDLE = re.compile(r"@[\w.]+")


def _row(e: LogEntry) -> list[str]:
    return [e.time or e.logged, e.author, e.link, e.text, e.clause, e.category, e.report_text,
            e.status.value, e.reason, e.changed]  # fmt: skip


def _safe_cell(value: str) -> str:
    """A spreadsheet must not run a cell as a formula (=, +, -, @ at the start); a bare
    @handle cannot do anything and stays as it is."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _HARMLESS_HANDLE.fullmatch(value):
        return "'" + value
    return value


def export_csv(entries: Iterable[LogEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in entries:
        writer.writerow([_safe_cell(cell) for cell in _row(e)])
    return out.getvalue()


_STATUS_CLASS = {Status.TO_REPORT: "open", Status.REPORTED: "reported", Status.DISMISSED: "dismissed"}


def export_html(entries: Iterable[LogEntry], title: str = "Report log", now: str = "") -> str:
    entries = list(entries)
    e = html.escape
    rows = []
    for entry in entries:
        cells = _row(entry)
        link = cells[2]
        if link.startswith(("https://", "http://")):
            cells_html = [e(c) for c in cells]
            cells_html[2] = f'<a href="{e(link)}">{e(link)}</a>'
        else:
            cells_html = [e(c) for c in cells]
        status = cells_html[7] + (f"<br><small>{cells_html[8]}</small>" if entry.reason else "")
        shown = [*cells_html[:7], status, cells_html[9]]
        rows.append(
            f'<tr class="{_STATUS_CLASS[entry.status]}">' + "".join(f"<td>{c}</td>" for c in shown) + "</tr>"
        )
    counts = {s: sum(1 for x in entries if x.status is s) for s in Status}
    summary = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "no reports"
    head = "".join(f"<th>{e(c)}</th>" for c in (*COLUMNS[:8], COLUMNS[9]))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>"
        "body{font-family:sans-serif;margin:2em;color:#1b1b1b}"
        "table{border-collapse:collapse;width:100%;font-size:0.9em}"
        "th,td{border:1px solid #bbb;padding:0.4em;vertical-align:top;text-align:left}"
        "th{background:#eee}tr.dismissed{color:#666}tr.reported td:nth-child(8){color:#1a5e20}"
        "</style></head><body>"
        f"<h1>{e(title)}</h1><p>{e(summary)}{' · exported ' + e(now) if now else ''}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>\n"
    )
