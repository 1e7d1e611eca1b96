"""Grammar and spelling: the LanguageTool lane and offline British spelling.

Qt-free. The GUI wraps GrammarService in ui/grammar/lane.py; the command line calls
check_for_cli. See service.py for states, merge.py for how the two spell checkers agree.
"""

from __future__ import annotations

from desktop_app.core.findings import Finding, GrammarState


def check_for_cli(text: str, words: list[str] | None = None) -> tuple[list[Finding], GrammarState]:
    """Grammar and spelling findings for the `check --grammar` command.

    Blocking; used by the command line only. The GUI uses its own non-blocking lane.
    Uses the same sources as the GUI (Settings, DRAFTING_ASSISTANT_LT_URL, a local
    install); a local server started here is stopped when the command exits. `words`: the
    pack's words (every policy folder's words.txt, --policy folders included), when the
    command loaded a pack of its own.
    """
    service = _cli_service()
    if words is not None:
        service.speller.set_extra_words(list(words) + service.user_words.words())
    return service.check(text), service.state


_services: dict[tuple[str, str], object] = {}


def _cli_service():
    """One service per source for the whole command run: `check --lines` with a local
    LanguageTool starts Java once, not once per post (atexit stops it)."""
    import atexit
    import os

    from desktop_app.grammar.service import GrammarService
    from desktop_app.grammar.source import ENV_URL
    from desktop_app.storage.settings import Settings

    url = str(Settings.load().get("languagetool_url") or "")
    key = (url, os.environ.get(ENV_URL, ""))
    service = _services.get(key)
    if service is None:
        service = GrammarService(url)
        service.start()
        atexit.register(service.stop)
        _services[key] = service
    return service
