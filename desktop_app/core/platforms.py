"""Post length per social network, counted the way each network counts.

The limits and counting methods are data (policy/platforms.yml). Counting is by
user-perceived character (grapheme cluster, via the `regex` module's \\X), never by
Python code point or UTF-16 unit, except:
- X follows twitter-text v3 (config/v3.json: maxWeightedTweetLength 280, scale 100,
  defaultWeight 200, transformedURLLength 23, emojiParsingEnabled): after NFC each code
  point weighs 1 in the ranges U+0000-10FF, U+2000-200D, U+2010-201F, U+2032-2037 and 2
  elsewhere, each emoji (with its skin tone, flag pair or ZWJ family) weighs 2, and each
  link weighs 23 (links as twitter-text finds them: core/links.py). NFC is applied per
  grapheme where characters join; a lone compatibility singleton such as U+212B is not
  normalised.
- Threads: Meta's Threads API documentation (developers.facebook.com/docs/threads/posts,
  "Limitations") says "Text posts are limited to 500 characters" and "Emojis are counted
  as the number of UTF-8 bytes": so an emoji counts its UTF-8 bytes (a face 4, a red
  heart with its variation selector 6, a flag 8) and everything else one a character.
- Bluesky: the post record allows 300 graphemes and 3,000 UTF-8 bytes (lexicon
  app.bsky.feed.post: text maxGraphemes 300, maxLength 3000), and the app counts and posts
  each http(s) link in its short form (core/links.py).
- Mastodon counts @user@server as @user and only http(s):// links, each as 23.
- A cap on links (`max_links`): Threads refuses a post with more than 5 links (Meta's
  Threads API documentation, "Text Attachments": "Threads posts containing more than 5
  links will fail to post"; "All unique URLs found in the text field are counted as
  links", a bare www.facebook.com included). Links are found as twitter-text finds them
  (bare domains too), and the same link twice counts once.
Whitespace at the end of the text is not part of the post: a text file ends with a line
break, and the networks drop trailing whitespace when posting (the Bluesky app posts
rawText.trimEnd(), src/lib/api/index.ts), so a saved 280-character post counts 280.

Speed: \\X and per-character work run only in small windows around joining characters
(combining marks, ZWJ, skin tones, flag halves, emoji...). Elsewhere a code point is a
grapheme, so a stretch's count is arithmetic plus prefix-summed corrections for the
windows inside it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.findings import PlatformFit
from desktop_app.core.links import bluesky_links, twitter_links

__all__ = ["COUNTING_METHODS", "Platform", "PlatformDataError", "fit_all", "measure", "parse_platforms"]

COUNTING_METHODS = ("graphemes", "twitter", "mastodon", "bluesky", "threads")


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    limit: int | None
    counting: str  # one of COUNTING_METHODS
    url_length: int | None  # every link counts this much; None: links are ordinary text
    max_bytes: int | None = None  # a cap on the post's UTF-8 bytes as well (Bluesky: 3,000)
    # What the writer publishes besides the count (core/versions.py uses them):
    thread: bool = False  # a long post can go out as a numbered thread of replies
    alt_text_limit: int | None = None  # the most an image description may have (graphemes)
    fold_characters: int | None = None  # a feed shows about this much before "See more"
    fold_lines: int | None = None  # ... and at most this many lines
    max_links: int | None = None  # the most different links a post may hold (Threads: 5)


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------

_KEYS = {
    "name",
    "limit",
    "counting",
    "url_length",
    "max_bytes",
    "max_links",
    "thread",
    "alt_text_limit",
    "fold_characters",
    "fold_lines",
}


class PlatformDataError(ValueError):
    """Bad platforms data; `key` is where ("platforms[2].limit"), for the file's line number."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key, self.message = key, message


def parse_platforms(data) -> list[Platform]:
    """Platforms from the plain data of a platforms.yml (the policy pack reads the file)."""
    if not isinstance(data, dict) or not isinstance(data.get("platforms"), list):
        raise PlatformDataError("platforms", "expected a list of platforms under the key 'platforms'")
    platforms: list[Platform] = []
    seen: set[str] = set()
    for i, item in enumerate(data["platforms"]):
        where = f"platforms[{i}]"
        if not isinstance(item, dict):
            raise PlatformDataError(where, f"expected a mapping with keys {', '.join(sorted(_KEYS))}")
        unknown = sorted(str(k) for k in item if k not in _KEYS)
        if unknown:
            raise PlatformDataError(
                f"{where}.{unknown[0]}", f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
            )
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise PlatformDataError(f"{where}.name", f"expected a non-empty name, got {name!r}")
        if name.lower() in seen:
            raise PlatformDataError(f"{where}.name", f"{name!r} appears twice")
        seen.add(name.lower())
        counting = item.get("counting", "graphemes")
        if counting not in COUNTING_METHODS:
            raise PlatformDataError(
                f"{where}.counting", f"expected one of {', '.join(COUNTING_METHODS)}, got {counting!r}"
            )
        url_length = _optional_count(item, "url_length", where)
        if counting == "bluesky" and url_length is not None:
            raise PlatformDataError(
                f"{where}.url_length",
                "bluesky counting counts each link as the Bluesky app shortens it; leave url_length out",
            )
        platforms.append(
            Platform(
                name=name.strip(),
                limit=_optional_count(item, "limit", where),
                counting=counting,
                url_length=url_length,
                max_bytes=_optional_count(item, "max_bytes", where),
                max_links=_optional_count(item, "max_links", where),
                thread=_flag(item, "thread", where),
                alt_text_limit=_optional_count(item, "alt_text_limit", where),
                fold_characters=_optional_count(item, "fold_characters", where),
                fold_lines=_optional_count(item, "fold_lines", where),
            )
        )
    return platforms


def _flag(item: dict, key: str, where: str) -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise PlatformDataError(f"{where}.{key}", f"expected true or false, got {value!r}")
    return value


def _optional_count(item: dict, key: str, where: str) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise PlatformDataError(f"{where}.{key}", f"expected a positive whole number or null, got {value!r}")
    return value


# ---------------------------------------------------------------------------------------
# Counting
# ---------------------------------------------------------------------------------------

# Mastodon's links: only those starting http:// or https:// (Mastodon's own countableText).
_URL_END = r"""[^\s<>"'.,;:!?)\]’”]"""
_SCHEME_URL = re.compile(rf"https?://[^\s<>\"]*{_URL_END}", re.IGNORECASE)
# Mastodon counts @user@server as @user (Mastodon's own countableText).
_REMOTE_MENTION = re.compile(r"(?<![/\w])@(\w+)@[a-z0-9.-]+[a-z0-9]", re.IGNORECASE)

_GRAPHEME = regex.compile(r"\X")
# Characters that can join a neighbour into one grapheme (combining marks, ZWJ, skin
# tones, flag halves, Hangul jamo, CR of CR LF...), and emoji, which Threads weighs by
# their bytes. Text without them has one grapheme per code point, each weighing the same,
# which is what makes counting fast.
_JOINER = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=Regional_Indicator}"
    r"\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}\p{Emoji_Modifier}\p{Extended_Pictographic}"
    r"\p{Emoji_Presentation}\r]"
)
_is_joiner: dict[str, bool] = {}  # per distinct character, learnt once


def _joiner_runs(text: str) -> re.Pattern | None:
    """A pattern for runs of the joining characters this text holds, or None. Checking
    each distinct character once is far cheaper than a Unicode-property scan of the text."""
    found = []
    for ch in set(text):
        if ch > "\x7f" or ch == "\r":
            joins = _is_joiner.get(ch)
            if joins is None:
                joins = _is_joiner[ch] = _JOINER.match(ch) is not None
            if joins:
                found.append(ch)
    if not found:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(found)) + "]+")  # re caches it


_EMOJI = regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u20e3]")
# twitter-text v3: code points in these ranges weigh 1, every other code point 2.
_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_HEAVY = re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _LIGHT_RANGES) + "]")


@lru_cache(maxsize=8192)
def _twitter_cluster_weight(cluster: str) -> int:
    if _EMOJI.search(cluster):
        return 2  # an emoji (with its skin tone, flag pair or ZWJ family) counts 2 whole
    cluster = unicodedata.normalize("NFC", cluster)
    return len(cluster) + len(_HEAVY.findall(cluster))


@lru_cache(maxsize=8192)
def _threads_cluster_weight(cluster: str) -> int:
    return len(cluster.encode("utf-8")) if _EMOJI.search(cluster) else 1


def _grapheme_weight(cluster: str) -> int:
    return 1


# How each counting weighs one grapheme (the counter's own methods: Mastodon and Bluesky
# count graphemes and differ only in their links).
_CLUSTER_WEIGHT = {
    "twitter": _twitter_cluster_weight,
    "threads": _threads_cluster_weight,
    "graphemes": _grapheme_weight,
}


class _Counter:
    """Counts stretches of one text. Graphemes are found with \\X only inside small
    windows around joining characters; elsewhere a code point is a grapheme."""

    def __init__(self, text: str):
        self.text = text
        # A window is a run of joining characters plus one character either side; touching
        # or overlapping windows merge, so every window edge is a grapheme boundary.
        starts: list[int] = []
        ends: list[int] = []
        joiners = None if text.isascii() and "\r" not in text else _joiner_runs(text)
        if joiners is not None:
            spans = [m.span() for m in joiners.finditer(text)]
            last_end = -2  # no window yet
            for run_start, run_end in spans:
                if run_start - 1 <= last_end:
                    last_end = run_end + 1
                    ends[-1] = last_end
                else:
                    starts.append(run_start - 1 if run_start else 0)
                    last_end = run_end + 1
                    ends.append(last_end)
            if ends and ends[-1] > len(text):
                ends[-1] = len(text)
        self.windows = list(zip(starts, ends, strict=True))
        self._window_starts = starts
        self._window_ends = ends
        self._heavy: list[int] | None = None
        self._deltas: dict[str, list[int]] = {}
        self._window_clusters: list[list[str]] | None = None
        self._links: dict[str, list] = {}

    def links(self, kind: str) -> list:
        """The text's links as one network finds them, found once and shared: "twitter"
        (start, end), "mastodon" (start, end), "bluesky" (start, end, short form)."""
        found = self._links.get(kind)
        if found is None:
            text = self.text
            if kind == "twitter":
                found = twitter_links(text)
            elif kind == "bluesky":
                found = bluesky_links(text)
            else:
                found = [m.span() for m in _SCHEME_URL.finditer(text)] if "://" in text else []
            self._links[kind] = found
        return found

    def _pieces(self, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
        """Split [start, end) into (start, end, inside a window) pieces, in order."""
        pos = start
        first = max(bisect_right(self._window_starts, start) - 1, 0)
        for w_start, w_end in self.windows[first:]:
            if w_start >= end:
                break
            if w_end <= pos:
                continue
            if w_start > pos:
                yield pos, w_start, False
            yield max(w_start, pos), min(w_end, end), True
            pos = min(w_end, end)
        if pos < end:
            yield pos, end, False

    def _heavy_count(self, start: int, end: int) -> int:
        """Code points in [start, end) that weigh 2 on X."""
        if self._heavy is None:
            text = self.text
            self._heavy = [] if text.isascii() else [m.start() for m in _HEAVY.finditer(text)]
        return bisect_left(self._heavy, end) - bisect_left(self._heavy, start)

    def _direct(self, start: int, end: int, counting: str) -> int:
        """Count [start, end) cluster by cluster (for windows, which are short)."""
        weight = _CLUSTER_WEIGHT[counting]
        return sum(weight(c) for c in _GRAPHEME.findall(self.text, start, end))

    def _simple(self, start: int, end: int, counting: str) -> int:
        """The count of [start, end) if every code point were its own grapheme (true
        outside windows, where no emoji is either)."""
        if counting == "twitter":
            return end - start + self._heavy_count(start, end)
        return end - start

    def _delta_prefix(self, counting: str) -> list[int]:
        """Running sum over windows of (true count - simple count), built once per method;
        the windows' graphemes are found once and shared by every method."""
        prefix = self._deltas.get(counting)
        if prefix is None:
            if self._window_clusters is None:
                text = self.text
                self._window_clusters = [_GRAPHEME.findall(text, a, b) for a, b in self.windows]
            weight = _CLUSTER_WEIGHT[counting]
            prefix = [0]
            running = 0
            for (w_start, w_end), clusters in zip(self.windows, self._window_clusters, strict=True):
                true_count = sum(weight(c) for c in clusters)
                running += true_count - self._simple(w_start, w_end, counting)
                prefix.append(running)
            self._deltas[counting] = prefix
        return prefix

    def length(self, start: int, end: int, counting: str) -> int:
        """The count of [start, end): simple arithmetic plus each window's correction, so
        every network after the first costs a few bisections."""
        total = self._simple(start, end, counting)
        if not self.windows or start >= end:
            return total
        windows = self.windows
        first = bisect_left(self._window_starts, start)  # first window starting inside
        last = bisect_left(self._window_ends, end + 1)  # windows [first, last) end inside
        if first < last:
            prefix = self._delta_prefix(counting)
            total += prefix[last] - prefix[first]
        # Windows cut by an edge of the range: correct just the part inside.
        edges = {first - 1, last} if first <= last else {first - 1}
        for i in edges:
            if 0 <= i < len(windows):
                w_start, w_end = max(windows[i][0], start), min(windows[i][1], end)
                if w_start < w_end and not (first <= i < last):
                    total += self._direct(w_start, w_end, counting) - self._simple(w_start, w_end, counting)
        return total

    def overflow(self, start: int, end: int, counting: str, room: int) -> int:
        """Index of the first character in [start, end) that does not fit in `room`."""
        # Binary search for the last window that starts while everything before it still
        # fits, then walk character by character from there.
        starts = self._window_starts
        lo, hi = bisect_right(starts, start), bisect_left(starts, end)
        walk_from, used = start, 0
        while lo < hi:
            mid = (lo + hi) // 2
            before = self.length(start, starts[mid], counting)
            if before <= room:
                walk_from, used, lo = starts[mid], before, mid + 1
            else:
                hi = mid
        return self._walk(walk_from, end, counting, room - used)

    def _walk(self, start: int, end: int, counting: str, room: int) -> int:
        text = self.text
        weigh = _CLUSTER_WEIGHT[counting]
        used = 0
        for a, b, joined in self._pieces(start, end):
            if joined:
                for m in _GRAPHEME.finditer(text, a, b):
                    weight = weigh(m.group())
                    if used + weight > room:
                        return m.start()
                    used += weight
                continue
            if counting != "twitter" or _HEAVY.search(text, a, b) is None:
                if used + (b - a) > room:
                    return a + room - used
                used += b - a
                continue
            for i in range(a, b):  # mixed weights: step through (only up to the limit)
                weight = 2 if _HEAVY.match(text, i) else 1
                if used + weight > room:
                    return i
                used += weight
        return end

    def byte_overflow(self, start: int, end: int, room: int) -> int | None:
        """Start of the first grapheme in [start, end) whose UTF-8 bytes pass `room`."""
        text = self.text
        # Every character takes at least one byte, so the answer lies within room + 1
        # characters: binary search on the encoded length (C speed, no per-character loop).
        lo, hi = start, min(end, start + room + 1)
        if len(text[start:hi].encode("utf-8")) <= room:
            return None
        while lo < hi:
            mid = (lo + hi) // 2
            if len(text[start : mid + 1].encode("utf-8")) > room:
                hi = mid
            else:
                lo = mid + 1
        i = bisect_right(self._window_starts, lo) - 1  # a grapheme that spans lo lies in a window
        if i >= 0 and lo < self._window_ends[i]:
            for m in _GRAPHEME.finditer(text, self._window_starts[i], self._window_ends[i]):
                if m.end() > lo:
                    return max(m.start(), start)
        return lo


class _Special:
    """A stretch the network counts differently from its characters: a link or a remote
    mention, with its weight and (for a byte cap) its bytes once posted."""

    __slots__ = ("bytes", "end", "start", "weight")

    def __init__(self, start: int, end: int, weight: int, size: int):
        self.start, self.end, self.weight, self.bytes = start, end, weight, size


def _specials(text: str, platform: Platform, counter: _Counter) -> list[_Special]:
    counting = platform.counting
    if counting == "bluesky":
        found = []
        for s, e, shown in counter.links("bluesky"):
            weight = len(shown) if shown.isascii() else len(_GRAPHEME.findall(shown))
            found.append(_Special(s, e, weight, len(shown.encode("utf-8"))))
        return found
    if platform.url_length is None:
        links = []
    elif counting == "mastodon":
        links = counter.links("mastodon")
    else:
        links = counter.links("twitter")
    size = platform.url_length or 0
    found = [_Special(s, e, size, size) for s, e in links]
    if counting == "mastodon" and "@" in text:
        link_starts = [s for s, _ in links]
        for m in _REMOTE_MENTION.finditer(text):
            i = bisect_right(link_starts, m.start()) - 1
            if i >= 0 and m.start() < links[i][1]:
                continue  # part of a link
            user = m.group(1)
            user_length = len(user) if user.isascii() else len(_GRAPHEME.findall(user))
            found.append(_Special(m.start(), m.end(), 1 + user_length, len(("@" + user).encode("utf-8"))))
        found.sort(key=lambda sp: sp.start)
    return found


def measure(text: str, platform: Platform, _counter: _Counter | None = None) -> PlatformFit:
    """The post's length as `platform` counts it, and where it first passes the limit (or
    the byte cap, whichever comes first). Whitespace at the end is not counted."""
    counter = _counter or _Counter(text)
    counting = platform.counting if platform.counting in _CLUSTER_WEIGHT else "graphemes"
    end = len(text.rstrip())
    specials = [sp for sp in _specials(text, platform, counter) if sp.end <= end]
    if not specials and platform.max_bytes is None:
        fit = _plain_fit(platform, counter, counting, end)
    else:
        fit = _walked_fit(text, platform, counter, counting, end, specials)
    return fit if platform.max_links is None else _with_links(fit, platform.max_links, counter, end)


def _with_links(fit: PlatformFit, max_links: int, counter: _Counter, end: int) -> PlatformFit:
    """`fit` with the post's different links counted against the network's cap; past it,
    the overflow is where the first link too many starts (if that comes first)."""
    seen: set[str] = set()
    first_extra = None
    for s, e in counter.links("twitter"):
        if e > end:
            break
        link = counter.text[s:e]
        if link in seen:
            continue
        seen.add(link)
        if len(seen) > max_links and first_extra is None:
            first_extra = s
    overflow = fit.overflow_start
    if first_extra is not None and (overflow is None or first_extra < overflow):
        overflow = first_extra
    return PlatformFit(
        fit.name, fit.limit, fit.length, overflow, fit.byte_length, fit.byte_limit, len(seen), max_links
    )


def _walked_fit(
    text: str, platform: Platform, counter: _Counter, counting: str, end: int, specials: list[_Special]
) -> PlatformFit:
    """measure() stretch by stretch: the plain text between the specials, then each special."""
    limit = platform.limit
    total = 0
    overflow: int | None = None
    max_bytes = platform.max_bytes
    size = 0
    byte_overflow: int | None = None
    pos = 0
    for special in [*specials, _Special(end, end, 0, 0)]:
        s, e = special.start, special.end
        if s > pos:
            plain = counter.length(pos, s, counting)
            if overflow is None and limit is not None and total + plain > limit:
                overflow = counter.overflow(pos, s, counting, limit - total)
            total += plain
            if max_bytes is not None:
                plain_bytes = len(text[pos:s].encode("utf-8"))
                if byte_overflow is None and size + plain_bytes > max_bytes:
                    byte_overflow = counter.byte_overflow(pos, s, max_bytes - size)
                size += plain_bytes
        if s < e:
            if overflow is None and limit is not None and total + special.weight > limit:
                overflow = s
            total += special.weight
            if max_bytes is not None:
                if byte_overflow is None and size + special.bytes > max_bytes:
                    byte_overflow = s
                size += special.bytes
        pos = max(pos, e)
    if byte_overflow is not None and (overflow is None or byte_overflow < overflow):
        overflow = byte_overflow
    return PlatformFit(
        name=platform.name,
        limit=limit,
        length=total,
        overflow_start=overflow,
        byte_length=size if max_bytes is not None else None,
        byte_limit=max_bytes,
    )


def _plain_fit(platform: Platform, counter: _Counter, counting: str, end: int) -> PlatformFit:
    """measure() for a text with nothing the network counts apart (no link, no remote
    mention) and no byte cap: one count of the whole, and the overflow only when over."""
    total = counter.length(0, end, counting)
    limit = platform.limit
    overflow = counter.overflow(0, end, counting, limit) if limit is not None and total > limit else None
    return PlatformFit(name=platform.name, limit=limit, length=total, overflow_start=overflow)


def fit_all(text: str, platforms: list[Platform], only: Iterable[str] | None = None) -> list[PlatformFit]:
    """measure() for each platform, in the file's order; `only` keeps the named ones
    (case-insensitive; names not in `platforms` are ignored)."""
    wanted = None if only is None else {name.lower() for name in only}
    end = _plain_end(text, platforms)
    if end is not None:
        return [_plain_ascii_fit(p, end) for p in platforms if wanted is None or p.name.lower() in wanted]
    counter = _Counter(text)  # shared: the grapheme windows are the same for every network
    # Networks that count alike (Instagram, LinkedIn, Facebook: graphemes, links as typed)
    # differ only in their limit: the text is counted once for them all.
    lengths: dict[tuple, int] = {}
    fits = []
    for p in platforms:
        if wanted is not None and p.name.lower() not in wanted:
            continue
        alike = (p.counting, p.url_length) if p.max_bytes is None and p.max_links is None else None
        known = lengths.get(alike)
        if known is not None and (p.limit is None or known <= p.limit):
            fits.append(PlatformFit(name=p.name, limit=p.limit, length=known))  # fits: no overflow
            continue
        fit = measure(text, p, counter)
        if alike is not None:
            lengths[alike] = fit.length
        fits.append(fit)
    return fits


# --- plain ASCII posts ------------------------------------------------------------------
# Most posts are plain ASCII with no link and no remote mention: every network then counts
# one a character (bytes too), so each fit follows from the length alone, and the same fit
# comes back for every post of that length. Fits are frozen: one object serves them all.

_PLAIN_FITS: dict[tuple, PlatformFit] = {}


def _plain_end(text: str, platforms: list[Platform]) -> int | None:
    """len(text.rstrip()) when every network counts `text` one a character, else None."""
    if not text.isascii() or "\r" in text or "://" in text or text.count("@") > 1:
        return None  # a joined character, a link with a scheme, or perhaps a remote mention
    if any(
        not (p.limit is None or p.limit > 0) or not (p.max_bytes is None or p.max_bytes > 0)
        for p in platforms
    ):
        return None
    if "." in text and twitter_links(text):
        return None  # a bare domain, which X counts as a link
    return len(text.rstrip())


def _plain_ascii_fit(platform: Platform, end: int) -> PlatformFit:
    """measure() of a plain ASCII post `end` characters long (see above)."""
    key = (platform.name, platform.limit, platform.max_bytes, platform.max_links, end)
    fit = _PLAIN_FITS.get(key)
    if fit is None:
        limit, max_bytes = platform.limit, platform.max_bytes
        overflow = limit if limit is not None and end > limit else None
        if max_bytes is not None and end > max_bytes and (overflow is None or max_bytes < overflow):
            overflow = max_bytes  # the byte cap passed before the character limit
        byte_length = end if max_bytes is not None else None
        links = None if platform.max_links is None else 0  # a plain post holds no link
        fit = PlatformFit(
            platform.name, limit, end, overflow, byte_length, max_bytes, links, platform.max_links
        )
        if len(_PLAIN_FITS) >= 4096:
            _PLAIN_FITS.clear()
        _PLAIN_FITS[key] = fit
    return fit
