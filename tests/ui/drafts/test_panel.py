"""DraftsPanel: list, search, New, Duplicate, Rename, Delete to bin, Restore; with and without a session."""

import errno

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView, QPlainTextEdit, QPushButton

from desktop_app.storage.drafts import DraftStore
from desktop_app.ui.drafts.panel import DraftsPanel, describe_time
from desktop_app.ui.drafts.session import DraftSession


@pytest.fixture
def store():
    return DraftStore()


@pytest.fixture
def panel(qtbot, store):
    widget = DraftsPanel(store)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def bound(qtbot, store):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    session = DraftSession(editor, store)
    widget = DraftsPanel(store)
    qtbot.addWidget(widget)
    widget.bind_session(session)
    session.restore_last()
    yield widget, session, editor
    session.close()


def _titles(panel):
    return [panel.row_text(r).split("\n")[0] for r in range(panel.count())]


def test_names_for_tests_and_screen_readers(panel):
    assert panel.objectName() == "draftsPanel"
    assert panel.findChild(QListView, "draftsList").accessibleName() == "Drafts"
    assert panel.findChild(QLineEdit, "draftsSearch").accessibleName() == "Search drafts"
    for button in panel.findChildren(QPushButton):
        assert button.accessibleName(), button.objectName()
        assert "&" in button.text()  # every button has a keyboard mnemonic


def test_lists_newest_first_with_time_and_networks(qtbot, store):
    store.create("Older post")
    newer = store.create("Newer post", networks=["X", "Bluesky"])
    panel = DraftsPanel(store)
    qtbot.addWidget(panel)
    assert _titles(panel) == ["Newer post", "Older post"]
    detail = panel.row_text(0).split("\n")[1]
    assert detail.startswith("Edited Today") and detail.endswith("X, Bluesky")
    assert panel.ids()[0] == newer.id


def test_selecting_emits_draft_selected(qtbot, panel, store):
    draft = store.create("Pick me")
    panel.refresh()
    with qtbot.waitSignal(panel.draftSelected) as selected:
        panel.set_current_row(0)
    assert selected.args == [draft.id]


def test_search_filters_case_insensitively(qtbot, panel, store):
    store.create("Save the LIBRARY")
    store.create("Bus timetable")
    panel.refresh()
    qtbot.keyClicks(panel.search, "library")
    qtbot.waitUntil(lambda: _titles(panel) == ["Save the LIBRARY"])
    panel.search.clear()
    qtbot.waitUntil(lambda: len(_titles(panel)) == 2)


def test_new_duplicate_rename_delete_restore_without_session(qtbot, panel, store):
    with qtbot.waitSignal(panel.draftCreated):
        first = panel.new_draft()
    store.update(first, text="Original words")
    panel.refresh()
    panel._select_quietly(first)
    copy = panel.duplicate()
    assert copy and store.get(copy).text == "Original words"
    assert "Original words (copy)" in _titles(panel)

    panel._select_quietly(first)
    panel.ask_title = lambda parent, current: "Launch post"
    assert panel.rename()
    assert store.get(first).title == "Launch post"

    panel._select_quietly(first)
    with qtbot.waitSignal(panel.draftDeleted) as deleted:
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == [first]
    assert first not in panel.ids()
    assert "bin" in panel.message.text()
    assert panel.bin_button.text() == "&Bin (1)"

    qtbot.mouseClick(panel.bin_button, Qt.MouseButton.LeftButton)
    assert panel.in_bin and panel.ids() == [first]
    assert not panel.restore_button.isHidden() and panel.delete_button.isHidden()
    assert panel.row_text(0).split("\n")[1].startswith("Deleted")
    panel._select_quietly(first)
    with qtbot.waitSignal(panel.draftRestored):
        panel.restore()
    assert not panel.in_bin
    assert first in panel.ids() and store.get(first).title == "Launch post"


def test_rename_cancelled_changes_nothing(panel, store):
    draft = store.create("Keep my title")
    panel.refresh()
    panel._select_quietly(draft.id)
    panel.ask_title = lambda parent, current: None
    assert not panel.rename()
    assert store.get(draft.id).title == "Keep my title"


def test_empty_bin_asks_first(panel, store):
    draft = store.create("Bye")
    store.delete(draft.id)
    panel.show_bin(True)
    panel.confirm = lambda parent, title, text: False
    assert panel.empty_bin() == 0 and store.bin()
    panel.confirm = lambda parent, title, text: True
    assert panel.empty_bin() == 1
    assert store.bin() == [] and panel.ids() == []


def test_keyboard_search_down_enter_f2_delete(qtbot, panel, store):
    a = store.create("Alpha draft")
    store.create("Beta draft")
    panel.refresh()
    panel.show()
    qtbot.waitExposed(panel)
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "alpha")
    qtbot.waitUntil(lambda: panel.ids() == [a.id])
    with qtbot.waitSignal(panel.draftSelected) as selected:
        qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert selected.args == [a.id] and panel.list_view.hasFocus()
    with qtbot.waitSignal(panel.draftSelected):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    panel.ask_title = lambda parent, current: "Renamed by keyboard"
    qtbot.keyClick(panel.list_view, Qt.Key.Key_F2)
    assert store.get(a.id).title == "Renamed by keyboard"
    with qtbot.waitSignal(panel.draftDeleted):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert store.bin()[0].id == a.id


def test_corrupt_file_is_reported_in_the_panel(qtbot, store):
    store.create("Fine")
    (store.folder / "20260101-000000-deadbeef.json").write_text("{broken")
    panel = DraftsPanel(store)
    qtbot.addWidget(panel)
    assert "could not be read" in panel.message.text()
    assert _titles(panel) == ["Fine"]


def test_write_failure_is_shown_not_raised(panel, store, monkeypatch):
    draft = store.create("Words")
    panel.refresh()
    panel._select_quietly(draft.id)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)
    assert panel.duplicate() is None
    assert "disk is full" in panel.message.text()


def test_bound_selection_opens_draft_in_editor(qtbot, bound, store):
    panel, session, editor = bound
    other = store.create("Other draft text")
    panel.refresh()
    row = panel.ids().index(other.id)
    panel.set_current_row(row)
    assert session.current_id == other.id
    assert editor.toPlainText() == "Other draft text"


def test_bound_new_draft_and_autosave_updates_the_row(qtbot, bound, store):
    panel, session, editor = bound
    draft_id = panel.new_draft()
    assert session.current_id == draft_id and editor.toPlainText() == ""
    with qtbot.waitSignal(session.saved, timeout=3000):
        editor.insertPlainText("Fresh headline\nbody")
    qtbot.waitUntil(lambda: _titles(panel)[0] == "Fresh headline")
    assert panel.selected_id() == draft_id


def test_bound_delete_of_open_draft_saves_it_to_bin_and_opens_another(qtbot, bound, store):
    panel, session, editor = bound
    keep = store.create("Keep this one")
    doomed = session.new_draft("Doomed")
    editor.insertPlainText(" but typed just now")
    panel.refresh()
    panel._select_quietly(doomed)
    assert panel.delete()
    assert store.bin()[0].text == "Doomed but typed just now"  # the last keystrokes went with it
    assert session.current_id == keep.id
    assert editor.toPlainText() == "Keep this one"
    qtbot.waitUntil(lambda: doomed not in panel.ids())


def test_bound_switch_refused_keeps_selection(qtbot, bound, store, monkeypatch):
    panel, session, editor = bound
    other = store.create("Other")
    current = session.new_draft("Current")
    panel.refresh()
    editor.insertPlainText(" unsaved")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)
    panel.set_current_row(panel.ids().index(other.id))
    assert session.current_id == current
    assert panel.selected_id() == current
    assert editor.toPlainText() == "Current unsaved"


def test_describe_time():
    from datetime import datetime, timedelta

    now = datetime(2026, 11, 24, 15, 0).astimezone()
    assert describe_time(now - timedelta(hours=1), now).startswith("Today ")
    assert describe_time(now - timedelta(days=1), now).startswith("Yesterday ")
    assert describe_time(now.replace(month=3, day=4), now).startswith("4 Mar ")
    assert describe_time(now.replace(year=2024), now) == "24 Nov 2024"
