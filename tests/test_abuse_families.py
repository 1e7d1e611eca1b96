"""Our abuse families (tests/data/abuse_families.yml, in our own words): every abusive reply
is reported under its family's clause (a threat says the police can be told), and no
look-alike (blunt criticism, political speech, reporting on abuse, quoting it) is reported.
benchmarks/eval_replies.py prints the same figures per family."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desktop_app.core.replies.judge import Triage
from desktop_app.core.replies.sources import Reply
from desktop_app.triage import ReplyTriager

FAMILIES = yaml.safe_load((Path(__file__).parent / "data" / "abuse_families.yml").read_text(encoding="utf-8"))


def _entries(kind: str):
    for name, family in FAMILIES.items():
        for n, entry in enumerate(family.get(kind) or ()):
            text, clause = entry, family["clause"]
            if isinstance(entry, dict):
                text, clause = entry["text"], entry["clause"]
            yield pytest.param(text, clause, bool(family.get("police")), id=f"{name}-{n}")


@pytest.fixture(scope="module")
def triager():
    return ReplyTriager()


def test_the_set_is_large_and_covers_every_family():
    abusive = list(_entries("abusive"))
    alike = list(_entries("look-alikes"))
    assert len(abusive) >= 80 and len(alike) >= 80
    for name in ("threats", "hate", "dismissals", "sexual", "pile-ons", "disguised", "names"):
        assert len(FAMILIES[name]["abusive"]) >= 8 and len(FAMILIES[name]["look-alikes"]) >= 8, name


@pytest.mark.parametrize(("text", "clause", "police"), list(_entries("abusive")))
def test_an_abusive_reply_is_reported_under_its_clause(triager, text, clause, police):
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.clause == clause, verdict.reason
    if police:
        assert verdict.police and verdict.category == "violent speech"


@pytest.mark.parametrize(("text", "clause", "police"), list(_entries("look-alikes")))
def test_a_look_alike_is_never_reported(triager, text, clause, police):
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is not Triage.REPORT, verdict.reason
