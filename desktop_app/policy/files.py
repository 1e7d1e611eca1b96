"""The policy folders, the one overlay rule, and reading a policy file safely.

Folders are read in order: the shipped pack, the organisation's overlay (`policy/` in the
user's settings folder), then each `--policy DIR`. Every file is known by its name, its path
inside its folder: `rules/Jargon.yml`, `vocab/insults.yml`, `principles.yml`, `platforms.yml`,
`grammar.yml`, `words.txt`, `do-not-amplify.txt`.

The overlay rule (policy/README.md): for each name, the latest folder whose file can be used
wins. A file replaces the file of the same name in an earlier folder; a new name adds to the
pack. A file that cannot be used (unreadable, not a regular file, too large, not valid, an
unknown key, a bad pattern, ...) is reported and replaces nothing: the earlier folder's file
stays in force, so a broken file can never switch a shipped rule off.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.policy.problems import FileProblem, FileProblems, PolicyProblem

SHIPPED_PREFIX = "Drafting"
MAX_FILE_BYTES = 16 * 1024 * 1024  # a policy file; a 100,000-word list is about 1.5 MB

T = TypeVar("T")


@dataclass(frozen=True)
class PolicyFolder:
    path: Path
    prefix: str  # the first part of its rules' ids: "Drafting" for the shipped pack, else the folder's name
    shipped: bool = False
    pack: Any = field(default=None, compare=False, hash=False)  # packs.PackInfo (pack.yml), or None
    vale: Any = field(default=None, compare=False, hash=False)  # vale_config.ValeSource, or None

    def display(self, name: str) -> str:
        """How a problem names one of its files: "rules/Foo.yml" (shipped), "org/rules/Foo.yml"."""
        return name if self.shipped else f"{self.path.name}/{name}"


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.1f} kB"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, or FileProblem. Never blocks: a FIFO is opened non-blocking
    and refused, as are devices and folders; a file over `limit` is refused unread."""
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileProblem("", f"a link to {os.readlink(path)!s}, which does not exist") from None
        raise FileProblem("", "no such file") from None
    except OSError as exc:
        raise FileProblem("", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("", f"{_file_kind(info.st_mode)}, not a file: skipped")
        if info.st_size > limit:
            raise FileProblem(
                "", f"too large ({_size(info.st_size)}; a policy file may be at most {_size(limit)})"
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while we read it
            raise FileProblem("", f"too large (a policy file may be at most {_size(limit)})")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem("", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int | None = None) -> str:
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            "", f"not UTF-8 text (byte {exc.start}): is it a word-processor or binary file?"
        ) from None


def safe_name(name: str) -> bool:
    """A name inside a policy folder: relative, no '..' (a rule cannot read files elsewhere)."""
    rel = Path(name)
    return bool(name) and not rel.is_absolute() and not rel.drive and ".." not in rel.parts


class PolicyFiles:
    """The folders in force and what went wrong with their files (one PolicyProblem each)."""

    def __init__(self, folders: list[PolicyFolder], cache=None):
        self.folders = folders
        self.problems: list[PolicyProblem] = []
        self.cache = cache  # cache.FileCache of parsed YAML, or None

    def read_yaml(self, path: Path):
        """(data, Lines) of a YAML policy file; FileProblem when it cannot be used."""
        from desktop_app.policy.yaml_data import read_yaml

        return read_yaml(path, self.cache)

    @property
    def shipped(self) -> PolicyFolder | None:
        return next((f for f in self.folders if f.shipped), None)

    def report(self, where: str, problem: FileProblem | FileProblems) -> None:
        for p in problem.problems if isinstance(problem, FileProblems) else [problem]:
            self.problems.append(PolicyProblem(where, p.line, p.key, p.message))

    def versions(
        self, name: str, suffixes: tuple[str, ...] = ("",)
    ) -> Iterator[tuple[PolicyFolder, Path, str]]:
        """(folder, path, display name) of every file called `name` (+ a suffix), latest folder
        first: the order in which the overlay rule tries them. A broken link counts (it is a
        file someone meant to be read, and is reported)."""
        for folder in reversed(self.folders):
            for suffix in suffixes:
                path = folder.path / f"{name}{suffix}"
                if os.path.lexists(path):
                    yield folder, path, folder.display(f"{name}{suffix}")

    def names(self, subfolder: str, suffixes: tuple[str, ...]) -> list[str]:
        """'rules/Jargon', ... : every name (without suffix) any folder has under `subfolder`."""
        found = set()
        for folder in self.folders:
            path = folder.path / subfolder
            if not os.path.lexists(path):
                continue  # no such sub-folder in this pack
            try:
                entries = list(os.scandir(path))
            except OSError as exc:  # a broken link, a file where a folder belongs, no permission
                problem = FileProblem("", f"not a readable folder: {exc.strerror}")
                self.report(folder.display(subfolder), problem)
                continue
            for entry in entries:
                stem, dot, suffix = entry.name.rpartition(".")
                if dot and f".{suffix}" in suffixes and stem:
                    found.add(f"{subfolder}/{stem}")
        return sorted(found)

    def load(
        self, name: str, parse: Callable[[PolicyFolder, Path, str], T], suffixes: tuple[str, ...] = ("",)
    ) -> tuple[T, PolicyFolder] | None:
        """The overlay rule: `parse` each version of `name`, latest first; the first that
        parses wins. Each one that raises FileProblem(s) is reported and the next is tried.
        None when no folder has a usable file of that name."""
        for folder, path, where in self.versions(name, suffixes):
            try:
                return parse(folder, path, where), folder
            except (FileProblem, FileProblems) as exc:
                self.report(where, exc)
        return None
