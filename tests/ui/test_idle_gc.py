"""Full garbage collections run while the user is idle (ui/idle_gc.py), not mid-keystroke."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop_app.ui.idle_gc import DUE_AFTER, NEVER, IdleCollector


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def collector(qtbot):
    clock = Clock()
    ran, frozen = [], []
    state = {"counts": (0, 0, DUE_AFTER)}
    c = IdleCollector(
        idle_seconds=1.5,
        longest_wait=60,
        clock=clock,
        collect=lambda: ran.append(clock.now),
        freeze=lambda: frozen.append(clock.now),
        counts=lambda: state["counts"],
    )
    app = QApplication.instance()
    before = gc.get_threshold()
    c.install(app)
    yield c, clock, ran, frozen, state
    c.uninstall(app)
    assert gc.get_threshold() == before


def test_install_switches_off_only_the_automatic_full_collection(collector):
    _c, *_ = collector
    young, middle, old = gc.get_threshold()
    assert old == NEVER
    assert young > 0 and middle > 0  # the young generations still collect


def test_the_first_time_it_freezes_what_start_up_built_then_collects_when_idle(collector):
    c, clock, ran, frozen, _state = collector
    assert not c.tick()  # the user touched nothing yet, but the clock has not moved
    clock.now += 1.6
    assert c.tick()
    assert frozen == [101.6] and ran == []  # a freeze, not a 150-200 ms collection
    clock.now += 5
    assert c.tick()
    clock.now += 5
    assert c.tick()
    assert ran == [106.6, 111.6]
    assert frozen == [101.6]  # only once
    assert len(c.collections) == 3


def test_waits_while_the_user_types_or_moves_the_mouse(collector, qtbot):
    c, clock, ran, frozen, _state = collector
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    for _ in range(5):
        clock.now += 1.0
        QApplication.sendEvent(
            editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )
        assert not c.tick()
    clock.now += 1.0
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(editor, move)
    assert not c.tick()
    assert ran == [] and frozen == []
    clock.now += 1.5
    assert c.tick()


def test_not_due_means_no_collection_however_idle(collector):
    c, clock, ran, _frozen, state = collector
    state["counts"] = (0, 0, DUE_AFTER - 1)
    clock.now += 30
    assert not c.tick()
    assert ran == []


def test_a_user_who_never_stops_still_gets_one_after_the_longest_wait(collector, qtbot):
    c, clock, _ran, frozen, _state = collector
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    for _ in range(59):
        clock.now += 1.0
        QApplication.sendEvent(editor, key)
        assert not c.tick()
    clock.now += 1.0
    QApplication.sendEvent(editor, key)
    assert c.tick()
    assert frozen == [160.0]


def test_the_timer_ticks_on_its_own(qtbot):
    """Installed, the collector runs from its timer: no caller has to tick it."""
    app = QApplication.instance()
    ran = []
    c = IdleCollector(
        idle_seconds=0.0,
        tick_ms=10,
        collect=lambda: ran.append(1),
        freeze=lambda: None,
        counts=lambda: (0, 0, DUE_AFTER),
    )
    c.install(app)
    try:
        qtbot.waitUntil(lambda: len(ran) >= 2, timeout=2000)
    finally:
        c.uninstall(app)
