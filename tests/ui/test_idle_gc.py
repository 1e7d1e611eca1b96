"""Full garbage collections run while the user is idle (ui/idle_gc.py), not mid-keystroke."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from desktop_app.ui.idle_gc import DUE_AFTER, HOLD_AT_MOST_S, NEVER, IdleCollector


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


def _shown(qtbot, widget):
    """`widget` on screen with the focus: the keyboard and mouse reach it through its window."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusObject() is widget)
    return widget


def _key(widget, key=Qt.Key.Key_A) -> None:
    """A key typed as the platform delivers it: to the window, which hands it to the widget."""
    QTest.keyClick(widget.windowHandle(), key)


_moves = iter(range(10_000))


def _mouse_move(widget) -> None:
    step = next(_moves) % 50  # Qt drops a move to where the pointer already is
    QTest.mouseMove(widget.windowHandle(), QPoint(5 + step, 5 + step))


# Each input below comes idle_seconds or more after the one before: without it being seen,
# the tick would collect.
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


class _StartUp(QObject):
    warmed = Signal()
    failed = Signal(str)


def test_held_start_up_is_frozen_only_once_it_has_finished(collector):
    """Frozen at the first due moment, the freeze missed the engine's warm-up still running,
    and the next idle collection walked all of it on the GUI thread."""
    c, clock, ran, frozen, _state = collector
    start_up = _StartUp()
    c.hold_until(start_up.warmed, start_up.failed)
    for _ in range(4):
        clock.now += 1.6  # idle, and as much piled up as would set off a collection
        assert not c.tick()
    assert frozen == [] and ran == []
    start_up.warmed.emit()
    assert c.tick()
    assert frozen == [clock.now] and ran == []  # what the warm-up built is frozen with the rest


def test_a_failed_start_up_also_ends_the_hold(collector):
    c, clock, _ran, frozen, _state = collector
    start_up = _StartUp()
    c.hold_until(start_up.warmed, start_up.failed)
    clock.now += 1.6
    assert not c.tick()
    start_up.failed.emit("the policy pack did not load")
    assert c.tick() and frozen == [clock.now]


def test_a_start_up_that_never_finishes_holds_no_longer_than_its_limit(collector):
    c, clock, _ran, frozen, _state = collector
    start_up = _StartUp()  # never sends warmed
    c.hold_until(start_up.warmed)
    clock.now += HOLD_AT_MOST_S - 0.1
    assert not c.tick()
    clock.now += 0.1
    assert c.tick() and frozen == [clock.now]


def test_the_app_holds_its_collector_until_the_window_engine_has_warmed_up(qtbot, monkeypatch):
    from desktop_app.core import gc_policy
    from desktop_app.ui.application import collect_when_idle

    class Controller(QObject):
        engineWarmed = Signal()
        engineFailed = Signal(str)
        warmed = False

    class Window:
        controller = Controller()

    app = QApplication.instance()
    before = gc.get_threshold()
    monkeypatch.setattr(gc_policy, "freeze_loaded", False)
    collector = collect_when_idle(app, Window())
    assert gc_policy.freeze_loaded  # what the engine loads from the cache is frozen as it loads
    try:
        assert collector.held()
        Window.controller.engineWarmed.emit()
        assert not collector.held()
        Window.controller.warmed = True  # created after the warm-up: nothing to wait for
        late = collect_when_idle(app, Window())
        assert not late.held()
        late.uninstall(app)
    finally:
        collector.uninstall(app)
    assert gc.get_threshold() == before


def test_waits_while_the_user_types_or_moves_the_mouse(collector, qtbot):
    c, clock, ran, frozen, _state = collector
    editor = _shown(qtbot, QPlainTextEdit())
    for _ in range(5):
        clock.now += 1.6
        _key(editor)
        assert not c.tick()
    assert editor.toPlainText() == "a" * 5  # the keys reached the editor
    for _ in range(3):
        clock.now += 1.6
        _mouse_move(editor)
        assert not c.tick()
    assert ran == [] and frozen == []
    clock.now += 1.5
    assert c.tick()


def test_keys_count_where_no_text_cursor_moves(collector, qtbot):
    """Arrow keys in a list, a button pressed with Space: no text changes, still the user."""
    c, clock, _ran, frozen, _state = collector
    button = _shown(qtbot, QPushButton("Sort"))
    c.tick()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Tab):
        clock.now += 1.6
        _key(button, key)
        assert not c.tick()
    assert frozen == []
    clock.now += 1.5
    assert c.tick()


def test_text_an_input_method_commits_counts_as_typing(collector, qtbot):
    """An input method sends its text to the focused widget, not through the window."""
    c, clock, _ran, frozen, _state = collector
    editor = _shown(qtbot, QPlainTextEdit())
    for word in ("é", "ñ", "ü"):
        clock.now += 1.6
        commit = QInputMethodEvent("", [])
        commit.setCommitString(word)
        QApplication.sendEvent(editor, commit)
        assert not c.tick()
    assert editor.toPlainText() == "éñü"
    assert frozen == []
    clock.now += 1.5
    assert c.tick()


def test_a_window_opened_after_install_is_watched_too(collector, qtbot):
    c, clock, _ran, frozen, _state = collector
    # One that takes the focus (a dialog, the Replies view): from that moment, before any tick.
    clock.now += 1.6
    later = _shown(qtbot, QPushButton("Later"))
    _key(later, Qt.Key.Key_Down)
    assert c.last_input == clock.now
    clock.now += 1.6
    _mouse_move(later)
    assert c.last_input == clock.now
    # One that never takes the focus (the pointer over a second window): from the next tick.
    aside = QPushButton("Aside")
    aside.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    qtbot.addWidget(aside)
    aside.show()
    qtbot.waitExposed(aside)
    assert QApplication.focusWindow() is not aside.windowHandle()
    c.tick()
    clock.now += 1.6
    _mouse_move(aside)
    assert not c.tick()
    assert frozen == []


def test_no_python_call_for_events_that_are_not_input(qtbot):
    """Paints, layouts, timers and signals of every widget never reach the collector: an
    app-wide Python filter made each of them wait for the GIL while a worker held it."""

    class Counting(IdleCollector):
        calls = 0

        def eventFilter(self, obj, event) -> bool:
            Counting.calls += 1
            return super().eventFilter(obj, event)

    app = QApplication.instance()
    c = Counting(counts=lambda: (0, 0, 0))
    c.install(app)
    try:
        target = QObject()
        for _ in range(50):
            QApplication.sendEvent(target, QEvent(QEvent.Type.User))
        editor = QPlainTextEdit()
        qtbot.addWidget(editor)
        editor.setPlainText("words " * 200)  # layouts and updates
        QApplication.sendEvent(editor, QEvent(QEvent.Type.LayoutRequest))
        assert Counting.calls == 0
    finally:
        c.uninstall(app)


def test_not_due_means_no_collection_however_idle(collector):
    c, clock, ran, _frozen, state = collector
    state["counts"] = (0, 0, DUE_AFTER - 1)
    clock.now += 30
    assert not c.tick()
    assert ran == []


def test_a_user_who_never_stops_still_gets_one_after_the_longest_wait(collector, qtbot):
    c, clock, _ran, frozen, _state = collector
    editor = _shown(qtbot, QPlainTextEdit())
    for _ in range(59):
        clock.now += 1.0
        _key(editor)
        assert not c.tick()
    clock.now += 1.0
    _key(editor)
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
