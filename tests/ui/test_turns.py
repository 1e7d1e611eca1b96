"""next_turn: work spread over turns of the event loop lets waiting timers and input through."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject

from desktop_app.ui.turns import next_turn
from tests.ui.window_helpers import busy, ticking


def test_a_waiting_timer_runs_between_two_steps(qtbot):
    ticks, timer = ticking()
    owner = QObject()
    seen = []

    def step() -> None:
        seen.append(ticks[0])
        busy(3)  # longer than the timer's interval: it is due when the step ends
        if len(seen) < 8:
            next_turn(owner, step)

    next_turn(owner, step)
    qtbot.waitUntil(lambda: len(seen) == 8)
    timer.stop()
    assert all(later > earlier for earlier, later in itertools.pairwise(seen)), seen


def test_nothing_runs_once_its_owner_is_gone(qtbot):
    owner = QObject()
    ran = []
    next_turn(owner, lambda: ran.append(True))
    owner.deleteLater()
    qtbot.wait(30)
    assert ran == []
    kept = QObject()
    next_turn(kept, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])
