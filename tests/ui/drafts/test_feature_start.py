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


def test_the_panel_is_made_in_its_place_and_styled_before_it_is_shown(qtbot, settings, tmp_path):
    """Styled as it was put in the window, the panel's widgets held that step 9-17 ms."""
    from PySide6.QtCore import Qt

    store, _last, _newer = _stored(tmp_path)
    before_placing = []

    def look(steps_left: int) -> None:
        if steps_left == 3:  # made; to be placed, the first draft opened, the list checked
            panel = window.drafts._unplaced
            styled = panel.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
            before_placing.append((panel.parent() is window.drafts_slot, styled))

    window, _waiting = _window(qtbot, settings, store, during=look)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    assert before_placing == [(True, True)]
    assert window.drafts.panel.isVisible() and window.drafts_slot.isAncestorOf(window.drafts.panel)


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


def _writes_by_thread(monkeypatch) -> list[bool]:
    """Records, for each file the drafts store writes, whether the GUI thread wrote it."""
    import threading

    import desktop_app.storage.drafts as drafts_module

    on_gui = []
    for name in ("write_bytes_atomic", "write_text_atomic"):
        real = getattr(drafts_module, name)

        def recording(*args, real=real, **kwargs):
            on_gui.append(threading.current_thread() is threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(drafts_module, name, recording)
    return on_gui


def test_a_first_start_makes_its_new_draft_off_the_gui_thread(qtbot, settings, tmp_path, monkeypatch):
    """A new draft's write and the note of which is open (each with its fsyncs) held the
    window for 10-40 ms when the first step made them."""
    on_gui = _writes_by_thread(monkeypatch)
    store = DraftStore(tmp_path / "drafts")
    window, _waiting = _window(qtbot, settings, store)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    made = window.drafts.session.current_id
    assert [d.id for d in store.list()] == [made] and window.drafts.panel.ids() == [made]
    assert store.last_open_id() == made
    assert on_gui and not any(on_gui)  # the draft and the state file, both from the worker


def test_the_last_draft_is_read_off_the_gui_thread(qtbot, settings, tmp_path, monkeypatch):
    import threading

    store, last, _newer = _stored(tmp_path)
    read_on_gui = []
    real_get = DraftStore.get

    def get(self, draft_id):
        read_on_gui.append(threading.current_thread() is threading.main_thread())
        return real_get(self, draft_id)

    monkeypatch.setattr(DraftStore, "get", get)
    on_gui = _writes_by_thread(monkeypatch)
    window, _waiting = _window(qtbot, settings, store)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    assert window.drafts.session.current_id == last
    assert window.text() == "Come to the library on Saturday."
    assert read_on_gui == [False]
    assert on_gui == []  # it was the one open already: nothing to write


def test_the_list_is_filled_once_from_drafts_read_off_the_gui_thread(qtbot, settings, tmp_path, monkeypatch):
    """The worker that reads the first draft also makes the list's rows: read and described
    on the GUI thread (and three times over) they held the window for 7 ms per 200 drafts."""
    import threading

    store, last, newer = _stored(tmp_path)
    reads_on_gui = []
    for name in ("list", "search", "bin"):
        real = getattr(DraftStore, name)

        def recording(self, *args, real=real):
            reads_on_gui.append(threading.current_thread() is threading.main_thread())
            return real(self, *args)

        monkeypatch.setattr(DraftStore, name, recording)
    window, _waiting = _window(qtbot, settings, store)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    resets = []
    window.drafts.panel.model.modelReset.connect(lambda: resets.append(True))
    qtbot.wait(100)  # the refresh that opening the first draft asked for comes and goes
    window.controller.shutdown()

    assert window.drafts.panel.ids() == [newer, last]
    assert window.drafts.panel.selected_id() == last
    assert reads_on_gui and not any(reads_on_gui)
    assert resets == []  # the same rows: the list was not filled again


def test_typing_before_a_first_start_has_its_draft_leaves_no_empty_one(qtbot, settings, tmp_path):
    store = DraftStore(tmp_path / "drafts")
    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings, store=store)
    qtbot.addWidget(window)
    window.editor.setPlainText("Typed in the first moment")
    window.show()
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    window.controller.shutdown()

    assert [d.text for d in store.list()] == ["Typed in the first moment"]
    assert store.last_open_id() == window.drafts.session.current_id
    assert window.drafts.panel.ids() == [window.drafts.session.current_id]


def test_new_pressed_before_a_first_start_has_its_draft_leaves_one_draft(
    qtbot, settings, tmp_path, monkeypatch
):
    """New (or a reply started) while the worker is still making the first start's draft:
    the one made for nothing goes again, and New's is the one to open next time."""
    import threading

    from PySide6.QtCore import QThreadPool

    noted = threading.Event()  # the worker notes its draft as open only after New
    real_note = DraftStore.set_last_open

    def set_last_open(self, draft_id):
        if threading.current_thread() is not threading.main_thread():
            noted.wait(10)
        real_note(self, draft_id)

    monkeypatch.setattr(DraftStore, "set_last_open", set_last_open)
    store = DraftStore(tmp_path / "drafts")
    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings, store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.features_ready, timeout=10000)
    made = window.drafts.new_draft()
    noted.set()
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)  # the worker's result arrives now
    window.controller.shutdown()

    assert [d.id for d in store.list()] == [made]
    assert store.last_open_id() == made


def _opened_window(qtbot, settings, store, source, during=None) -> MainWindow:
    """A window started to open `source`, as from the command line; `during` as in _window."""
    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings, store=store, open_path=str(source))
    qtbot.addWidget(window)
    if during is not None:
        drafts = window.drafts
        next_step = drafts._next_start_step

        def looking() -> None:
            during(len(drafts._start_steps))
            next_step()

        drafts._next_start_step = looking
    window.show()
    return window


def test_a_file_opened_at_start_is_made_a_draft_off_the_gui_thread(qtbot, settings, tmp_path, monkeypatch):
    """Made on the GUI thread, the file's draft and the note of which is open (each written
    with its fsyncs) held the window 10-45 ms just after it appeared."""
    store, last, newer = _stored(tmp_path)
    source = tmp_path / "post.txt"
    source.write_text("Words from a file.", encoding="utf-8")
    on_gui = _writes_by_thread(monkeypatch)
    window = _opened_window(qtbot, settings, store, source)
    qtbot.waitUntil(lambda: window.drafts.started and window.text() == "Words from a file.", timeout=10000)
    window.controller.shutdown()

    current = window.drafts.session.current
    assert current.source_path == str(source) and current.text == "Words from a file."
    assert window.drafts.panel.ids()[0] == current.id and {last, newer} < set(window.drafts.panel.ids())
    assert window.drafts.panel.selected_id() == current.id
    assert store.last_open_id() == current.id
    assert on_gui and not any(on_gui)


def test_a_second_file_before_the_first_is_shown_leaves_no_draft_of_the_first(qtbot, settings, tmp_path):
    store, _last, _newer = _stored(tmp_path)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The first file.", encoding="utf-8")
    opened = []

    def open_second(steps_left: int) -> None:
        if steps_left == 2 and not opened:  # the first draft not opened yet
            opened.append(window.drafts.open_text(str(second), "The second file."))

    window = _opened_window(qtbot, settings, store, first, during=open_second)
    qtbot.waitUntil(lambda: window.drafts.started and bool(opened), timeout=10000)
    window.controller.shutdown()

    assert window.text() == "The second file."
    assert window.drafts.session.current.source_path == str(second)
    texts = [d.text for d in [*store.list(), *store.bin()]]
    assert "The first file." not in texts and texts.count("The second file.") == 1
