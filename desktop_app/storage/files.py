"""Open and save plain .txt and .md files: UTF-8, a byte-order mark tolerated.

Reading never changes anything: a binary or undecodable file raises UnreadableFile with
a message for the user. A file over LARGE_FILE_BYTES raises FileTooLarge unless the
caller passes allow_large=True (after asking the user). TextDecoder is the decoding on its
own (bytes in, text out, fed in pieces), so the command line reads files and streams
exactly as File > Open does. Saving is atomic and raises WriteFailed (from storage.atomic)
with a plain reason; the caller keeps its text. Pure Python: no Qt.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from desktop_app.storage.atomic import WriteFailed, reason, write_bytes_atomic

__all__ = [
    "LARGE_FILE_BYTES",
    "SUFFIXES",
    "FileTooLarge",
    "NotText",
    "TextDecoder",
    "UnreadableFile",
    "WriteFailed",
    "decode_text",
    "file_size",
    "is_large",
    "read_text_file",
    "with_suffix",
    "write_text_file",
]

SUFFIXES = (".txt", ".md")
LARGE_FILE_BYTES = 1024 * 1024  # 1 MB: far beyond any post; ask before opening
_SNIFF_BYTES = 8192

# Byte-order marks we accept, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UnreadableFile(ValueError):
    """The file cannot be opened as text; `str(exc)` is a message for the user."""


class FileTooLarge(UnreadableFile):
    def __init__(self, path: Path, size: int):
        self.path = Path(path)
        self.size = size
        super().__init__(
            f"“{self.path.name}” is {size / (1024 * 1024):.1f} MB, much longer than a post. Open it anyway?"
        )


def file_size(path: Path) -> int:
    return os.stat(path).st_size


def is_large(path: Path) -> bool:
    """True if the UI should ask before opening `path`."""
    try:
        return file_size(path) > LARGE_FILE_BYTES
    except OSError:
        return False  # read_text_file will give the real message


def read_text_file(path: Path, *, allow_large: bool = False) -> str:
    """The text of a .txt/.md file, with line endings as "\\n" and no BOM."""
    path = Path(path)
    try:
        info = os.stat(path)  # never opens it: a pipe would block, a device never end
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(
                f"“{path.name}” is not an ordinary file (it is a device or a pipe), "
                "so it cannot be opened as a draft."
            )
        size = info.st_size
        if size > LARGE_FILE_BYTES and not allow_large:
            raise FileTooLarge(path, size)
        data = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(f"“{path.name}” is a folder, not a file.") from None
    except FileNotFoundError:
        raise UnreadableFile(f"“{path.name}” was not found. It may have been moved or deleted.") from None
    except OSError as exc:
        raise UnreadableFile(f"Cannot open “{path.name}”: {reason(exc)}.") from exc
    text = _decode(data, path.name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    try:
        return decode_text(data)
    except NotText as exc:
        if exc.binary:
            raise _not_text(name) from None
        raise UnreadableFile(
            f"“{name}” is not in UTF-8, so it cannot be opened safely. "
            "Save it as UTF-8 text in another program and try again."
        ) from None


class NotText(ValueError):
    """The bytes are not text: binary data (`binary`), or not UTF-8 at byte `position`."""

    def __init__(self, binary: bool, position: int = 0):
        self.binary = binary
        self.position = position
        super().__init__("binary data" if binary else f"not UTF-8 (byte {position})")


def decode_text(data: bytes) -> str:
    """All of `data` as text, the way File > Open reads it (see TextDecoder). Raises NotText."""
    return TextDecoder().decode(data, final=True)


class TextDecoder:
    """Bytes to text, fed in pieces: a byte-order mark picks UTF-8, UTF-16 or UTF-32 (and is
    dropped), otherwise UTF-8. Binary data (a NUL byte, or a control character other than
    tabs and line breaks, near the start) raises NotText, as does text that does not decode.
    Line endings are left as they are."""

    def __init__(self) -> None:
        self._decoder: codecs.IncrementalDecoder | None = None
        self._bom = False
        self._held = b""  # the first bytes, until there are enough to tell a byte-order mark
        self._offset = 0  # bytes handed to the decoder so far, the mark included
        self._sniffed = 0  # characters checked for control characters so far
        # Where UTF-8 failed inside the first _SNIFF_BYTES, while the rest of them is awaited:
        # a NUL there makes it a binary file, as when the whole file is decoded at once.
        self._failed_at: int | None = None

    def decode(self, data: bytes, final: bool = False) -> str:
        if self._decoder is None:
            data = self._held + data
            if len(data) < len(codecs.BOM_UTF32_LE) and not final:
                self._held = data
                return ""
            self._held = b""
            self._offset = self._start(data)
            data = data[self._offset :]
        if not self._bom and self._offset < _SNIFF_BYTES and b"\x00" in data[: _SNIFF_BYTES - self._offset]:
            raise NotText(binary=True)
        if self._failed_at is None:
            pending = len(self._decoder.getstate()[0])
            try:
                text = self._decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                if self._bom:
                    raise NotText(binary=True) from None
                self._failed_at = self._offset - pending + exc.start
        self._offset += len(data)
        if self._failed_at is not None:
            if final or self._offset >= _SNIFF_BYTES:
                raise NotText(binary=False, position=self._failed_at)
            return ""
        if not self._bom and self._sniffed < _SNIFF_BYTES:
            head = text[: _SNIFF_BYTES - self._sniffed]
            self._sniffed += len(head)
            if any(_is_control(ch) for ch in head):
                raise NotText(binary=True)
        return text

    def _start(self, data: bytes) -> int:
        """Choose the decoder from the first bytes; the length of the byte-order mark."""
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                self._bom = True
                self._decoder = codecs.getincrementaldecoder(encoding)()
                return len(bom)
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        return 0


def _is_control(ch: str) -> bool:
    # Text files have tabs and line breaks; other C0 controls mean binary data.
    return ch < " " and ch not in "\t\n\r\f\v"


def _not_text(name: str) -> UnreadableFile:
    return UnreadableFile(f"“{name}” is not a text file. Only .txt and .md files can be opened.")


def with_suffix(path: Path) -> Path:
    """`path` with .txt added when it has neither .txt nor .md."""
    path = Path(path)
    return path if path.suffix.lower() in SUFFIXES else path.with_name(path.name + ".txt")


def write_text_file(path: Path, text: str) -> None:
    """Save `text` as UTF-8 (no BOM) atomically. Raises WriteFailed; nothing is lost on failure."""
    path = Path(path)
    if path.is_dir():
        raise WriteFailed(errno.EISDIR, f"Cannot save {path.name}: there is a folder with that name.")
    write_bytes_atomic(path, text.encode("utf-8"), private=False)  # the user's own file
