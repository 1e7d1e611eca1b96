"""A large JSON object read a slice at a time, giving what json.loads gives.

json.loads is one C call, and a C call keeps the GIL to the end: the offence model's
megabyte of vocabulary held it for 15-35 ms while the engine loaded on a worker at
start-up, and the window, needing the GIL for every call into Python, stalled as long.
Read here, each nested object of the top-level one goes through json a slice of lines at a
time (each a millisecond or less), and Python hands the GIL over between slices.

A slice ends at a line ending in a comma: a JSON string cannot hold a raw line break, so
the cut is never inside a string; a cut inside a nested value leaves its brackets open and
the slice does not parse, and that part is read one member at a time instead. A slice that
parses is therefore whole members, and the result is json.loads' (the same values, and for
a repeated key the last value at the first key's place). Anything else (a small file, one
without line breaks, not an object, not UTF-8, not valid JSON) goes to json.loads itself,
which also words any error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

SLICE_CHARS = 32_000  # about a millisecond of json's work
_SPACE = re.compile(r"[ \t\n\r]*")


class _NotSliceable(Exception):
    pass


def loads_in_slices(raw: bytes, parse_constant: Callable[[str], Any] | None = None) -> Any:
    """json.loads(raw, parse_constant=...), in slices when `raw` is a large object laid out
    over many lines. Raises what json.loads raises."""
    if len(raw) < 4 * SLICE_CHARS or raw.count(b"\n") * 1000 < len(raw):
        return json.loads(raw, parse_constant=parse_constant)
    decoder = json.JSONDecoder(parse_constant=parse_constant)
    try:
        return _top_object(raw.decode("utf-8", "surrogatepass"), decoder)
    except (_NotSliceable, ValueError):
        return json.loads(raw, parse_constant=parse_constant)


def _skip(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _top_object(text: str, decoder: json.JSONDecoder) -> dict:
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise _NotSliceable
    result, pos = _members(text, pos, decoder, sliced=False)
    if _skip(text, pos) != len(text):
        raise _NotSliceable  # something after the object: json.loads says what
    return result


def _members(text: str, pos: int, decoder: json.JSONDecoder, *, sliced: bool) -> tuple[dict, int]:
    """The object opening at `pos` and where it ends; `sliced`: its members a slice of lines
    at a time where they allow it."""
    members: dict = {}
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "}":
        return members, pos + 1
    while True:
        if sliced and (comma := _slice_end(text, pos)) > pos:
            try:
                part = decoder.decode("{" + text[pos:comma] + "}")
            except ValueError:
                part = None  # cut inside a value: one member at a time here
            if part is not None:
                members.update(part)
                pos = _skip(text, comma + 1)
                continue
        key, value, pos = _member(text, pos, decoder)
        members[key] = value
        pos = _skip(text, pos)
        if text[pos : pos + 1] == ",":
            pos = _skip(text, pos + 1)
        elif text[pos : pos + 1] == "}":
            return members, pos + 1
        else:
            raise _NotSliceable


def _slice_end(text: str, pos: int) -> int:
    """The comma ending the last line of about SLICE_CHARS from `pos` (-1 if none)."""
    comma = text.rfind(",\n", pos, pos + SLICE_CHARS)
    return comma if comma >= 0 else text.find(",\n", pos + SLICE_CHARS)


def _member(text: str, pos: int, decoder: json.JSONDecoder) -> tuple[str, Any, int]:
    if text[pos : pos + 1] != '"':
        raise _NotSliceable
    key, pos = decoder.raw_decode(text, pos)
    pos = _skip(text, pos)
    if text[pos : pos + 1] != ":":
        raise _NotSliceable
    pos = _skip(text, pos + 1)
    if text[pos : pos + 1] == "{":
        value, pos = _members(text, pos, decoder, sliced=True)
    else:
        value, pos = decoder.raw_decode(text, pos)
    return key, value, pos
