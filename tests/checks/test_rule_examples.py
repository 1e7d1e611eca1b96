"""Every rule's own examples: each `flag` sentence must fire the rule, each `pass` sentence
must not. A rule without both kinds of example fails. Runs over the shipped pack (policy/)
and the engine's fixture pack."""

from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of, fixture_pack, shipped_pack


def _cases():
    for pack_name, pack in (("shipped", shipped_pack()), ("fixtures", fixture_pack())):
        for rule in pack.rules:
            yield pytest.param(pack_name, rule.id, id=rule.id)


@pytest.mark.parametrize(("pack_name", "rule_id"), list(_cases()))
def test_rule_examples(pack_name, rule_id):
    pack = shipped_pack() if pack_name == "shipped" else fixture_pack()
    rule = pack.rule(rule_id)
    assert rule.examples_flag, f"{rule.path.name}: no `flag` examples"
    assert rule.examples_pass, f"{rule.path.name}: no `pass` examples"
    missed = [ex for ex in rule.examples_flag if not findings_of(rule_id, ex, pack_name)]
    wrongly = {
        ex: [f.text for f in findings_of(rule_id, ex, pack_name)]
        for ex in rule.examples_pass
        if findings_of(rule_id, ex, pack_name)
    }
    assert not missed, f"{rule.path.name}: these should be flagged and are not: {missed}"
    assert not wrongly, f"{rule.path.name}: these should pass and are flagged: {wrongly}"


def test_every_shipped_rule_file_loads():
    problems = [str(p) for p in shipped_pack().problems]
    assert problems == []


def test_fixture_pack_loads_and_has_a_rule_of_every_kind():
    from desktop_app.checks import KINDS

    pack = fixture_pack()
    assert [str(p) for p in pack.problems] == []
    assert {r.kind for r in pack.rules} == set(KINDS)
