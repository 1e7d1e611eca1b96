"""Images that go with a post, and what their descriptions (alt text) still need.

    Image(name, description="")
    image_notes(images, platforms) -> [ImageNote]   # in image order
    missing_descriptions(images) -> [int]            # blocks "Mark as approved"

Each image needs a description before the post is approved: a reader who cannot see the
image hears or reads only that. A description is also checked against each chosen
network's limit (platforms.yml `alt_text_limit`, counted in user-perceived characters)
and for an opening such as "Image of": a screen reader already says it is an image.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from desktop_app.core.platforms import Platform

__all__ = ["Image", "ImageNote", "image_notes", "missing_descriptions"]

MISSING, TOO_LONG, OPENING = "missing", "too-long", "opening"
# Openings a screen reader makes redundant ("Image. Image of a crowd...").
_REDUNDANT_OPENING = regex.compile(r"^\W*(?:an?\s+)?(image|picture)\s+of\b", regex.IGNORECASE)
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class Image:
    name: str  # the file as the writer attached it (a path, or just its name)
    description: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "description": self.description}

    @classmethod
    def from_dict(cls, data: Any) -> Image:
        """Raises ValueError if `data` is not an image."""
        if not isinstance(data, Mapping) or not isinstance(data.get("name"), str):
            raise ValueError("an image must be an object with a name")
        description = data.get("description") or ""
        if not isinstance(description, str):
            raise ValueError("an image description must be a string")
        return cls(data["name"], description)


@dataclass(frozen=True, slots=True)
class ImageNote:
    image: int  # index in the images
    kind: str  # MISSING | TOO_LONG | OPENING
    message: str
    network: str | None = None  # for TOO_LONG

    @property
    def blocks_approval(self) -> bool:
        return self.kind == MISSING


def missing_descriptions(images: Sequence[Image]) -> list[int]:
    return [i for i, image in enumerate(images) if not image.description.strip()]


def image_notes(images: Sequence[Image], platforms: Iterable[Platform]) -> list[ImageNote]:
    platforms = list(platforms)
    notes: list[ImageNote] = []
    for i, image in enumerate(images):
        description = image.description.strip()
        label = f"Image {i + 1}"
        if not description:
            notes.append(ImageNote(i, MISSING, f"{label} has no description: add one before it is approved."))
            continue
        opening = _REDUNDANT_OPENING.match(description)
        if opening:
            said = opening.group(0).strip()
            notes.append(
                ImageNote(
                    i,
                    OPENING,
                    f"{label}'s description opens with “{said}”: a screen reader already says it is an "
                    "image, so start with what it shows.",
                )
            )
        length = len(_GRAPHEME.findall(description))
        for platform in platforms:
            limit = platform.alt_text_limit
            if limit is not None and length > limit:
                notes.append(
                    ImageNote(
                        i,
                        TOO_LONG,
                        f"{label}'s description is {length - limit:,} characters too long for "
                        f"{platform.name} (at most {limit:,}).",
                        platform.name,
                    )
                )
    return notes
