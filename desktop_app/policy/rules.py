"""Rule files (rules/NAME.yml): keys checked, includes resolved, compiled by their kind."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop_app.checks import KINDS
from desktop_app.checks.base import Rule, RuleSpec
from desktop_app.checks.values import RuleError
from desktop_app.policy.files import PolicyFiles, PolicyFolder, read_text, safe_name
from desktop_app.policy.principles import Principles
from desktop_app.policy.problems import FileProblem, FileProblems, shown

RULE_SUFFIXES = (".yml", ".yaml")
# Keys whose value may be `{include: vocab/NAME.yml}` are any list- or mapping-valued key;
# these are the ones that are not (so an `include` there is a mistake worth reporting).
_SCALAR_KEYS = frozenset(
    {"extends", "message", "level", "ignorecase", "scope", "link", "principle", "clause", "category", "why",
     "nonword", "max", "match", "first", "second", "token"}
)  # fmt: skip


class PackLists:
    """Word lists and plain list files for the rules, read through the overlay rule (the
    checks' PackFiles). Each file is read once per pack, however many rules include it."""

    def __init__(self, files: PolicyFiles):
        self.files = files
        self._vocab: dict[str, Any] = {}
        self._lists: dict[str, list[str]] = {}

    def vocab(self, name: str, key: str):
        """A vocab file's data (a list or a mapping), or RuleError naming `key`."""
        if not isinstance(name, str):
            raise RuleError(key, f"include expects a file name such as vocab/NAME.yml, got {shown(name)}")
        if not safe_name(name):
            raise RuleError(key, f"include {shown(name)}: name a file inside the policy folders (no '..')")
        if name not in self._vocab:
            self._vocab[name] = self._load_vocab(name, key)
        data = self._vocab[name]
        return list(data) if isinstance(data, list) else dict(data)

    def _load_vocab(self, name: str, key: str):
        versions = list(self.files.versions(name))
        if not versions:
            raise RuleError(key, f"include {shown(name)}: no such file in the policy folders")

        def parse(folder: PolicyFolder, path: Path, where: str):
            data = self.files.read_yaml(path)[0]
            if isinstance(data, dict) and data and all(isinstance(v, list) for v in data.values()):
                data = [item for group in data.values() for item in group]  # grouped word list
            if not isinstance(data, list | dict):
                raise FileProblem("", "a word list must be a YAML list or a mapping", 1)
            return data

        if len(versions) == 1:  # nothing to fall back on: the rule that includes it reports it
            folder, path, where = versions[0]
            try:
                return parse(folder, path, where)
            except FileProblem as exc:
                at = f" (line {exc.line} of {name})" if exc.line else ""
                raise RuleError(key, f"include {shown(name)}: {exc.message}{at}") from None
        loaded = self.files.load(name, parse)
        if loaded is None:
            raise RuleError(key, f"include {shown(name)}: no usable version in the policy folders")
        return loaded[0]

    def data_file(self, name: str, key: str, load):
        if not safe_name(name):
            raise RuleError(
                key, f"{shown(name)}: name a file inside the policy folders (no '..', no full path)"
            )

        def parse(folder: PolicyFolder, path: Path, where: str):
            try:
                return load(path)
            except ValueError as exc:
                raise FileProblem("", str(exc)) from None

        versions = list(self.files.versions(name))
        if len(versions) == 1:  # nothing to fall back on: one line, on the rule that names it
            try:
                return parse(*versions[0])
            except FileProblem as exc:
                raise RuleError(key, f"{name}: {exc.message}") from None
        loaded = self.files.load(name, parse)
        if loaded is None:
            raise RuleError(
                key, f"{shown(name)}: not found (no usable file of that name in the policy folders)"
            )
        return loaded[0]

    def word_list(self, name: str, key: str) -> list[str]:
        """A plain list file: one entry a line, `#` starts a comment. [] when no folder has it."""
        if not safe_name(name):
            raise RuleError(
                key, f"{shown(name)}: name a file inside the policy folders (no '..', no full path)"
            )
        if name not in self._lists:
            loaded = self.files.load(name, lambda folder, path, where: read_list(path))
            self._lists[name] = loaded[0] if loaded else []
        return list(self._lists[name])


def read_list(path: Path) -> list[str]:
    """One entry a line; `#` starts a comment; blank lines are skipped."""
    entries = []
    for line in read_text(path).splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def _is_include(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"include"}


def _include(ref: Any, key: str, lists: PackLists):
    merged: list | dict | None = None
    for name in ref if isinstance(ref, list) else [ref]:
        data = lists.vocab(name, key)
        if merged is None:
            merged = data
        elif isinstance(merged, list) and isinstance(data, list):
            merged = merged + data
        elif isinstance(merged, dict) and isinstance(data, dict):
            merged = {**merged, **data}
        else:
            raise RuleError(key, "included files mix lists and mappings")
    return merged


def resolve_includes(data: Mapping, lists: PackLists) -> dict:
    out = {}
    for key, value in data.items():
        key = str(key)
        if _is_include(value):
            if key in _SCALAR_KEYS:
                raise RuleError(key, "include works only for list or mapping keys")
            value = _include(value["include"], key, lists)
        elif isinstance(value, list) and any(_is_include(v) for v in value):
            spliced: list = []
            for v in value:
                if _is_include(v):
                    more = _include(v["include"], key, lists)
                    spliced.extend(more if isinstance(more, list) else list(more))
                else:
                    spliced.append(v)
            value = spliced
        elif isinstance(value, dict) and "include" in value and len(value) > 1:
            extra = _include(value["include"], key, lists)
            rest = {k: v for k, v in value.items() if k != "include"}
            if not isinstance(extra, dict):
                raise RuleError(key, "include in a mapping must name a mapping file")
            value = {**extra, **rest}
        out[key] = value
    return out


def compile_rule(path: Path, rule_id: str, principles: Principles, lists: PackLists, lexicon) -> Rule:
    """One rule file compiled, or FileProblem(s) naming the key(s) and line(s) at fault.
    `lexicon`: the loader of the en_GB word list the attack and hashtag kinds use."""
    data, lines = lists.files.read_yaml(path)
    if not isinstance(data, dict):
        raise FileProblem("", "a rule file must be a YAML mapping of keys", 1)
    kind = data.get("extends")
    if kind is None:
        raise FileProblem("extends", "missing: which check kind is this rule?", lines("extends") or 1)
    cls = KINDS.get(str(kind)) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(KINDS))
        raise FileProblem(
            "extends", f"unknown check kind {shown(kind, 40)} (known: {known})", lines("extends")
        )
    unknown = cls.unknown_keys(data)
    if unknown:
        raise FileProblems([FileProblem(key, message, lines(key)) for key, message in unknown])
    try:
        spec = RuleSpec(
            id=rule_id,
            path=path,
            data=resolve_includes(data, lists),
            principles=frozenset(principles.principles),
            clauses=frozenset(principles.clauses),
            clause_principles={c.id: c.principle for c in principles.clauses.values() if c.principle},
            files=lists,
            lexicon=lexicon,
        )
        return cls(spec)
    except RuleError as exc:
        raise FileProblem(exc.key, exc.message, lines(exc.key)) from None


def load_rules(files: PolicyFiles, principles: Principles, lexicon) -> list[Rule]:
    """Every rule by the overlay rule: for each name, the latest folder's file that compiles.
    Its id is `<folder prefix>.<name>`: Drafting.Jargon, or org.Jargon when org replaces it."""
    lists = PackLists(files)
    rules = []
    for name in files.names("rules", RULE_SUFFIXES):
        stem = name.split("/", 1)[1]

        def parse(folder: PolicyFolder, path: Path, where: str, stem=stem) -> Rule:
            return compile_rule(path, f"{folder.prefix}.{stem}", principles, lists, lexicon)

        loaded = files.load(name, parse, RULE_SUFFIXES)
        if loaded is not None:
            rules.append(loaded[0])
    return rules
