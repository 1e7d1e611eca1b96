"""Full garbage collections while the user is idle, never in the middle of their work.

CPython's full collection (its oldest generation) walks every object the app holds and
stops every thread while it does: 50-200 ms here once the policy pack and a large set of
sorted replies or a sign-off sheet are in memory. Whichever thread sets it off (often a
worker sorting replies or checking a post) the GUI thread waits, and a click or a key
waits with it. So the app:
- switches the automatic full collection off (the young generations still collect as
  usual: their pauses are a few milliseconds);
- runs it itself once nobody has touched the keyboard or mouse for `idle_seconds`, when
  at least as much has piled up as would have set it off;
- if the user never stops that long, runs it anyway after `longest_wait` seconds (no worse
  than before, and rare);
- the first time one is due, only freezes what exists (the policy pack, the window: alive
  until the app quits), so later collections skip it and stay short. A full collection
  then took 150-200 ms and found about 40 objects to free: freezing them too costs
  nothing anyone would notice, and the stall is gone.
Only the app's own run() installs it; tests and the command line keep Python's default.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

log = logging.getLogger(__name__)

# Python's default: a full collection is considered after ten collections of the middle
# generation. The collector waits for at least that much before it runs one.
DUE_AFTER = 10
NEVER = 1 << 30  # a full-collection threshold that is never reached
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleCollector(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        idle_seconds: float = 1.5,
        longest_wait: float = 60.0,
        tick_ms: int = 250,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[], object] = gc.collect,
        freeze: Callable[[], object] = gc.freeze,
        counts: Callable[[], tuple[int, int, int]] = gc.get_count,
    ):
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.longest_wait = longest_wait
        self._clock = clock
        self._collect, self._freeze, self._counts = collect, freeze, counts
        self._saved_threshold: tuple[int, ...] | None = None
        self._frozen = False
        self.last_input = clock()
        self.last_full = clock()
        self.collections: list[float] = []  # how long each full collection took, in ms
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    # -------------------------------------------------------------------- on and off
    def install(self, app) -> None:
        """Take over the full collections for `app` (a QApplication)."""
        if self._saved_threshold is None:
            self._saved_threshold = gc.get_threshold()
            young, middle, _old = self._saved_threshold
            gc.set_threshold(young, middle, NEVER)
        app.installEventFilter(self)
        self.timer.start()

    def uninstall(self, app) -> None:
        """Give the full collections back to Python (what it set before)."""
        self.timer.stop()
        app.removeEventFilter(self)
        if self._saved_threshold is not None:
            gc.set_threshold(*self._saved_threshold)
            self._saved_threshold = None

    # -------------------------------------------------------------------- the decision
    def eventFilter(self, obj, event) -> bool:
        if event.type() in _INPUT:
            self.last_input = self._clock()
        return False

    def due(self) -> bool:
        """As much has piled up as would have set off Python's own full collection."""
        return self._counts()[2] >= DUE_AFTER

    def tick(self) -> bool:
        """Run a full collection if one is due and the user is idle (or has not been for
        too long); True when it ran."""
        if not self.due():
            return False
        now = self._clock()
        idle = now - self.last_input >= self.idle_seconds
        if not idle and now - self.last_full < self.longest_wait:
            return False
        self.run_now()
        return True

    def run_now(self) -> None:
        started = time.perf_counter()
        if self._frozen:
            self._collect()
        else:
            # What start-up built lives until the app quits: later collections skip it.
            self._freeze()
            self._frozen = True
        took = (time.perf_counter() - started) * 1000
        self.collections.append(took)
        self.last_full = self._clock()
        log.debug("full garbage collection while idle: %.1f ms", took)
