"""Rewordings keep the must-fix: each sentence of tests/data/paraphrases.yml that is must-fix
stays must-fix with filler words added, reordered and disguised (our own set)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from desktop_app.core.findings import Severity
from desktop_app.engine import Analyzer
from tests.checks.conftest import shipped_pack

PARAPHRASES = Path(__file__).resolve().parents[1] / "data" / "paraphrases.yml"
WAYS = ("filler", "reorder", "evasion")


@cache
def _analyzer() -> Analyzer:
    return Analyzer(shipped_pack())


def _must_fix(text: str) -> bool:
    return any(f.severity is Severity.MUST_FIX for f in _analyzer().analyze(text).findings)


def _cases():
    rows = yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))
    for n, row in enumerate(rows):
        yield pytest.param(row["must"], None, id=f"{n}-must")
        for way in WAYS:
            yield pytest.param(row["must"], row[way], id=f"{n}-{way}")


def test_the_set_is_large_enough():
    rows = yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))
    assert len(rows) >= 30 and all(set(WAYS) <= set(row) for row in rows)


@pytest.mark.parametrize(("original", "rewording"), list(_cases()))
def test_a_rewording_keeps_its_must_fix(original, rewording):
    assert _must_fix(original), f"not must-fix to begin with: {original!r}"
    if rewording is not None:
        assert _must_fix(rewording), f"{rewording!r} lost the must-fix of {original!r}"
