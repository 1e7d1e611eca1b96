"""LanguageTool matches -> Findings.

LanguageTool counts offsets in UTF-16 code units (it is Java); our spans are Python
indices (code points), so every offset goes through core.offsets.Utf16Map: an emoji before a
word would otherwise shift the underline by one for each emoji.
"""

from __future__ import annotations

from desktop_app.core.findings import DEFAULT_SEVERITY, Finding, Suggestion
from desktop_app.core.offsets import Utf16Map

RULE_PREFIX = "LanguageTool."
MAX_SUGGESTIONS = 5
WHY_GRAMMAR = "Mistakes distract readers from what we want to say."
WHY_SPELLING = "Spelling mistakes distract readers and make a post look careless."


def is_spelling(match: dict) -> bool:
    rule = match.get("rule") or {}
    category = (rule.get("category") or {}).get("id", "")
    type_name = (match.get("type") or {}).get("typeName", "")
    return rule.get("issueType") == "misspelling" or category == "TYPOS" or type_name == "UnknownWord"


def match_to_finding(text: str, match: dict, utf16: Utf16Map) -> Finding | None:
    """None for a match whose span is outside the text (a stale or broken answer)."""
    try:
        offset, length = int(match["offset"]), int(match["length"])
    except (KeyError, TypeError, ValueError):
        return None
    start, end = utf16.from_utf16(offset), utf16.from_utf16(offset + length)
    if not 0 <= start < end <= len(text):
        return None
    rule = match.get("rule") or {}
    spelling = is_spelling(match)
    category = "spelling" if spelling else "grammar"
    suggestions = []
    for item in (match.get("replacements") or [])[:MAX_SUGGESTIONS]:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, str):
            suggestions.append(Suggestion(value, start, end, value))
    message = str(match.get("message") or match.get("shortMessage") or rule.get("description") or "")
    return Finding(
        start=start,
        end=end,
        text=text[start:end],
        rule=RULE_PREFIX + str(rule.get("id") or "UNKNOWN"),
        category=category,
        severity=DEFAULT_SEVERITY[category],
        message=message,
        why=WHY_SPELLING if spelling else WHY_GRAMMAR,
        suggestions=tuple(suggestions),
        link=str((rule.get("urls") or [{}])[0].get("value", "")) if rule.get("urls") else "",
    )


def to_findings(text: str, payload: dict) -> list[Finding]:
    utf16 = Utf16Map(text)
    findings = []
    for match in payload.get("matches") or []:
        if isinstance(match, dict):
            finding = match_to_finding(text, match, utf16)
            if finding is not None:
                findings.append(finding)
    return findings
