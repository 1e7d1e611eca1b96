"""Grammar and spelling in the main window: the GrammarLane, its status, its findings, the
"Add to dictionary" button on spelling cards and its section in Preferences.

The lane is made and started once the window has painted, the engine has loaded the
policy pack (the lane takes its grammar settings and words from that pack; it may start a
local LanguageTool) and the first findings are on screen, its modules imported on a worker
first, so it never delays the first paint or stalls early typing. Started as soon as the
pack was loaded, its spelling process (a fresh interpreter; multiprocessing's imports, whose
system calls keep the GIL from the window) ran beside the engine's first check and the
window drawing its findings: the window's longest stall in its first seconds was 16 ms with
an empty draft and 28-34 ms with a long one opened, 10 and 21-23 ms started after the draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.features import Feature
from desktop_app.ui.panels.quote import quoted

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Finding


# Imported on a worker before the lane is made (Hunspell, the lane and its service).
LANE_MODULES = ("desktop_app.grammar.config", "desktop_app.ui.grammar.lane")
# If no findings are drawn (an engine that could not start), the lane starts this long after
# the pack is known anyway.
START_AT_MOST_MS = 3000


class GrammarFeature(Feature):
    def __init__(self, window, *, config=None):
        super().__init__(window)
        self.lane = None
        self._shut_down = False  # the window has closed: a lane not yet made never starts
        self._started = False  # once, whichever of the first draw or START_AT_MOST_MS came first
        self._listening = False  # to reportDrawn, until the lane starts
        self._pack = None  # the engine's pack, while the lane waits to start
        self._config = config
        self._url = str(window.settings.get("languagetool_url") or "")
        window.findings_list.addWordRequested.connect(self.add_word)

    def start(self) -> None:
        """After the first paint: import the lane on a worker, then start it with the grammar
        settings and words of the policy pack the engine loads. Read a second time on its own
        worker, the pack held the GIL against the window and the engine's load together."""
        from desktop_app.ui.jobs import import_then

        import_then(LANE_MODULES, self._lane_imported, self)

    def _lane_imported(self) -> None:
        if not self._shut_down:
            self.window.when_policy_loaded(self._policy_loaded)

    def _policy_loaded(self, pack) -> None:
        if self._shut_down or self._started:
            return
        self._pack = pack
        if self.window.drawn_revision >= 0:  # findings are on screen already
            self._first_drawn()
            return
        from PySide6.QtCore import QTimer

        self.window.reportDrawn.connect(self._first_drawn)  # a method: gone with the feature
        self._listening = True
        QTimer.singleShot(START_AT_MOST_MS, self, self._first_drawn)

    def _first_drawn(self, *_revision) -> None:
        if self._shut_down or self._started:
            return
        self._started = True
        if self._listening:  # every later draw would call Python here for nothing
            self.window.reportDrawn.disconnect(self._first_drawn)
            self._listening = False
        pack, self._pack = self._pack, None
        settings, words = getattr(pack, "grammar_settings", None), getattr(pack, "words", None)
        if settings is None or words is None:
            # No pack (the engine could not load one, or runs without): read it on a worker.
            from desktop_app.ui.jobs import run_then

            run_then(self._read_pack, self._prepared, self)
            return
        from desktop_app.grammar.config import parse_config  # imported on the worker by now

        self.start_now(self._config or parse_config(settings), list(words))

    def _read_pack(self):
        """On a worker: the pack's grammar settings and words (a quarter of a second)."""
        from desktop_app.grammar.config import parse_config
        from desktop_app.policy import load_policy

        pack = load_policy(rules=False)
        return (self._config or parse_config(pack.grammar_settings), pack.words)

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
