"""Drafts on disk: one JSON file per draft in the user data dir, each written atomically.

Layout under paths.drafts_dir():
    <id>.json          a draft
    bin/<id>.json      a deleted draft, until it is restored or the bin is emptied
    corrupt/           draft files that could not be read, set aside (never deleted)
    state.json         which draft was open last

A damaged file never stops the others from loading: it is moved to corrupt/ and
`problems` says so, for the UI to tell the user. Pure Python: no Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.review import DraftReview

if TYPE_CHECKING:  # imported where used: they pull in regex, which the window need not load to paint
    from desktop_app.core.approval import Approval, Content, HistoryEntry
    from desktop_app.core.images import Image
    from desktop_app.core.versions import Version
from desktop_app.storage import UNTITLED, paths
from desktop_app.storage.atomic import WriteFailed, write_bytes_atomic, write_text_atomic

# 3: a version per network (`versions`), `images` with their descriptions, `approval` and
#    `history` (core/versions.py, core/images.py, core/approval.py); keys this version does
#    not know are kept and written back.
# 2: the writer's decisions about findings are one `review` object (core/review.py).
# 1: they were spread over `ignored` and the window's `annotations`; converted on load.
# Older files open as they are: a draft without versions has every network following its
# main text, no images, no approval and no history.
FORMAT = 3
TITLE_MAX = 80
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STALE_TEMP_SECONDS = 3600


class DraftNotFound(KeyError):
    """No draft (or binned draft) with that id."""

    def __str__(self) -> str:
        return f"No draft with id {self.args[0]!r}."


def title_from_text(text: str) -> str:
    """The first non-empty line, shortened for a list; UNTITLED if there is none."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1].rstrip() + "…"
    return UNTITLED


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Draft:
    id: str
    text: str = ""
    custom_title: str | None = None  # set by Rename; wins over the first line
    networks: list[str] = field(default_factory=list)
    created: datetime = field(default_factory=_now)
    modified: datetime = field(default_factory=_now)
    cursor: int = 0  # Python string index into text
    source_path: str | None = None  # the .txt/.md file it came from or was saved to
    deleted: datetime | None = None  # set while it is in the bin
    review: DraftReview = field(default_factory=DraftReview)  # ignored and fixed findings
    # The words a draft had before it was emptied (select all, delete): an emptied draft
    # goes to the bin with them, like any deleted draft, instead of vanishing.
    emptied_from: str | None = None
    versions: dict[str, Version] = field(default_factory=dict)  # network -> its own version
    images: list[Image] = field(default_factory=list)
    approval: Approval | None = None
    history: list[HistoryEntry] = field(default_factory=list)  # every approved or exported version
    extra: dict = field(default_factory=dict)  # keys from a newer app (or unreadable parts), kept

    def content(self) -> Content:
        """What this draft would publish (for approval and history)."""
        from desktop_app.core.approval import Content

        return Content(self.text, tuple(self.networks), dict(self.versions), tuple(self.images))

    @property
    def approved(self) -> bool:
        """Approved, and nothing published has changed since."""
        return self.approval is not None and self.approval.covers(self.content())

    @property
    def title(self) -> str:
        return self.custom_title or title_from_text(self.text)

    def to_dict(self) -> dict:
        return {
            **self.extra,
            "format": FORMAT,
            "id": self.id,
            "title": self.title,
            "custom_title": self.custom_title,
            "text": self.text,
            "networks": list(self.networks),
            "created": self.created.isoformat(),
            "modified": self.modified.isoformat(),
            "cursor": self.cursor,
            "source_path": self.source_path,
            "deleted": self.deleted.isoformat() if self.deleted else None,
            "review": self.review.to_dict(),
            "emptied_from": self.emptied_from,
            "versions": {name: v.to_dict() for name, v in self.versions.items()},
            "images": [image.to_dict() for image in self.images],
            "approval": self.approval.to_dict() if self.approval else None,
            "history": [entry.to_dict() for entry in self.history],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Draft:
        """Raises ValueError (or KeyError/TypeError) if `data` is not a draft."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        text = data["text"]
        if not isinstance(text, str) or not isinstance(data["id"], str):
            raise ValueError("id and text must be strings")
        custom = data.get("custom_title")
        networks = [str(n) for n in data.get("networks") or []]
        if "review" in data:
            try:
                review = DraftReview.from_dict(data["review"])
            except ValueError:  # keep the text usable; keep the damaged part as it was
                review = DraftReview(extra={"unreadable_review": data["review"]})
        else:
            review, networks = _review_from_format_1(data, networks)
        cursor = data.get("cursor", 0)
        if not isinstance(cursor, int):
            cursor = 0
        from desktop_app.core.approval import Approval, HistoryEntry
        from desktop_app.core.images import Image

        extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
        versions = _part(data, "versions", _versions, {}, extra)
        images = _part(data, "images", lambda v: [Image.from_dict(i) for i in _list(v)], [], extra)
        approval = _part(
            data, "approval", lambda v: None if v is None else Approval.from_dict(v), None, extra
        )
        history = _part(data, "history", lambda v: [HistoryEntry.from_dict(e) for e in _list(v)], [], extra)
        return cls(
            id=data["id"],
            text=text,
            custom_title=str(custom) if custom else None,
            networks=networks,
            created=_parse_time(data.get("created")),
            modified=_parse_time(data.get("modified")),
            cursor=max(0, min(cursor, len(text))),
            source_path=data.get("source_path") or None,
            deleted=_parse_time(data["deleted"]) if data.get("deleted") else None,
            review=review,
            emptied_from=data["emptied_from"] if isinstance(data.get("emptied_from"), str) else None,
            versions=versions,
            images=images,
            approval=approval,
            history=history,
            extra=extra,
        )


_KNOWN_KEYS = {
    "format", "id", "title", "custom_title", "text", "networks", "created", "modified", "cursor",
    "source_path", "deleted", "review", "emptied_from", "versions", "images", "approval", "history",
    "annotations", "ignored",  # format 1, converted into `review`
}  # fmt: skip


def _list(value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _versions(value: Any) -> dict[str, Version]:
    from desktop_app.core.versions import Version

    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("versions must be an object")
    return {str(name): Version.from_dict(v) for name, v in value.items()}


def _part(data: dict, key: str, parse, empty, extra: dict):
    """One optional part of a draft; a damaged one never costs the draft its text: it is
    kept as it was (under `unreadable_<key>`, written back) and the draft opens without it."""
    if key not in data:
        return empty
    try:
        return parse(data[key])
    except (ValueError, KeyError, TypeError, AttributeError):
        extra[f"unreadable_{key}"] = data[key]
        return empty


def _review_from_format_1(data: dict, networks: list[str]) -> tuple[DraftReview, list[str]]:
    """A format-1 draft's `annotations` and `ignored` as a review; nothing in them is lost
    (keys the conversion does not know are kept in the review's `extra`)."""
    annotations = data.get("annotations") or {}
    if not isinstance(annotations, dict):
        raise ValueError("annotations must be an object")
    ignored = data.get("ignored") or []
    if not isinstance(ignored, list) or not all(isinstance(i, dict) and "rule" in i for i in ignored):
        raise ValueError("ignored must be a list of findings")
    review = DraftReview.from_legacy(annotations, ignored)
    known = {"ignored_here", "conduct_reasons", "fixed", "networks"}
    rest = {k: v for k, v in annotations.items() if k not in known}
    if rest:
        review.extra["format_1_annotations"] = rest
    if not networks and isinstance(annotations.get("networks"), list):
        networks = [str(n) for n in annotations["networks"]]
    return review, networks


def _parse_time(value: Any) -> datetime:
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return _now()


class DraftStore:
    """All drafts of this user. Safe to share between the GUI thread and one save thread."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else paths.drafts_dir()
        self.bin_folder = self.folder / "bin"
        self.corrupt_folder = self.folder / "corrupt"
        self.state_file = self.folder / "state.json"
        # Messages about files set aside, for the UI to show once (see take_problems).
        self.problems: list[str] = []
        self._lock = threading.RLock()
        # Drafts as last read for the lists, by file, with the size and time of change they
        # were read at: a list reads again only the files that changed. Reading every draft
        # (with its history) took 0.15 s for 200 drafts, on every search keystroke.
        self._listed: dict[Path, tuple[tuple[int, int, int], Draft]] = {}
        self._remove_stale_temps()

    # ----- reading -----

    def list(self) -> list[Draft]:
        """Every draft, newest change first. Unreadable files are set aside, not raised.
        The drafts of list(), bin() and search() are shared between calls: read them; to
        change one, get() it."""
        return self._load_all(self.folder, key=lambda d: d.modified)

    def bin(self) -> list[Draft]:
        """Deleted drafts, most recently deleted first."""
        return self._load_all(self.bin_folder, key=lambda d: d.deleted or d.modified)

    def get(self, draft_id: str) -> Draft:
        return self._read(self._path(draft_id))

    def exists(self, draft_id: str) -> bool:
        return _ID_RE.match(draft_id or "") is not None and self._path(draft_id).is_file()

    def search(self, query: str) -> list[Draft]:
        """Drafts whose text or title contains `query`, ignoring case; newest first."""
        needle = " ".join(query.split()).casefold()
        if not needle:
            return self.list()
        return [d for d in self.list() if needle in d.text.casefold() or needle in d.title.casefold()]

    def take_problems(self) -> list[str]:
        with self._lock:
            problems, self.problems = self.problems, []
        return problems

    # ----- writing (each raises WriteFailed with a readable message) -----

    def create(
        self, text: str = "", *, networks: Iterable[str] = (), source_path: str | None = None
    ) -> Draft:
        draft = Draft(id=_new_id(), text=text, networks=list(networks), source_path=source_path)
        draft.cursor = len(text)
        self._write(draft)
        return draft

    def save(self, draft: Draft, *, touch: bool = True) -> Draft:
        """Write `draft` as it is (the modified time set to now unless touch=False)."""
        with self._lock:
            if touch:
                draft.modified = _now()
            self._write(draft)
        return draft

    def update(self, draft_id: str, **changes: Any) -> Draft:
        """Change some fields of a stored draft (read, change, write under one lock).

        Fields not named keep what is on disk, so a rename from the drafts list and an
        autosave from the editor never undo each other.
        """
        with self._lock:
            old = self.get(draft_id)
            draft = replace(old, **changes)
            if draft.text.strip():
                draft.emptied_from = None
            elif old.text.strip():
                draft.emptied_from = old.text  # just emptied: keep the words for the bin
            draft.modified = _now()
            draft.cursor = max(0, min(draft.cursor, len(draft.text)))
            self._write(draft)
            return draft

    def duplicate(self, draft_id: str) -> Draft:
        with self._lock:
            original = self.get(draft_id)
            now = _now()
            copy = replace(
                original,
                id=_new_id(),
                custom_title=f"{original.title} (copy)",
                networks=list(original.networks),
                review=original.review.copy(),
                versions=dict(original.versions),
                images=list(original.images),
                approval=None,  # a copy is a new draft: approved afresh, with its own history
                history=[],
                extra=dict(original.extra),
                created=now,
                modified=now,
                source_path=None,
            )
            self._write(copy)
            return copy

    def rename(self, draft_id: str, title: str) -> Draft:
        """An explicit title; an empty one goes back to using the first line."""
        title = " ".join(title.split())
        return self.update(draft_id, custom_title=title or None)

    def delete(self, draft_id: str) -> None:
        """Move a draft to the bin, from where it can be restored."""
        with self._lock:
            draft = self.get(draft_id)
            draft.deleted = _now()
            write_bytes_atomic(self._bin_path(draft_id), _dump(draft))
            self._unlink(self._path(draft_id))
            if self.last_open_id() == draft_id:
                self.set_last_open(None)

    def restore(self, draft_id: str) -> Draft:
        with self._lock:
            draft = self._read(self._bin_path(draft_id))
            draft.deleted = None
            if self._path(draft_id).exists():  # an id clash is unlikely, but never overwrite
                draft.id = _new_id()
            self._write(draft)
            self._unlink(self._bin_path(draft_id))
            return draft

    def purge(self, draft_id: str) -> None:
        """Delete one draft from the bin for good."""
        with self._lock:
            path = self._bin_path(draft_id)
            if not path.exists():
                raise DraftNotFound(draft_id)
            self._unlink(path)

    def discard_if_empty(self, draft_id: str) -> bool:
        """Take an empty, unnamed draft out of the list. One that never had words is deleted
        for good (nothing to lose); one that was emptied goes to the bin with the words it
        had, so it can be restored like any deleted draft."""
        with self._lock:
            try:
                draft = self.get(draft_id)
            except DraftNotFound:
                return False
            if draft.text.strip() or draft.custom_title:
                return False
            if draft.emptied_from:
                draft.text, draft.emptied_from = draft.emptied_from, None
                draft.deleted = _now()
                write_bytes_atomic(self._bin_path(draft_id), _dump(draft))
            self._unlink(self._path(draft_id))
            if self.last_open_id() == draft_id:
                self.set_last_open(None)
            return True

    def empty_bin(self) -> int:
        """Delete every draft in the bin for good; returns how many."""
        count = 0
        with self._lock:
            if not self.bin_folder.is_dir():
                return 0
            for path in self.bin_folder.glob("*.json"):
                self._unlink(path)
                count += 1
        return count

    # ----- which draft was open last -----

    def last_open_id(self) -> str | None:
        try:
            value = json.loads(self.state_file.read_text(encoding="utf-8")).get("last_open")
        except (OSError, ValueError, AttributeError):
            return None
        return value if isinstance(value, str) and self.exists(value) else None

    def id_to_restore(self) -> str | None:
        """The draft open at the last exit, else the newest; None when there is none."""
        draft_id = self.last_open_id()
        if draft_id is None:
            newest = self.list()
            draft_id = newest[0].id if newest else None
        return draft_id

    def set_last_open(self, draft_id: str | None) -> None:
        with self._lock:
            state = json.dumps({"last_open": draft_id})
            try:
                if self.state_file.read_text(encoding="utf-8") == state:
                    return  # the draft restored at start-up: no write (and fsync) on the GUI thread
            except (OSError, ValueError):
                pass
            write_text_atomic(self.state_file, state)

    # ----- internals -----

    def _path(self, draft_id: str) -> Path:
        return self.folder / f"{_checked_id(draft_id)}.json"

    def _bin_path(self, draft_id: str) -> Path:
        return self.bin_folder / f"{_checked_id(draft_id)}.json"

    def _write(self, draft: Draft) -> None:
        write_bytes_atomic(self._path(draft.id), _dump(draft))

    def _read(self, path: Path) -> Draft:
        """One draft; a damaged file is set aside and reported as not found."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DraftNotFound(path.stem) from None
        except OSError as exc:
            raise DraftNotFound(path.stem) from exc
        try:
            draft = Draft.from_dict(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            self._set_aside(path, exc)
            raise DraftNotFound(path.stem) from exc
        draft.id = path.stem  # the file name is the id, whatever the file says
        return draft

    def _load_all(self, folder: Path, key) -> list[Draft]:
        drafts = []
        try:
            files = sorted(folder.glob("*.json"))
        except OSError:
            return []
        seen = set()
        for path in files:
            if path.name.startswith(".") or path == self.state_file or not _ID_RE.match(path.stem):
                continue
            seen.add(path)
            try:
                drafts.append(self._read_for_list(path))
            except DraftNotFound:
                continue  # set aside (and reported) or gone since the glob
        with self._lock:
            for gone in [p for p in self._listed if p.parent == folder and p not in seen]:
                del self._listed[gone]
        drafts.sort(key=key, reverse=True)
        return drafts

    def _read_for_list(self, path: Path) -> Draft:
        """_read(path), or the draft read before if the file has not changed since."""
        try:
            stat = path.stat()
        except OSError as exc:
            raise DraftNotFound(path.stem) from exc
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        with self._lock:
            known = self._listed.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        draft = self._read(path)
        with self._lock:
            self._listed[path] = (stamp, draft)
        return draft

    def _set_aside(self, path: Path, exc: Exception) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.corrupt_folder / f"{path.stem}.{stamp}.json"
        with self._lock:
            try:
                self.corrupt_folder.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                message = (
                    f"A draft file ({path.name}) could not be read and was moved to {target}. "
                    "Your other drafts are safe."
                )
            except OSError:
                message = f"A draft file ({path.name}) could not be read and was skipped."
            self.problems.append(message)

    def _unlink(self, path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise WriteFailed(exc.errno, f"Cannot remove {path.name}: {exc.strerror}.") from exc

    def _remove_stale_temps(self) -> None:
        # Temp files are left only by a crash between write and replace; the draft itself is intact.
        cutoff = time.time() - _STALE_TEMP_SECONDS
        for folder in (self.folder, self.bin_folder):
            with contextlib.suppress(OSError):
                for tmp in folder.glob(".*.tmp"):
                    with contextlib.suppress(OSError):
                        if tmp.stat().st_mtime < cutoff:
                            tmp.unlink()


def _dump(draft: Draft) -> bytes:
    data = draft.to_dict()
    try:
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (possible from a clipboard) cannot be UTF-8: \u-escape it instead.
        return json.dumps(data, ensure_ascii=True, indent=1).encode("ascii")


def _new_id() -> str:
    # Sortable by creation time, unique without coordination.
    return time.strftime("%Y%m%d-%H%M%S-") + os.urandom(4).hex()


def _checked_id(draft_id: str) -> str:
    # Ids become file names: never let one reach outside the folder.
    if not isinstance(draft_id, str) or not _ID_RE.match(draft_id):
        raise DraftNotFound(draft_id)
    return draft_id
