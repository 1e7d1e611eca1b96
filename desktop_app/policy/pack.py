"""PolicyPack: every policy file, loaded by the one overlay rule (files.py, policy/README.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.checks.base import Rule
from desktop_app.core.findings import CONDUCT_KEY
from desktop_app.policy.files import SHIPPED_PREFIX, PolicyFiles, PolicyFolder
from desktop_app.policy.principles import (
    DEFAULT_CONDUCT_TITLE,
    DEFAULT_TARGET_AGE,
    Clause,
    Principle,
    load_principles,
)
from desktop_app.policy.problems import PolicyProblem
from desktop_app.policy.rules import load_rules
from desktop_app.policy.settings import load_grammar_settings, load_platforms, load_words


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
    grammar_settings: dict = field(default_factory=dict)  # grammar.yml, for the grammar lane
    words: list[str] = field(default_factory=list)  # words.txt: the organisation's words for spelling

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

    folders = [PolicyFolder(locate.policy_dir(), SHIPPED_PREFIX, shipped=True)]
    problems = []
    if include_user_overlay:
        from desktop_app.storage.paths import overlay_policy_dir

        overlay = overlay_policy_dir()
        if overlay.is_dir():
            folders.append(PolicyFolder(overlay, overlay.name))
    for extra in map(Path, extra_dirs):
        if extra.is_dir():
            folders.append(PolicyFolder(extra, extra.name))
        else:
            problems.append(PolicyProblem(str(extra), None, "", "policy folder not found"))
    return folders, problems


def load_policy(
    extra_dirs: Sequence[Path] = (), include_user_overlay: bool = True, rules: bool = True
) -> PolicyPack:
    """The pack in force. `rules=False` skips compiling the rules (the grammar lane needs
    only grammar.yml and words.txt). Never raises for a problem in a policy folder: each one
    is in `problems`, and the rest of the pack loads."""
    from desktop_app import locate

    folders, problems = policy_folders(extra_dirs, include_user_overlay)
    files = PolicyFiles(folders)
    files.problems.extend(problems)
    principles = load_principles(files)
    pack = PolicyPack(
        principles=principles.principles,
        clauses=principles.clauses,
        problems=files.problems,
        target_reading_age=principles.target_reading_age,
        folders=folders,
        conduct_title=principles.conduct_title,
    )
    if rules:
        pack.rules = load_rules(files, principles, locate.dictionary_path())
    pack.platforms = load_platforms(files)
    pack.grammar_settings = load_grammar_settings(files)
    pack.words = load_words(files)
    return pack
