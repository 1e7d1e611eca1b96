"""Approval and the history of what was approved or exported.

    content = Content(text, networks, versions, images)   # what would be published
    content.fingerprint()                                  # changes with any word of it
    Approval(by, when, pack, fingerprint)                  # who approved what, against which pack
    approval.covers(content)                               # False once anything was edited
    HistoryEntry(kind, when, by, pack, content, detail)    # one approved or exported version
    add_entry(history, entry) -> bool                      # keeps every version once
    sections(content) -> [(label, text)]                   # for showing and comparing
    word_diff(old, new) -> [(op, words)]                   # op: "same" | "removed" | "added"

An approval names the content it approved by a fingerprint, so it can never be shown for
words that changed after it: the window clears it (and says so) on the first edit, and a
file changed elsewhere opens as not approved.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.images import Image
from desktop_app.core.versions import Version, version_text

__all__ = [
    "APPROVED",
    "EXPORTED",
    "Approval",
    "Content",
    "HistoryEntry",
    "add_entry",
    "sections",
    "word_diff",
]

APPROVED, EXPORTED = "approved", "exported"


def _time(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("a time must be an ISO 8601 string")
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Content:
    """What the draft would publish: the main text, the networks it is for, each network's
    own version (only those that differ from the main text matter) and the images."""

    text: str
    networks: tuple[str, ...] = ()
    versions: Mapping[str, Version] = field(default_factory=dict)
    images: tuple[Image, ...] = ()

    def version(self, network: str) -> Version | None:
        return self.versions.get(network)

    def text_for(self, network: str) -> str:
        return version_text(self.text, self.versions.get(network))

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "networks": list(self.networks),
            "versions": {name: v.to_dict() for name, v in self.versions.items()},
            "images": [image.to_dict() for image in self.images],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Content:
        if not isinstance(data, Mapping) or not isinstance(data.get("text"), str):
            raise ValueError("content must be an object with a text")
        versions = data.get("versions") or {}
        if not isinstance(versions, Mapping):
            raise ValueError("versions must be an object")
        return cls(
            data["text"],
            tuple(str(n) for n in data.get("networks") or ()),
            {str(name): Version.from_dict(v) for name, v in versions.items()},
            tuple(Image.from_dict(i) for i in data.get("images") or ()),
        )

    def fingerprint(self) -> str:
        """Changes when any published word, network, thread or image description changes.
        A version of a network not chosen is not published, so it does not count."""
        published = {
            "text": self.text,
            "networks": list(self.networks),
            "versions": {n: self.versions[n].to_dict() for n in self.networks if n in self.versions},
            "images": [image.to_dict() for image in self.images],
        }
        raw = json.dumps(published, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
        return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Approval:
    by: str
    when: datetime
    pack: str  # the policy pack and version it was checked against
    fingerprint: str  # of the Content approved

    def covers(self, content: Content) -> bool:
        return self.fingerprint == content.fingerprint()

    def to_dict(self) -> dict:
        return {
            "by": self.by,
            "when": self.when.isoformat(),
            "pack": self.pack,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Approval:
        if not isinstance(data, Mapping) or not isinstance(data.get("by"), str):
            raise ValueError("an approval must be an object with who approved it")
        return cls(
            data["by"], _time(data.get("when")), str(data.get("pack") or ""), str(data.get("fingerprint"))
        )


@dataclass(frozen=True)
class HistoryEntry:
    kind: str  # APPROVED | EXPORTED
    when: datetime
    by: str  # who approved it, or who exported it
    pack: str
    content: Content
    detail: str = ""  # e.g. the file a review was exported to

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "when": self.when.isoformat(),
            "by": self.by,
            "pack": self.pack,
            "content": self.content.to_dict(),
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, data: Any) -> HistoryEntry:
        if not isinstance(data, Mapping):
            raise ValueError("a history entry must be an object")
        kind = data.get("kind")
        if kind not in (APPROVED, EXPORTED):
            raise ValueError(f"unknown history entry kind {kind!r}")
        return cls(
            kind,
            _time(data.get("when")),
            str(data.get("by") or ""),
            str(data.get("pack") or ""),
            Content.from_dict(data.get("content")),
            str(data.get("detail") or ""),
        )


def add_entry(history: list[HistoryEntry], entry: HistoryEntry) -> bool:
    """Append `entry` unless the last entry of its kind kept exactly this content (the same
    review exported twice is one version). True if it was added."""
    fingerprint = entry.content.fingerprint()
    for earlier in reversed(history):
        if earlier.kind == entry.kind:
            if earlier.content.fingerprint() == fingerprint:
                return False
            break
    history.append(entry)
    return True


def sections(content: Content) -> list[tuple[str, str]]:
    """(label, text) for each part a reader compares: the main text, the words each chosen
    network gets (its own, or the main text's), the images and the networks."""
    out = [("Main text", content.text)]
    for network in content.networks:
        out.append((network, content.text_for(network)))
    if content.images:
        lines = [f"{image.name}: {image.description or '(no description)'}" for image in content.images]
        out.append(("Images", "\n".join(lines)))
    out.append(("Networks", ", ".join(content.networks) or "(none chosen)"))
    return out


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The difference between two texts word by word: runs of ("same" | "removed" |
    "added", text) that put together `old` (same + removed) and `new` (same + added)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[tuple[str, str]] = []

    def add(op: str, words: Sequence[str]) -> None:
        if not words:
            return
        text = "".join(words)
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("same", a[i1:i2])
        else:
            add("removed", a[i1:i2])
            add("added", b[j1:j2])
    return out
