"""DraftReview: the writer's decisions about findings, tested without a window."""

from __future__ import annotations

import pytest

from desktop_app.core.findings import Finding, Severity
from desktop_app.core.review import (
    RULE,
    DraftReview,
    Ignored,
    ReasonRequired,
    conduct_rules_off,
    current_grammar,
)


def jargon(text: str = "going forward", start: int = 0) -> Finding:
    return Finding(start, start + len(text), text, "Drafting.Jargon", "jargon", Severity.ADVICE, "Plain")


def attack(text: str = "idiot", start: int = 10) -> Finding:
    return Finding(
        start, start + len(text), text, "Drafting.NameCalling", "personal-attack", Severity.MUST_FIX,
        "Criticise the decision", principle="P6", clause="C-abuse",
    )  # fmt: skip


def test_a_conduct_finding_is_only_ignored_with_a_reason():
    review = DraftReview()
    with pytest.raises(ReasonRequired):
        review.ignore(attack())
    with pytest.raises(ReasonRequired):
        review.ignore(attack(), "   ")
    assert review.ignored == []
    item = review.ignore(attack(), "  Quoting the   complaint we reported ")
    assert item == Ignored("Drafting.NameCalling", "idiot", "Quoting the complaint we reported", conduct=True)


def test_advice_can_be_ignored_without_a_reason_and_only_those_words_are_hidden():
    review = DraftReview()
    review.ignore(jargon("Going forward"))
    shown, ignored = review.sort([jargon("going forward"), jargon("stakeholders", 20), attack()])
    assert [f.text for f in shown] == ["stakeholders", "idiot"]
    assert [f.text for f in ignored] == ["going forward"]


def test_ignoring_the_same_words_twice_keeps_one_decision_with_the_latest_reason():
    review = DraftReview()
    review.ignore(attack(), "first reason")
    review.ignore(attack("IDIOT"), "second reason")
    assert [(i.words, i.reason) for i in review.ignored] == [("IDIOT", "second reason")]


def test_rules_switched_off_in_preferences_hide_every_finding_and_appear_on_the_sheet():
    review = DraftReview()
    review.ignore(attack(), "Quoting a resident")
    shown, ignored = review.sort([jargon(), jargon("leverage", 30), attack()], {"Drafting.Jargon": ""})
    assert shown == [] and len(ignored) == 3
    decisions = review.decisions({"Drafting.Jargon": ""})
    assert [(d.rule, d.words, d.reason, d.scope) for d in decisions] == [
        ("Drafting.NameCalling", "idiot", "Quoting a resident", "here"),
        ("Drafting.Jargon", "", "rule turned off in Preferences", RULE),
    ]
    assert review.ignored_by(jargon(), {"Drafting.Jargon": "we say it a lot"}).reason == "we say it a lot"


def test_unignore_shows_the_finding_again_and_restore_puts_the_decision_back():
    review = DraftReview()
    review.ignore(attack(), "Quoting a resident")
    removed = review.unignore("Drafting.NameCalling", "IDIOT")
    assert removed is not None and review.sort([attack()])[0] == [attack()]
    assert review.unignore("Drafting.NameCalling", "idiot") is None
    review.restore(removed)
    assert review.ignored == [removed]


def test_a_fix_counts_only_while_the_check_no_longer_raises_it():
    review = DraftReview()
    assert review.note_fixed(jargon())
    assert not review.note_fixed(jargon("Going Forward"))  # the same words, noted once
    assert [d["text"] for d in review.still_fixed([attack()])] == ["going forward"]
    assert review.still_fixed([jargon("going forward", 40)]) == []  # undone: raised again


def test_round_trip_keeps_everything_including_keys_from_a_newer_app():
    review = DraftReview()
    review.ignore(attack(), "Quoting a resident")
    review.ignore(jargon())
    review.note_fixed(jargon("leverage", 30))
    data = review.to_dict()
    data["approval"] = {"by": "Priya Shah"}
    again = DraftReview.from_dict(data)
    assert again.ignored == review.ignored and again.fixed == review.fixed
    assert again.to_dict()["approval"] == {"by": "Priya Shah"}
    assert again.copy() == again and again.copy() is not again


@pytest.mark.parametrize("data", [[], "review", {"ignored": [{"words": "x"}]}, {"ignored": [5]}])
def test_a_malformed_review_is_a_value_error(data):
    with pytest.raises(ValueError):
        DraftReview.from_dict(data)


def test_legacy_annotations_convert_with_reasons_scopes_and_fixes():
    review = DraftReview.from_legacy(
        {
            "ignored_here": [["Drafting.Jargon", "going forward"], ["Drafting.NameCalling", "idiot"]],
            "conduct_reasons": [
                {"rule": "Drafting.NameCalling", "text": "Idiot", "scope": "here", "reason": "Quoting"},
                {"rule": "Drafting.PileOns", "text": "@a @a", "scope": "rule", "reason": "Our own account"},
            ],
            "fixed": [jargon("leverage").to_dict(), "not a finding"],
        },
        [{"rule": "Drafting.Hedging", "words": "perhaps", "reason": ""}],
    )
    assert [(i.rule, i.words, i.reason, i.scope, i.conduct) for i in review.ignored] == [
        ("Drafting.Jargon", "going forward", "", "here", False),
        ("Drafting.NameCalling", "Idiot", "Quoting", "here", True),
        ("Drafting.PileOns", "@a @a", "Our own account", "rule", True),
        ("Drafting.Hedging", "perhaps", "", "here", False),
    ]
    assert [d["text"] for d in review.fixed] == ["leverage"]


def test_conduct_rules_off_names_only_the_conduct_rules():
    conduct = {"Drafting.PrivateInformation", "Drafting.NameCalling"}.__contains__
    rules_off = {"Drafting.Jargon": "", "Drafting.PrivateInformation": "clicked by mistake"}
    assert conduct_rules_off(rules_off, conduct) == ["Drafting.PrivateInformation"]


def test_grammar_findings_join_the_report_they_belong_to():
    text = "We has a plan."
    has = Finding(3, 6, "has", "LT.AGREEMENT", "grammar", Severity.SUGGESTION, "Use 'have'")
    assert current_grammar(text, 5, 5, [has]) == [has]
    assert current_grammar(text, 5, 4, [has]) == [has]  # older, the words unchanged
    assert current_grammar("We have a plan.", 6, 4, [has]) == []  # older, the words changed
    assert current_grammar(text, 5, 6, [has]) == []  # newer: waits for its report
    assert current_grammar(text, 5, -1, [has]) == []  # no answer yet


def test_decision_history_undoes_a_decision_only_while_no_edit_came_after_it():
    from desktop_app.core.review import DecisionHistory

    log = []
    history = DecisionHistory()
    history.record(3, lambda: log.append("undo ignore"), lambda: log.append("redo ignore"))
    assert not history.undo(4)  # the text was edited since: Ctrl+Z belongs to the text
    assert history.undo(3) and log == ["undo ignore"]
    assert not history.undo(3)  # nothing left to take back
    assert not history.redo(2) and history.redo(3) and log == ["undo ignore", "redo ignore"]
    history.record(3, lambda: log.append("undo show"), lambda: None)
    assert not history.can_redo(3)  # a new decision clears what could be redone
    history.clear()
    assert not history.can_undo(3)
