"""Autosave survives kill -9: the real app (the main window as `python -m desktop_app`
builds it) types in a separate process, is killed, and a second one restores.

The harness (autosave_harness.py) prints "typed <count> <monotonic time>" after each key;
CLOCK_MONOTONIC is shared by processes on one machine, so we know what had been typed a
second before the kill and can demand that it is on disk.
"""

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.storage.drafts import DraftStore

HARNESS = Path(__file__).parents[1] / "autosave_harness.py"
sys.path.insert(0, str(HARNESS.parent))
from autosave_harness import typed_text  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]

TYPING_SECONDS = 2.5
MIN_TYPED = 50  # characters on disk that the test demands, at the least
LINE_TIMEOUT = 20


def _start(*args: str) -> subprocess.Popen:
    # No LanguageTool install is looked for outside the test's own dirs.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LTP_PATH": os.environ["XDG_CACHE_HOME"] + "/ltp"}
    return subprocess.Popen(
        [sys.executable, str(HARNESS), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _lines(proc: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _type_then_kill() -> tuple[list[tuple[int, float]], float]:
    proc = _start("type", "--interval-ms", "10")
    lines = _lines(proc)
    progress: list[tuple[int, float]] = []
    try:
        first = lines.get(timeout=LINE_TIMEOUT)
        assert first and first.startswith("ready"), f"harness did not start: {first!r} {proc.stderr.read()}"
        while True:
            line = lines.get(timeout=LINE_TIMEOUT)
            assert line is not None, f"harness ended early: {proc.stderr.read()}"
            assert not line.startswith("failed"), line
            _, count, when = line.split()
            progress.append((int(count), float(when)))
            # Type for a while, and until enough was typed more than a second ago to mean
            # something (a loaded machine types slowly just after start-up).
            now = progress[-1][1]
            typed_a_second_ago = max((c for c, w in progress if w <= now - 1.0), default=0)
            if now - progress[0][1] >= TYPING_SECONDS and typed_a_second_ago > MIN_TYPED:
                break
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=LINE_TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return progress, killed_at


def test_text_typed_a_second_before_kill_9_is_restored():
    progress, killed_at = _type_then_kill()
    # Everything typed up to one second before the kill must be on disk.
    must_have = max(count for count, when in progress if when <= killed_at - 1.0)
    assert must_have > MIN_TYPED  # the test typed for long enough to mean something

    store = DraftStore()
    files = list(store.folder.glob("*.json"))
    drafts = [p for p in files if p.name != "state.json"]
    assert len(drafts) == 1
    on_disk = json.loads(drafts[0].read_text(encoding="utf-8"))  # valid JSON, never half-written
    saved = on_disk["text"]
    assert len(saved) >= must_have
    assert saved == typed_text(len(saved))  # exactly what was typed, in order
    assert on_disk["cursor"] == len(saved)
    assert store.last_open_id() == on_disk["id"]

    # Restart: a second process opens the same draft with its cursor where it was.
    proc = _start("restore")
    out, err = proc.communicate(timeout=LINE_TIMEOUT)
    assert proc.returncode == 0, err
    restored = json.loads(out.strip().splitlines()[-1])
    assert restored["id"] == on_disk["id"]
    assert restored["text"] == saved
    assert restored["cursor"] == len(saved)
