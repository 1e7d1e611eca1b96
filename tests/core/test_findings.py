"""The shared Finding/Report shape and the per-principle states."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.findings import (
    CONDUCT_KEY,
    PRINCIPLE_IDS,
    Finding,
    GrammarState,
    PlatformFit,
    PrincipleStatus,
    Readability,
    Report,
    SentenceScore,
    Severity,
    Suggestion,
    principle_statuses,
)


def _finding(start=0, end=4, severity=Severity.ADVICE, principle=None, clause=None, category="jargon"):
    return Finding(
        start, end, "text", "T.Rule", category, severity, "msg", principle=principle, clause=clause
    )


def test_every_principle_and_conduct_has_a_row_and_clear_by_default():
    rows = principle_statuses([], {"P1": "Direct"})
    assert list(rows) == [*PRINCIPLE_IDS, CONDUCT_KEY]
    assert rows["P1"].title == "Direct" and rows["P2"].title == "P2"
    assert {r.state for r in rows.values()} == {"clear"}


def test_the_most_serious_finding_sets_the_state_and_all_count():
    rows = principle_statuses(
        [_finding(principle="P7"), _finding(principle="P7", severity=Severity.MUST_FIX)], {}
    )
    assert (rows["P7"].state, rows["P7"].count) == ("must-fix", 2)


def test_a_conduct_finding_that_names_a_principle_counts_in_both_rows():
    attack = _finding(severity=Severity.MUST_FIX, principle="P6", clause="C-personal-attacks")
    rows = principle_statuses([attack], {})
    assert rows[CONDUCT_KEY].state == "must-fix" and rows["P6"].state == "must-fix"
    assert rows["P1"].state == "clear"


def test_a_conduct_finding_without_a_principle_counts_only_as_conduct():
    rows = principle_statuses([_finding(severity=Severity.MUST_FIX, clause="C-abuse")], {})
    assert rows[CONDUCT_KEY].count == 1
    assert sum(r.count for k, r in rows.items() if k != CONDUCT_KEY) == 0


def test_shifted_moves_the_finding_and_its_suggestions():
    f = Finding(2, 6, "abcd", "R", "jargon", Severity.ADVICE, "m", suggestions=(Suggestion("x", 2, 6),))
    moved = f.shifted(10)
    assert (moved.start, moved.end) == (12, 16)
    assert (moved.suggestions[0].start, moved.suggestions[0].end) == (12, 16)
    assert f.shifted(0) is f


def test_suggestion_apply_replaces_its_span():
    assert Suggestion("use", 8, 16).apply("We will leverage it") == "We will use it"


def test_report_json_shape():
    report = Report(text="hi", findings=[_finding()], platforms=[PlatformFit("X", 280, 300, 280)])
    data = report.to_dict()
    assert set(data) == {"findings", "principles", "readability", "platforms", "grammar"}
    assert data["platforms"][0]["over"] is True
    assert data["findings"][0]["severity"] == "advice"


def test_written_out_to_dicts_keep_every_field_in_order():
    # to_dict() is written out for speed: it must still give every field, in the dataclass's
    # order, as dataclasses.asdict() did (the JSON contract in DESIGN.md).
    score = SentenceScore(0, 12, 3, 4.5, "ok")
    readability = Readability(9.5, 9, 3, 1, 0, 0, 1, (score,))
    for value in (
        PrincipleStatus("P1", "Direct", "clear", 0),
        score,
        GrammarState("ready", "LT"),
        readability,
    ):
        expected = dataclasses.asdict(value)
        if "sentence_scores" in expected:  # a list in JSON, as it always was
            expected["sentence_scores"] = list(expected["sentence_scores"])
        assert list(value.to_dict().items()) == list(expected.items())


def _rows_by_hand(findings, titles):
    """The rule as written in principle_statuses' docstring, one bucket of findings per row."""
    buckets = {key: [] for key in (*PRINCIPLE_IDS, CONDUCT_KEY)}
    for f in findings:
        if f.is_conduct or f.is_unfinished:
            buckets[CONDUCT_KEY].append(f)
        if f.principle in buckets:
            buckets[f.principle].append(f)
    rows = {}
    for key, items in buckets.items():
        if any(f.severity is Severity.MUST_FIX for f in items):
            state = "must-fix"
        else:
            state = "advice" if items else "clear"
        rows[key] = PrincipleStatus(key, titles.get(key, key), state, len(items))
    return rows


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            _finding,
            severity=st.sampled_from(list(Severity)),
            principle=st.sampled_from([None, "P1", "P6", "P10", "P11", CONDUCT_KEY]),
            clause=st.sampled_from([None, "C-abuse"]),
            category=st.sampled_from(["jargon", "abuse", "unfinished", "offence-score", "style"]),
        ),
        max_size=8,
    ),
    st.sampled_from([{}, {"P1": "Direct", CONDUCT_KEY: "Conduct policy"}]),
)
def test_rows_count_and_state_as_the_rule_says(findings, titles):
    # the same rows in the same order (the principles panel and the JSON list them so)
    assert list(principle_statuses(findings, titles).items()) == list(_rows_by_hand(findings, titles).items())
