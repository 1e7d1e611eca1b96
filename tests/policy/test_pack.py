"""Loading the policy pack: principles, overlays, includes, and one clear problem per
broken file while the rest of the pack still loads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.findings import PRINCIPLE_IDS, Severity
from desktop_app.engine import Analyzer
from desktop_app.policy import PolicyProblem, load_policy
from desktop_app.storage.paths import overlay_policy_dir
from tests.policy.folders import GOOD, load, make_folder


def _folder(root: Path, files: dict[str, str]) -> Path:
    return make_folder(root, files)


def _load(root: Path):
    return load(root)


def _ids(pack, prefix: str) -> set[str]:
    return {r.id for r in pack.rules if r.id.startswith(prefix)}


def test_principles_clauses_and_titles():
    pack = load_policy(include_user_overlay=False)
    assert set(PRINCIPLE_IDS) <= set(pack.principles)
    assert pack.principles["P9"].advisory is True and pack.principles["P9"].advisory_note
    assert pack.principles["P6"].title
    assert "C-private-info" in pack.clauses and pack.clauses["C-private-info"].title
    titles = pack.titles()
    assert titles["P7"] == pack.principles["P7"].title
    assert titles["conduct"] == "Conduct policy"
    assert pack.target_reading_age == 9


def test_an_extra_folder_adds_rules_named_after_the_folder(tmp_path):
    root = _folder(tmp_path / "ours", {"rules/Zorblax.yml": GOOD})
    pack = _load(root)
    assert _ids(pack, "ours.") == {"ours.Zorblax"}
    report = Analyzer(pack).analyze("A zorblax appeared.")
    assert [f.text for f in report.findings if f.rule == "ours.Zorblax"] == ["zorblax"]


def test_the_user_overlay_replaces_a_shipped_rule_with_the_same_name_and_adds_new_ones():
    shipped = load_policy(include_user_overlay=False)
    name = next(
        r.name for r in shipped.rules if not r.clause
    )  # a conduct rule: only a conduct rule replaces it
    _folder(overlay_policy_dir(), {f"rules/{name}.yml": GOOD, "rules/Extra.yml": GOOD})
    pack = load_policy()
    assert f"Drafting.{name}" not in {r.id for r in pack.rules}
    assert {f"policy.{name}", "policy.Extra"} <= {r.id for r in pack.rules}
    assert load_policy(include_user_overlay=False).rule(f"Drafting.{name}") is not None


def test_overlay_vocab_replaces_the_shipped_word_list(tmp_path):
    root = _folder(
        tmp_path / "org",
        {
            "rules/Words.yml": GOOD.replace("tokens: [zorblax]", "tokens:\n  include: vocab/words.yml"),
            "vocab/words.yml": "- quux\n",
        },
    )
    pack = _load(root)
    report = Analyzer(pack).analyze("quux and zorblax")
    assert [f.text for f in report.findings if f.rule == "org.Words"] == ["quux"]


BROKEN = {
    "bad YAML": ("extends: existence\ntokens: [a, b\nlevel: warning\n", 3, ""),
    "unknown kind": (GOOD.replace("extends: existence", "extends: telepathy"), 1, "extends"),
    "unknown category": (GOOD.replace("category: jargon", "category: rudeness"), 5, "category"),
    "unknown principle": (GOOD.replace("principle: P7", "principle: P77"), 4, "principle"),
    "unknown clause": (GOOD.replace("principle: P7", "clause: C-nothing"), 4, "clause"),
    "no entry can run": (GOOD.replace("tokens: [zorblax]", "tokens:\n  - '(unclosed'"), 6, "tokens"),
    "swap with no replacement": (
        "extends: substitution\nprinciple: P7\ncategory: jargon\nswap:\n  leverage: use\n  synergy:\n",
        6,
        "swap.synergy",
    ),
    "bad include": (GOOD.replace("tokens: [zorblax]", "tokens:\n  include: vocab/missing.yml"), 6, "tokens"),
    "unknown level": (GOOD.replace("level: warning", "level: shouty"), 3, "level"),
    "not a mapping": ("- just\n- a list\n", 1, ""),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_gives_one_problem_with_file_line_and_key_and_the_rest_loads(tmp_path, case):
    body, line, key = BROKEN[case]
    root = _folder(tmp_path / "org", {"rules/Broken.yml": body, "rules/Fine.yml": GOOD})
    pack = _load(root)
    ours = [p for p in pack.problems if p.path.startswith("org/")]
    assert len(ours) == 1, ours
    problem = ours[0]
    assert problem.path == "org/rules/Broken.yml"
    assert problem.line == line
    assert problem.key == key
    assert problem.message
    assert str(problem).startswith(f"org/rules/Broken.yml:{line}:")
    assert "org.Fine" in _ids(pack, "org.") and "org.Broken" not in _ids(pack, "org.")


def test_problem_text_names_file_line_and_key():
    problem = PolicyProblem("rules/Foo.yml", 12, "swap", "'leverage' has no replacement")
    assert str(problem) == "rules/Foo.yml:12: swap: 'leverage' has no replacement"


def test_a_plain_vale_style_without_our_keys_loads_and_runs(tmp_path):
    vale = """\
    extends: substitution
    message: "Use '%s' instead of '%s'."
    level: error
    ignorecase: true
    swap:
      frobnicate: use
    """
    pack = _load(_folder(tmp_path / "vale", {"rules/Utilise.yml": vale}))
    rule = pack.rule("vale.Utilise")
    # A plain Vale style is advice to a party's post: its `error` never becomes a must-fix.
    assert rule is not None and rule.category == "style" and rule.severity is Severity.ADVICE
    finding = next(
        f for f in Analyzer(pack).analyze("We frobnicate it.").findings if f.rule == "vale.Utilise"
    )
    assert finding.message == "Use 'use' instead of 'frobnicate'."
    assert finding.suggestions[0].replacement == "use"


def test_a_rule_with_examples_but_no_principle_or_clause_is_a_problem(tmp_path):
    body = GOOD.replace("principle: P7\n", "")
    pack = _load(_folder(tmp_path / "org", {"rules/Orphan.yml": body}))
    assert [p.key for p in pack.problems if p.path.startswith("org/")] == ["principle"]


def test_words_such_as_no_and_on_stay_words_not_booleans(tmp_path):
    body = GOOD.replace("tokens: [zorblax]", "tokens:\n  - NO\n  - on\n  - yes")
    pack = _load(_folder(tmp_path / "org", {"rules/Words.yml": body}))
    assert not [p for p in pack.problems if p.path.startswith("org/")]
    report = Analyzer(pack).analyze("Say NO, yes.")
    assert [f.text for f in report.findings if f.rule == "org.Words"] == ["NO", "yes"]


def test_a_catastrophic_backtracking_pattern_completes(tmp_path):
    body = """\
    extends: existence
    message: "backtrack"
    level: warning
    nonword: true
    tokens: ['(a+)+$']
    """
    pack = _load(_folder(tmp_path / "evil", {"rules/Evil.yml": body}))
    rule = pack.rule("evil.Evil")
    assert rule is not None
    # With a backtracking engine this takes longer than the age of the universe; RE2 is linear.
    report = Analyzer(pack).analyze("a" * 5000 + "b")
    assert not [f for f in report.findings if f.rule == "evil.Evil"]
    report = Analyzer(pack).analyze("b" + "a" * 5000)
    assert [f.end for f in report.findings if f.rule == "evil.Evil"] == [5001]


def test_the_do_not_amplify_list_in_the_overlay_is_used():
    _folder(
        overlay_policy_dir(),
        {
            "do-not-amplify.txt": "# never mention\n@NastyAccount\n",
            "rules/Amplify.yml": """\
            extends: amplify
            message: "'%s' is on the do-not-amplify list."
            clause: C-amplification
            """,
        },
    )
    pack = load_policy()
    rule = pack.rule("policy.Amplify")
    assert rule is not None
    only_ours = dataclasses.replace(pack, rules=[rule])
    report = Analyzer(only_ours).analyze("As @nastyaccount said.")
    assert [f.text for f in report.findings if f.rule == "policy.Amplify"] == ["@nastyaccount"]


def test_a_missing_extra_folder_is_a_problem_not_a_crash(tmp_path):
    pack = load_policy([tmp_path / "nowhere"], include_user_overlay=False)
    assert any("nowhere" in p.path for p in pack.problems)
    assert pack.rules  # the shipped pack still loads


def test_a_broken_word_list_is_reported_on_the_rule_that_includes_it(tmp_path):
    root = _folder(
        tmp_path / "org",
        {
            "rules/Words.yml": GOOD.replace("tokens: [zorblax]", "tokens:\n  include: vocab/words.yml"),
            "vocab/words.yml": "- fine\n- [unclosed\n",
        },
    )
    (problem,) = [p for p in _load(root).problems if p.path.startswith("org/")]
    assert (problem.path, problem.line, problem.key) == ("org/rules/Words.yml", 6, "tokens")
    assert "vocab/words.yml" in problem.message and "line 3" in problem.message


def test_exceptions_ignore_case_unless_the_rule_says_sensitive(tmp_path):
    tokens = "tokens: [zorblax]\nexceptions: [Zorblax Street]"
    insensitive = GOOD.replace("tokens: [zorblax]", tokens)
    sensitive = GOOD.replace("tokens: [zorblax]", tokens + "\nexceptions_case: sensitive")
    pack = _load(_folder(tmp_path / "org", {"rules/Loose.yml": insensitive, "rules/Strict.yml": sensitive}))
    assert not [p for p in pack.problems if p.path.startswith("org/")]
    report = Analyzer(pack).analyze("Zorblax Street is shut. zorblax street too.")
    assert [f.text for f in report.findings if f.rule == "org.Loose"] == []
    # Only the capitalised street is excepted when case matters.
    assert [(f.text, f.start) for f in report.findings if f.rule == "org.Strict"] == [("zorblax", 24)]


def test_an_unknown_exceptions_case_is_a_problem(tmp_path):
    body = GOOD + "exceptions_case: sometimes\n"
    pack = _load(_folder(tmp_path / "org", {"rules/Odd.yml": body}))
    assert [p.key for p in pack.problems if p.path.startswith("org/")] == ["exceptions_case"]


def test_evasion_is_for_conduct_rules_unless_a_rule_says_otherwise(tmp_path):
    style = GOOD  # a principle, no clause: plain spelling only
    disguised = GOOD + "evasion: true\n"
    pack = _load(_folder(tmp_path / "org", {"rules/Plain.yml": style, "rules/Seen.yml": disguised}))
    assert not [p for p in pack.problems if p.path.startswith("org/")]
    report = Analyzer(pack).analyze("A z0rbl4x, disguised.")
    assert [f.text for f in report.findings if f.rule == "org.Plain"] == []
    assert [f.text for f in report.findings if f.rule == "org.Seen"] == ["z0rbl4x"]


def test_an_evasion_that_is_not_true_or_false_is_a_problem(tmp_path):
    pack = _load(_folder(tmp_path / "org", {"rules/Odd.yml": GOOD + "evasion: sometimes\n"}))
    assert [p.key for p in pack.problems if p.path.startswith("org/")] == ["evasion"]


def test_a_clause_can_name_the_principle_it_upholds_and_findings_carry_both():
    pack = load_policy(include_user_overlay=False)
    assert pack.clauses["C-personal-attacks"].principle == "P6"
    assert pack.clauses["C-private-info"].principle is None
    report = Analyzer(pack).analyze("Councillor Hart is a clown.")
    attack = next(f for f in report.findings if f.category == "personal-attack")
    assert (attack.clause, attack.principle) == ("C-personal-attacks", "P6")
    assert report.principles["P6"].state == "must-fix" and report.principles["conduct"].state == "must-fix"


def test_a_clause_naming_an_unknown_principle_is_a_problem(monkeypatch, tmp_path):
    import desktop_app.locate as locate

    shipped = locate.policy_dir()
    text = (shipped / "principles.yml").read_text(encoding="utf-8")
    broken = text.replace("principle: P6   # criticise", "principle: P66   # criticise")
    assert broken != text
    copy = tmp_path / "policy"
    (copy / "rules").mkdir(parents=True)
    (copy / "principles.yml").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(locate, "policy_dir", lambda: copy)
    pack = load_policy(include_user_overlay=False)
    problems = [p for p in pack.problems if p.key == "C-personal-attacks.principle"]
    assert len(problems) == 1 and problems[0].line is not None
    assert pack.clauses["C-personal-attacks"].principle is None
