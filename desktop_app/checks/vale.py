"""Vale's semantics that several kinds share: scopes as parts of a post, actions as
suggestions, and sentence-case and title-case checks (errata-ai/vale, internal/check).

A post is plain text, perhaps pasted from Markdown, so Vale's markup scopes map onto it:
`heading` (and `heading.h1` ... `title`) is a Markdown heading line (`# ...`), `list` a list
item line, `sentence` and `paragraph` what they say, `text`, `raw`, `summary`,
`blockquote` the whole post. Scopes a post never has (`code`, `comment`, `alt`, `table`,
`attr`, `script`, ...) select nothing, so such a rule stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.checks.values import RuleError, shown

WHOLE = "text"
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*(?:[ \t]#+[ \t]*)?$", re.MULTILINE)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_NAMES = {
    "text": WHOLE, "raw": WHOLE, "summary": WHOLE, "blockquote": WHOLE, "markup": WHOLE,
    "paragraph": "paragraph", "sentence": "sentence", "heading": "heading", "title": "heading",
    "list": "list",
}  # fmt: skip


def scope_kinds(value) -> frozenset[str]:
    """Vale's `scope` (one name or a list) as the parts of a post it selects: a set of
    'text', 'paragraph', 'sentence', 'heading', 'list'; empty when it selects nothing a post
    has. A negated scope (`~heading`) means the whole post."""
    names = value if isinstance(value, list) else [value if value is not None else "text"]
    kinds = set()
    for name in names:
        if not isinstance(name, str):
            raise RuleError("scope", f"`scope` must be a name or a list of names, got {shown(name)}")
        name = name.strip()
        if name.startswith("~"):
            kinds.add(WHOLE)
            continue
        base = name.split(".", 1)[0]
        if base in _NAMES:
            kinds.add(_NAMES[base])
    return frozenset(kinds)


def heading_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _HEADING.finditer(text) if m.end(1) > m.start(1)]


def list_item_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _LIST_ITEM.finditer(text)]


def unit_spans(kinds: frozenset[str], text: str, sentences, paragraphs) -> list[tuple[int, int]] | None:
    """The spans of `text` a rule with these scope kinds looks at; None for the whole text."""
    if WHOLE in kinds:
        return None
    spans: set[tuple[int, int]] = set()
    if "heading" in kinds:
        spans.update(heading_spans(text))
    if "list" in kinds:
        spans.update(list_item_spans(text))
    if "sentence" in kinds:
        spans.update(_stripped(text, s.start, s.end) for s in sentences)
    if "paragraph" in kinds:
        spans.update(_stripped(text, p.start, p.end) for p in paragraphs)
    return sorted(s for s in spans if s[0] < s[1])


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --- actions: Vale's `action` as the card's suggestions -----------------------------------


def parse_action(value) -> Callable[[str], list[str]] | None:
    """Vale's `action` (`name` and `params`) as a function from the matched words to the
    replacements it offers; None when it offers none (no action, `suggest`, or a name we do
    not know). `replace` without params is the kind's own (substitution's swap)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RuleError("action", f"`action` must be a mapping with `name` and `params`, got {shown(value)}")
    name = value.get("name")
    params = value.get("params") or []
    if not isinstance(params, list):
        params = [params]
    params = [str(p) for p in params]
    if name == "remove":
        return lambda matched: [""]
    if name == "replace":
        return (lambda matched: list(params)) if params else None
    if name == "edit" and params:
        return _edit(params)
    return None


def _edit(params: list[str]) -> Callable[[str], list[str]] | None:
    op, args = params[0], params[1:]
    if op == "truncate" and args:
        return lambda m: [m.split(args[0], 1)[0]]
    if op == "trim_right" and args:
        return lambda m: [m.rstrip(args[0])]
    if op == "trim_left" and args:
        return lambda m: [m.lstrip(args[0])]
    if op == "trim" and args:
        return lambda m: [m.strip(args[0])]
    if op == "remove" and args:
        return lambda m: [m.replace(args[0], "")]
    if op == "replace" and len(args) >= 2:
        return lambda m: [m.replace(args[0], args[1])]
    if op == "split" and len(args) >= 2 and args[1].lstrip("-").isdigit():
        index = int(args[1])

        def split(m: str) -> list[str]:
            parts = m.split(args[0])
            return [parts[index]] if -len(parts) <= index < len(parts) else []

        return split
    if op == "regex" and len(args) >= 2:
        try:
            pattern = re.compile(args[0])
        except re.error:
            return None
        replacement = re.sub(r"\$(\d+)", r"\\\1", args[1])  # Go's $1 is Python's \1
        return lambda m: [pattern.sub(replacement, m)]
    return None


# --- capitalisation, as Vale checks it ---------------------------------------------------

_WORD = re.compile(r"[\w*]+\S*")


def _tokens(text: str, exceptions) -> list[str]:
    if exceptions is None:
        return _WORD.findall(text)
    out, i = [], 0
    while i < len(text):  # an exception (which may hold spaces) wins over a word at the same place
        exc = exceptions.match(text, i) if hasattr(exceptions, "match") else None
        if exc is not None and exc.end() > i:
            out.append(text[i : exc.end()])
            i = exc.end()
            continue
        word = _WORD.match(text, i)
        if word:
            out.append(word.group())
            i = word.end()
        else:
            i += 1
    return out


def _is_exception(word: str, exceptions) -> bool:
    return exceptions is not None and exceptions.search(word) is not None


def is_sentence_case(text: str, indicators: list[str], exceptions, threshold: float) -> bool:
    """Vale's `$sentence`: the first word capitalised, the others in lower case, except
    words in capitals, exceptions, and a word after an indicator (`:`); true when more than
    `threshold` of the words are right."""
    tokens = _tokens(text.rstrip("?!.:"), exceptions)
    right = 0
    for i, word in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        for mark in ("-", "'", "’"):
            if mark in word:
                word = word.split(mark, 1)[0]
                break
        if (
            word == word.upper()
            or any(prev.endswith(s) for s in indicators)
            or _is_exception(word, exceptions)
        ):
            right += 1
        elif i == 0 and word != word.lower().capitalize():
            return False
        elif i == 0 or word == word.lower():
            right += 1
    return not tokens or right / len(tokens) > threshold


# Short joining words left in lower case inside a title ("Action on the Cost of Living").
_SMALL = frozenset(
    [
        "with",
        "up",
        "so",
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "if",
        "in",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "v",
        "vs",
        "via",
    ]
)


def title_case(text: str) -> str:
    """AP-style title case, roughly: every word capitalised but short joining words."""
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def is_title_case(text: str, exceptions, threshold: float) -> bool:
    """Vale's `$title`: more than `threshold` of the words as title case writes them (words
    in capitals and exceptions count as right)."""
    tokens = _tokens(text, exceptions)
    expected = _tokens(title_case(text), exceptions)
    right = 0
    for i, word in enumerate(tokens):
        if (
            i >= len(expected)
            or word == expected[i]
            or _is_exception(word, exceptions)
            or word == word.upper()
        ):
            right += 1
    return not tokens or right / len(tokens) > threshold
