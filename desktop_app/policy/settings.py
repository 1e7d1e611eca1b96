"""The pack's other files: platforms.yml, grammar.yml and words.txt, as plain data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.platforms import Platform, PlatformDataError, parse_platforms
from desktop_app.policy.files import PolicyFiles, PolicyFolder
from desktop_app.policy.problems import FileProblem, FileProblems, shown
from desktop_app.policy.rules import read_list


def load_platforms(files: PolicyFiles) -> list[Platform]:
    def parse(folder: PolicyFolder, path: Path, where: str) -> list[Platform]:
        data, lines = files.read_yaml(path)
        try:
            return parse_platforms(data)
        except PlatformDataError as exc:
            raise FileProblem(exc.key, exc.message, lines(exc.key)) from None

    loaded = files.load("platforms.yml", parse)
    return loaded[0] if loaded else []


# grammar.yml: the type of each key's value, so the grammar lane gets clean data. Other keys
# pass through untouched (the grammar lane owns what the file means).
_TEXT, _NUMBER, _FLAG, _TEXTS, _NUMBERS, _TEXT_MAP = (
    "text",
    "number",
    "true or false",
    "texts",
    "numbers",
    "map",
)
GRAMMAR_SCHEMA: dict[str, Any] = {
    "language": _TEXT,
    "disabled_rules": _TEXTS,
    "disabled_categories": _TEXTS,
    "timeouts": {"connect": _NUMBER, "read": _NUMBER, "start_local": _NUMBER},
    "retry_delays": _NUMBERS,
    "spelling": {"prefer_ise": _FLAG, "ize_exceptions": _TEXTS, "prefer": _TEXT_MAP},
}


def _is_text(v) -> bool:
    return isinstance(v, str | int | float) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


_CHECKS = {
    _TEXT: _is_text,
    _NUMBER: _is_number,
    _FLAG: lambda v: isinstance(v, bool),
    _TEXTS: lambda v: isinstance(v, list) and all(_is_text(x) for x in v),
    _NUMBERS: lambda v: isinstance(v, list) and all(_is_number(x) for x in v),
    _TEXT_MAP: lambda v: isinstance(v, dict) and all(_is_text(k) and _is_text(x) for k, x in v.items()),
}
_DESCRIBED = {_TEXTS: "a list of words", _NUMBERS: "a list of numbers", _TEXT_MAP: "a mapping of word: word"}


def check_grammar_settings(data, lines, schema: dict = GRAMMAR_SCHEMA, prefix: str = "") -> dict:
    """grammar.yml's data, each known key's value of the right type; FileProblem otherwise."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FileProblem(
            prefix.rstrip("."), "expected a mapping of settings", lines(prefix.rstrip(".")) or 1
        )
    for key, value in data.items():
        name = f"{prefix}{key}"
        expected = schema.get(str(key))
        if expected is None or value is None:
            continue
        if isinstance(expected, dict):
            check_grammar_settings(value, lines, expected, f"{name}.")
        elif not _CHECKS[expected](value):
            raise FileProblem(
                name, f"expected {_DESCRIBED.get(expected, expected)}, got {shown(value)}", lines(name)
            )
    return data


def load_grammar_settings(files: PolicyFiles) -> dict:
    loaded = files.load(
        "grammar.yml", lambda folder, path, where: check_grammar_settings(*files.read_yaml(path))
    )
    return dict(loaded[0]) if loaded else {}


def load_words(files: PolicyFiles) -> list[str]:
    """Every folder's words.txt together, shipped first: the one exception to the overlay
    rule, because a list of words that spelling accepts only ever adds (an organisation's
    place names must not take away the shipped UK titles such as "Cllr")."""
    words: dict[str, None] = {}  # in order, each once
    for _folder, path, where in reversed(list(files.versions("words.txt"))):
        try:
            words.update(dict.fromkeys(read_list(path)))
        except (FileProblem, FileProblems) as exc:
            files.report(where, exc)
    return list(words)


# contact.yml: the organisation's public contact, which a fix for private details offers
# in their place ("email the branch at ..."). Preferences may set the same keys per user.
CONTACT_KEYS = ("email", "phone", "address", "name")


def check_contact(data, lines) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FileProblem("", "expected a mapping: email, phone, address, name", 1)
    out = {}
    for key, value in data.items():
        name = str(key)
        if name not in CONTACT_KEYS:
            raise FileProblem(name, f"unknown key `{name}` (use {', '.join(CONTACT_KEYS)})", lines(name))
        if value is None:
            continue
        if not _is_text(value):
            raise FileProblem(name, f"expected text, got {shown(value)}", lines(name))
        text = " ".join(str(value).split())
        if text:
            out[name] = text
    return out


def load_contact(files: PolicyFiles) -> dict[str, str]:
    loaded = files.load("contact.yml", lambda folder, path, where: check_contact(*files.read_yaml(path)))
    return dict(loaded[0]) if loaded else {}
