"""DraftSession: keeps the draft in an editor on disk, so typing is never lost.

Every change is written within a second: a short debounce after the last keystroke,
and a max-wait so that continuous typing still saves at least every `max_wait_ms`.
The write (read-change-write of one small JSON file, fsync, replace) runs on a
one-thread pool, never on the GUI thread; only a snapshot of the text is taken here.
A failed save emits `saveFailed(message)`, keeps the text in the editor and retries.

    session = DraftSession(editor, store)
    session.saveFailed.connect(status_bar.showMessage)
    session.restore_last()          # the draft open at the last exit (or crash)
    ...
    session.close()                 # on quit: waits for and writes the last change
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from desktop_app.core.review import DraftReview
from desktop_app.storage.atomic import WriteFailed, reason
from desktop_app.storage.drafts import Draft, DraftNotFound, DraftStore

DEBOUNCE_MS = 350
MAX_WAIT_MS = 750  # leaves room for the write itself inside the one-second promise
RETRY_MS = 3000


def qt_to_py(text: str, position: int) -> int:
    """A QTextCursor position (UTF-16 units) as a Python string index."""
    if text.isascii():
        return max(0, min(position, len(text)))
    units = text.encode("utf-16-le", "surrogatepass")[: 2 * max(0, position)]
    return len(units.decode("utf-16-le", "surrogatepass"))


def py_to_qt(text: str, index: int) -> int:
    """A Python string index as a QTextCursor position (UTF-16 units)."""
    if text.isascii():  # (and the UTF-16 codec is not looked up while a draft opens)
        return max(0, min(index, len(text)))
    return len(text[: max(0, index)].encode("utf-16-le", "surrogatepass")) // 2


def _key(draft: Draft) -> tuple:
    review = json.dumps(draft.review.to_dict(), sort_keys=True, default=str)
    # History only grows, one immutable entry at a time: its length and last entry say it.
    history = (len(draft.history), draft.history[-1].when if draft.history else None)
    published = (tuple(sorted(draft.versions.items())), tuple(draft.images), draft.approval, history)
    return (draft.text, draft.cursor, tuple(draft.networks), draft.source_path, review, published)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    draft: Draft  # what to write: text, cursor, networks, review, source path
    generation: int


class _Relay(QObject):
    # Lives in the GUI thread; the worker emits it so results arrive by queued connection.
    finished = Signal()


class _SaveJob(QRunnable):
    def __init__(self, store: DraftStore, snapshot: _Snapshot, results: list, lock, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._store, self._snapshot, self._results, self._lock, self._relay = (
            store,
            snapshot,
            results,
            lock,
            relay,
        )

    def run(self) -> None:
        outcome = _write(self._store, self._snapshot)
        with self._lock:
            self._results.append(outcome)
        self._relay.finished.emit()


def _write(store: DraftStore, snapshot: _Snapshot) -> tuple[int, object, str]:
    """(generation, modified time or None, error message)."""
    d = snapshot.draft
    try:
        try:
            saved = store.update(
                d.id,
                text=d.text,
                cursor=d.cursor,
                networks=list(d.networks),
                source_path=d.source_path,
                review=d.review,
                versions=dict(d.versions),
                images=list(d.images),
                approval=d.approval,
                history=list(d.history),
            )
        except DraftNotFound:
            # The file vanished (deleted outside the app, or set aside): write it afresh.
            saved = store.save(replace(d, deleted=None))
        return snapshot.generation, saved.modified, ""
    except WriteFailed as exc:
        why = reason(exc)
    except Exception as exc:  # never let one bad write stop autosave for good
        why = f"an unexpected error ({type(exc).__name__}: {exc})"
    message = (
        f"Your draft could not be saved: {why}. It is still in the editor, and saving will be tried again."
    )
    return snapshot.generation, None, message


class DraftSession(QObject):
    draftChanged = Signal(str)  # the id of the draft now in the editor
    saved = Signal(object)  # datetime (UTC) of the save that just finished
    saveFailed = Signal(str)  # a message for the user; the text stays in the editor

    def __init__(
        self,
        editor: QPlainTextEdit,
        store: DraftStore,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.store = store
        # The main text's document: the editor may be showing one network's version instead.
        self.main_document = editor.document()
        self._main_cursor = 0
        # Set by the window (ui/publish): what else of the draft to save (its versions,
        # images, approval, history), and how to put the main text back in the editor
        # before another draft is shown.
        self.publish_state: Callable[[], dict] | None = None
        self.before_show: Callable[[], None] | None = None
        self._draft: Draft | None = None
        self._loading = False
        self._dirty = False
        self._in_flight = False
        self._generation = 0
        self._last_written: tuple | None = None  # what is on disk, to skip writes that change nothing
        self._pending_key: tuple | None = None
        self.last_error = ""

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: saves land in order
        self._results: list = []
        self._results_lock = threading.Lock()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._drain_results)

        self._debounce = self._timer(debounce_ms)
        self._max_wait = self._timer(max_wait_ms)
        self._retry = self._timer(retry_ms)

        editor.textChanged.connect(self._on_edit)
        editor.cursorPositionChanged.connect(self._on_cursor)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(self.save_soon_now)
        return timer

    # ----- what is open -----

    @property
    def current_id(self) -> str | None:
        return self._draft.id if self._draft else None

    @property
    def current(self) -> Draft | None:
        """A copy of the open draft as the editor has it now."""
        return self._snapshot_draft() if self._draft else None

    @property
    def shown_draft(self) -> Draft | None:
        """The draft as it was read when it was shown (its stored versions, approval...)."""
        return self._draft

    @property
    def failing(self) -> bool:
        return bool(self.last_error)

    def has_unsaved_changes(self) -> bool:
        return self._dirty or self._in_flight

    def restore_last(self) -> str | None:
        """Open the draft that was open last (else the newest, else a new one)."""
        draft_id = self.store.id_to_restore()
        if draft_id is not None and self.open_draft(draft_id):
            return draft_id
        return self.new_draft()

    def open_draft(self, draft_id: str) -> bool:
        """Show a stored draft. False (and the editor unchanged) if the current one cannot be saved."""
        if self._draft and draft_id == self._draft.id:
            return True
        try:
            draft = self.store.get(draft_id)
        except DraftNotFound:
            self._tell("That draft could not be opened; it may have been deleted.")
            return False
        return self.show_read(draft)

    def show_read(self, draft: Draft) -> bool:
        """Show a draft already read from the store (or just made there), e.g. on a worker at
        start-up: open_draft without the reading. False if the current one cannot be saved."""
        if not self._leave_current():
            return False
        self._show(draft)
        return True

    def new_draft(self, text: str = "", *, source_path: str | None = None) -> str | None:
        """Start a new draft (e.g. from an opened file); None if it could not be created."""
        if not self._leave_current():
            return None
        try:
            draft = self.store.create(text, source_path=source_path)
        except WriteFailed as exc:
            self._tell(f"A new draft could not be created: {reason(exc)}.")
            return None
        self._show(draft)
        return draft.id

    def forget_current(self) -> None:
        """Drop the open draft without saving (after it was deleted on purpose)."""
        self._stop_timers()
        self._wait_for_writer()
        self._dirty = False
        self._draft = None

    # ----- draft details the editor does not hold -----

    @property
    def networks(self) -> list[str]:
        return list(self._draft.networks) if self._draft else []

    def set_networks(self, networks: list[str]) -> None:
        if self._draft:
            self._draft.networks = list(networks)
            self._changed(max_wait=True)

    @property
    def review(self) -> DraftReview | None:
        """The open draft's review: the live object (the window changes it, then calls
        review_changed so it is saved)."""
        return self._draft.review if self._draft else None

    def review_changed(self) -> None:
        if self._draft:
            self._changed(max_wait=True)

    def mark_changed(self) -> None:
        """Something kept with the draft changed (its versions, images, approval): save it."""
        if self._draft:
            self._changed(max_wait=True)

    def set_source_path(self, path: str | None) -> None:
        """The .txt/.md file this draft was last saved to or opened from."""
        if self._draft:
            self._draft.source_path = str(path) if path else None
            self._changed(max_wait=True)

    # ----- saving -----

    def save_soon_now(self) -> None:
        """Start writing the latest text now (on the writer thread) if it changed."""
        self._stop_timers()
        if not self._draft or not self._dirty:
            return
        if self._in_flight:
            return  # _drain_results starts the next one when this write finishes
        snapshot = self._take_snapshot()
        if snapshot is None:
            return
        self._in_flight = True
        self._pool.start(_SaveJob(self.store, snapshot, self._results, self._results_lock, self._relay))

    def flush(self) -> bool:
        """Write any pending change now, on this thread; True if everything is on disk."""
        self._stop_timers()
        self._wait_for_writer()
        if not self._draft or not self._dirty:
            return True
        snapshot = self._take_snapshot()
        if snapshot is not None:
            self._handle(_write(self.store, snapshot))
        return not self._dirty

    def close(self) -> bool:
        """On quit: write the last change and stop. True if nothing was lost."""
        ok = self.flush()
        self._retry.stop()
        return ok

    # ----- internals -----

    def _on_edit(self) -> None:
        if not self._loading and self._draft:
            self._changed(max_wait=True)

    def _on_cursor(self) -> None:
        # A moved cursor is worth keeping, but need not hurry: debounce only.
        if not self._loading and self._draft:
            self._changed(max_wait=False)

    def _changed(self, *, max_wait: bool) -> None:
        self._dirty = True
        self._debounce.start()
        if max_wait and not self._max_wait.isActive():
            self._max_wait.start()

    def _take_snapshot(self) -> _Snapshot | None:
        draft = self._snapshot_draft()
        key = _key(draft)
        self._dirty = False
        if key == self._last_written:
            return None  # e.g. a highlighter touched formats only
        self._generation += 1
        self._pending_key = key
        return _Snapshot(draft, self._generation)

    def _snapshot_draft(self) -> Draft:
        text = self.main_document.toPlainText()
        if self.editor.document() is self.main_document:
            self._main_cursor = qt_to_py(text, self.editor.textCursor().position())
        extra = self.publish_state() if self.publish_state is not None else {}
        return replace(
            self._draft,
            text=text,
            cursor=min(self._main_cursor, len(text)),
            networks=list(self._draft.networks),
            review=self._draft.review.copy(),  # the writer thread gets its own
            **extra,
        )

    def _drain_results(self) -> None:
        self._collect_results()
        if self._dirty and not self._in_flight and not self._debounce.isActive():
            self.save_soon_now()  # changes made while the last write ran

    def _handle(self, outcome) -> None:
        generation, when, error = outcome
        self._in_flight = False
        if error:
            self._dirty = True  # the editor still has it; write again later
            self._last_written = None
            if error != self.last_error:
                self.last_error = error
                self.saveFailed.emit(error)
            else:
                self.last_error = error
            self._retry.start()
            return
        if generation == self._generation:
            self._last_written = self._pending_key
        self.last_error = ""
        self.saved.emit(when)

    def _wait_for_writer(self) -> None:
        self._pool.waitForDone()
        self._collect_results()

    def _collect_results(self) -> None:
        with self._results_lock:
            results, self._results[:] = list(self._results), []
        for outcome in results:
            self._handle(outcome)

    def _stop_timers(self) -> None:
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()

    def _leave_current(self) -> bool:
        """Save the open draft before showing another; drop it if it was never written in."""
        if not self._draft:
            return True
        if not self.flush():
            self._tell(
                "The current draft could not be saved, so it is still open. "
                "Free some disk space or check the drafts folder, then try again."
            )
            return False
        if not self.main_document.toPlainText().strip():
            # An empty, unnamed draft would only clutter the list.
            with contextlib.suppress(WriteFailed):
                self.store.discard_if_empty(self._draft.id)
        self._draft = None
        return True

    def _show(self, draft: Draft) -> None:
        if self.before_show is not None:
            self.before_show()  # the main text back in the editor, for the new draft's words
        self._loading = True
        try:
            self._draft = draft
            self._main_cursor = draft.cursor
            self.editor.setPlainText(draft.text)
            cursor = self.editor.textCursor()
            last = self.editor.document().characterCount() - 1  # in UTF-16 units, as positions are
            cursor.setPosition(max(0, min(py_to_qt(draft.text, draft.cursor), last)))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        finally:
            self._loading = False
        self._dirty = False
        self._last_written = _key(draft)
        try:
            self.store.set_last_open(draft.id)
        except WriteFailed as exc:
            self._tell(f"Could not remember the open draft: {reason(exc)}.")
        self.draftChanged.emit(draft.id)

    def _tell(self, message: str) -> None:
        # Problems other than the autosave itself: said once, not remembered as failing.
        self.saveFailed.emit(message)
