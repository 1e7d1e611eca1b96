"""report_json writes a report exactly as json.dumps(report.to_dict()) does, byte for byte."""

import json
import math

import pytest

from desktop_app.core.findings import (
    Finding,
    GrammarState,
    PlatformFit,
    PrincipleStatus,
    Readability,
    Report,
    SentenceScore,
    Severity,
    Suggestion,
)
from desktop_app.core.report_json import members, report_json
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from tests import corpus


def _reference(report: Report, head: dict | None = None, tail: dict | None = None) -> str:
    return json.dumps({**(head or {}), **report.to_dict(), **(tail or {})}, ensure_ascii=False)


@pytest.fixture(scope="module")
def reports():
    analyzer = Analyzer(load_policy(include_user_overlay=False))
    return [analyzer.analyze(text) for text in corpus.posts(mixed=300)]


def test_every_report_of_a_varied_corpus_is_written_as_json_writes_it(reports):
    assert sum(len(r.findings) for r in reports) > 500  # the corpus reaches the rules
    assert any(p.over for r in reports for p in r.platforms)
    for report in reports + reports:  # the second time, rows and fits come from the cache
        assert report_json(report) == _reference(report)


def test_an_object_made_afresh_at_a_known_id_is_written_as_itself():
    # text is kept per object; a new fit must never get an old one's text
    for length in range(300):
        fit = PlatformFit("X", 280, length, 280 if length > 280 else None)
        report = Report(text="", platforms=[fit])
        assert report_json(report) == _reference(report)
        del fit, report


def test_rows_made_afresh_at_known_ids_are_written_as_themselves():
    # a block of principle rows is kept by the rows' ids; new rows must never get old text
    for count in range(300):
        rows = {"P1": PrincipleStatus("P1", "Clear", "advice" if count else "clear", count)}
        report = Report(text="", principles=rows)
        assert report_json(report) == _reference(report)
        del rows, report


def test_members_before_and_after_the_reports_own(reports):
    head = {"source": "posts\t“quoted”.txt", "line": 12}
    tail = {"policy": {"name": "Pack", "version": "2026.1", "packs": ["Pack 2026.1", "Ours"]}}
    for report in reports[:50]:
        assert report_json(report, members(head), members(tail)) == _reference(report, head, tail)


def test_values_json_writes_its_own_way():
    # an int where a float is usual, NaN and infinity, a lone surrogate, control characters,
    # fill-in fields and `adds`, no readability, grammar on, a principle with no principle
    suggestion = Suggestion("Say [what] \x07 here", 0, 3, "", fields=((4, 10),), adds=True)
    finding = Finding(0, 3, "a\ud800b", "R.x", "jargon", Severity.ADVICE, "M \"q\" \\ \n", principle=None,
                      clause="C-abuse", suggestions=(suggestion,))  # fmt: skip
    scores = (SentenceScore(0, 3, 1, math.nan, "ok"), SentenceScore(4, 9, 2, -0.0, "hard"))
    for readability in (
        None,
        Readability(None, 9, 3, 2, 0, 1, 1, scores),
        Readability(math.inf, 9.5, 3, 2, 0, 1, 1, ()),
    ):
        report = Report(
            text="a\ud800b",
            findings=[finding],
            principles={
                "P1": PrincipleStatus("P1", "Ünïcode ✓", "advice", 1),
                7: PrincipleStatus("7", "", "clear", 0),
            },
            readability=readability,
            platforms=[PlatformFit("X", None, 3, None, 5, 3000), PlatformFit("Y", 2, 3, 2)],
            grammar=GrammarState("unavailable", "no server at 127.0.0.1"),
        )
        assert report_json(report) == _reference(report)
