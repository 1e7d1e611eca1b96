"""A disk cache of what is slow to rebuild from unchanged files, for a fast cold start.

`drafting-assistant check` runs once per file from scripts and git hooks, so each run would
otherwise parse every policy file's YAML again and read the 1.2 MB en_GB dictionary again.
Entries are plain data (dicts, lists, strings, numbers) keyed by the source file's path,
size and modification time, so an edited file is always read afresh. The cache lives in
the user's cache folder; a missing, unreadable, damaged or unwritable cache is simply
rebuilt or skipped (a cache never changes a result and never stops the app).
"""

from __future__ import annotations

import marshal
import os
import stat
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 2  # bump when what is cached changes shape
_CHECK = 4  # bytes of CRC-32 over the payload: a damaged file is never unmarshalled


def cache_folder() -> Path:
    from desktop_app.storage.paths import cache_dir

    return cache_dir()


def _key(path: Path) -> tuple[str, int, int] | None:
    """(path, size, modification time) of a regular file; None for anything else, which is
    then always read afresh (and reported by the reader)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return str(Path(path).absolute()), info.st_size, info.st_mtime_ns


class FileCache:
    """One cache file of {source path: ((size, mtime), value)}, read once, written once if
    anything new was added (call save())."""

    def __init__(self, name: str):
        self.path = cache_folder() / f"{name}-{FORMAT}-{marshal.version}.cache"
        self._entries: dict[str, tuple[tuple[int, int], Any]] = self._read()
        self._dirty = False
        self._lock = threading.Lock()

    def _read(self) -> dict:
        try:
            blob = self.path.read_bytes()
            payload = blob[_CHECK:]
            if zlib.crc32(payload).to_bytes(_CHECK, "big") != blob[:_CHECK]:
                return {}
            entries = marshal.loads(payload)
            return entries if isinstance(entries, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            return {}

    def get(self, source: Path, build: Callable[[], Any], valid: Callable[[Any], bool] | None = None) -> Any:
        """build() for `source`, or what it returned last time for the same unchanged file
        (if `valid` accepts it: a cache written by another version is rebuilt, not trusted).
        Exceptions from build() pass through and nothing is cached for them."""
        key = _key(source)
        if key is None:
            return build()
        name, *stamp = key
        with self._lock:
            found = self._entries.get(name)
        if found is not None and list(found[0]) == stamp and (valid is None or valid(found[1])):
            return found[1]
        value = build()
        try:
            marshal.dumps(value)
        except ValueError:
            return value  # not plain data: not cached
        with self._lock:
            self._entries[name] = (tuple(stamp), value)
            self._dirty = True
        return value

    def save(self) -> None:
        with self._lock:
            if not self._dirty:
                return
            entries = {k: v for k, v in self._entries.items() if os.path.exists(k)}
            self._dirty = False
        payload = marshal.dumps(entries)
        try:
            from desktop_app.storage.atomic import write_bytes_atomic

            write_bytes_atomic(self.path, zlib.crc32(payload).to_bytes(_CHECK, "big") + payload)
        except OSError:
            pass  # a read-only or full disk: the next run rebuilds, nothing else changes


class BlobCache:
    """Blobs by key, one file each in a folder of the cache (what is built from a rule's
    definition, keyed by its hash: a changed rule gets a new key). Each file carries a CRC of
    its contents; past `cap` files the oldest are removed, so keys of rules long gone do not
    pile up. The folder is looked up at each use (tests point XDG_CACHE_HOME elsewhere)."""

    def __init__(self, name: str, cap: int = 200):
        self.name = f"{name}-{FORMAT}-{marshal.version}"
        self.cap = cap

    def _folder(self) -> Path:
        return cache_folder() / self.name

    def get(self, key: str) -> bytes | None:
        try:
            blob = (self._folder() / f"{key}.bin").read_bytes()
        except OSError:
            return None
        payload = blob[_CHECK:]
        return payload if zlib.crc32(payload).to_bytes(_CHECK, "big") == blob[:_CHECK] else None

    def put(self, key: str, data: bytes) -> None:
        folder = self._folder()
        try:
            from desktop_app.storage.atomic import write_bytes_atomic

            folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(folder / f"{key}.bin", zlib.crc32(data).to_bytes(_CHECK, "big") + data)
            kept = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in kept[self.cap :]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full disk: the next run builds again, nothing else changes


class TextSetCache:
    """A set of strings kept between runs (the RE2 patterns known to compile), capped in size:
    past the cap it starts afresh, so patterns of rules long gone do not pile up."""

    CAP = 20_000

    def __init__(self, name: str):
        self.path = cache_folder() / f"{name}-{FORMAT}-{marshal.version}.cache"
        self.items: set[str] = self._read()
        self._read_count = len(self.items)

    def _read(self) -> set[str]:
        try:
            blob = self.path.read_bytes()
            payload = blob[_CHECK:]
            if zlib.crc32(payload).to_bytes(_CHECK, "big") != blob[:_CHECK]:
                return set()
            items = marshal.loads(payload)
            return {i for i in items if isinstance(i, str)} if isinstance(items, list) else set()
        except (OSError, ValueError, EOFError, TypeError):
            return set()

    def save(self, items: set[str]) -> None:
        if len(items) == self._read_count and items <= self.items:
            return
        if len(items) > self.CAP:
            items = set()
        payload = marshal.dumps(sorted(items))
        try:
            from desktop_app.storage.atomic import write_bytes_atomic

            write_bytes_atomic(self.path, zlib.crc32(payload).to_bytes(_CHECK, "big") + payload)
        except OSError:
            pass
