"""Sign-off responsiveness benchmark (offscreen). Prints figures; never asserts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_signoff.py

A 57,000-character draft for four networks (X as a thread, Facebook with its own words,
Bluesky and LinkedIn following the main text), real Analyzer, the window as the app
builds it. For each of "Mark as approved", "Export review as HTML" and "as PDF", the
longest GUI-thread stall (a 2 ms heartbeat timer) from the click until the result is
back and shown, the longest time the GUI thread spent in the window's own handlers (the
click, the result), and how long the result took: once with the checks idle, once
clicked while the engine checks an edit to every paragraph. Target: stall <= 16 ms.
The stall also counts what other threads cost the GUI thread through the GIL (a C call
that holds it: a regular expression over the whole draft). The PDF is laid out in a child
process, as the app does (ui/review/pdf_process.py). Full garbage collections wait for the
user to be idle, as in the app (ui/idle_gc.py); the click is sent to the window as the
platform sends it, and a collection that ran while the user waited for the result is
printed with its length.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import DRAFT_PARAGRAPH, Heartbeat, _four_versions, _ready_window, _settled, pump

DRAFT_LENGTH = 57_000


def draft() -> str:
    """57,000 characters in paragraphs that differ (the engine caches paragraphs it has seen)."""
    count = DRAFT_LENGTH // len(DRAFT_PARAGRAPH) + 1
    return "".join(f"Update {i}. {DRAFT_PARAGRAPH}" for i in range(count))[:DRAFT_LENGTH]


def _busy_checking(app, window) -> None:
    """Every paragraph of the main text changed (nothing in the engine's cache), then wait
    until the engine has started checking it: the click lands mid-check."""
    text = window.main_document.toPlainText().replace("Saturday", "Sunday")
    window.main_document.setPlainText(text)
    pump(app, 2, until=lambda: window.controller._in_flight is not None)


def _approve(app, window) -> bool:
    publish = window.publish
    publish.approve()
    pump(app, 60, until=lambda: publish.approval is not None or _refused(window))
    return publish.approval is not None


def _refused(window) -> bool:
    return "not approved" in window.statusBar().currentMessage().casefold() or "still open" in (
        window.statusBar().currentMessage()
    )


def _export(app, window, kind: str, folder: str) -> bool:
    done: list[str] = []
    sign_off = window.sign_off
    sign_off.exported.connect(done.append)
    sign_off.exportFailed.connect(done.append)
    try:
        sign_off.export_to(kind, Path(folder) / f"review.{kind}", approver="Bench Approver")
        pump(app, 60, until=lambda: bool(done))
    finally:
        sign_off.exported.disconnect(done.append)
        sign_off.exportFailed.disconnect(done.append)
    return bool(done) and done[0].endswith(kind)


def _quiet(window) -> bool:
    """The editor's check and the spelling lane have caught up with the text."""
    lane = getattr(getattr(window, "grammar", None), "lane", None)
    pool = getattr(lane, "_pool", None)
    return _settled(window) and (pool is None or pool.activeThreadCount() == 0)


class HandlerClock:
    """Time spent inside the window's own sign-off handlers on the GUI thread (the click and
    the result coming back), apart from what other threads cost it through the GIL."""

    def __init__(self, window):
        self.longest = 0.0
        handlers = {"publish": ("approve", "_approval_checked"), "sign_off": ("export_to", "_on_done")}
        for feature, names in handlers.items():
            target = getattr(window, feature)
            for name in names:
                method = getattr(target, name, None)
                if method is not None:
                    setattr(target, name, self._timed(method))

    def _timed(self, method):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.longest = max(self.longest, (time.perf_counter() - start) * 1000)

        return run


def _click(window) -> None:
    """What the app's idle collector (ui/idle_gc.py) sees of a click: the mouse pressed and
    released through the window (on the status bar, where it starts nothing)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    bar = window.statusBar()
    QTest.mouseClick(
        window.windowHandle(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        bar.mapTo(window, QPoint(1, 1)),
    )


def measure(app, window, clock: HandlerClock, action: str, checking: bool, folder: str, collector) -> dict:
    pump(app, 60, until=lambda: _quiet(window))
    if checking:
        _busy_checking(app, window)
    clock.longest = 0.0
    heartbeat = Heartbeat()
    heartbeat.start()
    pump(app, 0.1)  # the heartbeat ticking before the click
    collected = len(collector.collections)
    _click(window)
    start = time.perf_counter()
    ok = _approve(app, window) if action == "approve" else _export(app, window, action, folder)
    result_ms = (time.perf_counter() - start) * 1000
    pump(app, 0.2)
    stall = heartbeat.stop()
    idle = collector.collections[collected:]  # full collections run while the user waited
    return {"stall_ms": stall, "handlers_ms": clock.longest, "result_ms": result_ms, "ok": ok, "idle": idle}


def main() -> None:
    home = tempfile.mkdtemp(prefix="bench-signoff-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = os.path.join(home, var.lower())
    from PySide6.QtWidgets import QApplication

    import desktop_app.ui  # noqa: F401 (applies the PySide6 6.12 / Python 3.11 work-around)
    from desktop_app.ui.application import collect_when_idle, prefer_the_gui_thread

    prefer_the_gui_thread()  # the GIL switch interval the app runs with (make_app)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = collect_when_idle(app)  # full garbage collections wait for an idle user, as in the app
    window = _ready_window(app)
    window.editor.setPlainText(draft())
    pump(app, 30, until=lambda: _settled(window))
    _four_versions(app, window, "")
    window.publish.ask_approver = lambda: "Bench Approver"
    clock = HandlerClock(window)
    print(f"Sign-off of a {DRAFT_LENGTH:,}-character draft for four networks (real Analyzer, one window)")
    print("  stall: the longest GUI-thread stall from the click to the result shown (target <= 16 ms)")
    print("  handlers: the longest time inside the window's own click or result handler")
    for while_checking in (False, True):
        when = "mid-check" if while_checking else "idle"
        for action, label in (
            ("approve", "Mark as approved"),
            ("html", "Export as HTML"),
            ("pdf", "Export as PDF"),
        ):
            figures = measure(app, window, clock, action, while_checking, home, collector)
            outcome = "" if figures["ok"] else "  (did not finish!)"
            if figures["idle"]:
                ran = ", ".join(f"{ms:.0f} ms" for ms in figures["idle"])
                outcome += f"  (a full garbage collection ran while the user waited: {ran})"
            print(
                f"  {label:<17} engine {when:<9}: stall {figures['stall_ms']:6.1f} ms,"
                f" handlers {figures['handlers_ms']:6.1f} ms,"
                f" result after {figures['result_ms']:6.0f} ms{outcome}"
            )
    window.close()


if __name__ == "__main__":
    main()
