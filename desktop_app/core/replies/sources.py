"""Where replies come from: pasted text (one per line, or blank-line separated) and CSV
exports (a text column found by name or named by the user; author, date and link columns
used when present).

    Reply(text, author="", date="", link="", line=0)
    split_pasted(text) -> list[Reply]
    CsvColumns.find(header, text_column=None) -> CsvColumns     raises NoTextColumn
    read_csv_rows(lines) -> iterator of rows (lists of cells), header first
    sniff_delimiter(sample) -> "," ";" or "\\t"
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop_app.core.limits import MAX_CHECKED


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    author: str = ""
    date: str = ""
    link: str = ""
    line: int = 0  # where it came from: a line of the pasted text or file, or a CSV row

    @property
    def key(self) -> str:
        """The same reply seen again (pasted twice, a CSV opened again) has the same key, so a
        correction or a report status made once is kept for it."""
        joined = "\x00".join((self.author.strip().lower(), " ".join(self.text.split()), self.link.strip()))
        return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _bounded(text: str) -> str:
    return text if len(text) <= MAX_CHECKED else text[:MAX_CHECKED]


# Blank-line separated replies run to a few lines each; longer runs of lines between blank
# lines are replies one per line, with the odd blank line a copy from a web page leaves.
BLOCK_LINES = 3


def split_pasted(text: str) -> list[Reply]:
    """Replies in pasted text: blank-line separated blocks when some run over several lines
    and they average at most BLOCK_LINES lines (a reply written over several lines stays
    whole), otherwise one reply per line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, 1):
        if line.strip():
            blocks[-1].append((number, line.strip()))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    lines_per_block = sum(len(b) for b in blocks) / max(1, len(blocks))
    if len(blocks) > 1 and any(len(b) > 1 for b in blocks) and lines_per_block <= BLOCK_LINES:
        return [Reply(_bounded("\n".join(t for _n, t in b)), line=b[0][0]) for b in blocks]
    return [Reply(_bounded(t), line=n) for b in blocks for n, t in b]


# --- CSV exports -----------------------------------------------------------------------------

# Column names seen in the exports of the networks and the tools people use to download
# replies, compared without case, spaces, dashes or underscores; the first found wins.
TEXT_COLUMNS = (
    "text", "fulltext", "tweettext", "replytext", "commenttext", "message", "comment", "comments",
    "content", "body", "reply", "post", "posttext", "tweet", "description", "caption",
)  # fmt: skip
AUTHOR_COLUMNS = (
    "author", "authorhandle", "authorusername", "username", "user", "screenname", "handle",
    "from", "fromuser", "name", "authorname", "account", "profile", "commenter", "userscreenname",
)  # fmt: skip
DATE_COLUMNS = (
    "date", "createdat", "time", "timestamp", "datetime", "published", "publishedat", "posted",
    "postedat", "created", "commentdate", "tweetdate",
)  # fmt: skip
LINK_COLUMNS = (
    "link", "url", "permalink", "tweeturl", "replyurl", "commenturl", "posturl", "href", "weblink",
)  # fmt: skip


def _folded(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


class NoTextColumn(ValueError):
    """No column holds the replies' text; `str(exc)` says which columns there are."""

    def __init__(self, message: str, header: list[str]):
        super().__init__(message)
        self.header = header


@dataclass(frozen=True, slots=True)
class CsvColumns:
    text: int
    author: int | None = None
    date: int | None = None
    link: int | None = None
    header: tuple[str, ...] = ()

    @classmethod
    def find(cls, header: list[str], text_column: str | None = None) -> CsvColumns:
        """The columns of an export, by name. `text_column` (any case) overrides the guess;
        NoTextColumn when it is not there or nothing looks like the text."""
        names = [h.strip().lstrip("\ufeff") for h in header]
        folded = [_folded(n) for n in names]

        def first(candidates: Iterable[str], exclude: set[int]) -> int | None:
            for candidate in candidates:
                for i, name in enumerate(folded):
                    if name == candidate and i not in exclude:
                        return i
            return None

        shown = ", ".join(f"'{n}'" for n in names if n) or "none"
        if text_column is not None:
            wanted = text_column.strip()
            matches = [i for i, n in enumerate(names) if n == wanted] or [
                i for i, n in enumerate(names) if n.lower() == wanted.lower()
            ]
            if not matches:
                raise NoTextColumn(f"no column called '{wanted}' (the columns are {shown})", names)
            text = matches[0]
        else:
            text = first(TEXT_COLUMNS, set())
            if text is None:
                message = f"cannot tell which column holds the replies (the columns are {shown})"
                raise NoTextColumn(message, names)
        author = first(AUTHOR_COLUMNS, {text})
        date = first(DATE_COLUMNS, {text} | ({author} if author is not None else set()))
        link = first(LINK_COLUMNS, {text} | {i for i in (author, date) if i is not None})
        return cls(text, author, date, link, tuple(names))

    def described(self) -> str:
        """'text from "Tweet text", authors from "Username"': what was used, for the user."""
        parts = [f"text from '{self.header[self.text]}'"] if self.header else []
        for label, index in (("authors", self.author), ("dates", self.date), ("links", self.link)):
            if index is not None and self.header:
                parts.append(f"{label} from '{self.header[index]}'")
        return ", ".join(parts)

    def reply(self, row: list[str], line: int) -> Reply | None:
        """The reply in one row, or None when its text cell is empty."""

        def cell(index: int | None) -> str:
            return row[index].strip() if index is not None and index < len(row) else ""

        text = cell(self.text)
        if not text:
            return None
        return Reply(_bounded(text), cell(self.author), cell(self.date), cell(self.link), line)


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV export from its first line: comma, semicolon or tab."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_rows(lines: Iterable[str], delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(line number where the row starts, cells) for every row; `lines` keep their endings or
    not (a quoted cell may run over several lines either way). The header is the first row."""
    numbered = _numbered(lines)
    reader = csv.reader((line for _n, line in numbered), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a cell over the csv module's limit, a stray NUL, ...
            where = numbered.start_line()
            raise CsvProblem(f"line {where}: not a CSV row the app can read ({exc})") from None
        yield numbered.start_line(), row


class CsvProblem(ValueError):
    """A CSV export that cannot be read; `str(exc)` is one line naming where."""


class _numbered:
    """The lines, each ending in a newline, counting them so a row's first line is known."""

    def __init__(self, lines: Iterable[str]):
        self._lines = iter(lines)
        self._count = 0
        self._row_start = 1

    def __iter__(self):
        return self

    def __next__(self) -> tuple[int, str]:
        line = next(self._lines)
        self._count += 1
        if not line.endswith(("\n", "\r")):
            line += "\n"
        return self._count, line

    def start_line(self) -> int:
        """The line a row started on: called after the reader has returned the row."""
        start = self._row_start
        self._row_start = self._count + 1
        return start
