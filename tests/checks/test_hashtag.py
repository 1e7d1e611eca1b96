"""hashtag: lower-case multi-word hashtags get their #CamelCase form, split with the
dictionary when the pack does not know them; no guess when no split is clearly best."""

from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of, shipped_pack

RULE = "Drafting.HashtagCase"


def _rule():
    return shipped_pack().rule(RULE)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Join the rally on Saturday #savethenhs", "#SaveTheNHS"),  # known: the acronym
        ("Thank you to every driver #keepourbusesrunning", "#KeepOurBusesRunning"),
        ("Well done to the ward team #thankyounhs", "#ThankYouNHS"),  # a word of the pack's own
        ("Out on the doorstep #stopthecutsnow", "#StopTheCutsNow"),
        ("Sign the petition #saveourstreetlights", "#SaveOurStreetLights"),
    ],
)
def test_an_unknown_lower_case_hashtag_is_split_into_words(text, written):
    (f,) = findings_of(RULE, text, "shipped")
    assert [s.replacement for s in f.suggestions] == [written]
    fixed = f.suggestions[0].apply(text)
    assert fixed.endswith(written)
    assert findings_of(RULE, fixed, "shipped") == []


@pytest.mark.parametrize(
    "text",
    [
        "Proud of our town #Barnsley",
        "Another great day on the doorstep #barnsley",  # a name, one word
        "Results are in #elections",  # one word
        "Out with the team #LabourDoorstep",  # already capitalised
        "Read more at example.org/#costofliving",  # not a hashtag: part of an address
    ],
)
def test_single_words_and_capitalised_hashtags_pass(text):
    assert findings_of(RULE, text, "shipped") == []


def test_no_confident_split_gives_the_advice_without_a_guess():
    text = "Out in the rain with the team #zorbflaxquintplodge"
    (f,) = findings_of(RULE, text, "shipped")
    assert f.suggestions == ()
    assert "#zorbflaxquintplodge" in f.message


@pytest.mark.parametrize("tag", ["whorepresents", "speedofart", "penisland"])
def test_a_split_that_makes_a_rude_word_is_never_offered(tag):
    assert _rule().split(tag) is None


def test_fewer_longer_words_win():
    assert _rule().split("expertsexchange") == "ExpertsExchange"
    assert _rule().split("fundourfirestations") == "FundOurFireStations"
