"""Run a function on a Qt thread pool. Results go back to the GUI thread through the
caller's own signals; an exception is logged here, since one escaping a pool thread
would otherwise be reported by nobody."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QRunnable, QThreadPool

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
