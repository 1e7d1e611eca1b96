"""The sign-off sheet as HTML: one A4 page for an ordinary post.

    build_sheet_html(SheetData(...)) -> str

What it holds, top to bottom: the verdict (what is open, what must-fix finding was ignored
and the reason given); the post as each network will show it (a thread numbered post by
post, the "See more" fold marked); the findings, open and ignored, with the networks they
concern and the reasons; the principles' states; reading age and network fit; the image
descriptions; the policy pack and version, who prepared it and the approver's line.

The HTML uses only what Qt's rich-text engine and browsers both understand (tables with
attributes, a small style sheet); every piece of writer's text is escaped. Colour is never
the only signal: every state is also a word.
"""

from __future__ import annotations

import html as _html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop_app import APP_NAME, __version__
from desktop_app.core.approval import Approval
from desktop_app.core.findings import (
    CONDUCT_KEY,
    PRINCIPLE_IDS,
    STATE_LABELS,
    Finding,
    PlatformFit,
    Report,
    Severity,
    amount,
    principle_statuses,
)
from desktop_app.core.images import MISSING, Image, ImageNote
from desktop_app.core.platforms import Platform
from desktop_app.core.review import DraftReview, Ignored
from desktop_app.core.versions import fold_at, posts_for, thread_parts

__all__ = ["NetworkVersion", "SheetData", "build_sheet_html", "open_must_fix"]

WORDS_SHOWN = 48  # characters of a finding's words on the sheet (a length finding covers a paragraph)


@dataclass
class NetworkVersion:
    """One chosen network's version and its check."""

    network: str
    text: str
    report: Report  # every finding raised on `text` for this network (ignored ones too)
    platform: Platform | None = None  # for the thread's numbering and the fold
    thread: bool = False


@dataclass
class SheetData:
    title: str
    main_text: str
    versions: list[NetworkVersion]  # one per chosen network, in the draft's order
    main_report: Report | None = None  # shown instead when no network is chosen
    review: DraftReview = field(default_factory=DraftReview)
    rules_off: Mapping[str, str] = field(default_factory=dict)  # rules off in Preferences, with reasons
    titles: Any = None  # "P1".. and clause ids -> titles: a dict, or an object with title(key)
    pack: str = ""  # the policy pack and its version (signoff.pack_label)
    prepared_by: str = ""
    when: datetime | None = None
    approval: Approval | None = None  # recorded in the app and still covering these words
    approver: str = ""  # printed on the approver's line when no approval is recorded
    images: Sequence[Image] = ()
    image_notes: Sequence[ImageNote] = ()
    extra_findings: Sequence[Finding] = ()  # e.g. grammar, found for the main text only


_STYLE = """
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 12pt; margin: 0; }
h2 { font-size: 10.5pt; margin-top: 5pt; margin-bottom: 2pt; }
p { margin-top: 0; margin-bottom: 2pt; }
th { background-color: #e4e4e4; text-align: left; font-weight: bold; }
td, th { vertical-align: top; }
.muted { color: #333; }
.small { font-size: 8.5pt; }
.verdict { font-size: 10pt; }
.network { font-weight: bold; }
.fold { color: #333; font-style: italic; }
.must { font-weight: bold; }
.post { margin-top: 3pt; font-size: 9.5pt; }
"""


def _e(value: Any) -> str:
    return _html.escape(str(value), quote=True)


def _multiline(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def _title_of(titles: Any, key: str | None) -> str:
    if not key:
        return ""
    if isinstance(titles, Mapping):
        title = titles.get(key, "")
    elif titles is not None and callable(getattr(titles, "title", None)):
        title = titles.title(key)
    else:
        title = ""
    return "" if not title or title == key else str(title)


def _home(finding: Finding, titles: Any) -> str:
    key = finding.clause or finding.principle
    if not key:
        return "—"
    title = _title_of(titles, key)
    return f"{key}: {title}" if title else key


def _shorten(words: str, limit: int = WORDS_SHOWN) -> str:
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit)
    return words[: cut if cut > limit // 2 else limit].rstrip() + " …"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass
class _Row:
    finding: Finding
    networks: list[str]
    ignored: Ignored | None


def _rows(data: SheetData) -> list[_Row]:
    """Every finding raised on what will be published, once per words, with the networks it
    concerns and the decision that hides it (if any)."""
    sources: list[tuple[str | None, Report]] = [(v.network, v.report) for v in data.versions]
    if not sources and data.main_report is not None:
        sources = [(None, data.main_report)]
    by_key: dict[tuple, _Row] = {}
    for network, report in sources:
        for finding in report.findings:
            key = (finding.rule, finding.text.casefold(), finding.message)
            row = by_key.get(key)
            if row is None:
                row = by_key[key] = _Row(finding, [], data.review.ignored_by(finding, data.rules_off))
            if network and network not in row.networks:
                row.networks.append(network)
    for finding in data.extra_findings:
        key = (finding.rule, finding.text.casefold(), finding.message)
        if key not in by_key:
            by_key[key] = _Row(finding, [], data.review.ignored_by(finding, data.rules_off))
    return sorted(
        by_key.values(), key=lambda r: (r.ignored is not None, r.finding.severity.rank, r.finding.start)
    )


def _row_order(row: _Row) -> tuple:
    return (row.ignored is not None, row.finding.severity.rank, row.finding.start)


def _verdict(data: SheetData, rows: list[_Row]) -> list[str]:
    """The opening lines: plain words on what stands between this post and approval."""
    titles = data.titles
    open_must = [r for r in rows if r.ignored is None and r.finding.severity is Severity.MUST_FIX]
    ignored_must = [r for r in rows if r.ignored is not None and r.finding.severity is Severity.MUST_FIX]
    undescribed = [n for n in data.image_notes if n.blocks_approval]
    lines = []
    if open_must:
        lines.append(
            f"<b>Not ready to approve: {_count(len(open_must), 'must-fix finding')} "
            f"{'is' if len(open_must) == 1 else 'are'} still open.</b>"
        )
    if ignored_must:
        verb = "was" if len(ignored_must) == 1 else "were"
        lines.append(
            f"<b>{_count(len(ignored_must), 'must-fix finding')} {verb} ignored, not fixed.</b> "
            "Read each reason before you approve:"
        )
        for row in ignored_must:
            reason = row.ignored.reason if row.ignored and row.ignored.reason else "no reason given"
            lines.append(
                f"&nbsp;&nbsp;• “{_e(_shorten(row.finding.text))}” ({_e(_home(row.finding, titles))}). "
                f"Reason given: “{_e(reason)}”"
            )
    if undescribed:
        lines.append(
            f"<b>Not ready to approve: {_count(len(undescribed), 'image')} "
            f"{'has' if len(undescribed) == 1 else 'have'} no description.</b>"
        )
    if not lines:
        lines.append("<b>Ready for sign-off: no must-fix finding is open or ignored.</b>")
    return lines


def _words(version: NetworkVersion) -> tuple[str, ...]:
    """The words a version publishes, whatever the breaks between its posts."""
    parts = thread_parts(version.text) if version.thread else [version.text]
    return tuple(" ".join(parts).split())


def _posts_html(version: NetworkVersion, inline_fold: bool) -> str:
    """The post as it goes out: a thread post by post, numbered; one post with the feed's
    "See more" marked where it falls (when `inline_fold`)."""
    platform = version.platform
    if platform is None:
        return f'<p class="post">{_multiline(version.text.strip()) or "<i>(empty)</i>"}</p>'
    posts = posts_for(version.text, platform, version.thread)
    if not posts:
        return '<p class="post"><i>(empty)</i></p>'
    out = []
    for post in posts:
        body = post.text
        fold = fold_at(body, platform) if inline_fold and len(posts) == 1 else None
        if fold is not None:
            rest = _multiline(body[fold:].lstrip())
            shown = f'{_multiline(body[:fold])} <span class="fold">[See more ▸]</span> {rest}'
        else:
            shown = _multiline(body)
        over = f" <b>(too long for {_e(version.network)})</b>" if post.over else ""
        out.append(f'<p class="post">{shown}{over}</p>')
    return "".join(out)


def _how_shown(version: NetworkVersion, lead: NetworkVersion) -> str:
    """One line on how this network shows the words in the box."""
    platform = version.platform
    name = f"<b>{_e(version.network)}</b>"
    if platform is None:
        return f"{name}: one post."
    posts = posts_for(version.text, platform, version.thread)
    if len(posts) > 1:
        return f"{name}: a thread of {len(posts)} posts, numbered as below."
    fold = fold_at(posts[0].text, platform) if posts else None
    if fold is None:
        return f"{name}: one post, shown whole."
    if version is lead:
        return f"{name}: one post; the feed shows the words before [See more ▸]."
    visible = _shorten(posts[0].text[:fold], 90)
    return f"{name}: one post; the feed shows “{_e(visible)}” then See more."


def _posts_section(data: SheetData) -> list[str]:
    out = ["<h2>The post as each network will show it</h2>"]
    if not data.versions:
        out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%"><tr><td>')
        out.append(f'<p class="post">{_multiline(data.main_text.strip()) or "<i>(empty)</i>"}</p>')
        out.append('<p class="small muted">No network chosen for this post.</p></td></tr></table>')
        return out
    # Networks that publish the same words share one box: the words are shown once (as a
    # thread if one of them threads them), and a line says how each network shows them.
    groups: dict[tuple[str, ...], list[NetworkVersion]] = {}
    for version in data.versions:
        groups.setdefault(_words(version), []).append(version)
    out.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    for members in groups.values():
        lead = next((v for v in members if v.thread), members[0])
        folded_lead = not lead.thread
        lines = "".join(f'<p class="small">{_how_shown(v, lead)}</p>' for v in members)
        out.append(f"<tr><td>{lines}{_posts_html(lead, folded_lead)}</td></tr>")
    out.append("</table>")
    return out


def _findings_section(data: SheetData, rows: list[_Row]) -> list[str]:
    shown_networks = [v.network for v in data.versions]
    open_rows = [r for r in rows if r.ignored is None]
    fixed = data.review.still_fixed(_raised(data))
    out = [
        f"<h2>Findings: {len(open_rows)} open, {len(rows) - len(open_rows)} ignored, {len(fixed)} fixed</h2>"
    ]
    if fixed:
        words = "; ".join(f"“{_e(_shorten(str(d.get('text', ''))))}”" for d in fixed)
        out.append(f'<p class="small">Fixed with a suggested rewrite: {words}</p>')
    if not rows:
        out.append("<p>No findings: every check passed.</p>")
        return out
    out.append('<table class="small" border="1" cellspacing="0" cellpadding="2" width="100%">')
    out.append(
        '<tr><th width="12%">Level</th><th width="21%">Words</th><th width="49%">What to change</th>'
        '<th width="18%">Status</th></tr>'
    )
    for row in rows:
        f = row.finding
        level = f.severity.label
        css = ' class="must"' if f.severity is Severity.MUST_FIX else ""
        words = _e(_shorten(f.text))
        if row.networks and len(shown_networks) > 1 and len(row.networks) < len(shown_networks):
            words += f'<br><span class="muted">{_e(", ".join(row.networks))} only</span>'
        if row.ignored is None:
            status = "Open"
        else:
            reason = row.ignored.reason or "no reason given"
            scope = "Rule turned off" if row.ignored.scope == "rule" else "Ignored"
            status = f"<b>{scope}</b>: {_e(reason)}"
        home = ", ".join(part for part in (f.principle, "conduct" if f.is_conduct else "") if part)
        level_cell = f"<span{css}>{_e(level)}</span>" + (f"<br>{_e(home)}" if home else "")
        out.append(f"<tr><td>{level_cell}</td><td>{words}</td><td>{_e(f.message)}</td><td>{status}</td></tr>")
    out.append("</table>")
    return out


def _raised(data: SheetData) -> list[Finding]:
    found = [f for v in data.versions for f in v.report.findings]
    if data.main_report is not None:
        found.extend(data.main_report.findings)
    return [*found, *data.extra_findings]


def _principles_section(data: SheetData, rows: list[_Row]) -> list[str]:
    """One line per state: the principles that need something first, with their titles; the
    clear ones by number."""
    titles = {key: _title_of(data.titles, key) for key in (*PRINCIPLE_IDS, CONDUCT_KEY)}
    states = principle_statuses([r.finding for r in rows if r.ignored is None], titles)
    ignored = principle_statuses([r.finding for r in rows if r.ignored is not None], titles)
    by_state: dict[str, list[str]] = {"must-fix": [], "advice": [], "clear": []}
    for key in (*PRINCIPLE_IDS, CONDUCT_KEY):
        status = states[key]
        if key == CONDUCT_KEY:
            name = titles[key] or "Conduct policy"
        else:
            name = key if status.state == "clear" or not titles[key] else f"{key} {titles[key]}"
        notes = []
        if status.count:
            notes.append(f"{status.count} open")
        if ignored[key].count:
            notes.append(f"{ignored[key].count} ignored")
        by_state[status.state].append(_e(name) + (f" ({', '.join(notes)})" if notes else ""))
    out = ["<h2>Principles</h2>"]
    for state in ("must-fix", "advice", "clear"):
        if by_state[state]:
            css = ' class="must"' if state == "must-fix" else ""
            out.append(f"<p><span{css}>{STATE_LABELS[state]}:</span> {'; '.join(by_state[state])}</p>")
    return out


def _fit_words(version: NetworkVersion) -> str:
    platform = version.platform
    fits: list[PlatformFit]
    if platform is not None and version.thread:
        fits = [post.fit for post in posts_for(version.text, platform, True)]
    else:
        fits = [f for f in version.report.platforms if f.name.lower() == version.network.lower()]
    if not fits:
        return f"{_e(version.network)}: not measured"
    over = [f for f in fits if f.over]
    limit = fits[0].limit
    if len(fits) > 1:
        longest = max(f.length for f in fits)
        words = f"thread of {len(fits)}, longest {longest:,}/{limit:,}"
        if over:
            words += f", <b>{_count(len(over), 'post')} over the limits</b>"
        return f"{_e(version.network)}: {words}"
    fit = fits[0]
    shown = f"{fit.length:,}" + ("" if fit.limit is None else f"/{fit.limit:,}")
    if fit.over:
        excess, unit = fit.over_by()
        shown += f" <b>over by {amount(excess, unit)}</b>"
    return f"{_e(version.network)}: {shown}"


def _measures_section(data: SheetData) -> list[str]:
    out = []
    ages = []
    seen = set()
    sources = [(v.network, v.report) for v in data.versions] or [("", data.main_report)]
    for network, report in sources:
        r = report.readability if report is not None else None
        if r is None:
            continue
        age = "too short to score" if r.reading_age is None else f"{r.reading_age:g}"
        key = (age, r.hard, r.very_hard)  # a thread's breaks may count as words; the age is the same
        if key in seen:
            continue
        seen.add(key)
        hard = _count(r.hard, "hard sentence")
        ages.append((network, f"<b>{_e(age)}</b>: {r.words} words, {hard}, {r.very_hard} very hard"))
    target = next(
        (rep.readability.target_age for _n, rep in sources if rep is not None and rep.readability), None
    )
    if ages:
        target_words = f" (target {target:g})" if target is not None else ""
        if len(ages) == 1:
            shown = ages[0][1]
        else:  # the versions read differently: say which is which
            shown = "; ".join(f"{_e(network)} {words}" for network, words in ages)
        out.append(f"<p><b>Reading age</b>{target_words}: {shown}</p>")
    if data.versions:
        out.append("<p><b>Network fit</b>: " + " · ".join(_fit_words(v) for v in data.versions) + "</p>")
    return out


def _images_section(data: SheetData) -> list[str]:
    if not data.images:
        return []
    notes: dict[int, list[str]] = {}
    for note in data.image_notes:
        if note.kind != MISSING:  # the line says so already
            notes.setdefault(note.image, []).append(note.message)
    out = ["<h2>Images</h2>"]
    for i, image in enumerate(data.images):
        name = image.name.replace("\\", "/").rsplit("/", 1)[-1]
        description = (
            f"“{_e(image.description.strip())}”" if image.description.strip() else "<b>no description</b>"
        )
        extra = "".join(f' <span class="muted">({_e(m)})</span>' for m in notes.get(i, []))
        out.append(f"<p>{i + 1}. {_e(name)}: {description}{extra}</p>")
    return out


def open_must_fix(data: SheetData) -> int:
    """Must-fix findings on the sheet that nobody ignored (the command line's exit code)."""
    return sum(1 for r in _rows(data) if r.ignored is None and r.finding.severity is Severity.MUST_FIX)


def build_sheet_html(data: SheetData) -> str:
    when = (data.when or datetime.now()).astimezone()
    stamp = f"{when.day} {when.strftime('%B %Y, %H:%M')}"
    rows = _rows(data)
    out: list[str] = []
    add = out.append
    add("<!DOCTYPE html>")
    add('<html lang="en-GB"><head><meta charset="utf-8">')
    add(f"<title>Sign-off: {_e(data.title or 'draft post')}</title>")
    add(f"<style>{_STYLE}</style></head><body>")
    add(f"<h1>Sign-off sheet: {_e(_shorten(data.title or 'draft post', 44))}</h1>")
    by = f" by {_e(data.prepared_by)}" if data.prepared_by else ""
    meta = [f"<b>Prepared</b>{by} on {_e(stamp)}", f"<b>Policy pack:</b> {_e(data.pack or 'not recorded')}"]
    add(f'<p class="muted">{" · ".join(meta)}</p>')
    for line in _verdict(data, rows):
        add(f'<p class="verdict">{line}</p>')
    out.extend(_posts_section(data))
    out.extend(_findings_section(data, rows))
    out.extend(_principles_section(data, rows))
    out.extend(_measures_section(data))
    out.extend(_images_section(data))
    add("<h2>Approval</h2>")  # (kept: it is what the page is for)
    add(
        '<p class="small">The conduct policy applies to every post. A writer may ignore one finding '
        "with a reason, which this sheet shows; the policy itself can only be changed by the "
        "organisation's policy pack.</p>"
    )
    approval = data.approval
    if approval is not None:
        approved_at = approval.when.astimezone()
        add(
            f"<p><b>Approved in {_e(APP_NAME)}</b> by {_e(approval.by)} on "
            f"{approved_at.day} {_e(approved_at.strftime('%B %Y, %H:%M'))}, against {_e(approval.pack)}.</p>"
        )
    who = _e(data.approver) if data.approver else "_" * 30
    add('<table cellspacing="0" cellpadding="2" width="100%">')
    add(f"<tr><td>Approved by: {who}</td><td>Signature: {'_' * 26}</td><td>Date: {'_' * 14}</td></tr>")
    add("</table>")
    add(f'<p class="small muted">Made with {_e(APP_NAME)} {_e(__version__)}.</p>')
    add("</body></html>")
    return "\n".join(out)
