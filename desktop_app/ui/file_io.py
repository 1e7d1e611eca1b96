"""Open and save drafts (.txt / .md, UTF-8) on the global thread pool, never the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.storage.atomic import write_text_atomic

MAX_OPEN_BYTES = 20 * 1024 * 1024


class DraftFileError(Exception):
    """A one-line message for the user."""


def read_draft(path: str | Path) -> str:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_OPEN_BYTES:
            raise DraftFileError(f"{path.name} is too large to open as a draft (over 20 MB).")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftFileError(f"{path.name} could not be found. It may have been moved or deleted.") from None
    except IsADirectoryError:
        raise DraftFileError(f"{path.name} is a folder, not a draft.") from None
    except PermissionError:
        raise DraftFileError(f"You do not have permission to open {path.name}.") from None
    except OSError as exc:
        raise DraftFileError(f"{path.name} could not be opened: {exc.strerror or exc}.") from None
    try:
        text = data.decode("utf-8-sig")  # tolerates the BOM some Windows editors add
    except UnicodeDecodeError:
        raise DraftFileError(
            f"{path.name} is not UTF-8 text. Save it as plain text (UTF-8) and open it again."
        ) from None
    if "\x00" in text:
        raise DraftFileError(f"{path.name} looks like a binary file, not a text draft.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_draft(path: str | Path, text: str) -> None:
    path = Path(path)
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        # WriteFailed already reads "Cannot save draft.txt: Permission denied"
        raise DraftFileError(f"{exc.strerror or exc}. Your text is still in the editor.") from None


class _Signals(QObject):
    opened = Signal(str, str)  # path, text
    saved = Signal(str, int)  # path, revision saved
    failed = Signal(str, str)  # "open" | "save", message


class _Job(QRunnable):
    def __init__(self, fn, signals: _Signals):
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        self.fn()


class FileIO(QObject):
    """Fire-and-forget reads and writes; results come back as signals on the GUI thread."""

    opened = Signal(str, str)
    saved = Signal(str, int)
    failed = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.opened.connect(self.opened)
        self._signals.saved.connect(self.saved)
        self._signals.failed.connect(self.failed)
        self.pool = QThreadPool.globalInstance()

    def open(self, path: str) -> None:
        def work():
            try:
                text = read_draft(path)
            except DraftFileError as exc:
                self._signals.failed.emit("open", str(exc))
                return
            self._signals.opened.emit(str(path), text)

        self.pool.start(_Job(work, self._signals))

    def save(self, path: str, text: str, revision: int) -> None:
        def work():
            try:
                write_draft(path, text)
            except DraftFileError as exc:
                self._signals.failed.emit("save", str(exc))
                return
            self._signals.saved.emit(str(path), revision)

        self.pool.start(_Job(work, self._signals))

    def run(self, fn) -> None:
        """Any other small job (saving settings)."""
        self.pool.start(_Job(fn, self._signals))
