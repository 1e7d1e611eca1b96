"""The words in the status bar for the grammar lane's state (no Qt, no grammar imports:
the window needs them before the lane has even loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import GrammarState


# The service's words for a spelling process that kept dying (grammar/service.py SPELLING_STOPPED).
SPELLING_STOPPED = "offline spelling stopped"


def status_words(state: GrammarState) -> str:
    """'Grammar: ready (LanguageTool at …)', 'Grammar: offline spelling only', ..."""
    detail = state.detail or ""
    stopped = SPELLING_STOPPED in detail
    if state.state == "ready":
        where = detail.split(";")[0].removesuffix(": ready").strip()
        words = f"Grammar: ready ({where})" if where else "Grammar: ready"
        return f"{words} — spelling stopped" if stopped else words
    if state.state == "starting":
        return "Grammar: starting…"
    if state.state == "checking":
        return "Grammar: checking…"
    if state.state == "unavailable":
        if stopped:
            return "Grammar: off — spelling stopped"
        # Offline spelling goes on without LanguageTool; say so rather than "off".
        off = "Grammar: spelling only" if "offline spelling only" in detail else "Grammar: off"
        if "not installed" in detail:
            return f"{off} — LanguageTool not installed"
        if "no Java" in detail:
            return f"{off} — Java not found"
        if "no spelling" in detail:
            return "Grammar: unavailable"
        # a server that is down or timed out: spelling still works on this computer
        return "Grammar: offline spelling only"
    return "Grammar: off"


def status_detail(state: GrammarState) -> str:
    """The tooltip: the lane's own explanation, or the label's words."""
    return state.detail or status_words(state)
