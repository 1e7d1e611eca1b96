"""The grammar lane for the GUI: LanguageTool and offline spelling, off the GUI thread.

request(text, revision) -> debounce (~400 ms) -> two jobs on the lane's own pool:
- a spelling job (offline Hunspell; fast, runs for every debounced revision, so misspellings
  are underlined at once even while LanguageTool is slow, starting or down);
- a LanguageTool job (one in flight; a newer revision waits and supersedes any other
  waiting one), whose answer is merged with the offline spelling (grammar/merge.py).
findingsReady(revision, findings) may therefore come twice for one revision: first the
offline spelling, then the merged list. Each one replaces the previous for that revision.
Answers for a revision older than the latest request are dropped.

After a failure the lane asks LanguageTool again after the service's back-off, so the
status comes back to "ready" by itself when the server returns.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop_app.core.findings import GrammarState
from desktop_app.grammar.config import GrammarConfig
from desktop_app.grammar.service import GrammarService
from desktop_app.grammar.spelling import SpellChecker
from desktop_app.storage.settings import Settings
from desktop_app.ui.jobs import run_in_pool

DEBOUNCE_MS = 400
SPELLING_BUDGET_S = 0.3  # seconds of new Hunspell suggestions per check; the rest come later
MIN_RETRY_MS = 200  # never hammer a dead server, whatever the back-off says


class _Signals(QObject):
    state = Signal(object, object)  # the service's token (see _make_service), GrammarState
    spelling = Signal(int, list)  # revision, offline findings
    grammar = Signal(int, list)  # revision, merged findings
    started = Signal()
    word = Signal(str, str)  # word added to the dictionary, error message ("" if saved)

    def __init__(self):
        super().__init__()
        # Set by shutdown. A job still running when the window closes must neither start new
        # work (a Hunspell process, a request) nor emit: by then the app may be tearing down
        # its objects, and an emit on a deleted one raises in the worker thread.
        self.closed = threading.Event()

    def send(self, name: str, *args) -> None:
        if self.closed.is_set():
            return
        with contextlib.suppress(RuntimeError):  # deleted since the check: the app is quitting
            getattr(self, name).emit(*args)


class GrammarLane(QObject):
    statusChanged = Signal(object)  # GrammarState
    findingsReady = Signal(int, list)  # (revision, list[Finding]) for grammar + spelling
    wordAdded = Signal(str, str)  # (word, "" or why the word list could not be saved)

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        config: GrammarConfig | None = None,
        pack_words: list[str] | None = None,
    ):
        """`config` and `pack_words` (the policy pack's grammar settings and words), when
        given, spare the GUI thread reading the pack (GrammarFeature reads them on a worker)."""
        super().__init__(parent)
        self._settings = settings
        self._config = config
        self._pack_words = pack_words
        self._signals = _Signals()  # no parent: workers may still hold it after we are gone
        self._signals.state.connect(self._on_state)
        self._signals.spelling.connect(self._on_spelling)
        self._signals.grammar.connect(self._on_grammar)
        self._signals.started.connect(self._on_started)
        self._signals.word.connect(self._on_word_added)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(3)  # start, one LanguageTool check, one spelling check
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._submit_latest)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._retry_now)
        self._latest: tuple[str, int] | None = None
        self._waiting: tuple[str, int] | None = None  # for LanguageTool, behind the one in flight
        self._in_flight = False
        self._full_revision = -1  # newest revision whose merged answer went out
        self._service = self._make_service()
        self._state = GrammarState("off", "")

    def _make_service(self) -> GrammarService:
        # A replaced service (restart) may still report from its pool job, e.g. a slow start
        # saying "unavailable" after the new one said "ready": its token tells them apart.
        signals, token = self._signals, object()
        self._service_token = token
        return GrammarService(
            str(self._settings.get("languagetool_url") or ""),
            config=self._config,
            # Hunspell holds the GIL for up to 0.2 s per new typo: in a child process it
            # cannot freeze the window.
            speller=SpellChecker(self._config, isolated=True),
            on_state=lambda state: signals.send("state", token, state),
            pack_words=self._pack_words,
        )

    # --- public API -----------------------------------------------------------------------
    @property
    def state(self) -> GrammarState:
        return self._state

    @property
    def _closing(self) -> bool:
        return self._signals.closed.is_set()

    def start(self) -> None:
        """Call after the window is shown: connects or starts a local server off the GUI thread."""
        service, signals = self._service, self._signals

        def work() -> None:
            service.start()
            signals.send("started")

        self._run(work)

    def request(self, text: str, revision: int) -> None:
        if self._closing:
            return
        self._latest = (text, revision)
        self._debounce.start()

    def add_to_dictionary(self, word: str) -> None:
        """Adds `word` to the user's word list (saved at once) and checks the draft again.

        Raises storage.atomic.WriteFailed if the list cannot be saved.
        """
        self._service.add_to_dictionary(word)
        self._recheck_now()

    def add_to_dictionary_later(self, word: str) -> None:
        """As add_to_dictionary, but the word list is written on the lane's pool (no file I/O
        on the GUI thread); wordAdded(word, error) says how it went, then the draft is checked again."""
        service, signals = self._service, self._signals

        def work() -> None:
            from desktop_app.storage.atomic import WriteFailed, reason

            try:
                service.add_to_dictionary(word)
            except WriteFailed as exc:
                signals.send("word", word, reason(exc))
                return
            signals.send("word", word, "")

        self._run(work)

    def _on_word_added(self, word: str, error: str) -> None:
        if self._closing:
            return
        self._recheck_now()  # on failure too: the finding comes back
        self.wordAdded.emit(word, error)

    def shutdown(self) -> None:
        """Stops a local server (no orphan process); later requests are ignored."""
        self._signals.closed.set()
        self._debounce.stop()
        self._retry.stop()
        self._pool.clear()
        self._service.stop()

    # --- extras for Preferences (ui/grammar/settings_box.py) --------------------------------
    def words(self) -> list[str]:
        return self._service.user_words.words()

    def remove_from_dictionary(self, word: str) -> None:
        self._service.remove_from_dictionary(word)
        self._recheck_now()

    def restart(self) -> None:
        """Use the current settings again (e.g. a new server URL)."""
        if self._closing:
            return
        old = self._service
        run_in_pool(old.stop, self._pool)
        self._retry.stop()
        self._service = self._make_service()
        self.start()

    # --- jobs -------------------------------------------------------------------------------
    def _recheck_now(self) -> None:
        if self._latest is not None and not self._closing:
            self._debounce.stop()
            self._submit_latest()

    def _submit_latest(self) -> None:
        if self._latest is None or self._closing:
            return
        text, revision = self._latest
        service, signals = self._service, self._signals

        def spell() -> None:
            signals.send("spelling", revision, service.check_spelling(text, SPELLING_BUDGET_S))

        self._run(spell)
        self._submit_grammar(text, revision)

    def _submit_grammar(self, text: str, revision: int) -> None:
        if self._in_flight:
            self._waiting = (text, revision)  # supersedes any older waiting request
            return
        self._in_flight = True
        self._retry.stop()
        service, signals = self._service, self._signals

        def check() -> None:
            lt = service.check_grammar(text)
            if signals.closed.is_set():
                return  # the window closed while LanguageTool was answering
            offline = service.check_spelling(text, SPELLING_BUDGET_S)
            signals.send("grammar", revision, service.combine(text, lt, offline))

        self._run(check)

    def _run(self, job) -> None:
        """Run `job` on the lane's pool unless the lane has shut down by the time it starts
        (a queued job would otherwise start a Hunspell process or a request on the way out)."""
        closed = self._signals.closed

        def unless_closed() -> None:
            if not closed.is_set():
                job()

        run_in_pool(unless_closed, self._pool)

    # --- answers (GUI thread) ---------------------------------------------------------------
    def _is_current(self, revision: int) -> bool:
        return not self._closing and self._latest is not None and revision == self._latest[1]

    def _on_spelling(self, revision: int, findings: list) -> None:
        # Dropped if stale, or if the merged answer for this revision is already out.
        if self._is_current(revision) and self._full_revision != revision:
            self.findingsReady.emit(revision, findings)

    def _on_grammar(self, revision: int, findings: list) -> None:
        self._in_flight = False
        if self._is_current(revision):
            self._full_revision = revision
            self.findingsReady.emit(revision, findings)
        if self._waiting is not None and not self._closing:
            text, waiting_revision = self._waiting
            self._waiting = None
            self._submit_grammar(text, waiting_revision)
        else:
            self._schedule_retry()

    def _on_state(self, token: object, state: GrammarState) -> None:
        if token is not self._service_token:
            return  # from a service that has been replaced
        self._state = state
        if not self._closing:
            self.statusChanged.emit(state)

    def _on_started(self) -> None:
        if self._closing:
            return
        if self._state.state == "ready":
            self._recheck_now()  # LanguageTool is up: check what is already typed
        else:
            self._schedule_retry()

    def _schedule_retry(self) -> None:
        delay = self._service.retry_in()
        if delay is None or self._closing or self._in_flight:
            return
        self._retry.start(max(MIN_RETRY_MS, int(delay * 1000)))

    def _retry_now(self) -> None:
        if self._closing or self._in_flight:
            return
        text, revision = self._latest if self._latest is not None else ("", -1)
        self._submit_grammar(text, revision)
