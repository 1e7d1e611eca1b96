"""Vale's own layout: a `.vale.ini`, a StylesPath (one folder per style) or one style folder.

`find_vale(path)` says whether a policy folder (or file) is in Vale's layout rather than
ours (ours has `rules/`, `principles.yml` or `pack.yml`) and reads it:

- `.vale.ini` (or `_vale.ini`, `vale.ini`): `StylesPath`, `MinAlertLevel`, `Vocab`, and from
  each section that applies to a post (`[*]`, `[*.md]`, `[*.{md,txt}]`, ...)
  `BasedOnStyles` and `Style.Rule = NO | YES | suggestion | warning | error`.
- a StylesPath: every sub-folder holding rule files is a style.
- a style folder: its rule files (`*.yml`) are one style, named after the folder.

Vocabularies (`<StylesPath>/config/vocabularies/NAME/` or, older, `<StylesPath>/Vocab/NAME/`)
give `accept.txt` and `reject.txt`.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.policy.problems import PolicyProblem

INI_NAMES = (".vale.ini", "_vale.ini", "vale.ini")
RULE_SUFFIXES = (".yml", ".yaml")
_LEVELS = ("suggestion", "warning", "error")
_NOT_STYLES = frozenset({"config", "Vocab", "vocab", ".git"})
_OURS = ("rules", "principles.yml", "pack.yml")


@dataclass
class ValeSource:
    """What a Vale configuration puts in force."""

    root: Path  # the folder (or the ini's folder)
    name: str  # how problems and `policy show` name it
    styles: dict[str, Path] = field(default_factory=dict)  # style name -> folder, all of its rules
    single_rules: dict[str, Path] = field(default_factory=dict)  # "Style.Rule" -> file, enabled one by one
    disabled: set[str] = field(default_factory=set)  # "Style.Rule" = NO
    levels: dict[str, str] = field(default_factory=dict)  # "Style.Rule" -> level
    min_level: str = "suggestion"
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    problems: list[PolicyProblem] = field(default_factory=list)

    def rule_files(self) -> list[tuple[str, Path]]:
        """("Style.Rule", file) of every rule in force, in a stable order."""
        found: dict[str, Path] = {}
        for style, folder in sorted(self.styles.items()):
            for path in sorted(_rule_files(folder)):
                found.setdefault(f"{style}.{path.stem}", path)
        for rule_id, path in sorted(self.single_rules.items()):
            found.setdefault(rule_id, path)
        return [(rid, p) for rid, p in found.items() if rid not in self.disabled]


def _rule_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file()]
    except OSError:
        return []


def _is_style_folder(folder: Path) -> bool:
    for path in _rule_files(folder):
        try:
            head = path.read_text(encoding="utf-8-sig", errors="replace")[:4000]
        except OSError:
            continue
        if re.search(r"^extends\s*:", head, re.MULTILINE):
            return True
    return False


def is_ours(folder: Path) -> bool:
    return folder.is_dir() and any((folder / name).exists() for name in _OURS)


def find_vale(path: Path) -> ValeSource | None:
    """The Vale configuration at `path`, or None when it is not in Vale's layout."""
    if path.is_file():
        return read_ini(path) if path.suffix == ".ini" else None
    if not path.is_dir():
        return None
    for name in INI_NAMES:
        if (path / name).is_file():
            return read_ini(path / name)
    if is_ours(path):
        return None
    if _is_style_folder(path):
        return ValeSource(root=path, name=path.name, styles={path.name: path})
    styles = {}
    try:
        children = sorted(p for p in path.iterdir() if p.is_dir() and p.name not in _NOT_STYLES)
    except OSError:
        children = []
    for child in children:
        if _is_style_folder(child):
            styles[child.name] = child
    if not styles:
        return None
    source = ValeSource(root=path, name=path.name, styles=styles)
    _read_vocab(source, path, _all_vocab_names(path))
    return source


def _expand_braces(pattern: str) -> list[str]:
    m = re.search(r"\{([^{}]*)\}", pattern)
    if not m:
        return [pattern]
    return [
        out
        for option in m.group(1).split(",")
        for out in _expand_braces(pattern[: m.start()] + option + pattern[m.end() :])
    ]


def _applies_to_a_post(section: str) -> bool:
    return any(
        fnmatch.fnmatch(name, glob) for glob in _expand_braces(section) for name in ("post.md", "post.txt")
    )


def _parse_ini(text: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str]]]]:
    top: dict[str, str] = {}
    sections: list[tuple[str, dict[str, str]]] = []
    current = top
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = {}
            sections.append((line[1:-1].strip(), current))
            continue
        key, sep, value = line.partition("=")
        if sep:
            current[key.strip()] = value.split(" #", 1)[0].strip()
    return top, sections


def read_ini(path: Path) -> ValeSource:
    root = path.parent
    source = ValeSource(root=root, name=f"{root.name}/{path.name}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        source.problems.append(
            PolicyProblem(str(path), None, "", f"cannot read the Vale configuration: {exc}")
        )
        return source
    top, sections = _parse_ini(text)
    styles_path = (root / top.get("StylesPath", ".")).resolve()
    if not styles_path.is_dir():
        source.problems.append(
            PolicyProblem(source.name, None, "StylesPath", f"{top.get('StylesPath')!r} is not a folder")
        )
        return source
    level = top.get("MinAlertLevel", "suggestion").strip().lower()
    source.min_level = level if level in _LEVELS else "suggestion"
    vocab = [v.strip() for v in top.get("Vocab", "").split(",") if v.strip()]
    based_on: list[str] = []
    for name, body in sections:
        if not _applies_to_a_post(name):
            continue
        for key, value in body.items():
            if key == "BasedOnStyles":
                based_on += [s.strip() for s in value.split(",") if s.strip()]
            elif key == "Vocab":
                vocab += [v.strip() for v in value.split(",") if v.strip()]
            elif "." in key and key.count(".") == 1:
                _rule_setting(source, styles_path, key, value)
    for style in dict.fromkeys(based_on):
        folder = styles_path / style
        if style == "Vale":
            continue  # Vale's built-in rules: Vale.Terms and Vale.Avoid come from the vocabularies
        if folder.is_dir():
            source.styles[style] = folder
        else:
            source.problems.append(
                PolicyProblem(
                    source.name, None, "BasedOnStyles", f"no style folder {style!r} in {styles_path}"
                )
            )
    _read_vocab(source, styles_path, vocab)
    return source


def _rule_setting(source: ValeSource, styles_path: Path, key: str, value: str) -> None:
    setting = value.strip()
    if setting.upper() == "NO":
        source.disabled.add(key)
        return
    style, rule = key.split(".", 1)
    if setting.lower() in _LEVELS:
        source.levels[key] = setting.lower()
    if setting.upper() == "YES" or setting.lower() in _LEVELS:
        for suffix in RULE_SUFFIXES:
            path = styles_path / style / f"{rule}{suffix}"
            if path.is_file():
                source.single_rules[key] = path
                return


def _all_vocab_names(styles_path: Path) -> list[str]:
    names = []
    for base in (styles_path / "config" / "vocabularies", styles_path / "Vocab"):
        if base.is_dir():
            names += sorted(p.name for p in base.iterdir() if p.is_dir())
    return names


def _read_vocab(source: ValeSource, styles_path: Path, names: list[str]) -> None:
    for name in dict.fromkeys(names):
        for base in (styles_path / "config" / "vocabularies" / name, styles_path / "Vocab" / name):
            for file_name, target in (("accept.txt", source.accept), ("reject.txt", source.reject)):
                path = base / file_name
                if path.is_file():
                    try:
                        lines = path.read_text(encoding="utf-8-sig").splitlines()
                    except (OSError, UnicodeDecodeError) as exc:
                        source.problems.append(PolicyProblem(str(path), None, "", f"cannot read: {exc}"))
                        continue
                    target.extend(t.strip() for t in lines if t.strip() and not t.lstrip().startswith("#"))
