"""Background work for the window: one pattern, so nothing slow runs on the GUI thread.

    run_in_pool(work, pool)                  fire and forget (a write, a save)
    run_then(work, done, owner, pool)        work on a worker, done(result) on the GUI thread
    import_then(modules, callback, owner)    import on a worker, then call back (start-up)

Results always come back through a small relay object owned by `owner`, so they arrive
by queued connection on the GUI thread. If the owner is gone by then (the window closed
mid-job), the result is dropped quietly instead of reaching a deleted object. An exception
inside `work` is logged here: one escaping a pool thread would be reported by nobody.

Engine checks and autosave keep their own pools (one thread each, so results arrive in
order) but use the same relay idea. This is also where the start-up rule lives: a module
that costs more than a few milliseconds to import (requests, Hunspell, the drafts store,
the PDF writer) is imported inside the function that first needs it, or ahead of time
with import_then after the first paint, never at the top of a module the window imports
before it paints (tests/ui/test_startup.py checks the first paint).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _PoolJob(QRunnable):
    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work

    def run(self) -> None:
        try:
            self._work()
        except Exception:  # a bug must not vanish with the worker thread
            log.exception("background job failed")


def run_in_pool(work: Callable[[], None], pool: QThreadPool | None = None) -> None:
    (pool or QThreadPool.globalInstance()).start(_PoolJob(work))


class _Relay(QObject):
    done = Signal(object)


def run_then(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    owner: QObject,
    pool: QThreadPool | None = None,
) -> None:
    """Run `work()` on a worker and call `done(result)` on the GUI thread. If `work` raises,
    `done` gets the exception (check with isinstance) so the caller can tell the user."""
    relay = _Relay(owner)  # created here, on the GUI thread: its signal is delivered here

    def finish(result: Any) -> None:
        relay.deleteLater()
        done(result)

    relay.done.connect(finish)

    def job() -> None:
        try:
            result = work()
        except Exception as exc:
            log.exception("background job failed")
            result = exc
        with contextlib.suppress(RuntimeError):  # the owner (and its relay) went while we worked
            relay.done.emit(result)

    run_in_pool(job, pool)


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # the callback imports again and reports it properly
            log.exception("background import of %s failed", name)


def import_then(names: Iterable[str], callback: Callable[[], None], owner: QObject) -> None:
    """Import modules on a worker (a tenth of a second or more for the grammar lane), then
    call back on the GUI thread, so the window stays responsive just after it appears."""
    modules = list(names)
    run_then(lambda: _import_all(modules), lambda _result: callback(), owner)
