"""DraftSession on a plain QPlainTextEdit: autosave, failures, switching, restoring."""

import errno
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit

from desktop_app.core.findings import Finding, Severity
from desktop_app.storage.drafts import DraftStore
from desktop_app.ui.drafts.session import DraftSession, py_to_qt, qt_to_py


@pytest.fixture
def store():
    return DraftStore()


@pytest.fixture
def make_session(qtbot, store):
    sessions = []

    def make(**kwargs):
        editor = QPlainTextEdit()
        qtbot.addWidget(editor)
        session = DraftSession(editor, store, **kwargs)
        sessions.append(session)
        return session, editor

    yield make
    for session in sessions:
        session.close()


def _type(editor, text):
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText(text)


def _full_disk(monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.storage.atomic.os.fsync", full)


def test_first_start_opens_a_new_draft_and_typing_is_saved(qtbot, make_session, store):
    session, editor = make_session()
    with qtbot.waitSignal(session.draftChanged) as changed:
        draft_id = session.restore_last()
    assert changed.args == [draft_id]
    with qtbot.waitSignal(session.saved, timeout=3000):
        _type(editor, "Join us on Saturday")
    assert store.get(draft_id).text == "Join us on Saturday"
    assert store.get(draft_id).cursor == len("Join us on Saturday")
    assert store.last_open_id() == draft_id


def test_continuous_typing_still_saves_thanks_to_max_wait(qtbot, make_session, store):
    # Keys every 40 ms never leave the 350 ms debounce a gap; only max-wait can save.
    session, editor = make_session()
    draft_id = session.restore_last()
    saves_while_typing = []
    session.saved.connect(lambda when: saves_while_typing.append(typer.isActive()))
    typer = QTimer()
    typer.timeout.connect(lambda: _type(editor, "a"))
    typer.start(40)
    qtbot.waitUntil(lambda: len(saves_while_typing) >= 2, timeout=5000)
    typer.stop()
    assert all(saves_while_typing)
    assert len(store.get(draft_id).text) > 0


def test_write_happens_off_the_gui_thread(qtbot, make_session, store, monkeypatch):
    session, editor = make_session()
    session.restore_last()
    threads = []
    original = store.update

    def recording_update(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(store, "update", recording_update)
    with qtbot.waitSignal(session.saved, timeout=3000):
        _type(editor, "text")
    assert threads and threads[0] is not threading.main_thread()


def test_restart_restores_last_draft_with_cursor(qtbot, make_session, store):
    other = store.create("An older draft")
    draft = store.create("Line one\nLine two 🎉 and more")
    store.update(draft.id, cursor=len("Line one\nLine two 🎉"))
    store.set_last_open(draft.id)
    session, editor = make_session()
    assert session.restore_last() == draft.id
    assert editor.toPlainText() == "Line one\nLine two 🎉 and more"
    position = editor.textCursor().position()
    assert qt_to_py(editor.toPlainText(), position) == len("Line one\nLine two 🎉")
    assert other.id != session.current_id


def test_restore_without_last_open_takes_newest(make_session, store):
    store.create("old")
    newest = store.create("new")
    session, editor = make_session()
    assert session.restore_last() == newest.id
    assert editor.toPlainText() == "new"


def test_failed_save_keeps_text_signals_and_retries(qtbot, make_session, store, monkeypatch):
    session, editor = make_session(retry_ms=100)
    draft_id = session.restore_last()
    with monkeypatch.context() as patch:
        _full_disk(patch)
        with qtbot.waitSignal(session.saveFailed, timeout=3000) as failed:
            _type(editor, "Words we must not lose")
        assert "disk is full" in failed.args[0]
        assert "still in the editor" in failed.args[0]
        assert session.failing and session.has_unsaved_changes()
        assert editor.toPlainText() == "Words we must not lose"
    # Space is freed: the retry saves without another keystroke.
    with qtbot.waitSignal(session.saved, timeout=3000):
        pass
    assert not session.failing
    assert store.get(draft_id).text == "Words we must not lose"


def test_switching_drafts_saves_the_current_one_at_once(make_session, store):
    other = store.create("The other draft")
    session, editor = make_session()
    first = session.new_draft("Start")
    _type(editor, " and more")
    assert session.open_draft(other.id)
    assert store.get(first).text == "Start and more"  # written before switching, no waiting
    assert editor.toPlainText() == "The other draft"


def test_switch_refused_when_current_cannot_be_saved(qtbot, make_session, store, monkeypatch):
    other = store.create("The other draft")
    session, editor = make_session()
    session.new_draft("Start")
    _type(editor, " unsaved")
    messages = []
    session.saveFailed.connect(messages.append)
    _full_disk(monkeypatch)
    assert not session.open_draft(other.id)
    assert editor.toPlainText() == "Start unsaved"
    assert any("still open" in m for m in messages)


def test_empty_unnamed_draft_is_dropped_when_leaving(make_session, store):
    session, _editor = make_session()
    empty = session.new_draft()
    kept = session.new_draft("Has words")
    assert not store.exists(empty)
    assert store.exists(kept)


def test_close_writes_the_last_keystroke(make_session, store):
    session, editor = make_session()
    draft_id = session.new_draft()
    _type(editor, "Last words")
    assert session.close()
    assert store.get(draft_id).text == "Last words"


def test_networks_and_the_review_are_saved(qtbot, make_session, store):
    session, _editor = make_session()
    draft_id = session.new_draft("Going forward we will deliver")
    finding = Finding(0, 13, "Going forward", "jargon-going-forward", "jargon", Severity.ADVICE, "Plain")
    with qtbot.waitSignal(session.saved, timeout=3000):
        session.set_networks(["X", "Bluesky"])
        session.review.ignore(finding, "A quote from the council leader")
        session.review_changed()
    stored = store.get(draft_id)
    assert stored.networks == ["X", "Bluesky"]
    assert [(i.rule, i.words, i.reason) for i in stored.review.ignored] == [
        ("jargon-going-forward", "Going forward", "A quote from the council leader")
    ]
    session.review.unignore("jargon-going-forward", "going forward")
    session.review_changed()
    assert session.flush()
    assert store.get(draft_id).review.ignored == []


def test_rename_elsewhere_is_not_undone_by_autosave(qtbot, make_session, store):
    session, editor = make_session()
    draft_id = session.new_draft("First line")
    store.rename(draft_id, "Named in the list")
    with qtbot.waitSignal(session.saved, timeout=3000):
        _type(editor, " more")
    assert store.get(draft_id).title == "Named in the list"
    assert store.get(draft_id).text == "First line more"


def test_draft_file_removed_behind_our_back_is_written_again(qtbot, make_session, store):
    session, editor = make_session()
    draft_id = session.new_draft("Keep me")
    (store.folder / f"{draft_id}.json").unlink()
    with qtbot.waitSignal(session.saved, timeout=3000):
        _type(editor, " please")
    assert store.get(draft_id).text == "Keep me please"


def test_source_path_is_remembered(make_session, store, tmp_path):
    session, _editor = make_session()
    draft_id = session.new_draft("From a file", source_path=str(tmp_path / "a.txt"))
    session.set_source_path(tmp_path / "b.md")
    session.flush()
    assert store.get(draft_id).source_path == str(tmp_path / "b.md")


@pytest.mark.parametrize("text", ["", "plain", "emoji 🎉 mid", "🎉🎉x", "a\nb😀\nc", "lone \ud83d surrogate"])
def test_position_conversions_round_trip(text):
    for index in range(len(text) + 1):
        assert qt_to_py(text, py_to_qt(text, index)) == index


def test_read_only_data_dir_gives_clear_message_and_keeps_text(qtbot, make_session, monkeypatch):
    # As root, chmod does not stop writes; make the temp file refuse as a read-only disk would.
    session, editor = make_session()
    session.new_draft("Saved part")

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("desktop_app.storage.atomic.tempfile.mkstemp", read_only)
    with qtbot.waitSignal(session.saveFailed, timeout=3000) as failed:
        _type(editor, " and the unsaved part")
    assert "read-only" in failed.args[0]
    assert editor.toPlainText() == "Saved part and the unsaved part"
    assert not session.close()  # says that the last change is not on disk


def test_unexpected_error_in_writer_does_not_stop_autosave(qtbot, make_session, store, monkeypatch):
    session, editor = make_session(retry_ms=100)
    draft_id = session.new_draft()
    original = store.update
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return original(*args, **kwargs)

    monkeypatch.setattr(store, "update", flaky)
    with qtbot.waitSignal(session.saveFailed, timeout=3000) as failed:
        _type(editor, "Still here")
    assert "unexpected error" in failed.args[0]
    with qtbot.waitSignal(session.saved, timeout=3000):
        pass
    assert store.get(draft_id).text == "Still here"


def test_each_draft_keeps_its_own_review(qtbot, make_session, store):
    session, _editor = make_session()
    draft_id = session.new_draft("Cllr Smith is a clown")
    clown = Finding(16, 21, "clown", "attack-insult", "abuse", Severity.MUST_FIX, "", None, "C-abuse")
    with qtbot.waitSignal(session.saved, timeout=3000):
        session.review.ignore(clown, "He calls himself that")
        session.review_changed()
    assert [(i.rule, i.reason) for i in store.get(draft_id).review.ignored] == [
        ("attack-insult", "He calls himself that")
    ]
    other = session.new_draft("Another")
    assert session.review.ignored == [] and other
    assert session.open_draft(draft_id)
    assert [(i.rule, i.words, i.reason) for i in session.review.ignored] == [
        ("attack-insult", "clown", "He calls himself that")
    ]
