"""The overlay rule and safe reading: a broken file never removes what it would replace;
links, FIFOs and files outside the policy folders are reported, never followed or waited on."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading

import pytest

from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from desktop_app.storage.paths import overlay_policy_dir
from tests.policy.folders import GOOD, load, make_folder, problems_in

ATTACK = "Boris is a liar."


def _junk(n: int = 2000, seed: int = 6) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


def _must_fix_rules(pack, text: str) -> set[str]:
    return {f.rule for f in Analyzer(pack).analyze(text).must_fix}


def test_random_bytes_replacing_a_shipped_conduct_rule_never_switch_it_off():
    make_folder(overlay_policy_dir(), {"rules/PersonalAttack.yml": _junk()})
    pack = load_policy()
    assert pack.rule("Drafting.PersonalAttack") is not None
    assert "Drafting.PersonalAttack" in _must_fix_rules(pack, ATTACK)
    (problem,) = problems_in(pack, "policy")
    assert problem.path == "policy/rules/PersonalAttack.yml"
    assert "\n" not in str(problem) and len(str(problem)) < 400


def test_the_command_line_still_finds_the_attack_and_says_why_in_one_line():
    make_folder(overlay_policy_dir(), {"rules/PersonalAttack.yml": _junk()})
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "-"],
        input=ATTACK,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 1 and "policy/rules/PersonalAttack.yml" in warnings[0]


@pytest.mark.parametrize(
    "broken",
    [
        GOOD.replace("tokens: [zorblax]", "tokns: [zorblax]"),  # a misspelt key
        GOOD.replace("extends: existence", "extends: telepathy"),
        "extends: attack\nclause: C-personal-attacks\ninsults: [unclosed\n",
        "",
    ],
)
def test_any_broken_replacement_leaves_the_shipped_rule_in_force(tmp_path, broken):
    pack = load(make_folder(tmp_path / "org", {"rules/PersonalAttack.yml": broken}))
    assert pack.rule("Drafting.PersonalAttack") is not None and pack.rule("org.PersonalAttack") is None
    assert "Drafting.PersonalAttack" in _must_fix_rules(pack, ATTACK)
    assert [p.path for p in problems_in(pack, "org")][:1] == ["org/rules/PersonalAttack.yml"]


def test_a_good_replacement_still_replaces(tmp_path):
    pack = load(make_folder(tmp_path / "org", {"rules/Jargon.yml": GOOD}))
    assert pack.rule("Drafting.Jargon") is None and pack.rule("org.Jargon") is not None
    assert not problems_in(pack, "org")


def test_a_broken_word_list_replacement_leaves_the_earlier_list_in_force(tmp_path):
    rule = GOOD.replace("tokens: [zorblax]", "tokens:\n  include: vocab/words.yml")
    first = make_folder(tmp_path / "first", {"rules/Words.yml": rule, "vocab/words.yml": "- quux\n"})
    second = make_folder(tmp_path / "second", {"vocab/words.yml": "- [unclosed\n"})
    pack = load_policy([first, second], include_user_overlay=False)
    report = Analyzer(pack).analyze("A quux here.")
    assert [f.text for f in report.findings if f.rule == "first.Words"] == ["quux"]
    (problem,) = problems_in(pack, "second")
    assert problem.path == "second/vocab/words.yml" and problem.line is not None


def test_later_folders_replace_grammar_settings_and_words_add_up(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {"grammar.yml": "language: en-GB\ndisabled_rules: [SOME_RULE]\n", "words.txt": "Zorblatt\nCllr\n"},
    )
    pack = load(org)
    assert pack.grammar_settings["disabled_rules"] == ["SOME_RULE"]
    shipped = load_policy(include_user_overlay=False).words
    assert "Cllr" in shipped  # the shipped UK titles stay when an organisation adds its own words
    assert pack.words == [*shipped, "Zorblatt"]
    broken = make_folder(tmp_path / "broken", {"grammar.yml": "timeouts:\n  read: soon\n"})
    pack = load(broken)
    assert (
        pack.grammar_settings == load_policy(include_user_overlay=False).grammar_settings
    )  # the shipped one
    assert [(p.path, p.key, p.line) for p in problems_in(pack, "broken")] == [
        ("broken/grammar.yml", "timeouts.read", 2)
    ]


def test_a_replacement_principles_file_must_keep_the_conduct_clauses(tmp_path):
    shipped = load_policy(include_user_overlay=False)
    body = "principles:\n" + "".join(f"  {pid}:\n    title: Ours {pid}\n" for pid in shipped.principles)
    pack = load(make_folder(tmp_path / "org", {"principles.yml": body}))
    assert set(pack.clauses) == set(shipped.clauses)  # the shipped file stays in force
    assert [p.key for p in problems_in(pack, "org")] == ["conduct.clauses"]
    assert "Drafting.PersonalAttack" in _must_fix_rules(pack, ATTACK)


# --- item 19: outside the folders, links, FIFOs, wrong types ---------------------------


def test_an_amplify_list_outside_the_policy_folders_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("@outsider\n", encoding="utf-8")
    for name in ("../secret.txt", str(tmp_path / "secret.txt")):
        body = f"extends: amplify\nmessage: \"'%s' is listed.\"\nclause: C-amplification\nlist: {name!r}\n"
        pack = load(make_folder(tmp_path / "org", {"rules/Amplify.yml": body}))
        assert pack.rule("org.Amplify") is None
        assert [(p.key, p.line) for p in problems_in(pack, "org")] == [("list", 4)]


def test_a_broken_link_in_a_policy_folder_is_reported(tmp_path):
    org = make_folder(tmp_path / "org", {"rules/Fine.yml": GOOD})
    (org / "rules" / "Gone.yml").symlink_to(tmp_path / "nowhere.yml")
    pack = load(org)
    (problem,) = problems_in(pack, "org")
    assert problem.path == "org/rules/Gone.yml" and "does not exist" in problem.message
    assert pack.rule("org.Fine") is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_fifos_in_a_policy_folder_are_reported_and_never_block(tmp_path):
    org = make_folder(tmp_path / "org", {"rules/Fine.yml": GOOD})
    os.mkfifo(org / "rules" / "Pipe.yml")
    os.mkfifo(org / "do-not-amplify.txt")
    os.mkfifo(org / "words.txt")
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("pack", load(org)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "loading the pack blocked on a FIFO"
    problems = {p.path: p.message for p in problems_in(result["pack"], "org")}
    assert set(problems) == {"org/rules/Pipe.yml", "org/do-not-amplify.txt", "org/words.txt"}
    assert all("FIFO" in message for message in problems.values())


@pytest.mark.parametrize(
    "key, value",
    [
        ("ignorecase", "yes"),
        ("nonword", "'no'"),
        ("link", "[one, two]"),
        ("exceptions_case", "{a: b}"),
        ("scope", "[x]"),
    ],
)
def test_a_value_of_the_wrong_type_is_reported(tmp_path, key, value):
    body = GOOD.replace("level: warning\n", f"level: warning\n{key}: {value}\n")
    pack = load(make_folder(tmp_path / "org", {"rules/Typed.yml": body}))
    assert [(p.key, p.line) for p in problems_in(pack, "org")] == [(key, 4)]


def test_a_file_over_the_size_limit_is_refused_in_one_line(tmp_path, monkeypatch):
    from desktop_app.policy import files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    org = make_folder(tmp_path / "org", {"vocab/big.yml": "- zorblax\n" * 200, "rules/Big.yml": GOOD.replace(
        "tokens: [zorblax]", "tokens:\n  include: vocab/big.yml")})  # fmt: skip
    (problem,) = problems_in(load(org), "org")
    assert problem.message.endswith("too large (2.0 kB; a policy file may be at most 1.0 kB)")


def test_a_broken_platforms_file_is_reported_with_its_line_and_the_shipped_one_stays(tmp_path):
    body = "platforms:\n  - name: X\n    limit: 280\n  - name: Forum\n    limit: lots\n"
    pack = load(make_folder(tmp_path / "org", {"platforms.yml": body}))
    assert pack.platforms == load_policy(include_user_overlay=False).platforms
    assert [(p.key, p.line) for p in problems_in(pack, "org")] == [("platforms[1].limit", 5)]


def test_a_rules_folder_that_is_a_broken_link_is_reported(tmp_path):
    org = tmp_path / "org"
    org.mkdir()
    (org / "rules").symlink_to(tmp_path / "gone")
    (problem,) = problems_in(load(org), "org")
    assert problem.path == "org/rules" and "folder" in problem.message
