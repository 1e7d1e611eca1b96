"""Rule files (rules/NAME.yml): keys checked, includes resolved, compiled by their kind."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop_app.checks import KINDS, UNSUPPORTED_KINDS
from desktop_app.checks.base import Rule, RuleSpec
from desktop_app.checks.patterns import collect_dropped
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
        if isinstance(value, dict):
            # one level down: a mapping of lists (a phrase rule's `slots`) may include vocab files
            value = {
                k: (_include(v["include"], f"{key}.{k}", lists) if _is_include(v) else v)
                for k, v in value.items()
            }
        out[key] = value
    return out


def compile_rule(
    path: Path, rule_id: str, principles: Principles, lists: PackLists, lexicon, adjust=None
) -> Rule:
    """One rule file compiled, or FileProblem(s) naming the key(s) and line(s) at fault.
    `lexicon`: the loader of the en_GB word list the attack and hashtag kinds use.
    `adjust(data) -> data`: a Vale configuration's changes (a level, accepted words)."""
    data, lines = lists.files.read_yaml(path)
    if not isinstance(data, dict):
        raise FileProblem("", "a rule file must be a YAML mapping of keys", 1)
    if adjust is not None:
        data = adjust(dict(data))
    kind = data.get("extends")
    if kind is None:
        raise FileProblem("extends", "missing: which check kind is this rule?", lines("extends") or 1)
    cls = KINDS.get(str(kind)) if isinstance(kind, str) else None
    if cls is None and str(kind) in UNSUPPORTED_KINDS:
        raise FileProblem("extends", UNSUPPORTED_KINDS[str(kind)], lines("extends"))
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
        with collect_dropped() as dropped:
            rule = cls(spec)
    except RuleError as exc:
        raise FileProblem(exc.key, exc.message, lines(exc.key)) from None
    # Entries RE2 cannot run were dropped: each is reported, and the rest of the rule is used.
    rule.notes = [FileProblem(e.key, e.message, lines(e.key)) for e in dropped]
    return rule


def _replaces_by_name(folder: PolicyFolder, rule: Rule, earlier: Rule) -> bool:
    """Whether a later folder's rule of the same file name replaces `earlier`: when its
    pack.yml says so (`replaces: [Drafting.Jargon]`), or, in a folder without pack.yml (an
    overlay written for this app), when it is itself a party rule. A plain Vale style never
    replaces a party rule by having the same name: it is added beside it."""
    if folder.pack is not None and folder.pack.declared:
        return earlier.id in folder.pack.replaces and folder.pack.replaces[earlier.id] in (None, rule.id)
    return bool(rule.principle or rule.clause)


def load_rules(files: PolicyFiles, principles: Principles, lexicon) -> list[Rule]:
    """Every rule: our own folders' rules/ files (see _replaces_by_name for what a file of the
    same name does), then each Vale configuration's rules (ids `Style.Rule`), then each
    pack.yml's explicit `replaces`. A file that cannot be used is reported and replaces
    nothing."""
    lists = PackLists(files)
    rules: list[Rule] = []
    for name in files.names("rules", RULE_SUFFIXES):
        stem = name.split("/", 1)[1]
        in_force: list[tuple[PolicyFolder, Rule]] = []
        for folder, path, where in reversed(list(files.versions(name, RULE_SUFFIXES))):
            if any(f is folder for f, _ in in_force):
                continue  # Jargon.yml and Jargon.yaml in one folder: the first that loads
            try:
                rule = compile_rule(path, f"{folder.prefix}.{stem}", principles, lists, lexicon)
            except (FileProblem, FileProblems) as exc:
                files.report(where, exc)
                continue
            for note in rule.notes:
                files.report(where, note)
            if in_force and in_force[-1][1].clause and not rule.clause:
                files.report(
                    where,
                    FileProblem("", f"{in_force[-1][1].id} is a conduct rule: this file is added beside it"),
                )
            elif in_force and _replaces_by_name(folder, rule, in_force[-1][1]):
                replaced = in_force.pop()[1]
                if folder.pack is not None:
                    folder.pack.replaced[replaced.id] = rule.id
            in_force.append((folder, rule))
        for folder, rule in in_force:
            if (
                folder.pack is not None
                and not folder.shipped
                and rule.id not in folder.pack.replaced.values()
            ):
                folder.pack.added.append(rule.id)
        rules.extend(rule for _, rule in in_force)
    seen = {r.id for r in rules}
    for folder in files.folders:
        if folder.vale is not None:
            from desktop_app.policy.vale_rules import load_vale_rules

            for rule in load_vale_rules(folder, files, principles, lists, lexicon):
                if rule.id not in seen:
                    seen.add(rule.id)
                    rules.append(rule)
                    if folder.pack is not None:
                        folder.pack.added.append(rule.id)
    return _explicit_replacements(files, rules)


def _explicit_replacements(files: PolicyFiles, rules: list[Rule]) -> list[Rule]:
    """pack.yml's `replaces: {Drafting.Jargon: Org.PlainWords}` (or a list, naming a rule of
    the same name in the pack): the named rule leaves once its replacement has loaded. A
    conduct rule is replaced only by a conduct rule, so no pack can turn one into advice."""
    by_id = {r.id: r for r in rules}
    gone: set[str] = set()
    for folder in files.folders:
        pack = folder.pack
        if pack is None or folder.shipped:
            continue
        for old, new in pack.replaces.items():
            if old in pack.replaced or old not in by_id:
                continue
            if new is None:
                stem = old.split(".", 1)[1]
                new = next((rid for rid in pack.added if rid.split(".", 1)[-1] == stem), None)
            where = folder.display("pack.yml")
            if new is None or new not in by_id:
                files.report(
                    where, FileProblem("replaces", f"{old} stays in force: its replacement did not load")
                )
                continue
            if by_id[old].clause and not by_id[new].clause:
                files.report(
                    where,
                    FileProblem(
                        "replaces",
                        f"{old} is a conduct rule: only a conduct rule can replace it ({new} is not)",
                    ),
                )
                continue
            gone.add(old)
            pack.replaced[old] = new
            if new in pack.added:
                pack.added.remove(new)
    return [r for r in rules if r.id not in gone]
