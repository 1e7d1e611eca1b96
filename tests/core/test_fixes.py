"""Applying the first suggestion of every finding without overlaps; fill-in fields."""

from __future__ import annotations

from desktop_app.core.findings import Finding, Report, Severity, Suggestion
from desktop_app.core.fix_run import fix_post
from desktop_app.core.fixes import apply_fixes, field_spans, fields_in, first_fixes


def _finding(start, end, text, *suggestions, severity=Severity.ADVICE, rule="R", category="jargon"):
    return Finding(start, end, text, rule, category, severity, "m", suggestions=tuple(suggestions))


def test_the_more_serious_finding_wins_an_overlap_and_adds_are_never_applied():
    text = "Hart is a liar going forward."
    attack = _finding(
        0, 14, "Hart is a liar", Suggestion("Hart was wrong", 0, 14), severity=Severity.MUST_FIX
    )
    jargon = _finding(10, 14, "liar", Suggestion("x", 10, 14))
    adds = _finding(15, 28, "going forward", Suggestion(" Reply!", 29, 29, adds=True))
    chosen = first_fixes([jargon, adds, attack])
    assert [f for f, _ in chosen] == [attack]
    assert apply_fixes(text, chosen).text == "Hart was wrong going forward."


def test_fixes_are_applied_from_the_start_and_their_positions_known():
    text = "aa bb cc"
    chosen = first_fixes(
        [_finding(6, 8, "cc", Suggestion("[what]", 6, 8)), _finding(0, 2, "aa", Suggestion("A", 0, 2))]
    )
    applied = apply_fixes(text, chosen)
    assert applied.text == "A bb [what]"
    assert [(a.start, a.end) for a in applied.fixes] == [(0, 1), (5, 11)]


def test_fields_are_bracketed_prompts_not_any_brackets():
    assert field_spans("X was wrong to [what they did] because [why]") == ((15, 30), (39, 44))
    assert fields_in("[1/3] Our plan") == []
    assert fields_in("[what they did]") == [(0, 15)]


def test_fix_post_checks_again_for_what_was_hidden():
    calls = []

    def analyze(text):
        calls.append(text)
        if text == "bad words":
            return Report(text, findings=[_finding(0, 9, "bad words", Suggestion("good words", 0, 9))])
        if text == "good words":
            return Report(text, findings=[_finding(0, 4, "good", Suggestion("fine", 0, 4))])
        return Report(text)

    result = fix_post("bad words", analyze)
    assert result.text == "fine words" and calls == ["bad words", "good words", "fine words"]
    assert [a.suggestion.replacement for a in result.applied] == ["good words", "fine"]
