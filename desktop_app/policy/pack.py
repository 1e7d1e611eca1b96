"""PolicyPack: every policy file, loaded by the one overlay rule (files.py, policy/README.md)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.checks import patterns as checks_patterns
from desktop_app.checks.base import Rule
from desktop_app.checks.lexicon import NO_LEXICON, Lexicon, dictionary_stems
from desktop_app.core.findings import CONDUCT_KEY
from desktop_app.policy.cache import FileCache, TextSetCache
from desktop_app.policy.files import SHIPPED_PREFIX, PolicyFiles, PolicyFolder
from desktop_app.policy.packs import PackInfo, read_pack_file
from desktop_app.policy.principles import (
    DEFAULT_CONDUCT_TITLE,
    DEFAULT_TARGET_AGE,
    Clause,
    Principle,
    load_principles,
)
from desktop_app.policy.problems import PolicyProblem
from desktop_app.policy.rules import load_rules
from desktop_app.policy.settings import load_contact, load_grammar_settings, load_platforms, load_words


@dataclass
class PolicyPack:
    principles: dict[str, Principle] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    problems: list[PolicyProblem] = field(default_factory=list)
    target_reading_age: float = DEFAULT_TARGET_AGE
    platforms: list = field(default_factory=list)  # core.platforms.Platform
    folders: list[PolicyFolder] = field(default_factory=list)  # shipped first, then overlays
    conduct_title: str = DEFAULT_CONDUCT_TITLE
    conduct_source: str = ""  # the conduct policy's preamble in the organisation's own words
    grammar_settings: dict = field(default_factory=dict)  # grammar.yml, for the grammar lane
    words: list[str] = field(default_factory=list)  # words.txt: the organisation's words for spelling
    packs: list[PackInfo] = field(default_factory=list)  # shipped first, then each overlay and --policy
    contact: dict[str, str] = field(default_factory=dict)  # contact.yml: the public contact fixes offer

    @property
    def pack(self) -> PackInfo | None:
        """The pack that checked the post: the last one loaded with a pack.yml (an
        organisation's when it has one, else the shipped pack)."""
        named = [p for p in self.packs if p.declared or p.kind == "shipped"]
        return named[-1] if named else None

    @property
    def name(self) -> str:
        return self.pack.name if self.pack else ""

    @property
    def version(self) -> str:
        return self.pack.version if self.pack else ""

    @property
    def label(self) -> str:
        """ "Northshire Labour comms 2.1" for the status bar, the JSON and the sign-off sheet."""
        return self.pack.label if self.pack else ""

    def conduct_rules(self) -> list[tuple[Rule, PackInfo | None]]:
        """Each conduct rule in force and the pack it comes from (the sign-off sheet says
        that only a pack can change one: no writer's setting switches it off)."""
        out = []
        for rule in self.rules:
            if rule.clause:
                origin = next(
                    (p for p in reversed(self.packs) if rule.id in p.added or rule.id in p.replaced.values()),
                    None,
                )
                out.append((rule, origin or (self.packs[0] if self.packs else None)))
        return out

    def conduct_statement(self) -> str:
        """One sentence for the sign-off sheet about who can change the conduct rules."""
        packs = sorted({p.label for _, p in self.conduct_rules() if p is not None})
        source = ", ".join(packs) if packs else "the shipped pack"
        return (
            f"The conduct rules come from {source}. A writer cannot switch them off: "
            "only a new version of a policy pack can change them."
        )

    def titles(self) -> dict[str, str]:
        """'P1'..'P10' and 'conduct' -> short title (for findings.principle_statuses)."""
        out = {pid: p.title for pid, p in self.principles.items()}
        out[CONDUCT_KEY] = self.conduct_title
        return out

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def policy_folders(
    extra_dirs: Sequence[Path] = (), include_user_overlay: bool = True
) -> tuple[list[PolicyFolder], list[PolicyProblem]]:
    """The folders in force, in order (shipped, the user's overlay, each extra folder), and
    a problem for each extra folder that does not exist."""
    from desktop_app import locate

    problems: list[PolicyProblem] = []
    folders = [_folder(locate.policy_dir(), problems, shipped=True)]
    if include_user_overlay:
        from desktop_app.storage.paths import fetched_pack_dir, overlay_policy_dir

        for overlay in (fetched_pack_dir(), overlay_policy_dir()):  # a fetched pack, then local overrides
            if overlay.is_dir():
                folders.append(_folder(overlay, problems))
    for extra in map(Path, extra_dirs):
        if extra.is_dir() or (extra.is_file() and extra.suffix == ".ini"):
            folders.append(_folder(extra, problems))
        else:
            problems.append(PolicyProblem(str(extra), None, "", "policy folder not found"))
    return folders, problems


_POLICY_NAMES = ("rules", "vocab", "principles.yml", "platforms.yml", "grammar.yml", "words.txt",
                 "do-not-amplify.txt", "models")  # fmt: skip


def _has_policy_files(folder: Path) -> bool:
    return any((folder / name).exists() for name in _POLICY_NAMES)


def _folder(path: Path, problems: list[PolicyProblem], shipped: bool = False) -> PolicyFolder:
    """A policy folder with its pack.yml and, when it is in Vale's layout (or its pack.yml
    names a Vale configuration), its Vale source. A `.vale.ini` file stands for its folder."""
    from desktop_app.policy.problems import FileProblem, FileProblems
    from desktop_app.policy.vale_config import find_vale

    vale = find_vale(path)
    folder_path = path.parent if path.is_file() else path
    pack = None
    try:
        pack = read_pack_file(folder_path)
    except (FileProblem, FileProblems) as exc:
        for p in exc.problems if isinstance(exc, FileProblems) else [exc]:
            problems.append(PolicyProblem(f"{folder_path.name}/pack.yml", p.line, p.key, p.message))
    if pack is not None and pack.vale and vale is None:
        vale = find_vale(folder_path / pack.vale)
        if vale is None:
            problems.append(
                PolicyProblem(
                    f"{folder_path.name}/pack.yml",
                    None,
                    "vale",
                    f"{pack.vale!r} is not a Vale configuration or style",
                )
            )
    if pack is None and vale is None and not shipped and not _has_policy_files(folder_path):
        problems.append(
            PolicyProblem(
                folder_path.name,
                None,
                "",
                "nothing to load here: no pack.yml, rules/ or words.txt, and no Vale styles",
            )
        )
    if pack is None:
        pack = PackInfo(name="Drafting Assistant policy" if shipped else folder_path.name, path=folder_path)
    pack.kind = (
        "shipped"
        if shipped
        else ("vale" if vale is not None and not (folder_path / "rules").exists() else "organisation")
    )
    prefix = SHIPPED_PREFIX if shipped else folder_path.name
    return PolicyFolder(folder_path, prefix, shipped=shipped, pack=pack, vale=vale)


def load_policy(
    extra_dirs: Sequence[Path] = (), include_user_overlay: bool = True, rules: bool = True
) -> PolicyPack:
    """The pack in force. `rules=False` skips compiling the rules (the grammar lane needs
    only grammar.yml and words.txt). Never raises for a problem in a policy folder: each one
    is in `problems`, and the rest of the pack loads."""
    from desktop_app import locate

    folders, problems = policy_folders(extra_dirs, include_user_overlay)
    files = PolicyFiles(folders, FileCache("policy"))
    files.problems.extend(problems)
    principles = load_principles(files)
    pack = PolicyPack(
        principles=principles.principles,
        clauses=principles.clauses,
        problems=files.problems,
        target_reading_age=principles.target_reading_age,
        folders=folders,
        conduct_title=principles.conduct_title,
        conduct_source=principles.conduct_source,
    )
    if rules:
        known = TextSetCache("patterns")  # RE2 patterns that compiled before: compiled on first use
        checks_patterns.known_patterns |= known.items
        pack.rules = load_rules(files, principles, lexicon_loader(locate.dictionary_path()))
        known.save(checks_patterns.known_patterns.copy())  # a copy: another thread may be adding
    pack.platforms = load_platforms(files)
    pack.grammar_settings = load_grammar_settings(files)
    pack.words = load_words(files)
    for folder in folders:  # Vale's accepted words are words spelling accepts too
        if folder.vale is not None:
            pack.words += [w for w in folder.vale.accept if w.replace("-", "").replace("'", "").isalnum()]
    pack.packs = [f.pack for f in folders if f.pack is not None]
    pack.contact = load_contact(files)
    files.cache.save()
    return pack


_lexicons: dict[Path, Lexicon] = {}


def _joined_stems(path: Path) -> tuple[str, str, str]:
    """The dictionary's common words, names and names in lower case, one string each."""
    common, names = dictionary_stems(path)
    return "\n".join(common), "\n".join(names), "\n".join(n.lower() for n in names)


def _three_strings(value) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and all(isinstance(v, str) for v in value)


_lexicon_lock = threading.Lock()


def lexicon_loader(path: Path) -> Callable[[], Lexicon]:
    """A function giving the lexicon of the dictionary at `path`: read on first call (from
    the disk cache when the dictionary is unchanged), then shared by every rule and pack."""

    def load() -> Lexicon:
        found = _lexicons.get(path)
        if found is not None:
            return found
        with _lexicon_lock:
            if path not in _lexicons:
                cache = FileCache("lexicon")
                try:  # one string per list: marshal reads it at memory speed
                    common, names = cache.get(
                        path, lambda: tuple("\n".join(w) for w in dictionary_stems(path))
                    )
                    in_order = names.split("\n") if names else []
                    common_words = frozenset(common.split("\n")) if common else frozenset()
                    _lexicons[path] = Lexicon(common_words, frozenset(in_order), in_order)
                except OSError:
                    _lexicons[path] = NO_LEXICON
                cache.save()
            return _lexicons[path]

    return load
