"""How fast replies are sorted, and whether the window stays responsive meanwhile.

    python benchmarks/bench_replies.py [--replies 10000] [--no-gui]

Prints:
- the command line: `drafting-assistant replies --format jsonl FILE` on N replies, wall time
  from start to exit (target: 10,000 in under 10 s);
- in-process: time per reply once the policy is loaded;
- the window (offscreen): the Replies view sorting N replies on its worker while a 10 ms
  timer on the GUI thread measures how late it fires (the longest and the 99th percentile
  delay: how long a keystroke or a click could wait), and how long until the list is full.
  A user reads the list meanwhile (a Down-arrow key every 200 ms, which also fills the
  reply's detail pane), and the full garbage collections wait for them to stop, as in the
  app (ui/idle_gc.py); the collections run once they do are printed apart, with their length.

The replies are built from our own sets (tests/data/replies), each made unique by a number,
so no result comes from the engine's cache.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def make_replies(n: int) -> list[str]:
    sets = sorted((REPO / "tests" / "data" / "replies").glob("dev-*.txt"))
    base = [
        line.strip()
        for path in sets
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [f"{base[i % len(base)]} ({i})" for i in range(n)]


def bench_cli(replies: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "replies.txt"
        path.write_text("\n".join(replies) + "\n", encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "desktop_app", "replies", "--format", "jsonl", str(path)],
            capture_output=True,
            cwd=REPO,
            check=False,
        )
        took = time.perf_counter() - started
    lines = done.stdout.count(b"\n")
    print(f"command line: {lines:,} replies sorted in {took:.2f} s (exit {done.returncode}; target < 10 s)")


def bench_in_process(replies: list[str]) -> None:
    from desktop_app.core.replies.sources import Reply
    from desktop_app.triage import ReplyTriager

    started = time.perf_counter()
    triager = ReplyTriager()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    for text in replies:
        triager.triage(Reply(text))
    took = time.perf_counter() - started
    print(
        f"in-process: policy loaded in {loaded:.2f} s; {len(replies):,} replies in {took:.2f} s"
        f" ({took / len(replies) * 1000:.2f} ms each)"
    )


def bench_gui(replies: list[str]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["XDG_DATA_HOME"] = str(Path(home) / "data")
        os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer
        from PySide6.QtTest import QTest

        from desktop_app.ui.application import collect_when_idle, make_app
        from desktop_app.ui.replies.view import RepliesWindow

        app = make_app()
        collector = collect_when_idle(app)
        view = RepliesWindow()
        view.show()

        view.table.setFocus()

        def read_on() -> None:  # the user: Down to the next reply, through the window as typed
            QTest.keyClick(view.windowHandle(), Qt.Key.Key_Down)

        user = QTimer()
        user.timeout.connect(read_on)
        delays: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        late_at: list[tuple[float, float]] = []

        def tick() -> None:
            now = clock.elapsed()
            delays.append(max(0, now - last[0] - 10))
            if delays[-1] > 50:
                late_at.append((now, delays[-1]))
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        finished: list[int] = []
        view.sorted.connect(finished.append)
        # Warm the worker first (loading the policy), as a second set in a session would be.
        view.sort_text("Warm up.")
        while not finished:
            app.processEvents()
        finished.clear()
        started = time.perf_counter()
        last[0] = clock.elapsed()
        begun = clock.elapsed()
        timer.start(10)
        user.start(200)
        view.sort_text("\n".join(replies))
        first_rows = None
        while not finished:
            app.processEvents()
            if first_rows is None and view.model.rowCount():
                first_rows = time.perf_counter() - started
            time.sleep(0.001)
        took = time.perf_counter() - started
        timer.stop()
        user.stop()
        during = list(collector.collections)
        collector.last_input = 0.0  # the user stops reading: the collector's turn
        collector.tick()
        after = collector.collections[len(during) :]
        view.shutdown()
        if os.environ.get("BENCH_VERBOSE"):
            print("late ticks (ms after start, ms late):", [(round(t - begun), round(d)) for t, d in late_at])
        ordered = sorted(delays)
        p99 = ordered[int(0.99 * (len(ordered) - 1))] if ordered else 0
        print(
            f"window: {view.model.rowCount():,} replies in the list after {took:.2f} s (first rows after"
            f" {first_rows or 0:.2f} s); GUI thread late by at most {max(ordered, default=0):.0f} ms,"
            f" 99th percentile {p99:.0f} ms, over {len(ordered):,} ticks of 10 ms"
        )
        print(
            "  full garbage collections while the user read: "
            + (", ".join(f"{ms:.0f} ms" for ms in during) or "none")
            + "; once they stopped: "
            + (", ".join(f"{ms:.0f} ms" for ms in after) or "none due")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=10_000)
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args(argv)
    replies = make_replies(args.replies)
    bench_cli(replies)
    bench_in_process(replies)
    if not args.no_gui:
        bench_gui(replies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
