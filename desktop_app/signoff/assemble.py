"""What goes on the sheet from a draft's content: each chosen network's version and its
check, the same way for the window and the command line.

    versions = sheet_versions(content, platforms, check)
        # check(text, network, thread) -> Report: Analyzer.analyze_version
    open_must_fix(data) -> int   # must-fix findings on the sheet that nobody ignored
    too_long_to_sign_off(content) -> str | None   # why a sheet is refused, or None
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop_app.core.approval import Content
from desktop_app.core.findings import Report
from desktop_app.core.limits import MAX_CHECKED
from desktop_app.core.platforms import Platform
from desktop_app.signoff.sheet import NetworkVersion

Check = Callable[[str, str, bool], Report]


def find(platforms: Iterable[Platform], name: str) -> Platform | None:
    return next((p for p in platforms if p.name.lower() == name.lower()), None)


def too_long_to_sign_off(content: Content) -> str | None:
    """Why a sheet for this draft is refused, or None. A sheet checks every network's
    version in full; the editor and the command line check at most MAX_CHECKED characters,
    and a draft far longer (a book opened by mistake) would take minutes per network."""
    texts = [content.text, *(content.text_for(n) for n in content.networks)]
    longest = max(len(t) for t in texts)
    if longest <= MAX_CHECKED:
        return None
    return (
        f"This draft is {longest:,} characters long, and a review checks at most {MAX_CHECKED:,}: "
        "far more than any post. Trim it to the post you mean to publish, then try again."
    )


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
