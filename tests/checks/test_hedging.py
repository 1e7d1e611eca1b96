from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of

RULE = "fixtures.Hedges"


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("I think we might perhaps win.", "We win."),
        ("Perhaps, maybe, we should act.", "We should act."),
        ("We will, perhaps, possibly act.", "We will act."),
        ("Bins matter. We might possibly fix them soon.", "Bins matter. We fix them soon."),
    ],
)
def test_stacked_hedges_are_flagged_and_the_suggestion_drops_them(text, rewritten):
    (f,) = findings_of(RULE, text)
    assert f.suggestions[0].apply(text) == rewritten
    assert findings_of(RULE, rewritten) == []


def test_one_hedge_passes_and_each_sentence_counts_on_its_own():
    assert findings_of(RULE, "Maybe we will win.") == []
    assert findings_of(RULE, "Maybe we win. Perhaps we lose.") == []
