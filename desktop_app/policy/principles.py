"""principles.yml: the ten principles, the conduct clauses and the pack's settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.findings import PRINCIPLE_IDS
from desktop_app.policy.files import PolicyFiles, PolicyFolder
from desktop_app.policy.problems import FileProblem, shown
from desktop_app.policy.yaml_data import Lines

DEFAULT_TARGET_AGE = 9.0
DEFAULT_CONDUCT_TITLE = "Conduct policy"


@dataclass(frozen=True)
class Principle:
    id: str
    title: str
    text: str
    advisory: bool = False
    advisory_note: str = ""
    source: str = ""  # in the organisation's own words


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    text: str
    principle: str | None = None  # the principle it also upholds (a personal attack breaks P6 too)
    source: str = ""  # in the organisation's own words


@dataclass
class Principles:
    principles: dict[str, Principle] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)
    conduct_title: str = DEFAULT_CONDUCT_TITLE
    conduct_source: str = ""  # the conduct policy's preamble in the organisation's own words
    target_reading_age: float = DEFAULT_TARGET_AGE
    notes: list[FileProblem] = field(default_factory=list)  # reported, but the file is still used


def _text(body: dict, key: str, where: str, lines: Lines, default: str = "") -> str:
    value = body.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FileProblem(where, f"`{key}` must be text, got {shown(value)}", lines(where))
    return str(value)


def parse_principles(data, lines: Lines) -> Principles:
    """Principles from a principles.yml's data. A wrong-typed value is FileProblem (the file
    cannot be used); a missing title or an unknown principle is a note (the rest is used)."""
    if not isinstance(data, dict):
        raise FileProblem("", "expected 'principles:' and 'conduct:' sections", 1)
    out = Principles()
    section = data.get("principles") or {}
    if not isinstance(section, dict):
        raise FileProblem("principles", "expected a mapping of P1..P10", lines("principles"))
    for pid, body in section.items():
        where = f"principles.{pid}"
        if not isinstance(body, dict) or "title" not in body:
            out.notes.append(FileProblem(str(pid), "needs a title", lines(where)))
            continue
        advisory = body.get("advisory", False)
        if not isinstance(advisory, bool):
            raise FileProblem(f"{where}.advisory", f"use true or false, not {shown(advisory)}", lines(where))
        out.principles[str(pid)] = Principle(
            id=str(pid),
            title=_text(body, "title", where, lines),
            text=_text(body, "text", where, lines),
            advisory=advisory,
            advisory_note=_text(body, "advisory_note", where, lines),
            source=_text(body, "source", where, lines),
        )
    conduct = data.get("conduct") or {}
    if not isinstance(conduct, dict):
        raise FileProblem("conduct", "expected 'title:' and 'clauses:'", lines("conduct"))
    out.conduct_title = _text(conduct, "title", "conduct", lines) or DEFAULT_CONDUCT_TITLE
    out.conduct_source = " ".join(_text(conduct, "source", "conduct", lines).split())
    clauses = conduct.get("clauses") or {}
    if not isinstance(clauses, dict):
        raise FileProblem(
            "conduct.clauses", "expected a mapping of clauses (C-...)", lines("conduct.clauses")
        )
    for cid, body in clauses.items():
        where = f"conduct.clauses.{cid}"
        if not isinstance(body, dict) or "title" not in body:
            out.notes.append(FileProblem(str(cid), "needs a title", lines("conduct.clauses")))
            continue
        principle = body.get("principle")
        if principle is not None and str(principle) not in out.principles:
            out.notes.append(
                FileProblem(f"{cid}.principle", "unknown principle", lines(f"{where}.principle"))
            )
            principle = None
        out.clauses[str(cid)] = Clause(
            id=str(cid),
            title=_text(body, "title", where, lines),
            text=_text(body, "text", where, lines),
            principle=str(principle) if principle is not None else None,
            source=_text(body, "source", where, lines),
        )
    settings = data.get("settings") or {}
    if isinstance(settings, dict) and "target_reading_age" in settings:
        age = settings["target_reading_age"]
        if isinstance(age, bool) or not isinstance(age, int | float):
            out.notes.append(
                FileProblem("target_reading_age", "not a number", lines("settings.target_reading_age"))
            )
        else:
            out.target_reading_age = float(age)
    missing = [p for p in PRINCIPLE_IDS if p not in out.principles]
    if missing:
        out.notes.append(FileProblem("principles", f"missing {', '.join(missing)}"))
    return out


def load_principles(files: PolicyFiles) -> Principles:
    """principles.yml by the overlay rule. A replacement must define all ten principles and
    keep every conduct clause of the shipped pack (it may reword them and add more): the
    conduct rules name those clauses, and a replacement must never switch one off."""

    def parse(folder: PolicyFolder, path: Path, where: str) -> Principles:
        found = parse_principles(*files.read_yaml(path))
        if not folder.shipped:
            missing = [p for p in PRINCIPLE_IDS if p not in found.principles]
            if missing:
                raise FileProblem(
                    "principles",
                    f"a replacement must define all ten principles; missing {', '.join(missing)}",
                )
            shipped = _shipped_clause_ids(files)
            dropped = sorted(shipped - set(found.clauses))
            if dropped:
                raise FileProblem(
                    "conduct.clauses",
                    f"a replacement must keep every conduct clause; missing {', '.join(dropped)}",
                )
        for note in found.notes:
            files.report(where, note)
        return found

    loaded = files.load("principles.yml", parse)
    if loaded is None:
        if not any(True for _ in files.versions("principles.yml")):
            files.report(
                "principles.yml", FileProblem("", "missing: no principles or conduct clauses are defined")
            )
        return Principles()
    return loaded[0]


def _shipped_clause_ids(files: PolicyFiles) -> set[str]:
    shipped = files.shipped
    if shipped is None:
        return set()
    try:
        return set(parse_principles(*files.read_yaml(shipped.path / "principles.yml")).clauses)
    except FileProblem:
        return set()
