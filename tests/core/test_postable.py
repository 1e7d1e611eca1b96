"""The artefacts a fix must never leave, judged the same way by tests and the benchmark."""

from __future__ import annotations

import pytest

from desktop_app.core.postable import artefacts, kept_words


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ring Sandra on 07700 900123 or email her", "ring Sandra on or email her"),
        ("Dave lives at 14 Acacia Avenue, so pop round", "Dave lives at, so pop round"),
        ("leverage all stakeholders", "all everyone involved"),
        ("Hart is a liar.", "Hart's decision to ... is wrong because ...."),
        ("We need an holistic plan. We act.", "We need an whole plan. We act."),
        ("Hi. @x we wait.", "Hi. we wait."),
        ("We use it.", "We use use it."),
        ("Sandra Jones (07700 900123) is here.", "Sandra Jones  is here."),
    ],
)
def test_the_artefacts_of_issue_13_are_caught(before, after):
    assert artefacts(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Going forward, we act.", "From now on, we act."),
        ("We need an holistic plan.", "We need a complete plan."),
        ("Ring Sandra on 07700 900123 tonight.", "Ring Sandra tonight."),
        ("It was an e.g. case", "It was an e.g. case"),
    ],
)
def test_clean_fixes_pass(before, after):
    assert artefacts(before, after) == []


def test_names_places_and_numbers_are_kept_outside_what_was_removed():
    before = "Ring Sandra on 07700 900123 in Ashford by 2 May."
    assert kept_words(before, "Ring Sandra in Ashford by 2 May.", [(15, 27)]) == []
    assert kept_words(before, "Ring her in Ashford by May.", [(15, 27)]) == ["Sandra", "2"]
