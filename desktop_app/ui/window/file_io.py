"""Open and save drafts (.txt / .md, UTF-8) on the global thread pool, never the GUI thread.

Reading and writing are storage.files' (BOM tolerated, binary and non-UTF-8 files refused
with a message, atomic writes); this module only runs them off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.core.limits import start_of
from desktop_app.storage.atomic import reason
from desktop_app.storage.files import (
    FileTooLarge,
    UnreadableFile,
    WriteFailed,
    read_text_file,
    write_text_file,
)
from desktop_app.ui.jobs import run_in_pool

MAX_OPEN_BYTES = 20 * 1024 * 1024  # past this even "open anyway" is refused


class DraftFileError(Exception):
    """A one-line message for the user."""


def read_draft(path: str | Path, *, allow_large: bool = False) -> str:
    """The file's text; FileTooLarge (over 1 MB) unless allow_large; DraftFileError otherwise."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_OPEN_BYTES:
            raise DraftFileError(f"{path.name} is too large to open as a draft (over 20 MB).")
    except OSError:
        pass  # read_text_file gives the message
    try:
        return read_text_file(path, allow_large=allow_large)
    except FileTooLarge:
        raise
    except UnreadableFile as exc:
        raise DraftFileError(str(exc)) from None


def write_draft(path: str | Path, text: str) -> None:
    try:
        write_text_file(Path(path), text)
    except WriteFailed as exc:
        raise DraftFileError(
            f"{Path(path).name} could not be saved: {reason(exc)}. Your text is still in the editor."
        ) from None
    except OSError as exc:
        raise DraftFileError(f"{exc.strerror or exc}. Your text is still in the editor.") from None


class _Signals(QObject):
    opened = Signal(str, str)  # path, text
    saved = Signal(str, int)  # path, revision saved
    failed = Signal(str, str)  # "open" | "save", message
    too_large = Signal(str, int)  # path, size in bytes: ask before opening
    opened_start = Signal(str, str)  # path, the start of its text (open(..., first=N))


class FileIO(QObject):
    """Fire-and-forget reads and writes; results come back as signals on the GUI thread."""

    opened = Signal(str, str)
    saved = Signal(str, int)
    failed = Signal(str, str)
    tooLarge = Signal(str, int)
    openedStart = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.opened.connect(self.opened)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)
        self._signals.too_large.connect(self.tooLarge)
        self._signals.opened_start.connect(self.openedStart)
        self.pool = QThreadPool.globalInstance()

    def open(self, path: str, *, allow_large: bool = False, first: int | None = None) -> None:
        """opened(path, text) follows; with `first`, openedStart(path, the text's first
        `first` characters, cut between words) instead."""

        def work():
            try:
                text = read_draft(path, allow_large=allow_large)
            except FileTooLarge as exc:
                self._signals.too_large.emit(str(path), exc.size)
                return
            except DraftFileError as exc:
                self._signals.failed.emit("open", str(exc))
                return
            if first is not None:
                self._signals.opened_start.emit(str(path), start_of(text, first))
                return
            self._signals.opened.emit(str(path), text)

        run_in_pool(work, self.pool)

    def save(self, path: str, text: str, revision: int) -> None:
        def work():
            try:
                write_draft(path, text)
            except DraftFileError as exc:
                self._signals.failed.emit("save", str(exc))
                return
            self._signals.saved.emit(str(path), revision)

        run_in_pool(work, self.pool)

    def run(self, fn) -> None:
        """Any other small job (saving settings)."""
        run_in_pool(fn, self.pool)
