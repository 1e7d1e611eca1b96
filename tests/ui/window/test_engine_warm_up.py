"""The engine's warm-up waits until the window has drawn its first findings (it held the GUI
thread back while the first cards were built, and delayed them), runs a step at a time with
a text to check going first, and still runs if nothing is drawn. That a check before the
warm-up finds the same as one after is tested in tests/test_engine.py."""

from __future__ import annotations

import threading

from desktop_app.ui.window import analysis_worker
from desktop_app.ui.window.analysis_worker import AnalysisController
from tests.ui.window_helpers import FakeAnalyzer, make_window, settings, wait_report  # noqa: F401


class WarmingAnalyzer(FakeAnalyzer):
    """Records the order of checks and warm-up steps; `hold` keeps the first step running."""

    def __init__(self, hold: threading.Event | None = None):
        super().__init__()
        self.events: list[str] = []
        self.hold = hold

    def _step(self, n: int) -> None:
        if n == 1 and self.hold is not None:
            self.hold.wait(10)
        self.events.append(f"warm {n}")

    def warm_up_steps(self):
        return [lambda: self._step(1), lambda: self._step(2)]

    def warm_up(self) -> None:
        for step in self.warm_up_steps():
            step()

    def analyze(self, text: str, revision: int = 0, platforms=None):
        self.events.append("check")
        return super().analyze(text, revision, platforms)


def _controller(text: str = "A short post, you idiot.") -> AnalysisController:
    return AnalysisController(lambda: text)  # each test shuts it down


def test_the_warm_up_waits_until_the_first_findings_are_drawn(qtbot):
    analyzer = WarmingAnalyzer()
    controller = _controller()
    results = []
    controller.resultReady.connect(lambda result, _mapping: results.append(result))
    try:
        controller.start_engine(lambda: analyzer)
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
        controller.pool.waitForDone(5000)  # anything queued behind the check has run by now
        qtbot.wait(1)  # and its signals have arrived
        assert analyzer.events == ["check"]  # the first check came first, and nothing warmed yet
        assert not controller.warmed

        with qtbot.waitSignal(controller.engineWarmed, timeout=10000):
            controller.report_drawn()
        assert analyzer.events == ["check", "warm 1", "warm 2"]
        assert controller.warmed  # the app's idle collector waits for this (ui/idle_gc.py)
    finally:
        controller.shutdown()


def test_a_text_to_check_goes_before_the_next_warm_up_step(qtbot):
    hold = threading.Event()
    analyzer = WarmingAnalyzer(hold)
    controller = _controller()
    try:
        controller.start_engine(lambda: analyzer)
        qtbot.waitUntil(lambda: analyzer.events == ["check"] and not controller.busy, timeout=10000)
        controller.report_drawn()  # step 1 starts soon, and waits on `hold`
        qtbot.waitUntil(lambda: controller.pool.activeThreadCount() == 1, timeout=5000)
        controller.note_edit(0, 0, 1)
        controller.request_now()  # a keystroke's check, queued behind step 1
        with qtbot.waitSignal(controller.engineWarmed, timeout=10000):
            hold.set()
        assert analyzer.events == ["check", "warm 1", "check", "warm 2"]
    finally:
        hold.set()
        controller.shutdown()


def test_the_warm_up_lets_the_window_lay_out_and_paint_what_it_drew_first(qtbot):
    """Started the moment the last card was in, a warm-up step ran its Python while the
    window laid the cards out and painted them (20-30 ms stalls at start-up)."""
    analyzer = WarmingAnalyzer()
    controller = _controller()
    try:
        controller.start_engine(lambda: analyzer)
        qtbot.waitUntil(lambda: analyzer.events == ["check"] and not controller.busy, timeout=10000)
        controller.pool.waitForDone(5000)
        controller.report_drawn()
        assert controller.pool.activeThreadCount() == 0  # nothing started yet...
        with qtbot.waitSignal(controller.engineWarmed, timeout=10000):
            pass  # ...but it starts a moment later
        assert analyzer.events == ["check", "warm 1", "warm 2"]
    finally:
        controller.shutdown()


def test_the_warm_up_still_runs_when_nothing_is_drawn(qtbot, monkeypatch):
    monkeypatch.setattr(analysis_worker, "WARM_UP_WAIT_MS", 50)
    analyzer = WarmingAnalyzer()
    controller = _controller()
    try:
        with qtbot.waitSignal(controller.engineWarmed, timeout=10000):
            controller.start_engine(lambda: analyzer)  # report_drawn() is never called
        assert analyzer.events == ["check", "warm 1", "warm 2"]
    finally:
        controller.shutdown()


def test_the_window_checks_first_and_warms_up_once_it_has_drawn(qtbot, make_window):  # noqa: F811
    analyzer = WarmingAnalyzer()
    window = make_window(analyzer=analyzer)
    qtbot.waitUntil(lambda: "warm 2" in analyzer.events, timeout=10000)
    assert analyzer.events.index("check") < analyzer.events.index("warm 1")
    assert window.drawn_revision == window.revision


def test_a_result_that_arrives_after_shutdown_starts_no_new_check(qtbot):
    """The check in flight at shutdown reports back on a queued signal; if the text had
    changed meanwhile, its result once launched another check, which then ran while the
    app quit ("Signal source has been deleted" from the engine's thread as Python exited)."""
    hold = threading.Event()

    class SlowAnalyzer(WarmingAnalyzer):
        def analyze(self, text, revision=0, platforms=None):
            if "changed" in text or hold.is_set():
                return super().analyze(text, revision, platforms)
            if self.events:  # the second check waits, so it is in flight at shutdown
                hold.wait(10)
            return super().analyze(text, revision, platforms)

    analyzer = SlowAnalyzer()
    text = ["A short post."]
    controller = AnalysisController(lambda: text[0])
    results = []
    controller.resultReady.connect(lambda result, _mapping: results.append(result))
    controller.start_engine(lambda: analyzer)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    controller.request_now()  # a check in flight ...
    qtbot.waitUntil(lambda: controller.pool.activeThreadCount() == 1, timeout=5000)
    text[0] = "A changed post."
    controller.note_edit(0, 5, 7)  # ... and the text changes under it
    threading.Timer(0.2, hold.set).start()
    controller.shutdown()  # the window closes: the check in flight finishes
    checks = analyzer.events.count("check")
    qtbot.wait(300)  # its result arrives after the shutdown
    controller.pool.waitForDone(5000)
    assert analyzer.events.count("check") == checks  # no check of the changed text


def test_the_rule_prefilter_is_built_before_the_first_check():
    """Without it the first check ran every rule, compiling their RE2 patterns one by one
    with the GIL held (10-15 ms each): the window froze as an opened draft's findings came."""
    analyzer = WarmingAnalyzer()
    asked = []
    analyzer.expect_many = lambda: asked.append(list(analyzer.events))
    signals = analysis_worker._Signals()
    ready = []
    signals.engine_ready.connect(lambda a, _info: ready.append(a))
    analysis_worker.EngineLoad(lambda: analyzer, signals).run()
    assert asked == [[]]  # once, before anything was checked
    assert ready == [analyzer]
