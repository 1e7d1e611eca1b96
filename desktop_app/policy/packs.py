"""pack.yml: a policy folder's name, version and what it replaces.

    name: Northshire Labour comms        # required
    version: "2.1"                       # required (text: "2.10" is not 2.1)
    owner: Comms team, Northshire CLP
    date: 2026-11-30
    description: Our words and the county's place names.
    replaces: [Drafting.Jargon]          # shipped rules this pack's rule of the same name replaces
    # or, naming the replacement:  replaces: {Drafting.Jargon: Northshire.PlainWords}
    vale: styles/.vale.ini               # optional: Vale styles inside the pack (a .vale.ini,
                                         # a StylesPath or one style folder)
    files: [rules/Jargon.yml, words.txt] # a pack published as a folder at a URL lists its files

A folder without pack.yml is still loaded (its name is the folder's name, no version).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.policy.files import read_text, safe_name
from desktop_app.policy.problems import FileProblem, FileProblems, shown

PACK_FILE = "pack.yml"
_KEYS = ("name", "version", "owner", "date", "description", "replaces", "vale", "url", "files")


@dataclass
class PackInfo:
    """One pack in force: who made it, which version, and (after loading) what it did."""

    name: str
    version: str = ""
    owner: str = ""
    date: str = ""
    description: str = ""
    replaces: dict[str, str | None] = field(
        default_factory=dict
    )  # shipped id -> replacement id (None: same name)
    vale: str = ""  # a Vale config inside the pack, relative to its folder
    url: str = ""  # where the organisation publishes it (informational)
    path: Path | None = None
    kind: str = "organisation"  # "shipped", "organisation" or "vale"
    declared: bool = False  # it has a pack.yml (which alone can say what it replaces)
    added: list[str] = field(default_factory=list)  # rule ids it added
    replaced: dict[str, str] = field(default_factory=dict)  # rule id it replaced -> its rule id

    @property
    def label(self) -> str:
        """ "Northshire Labour comms 2.1" (or the name alone without a version)."""
        return f"{self.name} {self.version}".strip()

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "version": self.version,
            "owner": self.owner,
            "date": self.date,
            "kind": self.kind,
            "path": str(self.path) if self.path else None,
            "adds": list(self.added),
            "replaces": dict(self.replaced),
        }


def _text(data: dict, key: str, lines, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise FileProblem(key, f"missing: a pack needs a `{key}`", 1)
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FileProblem(key, f"`{key}` must be text, got {shown(value)}", lines(key))
    return str(value)


def _replaces(value, lines) -> dict[str, str | None]:
    if value is None:
        return {}
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        out: dict[str, str | None] = {}
        for item in value:
            if not isinstance(item, str) or "." not in item:
                raise FileProblem(
                    "replaces",
                    f"name a rule as Style.Rule (Drafting.Jargon), got {shown(item)}",
                    lines("replaces"),
                )
            out[item] = None
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str) or not isinstance(v, str) or "." not in k or "." not in v:
                raise FileProblem("replaces", "use `Drafting.Jargon: Style.Rule` pairs", lines("replaces"))
        return dict(value)
    raise FileProblem(
        "replaces", "a list of rule ids, or a mapping of rule id: replacing rule id", lines("replaces")
    )


def read_pack_file(folder: Path, cache=None) -> PackInfo | None:
    """The folder's pack.yml, None when it has none; FileProblem(s) when it cannot be used."""
    from desktop_app.policy.yaml_data import parse_yaml, read_yaml

    path = folder / PACK_FILE
    if not path.exists() and not path.is_symlink():
        return None
    data, lines = read_yaml(path, cache) if cache is not None else parse_yaml(read_text(path))
    if not isinstance(data, dict):
        raise FileProblem("", "pack.yml must be a mapping (name:, version:, ...)", 1)
    unknown = [str(k) for k in data if str(k) not in _KEYS]
    if unknown:
        raise FileProblems(
            [
                FileProblem(k, f"unknown key `{k}` in pack.yml (known: {', '.join(_KEYS)})", lines(k))
                for k in unknown
            ]
        )
    vale = _text(data, "vale", lines)
    if vale and not safe_name(vale):
        raise FileProblem(
            "vale", "name a file or folder inside the pack (no '..', no full path)", lines("vale")
        )
    return PackInfo(
        name=_text(data, "name", lines, required=True),
        version=_text(data, "version", lines, required=True),
        owner=_text(data, "owner", lines),
        date=_text(data, "date", lines),
        description=_text(data, "description", lines),
        replaces=_replaces(data.get("replaces"), lines),
        vale=vale,
        url=_text(data, "url", lines),
        path=folder,
        declared=True,
    )
