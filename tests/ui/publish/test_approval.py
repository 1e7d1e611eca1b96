"""Mark as approved: who, when, against which pack; cleared by an edit; refused while a
must-fix is open or an image has no description; history to compare and restore; all of
it kept through a restart and a kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.approval import APPROVED, EXPORTED
from desktop_app.core.images import Image
from desktop_app.storage.drafts import DraftStore
from tests.ui import window_helpers
from tests.ui.window_helpers import FakeAnalyzer, approve, card_for_text, wait_report

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture

CLEAN = "The 42 bus runs until eleven from Monday. Thank you to everyone who signed."
HARNESS = Path(__file__).with_name("approval_harness.py")


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def open_window(qtbot, make_window, store):
    def make(text=CLEAN, networks=("X", "Facebook")):
        window = make_window(FakeAnalyzer(), store=store)
        qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
        window.platform_bar.set_networks(list(networks))
        window.platform_bar.networksChanged.emit(list(networks))
        if text is not None:
            window.editor.setPlainText(text)
        wait_report(qtbot, window)
        window.publish.ask_approver = lambda: "Priya O'Neill"
        return window

    return make


def stored(store, window):
    return store.get(window.drafts.session.current_id)


def test_approval_records_who_when_and_the_pack_and_is_on_disk_at_once(qtbot, open_window, store):
    window = open_window()
    assert window.publish.bar.state.text() == "Not approved yet."
    with qtbot.waitSignal(window.publish.approvalChanged, timeout=10000):
        qtbot.mouseClick(window.publish.bar.approve_button, Qt.MouseButton.LeftButton)
    approval = window.publish.approval
    assert approval.by == "Priya O'Neill" and approval.pack.startswith("Drafting Assistant standard pack")
    state = window.publish.bar.state.text()
    assert state.startswith("✔ Approved by Priya O'Neill") and approval.pack in state
    on_disk = stored(store, window)  # written before approvalChanged
    assert on_disk.approval == approval and on_disk.approved
    assert [(e.kind, e.by) for e in on_disk.history] == [(APPROVED, "Priya O'Neill")]


def test_an_edit_after_approval_clears_it_with_a_notice(qtbot, open_window, store):
    window = open_window()
    assert approve(qtbot, window)
    window.publish.show_source("X")
    wait_report(qtbot, window)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("!")
    assert window.publish.approval is None
    assert not window.notice_banner.isHidden()
    assert "no longer approved" in window.notice_banner.label.text()
    assert window.publish.bar.state.text() == "Not approved yet."
    qtbot.waitUntil(lambda: stored(store, window).approval is None, timeout=3000)
    assert len(stored(store, window).history) == 1  # the approved version is kept


def test_choosing_another_network_also_clears_the_approval(qtbot, open_window):
    window = open_window()
    assert approve(qtbot, window)
    window.platform_bar.actions_by_name["Bluesky"].setChecked(True)
    assert window.publish.approval is None


def test_not_approved_while_a_must_fix_is_open_until_it_is_ignored_with_a_reason(qtbot, open_window):
    window = open_window(text="The councillor is an idiot. The 42 runs until eleven.")
    assert not approve(qtbot, window)
    assert "1 must-fix finding is still open" in window.statusBar().currentMessage()
    assert window.publish.approval is None
    window.ignore_here(card_for_text(window, "idiot").finding, reason="Quoting the resident's letter")
    assert approve(qtbot, window)


def test_not_approved_while_an_image_has_no_description(qtbot, open_window):
    window = open_window()
    window.publish.set_images([Image("crowd.jpg", "Volunteers outside the library"), Image("map.png")])
    assert window.publish.bar.images_button.text() == "Images (2), 1 without a description"
    assert not approve(qtbot, window)
    assert "1 image has no description" in window.statusBar().currentMessage()
    window.publish.set_images(
        [Image("crowd.jpg", "Volunteers outside the library"), Image("map.png", "Route map")]
    )
    assert approve(qtbot, window)


def test_the_images_dialog_asks_for_descriptions_and_checks_them(qtbot, open_window):
    from desktop_app.ui.publish.images_dialog import ImagesDialog

    window = open_window()

    def fill(dialog: ImagesDialog) -> bool:
        dialog.add_paths(["/photos/crowd.jpg", "/photos/map.png"])
        assert dialog.model.rowCount() == 2
        dialog.select(0)
        dialog.description.setPlainText("Image of volunteers outside the library")
        assert "opens with “Image of”" in dialog.notes.text()
        dialog.description.setPlainText("Volunteers outside the library " * 40)
        assert "too long for X (at most 1,000)" in dialog.notes.text()
        dialog.description.setPlainText("Volunteers outside the library")
        dialog.select(1)
        assert dialog.description.toPlainText() == "" and "no description" in dialog.notes.text()
        return True

    window.publish.run_dialog = fill
    window.publish.edit_images()
    assert window.publish.images == [Image("/photos/crowd.jpg", "Volunteers outside the library"),
                                     Image("/photos/map.png", "")]  # fmt: skip


def test_history_compares_two_versions_and_restores_one_as_an_undoable_edit(qtbot, open_window):
    from desktop_app.ui.publish.history_dialog import HistoryDialog

    window = open_window()
    assert approve(qtbot, window)
    window.publish.note_exported("/tmp/review.pdf", "Sam Taylor")  # the same words: one version
    window.editor.selectAll()
    window.editor.insertPlainText("The 42 bus runs until midnight from Monday.")
    wait_report(qtbot, window)
    window.publish.note_exported("/tmp/review-2.pdf", "Sam Taylor")
    history = window.publish.history
    assert [(e.kind, e.detail) for e in history] == [
        (APPROVED, ""),
        (EXPORTED, "review.pdf"),
        (EXPORTED, "review-2.pdf"),
    ]

    dialog = HistoryDialog(history, window.publish.content(), window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 4  # now, then the three kept, newest first
    assert dialog.model.row_at(3).text.startswith("Approved by Priya O'Neill")
    dialog.choose(3)
    dialog.compare_with(0)
    assert "<s" in dialog.diff_html and "eleven" in dialog.diff_html and "midnight" in dialog.diff_html
    dialog.restoreRequested.connect(window.publish.restore)
    dialog.restore_button.click()
    wait_report(qtbot, window)
    assert window.text() == CLEAN
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.text() == "The 42 bus runs until midnight from Monday."


def test_approval_and_history_survive_a_restart(qtbot, open_window, make_window, store):
    window = open_window()
    assert approve(qtbot, window)
    draft_id = window.drafts.session.current_id
    window.close()
    again = make_window(FakeAnalyzer(), store=store)
    qtbot.waitUntil(lambda: again.drafts.started, timeout=10000)
    assert again.drafts.session.current_id == draft_id
    assert again.publish.approval is not None and again.publish.approval.by == "Priya O'Neill"
    assert again.publish.bar.state.text().startswith("✔ Approved by Priya O'Neill")
    assert [e.kind for e in again.publish.history] == [APPROVED]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_approval_and_history_survive_kill_9():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LTP_PATH": os.environ["XDG_CACHE_HOME"] + "/ltp"}
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), "approve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("approved "), (
            f"{line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        )
        os.kill(proc.pid, signal.SIGKILL)  # no chance to save anything more
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    draft_id = line.split()[1]
    on_disk = json.loads((DraftStore().folder / f"{draft_id}.json").read_text(encoding="utf-8"))
    assert on_disk["approval"]["by"] == "Priya O'Neill"
    report = subprocess.run(
        [sys.executable, str(HARNESS), "report"], capture_output=True, text=True, env=env, timeout=60
    )
    assert report.returncode == 0, report.stderr
    shown = json.loads(report.stdout.strip().splitlines()[-1])
    assert shown["id"] == draft_id and shown["approved_by"] == "Priya O'Neill"
    assert shown["state"].startswith("✔ Approved by Priya O'Neill")
    assert shown["history"] == [
        ["approved", "Priya O'Neill", ""],
        ["exported", "Sam Taylor", "review-42-bus.pdf"],
    ]
    assert shown["x_thread"] is True


def test_an_approved_draft_says_so_in_the_drafts_list(qtbot, open_window, store):
    from desktop_app.ui.drafts.panel import item_text

    window = open_window()
    assert approve(qtbot, window)
    assert item_text(stored(store, window)).endswith(" · Approved")
    window.editor.insertPlainText("x")
    qtbot.waitUntil(lambda: not stored(store, window).approved, timeout=3000)
    assert not item_text(stored(store, window)).endswith("Approved")


def test_your_name_for_the_sheet_is_a_preference(qtbot, open_window):
    from desktop_app.ui.review.sheet import preparer

    window = open_window()
    section = window.publish.preference_section()
    qtbot.addWidget(section)
    field = next(w for w in section.children() if w.objectName() == "yourName")
    field.setText("  Sam   Taylor ")
    window.apply_preferences(section.values())
    assert window.settings.get("your_name") == "Sam Taylor" and preparer(window) == "Sam Taylor"


def test_the_comparison_shows_only_what_changed_in_the_words_each_network_gets():
    from desktop_app.core.approval import Content
    from desktop_app.core.versions import Version
    from desktop_app.ui.publish.history_dialog import diff_html

    old = Content(CLEAN, ("X", "Facebook"))
    new = Content(CLEAN, ("X", "Facebook"), {"Facebook": Version(CLEAN + " See you there!")})
    html = diff_html(old, new)
    assert "<b>Main text</b>: no change." in html and "<b>X</b>: no change." in html
    assert html.count(CLEAN) == 1  # Facebook's words, once, with what was added
    assert '<u style="background-color:#d4f0d4"> See you there!</u>' in html
    assert html.index("<b>Facebook</b>") < html.index("<b>Networks</b>: no change.")
