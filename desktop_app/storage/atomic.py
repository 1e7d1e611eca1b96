"""Atomic file writes: temp file in the same folder, fsync, replace, fsync the folder.

A crash, kill -9 or power cut leaves either the old file or the new one, never half.
Every failure is a WriteFailed whose message a person can act on; the old file (if any)
is untouched and no temp file is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class WriteFailed(OSError):
    """The file could not be written; the old file (if any) is untouched."""


# Plain-English reasons for the failures people actually meet.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EEXIST: "part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EISDIR: "there is a folder with that name",
}


def reason(exc: OSError) -> str:
    """A short, plain reason for an OSError ("the disk is full")."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc) or "unknown error").rstrip(".")


def _read_umask() -> int:
    # Python 3.11 has no os.getumask(); set and restore once, at import on the main thread.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
USER_FILE_MODE = 0o666 & ~_UMASK  # what other editors give a new file the user saves


def write_bytes_atomic(path: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` to `path` so that it is either all there or not changed at all.

    private: a new file is readable by this user only (drafts, settings); False for the
    files a user saves or exports, which get the usual mode (0666 less the umask). An
    existing file keeps the mode it had either way."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteFailed(exc.errno, f"Cannot write in {path.parent}: {reason(exc)}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, tmp_name, None if private else USER_FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException as exc:
        # Also on KeyboardInterrupt and the like: never leave a temp file behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise WriteFailed(exc.errno, f"Cannot save {path.name}: {reason(exc)}.") from exc
        raise
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str, *, private: bool = True) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), private=private)


def _keep_mode(path: Path, tmp_name: str, new_mode: int | None) -> None:
    # mkstemp makes the file private (0600); an existing file keeps the mode it had.
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = new_mode
    if mode is None:
        return
    with contextlib.suppress(OSError):
        os.chmod(tmp_name, mode)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every OS (e.g. Windows).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
