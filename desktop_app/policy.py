"""Load and validate the policy pack: principles, conduct clauses and rules.

Order: the shipped pack (desktop_app.locate.policy_dir()), the organisation's overlay in the
user's config folder, then any `--policy DIR`. A rule file with the same name (stem) as an
earlier one replaces it; vocab files are looked up in the latest folder first, so an overlay
can also replace a word list. A broken file gives ONE PolicyProblem (file, line, key) and
the rest of the pack still loads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from desktop_app.checks import KINDS
from desktop_app.checks.base import Rule, RuleError, RuleSpec
from desktop_app.core.findings import CONDUCT_KEY, PRINCIPLE_IDS

SHIPPED_PREFIX = "Drafting"
DEFAULT_TARGET_AGE = 9.0
# Keys whose value may be `{include: vocab/NAME.yml}` are any list- or mapping-valued key;
# these are the ones that are not (so an `include` there is a mistake worth reporting).
_SCALAR_KEYS = frozenset(
    {
        "extends",
        "message",
        "level",
        "ignorecase",
        "scope",
        "link",
        "principle",
        "clause",
        "category",
        "why",
        "nonword",
        "max",
        "match",
        "first",
        "second",
        "token",
    }
)


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


@dataclass(frozen=True)
class PolicyProblem:
    path: str  # relative to its policy folder where possible: "rules/Foo.yml"
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


@dataclass
class PolicyPack:
    principles: dict[str, Principle] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    problems: list[PolicyProblem] = field(default_factory=list)
    target_reading_age: float = DEFAULT_TARGET_AGE
    platforms: list = field(default_factory=list)  # core.platforms.Platform
    folders: list[Path] = field(default_factory=list)
    conduct_title: str = "Conduct policy"
    conduct_source: str = ""  # the conduct policy's preamble in the organisation's words

    def titles(self) -> dict[str, str]:
        """'P1'..'P10' and 'conduct' -> short title (for findings.principle_statuses)."""
        out = {pid: p.title for pid, p in self.principles.items()}
        out[CONDUCT_KEY] = self.conduct_title
        return out

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


# --- YAML with line numbers ------------------------------------------------------------------


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10x faster


class _Loader(_Base):
    """YAML 1.2 booleans: only true/false. Word lists hold 'no', 'on', 'off', 'yes' as words
    (YAML 1.1 would turn `- NO` into False)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _compose(text: str):
    return yaml.compose(text, Loader=_Loader)


_CONSTRUCTOR = yaml.SafeLoader("")


def _plain(node) -> Any:
    """A composed node as plain Python (safe types only)."""
    if node is None:
        return None
    return _CONSTRUCTOR.construct_document(node)


def _key_lines(node, prefix: str = "", depth: int = 0, out: dict[str, int] | None = None) -> dict[str, int]:
    """'swap.leverage' -> 1-based line, for the top two levels of a mapping."""
    out = {} if out is None else out
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = f"{prefix}{k.value}" if isinstance(k, yaml.ScalarNode) else prefix
            out[name] = k.start_mark.line + 1
            if depth < 1:
                _key_lines(v, f"{name}.", depth + 1, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[f"{prefix[:-1]}[{i}]"] = item.start_mark.line + 1
    return out


def _line_for(lines: dict[str, int], key: str) -> int | None:
    while key:
        if key in lines:
            return lines[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return None


class _FileProblem(Exception):
    def __init__(self, key: str, message: str, line: int | None = None):
        super().__init__(message)
        self.key, self.message, self.line = key, message, line


def _read_yaml(path: Path):
    """(plain data, key -> line) or _FileProblem with the YAML error's line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _FileProblem("", f"cannot read the file: {exc}") from None
    try:
        node = _compose(text)
        data = _plain(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _FileProblem("", f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    return data, _key_lines(node)


# --- includes -----------------------------------------------------------------------------


def _find_include(name: str, folders: Sequence[Path]) -> Path | None:
    rel = Path(name)
    if rel.is_absolute() or ".." in rel.parts:
        return None
    for folder in reversed(folders):  # latest folder first: an overlay can replace a word list
        candidate = folder / rel
        if candidate.is_file():
            return candidate
    return None


_VOCAB_CACHE: dict[tuple[Path, float, int], Any] = {}


def _read_vocab(path: Path):
    """A word list, cached by path and modification time (many rules share one list)."""
    st = path.stat()
    key = (path, st.st_mtime, st.st_size)
    if key not in _VOCAB_CACHE:
        _VOCAB_CACHE[key] = _read_yaml(path)[0]
    data = _VOCAB_CACHE[key]
    return list(data) if isinstance(data, list) else dict(data) if isinstance(data, dict) else data


def _load_include(ref: Any, key: str, folders: Sequence[Path]):
    names = ref if isinstance(ref, list) else [ref]
    merged: list | dict | None = None
    for name in names:
        if not isinstance(name, str):
            raise RuleError(key, f"include expects a file name such as vocab/NAME.yml, got {name!r}")
        path = _find_include(name, folders)
        if path is None:
            raise RuleError(key, f"include {name!r}: no such file in the policy folders")
        try:
            data = _read_vocab(path)
        except _FileProblem as exc:
            where = f" (line {exc.line} of {name})" if exc.line else ""
            raise RuleError(key, f"include {name!r}: {exc.message}{where}") from None
        if isinstance(data, dict) and data and all(isinstance(v, list) for v in data.values()):
            data = [item for group in data.values() for item in group]  # grouped word list
        if not isinstance(data, list | dict):
            raise RuleError(key, f"include {name!r}: expected a list or a mapping")
        if merged is None:
            merged = data
        elif isinstance(merged, list) and isinstance(data, list):
            merged = merged + data
        elif isinstance(merged, dict) and isinstance(data, dict):
            merged = {**merged, **data}
        else:
            raise RuleError(key, "included files mix lists and mappings")
    return merged


def _is_include(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"include"}


def _resolve_includes(data: dict, folders: Sequence[Path]) -> dict:
    out = {}
    for key, value in data.items():
        key = str(key)
        if _is_include(value):
            if key in _SCALAR_KEYS:
                raise RuleError(key, "include works only for list or mapping keys")
            value = _load_include(value["include"], key, folders)
        elif isinstance(value, list) and any(_is_include(v) for v in value):
            spliced: list = []
            for v in value:
                if _is_include(v):
                    more = _load_include(v["include"], key, folders)
                    spliced.extend(more if isinstance(more, list) else list(more))
                else:
                    spliced.append(v)
            value = spliced
        elif isinstance(value, dict) and "include" in value and len(value) > 1:
            extra = _load_include(value["include"], key, folders)
            rest = {k: v for k, v in value.items() if k != "include"}
            if not isinstance(extra, dict):
                raise RuleError(key, "include in a mapping must name a mapping file")
            value = {**extra, **rest}
        out[key] = value
    return out


# --- principles ---------------------------------------------------------------------------


def _load_principles(folder: Path, pack: PolicyPack) -> None:
    path = folder / "principles.yml"
    rel = "principles.yml"
    try:
        data, lines = _read_yaml(path)
    except _FileProblem as exc:
        pack.problems.append(PolicyProblem(rel, exc.line, exc.key, exc.message))
        return
    if not isinstance(data, dict):
        pack.problems.append(PolicyProblem(rel, 1, "", "expected 'principles:' and 'conduct:' sections"))
        return
    for pid, body in (data.get("principles") or {}).items():
        if not isinstance(body, dict) or "title" not in body:
            pack.problems.append(
                PolicyProblem(rel, _line_for(lines, f"principles.{pid}"), str(pid), "needs a title")
            )
            continue
        pack.principles[str(pid)] = Principle(
            id=str(pid),
            title=str(body["title"]),
            text=str(body.get("text") or ""),
            advisory=bool(body.get("advisory", False)),
            advisory_note=str(body.get("advisory_note") or ""),
            source=str(body.get("source") or ""),
        )
    conduct = data.get("conduct") or {}
    if isinstance(conduct, dict):
        pack.conduct_title = str(conduct.get("title") or pack.conduct_title)
        pack.conduct_source = " ".join(str(conduct.get("source") or "").split())
        for cid, body in (conduct.get("clauses") or {}).items():
            if not isinstance(body, dict) or "title" not in body:
                pack.problems.append(
                    PolicyProblem(rel, _line_for(lines, "conduct.clauses"), str(cid), "needs a title")
                )
                continue
            principle = body.get("principle")
            if principle is not None and str(principle) not in pack.principles:
                pack.problems.append(
                    PolicyProblem(
                        rel,
                        _line_for(lines, f"conduct.clauses.{cid}.principle"),
                        f"{cid}.principle",
                        "unknown principle",
                    )
                )
                principle = None
            pack.clauses[str(cid)] = Clause(
                id=str(cid),
                title=str(body["title"]),
                text=str(body.get("text") or ""),
                principle=str(principle) if principle is not None else None,
                source=str(body.get("source") or ""),
            )
    settings = data.get("settings") or {}
    if isinstance(settings, dict) and "target_reading_age" in settings:
        try:
            pack.target_reading_age = float(settings["target_reading_age"])
        except (TypeError, ValueError):
            pack.problems.append(
                PolicyProblem(
                    rel, _line_for(lines, "settings.target_reading_age"), "target_reading_age", "not a number"
                )
            )
    missing = [p for p in PRINCIPLE_IDS if p not in pack.principles]
    if missing:
        pack.problems.append(PolicyProblem(rel, None, "principles", f"missing {', '.join(missing)}"))


# --- rules --------------------------------------------------------------------------------


def compile_rule(path: Path, rule_id: str, pack: PolicyPack, display: str | None = None) -> Rule | None:
    """Compile one rule file; on failure record one problem and return None."""
    display = display or path.name
    try:
        data, lines = _read_yaml(path)
    except _FileProblem as exc:
        pack.problems.append(PolicyProblem(display, exc.line, exc.key, exc.message))
        return None
    if not isinstance(data, dict):
        pack.problems.append(PolicyProblem(display, 1, "", "a rule file must be a YAML mapping of keys"))
        return None
    kind = data.get("extends")
    try:
        if kind is None:
            raise RuleError("extends", "missing: which check kind is this rule?")
        cls = KINDS.get(str(kind))
        if cls is None:
            raise RuleError("extends", f"unknown check kind {kind!r} (known: {', '.join(sorted(KINDS))})")
        data = _resolve_includes(data, pack.folders)
        spec = RuleSpec(
            id=rule_id,
            path=path,
            data=data,
            principles=frozenset(pack.principles),
            clauses=frozenset(pack.clauses),
            clause_principles={c.id: c.principle for c in pack.clauses.values() if c.principle},
            folders=tuple(pack.folders),
        )
        return cls(spec)
    except RuleError as exc:
        pack.problems.append(PolicyProblem(display, _line_for(lines, exc.key), exc.key, exc.message))
        return None


def _folder_prefix(folder: Path, shipped: Path | None) -> str:
    return SHIPPED_PREFIX if shipped is not None and folder == shipped else folder.name


def _load_platforms(pack: PolicyPack) -> None:
    for folder in reversed(pack.folders):
        path = folder / "platforms.yml"
        if path.is_file():
            try:
                from desktop_app.core.platforms import load_platforms

                pack.platforms = list(load_platforms(path))
            except Exception as exc:  # a broken overlay file must not stop the app
                pack.problems.append(PolicyProblem("platforms.yml", None, "", f"cannot load: {exc}"))
            return


def load_policy(extra_dirs: Sequence[Path] = (), include_user_overlay: bool = True) -> PolicyPack:
    from desktop_app.locate import policy_dir

    shipped = policy_dir()
    folders = [shipped]
    if include_user_overlay:
        from desktop_app.storage.paths import overlay_policy_dir

        overlay = overlay_policy_dir()
        if overlay.is_dir():
            folders.append(overlay)
    pack = PolicyPack()
    for extra in extra_dirs:
        extra = Path(extra)
        if extra.is_dir():
            folders.append(extra)
        else:
            pack.problems.append(PolicyProblem(str(extra), None, "", "policy folder not found"))
    pack.folders = folders
    _load_principles(shipped, pack)

    chosen: dict[str, tuple[Path, Path]] = {}  # rule stem -> (file, folder); later folders replace
    for folder in folders:
        rules_dir = folder / "rules"
        if not rules_dir.is_dir():
            continue
        for path in sorted(rules_dir.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.is_file():
                chosen[path.stem] = (path, folder)
    for stem, (path, folder) in sorted(chosen.items()):
        prefix = _folder_prefix(folder, shipped)
        display = f"rules/{path.name}" if folder == shipped else f"{folder.name}/rules/{path.name}"
        rule = compile_rule(path, f"{prefix}.{stem}", pack, display)
        if rule is not None:
            pack.rules.append(rule)
    _load_platforms(pack)
    return pack
