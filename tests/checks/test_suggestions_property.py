"""Every replacement suggestion on a shipped (or fixture) example, when applied, clears its
finding and adds no must-fix finding (except the fields of a fill-in rewrite, which are
must-fix until the writer completes them)."""

from __future__ import annotations

import pytest

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from tests.checks.conftest import findings_of, fixture_pack, shipped_pack


def _cases():
    for pack_name, pack in (("shipped", shipped_pack()), ("fixtures", fixture_pack())):
        for rule in pack.rules:
            for n, example in enumerate(rule.examples_flag):
                yield pytest.param(pack_name, rule.id, example, id=f"{rule.id}-{n}")


_full = {}


def _analyzer(pack_name: str) -> Analyzer:
    if pack_name not in _full:
        _full[pack_name] = Analyzer(shipped_pack() if pack_name == "shipped" else fixture_pack())
    return _full[pack_name]


def _must_fix(pack_name: str, text: str) -> set[tuple[str, str]]:
    report = _analyzer(pack_name).analyze(text)
    return {
        (f.rule, f.text)
        for f in report.findings
        if f.severity is Severity.MUST_FIX and f.category != "unfinished"
    }


@pytest.mark.parametrize(("pack_name", "rule_id", "example"), list(_cases()))
def test_applying_a_suggestion_clears_the_finding(pack_name, rule_id, example):
    before = findings_of(rule_id, example, pack_name)
    must_fix_before = _must_fix(pack_name, example)
    for finding in before:
        for suggestion in finding.suggestions:
            fixed = suggestion.apply(example)
            after = findings_of(rule_id, fixed, pack_name)
            assert len(after) < len(before), (
                f"{rule_id}: applying {suggestion.replacement!r} to {example!r} gave {fixed!r}, "
                f"still flagged: {[f.text for f in after]}"
            )
            new_must_fix = _must_fix(pack_name, fixed) - must_fix_before
            assert not new_must_fix, f"{rule_id}: {fixed!r} gained must-fix findings {new_must_fix}"
