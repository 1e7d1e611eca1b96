"""The sign-off sheet's data from the window: each chosen network's version as it will be
published, checked for its network (desktop_app/signoff builds the page).

    data = sheet_data(window, content=None, approver="", when=None)

Each version is checked on the calling thread through the engine (paragraphs already
checked come from its cache, so an ordinary post takes milliseconds).
"""

from __future__ import annotations

import getpass
from datetime import datetime


def preparer(window) -> str:
    """Who prepared the post: the name in settings, else the login name."""
    name = str(window.settings.get("your_name") or "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service)
        return ""


def sheet_data(window, content=None, *, approver: str = "", when: datetime | None = None):
    from desktop_app.signoff import SheetData, sheet_versions

    publish = window.publish
    content = content if content is not None else publish.content()
    analyzer = window.controller.analyzer
    platforms = publish.platforms()
    versions = sheet_versions(
        content, platforms, lambda text, network, thread: analyzer.analyze_version(text, network, thread)
    )
    approval = publish.approval
    chosen = [p for p in platforms if p.name in content.networks]
    from desktop_app.core.images import image_notes

    return SheetData(
        title=window.drafts.title(),
        main_text=content.text,
        versions=versions,
        main_report=None if versions else analyzer.analyze(content.text, platforms=[]),
        review=window.review.copy(),
        rules_off=window.rules_off(),
        titles=window.policy,
        pack=window.policy.pack_label,
        prepared_by=preparer(window),
        when=when,
        approval=approval if approval is not None and approval.covers(content) else None,
        approver=approver,
        images=list(content.images),
        image_notes=image_notes(content.images, chosen),
        extra_findings=window.grammar_findings(),
    )
