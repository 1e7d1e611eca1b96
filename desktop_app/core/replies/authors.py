"""Authors who keep abusing: repeated reports in one set, and the do-not-amplify list.

author_key(author) -> str                      how two spellings of one account compare
repeat_authors(pairs, minimum) -> [(author, count)]   most reports first
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.replies.judge import Triage


def author_key(author: str) -> str:
    """'@Name', 'name ' and '@name' are one account; '' for no author."""
    parts = author.strip().split()
    return parts[0].lstrip("@").lower() if parts else ""


def repeat_authors(pairs: Iterable[tuple[str, Triage]], minimum: int = 2) -> list[tuple[str, int]]:
    """Authors with at least `minimum` replies to report, as first written, most first."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for author, triage in pairs:
        key = author_key(author)
        if not key or triage is not Triage.REPORT:
            continue
        counts[key] = counts.get(key, 0) + 1
        shown.setdefault(key, author.strip())
    found = [(shown[k], n) for k, n in counts.items() if n >= max(1, minimum)]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].lower()))


def as_list_entry(author: str) -> str:
    """The line a do-not-amplify list holds for an author: '@name'."""
    key = author_key(author)
    return f"@{key}" if key else ""
