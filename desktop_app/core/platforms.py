"""Post length per social network, counted the way each network counts.

The limits and counting methods are data (policy/platforms.yml). Counting is by
user-perceived character (grapheme cluster, via the `regex` module's \\X), never by
Python code point or UTF-16 unit, except on X, which follows twitter-text v3: after NFC
each code point weighs 1 or 2 by range and each emoji sequence weighs 2. (NFC is applied
per grapheme where characters join; a lone compatibility singleton such as U+212B is not
normalised.) Links count a fixed length where the network shortens them.

Speed: \\X and per-character work run only in small windows around joining characters
(combining marks, ZWJ, skin tones, flag halves...). Elsewhere a code point is a grapheme,
so a stretch's count is arithmetic plus prefix-summed corrections for the windows inside it.
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

__all__ = ["COUNTING_METHODS", "Platform", "PlatformDataError", "fit_all", "measure", "parse_platforms"]

COUNTING_METHODS = ("graphemes", "twitter", "mastodon")


@dataclass(frozen=True, slots=True)
class Platform:
    name: str
    limit: int | None
    counting: str  # one of COUNTING_METHODS
    url_length: int | None  # every link counts this much; None: links are ordinary text


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------

_KEYS = {"name", "limit", "counting", "url_length"}


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
        platforms.append(
            Platform(
                name=name.strip(),
                limit=_optional_count(item, "limit", where),
                counting=counting,
                url_length=_optional_count(item, "url_length", where),
            )
        )
    return platforms


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

_URL_END = r"""[^\s<>"'.,;:!?)\]’”]"""
# Links with a scheme (the only links Mastodon recognises).
_SCHEME_URL = re.compile(rf"(?:https?://|www\.)[^\s<>\"]*{_URL_END}", re.IGNORECASE)
# Bare domains (X finds these too, as twitter-text does): found from their ending, then
# matched from the start of their chunk, so ordinary words cost nothing.
_TLD = re.compile(r"\.(?:com|org|net|uk|io|co|gov|eu|ly|me|info|app|news|social)\b", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    rf"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|io|co|gov|eu|ly|me|info|app|news|social)"
    rf"(?:/[^\s<>\"]*{_URL_END})?(?![\w@-])",
    re.IGNORECASE,
)
_CHUNK_OPENERS = "([{\"'‘“<"
# Mastodon counts @user@server as @user (Mastodon's own countableText).
_REMOTE_MENTION = re.compile(r"(?<![/\w])@(\w+)@[a-z0-9.-]+[a-z0-9]", re.IGNORECASE)

_GRAPHEME = regex.compile(r"\X")
# Characters that can join a neighbour into one grapheme (combining marks, ZWJ, skin
# tones, flag halves, Hangul jamo, CR of CR LF...). Text without them has one grapheme per
# code point, which is what makes counting fast.
_JOINER = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=Regional_Indicator}"
    r"\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}\p{Emoji_Modifier}\r]"
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
        self._scheme_links: list[tuple[int, int]] | None = None
        self._all_links: list[tuple[int, int]] | None = None

    def scheme_links(self) -> list[tuple[int, int]]:
        """Spans of http(s):// and www. links (found once, shared by every network)."""
        if self._scheme_links is None:
            text = self.text
            maybe = "//" in text or "www." in text or "WWW." in text
            self._scheme_links = [m.span() for m in _SCHEME_URL.finditer(text)] if maybe else []
        return self._scheme_links

    def all_links(self) -> list[tuple[int, int]]:
        """Scheme links plus bare domains (bbc.co.uk/news), as X finds them. Sorted."""
        if self._all_links is None:
            text = self.text
            scheme = self.scheme_links()
            scheme_starts = [s for s, _ in scheme]
            found = list(scheme)
            last_end = 0
            for tld in _TLD.finditer(text):
                at = tld.start()
                i = bisect_right(scheme_starts, at) - 1
                if at < last_end or (i >= 0 and at < scheme[i][1]):
                    continue  # already inside a link
                chunk = at
                while chunk > 0 and not text[chunk - 1].isspace():
                    chunk -= 1
                while chunk < at and text[chunk] in _CHUNK_OPENERS:
                    chunk += 1
                if chunk and text[chunk - 1] in "@.-":
                    continue
                m = _BARE_DOMAIN.match(text, chunk)
                if m and m.end() > at:
                    found.append(m.span())
                    last_end = m.end()
            self._all_links = sorted(found)
        return self._all_links

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
        clusters = _GRAPHEME.findall(self.text, start, end)
        if counting == "twitter":
            return sum(_twitter_cluster_weight(c) for c in clusters)
        return len(clusters)

    def _simple(self, start: int, end: int, counting: str) -> int:
        """The count of [start, end) if every code point were its own grapheme."""
        if counting == "twitter":
            return end - start + self._heavy_count(start, end)
        return end - start

    def _delta_prefix(self, counting: str) -> list[int]:
        """Running sum over windows of (true count - simple count), built once per method;
        the windows' graphemes are found once and shared by both methods."""
        prefix = self._deltas.get(counting)
        if prefix is None:
            if self._window_clusters is None:
                text = self.text
                self._window_clusters = [_GRAPHEME.findall(text, a, b) for a, b in self.windows]
            prefix = [0]
            running = 0
            for (w_start, w_end), clusters in zip(self.windows, self._window_clusters, strict=True):
                if counting == "twitter":
                    true_count = sum(_twitter_cluster_weight(c) for c in clusters)
                else:
                    true_count = len(clusters)
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
        used = 0
        for a, b, joined in self._pieces(start, end):
            if joined:
                for m in _GRAPHEME.finditer(text, a, b):
                    weight = _twitter_cluster_weight(m.group()) if counting == "twitter" else 1
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


def _links(text: str, platform: Platform, counter: _Counter) -> list[tuple[int, int]]:
    if platform.url_length is None:
        return []
    if platform.counting == "mastodon":
        return [(s, e) for s, e in counter.scheme_links() if text[s] in "hH"]  # http(s):// only
    return counter.all_links()


def _specials(text: str, platform: Platform, counter: _Counter) -> list[tuple[int, int, int]]:
    """(start, end, weight) of stretches counted specially: links and remote mentions."""
    links = _links(text, platform, counter)
    found = [(s, e, platform.url_length) for s, e in links]
    if platform.counting == "mastodon" and "@" in text:
        link_starts = [s for s, _ in links]
        for m in _REMOTE_MENTION.finditer(text):
            i = bisect_right(link_starts, m.start()) - 1
            if i >= 0 and m.start() < links[i][1]:
                continue  # part of a link
            user = m.group(1)
            user_length = len(user) if user.isascii() else len(_GRAPHEME.findall(user))
            found.append((m.start(), m.end(), 1 + user_length))
        found.sort()
    return found


def measure(text: str, platform: Platform, _counter: _Counter | None = None) -> PlatformFit:
    """The post's length as `platform` counts it, and where it first passes the limit."""
    counter = _counter or _Counter(text)
    counting = "twitter" if platform.counting == "twitter" else "graphemes"
    limit = platform.limit
    total = 0
    overflow: int | None = None
    pos = 0
    for s, e, weight in [*_specials(text, platform, counter), (len(text), len(text), 0)]:
        plain = counter.length(pos, s, counting) if s > pos else 0
        if overflow is None and limit is not None and total + plain > limit:
            overflow = counter.overflow(pos, s, counting, limit - total)
        total += plain
        if s < e:
            if overflow is None and limit is not None and total + weight > limit:
                overflow = s
            total += weight
        pos = e
    return PlatformFit(name=platform.name, limit=limit, length=total, overflow_start=overflow)


def fit_all(text: str, platforms: list[Platform], only: Iterable[str] | None = None) -> list[PlatformFit]:
    """measure() for each platform, in the file's order; `only` keeps the named ones
    (case-insensitive; names not in `platforms` are ignored)."""
    wanted = None if only is None else {name.lower() for name in only}
    counter = _Counter(text)  # shared: the grapheme windows are the same for every network
    return [measure(text, p, counter) for p in platforms if wanted is None or p.name.lower() in wanted]
