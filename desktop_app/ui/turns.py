"""Work spread over turns of the event loop, with what is waiting let through between.

    next_turn(owner, step)   # step() on a later turn; never once `owner` is gone

Start-up steps, cards made a few at a time and the panels drawn after the editor each run
on a later turn so that a key press, a timer or a repaint waiting meanwhile is handled in
between. QTimer.singleShot(0, ...) alone does not give that: it posts the call as an event,
and Qt handles a call posted while it handles posted events in the same pass, so two steps
queued one after the other ran back to back, before any waiting timer or input (two 8 ms
steps made one 16 ms stall). So the step waits first for a timer of its own, started at
0 ms, which fires only once the timers and input waiting have been handled, and is then
posted, so it also comes after the events posted before it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class _NextTurn(QObject):
    """One step's wait: a child of the owner, so it goes (and the step with it) if the owner
    goes first."""

    def __init__(self, owner: QObject, step: Callable[[], object]):
        super().__init__(owner)
        self._step: Callable[[], object] | None = step
        self.startTimer(0)

    def timerEvent(self, event) -> None:
        self.killTimer(event.timerId())
        owner, step, self._step = self.parent(), self._step, None
        self.deleteLater()
        if owner is not None and step is not None:
            QTimer.singleShot(0, owner, step)  # after the events posted before it, too


def next_turn(owner: QObject, step: Callable[[], object]) -> None:
    """Call `step()` on a later turn of the event loop, after the timers, input and events
    waiting now; never once `owner` has been deleted."""
    _NextTurn(owner, step)
