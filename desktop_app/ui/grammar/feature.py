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
        self._config = config
        self._url = str(window.settings.get("languagetool_url") or "")
        window.findings_list.addWordRequested.connect(self.add_word)

    def start(self) -> None:
        """After the first paint: import the lane on a worker, then start it."""
        from desktop_app.ui.jobs import import_then

        import_then(["desktop_app.ui.grammar.lane", "desktop_app.grammar.service"], self.start_now, self)

    def start_now(self) -> None:
        if self.lane is not None:
            return
        from desktop_app.ui.grammar.lane import GrammarLane

        window = self.window
        self.lane = GrammarLane(window.settings, self, config=self._config)
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
        if self.lane is not None:
            self.lane.shutdown()
