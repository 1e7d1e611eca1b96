"""Reading a rule's keys: each value of the type its key takes, or a RuleError naming the
key (the policy loader turns it into a problem with the file's line)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class RuleError(Exception):
    """A rule that cannot be compiled. `key` is the YAML key at fault (dotted for nesting)."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted for a message, cut short: a 50 MB pattern is never printed whole."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(d: Mapping, key: str, default, kind: type = float):
    """A numeric key of a rule (`max`, `stack`, `density`, ...); a clear error naming it
    when the value is not a number (`kind=int`: a whole number). true/false and text such
    as "5" are not numbers."""
    value = d.get(key, default)
    whole = kind is int
    fraction = isinstance(value, float) and not value.is_integer()  # 2.5, inf, nan
    if isinstance(value, bool) or not isinstance(value, int | float) or (whole and fraction):
        what = "a whole number" if whole else "a number"
        raise RuleError(key, f"`{key}` must be {what}, got {shown(value)}")
    return kind(value)


def text_value(d: Mapping, key: str, default: str = "") -> str:
    """A key whose value is text (a number is taken as text); a clear error for a list,
    a mapping or true/false."""
    value = d.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RuleError(key, f"`{key}` must be text, got {shown(value)}")
    return str(value)


def flag(d: Mapping, key: str, default: bool = False) -> bool:
    """A true/false key; anything else is an error (YAML's `yes` and `no` are words here)."""
    value = d.get(key, default)
    if not isinstance(value, bool):
        raise RuleError(key, f"use true or false, not {shown(value)}")
    return value


def colon_hint(item: Any) -> str:
    """Why an entry meant as text is a mapping: "- (?: a)b" or "- say: hello" (YAML reads a
    colon and a space as a key and its value)."""
    if isinstance(item, dict) and len(item) == 1:
        return " (YAML reads ': ' as a key and its value: put the entry in quotes)"
    return ""


def str_list(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise RuleError(key, f"expected a list, got {type(value).__name__}")
    out = []
    for i, item in enumerate(value):
        if isinstance(item, bool) or item is None or isinstance(item, dict | list):
            raise RuleError(f"{key}[{i}]", f"expected text, got {shown(item)}{colon_hint(item)}")
        out.append(str(item))
    return out


def str_map(value: Any, key: str) -> dict[str, str | None]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise RuleError(key, f"expected a mapping of 'words: replacement', got {type(value).__name__}")
    return {str(k): (None if v is None else str(v)) for k, v in value.items()}
