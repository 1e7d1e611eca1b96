"""Grammar and spelling in the main window: the GrammarLane, its status, its findings, the
"Add to dictionary" button on spelling cards and its section in Preferences.

The lane is made and started once the window has painted (it reads word lists and may
start a local LanguageTool), its modules imported on a worker first, so it never delays
the first paint or stalls early typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.features import Feature
from desktop_app.ui.panels.quote import quoted

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Finding


class GrammarFeature(Feature):
    def __init__(self, window, *, config=None):
        super().__init__(window)
        self.lane = None
        self._shut_down = False  # the window has closed: a lane not yet made never starts
        self._config = config
        self._url = str(window.settings.get("languagetool_url") or "")
        window.findings_list.addWordRequested.connect(self.add_word)

    def start(self) -> None:
        """After the first paint: import the lane and read the policy pack's grammar
        settings and words on a worker (a quarter of a second each: the window froze for
        half a second here), then start the lane."""
        from desktop_app.ui.jobs import run_then

        config = self._config

        def prepare():
            from desktop_app.grammar.config import parse_config
            from desktop_app.policy import load_policy
            from desktop_app.ui.grammar import lane  # noqa: F401 (imported here, off the GUI thread)

            pack = load_policy(rules=False)  # once for both: each read holds the GIL ~60 ms
            return (config or parse_config(pack.grammar_settings), pack.words)

        run_then(prepare, self._prepared, self)

    def _prepared(self, result) -> None:
        if self._shut_down:
            return  # the window closed while the pack was read: start nothing now
        if isinstance(result, Exception):  # the lane reads them itself, as the command line does
            self.start_now()
            return
        self.start_now(*result)

    def start_now(self, config=None, pack_words: list[str] | None = None) -> None:
        if self.lane is not None:
            return
        from desktop_app.ui.grammar.lane import GrammarLane

        window = self.window
        self.lane = GrammarLane(window.settings, self, config=config or self._config, pack_words=pack_words)
        self.lane.statusChanged.connect(window.set_grammar_status)
        self.lane.findingsReady.connect(window.merge_grammar_findings)
        self.lane.wordAdded.connect(self._on_word_added)
        # After the analysis controller has counted the edit, so window.revision is this edit's.
        window.textEdited.connect(self._on_edit)
        self.lane.start()
        self._on_edit()  # check what is already there (a restored draft)

    def _on_edit(self, *_args) -> None:
        if self.lane is not None:
            self.lane.request(self.window.snapshot_text(), self.window.revision)

    # ----- Add to dictionary -----
    def add_word(self, finding: Finding) -> None:
        if self.lane is None:
            return
        word = finding.text
        self.window.drop_spelling(word)  # the card goes at once; the recheck agrees
        self.lane.add_to_dictionary_later(word)

    def _on_word_added(self, word: str, error: str) -> None:
        window = self.window
        if not error:
            window.statusBar().showMessage(f"Added {quoted(word, 40)} to your dictionary.", 4000)
            return
        message = (
            f"{quoted(word, 40)} could not be added to your dictionary: {error}. "
            "It is still underlined; try again once the problem is fixed."
        )
        window.warn("Could not add the word", message)

    # ----- Preferences -----
    def preference_section(self):
        from desktop_app.ui.grammar.settings_box import GrammarSettingsBox

        return GrammarSettingsBox(self.window.settings, self.lane)

    def preferences_applied(self, values: dict) -> None:
        url = str(values.get("languagetool_url", self._url) or "")
        if url != self._url:
            self._url = url
            if self.lane is not None:
                self.lane.restart()

    def shutdown(self) -> None:
        self._shut_down = True
        if self.lane is not None:
            self.lane.shutdown()
