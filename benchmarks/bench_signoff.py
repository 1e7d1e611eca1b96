"""Sign-off responsiveness benchmark (offscreen). Prints figures; never asserts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_signoff.py

A 57,000-character draft for four networks (X as a thread, Facebook with its own words,
Bluesky and LinkedIn following the main text), real Analyzer, the window as the app
builds it. For each of "Mark as approved", "Export review as HTML" and "as PDF", the
longest GUI-thread stall (a 2 ms heartbeat timer) from the click until the result is
back and shown, and how long the result took: once with the engine idle, once clicked
while the engine is checking an edit to the whole draft. Target: stall <= 16 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import DRAFT_PARAGRAPH, Heartbeat, _four_versions, _ready_window, _settled, pump  # noqa: E402

DRAFT_LENGTH = 57_000


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


def measure(app, action: str, while_checking: bool, folder: str) -> dict:
    window = _ready_window(app)
    window.editor.setPlainText((DRAFT_PARAGRAPH * (DRAFT_LENGTH // len(DRAFT_PARAGRAPH) + 1))[:DRAFT_LENGTH])
    pump(app, 30, until=lambda: _settled(window))
    _four_versions(app, window, "")
    pump(app, 30, until=lambda: _settled(window))
    window.publish.ask_approver = lambda: "Bench Approver"
    if while_checking:
        _busy_checking(app, window)
    heartbeat = Heartbeat()
    heartbeat.start()
    pump(app, 0.1)  # the heartbeat ticking before the click
    start = time.perf_counter()
    ok = _approve(app, window) if action == "approve" else _export(app, window, action, folder)
    result_ms = (time.perf_counter() - start) * 1000
    pump(app, 0.2)
    stall = heartbeat.stop()
    window.close()
    pump(app, 0.2)
    return {"stall_ms": stall, "result_ms": result_ms, "ok": ok}


def main() -> None:
    home = tempfile.mkdtemp(prefix="bench-signoff-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = os.path.join(home, var.lower())
    from PySide6.QtWidgets import QApplication

    import desktop_app.ui  # noqa: F401 (applies the PySide6 6.12 / Python 3.11 work-around)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"Sign-off of a {DRAFT_LENGTH:,}-character draft for four networks (real Analyzer)")
    print("  longest GUI-thread stall from the click to the result shown (target <= 16 ms)")
    for while_checking in (False, True):
        when = "while the engine checks an edit" if while_checking else "engine idle"
        for action, label in (
            ("approve", "Mark as approved"),
            ("html", "Export as HTML"),
            ("pdf", "Export as PDF"),
        ):
            figures = measure(app, action, while_checking, home)
            outcome = "" if figures["ok"] else "  (did not finish!)"
            print(
                f"  {label:<17} {when:<32}: stall {figures['stall_ms']:6.1f} ms,"
                f" result after {figures['result_ms']:6.0f} ms{outcome}"
            )


if __name__ == "__main__":
    main()
