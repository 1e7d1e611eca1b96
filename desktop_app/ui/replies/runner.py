"""Sorting replies on a worker: one thread (the triager is built there, once, and reused),
results back on the GUI thread in batches a few times a second, so a set of 10,000 replies
fills the list while the window stays responsive. A new set or closing the view cancels the
run in progress; its late batches are dropped by their generation number."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.ui.jobs import run_in_pool

log = logging.getLogger(__name__)

BATCH_SECONDS = 0.15  # how often rows are handed to the list while sorting
# How long sorting waits at most for the list to draw a batch (see _hand_over).
DRAW_WAIT_SECONDS = 0.05


class TriageRunner(QObject):
    ready = Signal(object)  # the ReplyTriager, once built (first run)
    batch = Signal(int, object)  # generation, [Triaged]
    finished = Signal(int, object)  # generation, None or the exception that stopped it
    counted = Signal(int, int)  # generation, how many replies (when they are read on the worker)

    def __init__(self, parent=None, make_triager: Callable | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._make = make_triager or _default_triager
        self.triager = None  # built and used on the worker only; read-only elsewhere
        self.generation = 0
        self._lock = threading.Lock()
        self._drawn = threading.Event()

    def start(self, replies: list | Callable[[], list], corrections: Callable | None = None) -> int:
        """Sort `replies`, or the replies a function makes on the worker (splitting 10,000
        pasted lines held the window 15-20 ms; `counted` says how many there are); returns
        the run's generation (batches carry it)."""
        with self._lock:
            self.generation += 1
            generation = self.generation
        self._drawn.clear()  # set by the view once it has drawn itself emptied (see _run)
        given = replies if callable(replies) else list(replies)
        run_in_pool(lambda: self._run(generation, given, corrections), self.pool)
        return generation

    def cancel(self) -> None:
        with self._lock:
            self.generation += 1
        self._drawn.set()  # a run waiting for the list to draw goes on, and stops

    def drawn(self) -> None:
        """The GUI thread: the last batch is on screen (or will not be drawn); sorting goes on."""
        self._drawn.set()

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    def _run(self, generation: int, replies: list | Callable[[], list], corrections) -> None:
        try:
            if callable(replies):
                replies = replies()
                self._emit(self.counted, generation, len(replies))
            if self.triager is None:
                self.triager = self._make()
                self._emit(self.ready, self.triager)
            # Sorting waits (a little) while the view draws itself emptied for the new set: drawn
            # alongside sorting, that first draw waited for the GIL and held the window 40-70 ms.
            self._drawn.wait(DRAW_WAIT_SECONDS)
            pending, last = [], time.monotonic()
            for reply in replies:
                if not self._current(generation):
                    return
                key = reply.key
                pending.append(self.triager.triage(reply, corrections(key) if corrections else None))
                time.sleep(0)  # hand the GIL to the GUI thread between replies: clicks stay prompt
                if time.monotonic() - last >= BATCH_SECONDS:
                    self._hand_over(generation, pending)
                    pending, last = [], time.monotonic()
            self._emit(self.batch, generation, pending)
            self._emit(self.finished, generation, None)
        except Exception as exc:  # the view says so in one line; the log has the rest
            log.exception("sorting replies failed")
            self._emit(self.finished, generation, exc)

    def _hand_over(self, generation: int, rows: list) -> None:
        """Give the list a batch and wait (a little) while it draws them. Drawing a table
        calls into Python for every cell, and each call waits for the GIL while sorting
        holds it: a batch drawn alongside sorting kept the window 20-40 ms late."""
        self._drawn.clear()
        self._emit(self.batch, generation, rows)
        self._drawn.wait(DRAW_WAIT_SECONDS)

    def _emit(self, signal, *args) -> None:
        with contextlib.suppress(RuntimeError):  # the view went while we worked
            signal.emit(*args)

    def wait(self, msecs: int = 5000) -> bool:
        self.cancel()
        return self.pool.waitForDone(msecs)


def _default_triager():
    from desktop_app.triage import ReplyTriager

    return ReplyTriager()
