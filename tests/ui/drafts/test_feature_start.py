"""The drafts lane starts after the first paint one step per turn of the event loop (the
session, the panel, its place in the window, the first draft, the list), so no step holds
the window long (in one go it held it for 60-100 ms), and it opens what it opened before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from desktop_app.storage.drafts import DraftStore
from desktop_app.ui.window.main_window import MainWindow
from tests.ui import window_helpers
from tests.ui.window_helpers import FakeAnalyzer, Inbox

settings = window_helpers.settings  # fixture


def _window(qtbot, settings, store, during=None) -> tuple[MainWindow, list[int]]:
    """A window whose drafts lane records, before each start-up step, how many events posted
    by the step before were still unhandled (0: a turn of the event loop came between).
    `during(steps_left)` runs before each step."""
    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings, store=store)
    qtbot.addWidget(window)
    drafts = window.drafts
    inbox, posted, waiting = Inbox(), [0], []
    next_step = drafts._next_start_step

    def recording() -> None:
        left = len(drafts._start_steps)
        if left:
            waiting.append(posted[0] - inbox.handled)
            QCoreApplication.postEvent(inbox, QEvent(QEvent.Type.User))
            posted[0] += 1
            if during is not None:
                during(left)
        next_step()

    drafts._next_start_step = recording
    window.show()
    return window, waiting


def _stored(tmp_path) -> tuple[DraftStore, str, str]:
    store = DraftStore(tmp_path / "drafts")
    last = store.create("Come to the library on Saturday.", networks=["X"])
    store.update(last.id, cursor=8)
    newer = store.create("A newer draft, not the one open at the last exit.")
    store.set_last_open(last.id)
    return store, last.id, newer.id


def test_the_drafts_start_one_step_per_turn_and_reopen_the_last_draft(qtbot, settings, tmp_path):
    store, last, newer = _stored(tmp_path)
    window, waiting = _window(qtbot, settings, store)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    assert len(waiting) >= 4 and waiting == [0] * len(waiting)  # none waited on another
    assert window.text() == "Come to the library on Saturday."
    assert window.editor.textCursor().position() == 8
    assert window.platform_bar.networks == ["X"]
    panel = window.drafts.panel
    assert panel.ids() == [newer, last]
    assert panel.selected_id() == last
    assert store.last_open_id() == last
    assert window.drafts_slot.isAncestorOf(panel)


def test_new_draft_while_the_drafts_start_finishes_starting_at_once(qtbot, settings, tmp_path):
    store, last, newer = _stored(tmp_path)
    made = []

    def press_new(steps_left: int) -> None:
        if steps_left == 4 and not made:  # the session is made, nothing else yet
            made.append(window.drafts.new_draft())
            assert window.drafts.started

    window, _waiting = _window(qtbot, settings, store, during=press_new)
    qtbot.waitUntil(lambda: bool(made), timeout=10000)
    qtbot.wait(50)  # the step that was queued finds nothing left to do
    window.controller.shutdown()

    assert made[0] not in (None, last, newer)
    assert window.drafts.session.current_id == made[0]
    assert window.text() == ""
    assert set(window.drafts.panel.ids()) == {made[0], last, newer}
    assert len(store.list()) == 3  # the last draft was opened once, then the new one made


def test_a_file_opened_between_the_first_draft_and_the_list_opens_at_once(qtbot, settings, tmp_path):
    store, last, _newer = _stored(tmp_path)
    opened = []

    def open_file(steps_left: int) -> None:
        if steps_left == 1 and not opened:  # the first draft is open, the list not yet filled
            opened.append(window.drafts.open_text(str(tmp_path / "post.txt"), "From a file."))

    window, _waiting = _window(qtbot, settings, store, during=open_file)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    assert opened == [True]
    assert window.text() == "From a file."
    current = window.drafts.session.current
    assert current.source_path == str(tmp_path / "post.txt")
    assert current.id in window.drafts.panel.ids() and last in window.drafts.panel.ids()
