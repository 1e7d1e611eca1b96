"""Import modules on a worker thread, then call back on the GUI thread.

Importing the grammar lane (requests, Hunspell) or the drafts modules takes a tenth of a
second or more; done on the GUI thread just after the first paint it would freeze the
window while the user starts typing.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal()


class _Job(QRunnable):
    def __init__(self, names: list[str], relay: _Relay):
        super().__init__()
        self._names, self._relay = names, relay

    def run(self) -> None:
        for name in self._names:
            try:
                importlib.import_module(name)
            except Exception:  # the callback imports again and reports it properly
                log.exception("background import of %s failed", name)
        self._relay.done.emit()


def import_then(names: Iterable[str], callback: Callable[[], None], parent: QObject) -> None:
    relay = _Relay(parent)  # lives on the GUI thread: done arrives queued, on the GUI thread

    def finish() -> None:
        relay.deleteLater()
        callback()

    relay.done.connect(finish)
    QThreadPool.globalInstance().start(_Job(list(names), relay))
