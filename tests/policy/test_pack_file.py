"""pack.yml: the shipped pack's and an organisation's name and version, and its problems."""

from __future__ import annotations

from desktop_app.policy import load_policy
from tests.policy.folders import GOOD, load, make_folder


def test_the_shipped_pack_has_a_name_and_a_version():
    pack = load_policy(include_user_overlay=False)
    assert pack.name == "Drafting Assistant policy" and pack.version
    assert pack.label == f"{pack.name} {pack.version}" and pack.packs[0].kind == "shipped"


def test_an_organisation_pack_is_the_one_in_force(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {"pack.yml": "name: Org comms\nversion: '7'\ndate: 2026-11-30\n", "rules/W.yml": GOOD},
    )
    pack = load(org)
    assert (pack.name, pack.version) == ("Org comms", "7")
    assert pack.packs[-1].date == "2026-11-30" and pack.packs[-1].added == ["org.W"]


def test_a_folder_without_pack_yml_does_not_take_over_the_name(tmp_path):
    pack = load(make_folder(tmp_path / "org", {"rules/W.yml": GOOD}))
    assert pack.name == "Drafting Assistant policy"


def test_a_broken_pack_yml_is_reported_in_one_line_and_the_rules_still_load(tmp_path):
    org = make_folder(tmp_path / "org", {"pack.yml": "name: Org\nversoin: '1'\n", "rules/W.yml": GOOD})
    pack = load(org)
    problems = [p for p in pack.problems if p.path == "org/pack.yml"]
    assert problems and problems[0].key == "versoin" and problems[0].line == 2
    assert pack.rule("org.W") is not None
