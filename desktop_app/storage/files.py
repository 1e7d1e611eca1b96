"""Open and save plain .txt and .md files: UTF-8, a byte-order mark tolerated.

Reading never changes anything: a binary or undecodable file raises UnreadableFile with
a message for the user. A file over LARGE_FILE_BYTES raises FileTooLarge unless the
caller passes allow_large=True (after asking the user). Saving is atomic and raises
WriteFailed (from storage.atomic) with a plain reason; the caller keeps its text.
Pure Python: no Qt.
"""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

from desktop_app.storage.atomic import WriteFailed, reason, write_bytes_atomic

__all__ = [
    "LARGE_FILE_BYTES",
    "SUFFIXES",
    "FileTooLarge",
    "UnreadableFile",
    "WriteFailed",
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
        size = file_size(path)
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
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _not_text(name) from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise _not_text(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(
            f"“{name}” is not in UTF-8, so it cannot be opened safely. "
            "Save it as UTF-8 text in another program and try again."
        ) from None
    if any(_is_control(ch) for ch in text[:_SNIFF_BYTES]):
        raise _not_text(name)
    return text


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
