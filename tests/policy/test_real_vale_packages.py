"""The real Vale packages in tests/data/vale: files load, their fixtures' alerts are found,
no party rule is lost and nothing is must-fix (benchmarks/vale_packages.py prints the
figures per package)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import vale_packages

PACKAGES = sorted(p for p in vale_packages.DATA.iterdir() if (p / "expected.txt").is_file())


@pytest.fixture(scope="module")
def results():
    return [vale_packages.measure(p) for p in PACKAGES]


def test_at_least_95_percent_of_rule_files_load(results):
    files = sum(r["files"] for r in results)
    assert files >= 50
    assert sum(r["loaded"] for r in results) >= 0.95 * files, [r["not_loaded"] for r in results]


def test_at_least_95_percent_of_expected_alerts_are_found(results):
    expected = sum(r["expected"] for r in results)
    assert expected >= 50
    assert sum(r["exact"] for r in results) >= 0.95 * expected, [r["missed"] for r in results]


def test_no_party_rule_is_lost_and_no_vale_finding_is_must_fix(results):
    assert all(r["party_rules_lost"] == [] and r["must_fix"] == 0 for r in results)
