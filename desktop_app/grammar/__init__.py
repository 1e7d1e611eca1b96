"""Grammar and spelling: the LanguageTool lane and offline British spelling."""

from __future__ import annotations

from desktop_app.core.findings import Finding, GrammarState


def check_for_cli(text: str) -> tuple[list[Finding], GrammarState]:
    """Grammar and spelling findings for the `check --grammar` command.

    Blocking; used by the command line only. The GUI uses its own non-blocking lane.
    """
    return [], GrammarState("off", "Grammar checking is not available yet.")
