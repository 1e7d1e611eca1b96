"""Approving and exporting check every network's version off the GUI thread: the click
returns to the event loop at once, the outcome follows, and an approval is only ever for
the words that were checked."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.approval import APPROVED
from desktop_app.storage.drafts import DraftStore
from tests.ui import window_helpers
from tests.ui.window_helpers import HeldSheetChecks, approve, wait_report

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture

CLEAN = "The 42 bus runs until eleven from Monday. Thank you to everyone who signed."
CHECKING = "Checking every version before approval…"


@pytest.fixture
def held_window(qtbot, make_window, tmp_path):
    """A window for X and Facebook whose sheet checks wait until released."""
    analyzer = HeldSheetChecks()
    window = make_window(analyzer, store=DraftStore(tmp_path / "drafts"))
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.platform_bar.set_networks(["X", "Facebook"])
    window.platform_bar.networksChanged.emit(["X", "Facebook"])
    window.editor.setPlainText(CLEAN)
    wait_report(qtbot, window)
    window.publish.ask_approver = lambda: "Priya O'Neill"
    yield window, analyzer
    analyzer.release.set()  # never leave a worker waiting


def test_approve_returns_at_once_with_the_button_off_until_the_versions_are_checked(qtbot, held_window):
    window, analyzer = held_window
    publish = window.publish
    asked_while: list[str] = []

    def name() -> str:
        asked_while.append(window.statusBar().currentMessage())
        return "Priya O'Neill"

    publish.ask_approver = name
    analyzer.held = True
    qtbot.mouseClick(publish.bar.approve_button, Qt.MouseButton.LeftButton)
    # back in the event loop while the check is still held on a worker
    assert analyzer.entered.wait(5)
    assert threading.main_thread().name not in analyzer.threads
    assert publish.approval is None and publish.approving
    assert not publish.bar.approve_button.isEnabled() and not publish.actions["approve"].isEnabled()
    assert window.statusBar().currentMessage() == CHECKING
    publish.approve()  # a second click meanwhile approves nothing twice
    with qtbot.waitSignal(publish.approvalChanged, timeout=10000):
        analyzer.release.set()
    assert asked_while == ["Every version checked: no must-fix finding is open."]
    assert publish.approval is not None and publish.approval.by == "Priya O'Neill"
    assert publish.approval.covers(publish.content())
    assert [e.kind for e in publish.history] == [APPROVED]
    assert publish.bar.approve_button.isEnabled() and not publish.approving
    assert window.statusBar().currentMessage().startswith("Approved by Priya O'Neill")


def test_an_edit_while_the_check_runs_is_not_approved_unchecked(qtbot, held_window):
    window, analyzer = held_window
    publish = window.publish
    analyzer.held = True
    publish.approve()
    assert analyzer.entered.wait(5)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(" What an idiot.")  # a must-fix the check never saw
    with qtbot.waitSignal(publish.approvalRefused, timeout=10000) as refused:
        analyzer.release.set()
    assert "changed while it was being checked" in refused.args[0]
    assert "changed while it was being checked" in window.statusBar().currentMessage()
    assert publish.approval is None and publish.history == []
    assert publish.bar.approve_button.isEnabled()
    analyzer.held = False
    assert not approve(qtbot, window)  # checked as it is now: the new must-fix refuses it
    assert "1 must-fix finding is still open" in window.statusBar().currentMessage()


def test_an_edit_while_the_approver_is_asked_is_not_approved_either(qtbot, held_window):
    window, _analyzer = held_window
    publish = window.publish

    def edit_then_name() -> str:
        window.editor.insertPlainText("More words. ")
        return "Priya O'Neill"

    publish.ask_approver = edit_then_name
    assert not approve(qtbot, window)
    assert publish.approval is None and publish.history == []
    assert "changed while it was being checked" in window.statusBar().currentMessage()


def test_export_returns_at_once_and_builds_and_writes_the_sheet_on_a_worker(qtbot, held_window, tmp_path):
    from desktop_app.ui.review.feature import SignOffFeature

    window, analyzer = held_window
    window.sign_off = window.attach(SignOffFeature(window))
    target = tmp_path / "review.html"
    analyzer.held = True
    assert window.sign_off.export_to("html", target, approver="Sam Jones")
    assert analyzer.entered.wait(5)
    assert threading.main_thread().name not in analyzer.threads
    assert window.statusBar().currentMessage() == "Preparing the review as review.html…"
    assert not target.exists()
    window.editor.insertPlainText("Later words. ")  # the sheet is of the words when asked
    with qtbot.waitSignal(window.sign_off.exported, timeout=10000) as done:
        analyzer.release.set()
    assert done.args == [str(target)]
    html = target.read_text(encoding="utf-8")
    assert "Thank you to everyone who signed." in html and "Later words" not in html
    assert "Approved by: Sam Jones" in html
    entry = window.publish.history[-1]
    assert (entry.kind, entry.by, entry.detail) == ("exported", "Sam Jones", "review.html")
    assert entry.content.text == CLEAN  # the history keeps the words exported
    window.sign_off.shutdown()


def test_keyboard_focus_comes_back_to_approve_once_the_check_is_done(qtbot, held_window):
    """Disabling the focused Approve button moved the focus on to History; a keyboard user
    who pressed Approve finds the focus where they left it."""
    window, analyzer = held_window
    publish = window.publish
    publish.ask_approver = lambda: ""  # they change their mind at the name
    button = publish.bar.approve_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    analyzer.held = True
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert analyzer.entered.wait(5) and not button.isEnabled()
    with qtbot.waitSignal(publish.approvalRefused, timeout=10000):
        analyzer.release.set()
    qtbot.waitUntil(button.hasFocus, timeout=2000)


def _overlong(window) -> str:
    """A draft longer than one check reads (a book opened by mistake): the editor checks
    its start; the sheet must not check all of it once per network."""
    from desktop_app.core.limits import MAX_CHECKED

    text = CLEAN + " " + "More about the bus. " * (MAX_CHECKED // 20 + 10)
    window.editor.setPlainText(text)
    return text


def test_export_of_a_draft_longer_than_one_check_is_refused_with_the_reason(qtbot, held_window, tmp_path):
    """It checked the whole draft once per network (minutes for 400 KB) and closing the
    window meanwhile waited for all of it."""
    from desktop_app.ui.review.feature import SignOffFeature

    window, analyzer = held_window
    window.sign_off = window.attach(SignOffFeature(window))
    _overlong(window)
    analyzer.threads.clear()
    target = tmp_path / "review.html"
    with qtbot.waitSignal(window.sign_off.exportFailed, timeout=3000) as failed:
        assert not window.sign_off.export_to("html", target)
    assert "64,000" in failed.args[0] and "Trim" in failed.args[0]
    assert failed.args[0] in window.statusBar().currentMessage()
    assert not analyzer.threads and not target.exists()  # nothing was checked or written
    window.sign_off.shutdown()


def test_approving_a_draft_longer_than_one_check_is_refused_with_the_reason(qtbot, held_window):
    window, analyzer = held_window
    publish = window.publish
    _overlong(window)
    analyzer.threads.clear()
    with qtbot.waitSignal(publish.approvalRefused, timeout=3000) as refused:
        publish.approve()
    assert "64,000" in refused.args[0] and "Trim" in refused.args[0]
    assert not analyzer.threads and not publish.approving and publish.approval is None


def test_export_from_the_menu_says_so_before_asking_for_a_name_or_a_file(qtbot, held_window):
    from desktop_app.ui.review.feature import SignOffFeature

    window, _analyzer = held_window
    window.sign_off = window.attach(SignOffFeature(window))
    asked: list[str] = []
    window.sign_off.ask_approver = lambda: asked.append("name") or "Sam"
    window.sign_off.ask_path = lambda kind, when: asked.append("path") or ""
    _overlong(window)
    with qtbot.waitSignal(window.sign_off.exportFailed, timeout=3000):
        window.sign_off.actions["pdf"].trigger()
    assert asked == []
    window.editor.setPlainText(CLEAN)
    window.sign_off.actions["pdf"].trigger()
    assert asked == ["name", "path"]  # an ordinary draft is asked about as before
