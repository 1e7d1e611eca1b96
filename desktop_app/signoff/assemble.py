"""What goes on the sheet from a draft's content: each chosen network's version and its
check, the same way for the window and the command line.

    versions = sheet_versions(content, platforms, check)
        # check(text, network, thread) -> Report: Analyzer.analyze_version
    open_must_fix(data) -> int   # must-fix findings on the sheet that nobody ignored
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop_app.core.approval import Content
from desktop_app.core.findings import Report
from desktop_app.core.platforms import Platform
from desktop_app.signoff.sheet import NetworkVersion

Check = Callable[[str, str, bool], Report]


def find(platforms: Iterable[Platform], name: str) -> Platform | None:
    return next((p for p in platforms if p.name.lower() == name.lower()), None)


def sheet_versions(content: Content, platforms: Iterable[Platform], check: Check) -> list[NetworkVersion]:
    """One NetworkVersion per chosen network, in the draft's order. A network the pack does
    not know is still shown (its words, no numbering or fold)."""
    platforms = list(platforms)
    out = []
    for network in content.networks:
        version = content.version(network)
        thread = bool(version and version.thread)
        text = content.text_for(network)
        report = check(text, network, thread)
        out.append(NetworkVersion(network, text, report, find(platforms, network), thread))
    return out
