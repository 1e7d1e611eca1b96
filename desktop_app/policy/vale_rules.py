"""The rules of a Vale configuration (vale_config.ValeSource), compiled as plain Vale styles.

Each rule keeps its Vale name (`Google.Headings`), so it never takes the place of one of
ours. The configuration's `Style.Rule = warning` changes a level, `MinAlertLevel` leaves out
rules below it, and its vocabularies work as in Vale: `accept.txt` entries are exceptions
to the word rules (unless a rule says `vocab: false`) and become `Vale.Terms` (the accepted
spelling, as written); `reject.txt` entries become `Vale.Avoid`.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.checks.base import Rule, RuleSpec
from desktop_app.checks.existence import ExistenceRule
from desktop_app.checks.patterns import collect_dropped
from desktop_app.checks.substitution import SubstitutionRule
from desktop_app.checks.values import RuleError
from desktop_app.policy.files import PolicyFiles, PolicyFolder
from desktop_app.policy.principles import Principles
from desktop_app.policy.problems import FileProblem, FileProblems, PolicyProblem

_LEVEL_RANK = {"suggestion": 0, "warning": 1, "error": 2}
_VOCAB_KINDS = frozenset({"existence", "substitution", "repetition", "capitalization"})


def _display(folder: PolicyFolder, path: Path) -> str:
    try:
        return f"{folder.path.name}/{path.relative_to(folder.path)}"
    except ValueError:
        return str(path)


def load_vale_rules(
    folder: PolicyFolder, files: PolicyFiles, principles: Principles, lists, lexicon
) -> list[Rule]:
    from desktop_app.policy.rules import compile_rule

    source = folder.vale
    files.problems.extend(source.problems)
    rules: list[Rule] = []
    min_rank = _LEVEL_RANK.get(source.min_level, 0)
    for rule_id, path in source.rule_files():

        def adjust(data: dict, rule_id=rule_id) -> dict:
            if rule_id in source.levels:
                data["level"] = source.levels[rule_id]
            # Vale: accepted words are exceptions to word rules (not to `nonword` existence rules)
            word_rule = not (data.get("extends") == "existence" and data.get("nonword"))
            uses_vocab = data.get("extends") in _VOCAB_KINDS and data.get("vocab", True) is not False
            if source.accept and uses_vocab and word_rule:
                extra = data.get("exceptions") or []
                data["exceptions"] = [*(extra if isinstance(extra, list) else [extra]), *source.accept]
            data.pop("vocab", None)
            return data

        where = _display(folder, path)
        try:
            rule = compile_rule(path, rule_id, principles, lists, lexicon, adjust)
        except (FileProblem, FileProblems) as exc:
            files.report(where, exc)
            continue
        for note in rule.notes:
            files.report(where, note)
        if _LEVEL_RANK.get(_level_of(rule, path, files), 1) < min_rank:
            continue
        rules.append(rule)
    rules += _vocabulary_rules(source, folder, files)
    return rules


def _level_of(rule: Rule, path: Path, files: PolicyFiles) -> str:
    try:
        data = files.read_yaml(path)[0]
    except (FileProblem, FileProblems):
        return "warning"
    return str(data.get("level", "warning")) if isinstance(data, dict) else "warning"


def _vocabulary_rules(source, folder: PolicyFolder, files: PolicyFiles) -> list[Rule]:
    """Vale.Terms (accepted words, as written) and Vale.Avoid (rejected words)."""
    out: list[Rule] = []
    made = []
    if source.accept:
        swap = {term: term for term in source.accept if _plain(term)}
        if swap:
            made.append(
                (
                    SubstitutionRule,
                    "Vale.Terms",
                    {
                        "extends": "substitution",
                        "message": "Use '%s' instead of '%s'.",
                        "level": "error",
                        "ignorecase": True,
                        "swap": swap,
                    },
                )
            )
    if source.reject:
        made.append(
            (
                ExistenceRule,
                "Vale.Avoid",
                {
                    "extends": "existence",
                    "message": "Avoid using '%s'.",
                    "level": "error",
                    "tokens": list(source.reject),
                },
            )
        )
    for cls, rule_id, data in made:
        spec = RuleSpec(id=rule_id, path=source.root / "vocabulary", data=data)
        try:
            with collect_dropped() as dropped:
                out.append(cls(spec))
        except RuleError as exc:
            files.problems.append(PolicyProblem(source.name, None, exc.key, f"{rule_id}: {exc.message}"))
            continue
        for err in dropped:
            files.problems.append(PolicyProblem(source.name, None, err.key, f"{rule_id}: {err.message}"))
    return out


def _plain(term: str) -> bool:
    """An accepted word Vale.Terms can enforce: letters, digits and a few joiners."""
    return bool(term) and all(c.isalnum() or c in " -.'’" for c in term)
