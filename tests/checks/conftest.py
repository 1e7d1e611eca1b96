"""Packs for the engine's tests: the fixture pack (tests/checks/fixtures, one rule per kind)
and the shipped pack (policy/), each loaded once and without the user's overlay."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

from desktop_app.engine import Analyzer
from desktop_app.policy import PolicyPack, load_policy

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def fixture_pack() -> PolicyPack:
    pack = load_policy([FIXTURES], include_user_overlay=False)
    return dataclasses.replace(
        pack,
        rules=[r for r in pack.rules if r.id.startswith("fixtures.")],
        problems=[p for p in pack.problems if p.path.startswith("fixtures/")],
    )


@cache
def shipped_pack() -> PolicyPack:
    pack = load_policy(include_user_overlay=False)
    return dataclasses.replace(pack, rules=[r for r in pack.rules if r.id.startswith("Drafting.")])


@cache
def rule_analyzer(pack_name: str, rule_id: str) -> Analyzer:
    """An analyzer that runs one rule only (so other rules cannot hide its findings)."""
    pack = fixture_pack() if pack_name == "fixtures" else shipped_pack()
    rule = pack.rule(rule_id)
    assert rule is not None, rule_id
    return Analyzer(dataclasses.replace(pack, rules=[rule]))


def findings_of(rule_id: str, text: str, pack_name: str = "fixtures"):
    return [f for f in rule_analyzer(pack_name, rule_id).analyze(text).findings if f.rule == rule_id]


@pytest.fixture(scope="session")
def fixtures_analyzer() -> Analyzer:
    return Analyzer(fixture_pack())
