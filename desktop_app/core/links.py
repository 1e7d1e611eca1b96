"""Links as each network finds them, for counting a post's length.

X follows twitter-text 3 (github.com/twitter/twitter-text, Apache-2.0; facts from
js/src/extractUrlsWithIndices.js and js/src/regexp/*, written afresh here):
- a link may start at the start of the text or after any character except a Latin letter or
  digit, @, $, # (and their full-width forms) or U+FFFE, U+FEFF, U+FFFF, U+202A-U+202E;
- `http://` or `https://` is optional; after it comes a domain: labels separated by dots,
  ending in a top-level domain from twitter-text's list (data/twitter-tlds.txt) or `xn--...`,
  and not followed by a Latin letter, digit or @;
- without `http(s)://` the domain must be in Latin letters, digits and hyphens (accents
  allowed), must not follow - _ . or /, and a single label before a country ending
  ('bundestag.de') is not a link unless a path follows ('bundestag.de/x'); .co and .tv
  are the exception;
- then an optional :port, an optional /path that ends on a letter, digit, - + = _ # / or
  balanced brackets ('/Primer_(film)'), and an optional ?query that ends on a letter,
  digit, - _ & = # or /, so the sentence's own full stop, comma or bracket stays outside.

Bluesky follows the Bluesky app (github.com/bluesky-social/social-app and the @atproto/api
it uses, both MIT): the app finds a link starting http:// or https:// at the start of the
text or after whitespace or '(' and running to the next whitespace, minus one final
. , ; : ! or ? and then a final ')' when the link has no '('
(packages/api/src/rich-text/detection.ts and util.ts). Before posting it replaces the link's
text with a short form, host plus at most 13 characters of the rest and '...'
(src/lib/strings/url-helpers.ts toShortUrl, rich-text-manip.ts shortenLinks, used by
src/lib/api/index.ts), and the composer counts that short form (shortenLinks(richtext)
.graphemeLength). Bare domains are links on Bluesky too, but their text is posted as typed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import quote

__all__ = ["TopLevelDomains", "bluesky_display", "bluesky_links", "twitter_links", "twitter_tlds"]

log = logging.getLogger(__name__)

TLD_FILE = Path(__file__).resolve().parent / "data" / "twitter-tlds.txt"


@dataclass(frozen=True, slots=True)
class TopLevelDomains:
    country: frozenset[str]
    generic: frozenset[str]

    def __contains__(self, ending: str) -> bool:
        return ending in self.generic or ending in self.country


# Used only when the data file cannot be read (a broken install): the common endings.
_FALLBACK = TopLevelDomains(
    country=frozenset(["uk", "ie", "de", "fr", "eu", "io", "co", "ai", "me", "tv", "us", "ca", "au", "in"]),
    generic=frozenset(["com", "org", "net", "gov", "edu", "info", "app", "news", "scot", "wales", "cymru"]),
)


def load_tlds(path: Path) -> TopLevelDomains:
    """The [country] and [generic] sections of a twitter-tlds.txt file (lower case)."""
    sections: dict[str, set[str]] = {"country": set(), "generic": set()}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.get(line[1:-1])
            if current is None:
                raise ValueError(f"{path}: unknown section {line}")
            continue
        if current is None:
            raise ValueError(f"{path}: {line!r} comes before any [country] or [generic] heading")
        current.add(line.lower())
    return TopLevelDomains(frozenset(sections["country"]), frozenset(sections["generic"]))


@cache
def twitter_tlds() -> TopLevelDomains:
    try:
        return load_tlds(TLD_FILE)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.warning("cannot read the list of domain endings (%s); using the common ones only", exc)
        return _FALLBACK


# ---------------------------------------------------------------------------------------
# X (twitter-text)
# ---------------------------------------------------------------------------------------

_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"
_NOT_BEFORE_ANY_LINK = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@＠$#＃\ufffe\ufeff\uffff"
    "\u202a\u202b\u202c\u202d\u202e"
)
_NOT_BEFORE_BARE_LINK = frozenset("-_./")
_NOT_AFTER_ENDING = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@")
_SPECIAL_COUNTRY = frozenset({"co", "tv"})  # 'name.co' is a link even without a path

# A dot followed by a letter: where a domain ending may start (prose dots are followed by
# a space, so this scan is cheap).
_DOT_LETTER = re.compile(r"\.(?=[^\W\d_])")
_ENDING = re.compile(r"[^\W_]+")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]+")
_PUNYCODE = re.compile(r"xn--[-0-9a-z]+", re.IGNORECASE)
# Bare domains: labels of Latin letters (accents allowed), digits and hyphens, with dots.
_BARE_CHAR = re.compile(rf"[-.0-9A-Za-z{_LATIN_ACCENTS}]")
_BARE_ASCII = frozenset("-.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BARE_ALNUM = rf"[0-9A-Za-z{_LATIN_ACCENTS}]"
_BARE_LABEL = re.compile(rf"{_BARE_ALNUM}(?:[-0-9A-Za-z{_LATIN_ACCENTS}]*{_BARE_ALNUM})?")
# With http(s)://: any letters; a dot, hyphen or underscore only inside the name.
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_HOST_CHARS = r"[^\s!-/:-@\[-`{-~\ufffe\ufeff\uffff\u202a-\u202e]+"  # no ASCII punctuation
_ANY_HOST = re.compile(rf"{_HOST_CHARS}(?:[-._]{_HOST_CHARS})*")
_PORT = re.compile(r":[0-9]+")
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_PATH_END = rf"[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]"
_BRACKETS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
# The longest run of path characters and balanced brackets that ends on an ending character.
_PATH = re.compile(rf"/(?:(?:{_PATH_CHAR}|{_BRACKETS})*(?:{_PATH_END}|{_BRACKETS}))?", re.IGNORECASE)
_QUERY = re.compile(r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]", re.IGNORECASE)


def _ending_at(text: str, start: int) -> tuple[str, int] | None:
    """The top-level domain that starts at `start` (just after a dot), and where it ends."""
    tlds = twitter_tlds()
    m = _PUNYCODE.match(text, start)
    if m and (m.end() == len(text) or text[m.end()] not in _NOT_AFTER_ENDING):
        return "generic", m.end()
    m = _ENDING.match(text, start)
    if m is None:
        return None
    candidates = [m.group()]
    ascii_part = _ASCII_ALNUM.match(text, start)
    if ascii_part and ascii_part.end() < m.end():
        candidates.append(ascii_part.group())  # 'com' in 'example.comé': é is not Latin a-z
    for word in candidates:
        end = start + len(word)
        if end < len(text) and text[end] in _NOT_AFTER_ENDING:
            continue
        lowered = word.lower()
        if lowered in tlds.generic:
            return "generic", end
        if lowered in tlds.country:
            return "country", end
    return None


def _rest_of_link(text: str, pos: int) -> tuple[int, bool]:
    """End of the link after its domain (port, path, query) and whether it has a path."""
    m = _PORT.match(text, pos)
    if m:
        pos = m.end()
    has_path = False
    m = _PATH.match(text, pos)
    if m:
        pos, has_path = m.end(), True
    m = _QUERY.match(text, pos)
    if m:
        pos = m.end()
    return pos, has_path


def _domain_end(text: str, labels_start: int, labels_end: int) -> tuple[int, str] | None:
    """Where the domain in text[labels_start:labels_end] ends and its ending's kind: the
    last label that is a known ending with a name before it (as twitter-text's greedy
    pattern finds it), or None."""
    best = None
    dot = text.find(".", labels_start, labels_end)
    previous_dot = labels_start - 1
    while dot != -1:
        found = _ending_at(text, dot + 1)
        # The name just before the ending may not hold an underscore (a subdomain may).
        if found is not None and found[1] <= labels_end and "_" not in text[previous_dot + 1 : dot]:
            best = (found[1], found[0])
        previous_dot = dot
        dot = text.find(".", dot + 1, labels_end)
    return best


def _scheme_links(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _SCHEME.finditer(text):
        start = m.start()
        if start and text[start - 1] in _NOT_BEFORE_ANY_LINK:
            continue
        host = _ANY_HOST.match(text, m.end())
        if host is None:
            continue
        domain = _domain_end(text, host.start(), host.end())
        if domain is None:
            continue
        end, _kind = domain
        end, _ = _rest_of_link(text, end)
        found.append((start, end))
    return found


def _bare_links(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Links without http(s)://, found from their endings, outside the `taken` spans."""
    found: list[tuple[int, int]] = []
    taken_iter = iter(taken)
    next_taken = next(taken_iter, None)
    scanned_to = 0
    for dot in _DOT_LETTER.finditer(text):
        at = dot.start()
        if at < scanned_to:
            continue
        while next_taken is not None and next_taken[1] <= at:
            next_taken = next(taken_iter, None)
        if next_taken is not None and next_taken[0] <= at:
            continue  # inside an http(s):// link
        ending = _ending_at(text, at + 1)
        if ending is None:
            continue
        start = at
        while start > 0:
            ch = text[start - 1]
            if not (ch in _BARE_ASCII or (ch > "\x7f" and _BARE_CHAR.match(ch))):
                break
            start -= 1
        # A later label may be the real ending ('co' in bbc.co.uk): take the last one.
        kind, end = ending
        labels_end = end
        while labels_end < len(text) and text[labels_end] == ".":
            label = _BARE_LABEL.match(text, labels_end + 1)
            if label is None:
                break
            later = _ending_at(text, labels_end + 1)
            if later is not None and later[1] == label.end():
                kind, end = later
            labels_end = label.end()
        scanned_to = labels_end
        labels = text[start:end].split(".")
        if not all(_BARE_LABEL.fullmatch(label) for label in labels[:-1]):
            continue  # an empty or hyphen-edged name: '-name.com', '..com'
        if start and (text[start - 1] in _NOT_BEFORE_ANY_LINK or text[start - 1] in _NOT_BEFORE_BARE_LINK):
            continue  # '@name.com', '#name.com', 'path/name.com'
        link_end, has_path = _rest_of_link(text, end)
        short = len(labels) == 2 and labels[1].lower() not in _SPECIAL_COUNTRY
        if kind == "country" and short and not has_path:
            continue  # 'bundestag.de' alone; also keeps 'It ended.It began' plain text
        found.append((start, link_end))
        scanned_to = max(scanned_to, link_end)
    return found


def twitter_links(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link X finds in the text, in order."""
    if "." not in text:
        return []
    scheme = _scheme_links(text) if "://" in text else []
    return sorted(scheme + _bare_links(text, scheme))


# ---------------------------------------------------------------------------------------
# Bluesky
# ---------------------------------------------------------------------------------------

_BLUESKY_LINK = re.compile(r"(?:^|(?<=[\s(]))https?://\S+", re.IGNORECASE)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_FORBIDDEN_IN_HOST = frozenset(" #%/:<>?@[\\]^|")
# Characters a browser's URL parser percent-encodes, besides controls, spaces and non-ASCII.
_ENCODED_IN_PATH = '"<>`{}'
_ENCODED_IN_QUERY = "\"#<>'"
_ENCODED_IN_FRAGMENT = '"<>`'


def bluesky_links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, shown) for every http(s) link the Bluesky app shortens: the link's span
    in the text and the short text the post will carry instead."""
    if "://" not in text:
        return []
    found = []
    for m in _BLUESKY_LINK.finditer(text):
        start, end = m.span()
        if text[end - 1] in ".,;:!?":
            end -= 1
        if text[end - 1] == ")" and "(" not in text[start:end]:
            end -= 1
        found.append((start, end, bluesky_display(text[start:end])))
    return found


def _percent_encode(part: str, also: str) -> str:
    out = []
    for ch in part:
        if ch <= " " or ch > "~" or ch in also:
            out.append(quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out)


def _without_dot_segments(path: str) -> str:
    kept: list[str] = []
    segments = path.split("/")[1:]
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        lowered = segment.lower()
        if lowered in (".", "%2e"):
            if last:
                kept.append("")
        elif lowered in ("..", ".%2e", "%2e.", "%2e%2e"):
            if kept:
                kept.pop()
            if last:
                kept.append("")
        else:
            kept.append(segment)
    return "/" + "/".join(kept)


def _host(authority: str, scheme: str) -> str | None:
    """The URL's host as a browser gives it (lower case, IDNA, no default port), or None
    when a browser would refuse the URL."""
    hostport = authority.rpartition("@")[2]  # user:password@ is not shown
    if hostport.startswith("["):  # an IPv6 address
        close = hostport.find("]")
        if close == -1 or (close + 1 < len(hostport) and hostport[close + 1] != ":"):
            return None
        host, port = hostport[: close + 1], hostport[close + 2 :]
    else:
        host, _, port = hostport.partition(":")
        if not host or any(ch in _FORBIDDEN_IN_HOST for ch in host):
            return None
        if not host.isascii():
            try:
                host = host.encode("idna").decode("ascii")
            except UnicodeError:
                return None
    if port:
        if not port.isdigit() or int(port) > 65535:
            return None
        port = str(int(port))
        if port == _DEFAULT_PORTS[scheme]:
            port = ""
    return host.lower() + (f":{port}" if port else "")


@lru_cache(maxsize=1024)  # the same links come back on every keystroke
def bluesky_display(url: str) -> str:
    """The short form the Bluesky app posts in place of an http(s) link: the host, then the
    rest (path, query, fragment) when that is at most 15 characters, else its first 13 and
    '...'. A link a browser would refuse is posted as typed."""
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in _DEFAULT_PORTS:
        return url
    cut = len(rest)
    for mark in "/?#\\":
        at = rest.find(mark)
        if at != -1:
            cut = min(cut, at)
    host = _host(rest[:cut], scheme)
    if host is None:
        return url
    tail, _, fragment = rest[cut:].partition("#")
    tail, _, query = tail.partition("?")
    path = _percent_encode(_without_dot_segments(tail.replace("\\", "/") or "/"), _ENCODED_IN_PATH)
    shown = "" if path == "/" else path
    if query:
        shown += "?" + _percent_encode(query, _ENCODED_IN_QUERY)
    if fragment:
        shown += "#" + _percent_encode(fragment, _ENCODED_IN_FRAGMENT)
    if len(shown) > 15:
        return host + shown[:13] + "..."
    return host + shown
