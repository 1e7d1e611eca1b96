"""Shared set-up for the main-window tests (imported explicitly, not a conftest, so the
other tests in tests/ui are unaffected)."""

from __future__ import annotations

import re
import threading
import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer

from desktop_app.core.findings import (
    Finding,
    PlatformFit,
    Readability,
    Report,
    SentenceScore,
    Severity,
    Suggestion,
    principle_statuses,
)
from desktop_app.storage.settings import Settings
from desktop_app.ui.application import prefer_the_gui_thread
from desktop_app.ui.window.main_window import MainWindow

# word -> (rule, category, severity, principle, clause, suggestions)
FAKE_RULES = {
    "leverage": ("Test.Jargon", "jargon", Severity.ADVICE, "P7", None, ("use",)),
    "stakeholders": ("Test.Jargon", "jargon", Severity.ADVICE, "P7", None, ("people affected",)),
    "idiot": ("Test.Attack", "personal-attack", Severity.MUST_FIX, "P6", "C-abuse", ()),
    "perhaps": ("Test.Hedge", "hedging", Severity.ADVICE, "P1", None, ("",)),
}


class FakeAnalyzer:
    """Deterministic, instant findings for UI mechanics (the real engine has its own tests).

    `extra`: phrase -> a function (start) -> findings, for the cases FAKE_RULES' single
    words cannot make (overlaps, labelled rewrites, long suggestions)."""

    def __init__(self, problems=(), extra=None):
        self.pack = SimpleNamespace(
            principles={}, clauses={}, problems=list(problems), platforms=shipped_platforms()
        )
        self.calls: list[tuple[int, int]] = []  # (revision, length of text analysed)
        self.extra = dict(extra or {})

    def warm_up(self) -> None:
        pass

    def analyze(self, text: str, revision: int = 0, platforms=None) -> Report:
        self.calls.append((revision, len(text)))
        findings = []
        for word, (rule, cat, sev, principle, clause, swaps) in FAKE_RULES.items():
            for m in re.finditer(rf"\b{word}\b", text, re.IGNORECASE):
                findings.append(
                    Finding(
                        m.start(), m.end(), m.group(), rule, cat, sev, f"Flagged {word}.", f"Why {word}.",
                        principle, clause,
                        tuple(Suggestion(s, m.start(), m.end()) for s in swaps),
                    )
                )  # fmt: skip
        for phrase, make in self.extra.items():
            for m in re.finditer(re.escape(phrase), text):
                findings.extend(make(m.start()))
        findings.sort(key=lambda f: (f.start, f.end))
        scores = []
        for m in re.finditer(r"[^.!?]+[.!?]?", text):
            words = len(m.group().split())
            if words:
                level = "very-hard" if words >= 30 else "hard" if words >= 20 else "ok"
                scores.append(SentenceScore(m.start(), m.end(), words, 10.0, level))
        readability = Readability(
            reading_age=9.0 if scores else None, target_age=9, words=len(text.split()),
            sentences=len(scores), hard=sum(s.level == "hard" for s in scores),
            very_hard=sum(s.level == "very-hard" for s in scores),
            reading_time_seconds=len(text.split()) * 60 // 238, sentence_scores=tuple(scores),
        )  # fmt: skip
        fits = [
            PlatformFit(name, limit, len(text), limit if len(text) > limit else None)
            for name, limit in (("X", 280), ("Bluesky", 300), ("Threads", 500), ("Mastodon", 500),
                                ("Instagram", 2200), ("LinkedIn", 3000), ("Facebook", 63206))
        ]  # fmt: skip
        if platforms is not None:  # as the engine: only the networks asked for
            wanted = [name.lower() for name in platforms]
            fits = sorted(
                (f for f in fits if f.name.lower() in wanted), key=lambda f: wanted.index(f.name.lower())
            )
        return Report(text, revision, findings, principle_statuses(findings, {}), readability, fits)

    def analyze_version(self, text: str, network: str, thread: bool = False, revision: int = 0) -> Report:
        """As the engine: measured for that network; a thread post by post."""
        report = self.analyze(text, revision, [] if thread else [network])
        platform = next((p for p in self.pack.platforms if p.name.lower() == network.lower()), None)
        if thread and platform is not None:
            from desktop_app.core.versions import thread_fit

            report.platforms = [thread_fit(text, platform)[0]]
        return report


_SHIPPED_PLATFORMS: list = []


def shipped_platforms() -> list:
    """The networks in the shipped platforms.yml (read once)."""
    if not _SHIPPED_PLATFORMS:
        from desktop_app.policy import load_policy

        _SHIPPED_PLATFORMS.extend(load_policy(include_user_overlay=False, rules=False).platforms)
    return list(_SHIPPED_PLATFORMS)


class GatedAnalyzer(FakeAnalyzer):
    """Blocks inside analyze() for the texts listed in `hold` until released."""

    def __init__(self, hold: set[str]):
        super().__init__()
        self.hold = hold
        self.entered = threading.Event()
        self.release = threading.Event()

    def analyze(self, text: str, revision: int = 0, platforms=None) -> Report:
        if text in self.hold:
            self.entered.set()
            self.release.wait(10)
        return super().analyze(text, revision, platforms)


class Inbox(QObject):
    """Counts the events posted to it, as the event loop hands them over: a step that posts
    one can tell, at the next step, whether a turn of the event loop came between."""

    def __init__(self):
        super().__init__()
        self.handled = 0

    def event(self, ev):
        if ev.type() == QEvent.Type.User:
            self.handled += 1
            return True
        return super().event(ev)


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def make_window(qtbot, settings):
    windows = []

    prefer_the_gui_thread()  # as make_app does for the real app

    def make(analyzer=None, **kwargs) -> MainWindow:
        window = MainWindow(analyzer=analyzer, settings=kwargs.pop("settings", settings), **kwargs)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # window-wide shortcuts (F8, Ctrl+.) need an active window
        qtbot.waitUntil(window.isActiveWindow)
        # the start-up steps after the first paint, and the drafts they start (reading the
        # store may put the last draft in the editor): done before a test types
        qtbot.waitUntil(lambda: window.features_ready() and window.drafts.started, timeout=15000)
        qtbot.waitUntil(lambda: window.controller.analyzer is not None, timeout=15000)
        wait_report(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:  # drain the threads before the widgets go
        window.controller.shutdown()
    QThreadPool.globalInstance().waitForDone(5000)


def wait_report(qtbot, window: MainWindow, timeout: int = 15000) -> None:
    """Wait until the report for the current text is on screen."""
    qtbot.waitUntil(
        lambda: window.drawn_revision == window.revision and not window.controller.busy,
        timeout=timeout,
    )


def set_text(qtbot, window: MainWindow, text: str) -> None:
    window.editor.setPlainText(text)
    wait_report(qtbot, window)


def type_text(qtbot, window: MainWindow, text: str) -> None:
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, text)
    wait_report(qtbot, window)


def card_texts(window: MainWindow) -> list[str]:
    return [c.finding.text for c in window.findings_list.cards()]


def card_for_text(window: MainWindow, words: str):
    for card in window.findings_list.cards():
        if card.finding.text.lower() == words.lower():
            return card
    raise AssertionError(f"no card for {words!r}; cards: {card_texts(window)}")


def underlined(window: MainWindow) -> list[tuple[str, str]]:
    """(severity, underlined text) for every finding drawn in the editor."""
    out = []
    for sel in window.editor.extraSelections():
        if sel.format.underlineStyle().value:
            out.append((sel.format.underlineColor().name(), sel.cursor.selectedText()))
    return out


def approve(qtbot, window: MainWindow, timeout: int = 15000) -> bool:
    """ "Mark as approved" and wait for the outcome (the must-fix count is worked out off the
    GUI thread): True once approved, False once refused (approvalRefused)."""
    publish = window.publish
    outcome: list[bool] = []

    def approved() -> None:
        if publish.approval is not None:
            outcome.append(True)

    def refused(_message: str) -> None:
        outcome.append(False)

    publish.approvalChanged.connect(approved)
    publish.approvalRefused.connect(refused)
    try:
        publish.approve()
        qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    finally:
        publish.approvalChanged.disconnect(approved)
        publish.approvalRefused.disconnect(refused)
    return outcome[0]


class HeldSheetChecks(FakeAnalyzer):
    """analyze_version (what the sign-off sheet and approval run for each network; the
    editor's own checks use analyze) waits for `release` while `held` is set, and notes
    which threads ran it."""

    def __init__(self):
        super().__init__()
        self.held = False
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: set[str] = set()

    def analyze_version(self, text: str, network: str, thread: bool = False, revision: int = 0) -> Report:
        self.threads.add(threading.current_thread().name)
        if self.held:
            self.entered.set()
            self.release.wait(10)
        return super().analyze_version(text, network, thread, revision)


def ticking() -> tuple[list[int], QTimer]:
    """A timer due every millisecond (as a key press waits to be handled); its count so far."""
    ticks = [0]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    return ticks, timer


def busy(ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass
