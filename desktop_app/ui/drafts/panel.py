"""The drafts list for the side of the window: search, New, Duplicate, Rename, Delete, Bin.

Works on a DraftStore alone (emitting draftSelected etc. for the window to act on), or,
after bind_session(session), drives the DraftSession itself: selecting a draft opens it,
and the open draft is saved before it is duplicated, renamed or deleted.

Keyboard: type in the search box, Down to reach the list, Enter to open, F2 to rename,
Delete to move to the bin, and Bin to see deleted drafts (Enter restores one).

The list's rows are made by `list_drafts`, which any thread may run: a refresh the user
did not ask for (a draft opened, a search typed, an autosave while searching) reads the
drafts and makes the rows on a worker and puts them in at once (`refresh_soon`); the
drafts lane makes the first ones on its worker at start-up. For 200 drafts, reading and
describing them on the GUI thread took 7 ms, and the list was filled three times at
start-up. A list whose rows have not changed is left alone (nothing laid out again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.atomic import WriteFailed
from desktop_app.storage.drafts import Draft, DraftNotFound, DraftStore
from desktop_app.ui.widgets.row_list_model import Row, RowListModel


def describe_time(when: datetime, now: datetime | None = None) -> str:
    """'Today 14:03', 'Yesterday 09:10', '3 Nov 14:03' or '3 Nov 2025', in local time."""
    local = when.astimezone()
    now = (now or datetime.now()).astimezone()
    days = (now.date() - local.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"Today {clock}"
    if days == 1:
        return f"Yesterday {clock}"
    if local.year == now.year:
        return f"{local.day} {local.strftime('%b')} {clock}"
    return f"{local.day} {local.strftime('%b %Y')}"


def item_text(draft: Draft, *, binned: bool = False) -> str:
    when = draft.deleted if binned and draft.deleted else draft.modified
    prefix = "Deleted" if binned else "Edited"
    details = f"{prefix} {describe_time(when)}"
    if draft.networks:
        details += " · " + ", ".join(draft.networks)
    if draft.approved:
        details += " · Approved"
    return f"{draft.title}\n{details}"


def draft_row(draft: Draft, *, binned: bool = False) -> Row:
    return Row(draft.id, item_text(draft, binned=binned), draft.title)


class Listing(NamedTuple):
    """What the list shows: its rows, and how many drafts are in the bin (for its button)."""

    rows: list[Row]
    binned: int


def list_drafts(store: DraftStore, query: str = "", *, binned: bool = False) -> Listing:
    """The rows for the drafts (or, `binned`, the bin) matching `query`, newest first. No Qt:
    a worker may make them."""
    in_bin = store.bin()
    if binned:
        needle = " ".join(query.split()).casefold()
        drafts = [d for d in in_bin if not needle or needle in d.text.casefold()]
    else:
        drafts = store.search(query)
    return Listing([draft_row(d, binned=binned) for d in drafts], len(in_bin))


def _ask_title(parent: QWidget, current: str) -> str | None:
    title, ok = QInputDialog.getText(
        parent, "Rename draft", "New name (leave empty to use the first line):", text=current
    )
    return title if ok else None


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class DraftsPanel(QWidget):
    draftSelected = Signal(str)  # the user chose a draft to open
    draftCreated = Signal(str)  # New or Duplicate made this draft
    draftDeleted = Signal(str)  # moved to the bin
    draftRestored = Signal(str)  # back from the bin
    problem = Signal(str)  # something the user should read (also shown in the panel)

    def __init__(self, store: DraftStore, parent: QWidget | None = None, *, listing: Listing | None = None):
        """`listing`: the rows to start with, made on a worker (list_drafts(store)); without
        it the panel reads the store itself."""
        super().__init__(parent)
        self.store = store
        self.session = None
        self._bin_mode = False
        self._filling = False
        self._generation = 0  # counts refreshes asked for: a worker's older rows are dropped
        # Dialogs are attributes so tests (and other front ends) can answer them.
        self.ask_title: Callable[[QWidget, str], str | None] = _ask_title
        self.confirm: Callable[[QWidget, str, str], bool] = _confirm

        self.setObjectName("draftsPanel")
        self.setAccessibleName("Drafts")

        self.heading = QLabel("Drafts", self)
        self.heading.setObjectName("draftsHeading")
        self.heading.setProperty("role", "heading")
        self.search = QLineEdit(self)
        self.search.setObjectName("draftsSearch")
        self.search.setPlaceholderText("Search drafts")
        self.search.setAccessibleName("Search drafts")
        self.search.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setObjectName("draftsList")
        self.list_view.setAccessibleName("Drafts")
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(True)
        self.list_view.setSpacing(3)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = RowListModel(self.list_view)
        self.list_view.setModel(self.model)
        self.message = QLabel(self)
        self.message.setObjectName("draftsMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Drafts message")
        self.message.hide()

        self.new_button = self._button("&New", "New draft", "draftsNew", self.new_draft)
        self.duplicate_button = self._button(
            "D&uplicate", "Duplicate draft", "draftsDuplicate", self.duplicate
        )
        self.rename_button = self._button("&Rename", "Rename draft", "draftsRename", self.rename)
        self.delete_button = self._button(
            "&Delete", "Delete draft (move to the bin)", "draftsDelete", self.delete
        )
        self.restore_button = self._button(
            "Re&store", "Restore draft from the bin", "draftsRestore", self.restore
        )
        self.empty_button = self._button(
            "&Empty bin", "Empty the bin for good", "draftsEmptyBin", self.empty_bin
        )
        self.bin_button = self._button("&Bin", "Show deleted drafts", "draftsBin", None)
        self.bin_button.setCheckable(True)
        self.bin_button.toggled.connect(self.show_bin)

        # Two a row: four in one row were cut short in a narrow side column.
        actions = QGridLayout()
        actions.setSpacing(4)
        for index, button in enumerate(
            (self.new_button, self.duplicate_button, self.rename_button, self.delete_button)
        ):
            actions.addWidget(button, index // 2, index % 2)
        # Also two a row: three in one row were cut to "in (1", "esto", "pty" at 1,000 px.
        bin_actions = QGridLayout()
        bin_actions.setSpacing(4)
        bin_actions.addWidget(self.bin_button, 0, 0)
        bin_actions.addWidget(self.restore_button, 0, 1)
        bin_actions.addWidget(self.empty_button, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addLayout(bin_actions)
        self.heading.setBuddy(self.search)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.refresh_soon)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_list)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.activated.connect(self._on_activated)
        self._shortcut("F2", self.rename)
        # On the list only, so Delete still deletes text in the search box.
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list_view, self.delete)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._down_from_search = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._focus_list)
        self._down_from_search.setContext(Qt.ShortcutContext.WidgetShortcut)

        if listing is None:
            self.refresh()
        else:
            self._show_listing(listing)

    def _button(self, text: str, accessible: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcut(self, keys, slot) -> None:
        shortcut = QShortcut(QKeySequence(keys), self, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # ----- wiring to the editor's session -----

    def bind_session(self, session) -> None:
        """Let the panel drive a DraftSession (desktop_app.ui.drafts.session)."""
        self.session = session
        session.draftChanged.connect(self._on_session_draft_changed)
        session.saved.connect(lambda _when: self._update_current_item())

    def _on_session_draft_changed(self, draft_id: str) -> None:
        # Select now; rebuild the list once control is back in the event loop, never
        # inside the list's own selection signal (which may be what opened the draft).
        if draft_id in self.ids():
            self._select_quietly(draft_id)
        self.refresh_soon()

    # ----- what is shown -----

    @property
    def in_bin(self) -> bool:
        return self._bin_mode

    def selected_id(self) -> str | None:
        row = self.model.row_at(self.list_view.currentIndex().row())
        return row.key if row else None

    def ids(self) -> list[str]:
        """The ids in the list, top to bottom (for tests and the window)."""
        return self.model.keys()

    def focus_chain(self) -> list[QWidget]:
        """Search, the list, then the buttons that are showing (New ... or Restore ...)."""
        buttons = (
            self.new_button, self.duplicate_button, self.rename_button, self.delete_button,
            self.bin_button, self.restore_button, self.empty_button,
        )  # fmt: skip
        return [self.search, self.list_view, *(b for b in buttons if b.isVisibleTo(self))]

    def count(self) -> int:
        return self.model.rowCount()

    def row_text(self, row: int) -> str:
        """What row `row` shows: the title, then a line of details."""
        shown = self.model.row_at(row)
        return shown.text if shown else ""

    def set_current_row(self, row: int) -> None:
        """Select a row as a click would (-1: none); selecting a draft opens it."""
        self.list_view.setCurrentIndex(self.model.index(row, 0) if row >= 0 else QModelIndex())

    def show_bin(self, on: bool = True) -> None:
        self._bin_mode = bool(on)
        if self.bin_button.isChecked() != self._bin_mode:
            self.bin_button.setChecked(self._bin_mode)
        self.heading.setText("Bin" if self._bin_mode else "Drafts")
        self.list_view.setAccessibleName("Deleted drafts" if self._bin_mode else "Drafts")
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from disk now, keeping the selection where possible."""
        self._generation += 1
        self._show_listing(list_drafts(self.store, self.search.text(), binned=self._bin_mode))

    def refresh_soon(self) -> None:
        """Reload the list from disk on a worker; the rows go in when read, unless another
        refresh was asked for meanwhile."""
        from desktop_app.ui.jobs import run_then

        self._generation += 1
        generation, store = self._generation, self.store
        query, binned = self.search.text(), self._bin_mode

        def arrived(listing) -> None:
            if generation != self._generation:
                return  # a newer refresh is coming (or came): these rows are out of date
            if isinstance(listing, Exception):
                self.refresh()  # (logged by run_then) read here instead
                return
            self._show_listing(listing)

        run_then(lambda: list_drafts(store, query, binned=binned), arrived, self)

    def _show_listing(self, listing: Listing) -> None:
        self.bin_button.setText(f"&Bin ({listing.binned})" if listing.binned else "&Bin")
        keep = self._wanted_selection()
        self._filling = True
        try:
            if listing.rows != self.model.rows():
                self.model.set_rows(listing.rows)
            self._select(keep)
        finally:
            self._filling = False
        self._update_buttons()
        for problem in self.store.take_problems():
            self._say(problem)

    def _wanted_selection(self) -> str | None:
        if not self._bin_mode and self.session is not None and self.session.current_id:
            return self.session.current_id
        return self.selected_id()

    def _select(self, draft_id: str | None) -> None:
        self.set_current_row(self.model.row_of(draft_id))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for button in (self.new_button, self.duplicate_button, self.rename_button, self.delete_button):
            button.setVisible(not self._bin_mode)
        for button in (self.restore_button, self.empty_button):
            button.setVisible(self._bin_mode)
        self.duplicate_button.setEnabled(has)
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.restore_button.setEnabled(has)
        self.empty_button.setEnabled(self._bin_mode and self.count() > 0)

    def _update_current_item(self) -> None:
        # After an autosave: refresh just the open draft's row (cheap) and move it to the top.
        if self._bin_mode or self.session is None or not self.session.current_id:
            return
        try:
            draft = self.store.get(self.session.current_id)
        except DraftNotFound:
            return
        if self.search.text().strip():
            self.refresh_soon()  # it may now match the search, or no longer
            return
        self._filling = True
        try:
            self.model.put_first(draft_row(draft))
            if self.selected_id() != draft.id:
                self.set_current_row(0)
        finally:
            self._filling = False
        self._update_buttons()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.problem.emit(text)

    def _focus_list(self) -> None:
        self.list_view.setFocus()
        if self.selected_id() is None and self.count():
            self.set_current_row(0)

    # ----- selection -----

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        row = self.model.row_at(current.row()) if current.isValid() else None
        if self._filling or self._bin_mode or row is None:
            return
        self._open(row.key)

    def _on_activated(self, index: QModelIndex) -> None:
        if self._bin_mode:
            self.restore()
        elif (row := self.model.row_at(index.row())) is not None:
            self._open(row.key)

    def _open(self, draft_id: str) -> None:
        if self.session is None:
            self.draftSelected.emit(draft_id)
            return
        if draft_id == self.session.current_id:
            return
        self.draftSelected.emit(draft_id)
        if not self.session.open_draft(draft_id):
            self._filling = True
            try:
                self._select(self.session.current_id)  # stay on the draft that is still open
            finally:
                self._filling = False

    # ----- actions -----

    def new_draft(self) -> str | None:
        if self._bin_mode:
            self.show_bin(False)
        if self.session is not None:
            draft_id = self.session.new_draft()
        else:
            draft_id = self._try(lambda: self.store.create().id)
        if draft_id:
            self.search.clear()
            self.refresh()
            self._select_quietly(draft_id)
            self.draftCreated.emit(draft_id)
        return draft_id

    def duplicate(self) -> str | None:
        draft_id = self.selected_id()
        if not draft_id or self._bin_mode or not self._flush_if_open(draft_id):
            return None
        copy = self._try(lambda: self.store.duplicate(draft_id))
        if copy is None:
            return None
        self.draftCreated.emit(copy.id)
        if self.session is not None:
            self.session.open_draft(copy.id)
        self.refresh()
        self._select_quietly(copy.id)
        return copy.id

    def rename(self, title: str | None = None) -> bool:
        """Rename the selected draft; asks for the name when `title` is None."""
        draft_id = self.selected_id()
        if not draft_id or self._bin_mode:
            return False
        if title is None:
            try:
                current = self.store.get(draft_id)
            except DraftNotFound:
                self.refresh()
                return False
            title = self.ask_title(self, current.custom_title or current.title)
            if title is None:
                return False
        if not self._flush_if_open(draft_id):
            return False
        if self._try(lambda: self.store.rename(draft_id, title)) is None:
            return False
        self.refresh()
        return True

    def delete(self) -> bool:
        """Move the selected draft to the bin (it can be restored from there)."""
        draft_id = self.selected_id()
        if not draft_id or self._bin_mode:
            return False
        is_open = self.session is not None and draft_id == self.session.current_id
        if is_open:
            if not self.session.flush():
                self._say("The draft could not be saved, so it was not moved to the bin.")
                return False
            self.session.forget_current()
        if self._try(lambda: self.store.delete(draft_id) or True) is None:
            if is_open:
                self.session.open_draft(draft_id)
            return False
        self.draftDeleted.emit(draft_id)
        self._say("Draft moved to the bin. Use Bin, then Restore, to get it back.")
        if is_open:
            self.session.restore_last()  # the newest remaining draft, or a new one
        self.refresh()
        return True

    def restore(self) -> str | None:
        draft_id = self.selected_id()
        if not draft_id or not self._bin_mode:
            return None
        draft = self._try(lambda: self.store.restore(draft_id))
        if draft is None:
            return None
        self.draftRestored.emit(draft.id)
        self.show_bin(False)
        if self.session is not None:
            self.session.open_draft(draft.id)
        self._select_quietly(draft.id)
        self._say("")
        return draft.id

    def empty_bin(self) -> int:
        count = len(self.store.bin())
        if not count:
            return 0
        noun = "draft" if count == 1 else "drafts"
        if not self.confirm(
            self, "Empty the bin", f"Delete {count} {noun} in the bin for good? This cannot be undone."
        ):
            return 0
        removed = self._try(self.store.empty_bin)
        self.refresh()
        return removed or 0

    # ----- helpers -----

    def _select_quietly(self, draft_id: str) -> None:
        self._filling = True
        try:
            self._select(draft_id)
        finally:
            self._filling = False
        self._update_buttons()

    def _flush_if_open(self, draft_id: str) -> bool:
        if self.session is not None and draft_id == self.session.current_id and not self.session.flush():
            self._say("The open draft could not be saved first; try again in a moment.")
            return False
        return True

    def _try(self, action):
        try:
            return action()
        except WriteFailed as exc:
            self._say(str(exc.strerror or exc))
        except DraftNotFound:
            self._say("That draft is no longer there.")
            self.refresh()
        return None
