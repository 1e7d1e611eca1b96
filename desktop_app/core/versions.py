"""One message, a version per network: the words each network gets, one post or a numbered
thread, and where its feed folds them behind "See more".

    Version(text=None, thread=False)       # text None: follows the draft's main text
    version_text(main, version) -> str     # the words this network gets
    thread_parts(text) / join_parts(parts) # a thread is written as parts with a line of
                                           # THREAD_BREAK between them (thread_spans: where)
    posts_for(text, platform, thread)      # the posts as they go out, numbered, each measured
    thread_fit(text, platform)             # the longest post, and each post too long
    fold_at(text, platform) -> int | None  # where "See more" hides the rest (None: all shown)

A version starts as the main text and follows it until it is edited on its own: then it
keeps its own words (`text`). A thread is edited as one text with a line holding only
THREAD_BREAK between posts, so every post is checked, underlined and fixed like any text,
and "Re-flow" (core/threads.reflow) can split a post that grew too long.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from desktop_app.core.findings import PlatformFit
from desktop_app.core.platforms import Platform, measure
from desktop_app.core.threads import NUMBERING, room_for_body

__all__ = [
    "THREAD_BREAK",
    "Post",
    "PostOverflow",
    "Version",
    "fold_at",
    "join_parts",
    "posts_for",
    "thread_fit",
    "thread_parts",
    "thread_spans",
    "version_text",
]

THREAD_BREAK = "---"
_BREAK_LINE = re.compile(r"^[ \t]*-{3}[ \t]*$", re.MULTILINE)
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True, slots=True)
class Version:
    text: str | None = None  # None: the main text, whatever it says now
    thread: bool = False  # posted as a numbered thread (parts between THREAD_BREAK lines)

    @property
    def own(self) -> bool:
        """Edited on its own (no longer follows the main text)."""
        return self.text is not None

    def to_dict(self) -> dict:
        return {"text": self.text, "thread": self.thread}

    @classmethod
    def from_dict(cls, data: Any) -> Version:
        """Raises ValueError if `data` is not a version."""
        if not isinstance(data, Mapping):
            raise ValueError("a version must be an object")
        text = data.get("text")
        if text is not None and not isinstance(text, str):
            raise ValueError("a version's text must be a string or null")
        return cls(text, bool(data.get("thread", False)))


def version_text(main: str, version: Version | None) -> str:
    return main if version is None or version.text is None else version.text


def thread_spans(text: str) -> list[tuple[int, int]]:
    """Where each part of a thread lies in `text` (start, end), without the line breaks
    around it; empty parts included."""
    spans, start = [], 0
    for m in [*_BREAK_LINE.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        a, b = start, end
        while a < b and text[a] == "\n":
            a += 1
        while b > a and text[b - 1] == "\n":
            b -= 1
        spans.append((a, b))
        if m is not None:
            start = m.end()
    return spans


def thread_parts(text: str) -> list[str]:
    """The posts of a thread as written (a line holding only THREAD_BREAK between them),
    each without the blank lines around it; empty parts are kept (the writer may be
    typing one)."""
    return [text[a:b] for a, b in thread_spans(text)]


def join_parts(parts: Sequence[str]) -> str:
    """The text of a thread from its parts (the inverse of thread_parts). A blank line each
    side of the break makes each post a paragraph of its own: easier to read, and an edit
    re-checks only that post (the engine caches its checks per paragraph)."""
    return f"\n\n{THREAD_BREAK}\n\n".join(part.strip("\n") for part in parts)


@dataclass(frozen=True, slots=True)
class Post:
    text: str  # as posted: the words and, in a thread, the numbering (" 2/3")
    fit: PlatformFit  # `text` as the network counts it

    @property
    def over(self) -> bool:
        return self.fit.over


def posts_for(text: str, platform: Platform, thread: bool = False) -> list[Post]:
    """What `platform` gets: one post (the text without the spaces at its ends), or for a
    thread each non-blank part numbered " n/N" (a one-part thread is one post, unnumbered).
    Each is measured; a part that is too long stays too long here (the writer re-flows)."""
    if thread:
        bodies = [part.strip() for part in thread_parts(text) if part.strip()]
    else:
        bodies = [text.strip()] if text.strip() else []
    if len(bodies) > 1:
        total = len(bodies)
        texts = [body + NUMBERING.format(n=n, total=total) for n, body in enumerate(bodies, 1)]
    else:
        texts = bodies
    return [Post(t, measure(t, platform)) for t in texts]


@dataclass(frozen=True, slots=True)
class PostOverflow:
    number: int  # 1-based, as numbered
    start: int  # in the thread's text: where the post passes the limit
    end: int  # the end of that post's words
    fit: PlatformFit


def thread_fit(text: str, platform: Platform) -> tuple[PlatformFit, list[PostOverflow]]:
    """A thread measured post by post (numbering included): one fit for the network bar
    (the longest post's length; `overflow_start` where the first too-long post passes the
    limit, in `text`), and each too-long post."""
    spans = [(a, b) for a, b in thread_spans(text) if text[a:b].strip()]
    total = len(spans)
    overflows: list[PostOverflow] = []
    longest: PlatformFit | None = None
    most_links: PlatformFit | None = None
    for n, (a, b) in enumerate(spans, 1):
        # the post's words as posts_for() sends them, and where they sit in `text`
        lead = len(text[a:b]) - len(text[a:b].lstrip())
        body = text[a:b].strip()
        numbering = NUMBERING.format(n=n, total=total) if total > 1 else ""
        fit = measure(body + numbering, platform)
        if longest is None or fit.length > longest.length:
            longest = fit
        if most_links is None or (fit.link_count or 0) > (most_links.link_count or 0):
            most_links = fit
        if fit.over:
            # where the words pass the room the numbering leaves them
            within = measure(body, room_for_body(platform, numbering)).overflow_start
            start = a + lead + min(within if within is not None else len(body), max(len(body) - 1, 0))
            overflows.append(PostOverflow(n, start, a + lead + len(body), fit))
    if longest is None:
        return measure("", platform), []
    combined = PlatformFit(
        name=platform.name,
        limit=longest.limit,
        length=longest.length,
        overflow_start=overflows[0].start if overflows else None,
        byte_length=longest.byte_length,
        byte_limit=longest.byte_limit,
        # the post with the most links stands for the thread, as the longest does for length
        link_count=most_links.link_count,
        link_limit=most_links.link_limit,
    )
    return combined, overflows


def fold_at(text: str, platform: Platform) -> int | None:
    """Where a feed cuts `text` with "See more" (a Python index: everything from there is
    hidden until the reader taps), or None when it shows the whole post. The cut is at most
    `fold_characters` user-perceived characters and `fold_lines` lines in, moved back to
    the last space so no word is cut."""
    text = text.rstrip()
    chars, lines = platform.fold_characters, platform.fold_lines
    if chars is None and lines is None:
        return None
    cut = len(text)
    if lines is not None:
        breaks = [m.start() for m in re.finditer("\n", text)]
        if len(breaks) >= lines:
            cut = breaks[lines - 1]
    if chars is not None:
        for count, m in enumerate(_GRAPHEME.finditer(text, 0, cut)):
            if count == chars:
                cut = m.start()
                break
    if cut >= len(text):
        return None
    if not text[cut].isspace():
        space = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut))
        if space > 0:
            cut = space
    return len(text[:cut].rstrip())
