"""A review of a draft for sign-off, as HTML and as PDF, and one-click copy of the post.

The HTML is plain and printable and uses only what both browsers and Qt's rich-text
engine understand (tables with border attributes, a small style sheet), so the PDF,
made by Qt's own writer from the same HTML, looks like the HTML file. Every piece of
user text is escaped. Colour is never the only signal: every state is also a word.

    html = build_review_html(text, report, ignored=draft.ignored, fixed=fixed_findings,
                             titles=window.policy, approver="", when=None)
    export_html(path, html)   # or export_pdf(path, html); both raise WriteFailed
    copy_post_to_clipboard(text)
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app import APP_NAME, __version__
from desktop_app.core.findings import CONDUCT_KEY, PRINCIPLE_IDS, STATE_LABELS, Finding, Report, Severity
from desktop_app.storage.atomic import WriteFailed, write_bytes_atomic, write_text_atomic

PDF_DPI = 300

__all__ = [
    "WriteFailed",
    "build_review_html",
    "copy_post_to_clipboard",
    "export_html",
    "export_pdf",
    "suggested_filename",
]

_STYLE = """
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 14pt; margin-bottom: 4pt; }
table { border-collapse: collapse; }
th { background-color: #e8e8e8; text-align: left; }
td, th { vertical-align: top; }
.post { font-size: 11pt; white-space: pre-wrap; }
.muted { color: #444; }
.must-fix { font-weight: bold; }
.signoff td { padding-top: 14pt; }
"""


def _e(value: Any) -> str:
    return _html.escape(str(value), quote=True)


def _multiline(text: str) -> str:
    # Escaped, with line breaks kept (Qt's rich text and browsers both honour <br>).
    return "<br>".join(_e(line) for line in text.split("\n"))


def _get(item: Any, name: str, default: str = "") -> str:
    value = item.get(name, default) if isinstance(item, Mapping) else getattr(item, name, default)
    return "" if value is None else str(value)


def _as_finding(item: Any) -> dict:
    """A Finding or its to_dict() as one plain dict."""
    data = item.to_dict() if isinstance(item, Finding) else dict(item)
    data.setdefault("severity", "advice")
    return data


def _label(data: Mapping, titles: Mapping[str, str]) -> str:
    """'P6 Criticise policy, not people' or 'C-abuse Abuse': the number and the title."""
    key = data.get("clause") or data.get("principle")
    if not key:
        return "—"
    title = titles.get(key, "")
    return f"{key}: {title}" if title and title != key else str(key)


class _Titles(dict):
    # A dict that asks a PolicyInfo-like object for keys it does not hold.
    def __init__(self, source: Any):
        super().__init__()
        self._source = source

    def __missing__(self, key: str) -> str:
        title = self._source.title(key) if self._source is not None else ""
        return "" if title in (None, key) else str(title)

    def get(self, key, default=""):
        return self[key] if key in self or self._source is not None else default


def _titles(source: Any, report: Report) -> _Titles:
    if isinstance(source, Mapping):
        titles = _Titles(None)
        titles.update(source)
    else:
        titles = _Titles(source if callable(getattr(source, "title", None)) else None)
    for key, status in report.principles.items():
        if key not in titles and status.title != key:
            titles[key] = status.title
    return titles


def _is_ignored(data: Mapping, ignored: list) -> Any:
    for item in ignored:
        if _get(item, "rule") != data.get("rule"):
            continue
        words = _get(item, "words")
        if not words or words.casefold() == str(data.get("text", "")).casefold():
            return item
    return None


def _severity_word(value: str) -> str:
    try:
        return Severity(value).label
    except ValueError:
        return str(value)


def build_review_html(
    draft_text: str,
    report: Report,
    *,
    ignored: Iterable[Any] = (),
    fixed: Iterable[Any] = (),
    titles: Mapping[str, str] | Any = None,
    approver: str | None = None,
    when: datetime | None = None,
    draft_title: str | None = None,
    networks: Iterable[str] = (),
) -> str:
    """The review as a complete HTML document.

    ignored: what the writer chose to ignore (storage.drafts.IgnoredFinding, or dicts with
        rule, words, reason); a finding in the report with the same rule (and words) is
        marked Ignored with the reason, and any that the report no longer holds are listed too.
    fixed: findings raised earlier and since fixed (Finding objects or their to_dict()).
    titles: "P1".."P10" and clause ids ("C-abuse") to their short titles: a dict, or an
        object with a title(key) method such as ui.policy_info.PolicyInfo.
    """
    titles = _titles(titles, report)
    ignored = list(ignored)
    when = (when or datetime.now()).astimezone()
    stamp = f"{when.day} {when.strftime('%B %Y, %H:%M')}"

    rows: list[tuple[dict, str, str]] = []  # (finding, status word, status detail)
    matched: set[int] = set()
    for finding in sorted(report.findings, key=lambda f: (f.severity.rank, f.start)):
        data = _as_finding(finding)
        hit = _is_ignored(data, ignored)
        if hit is not None:
            matched.add(id(hit))
            reason = _get(hit, "reason") or "no reason given"
            rows.append((data, "Ignored", reason))
        else:
            rows.append((data, "Open", ""))
    for item in ignored:
        if id(item) not in matched:
            data = {"rule": _get(item, "rule"), "text": _get(item, "words"), "severity": ""}
            rows.append((data, "Ignored", _get(item, "reason") or "no reason given"))
    for item in fixed:
        rows.append((_as_finding(item), "Fixed", ""))

    open_must_fix = sum(1 for d, s, _ in rows if s == "Open" and d.get("severity") == Severity.MUST_FIX.value)
    counts = {word: sum(1 for _, s, _ in rows if s == word) for word in ("Open", "Ignored", "Fixed")}

    out: list[str] = []
    add = out.append
    add("<!DOCTYPE html>")
    add('<html lang="en-GB"><head><meta charset="utf-8">')
    add(f"<title>Review: {_e(draft_title or 'draft post')}</title>")
    add(f"<style>{_STYLE}</style></head><body>")
    add("<h1>Review of a draft post</h1>")
    meta = [f"<b>Prepared:</b> {_e(stamp)}"]
    if draft_title:
        meta.insert(0, f"<b>Draft:</b> {_e(draft_title)}")
    networks = [n for n in networks if n]
    if networks:
        meta.append(f"<b>For:</b> {_e(', '.join(networks))}")
    add(f'<p class="muted">{" &nbsp;·&nbsp; ".join(meta)}</p>')

    if open_must_fix:
        noun = "finding is" if open_must_fix == 1 else "findings are"
        verdict = f"Not ready to approve: {open_must_fix} must-fix {noun} still open."
    else:
        verdict = "No must-fix finding is open."
    add(
        f"<p><b>{_e(verdict)}</b> {counts['Open']} open, {counts['Ignored']} ignored, "
        f"{counts['Fixed']} fixed.</p>"
    )

    add("<h2>The post as it will appear</h2>")
    add('<table class="post" border="1" cellspacing="0" cellpadding="8" width="100%">')
    add(f'<tr><td class="post">{_multiline(draft_text) or "<i>(empty)</i>"}</td></tr></table>')
    chars = len(draft_text)
    add(f'<p class="muted">{chars} character{"s" if chars != 1 else ""}.</p>')

    add("<h2>Findings</h2>")
    if rows:
        add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
        add(
            '<thead><tr><th>#</th><th>Level</th><th>Words</th><th width="19%">Principle or clause</th>'
            '<th width="33%">What and why</th><th width="17%">Status</th></tr></thead><tbody>'
        )
        for number, (data, status, detail) in enumerate(rows, start=1):
            level = _severity_word(data.get("severity", "")) if data.get("severity") else "—"
            css = ' class="must-fix"' if data.get("severity") == Severity.MUST_FIX.value else ""
            what = _e(data.get("message") or f"Rule {data.get('rule', '')}")
            if data.get("why"):
                what += f"<br><i>Why:</i> {_e(data['why'])}"
            if data.get("rule"):
                what += f'<br><span class="muted">Rule: {_e(data["rule"])}</span>'
            status_html = f"<b>{_e(status)}</b>"
            if detail:
                status_html += f"<br>Reason: {_e(detail)}"
            add(
                f"<tr><td>{number}</td><td{css}>{_e(level)}</td><td>{_e(data.get('text', ''))}</td>"
                f"<td>{_e(_label(data, titles))}</td><td>{what}</td><td>{status_html}</td></tr>"
            )
        add("</tbody></table>")
    else:
        add("<p>No findings: the draft meets every check.</p>")

    add("<h2>Principles checklist</h2>")
    add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    add("<thead><tr><th>Principle</th><th>Title</th><th>State</th><th>Findings</th></tr></thead><tbody>")
    for key in (*PRINCIPLE_IDS, CONDUCT_KEY):
        status = report.principles.get(key)
        name = "Conduct" if key == CONDUCT_KEY else key
        title = titles.get(key, "")
        title = "" if title == key else title
        if key == CONDUCT_KEY and title in ("", CONDUCT_KEY):
            title = "Conduct policy"
        state = STATE_LABELS.get(status.state, status.state) if status else "Not checked"
        count = str(status.count) if status else "—"
        css = ' class="must-fix"' if status and status.state == "must-fix" else ""
        add(f"<tr><td>{_e(name)}</td><td>{_e(title)}</td><td{css}>{_e(state)}</td><td>{_e(count)}</td></tr>")
    add("</tbody></table>")

    add("<h2>Readability</h2>")
    r = report.readability
    if r is None:
        add("<p>Not measured.</p>")
    else:
        age = "too short to score" if r.reading_age is None else f"{r.reading_age:g}"
        add(
            "<p>"
            f"Reading age: <b>{_e(age)}</b> (target {r.target_age:g}). "
            f"{r.words} words in {r.sentences} sentence{'s' if r.sentences != 1 else ''}; "
            f"{r.hard} hard and {r.very_hard} very hard sentence{'s' if r.very_hard != 1 else ''}. "
            f"Reading time about {r.reading_time_seconds} seconds."
            "</p>"
        )

    add("<h2>Platform fit</h2>")
    if report.platforms:
        add('<table border="1" cellspacing="0" cellpadding="4">')
        add("<thead><tr><th>Network</th><th>Length</th><th>Limit</th><th>Fit</th></tr></thead><tbody>")
        for p in report.platforms:
            limit = "none" if p.limit is None else str(p.limit)
            excess, unit = p.over_by()
            fit = f"Over by {excess:,} {unit}" if p.over else "Fits"
            css = ' class="must-fix"' if p.over else ""
            add(f"<tr><td>{_e(p.name)}</td><td>{p.length}</td><td>{limit}</td><td{css}>{_e(fit)}</td></tr>")
        add("</tbody></table>")
    else:
        add("<p>No networks chosen.</p>")

    add("<h2>Sign-off</h2>")
    who = _e(approver) if approver else "_" * 32
    add('<table class="signoff" cellspacing="0" cellpadding="4" width="100%">')
    add(f"<tr><td>Approved by: {who}</td><td>Date: {'_' * 20}</td></tr>")
    add(f"<tr><td>Signature: {'_' * 32}</td><td></td></tr></table>")
    add(f'<p class="muted">Prepared with {_e(APP_NAME)} {_e(__version__)}.</p>')
    add("</body></html>")
    return "\n".join(out)


def suggested_filename(draft_title: str, when: datetime | None = None, suffix: str = ".pdf") -> str:
    """'review-2026-11-24-launch-post.pdf': safe on every file system."""
    when = when or datetime.now()
    slug = "".join(ch if ch.isalnum() else "-" for ch in draft_title.casefold())
    slug = "-".join(part for part in slug.split("-") if part)[:40].strip("-") or "draft"
    return f"review-{when:%Y-%m-%d}-{slug}{suffix}"


def export_html(path: Path, html: str) -> None:
    """Write the review as an HTML file (atomic; WriteFailed with a plain reason)."""
    write_text_atomic(Path(path), html, private=False)  # a file the user asked for


def export_pdf(path: Path, html: str, *, title: str = "Review of a draft post") -> None:
    """Write the review as an A4 PDF with Qt's own PDF writer (needs a QGuiApplication)."""
    pdf = render_pdf(html, title=title)
    write_bytes_atomic(Path(path), pdf, private=False)


def render_pdf(html: str, *, title: str = "Review of a draft post") -> bytes:
    """The PDF bytes of `html`, laid out on A4 with 15 mm margins.

    The text is laid out for the PDF itself (its 300 dpi, its page), so a 9 pt font prints
    at 9 pt; laid out for the screen and scaled, it came out half as large again and a
    short post ran to several pages. Lines break between words only: Qt's default breaks
    inside a word that does not fit a narrow column ("spineles s")."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import (
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    if QGuiApplication.instance() is None:
        raise RuntimeError("export_pdf needs a running QGuiApplication (for fonts).")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    document.print_(writer)  # lays out pages and finishes the PDF
    del writer
    buffer.close()
    return bytes(data)


def copy_post_to_clipboard(text: str) -> None:
    """Put the final post on the clipboard, exactly as written."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(text)
