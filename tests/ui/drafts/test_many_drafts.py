"""The drafts list with a writer's months of drafts (200): every one listed in order and
selectable, the list filled from rows read on a worker, never filled again for nothing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QPlainTextEdit

from desktop_app.storage.drafts import DraftStore
from desktop_app.ui.drafts.panel import DraftsPanel
from desktop_app.ui.drafts.session import DraftSession

MANY = 200


def _many(store: DraftStore, monkeypatch) -> list[str]:
    """MANY drafts edited an hour apart; their ids newest first."""
    with monkeypatch.context() as quick:
        quick.setattr("desktop_app.storage.atomic.os.fsync", lambda fd: None)  # set-up only
        now = datetime.now(UTC)
        ids = []
        for n in range(MANY):
            draft = store.create(f"Draft number {n}\n\nWords of draft {n}.")
            draft.modified = now - timedelta(hours=n)
            store.save(draft, touch=False)
            ids.append(draft.id)
    return ids


@pytest.fixture
def store():
    return DraftStore()


@pytest.fixture
def bound(qtbot, store):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    session = DraftSession(editor, store)
    panel = DraftsPanel(store)
    qtbot.addWidget(panel)
    panel.bind_session(session)
    yield panel, session, editor
    session.close()


def _reads_by_thread(monkeypatch, gate: threading.Event | None = None) -> list[bool]:
    """Records whether each read of the drafts for the list ran on the GUI thread; with
    `gate`, a read off the GUI thread waits for it first."""
    on_gui = []
    real = DraftStore.search

    def search(self, query):
        gui = threading.current_thread() is threading.main_thread()
        on_gui.append(gui)
        if gate is not None and not gui:
            gate.wait(10)
        return real(self, query)

    monkeypatch.setattr(DraftStore, "search", search)
    return on_gui


def _row_in_view(panel: DraftsPanel, row: int) -> bool:
    view = panel.list_view
    rect = view.visualRect(panel.model.index(row, 0))
    return rect.isValid() and view.viewport().rect().contains(rect.center())


def test_every_draft_is_listed_newest_first_and_each_opens(qtbot, bound, store, monkeypatch):
    panel, session, editor = bound
    ids = _many(store, monkeypatch)
    panel.refresh()
    panel.resize(300, 500)
    panel.show()
    qtbot.waitExposed(panel)

    assert panel.ids() == ids
    assert panel.row_text(0).startswith("Draft number 0\n")
    assert panel.row_text(MANY - 1).startswith(f"Draft number {MANY - 1}\n")
    for row in (0, 57, 150, MANY - 1):
        panel.set_current_row(row)
        assert session.current_id == ids[row]
        assert editor.toPlainText().startswith(f"Draft number {row}\n")
        qtbot.waitUntil(lambda row=row: _row_in_view(panel, row))
        assert panel.selected_id() == ids[row]


def test_a_list_that_has_not_changed_is_not_filled_again(qtbot, bound, store, monkeypatch):
    panel, session, _editor = bound
    ids = _many(store, monkeypatch)
    panel.refresh()
    panel.set_current_row(3)
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(True))

    panel.refresh()
    assert resets == [] and panel.ids() == ids and panel.selected_id() == ids[3]

    panel.set_current_row(40)  # opening another draft refreshes the list (on a worker)
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(20)
    assert resets == [] and panel.selected_id() == ids[40] and session.current_id == ids[40]


def test_a_refresh_nobody_asked_for_reads_the_drafts_off_the_gui_thread(qtbot, bound, store, monkeypatch):
    """Opening a draft, typing a search, an autosave while searching: their refreshes read
    and describe every draft (7 ms for 200 on the GUI thread) on a worker."""
    panel, session, _editor = bound
    _many(store, monkeypatch)
    panel.refresh()
    on_gui = _reads_by_thread(monkeypatch)

    session.new_draft("A new one, not yet listed")
    qtbot.waitUntil(lambda: panel.ids()[0] == session.current_id)
    qtbot.keyClicks(panel.search, "number 7")
    qtbot.waitUntil(lambda: panel.count() == 11)  # 7 and 70-79

    assert on_gui and not any(on_gui)


def test_rows_read_before_a_newer_refresh_are_dropped(qtbot, store, monkeypatch):
    panel = DraftsPanel(store)
    qtbot.addWidget(panel)
    ids = _many(store, monkeypatch)
    gate = threading.Event()
    _reads_by_thread(monkeypatch, gate)

    panel.refresh_soon()  # its worker waits at the gate, with all 200 drafts still there
    store.delete(ids[0])
    panel.refresh()  # as Delete does, at once
    gate.set()
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(20)

    assert panel.ids() == ids[1:]


def test_a_panel_gone_while_its_rows_are_read_drops_them_quietly(qtbot, store, monkeypatch):
    _many(store, monkeypatch)
    panel = DraftsPanel(store)
    gate = threading.Event()
    _reads_by_thread(monkeypatch, gate)

    panel.refresh_soon()
    panel.deleteLater()
    qtbot.wait(20)  # the panel is gone
    gate.set()
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(20)  # nothing arrives at a deleted panel (pytest-qt fails on an exception)
