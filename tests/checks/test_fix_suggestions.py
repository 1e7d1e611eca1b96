"""How the shipped rules build their first suggestions (issue 13): swaps in every form,
private details taken out with the words that served them or replaced by the public
contact, labels turned into the group's own name, advice that adds words only offered,
and an unfilled field a must-fix finding."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.core.fix_run import fix_post
from desktop_app.engine import Analyzer
from tests.checks.conftest import findings_of, shipped_pack

CONTACT = {"email": "branch@example.org", "phone": "01632 960000", "address": "12 High Street, Ashford"}


def _first(rule: str, text: str):
    (f,) = findings_of(rule, text, "shipped")
    return f.suggestions[0]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("We leveraged the fund.", "We used the fund."),
        ("We are leveraging the fund.", "We are using the fund."),
        ("She leverages the fund.", "She uses the fund."),
        ("We ensured it was open.", "We made sure it was open."),
        ("To ensure transparency, we publish it.", "To make sure of transparency, we publish it."),
        ("We liaised with the police.", "We worked with the police."),
        ("Two cohorts finished.", "Two groups finished."),
        ("One cohort finished.", "One group finished."),
        ("Our key priorities are buses.", "Our top priorities are buses."),
        ("We will drive down bills.", "We will cut bills."),
        ("It is an additional cost.", "It is an extra cost."),
        ("We need an holistic plan.", "We need a complete plan."),
        ("Stakeholders agree.", "The people affected agree."),
        ("We have ring-fenced funding.", "We have protected funding."),
    ],
)
def test_jargon_swaps_keep_the_grammar(text, fixed):
    assert _first("Drafting.Jargon", text).apply(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Typical Tory scum, cutting our bus routes again.",
            "The Conservatives are cutting our bus routes again.",
        ),
        ("The Red Tories voted against it.", "Labour voted against it."),
        ("These Red Tories have sold out Hartlepool.", "Labour have sold out Hartlepool."),
        ("The Lib Dums broke their promise.", "The Liberal Democrats broke their promise."),
    ],
)
def test_labels_become_the_groups_own_name_in_a_sentence_that_parses(text, fixed):
    assert _first("Drafting.DerogatoryLabels", text).apply(text) == fixed


PII = "Drafting.PrivateInformation"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "ring Sandra on 07700 900123 or email sandra.jones@gmail.com before Friday",
            "ring Sandra or email us before Friday",
        ),
        ("Dave lives at 14 Acacia Avenue, so pop round", "Dave lives nearby, so pop round"),
        ("Call 07700 900123 tonight.", "Call us tonight."),
        ("Email me at mike.brown@hotmail.co.uk if you can help.", "Email me if you can help."),
        ("Mrs Okafor at 22 Station Road needs help.", "Mrs Okafor needs help."),
        (
            "My address is 7 Elm Close, Leeds LS6 2AB if you need it.",
            "Message me for my address if you need it.",
        ),
        ("Her number is 07700 900123.", "Message us for her number."),
        ("Phone: 07700 900123. Ask for Jo.", "Message us. Ask for Jo."),
        ("For lifts ring Jo. Phone: 07700 900123 any day.", "For lifts ring Jo. Any day."),
        ("Contact: jo.bloggs@gmail.com", "Message us"),
    ],
)
def test_private_details_go_without_orphaned_words(text, fixed):
    result = fix_post(text, Analyzer(_only(PII)).analyze)
    assert result.text == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "ring Sandra on 07700 900123 or email sandra.jones@gmail.com before Friday",
            "ring Sandra at the office on 01632 960000 or email the branch at branch@example.org "
            "before Friday",
        ),
        ("Call 07700 900123 tonight.", "Call the branch on 01632 960000 tonight."),
        ("Her number is 07700 900123.", "Our office number is 01632 960000."),
    ],
)
def test_with_a_public_contact_the_first_suggestion_uses_it(text, fixed):
    result = fix_post(text, Analyzer(_only(PII), contact=CONTACT).analyze)
    assert result.text == fixed


def test_the_public_contact_comes_from_the_pack_and_preferences_override_it():
    pack = dataclasses.replace(_only(PII), contact={"phone": "01632 960000", "name": "the Ashford office"})
    analyzer = Analyzer(pack)
    text = "Call 07700 900123 tonight."
    assert fix_post(text, analyzer.analyze).text == "Call the Ashford office on 01632 960000 tonight."
    analyzer.set_contact({"phone": "01632 960111"})
    assert fix_post(text, analyzer.analyze).text == "Call the Ashford office on 01632 960111 tonight."
    analyzer.set_contact(None)
    assert fix_post(text, analyzer.analyze).text == "Call the Ashford office on 01632 960000 tonight."


def test_a_published_contact_is_not_private_information():
    # how the public reaches the office: nothing to take out (issue 19: no finding at all)
    assert findings_of(PII, "Pop into our office at 12 High Street to collect a poster.", "shipped") == []


def test_advice_that_adds_words_is_offered_never_applied_by_a_blanket_fix():
    text = "Our plan for Mill Lane is to build 40 council homes by 2027."
    (f,) = findings_of("Drafting.InviteFeedback", text, "shipped")
    assert f.suggestions[0].adds and f.suggestions[0].replacement == " What would you change?"
    assert fix_post(text, Analyzer(_only("Drafting.InviteFeedback")).analyze).text == text


@pytest.mark.parametrize(
    ("text", "networks", "added"),
    [
        ("The consultation on the cycle lanes closes on 12 May.", (), " Have your say in the consultation."),
        ("We will reopen the library by June.", (), " What do you think?"),
        (
            "We will reopen the library by June.",
            ("Facebook",),
            " What do you think? Tell us in the comments.",
        ),
        ("We will reopen the library by June. #Leeds", (), " What do you think?"),
    ],
)
def test_the_words_offered_suit_the_post_and_the_network(text, networks, added):
    analyzer = Analyzer(_only("Drafting.InviteFeedback"), platforms=list(networks) or None)
    (f,) = analyzer.analyze(text).findings
    assert f.suggestions[0].replacement == added
    if "#Leeds" in text:
        assert f.suggestions[0].apply(text) == "We will reopen the library by June. What do you think? #Leeds"


def test_an_unfilled_field_is_a_must_fix_finding_and_keeps_conduct_from_clearing():
    analyzer = Analyzer(shipped_pack())
    report = analyzer.analyze("Councillor Hart is a liar.")
    fixed = fix_post(report.text, analyzer.analyze)
    assert fixed.text == "Councillor Hart said [what they said], but [what the record shows]."
    assert [f.category for f in fixed.must_fix] == ["unfinished", "unfinished"]
    assert fixed.report.principles["conduct"].state == "must-fix"
    done = analyzer.analyze(
        "Councillor Hart said the library would stay open, but the minutes show he voted to close it."
    )
    assert done.principles["conduct"].state == "clear"


def _only(rule_id: str):
    pack = shipped_pack()
    return dataclasses.replace(pack, rules=[pack.rule(rule_id)])


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a list of insults goes with the first
        (
            "The minister is a clown, a liar and a coward.",
            "The minister was wrong to [what they did] because [why it matters to residents].",
        ),
        # the verb that linked them tells the number
        (
            "Honestly the Lib Dums are a joke.",
            "Honestly the Liberal Democrats were wrong to [what they did] "
            "because [why it matters to residents].",
        ),
        ("The Corbynistas on the NEC did it.", "Jeremy Corbyn's supporters on the NEC did it."),
        ("A stakeholder engagement event is on 3 June.", "A community engagement event is on 3 June."),
        ("Stakeholder feedback will shape the plan.", "Community feedback will shape the plan."),
        ("Remoaner MPs blocked the bill again.", "Pro-Remain MPs blocked the bill again."),
        (
            "Councillor Fisher is a disgrace to Leeds.",
            "Councillor Fisher was wrong to [what they did] because [why it matters to residents] in Leeds.",
        ),
        ("We're committed to delivering quality services.", "We're committed to providing quality services."),
        ("We will ensure a smooth transition.", "We will make sure of a smooth transition."),
    ],
)
def test_whole_posts_fixed_by_the_shipped_pack(text, fixed):
    assert fix_post(text, Analyzer(shipped_pack()).analyze).text == fixed
