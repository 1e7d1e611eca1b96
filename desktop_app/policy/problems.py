"""What goes wrong in a policy folder, said in one short line."""

from __future__ import annotations

from dataclasses import dataclass

MAX_MESSAGE = 300  # characters: a problem is one line of a warning or a list item, never a dump
MAX_FIELD = 120  # a path or key


def one_line(text: object, limit: int = MAX_MESSAGE) -> str:
    """`text` on one line and at most `limit` characters (an ellipsis marks a cut)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def shown(value: object, limit: int = 60) -> str:
    """A value quoted for a message (repr), cut short: a word list is never printed whole."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class PolicyProblem:
    path: str  # relative to its policy folder where possible: "rules/Foo.yml", "org/rules/Foo.yml"
    line: int | None
    key: str
    message: str

    def __post_init__(self):
        # Every problem is capped where it is made, so no caller can print a huge one.
        object.__setattr__(self, "path", one_line(self.path, MAX_FIELD))
        object.__setattr__(self, "key", one_line(self.key, MAX_FIELD))
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class FileProblem(Exception):
    """A policy file that cannot be used: the key at fault (dotted), a message, the line if known."""

    def __init__(self, key: str, message: str, line: int | None = None):
        super().__init__(message)
        self.key, self.message, self.line = key, message, line


class FileProblems(Exception):
    """Several things wrong with one file (unknown keys): each is reported, the file is not used."""

    def __init__(self, problems: list[FileProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems
