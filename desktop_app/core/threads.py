"""Split a long post into a numbered thread ("... 1/3") for any network with a limit.

    split_thread(text, platform) -> Thread     # the whole draft, split afresh
    reflow(parts, platform) -> Thread          # edited parts: each part starts a post, a part
                                               # that no longer fits flows into more posts
    find_platform(platforms, name) -> Platform # case-insensitive, ValueError naming the known ones
    Thread.texts() / .to_dict() / .to_text()   # what to copy, the JSON, the plain text

How it splits:
- Posts break only where the draft has whitespace (not a no-break space), so a word, a
  link, a @handle or a #hashtag is never cut; only a single word longer than a whole post
  is cut, between characters, as a last resort.
- Each post, numbering included, fits the network's limit as the network counts it
  (core/platforms.py: X's weights and 23-character links, Bluesky's graphemes and byte cap,
  Threads' emoji bytes...). Every post has room kept for the longest numbering the thread
  needs, so adding the numbers never pushes a post over.
- A post ends at the last paragraph end that fits if that fills at least half a post;
  else at the last sentence end that fits if that fills half a post or the next sentence
  then fits whole in the following post; else at the last comma, semicolon, colon or dash
  that fills half a post; else after the last word that fits.
- Numbering is " n/N" after each post. A draft that fits in one post stays one post,
  without numbering.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from desktop_app.core.platforms import Platform, measure
from desktop_app.core.text import sentences

__all__ = ["Thread", "ThreadPost", "find_platform", "reflow", "room_for_body", "split_thread"]

NUMBERING = " {n}/{total}"

# Whitespace a post may break at: any but the no-break spaces, which writers put exactly
# where a line must not break ("£5 million", "10 pm").
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_CLAUSE_END = ",;:–—"
_DASHES = "-–—"
_GRAPHEME = regex.compile(r"\X")

# Break ranks: where a post would best end.
_WORD, _CLAUSE, _SENTENCE, _PARAGRAPH = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class ThreadPost:
    text: str  # as it will be posted: the body and its numbering (just the body in a one-post thread)
    body: str  # the draft's words this post carries
    start: int  # body == source[start:end]; source is the text split (or, after reflow, parts[part])
    end: int
    part: int  # the part it came from (always 0 for split_thread)
    length: int  # `text` as the network counts it
    limit: int | None


@dataclass(frozen=True, slots=True)
class Thread:
    platform: str
    posts: tuple[ThreadPost, ...]

    def texts(self) -> list[str]:
        return [post.text for post in self.posts]

    def to_dict(self) -> dict:
        """The command line's JSON: {"platform": "X", "posts": ["... 1/3", ...]}."""
        return {"platform": self.platform, "posts": self.texts()}

    def to_text(self) -> str:
        """The posts one after another, a blank line between them."""
        return "\n\n".join(self.texts())


def find_platform(platforms: Iterable[Platform], name: str) -> Platform:
    """The platform called `name` (any case); ValueError naming the known ones."""
    known = list(platforms)
    for platform in known:
        if platform.name.lower() == name.strip().lower():
            return platform
    names = ", ".join(p.name for p in known) or "none"
    raise ValueError(f"unknown platform {name!r} (known: {names})")


def split_thread(text: str, platform: Platform) -> Thread:
    """The draft as a thread of posts that each fit `platform`."""
    return reflow([text], platform)


def reflow(parts: Sequence[str], platform: Platform) -> Thread:
    """A thread from edited parts (post bodies without their numbering): each part starts
    a new post, a part too long for one post flows into as many as it needs, blank parts
    are dropped, and the numbering is done again."""
    pieces = [
        (i, start, end) for i, part in enumerate(parts) for start, end in [_stripped(part)] if start < end
    ]
    if not pieces:
        return Thread(platform.name, ())
    unlimited = platform.limit is None and platform.max_bytes is None
    if unlimited or (len(pieces) == 1 and not measure(_slice(parts, pieces[0]), platform).over):
        return Thread(platform.name, tuple(_post(parts, piece, "", platform) for piece in pieces))
    # Room is kept for the widest numbering (" 99/99" once there are ten posts or more).
    # The last check cannot fail while counts add up across a space; if one ever did,
    # keeping more room is always safe.
    for digits in range(1, 8):
        widest = NUMBERING.format(n="9" * digits, total="9" * digits)
        room = room_for_body(platform, widest)
        spans = []
        for i, start, end in pieces:
            spans.extend((i, a, b) for a, b in _Splitter(parts[i], room).split(start, end))
        if len(spans) >= 10**digits:
            continue
        total = len(spans)
        posts = [
            _post(parts, span, NUMBERING.format(n=n, total=total), platform)
            for n, span in enumerate(spans, 1)
        ]
        if not any(measure(post.text, platform).over for post in posts):
            return Thread(platform.name, tuple(posts))
    raise ValueError(f"cannot split this text into posts that fit {platform.name}")


def _stripped(text: str) -> tuple[int, int]:
    end = len(text.rstrip())
    return (len(text) - len(text.lstrip()) if end else 0), end


def _slice(parts: Sequence[str], piece: tuple[int, int, int]) -> str:
    i, start, end = piece
    return parts[i][start:end]


def _post(
    parts: Sequence[str], piece: tuple[int, int, int], numbering: str, platform: Platform
) -> ThreadPost:
    i, start, end = piece
    body = parts[i][start:end]
    text = body + numbering
    fit = measure(text, platform)
    return ThreadPost(text, body, start, end, i, fit.length, platform.limit)


def room_for_body(platform: Platform, numbering: str) -> Platform:
    """The platform with its limits less the room the numbering takes."""
    unlimited = dataclasses.replace(platform, limit=None, max_bytes=None)
    limit = None if platform.limit is None else platform.limit - measure(numbering, unlimited).length
    max_bytes = None if platform.max_bytes is None else platform.max_bytes - len(numbering.encode("utf-8"))
    if (limit is not None and limit < 1) or (max_bytes is not None and max_bytes < 1):
        raise ValueError(f"{platform.name}'s limit of {platform.limit} leaves no room for numbered posts")
    return dataclasses.replace(platform, limit=limit, max_bytes=max_bytes)


class _Splitter:
    """Greedy splitting of one text into bodies that fit `room` (a platform whose limits
    already leave space for the numbering)."""

    def __init__(self, text: str, room: Platform):
        self.text = text
        self.room = room
        self.breaks = self._find_breaks(text)  # (body end, next body start, rank), in order
        self.break_ends = [b[0] for b in self.breaks]

    @staticmethod
    def _find_breaks(text: str) -> list[tuple[int, int, int]]:
        sentence_ends = {s.end for s in sentences(text)}
        found = []
        for m in _BREAKABLE_SPACE.finditer(text):
            start, end = m.span()
            if start == 0 or end == len(text):
                continue
            if len(_LINE_BREAK.findall(m.group())) >= 2:
                rank = _PARAGRAPH
            elif start in sentence_ends:
                rank = _SENTENCE
            elif text[start - 1] in _CLAUSE_END or (
                text[end] in _DASHES and text[end + 1 : end + 2].isspace()
            ):
                rank = _CLAUSE
            else:
                rank = _WORD
            found.append((start, end, rank))
        return found

    def fill(self, start: int, end: int) -> int:
        return measure(self.text[start:end], self.room).length

    def fits(self, start: int, end: int) -> bool:
        return not measure(self.text[start:end], self.room).over

    def split(self, start: int, end: int) -> list[tuple[int, int]]:
        bodies = []
        while start < end:
            over_at = self._overflow(start, end)
            if over_at is None:
                bodies.append((start, end))
                break
            chosen = self._best_break(start, over_at, end)
            if chosen is None:  # one word longer than a whole post: cut it where it passes
                cut = self._cut(start, over_at)
                bodies.append((start, cut))
                start = cut
                while start < end and self.text[start].isspace():
                    start += 1
                continue
            body_end, next_start = chosen
            bodies.append((start, body_end))
            start = next_start
        return bodies

    def _overflow(self, start: int, end: int) -> int | None:
        """Where text[start:end] first passes the room, or None if it all fits. Measured
        over growing windows that end at whitespace, so a link is never cut in two."""
        window = 4 * (self.room.limit or 0) + 64
        while True:
            at = bisect_left(self.break_ends, start + window)
            stop = self.break_ends[at] if at < len(self.break_ends) and self.break_ends[at] < end else end
            fit = measure(self.text[start:stop], self.room)
            if fit.over:
                return start + fit.overflow_start
            if stop >= end:
                return None
            window *= 2

    def _best_break(self, start: int, over_at: int, end: int) -> tuple[int, int] | None:
        lo = bisect_right(self.break_ends, start)
        hi = bisect_right(self.break_ends, over_at)
        candidates = self.breaks[lo:hi]
        if not candidates:
            return None
        half = (self.room.limit or 0) / 2
        paragraph = next((b for b in reversed(candidates) if b[2] == _PARAGRAPH), None)
        if paragraph is not None and self.fill(start, paragraph[0]) >= half:
            return paragraph[0], paragraph[1]
        sentence = next((b for b in reversed(candidates) if b[2] >= _SENTENCE), None)
        if sentence is not None and (
            self.fill(start, sentence[0]) >= half or self._next_sentence_fits(sentence, end)
        ):
            return sentence[0], sentence[1]
        clause = next((b for b in reversed(candidates) if b[2] >= _CLAUSE), None)
        if clause is not None and self.fill(start, clause[0]) >= half:
            return clause[0], clause[1]
        # The last word that fits; checked, in case a count ever failed to add up.
        for body_end, next_start, _rank in reversed(candidates):
            if self.fits(start, body_end):
                return body_end, next_start
        return None

    def _next_sentence_fits(self, sentence: tuple[int, int, int], end: int) -> bool:
        """Whether the sentence after this break fits whole in a post of its own."""
        at = bisect_right(self.break_ends, sentence[0])
        following = next((b for b in self.breaks[at:] if b[2] >= _SENTENCE and b[0] < end), None)
        return self.fits(sentence[1], following[0] if following else end)

    def _cut(self, start: int, over_at: int) -> int:
        """A cut inside an over-long word: at the overflow, or grapheme by grapheme when
        even the first piece (a link counted whole) does not fit."""
        if over_at > start:
            return over_at
        cut = start
        for m in _GRAPHEME.finditer(self.text, start):
            if not self.fits(start, m.end()):
                break
            cut = m.end()
        if cut == start:
            raise ValueError(
                f"{self.text[start]!r} alone is longer than {self.room.name}'s limit, so it cannot be posted"
            )
        return cut
