"""When the grammar lane starts (ui/grammar/feature.py): after the policy pack is loaded and
the first findings are on screen, so its spelling process does not compete with the engine's
first check and the window drawing it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject, Signal

from desktop_app.ui.grammar import feature as grammar_feature
from desktop_app.ui.grammar.feature import GrammarFeature


class FakeWindow(QObject):
    reportDrawn = Signal(int)
    addWordRequested = Signal(object)

    def __init__(self, drawn_revision: int = -1):
        super().__init__()
        self.settings = {}
        self.findings_list = SimpleNamespace(addWordRequested=self.addWordRequested)
        self.drawn_revision = drawn_revision


PACK = SimpleNamespace(grammar_settings={}, words=["Cllr"])


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr(GrammarFeature, "start_now", lambda self, *args: calls.append(args))
    return calls


def test_the_lane_waits_for_the_first_findings_on_screen(qtbot, started):
    window = FakeWindow()
    feature = GrammarFeature(window)
    feature._policy_loaded(PACK)
    qtbot.wait(20)
    assert started == []  # the pack is loaded, nothing drawn yet
    window.reportDrawn.emit(1)
    assert len(started) == 1 and started[0][1] == ["Cllr"]
    window.reportDrawn.emit(2)  # later draws start nothing more
    feature._policy_loaded(PACK)
    assert len(started) == 1


def test_findings_already_on_screen_start_it_at_once(started):
    feature = GrammarFeature(FakeWindow(drawn_revision=0))
    feature._policy_loaded(PACK)
    assert len(started) == 1


@pytest.fixture
def waiting(monkeypatch):
    """A feature whose pack is loaded, no findings drawn, and a short wait for them."""
    monkeypatch.setattr(grammar_feature, "START_AT_MOST_MS", 50)
    window = FakeWindow()
    feature = GrammarFeature(window)
    feature._policy_loaded(PACK)
    return window, feature


def test_with_nothing_drawn_it_starts_after_a_while_anyway(qtbot, started, waiting):
    """An engine that could not start draws no findings: spelling still comes."""
    window, _feature = waiting
    assert started == []
    qtbot.waitUntil(lambda: len(started) == 1, timeout=2000)
    window.reportDrawn.emit(1)
    assert len(started) == 1


def test_a_window_closed_while_it_waits_starts_nothing(qtbot, started, waiting):
    window, feature = waiting
    feature.shutdown()  # the window closing
    window.reportDrawn.emit(1)
    qtbot.wait(120)
    assert started == []
