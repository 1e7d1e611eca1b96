"""Each rule kind declares its keys: a misspelt or unknown key is reported with file, line and
name (and the file is not used); the shipped pack and the test fixtures use none."""

from __future__ import annotations

import inspect
import re

import pytest

from desktop_app.checks import KINDS
from desktop_app.checks.base import COMMON_KEYS, Rule
from desktop_app.policy import load_policy
from tests.checks.conftest import FIXTURES
from tests.policy.folders import GOOD, load, make_folder, problems_in


@pytest.mark.parametrize(
    "typo, line, hint",
    [
        (GOOD.replace("tokens: [zorblax]", "tokns: [zorblax]"), 6, "tokens"),
        (GOOD.replace("level: warning", "level: warning\nignorcase: true"), 4, "ignorecase"),
        (GOOD.replace("  pass:", "  pas:"), 10, "pass"),
    ],
)
def test_a_misspelt_key_is_reported_with_file_line_and_name(tmp_path, typo, line, hint):
    pack = load(make_folder(tmp_path / "org", {"rules/Typo.yml": typo}))
    (problem,) = problems_in(pack, "org")
    assert (problem.path, problem.line) == ("org/rules/Typo.yml", line)
    assert problem.key.split(".")[-1] in ("tokns", "ignorcase", "pas")
    assert f"did you mean `{hint}`" in problem.message
    assert pack.rule("org.Typo") is None


def test_every_unknown_key_is_reported(tmp_path):
    body = GOOD + "colour: red\nsynonyms: [a]\n"
    pack = load(make_folder(tmp_path / "org", {"rules/Odd.yml": body}))
    assert [(p.key, p.line) for p in problems_in(pack, "org")] == [("colour", 11), ("synonyms", 12)]
    assert problems_in(pack, "org")[0].message == "unknown key `colour` in a rule of kind `existence`"


def test_a_key_of_another_kind_is_unknown_here(tmp_path):
    body = GOOD + "swap:\n  zorblax: thing\n"  # substitution's key on an existence rule
    (problem,) = problems_in(load(make_folder(tmp_path / "org", {"rules/Mixed.yml": body})), "org")
    assert problem.key == "swap" and "existence" in problem.message


def test_vale_keys_we_do_not_act_on_still_load(tmp_path):
    vale = """\
    extends: existence
    message: "Avoid '%s'."
    description: A Vale style's rule.
    level: warning
    action:
      name: remove
    append: true
    tokens: [zorblax]
    """
    pack = load(make_folder(tmp_path / "vale", {"rules/Avoid.yml": vale}))
    assert not problems_in(pack, "vale") and pack.rule("vale.Avoid") is not None


def test_the_shipped_pack_and_the_fixtures_use_only_known_keys():
    shipped = load_policy(include_user_overlay=False)
    assert shipped.problems == []
    assert load_policy([FIXTURES], include_user_overlay=False).problems == []


_READS = re.compile(r'(?:d\.get\(|d\[|(?:number|text_value|flag)\(d,\s*)"(\w+)"')


def test_every_kind_declares_the_keys_its_rules_read():
    for kind, cls in KINDS.items():
        source = inspect.getsource(cls)
        read = set(_READS.findall(source))
        assert read <= cls.keys | COMMON_KEYS, (kind, read - cls.keys - COMMON_KEYS)
        assert not (cls.keys & COMMON_KEYS), kind  # each key declared once
    base = set(_READS.findall(inspect.getsource(Rule.__init__)))
    assert base == COMMON_KEYS - {"extends"}, base ^ COMMON_KEYS  # `extends` is read by the loader
