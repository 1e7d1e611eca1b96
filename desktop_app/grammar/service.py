"""The grammar lane without Qt: source, server state, back-off, checks and merging.

Blocking calls only; the GUI runs them on worker threads (ui/grammar/lane.py) and the
command line calls them directly (grammar.check_for_cli). Thread-safe: a start, a
LanguageTool check and a spelling check may run at the same time on different threads.

States (GrammarState.state): "starting", "ready", "unavailable" (detail says why: not
installed, no Java, server unreachable, timed out, ...). When LanguageTool is
unavailable, offline spelling still works and the detail says so.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from desktop_app.core.findings import Finding, GrammarState
from desktop_app.core.limits import MAX_CHECKED  # a pasted book must not keep a shared server busy
from desktop_app.grammar import matches, merge, source, wordlists
from desktop_app.grammar.client import LanguageToolClient, LanguageToolError
from desktop_app.grammar.config import GrammarConfig, default_config
from desktop_app.grammar.local_server import LocalServer, free_port, stop_left_behind
from desktop_app.grammar.spelling import SpellChecker, SpellingUnavailable

OFFLINE = "offline spelling only"
NO_SPELLING = "no spelling check either"
SPELLING_STOPPED = "offline spelling stopped"  # its process kept dying (spelling.MAX_RESTARTS)
# A local server that failed to start this many times is not started again this session.
MAX_LOCAL_STARTS = 3
LOCAL_NAME = "LanguageTool on this computer"


class GrammarService:
    def __init__(
        self,
        settings_url: str = "",
        *,
        config: GrammarConfig | None = None,
        speller: SpellChecker | None = None,
        environ: Mapping[str, str] | None = None,
        on_state: Callable[[GrammarState], None] | None = None,
        local_command: Callable[[source.Source, int], list[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        pack_words: Sequence[str] | None = None,
    ):
        self.config = config or default_config()
        # The policy pack's words when the caller has read them already (the window reads
        # them on a worker: reading the pack takes a quarter of a second); else read here.
        self._pack_words = None if pack_words is None else list(pack_words)
        self.environ = os.environ if environ is None else environ
        self.source = source.resolve_source(settings_url, self.environ)
        self.speller = speller if speller is not None else SpellChecker(self.config)
        self.user_words = wordlists.UserWordList()
        self.reload_word_lists()
        self._on_state = on_state
        self._local_command = local_command or source.server_command
        self._clock = clock
        self._lock = threading.RLock()
        self._state = GrammarState("off", "")
        self._client: LanguageToolClient | None = None
        self._server: LocalServer | None = None
        self._failures = 0
        self._why_unavailable = ""  # the status's first half while unavailable
        self._retry_at: float | None = None
        self._stopping = False
        self.server_version = ""

    # --- state ------------------------------------------------------------------------
    @property
    def state(self) -> GrammarState:
        with self._lock:
            return self._state

    def _set_state(self, state: str, detail: str) -> GrammarState:
        new = GrammarState(state, detail)
        with self._lock:
            changed = new != self._state
            self._state = new
        if changed and self._on_state is not None:
            self._on_state(new)
        return new

    @property
    def name(self) -> str:
        if self.source.kind == "server":
            return f"LanguageTool at {self.source.url}"
        return LOCAL_NAME

    def _ready(self) -> None:
        with self._lock:
            self._failures = 0
            self._retry_at = None
        stopped = f"; {SPELLING_STOPPED}" if self.speller.gave_up else ""
        self._set_state("ready", f"{self.name}: ready{stopped}")

    def _failed(self, reason: str) -> None:
        with self._lock:
            if self._stopping:
                return  # stop() ended the request: nothing is wrong with the server
            self._failures += 1
            self._retry_at = self._clock() + self.config.retry_delay(self._failures)
            if self.source.kind == "local" and self._failures >= MAX_LOCAL_STARTS:
                self._retry_at = None  # starting Java again and again would only slow the computer
        self._unavailable(f"{self.name}: unavailable ({reason})")

    def _unavailable(self, why: str) -> GrammarState:
        with self._lock:
            self._why_unavailable = why
        return self._set_state("unavailable", f"{why}; {self._fallback()}")

    def _fallback(self) -> str:
        """What still works without LanguageTool (the dictionary can be missing in a broken install)."""
        if self.speller.gave_up:
            return SPELLING_STOPPED
        return NO_SPELLING if self.speller.problem else OFFLINE

    def _spelling_stopped(self) -> None:
        """Offline spelling has just stopped: the status must stop saying it works."""
        with self._lock:
            state, why = self._state.state, self._why_unavailable
        if state == "ready":
            self._ready()
        elif state == "unavailable":
            self._unavailable(why)

    def retry_in(self) -> float | None:
        """Seconds until LanguageTool is worth trying again; None if there is nothing to retry."""
        with self._lock:
            if self._retry_at is None or self._stopping:
                return None
            return max(0.0, self._retry_at - self._clock())

    # --- starting -----------------------------------------------------------------------
    def start(self) -> GrammarState:
        """Resolves the source and connects (or starts a local server). Blocking."""
        src = self.source
        if src.kind == "none":
            if src.problem == "no Java":
                return self._unavailable("LanguageTool unavailable (no Java)")
            return self._unavailable("LanguageTool not installed")
        if src.kind == "server":
            self._set_state("starting", f"Connecting to {self.name}…")
            if self._connect(src.url) is None:
                return self.state
            return self._probe()
        return self._start_local()

    def _connect(self, url: str) -> LanguageToolClient | None:
        """The client for `url`, or None once stopping (stop() closes the client it finds, so
        one made after it would never be closed)."""
        with self._lock:
            if self._stopping:
                return None
            self._client = self._make_client(url)
            return self._client

    def _make_client(self, url: str) -> LanguageToolClient:
        return LanguageToolClient(
            url, self.config.connect_timeout, self.config.read_timeout, self.config.total_timeout
        )

    def _probe(self) -> GrammarState:
        assert self._client is not None
        try:
            info = self._client.probe(self.config.language)
        except LanguageToolError as exc:
            self._failed(exc.reason)
            return self.state
        self.server_version = info.version
        self._ready()
        return self.state

    def _start_local(self) -> GrammarState:
        self._set_state("starting", f"Starting {LOCAL_NAME}…")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        from desktop_app.storage import paths

        pid_file = paths.data_dir() / "languagetool.pid"
        stop_left_behind(pid_file)  # from an earlier run that crashed
        command = self._local_command(self.source, port)
        server = LocalServer(command, log_path=paths.data_dir() / "languagetool.log", pid_file=pid_file)
        with self._lock:
            if self._stopping:
                return self.state
            self._server = server
        try:
            server.start()
        except OSError as exc:
            self._failed(f"could not run Java: {exc.strerror or exc}")
            return self.state
        if self._connect(url) is None:
            server.stop()
            return self.state
        try:
            server.wait_ready(
                lambda: self._client.probe(self.config.language),
                self.config.start_local_timeout,
                cancelled=lambda: self._stopping,
            )
        except LanguageToolError as exc:
            server.stop()
            self._failed(exc.reason)
            return self.state
        self._ready()
        return self.state

    # --- checking -----------------------------------------------------------------------
    def _lt_usable_now(self) -> bool:
        with self._lock:
            if self._stopping or (self._client is None and self.source.kind != "local"):
                return False
            if self._state.state == "ready":
                return True
            if self._state.state == "unavailable" and self._retry_at is not None:
                return self._clock() >= self._retry_at
            return False

    def check_grammar(self, text: str) -> list[Finding] | None:
        """LanguageTool's findings, or None when it cannot be used now (status says why)."""
        if not self._lt_usable_now():
            return None
        if self.state.state == "unavailable":
            # Back-off is over: see whether the server is back before sending text.
            if self.source.kind == "local" and not (self._server and self._server.running()):
                self._start_local()
            elif self._client is not None:
                self._probe()
            if self.state.state != "ready":
                return None
        client = self._client
        if client is None:
            return None
        if not text.strip():
            return []  # nothing to check (a retry with no draft yet only needed the probe)
        text = text[:MAX_CHECKED]
        try:
            payload = client.check(
                text, self.config.language, self.config.disabled_rules, self.config.disabled_categories
            )
        except LanguageToolError as exc:
            self._failed(exc.reason)
            return None
        self.server_version = str((payload.get("software") or {}).get("version", self.server_version))
        return matches.to_findings(text, payload)

    def check_spelling(self, text: str, suggestion_budget: float | None = None) -> list[Finding]:
        try:
            return self.speller.check(text[:MAX_CHECKED], suggestion_budget)
        except SpellingUnavailable:
            if self.speller.gave_up and SPELLING_STOPPED not in self.state.detail:
                self._spelling_stopped()
            return []

    def combine(self, text: str, lt: list[Finding] | None, offline: list[Finding]) -> list[Finding]:
        if lt is None:
            return sorted(offline, key=lambda f: (f.start, f.end))
        return merge.merge(text, lt, offline, self.speller)

    def check(self, text: str, suggestion_budget: float | None = None) -> list[Finding]:
        """Grammar and spelling for `text`, merged. Blocking."""
        lt = self.check_grammar(text)
        return self.combine(text, lt, self.check_spelling(text, suggestion_budget))

    # --- word lists ---------------------------------------------------------------------
    def reload_word_lists(self) -> None:
        pack = self._pack_words if self._pack_words is not None else wordlists.organisation_words()
        words = pack + self.user_words.words()
        self.speller.set_extra_words(words)

    def add_to_dictionary(self, word: str) -> None:
        """Raises storage.atomic.WriteFailed if the word list cannot be saved."""
        self.speller.add_word(word)
        self.user_words.add(word)

    def remove_from_dictionary(self, word: str) -> None:
        self.user_words.remove(word)
        self.reload_word_lists()

    # --- stopping -----------------------------------------------------------------------
    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            server, self._server = self._server, None
            client = self._client
        if server is not None:
            server.stop()
        if client is not None:
            client.close()
