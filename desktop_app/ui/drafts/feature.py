"""Drafts in the main window: a DraftStore, a DraftSession on the editor and the drafts panel.

Every window has it (MainWindow builds it). Every change is on disk within a second (the
session), the last open draft comes back with its cursor at start-up, New / Open / Save As
go through the session (never clearing the editor under the autosave), and each draft's
review (ignored findings with their reasons, fixes) and networks travel with it.

    window.drafts                      # built with the window; reserves the panel's place
    window.show()                      # the store is read once the window has painted
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer, Signal

from desktop_app.storage import UNTITLED
from desktop_app.storage.atomic import WriteFailed
from desktop_app.ui.features import Feature
from desktop_app.ui.turns import next_turn
from desktop_app.ui.widgets.banner import Banner

if TYPE_CHECKING:  # the store loads on the worker, after the first paint
    from desktop_app.storage.drafts import Draft, DraftStore
    from desktop_app.ui.drafts.panel import Listing

# Read on the worker before the first step: what opening and showing a draft would
# otherwise import on the GUI thread (a draft's versions and approval: ~60 ms).
DRAFT_MODULES = (
    "desktop_app.ui.drafts.session",
    "desktop_app.ui.drafts.panel",
    "desktop_app.core.versions",
    "desktop_app.core.approval",
    "desktop_app.core.images",
)


class FirstDraft(NamedTuple):
    """The draft start-up opens, as the worker read it or made it."""

    draft: Draft
    made: bool  # made new for this start (there was none to restore, or a file was opened)
    opened: tuple[str, str] | None = None  # the file (path, text) it was made from


def prepare_first_draft(store: DraftStore, opened: tuple[str, str] | None = None) -> FirstDraft | None:
    """On the worker: the draft start-up opens (a new one from the file `opened`, else the
    one open last, else the newest, else a new empty one), read or written here, and
    remembered as open. Made on the GUI thread, a new draft's write and its fsyncs held the
    window for 10-40 ms. None if that fails: the first step then tries on the GUI thread
    and says what went wrong."""
    from desktop_app.storage.drafts import DraftNotFound

    try:
        if opened is not None:
            path, text = opened
            first = FirstDraft(store.create(text, source_path=path), True, opened)
        elif draft_id := store.id_to_restore():
            first = FirstDraft(store.get(draft_id), False)
        else:
            first = FirstDraft(store.create(), True)
        store.set_last_open(first.draft.id)
    except (DraftNotFound, WriteFailed):
        return None
    return first


class DraftsFeature(Feature):
    startFinished = Signal()  # every start-up step has run (started is now True)

    def __init__(self, window, store=None, *, folder: Path | None = None):
        super().__init__(window)
        self._store = store  # a storage.drafts.DraftStore, made at start() when not given
        self._folder = folder
        self.session = None
        self.panel = None
        self._shut_down = False  # the window has closed: drafts read after that open nothing
        self._pending_open: tuple[str, str] | None = None  # a file that arrived before start()
        self._title = UNTITLED
        self._start_steps: list = []  # what is left of starting (see start), one per turn
        self._first_opened = False  # the first draft is open: a file opened now opens at once
        self._first: FirstDraft | None = None  # what the worker read or made to open first
        self._unplaced = None  # the panel between being made and put in the window
        self._listing: Listing | None = None  # the list's first rows, as the worker made them
        # Where an autosave problem is said: above the editor, until a save works again.
        self.banner = Banner("Autosave problem")
        window.add_banner(self.banner)
        window.reserve_drafts_slot()
        window.reviewChanged.connect(self._review_changed)
        window.platform_bar.networksChanged.connect(self._networks_changed)

    @property
    def started(self) -> bool:
        """Every start-up step has run: the panel is filled and a draft is open."""
        return self.session is not None and not self._start_steps

    @property
    def store(self):
        return self._store

    # ----- start-up -----
    def start(self) -> None:
        """After the first paint: import the drafts modules, read the drafts and the first
        one to open on a worker (0.15 s for 200 drafts; the store keeps them) and make the
        list's rows there, then start one step per turn of the event loop."""
        from desktop_app.ui.jobs import run_then

        store, folder = self._store, self._folder
        opening = self._pending_open  # a file to open first: its draft made there too

        def read_drafts():
            import importlib

            from desktop_app.storage.drafts import DraftStore
            from desktop_app.ui.drafts.panel import list_drafts

            for module in DRAFT_MODULES:
                importlib.import_module(module)  # here, off the GUI thread

            ready = store if store is not None else DraftStore(folder)
            first = prepare_first_draft(ready, opening)
            return ready, first, list_drafts(ready)  # (after: a draft made for this start is listed too)

        run_then(read_drafts, self._drafts_read, self)

    def _drafts_read(self, result) -> None:
        store, first, listing = (None, None, None) if isinstance(result, Exception) else result
        if self._shut_down or self.started or self._start_steps:
            # Closed meanwhile (open nothing now), or start_now ran already: a draft made
            # for this start that was never shown goes again.
            self._drop_unused(first, store)
            return
        if self._store is None:
            self._store = store  # if None, the first step makes one and says what is wrong
        self._first = first
        self._listing = listing
        self._start_steps = self._steps()
        self._next_start_step()

    def _steps(self) -> list:
        # Each is a few milliseconds; all in one go held the window for 60-100 ms.
        return [self._make_session, self._make_panel, self._place_panel, self._open_first, self._fill_panel]

    def _next_start_step(self) -> None:
        if self._shut_down or not self._start_steps:
            return
        self._start_steps.pop(0)()
        if self._start_steps:
            next_turn(self, self._next_start_step)
        else:
            self.startFinished.emit()

    def start_now(self) -> None:
        """Start at once, whatever steps are left (New or a reply before the drafts were read)."""
        if self.started:
            return
        if not self._start_steps:
            self._start_steps = self._steps()
        while self._start_steps:
            self._start_steps.pop(0)()
        self.startFinished.emit()

    def _make_session(self) -> None:
        from desktop_app.storage.drafts import DraftStore
        from desktop_app.ui.drafts.session import DraftSession

        window = self.window
        if self._store is None:
            self._store = DraftStore(self._folder)
        self.session = DraftSession(window.editor, self._store, parent=self)
        self.session.main_document = window.main_document
        self.session.publish_state = window.publish.state
        self.session.before_show = window.publish.to_main
        self.session.draftChanged.connect(self._on_draft_changed)
        self.session.saved.connect(self._on_saved)
        self.session.saveFailed.connect(self._on_save_failed)

    def _make_panel(self) -> None:
        from desktop_app.ui.drafts.panel import DraftsPanel

        listing, self._listing = self._listing, None
        # Made in its slot (hidden until placed) and styled now: styled as it was put in the
        # window, its widgets held the next step 9 ms (17 ms with the workers busy).
        panel = DraftsPanel(self._store, self.window.drafts_slot, listing=listing)
        panel.ensurePolished()
        panel.bind_session(self.session)
        panel.problem.connect(lambda text: self.window.statusBar().showMessage(text, 8000))
        self._unplaced = panel

    def _place_panel(self) -> None:
        # self.panel only once it is in the window (the window's tab order goes through it)
        self.panel, self._unplaced = self._unplaced, None
        self.window.set_drafts_panel(self.panel)

    def _open_first(self) -> None:
        """A file opened before now, else what was typed meanwhile, else the last draft (as
        the worker read it, or the new one it made)."""
        typed = self.window.text()  # anything typed in the moment before the drafts were read
        first, self._first = self._first, None
        if first is not None and first.opened is not None and first.opened == self._pending_open:
            self._pending_open = None  # the file's draft, made on the worker
            self.session.show_read(first.draft)
            self._first_opened = True
            return
        if first is not None and first.opened is None and self._pending_open is None and not typed.strip():
            self.session.show_read(first.draft)  # (nothing is open yet to be saved first)
            self._first_opened = True
            return
        self._drop_unused(first, self._store)
        if self._pending_open is not None:
            path, text = self._pending_open
            self._pending_open = None
            self.session.new_draft(text, source_path=path)
        elif typed.strip():
            self.session.new_draft(typed)
        else:
            self.session.restore_last()
        self._first_opened = True

    def _fill_panel(self) -> None:
        """The list the worker made holds the draft opened first, unless that draft was made
        just now (a file opened, words typed first): then the list is read again."""
        if self.session.current_id not in self.panel.ids():
            self.panel.refresh()

    def _drop_unused(self, first: FirstDraft | None, store) -> None:
        """A new draft the worker made that is not opened after all (a file or typing came
        first, or another file): deleted for good, as a draft nobody saw, and the draft open
        now (if any) is the one to restore next time."""
        if first is None or not first.made or store is None:
            return
        from desktop_app.storage.drafts import DraftNotFound

        with contextlib.suppress(WriteFailed, DraftNotFound):
            if first.opened is None:
                store.discard_if_empty(first.draft.id)
            elif first.draft.id != (self.session.current_id if self.session is not None else None):
                store.delete(first.draft.id)  # a file's words: to the bin, then out of it
                store.purge(first.draft.id)
            if self.session is not None and self.session.current_id:
                store.set_last_open(self.session.current_id)

    # ----- what the window asks for -----
    def new_draft(self) -> str | None:
        if not self.started:
            self.start_now()
        return self.panel.new_draft()

    def open_text(self, path: str, text: str) -> bool:
        """An opened file becomes a new draft (the open one is kept as it is)."""
        if not self._first_opened:
            self._pending_open = (path, text)  # the first draft opened will be this one
            return True
        return self.session.new_draft(text, source_path=path) is not None

    def start_draft(self, text: str) -> bool:
        """A new draft holding `text` (a reply started from the Replies view); the open one
        is kept as it is."""
        if not self.started:
            self.start_now()
        return self.session.new_draft(text) is not None

    def saved_as(self, path: str) -> None:
        if self.session is not None:
            self.session.set_source_path(path)

    def flush(self) -> bool:
        return self.session.flush() if self.session is not None else True

    def title(self) -> str:
        return self._title

    # ----- session events -----
    def _on_draft_changed(self, _draft_id: str) -> None:
        shown = self.session.shown_draft
        if shown is not None:
            self.window.publish.load(shown)  # its versions, images, approval and history
        draft = self.session.current
        self._title = draft.title if draft else UNTITLED
        self.window.show_draft(
            self.session.review,
            list(draft.networks) if draft and draft.networks else None,
            Path(draft.source_path) if draft and draft.source_path else None,
        )

    def _on_saved(self, _when) -> None:
        if self.banner.isVisible():
            self.banner.hide()
            self.window.statusBar().showMessage("Your draft is being saved again.", 5000)
        self._refresh_title()

    def _refresh_title(self) -> None:
        draft = self.session.current if self.session else None
        title = draft.title if draft else UNTITLED
        if title != self._title:
            self._title = title
            self.window.update_title()

    def _on_save_failed(self, message: str) -> None:
        # Non-modal: the text stays in the editor and the session keeps retrying.
        self.window.statusBar().showMessage(message, 10000)
        if self.session.failing:
            self.banner.show_message(message)

    def _review_changed(self) -> None:
        if self.session is not None:
            self.session.review_changed()

    def _networks_changed(self, networks: list) -> None:
        if self.session is not None:
            self.session.set_networks(list(networks))

    # ----- closing -----
    def shutdown(self) -> None:
        self._shut_down = True

    def ready_to_close(self) -> bool:
        """Write the last change before the window goes; ask only if that fails."""
        if self.session is None:
            return True
        if self.session.close():
            draft_id = self.session.current_id
            if draft_id and not self.window.text().strip():
                with contextlib.suppress(WriteFailed):
                    # an empty draft only clutters the list; the newest one opens next time
                    if self._store.discard_if_empty(draft_id):
                        self._store.set_last_open(None)
            return True
        from PySide6.QtWidgets import QMessageBox  # set up when first needed, not at start-up

        answer = QMessageBox.warning(
            self.window,
            "Your latest changes could not be saved",
            f"{self.session.last_error}\n\nQuit anyway and lose the changes since the last save?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            return True
        QTimer.singleShot(0, self.session.save_soon_now)  # keep trying while the user frees space
        return False
