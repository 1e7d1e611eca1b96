from __future__ import annotations

from tests.checks.conftest import findings_of

RULE = "fixtures.DoNotAmplify"  # the fixture folder's do-not-amplify.txt and the rule's handles


def test_handles_on_the_list_are_flagged_in_any_case_and_removed():
    text = "As @TrollFarm said, and @trolltwo agreed."
    found = findings_of(RULE, text)
    assert [f.text for f in found] == ["@TrollFarm", "@trolltwo"]
    assert found[0].suggestions[0].apply(text) == "As said, and @trolltwo agreed."


def test_the_rules_own_handles_and_only_whole_handles():
    assert [f.text for f in findings_of(RULE, "cc @abuser")] == ["@abuser"]
    assert findings_of(RULE, "cc @abuser2 and @trollfarmer and email@trollfarm.com") == []
