"""The sign-off sheet's data from the window: each chosen network's version as it will be
published, checked for its network (desktop_app/signoff builds the page).

    inputs = sheet_inputs(window, content=None, approver="", when=None)   # GUI thread, cheap
    data = build_sheet_data(inputs)        # runs the checks: call it on a worker
    data = sheet_data(window, ...)         # both at once, blocking (scripts and tests)

The window reads what the sheet needs (the words, the decisions, titles, grammar) in one
cheap snapshot; checking every version of a long draft takes a fifth of a second and waits
for the engine's lock while the editor's own check runs, so it never runs on the GUI thread.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime
from typing import Any


def preparer(window) -> str:
    """Who prepared the post: the name in settings, else the login name."""
    name = str(window.settings.get("your_name") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service)
        return ""


@dataclass(frozen=True)
class SheetInputs:
    """What the sheet needs from the window, copied on the GUI thread so a worker can build
    it while the writer goes on typing."""

    analyzer: Any
    content: Any  # core.approval.Content
    platforms: list
    title: str
    review: Any  # core.review.DraftReview (a copy)
    rules_off: dict
    titles: Any
    pack: str
    prepared_by: str
    approval: Any  # core.approval.Approval still covering `content`, or None
    extra_findings: list
    approver: str = ""
    when: datetime | None = None


def sheet_inputs(window, content=None, *, approver: str = "", when: datetime | None = None) -> SheetInputs:
    publish = window.publish
    content = content if content is not None else publish.content()
    approval = publish.approval
    return SheetInputs(
        analyzer=window.controller.analyzer,
        content=content,
        platforms=publish.platforms(),
        title=window.drafts.title(),
        review=window.review.copy(),
        rules_off=window.rules_off(),
        titles=window.policy,
        pack=window.policy.pack_label,
        prepared_by=preparer(window),
        approval=approval if approval is not None and approval.covers(content) else None,
        extra_findings=list(window.grammar_findings()),
        approver=approver,
        when=when,
    )


def build_sheet_data(inputs: SheetInputs):
    """Check each chosen network's version (the engine's paragraph cache makes an ordinary
    post take milliseconds) and put the sheet together. Safe on any thread."""
    from desktop_app.core.images import image_notes
    from desktop_app.signoff import SheetData, sheet_versions

    analyzer, content, platforms = inputs.analyzer, inputs.content, inputs.platforms
    versions = sheet_versions(
        content, platforms, lambda text, network, thread: analyzer.analyze_version(text, network, thread)
    )
    chosen = [p for p in platforms if p.name in content.networks]
    return SheetData(
        title=inputs.title,
        main_text=content.text,
        versions=versions,
        main_report=None if versions else analyzer.analyze(content.text, platforms=[]),
        review=inputs.review,
        rules_off=inputs.rules_off,
        titles=inputs.titles,
        pack=inputs.pack,
        prepared_by=inputs.prepared_by,
        when=inputs.when,
        approval=inputs.approval,
        approver=inputs.approver,
        images=list(content.images),
        image_notes=image_notes(content.images, chosen),
        extra_findings=inputs.extra_findings,
    )


def sheet_data(window, content=None, *, approver: str = "", when: datetime | None = None):
    """Blocking: the checks run on the calling thread. The window itself uses sheet_inputs
    on the GUI thread and build_sheet_data on a worker."""
    return build_sheet_data(sheet_inputs(window, content, approver=approver, when=when))
