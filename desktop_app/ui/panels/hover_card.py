"""The hover card: the same content as a finding's card, as tooltip rich text."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from desktop_app.core.findings import Finding
from desktop_app.ui.panels.finding_card import quoted, serves, suggestion_label


def card_html(f: Finding, c: dict[str, str], title: Callable[[str | None], str]) -> str:
    """Rich text for the tooltip shown when the mouse rests on an underline."""

    colour = c[f.severity.value]
    principle = escape(serves(f, title)).replace("\n", "<br>")
    parts = [
        f"<div style='max-width:360px'><span style='color:{colour}; font-weight:600'>● "
        f"{f.severity.label}</span>",
        f"<br><span style='color:{c['muted']}'>{principle}</span>",
        f"<p style='margin:6px 0'><b>{escape(quoted(f.text, 60))}</b><br>{escape(f.message)}</p>",
    ]
    if f.why:
        parts.append(f"<p style='color:{c['muted']}; margin:0 0 6px 0'>{escape(f.why)}</p>")
    if f.suggestions:
        labels = " · ".join(escape(suggestion_label(f, s)) for s in f.suggestions[:4])
        parts.append(
            f"<p style='margin:0'>Try: <b>{labels}</b><br>"
            f"<span style='color:{c['muted']}'>Ctrl+. applies the first</span></p>"
        )
    return "".join(parts) + "</div>"
