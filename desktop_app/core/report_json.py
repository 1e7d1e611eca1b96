"""A Report as one line of JSON, written straight from its fields.

    report_json(report, head="", tail="") -> str
        the same text as json.dumps({**head, **report.to_dict(), **tail}, ensure_ascii=False)
    members(mapping) -> str     a small mapping as JSON members, for `head` and `tail`

`check --lines` writes a report per post; building Report.to_dict()'s nested dicts only to
encode them took as long as the encoding. Here each field is encoded as json's own encoder
does (its C string encoder, float and int repr, null/true/false; anything else is handed to
json itself), and what repeats from post to post (a principle's row) is encoded once.
Report.to_dict() stays the definition: tests compare the two on a varied corpus.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from json.encoder import encode_basestring as _string  # json's C encoder for str (ensure_ascii=False)

from desktop_app.core.findings import (
    Finding,
    GrammarState,
    PlatformFit,
    PrincipleStatus,
    Readability,
    Report,
    Suggestion,
)

__all__ = ["members", "report_json"]

_JSON = json.JSONEncoder(ensure_ascii=False)


def members(data: Mapping) -> str:
    """`data` as the members of a JSON object, without its braces."""
    return _JSON.encode(dict(data))[1:-1]


def _value(v) -> str:
    """One scalar, exactly as json.dumps writes it."""
    kind = type(v)
    if kind is str:
        return _string(v)
    if kind is int:
        return int.__repr__(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if kind is float and math.isfinite(v):
        return float.__repr__(v)
    return _JSON.encode(v)  # NaN, a str or int subclass, anything unexpected: json decides


def _suggestion(s: Suggestion) -> str:
    out = (
        f'{{"replacement": {_value(s.replacement)}, "start": {_value(s.start)}, "end": {_value(s.end)}, '
        f'"label": {_value(s.label or s.replacement)}'
    )
    if s.fields:
        out += ', "fields": [' + ", ".join(_value(s.replacement[a:b]) for a, b in s.fields) + "]"
    if s.adds:
        out += ', "adds": true'
    return out + "}"


def _finding(f: Finding) -> str:
    return (
        f'{{"start": {_value(f.start)}, "end": {_value(f.end)}, "text": {_value(f.text)}, '
        f"{_rule_members(f.rule, f.category, f.principle, f.clause, f.severity.value)}"
        f'"message": {_value(f.message)}, "why": {_value(f.why)}, '
        f'"suggestions": [{", ".join(map(_suggestion, f.suggestions))}], "link": {_value(f.link)}}}'
    )


# A rule's own members come back on each of its findings: encoded once per rule.
_RULE_MEMBERS: dict[tuple, str] = {}


def _rule_members(*values) -> str:
    encoded = _RULE_MEMBERS.get(values)
    if encoded is None:
        rule, category, principle, clause, severity = map(_value, values)
        encoded = (
            f'"rule": {rule}, "category": {category}, "principle": {principle}, '
            f'"clause": {clause}, "severity": {severity}, '
        )
        if len(_RULE_MEMBERS) >= 4096:
            _RULE_MEMBERS.clear()
        _RULE_MEMBERS[values] = encoded
    return encoded


# What repeats from report to report is one shared object: a principle's row (core.findings
# keeps one per title, state and count) and a plain post's fit per network and length
# (core.platforms). Their text is kept by identity; each entry holds its object, so the id
# cannot pass to another object while the entry lasts. Bounded, for objects made afresh.
_BY_OBJECT: dict[int, tuple[object, str]] = {}
_MAX_OBJECTS = 8192


def _once(obj, encode) -> str:
    entry = _BY_OBJECT.get(id(obj))
    if entry is not None and entry[0] is obj:
        return entry[1]
    text = encode(obj)
    if len(_BY_OBJECT) >= _MAX_OBJECTS:
        _BY_OBJECT.clear()
    _BY_OBJECT[id(obj)] = (obj, text)
    return text


def _row(s: PrincipleStatus) -> str:
    return _JSON.encode(s.to_dict())


# A report's block of rows is nearly always one of a few dozen (most rows clear): kept by the
# rows' identities, each entry holding its rows so their ids stay theirs. Bounded.
_BLOCKS: dict[tuple, tuple[tuple, str]] = {}


def _principles(rows: Mapping[str, PrincipleStatus]) -> str:
    statuses = tuple(rows.values())
    key = (tuple(rows), tuple(map(id, statuses)))
    entry = _BLOCKS.get(key)
    if entry is not None:
        return entry[1]
    text = _principles_text(rows)
    if len(_BLOCKS) >= _MAX_OBJECTS:
        _BLOCKS.clear()
    _BLOCKS[key] = (statuses, text)
    return text


def _principles_text(rows: Mapping[str, PrincipleStatus]) -> str:
    try:
        return "{" + ", ".join(f"{_string(key)}: {_once(s, _row)}" for key, s in rows.items()) + "}"
    except TypeError:  # a key that is not text: json turns it into text its own way
        return _JSON.encode({key: s.to_dict() for key, s in rows.items()})


def _readability(r: Readability | None) -> str:
    if r is None:
        return "null"
    scores = ", ".join(
        f'{{"start": {_value(s.start)}, "end": {_value(s.end)}, "words": {_value(s.words)}, '
        f'"ari": {_value(s.ari)}, "level": {_value(s.level)}}}'
        for s in r.sentence_scores
    )
    return (
        f'{{"reading_age": {_value(r.reading_age)}, "target_age": {_value(r.target_age)}, '
        f'"words": {_value(r.words)}, "sentences": {_value(r.sentences)}, "hard": {_value(r.hard)}, '
        f'"very_hard": {_value(r.very_hard)}, "reading_time_seconds": {_value(r.reading_time_seconds)}, '
        f'"sentence_scores": [{scores}]}}'
    )


def _platform(p: PlatformFit) -> str:
    return (
        f'{{"name": {_value(p.name)}, "limit": {_value(p.limit)}, "length": {_value(p.length)}, '
        f'"over": {_value(p.over)}, "overflow_start": {_value(p.overflow_start)}, '
        f'"byte_length": {_value(p.byte_length)}, "byte_limit": {_value(p.byte_limit)}, '
        f'"link_count": {_value(p.link_count)}, "link_limit": {_value(p.link_limit)}}}'
    )


_GRAMMAR: dict[tuple, str] = {}  # a grammar state is one of a handful (nearly always "off")


def _grammar(g: GrammarState) -> str:
    key = (type(g.state), g.state, type(g.detail), g.detail)
    encoded = _GRAMMAR.get(key)
    if encoded is None:
        if len(_GRAMMAR) >= 256:
            _GRAMMAR.clear()
        encoded = _GRAMMAR[key] = _JSON.encode(g.to_dict())
    return encoded


def report_json(report: Report, head: str = "", tail: str = "") -> str:
    """The report as one JSON object; `head` and `tail` are members (see members()) written
    before and after the report's own."""
    body = (
        f'"findings": [{", ".join(map(_finding, report.findings))}], '
        f'"principles": {_principles(report.principles)}, '
        f'"readability": {_readability(report.readability)}, '
        f'"platforms": [{", ".join(_once(p, _platform) for p in report.platforms)}], '
        f'"grammar": {_grammar(report.grammar)}'
    )
    return "{" + ", ".join(part for part in (head, body, tail) if part) + "}"
