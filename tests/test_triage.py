"""Sorting replies with the shipped policy and the real engine (desktop_app/triage.py):
the issue's own examples, our own reply sets (tests/data/replies, in our own words) and the
words the officer copies or starts from. benchmarks/eval_replies.py prints the figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.core.findings import Finding, Severity
from desktop_app.core.replies.judge import SecondOpinion, Triage, judge
from desktop_app.core.replies.sources import Reply
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from desktop_app.triage import ReplyTriager

SETS = Path(__file__).parent / "data" / "replies"


@pytest.fixture(scope="module")
def triager():
    return ReplyTriager()


def sorted_as(triager, text: str, author: str = "") -> Triage:
    return triager.triage(Reply(text, author=author)).verdict.triage


def lines(name: str) -> list[str]:
    return [
        x.strip() for x in (SETS / f"dev-{name}.txt").read_text(encoding="utf-8").splitlines() if x.strip()
    ]


def test_the_shipped_reply_policy_loads_without_problems(triager):
    assert triager.problems == []
    assert triager.policy.question is not None and triager.policy.thanks is not None


@pytest.mark.parametrize(
    "text",
    [
        "This is rubbish and you know it",
        "You voted against this two years ago, why believe you now?",
        "I won't vote Labour again",
        "this is bloody ridiculous",
    ],
)
def test_the_issues_examples_are_answered_never_reported(triager, text):
    assert sorted_as(triager, text) is Triage.RESPOND


def test_no_criticism_question_or_thanks_of_ours_is_reported(triager):
    for name in ("criticism", "thanks", "profanity-untargeted", "no-action"):
        reported = [t for t in lines(name) if sorted_as(triager, t) is Triage.REPORT]
        assert reported == [], name


def test_no_ordinary_reply_of_batch_r1_is_reported(triager):
    """120 replies a second writer wrote to trip a crude checker: none is abuse to report."""
    text = (SETS / "ordinary-r1.txt").read_text(encoding="utf-8")
    replies = [x.strip() for x in text.splitlines() if x.strip() and not x.startswith("# ")]
    assert len(replies) == 120
    assert [t for t in replies if sorted_as(triager, t) is Triage.REPORT] == []


def test_criticism_and_questions_are_answered_and_thanks_thanked(triager):
    assert [t for t in lines("criticism") if sorted_as(triager, t) is not Triage.RESPOND] == []
    assert [t for t in lines("thanks") if sorted_as(triager, t) is not Triage.THANK] == []
    assert [t for t in lines("no-action") if sorted_as(triager, t) is not Triage.NO_ACTION] == []


@pytest.mark.parametrize(
    ("text", "triage"),
    [
        # praise that opens a complaint, and thanks said bitterly, are criticism
        ("Oh wonderful, yet more cones on the bypass.", Triage.RESPOND),
        ("Marvellous. Another consultation about the same car park.", Triage.RESPOND),
        ("Another budget meeting, because the last one worked out so well.", Triage.RESPOND),
        ("Ta for nothing, as usual.", Triage.RESPOND),
        ("Thanks a lot then.", Triage.RESPOND),
        ("Well done, you've cost the village another £15k a year.", Triage.RESPOND),
        ("I'll just leave my flat empty then, shall I.", Triage.RESPOND),
        ("Well done everyone, the fete raised £2,000!", Triage.THANK),
        # the same openers with real thanks stay thanks
        ("Oh wonderful, thank you for fixing the swings so fast!", Triage.THANK),
        ("Thanks a lot for your help with the blue badge form.", Triage.THANK),
        # abuse someone else wrote or said, reported to condemn it, is no abuse of the writer's
        ("Someone sprayed burn the caravans on the sea wall and it's vile. Bad plan still.", Triage.RESPOND),
        ("Whoever painted traitor on her office window needs to grow up. Bad policy though.", Triage.RESPOND),
        ("Somebody further down said she should be strung up. Report that, argue the point.", Triage.RESPOND),
        ("Whoever left that note on your office door is an idiot. We're still angry though.", Triage.RESPOND),
        ("Someone on the town page said they'd burn it down with her in it. Reported.", Triage.RESPOND),
        # ... and the same words said by the writer are reported
        ("Somebody should string her up.", Triage.REPORT),
        ("Whoever voted for this is a traitor and should be strung up.", Triage.REPORT),
        # a party's nickname for the record it is said to share is criticism of the party
        ("Red Tories, the lot of you. No different from the last council.", Triage.RESPOND),
        ("Liebour lies again.", Triage.RESPOND),
        # the office written to by everyone is how people take part; a building shut is no "shut it"
        ("Everyone email her office and the planning committee, politely, ask for a review.", Triage.RESPOND),
        ("The youth club met in the old library until you shut it. The irony.", Triage.RESPOND),
        # a masked swear word is emphasis, as the word is ("F*cking joke, the lot of them")
        ("SNP and Labour, useless as each other. F*cking joke the lot of them.", Triage.RESPOND),
        ("What a f*cking joke.", Triage.RESPOND),
        # thanks turns off the cues that need a person, not those never said kindly, and
        # thanks said with a complaint is no thanks
        ("Cheers for the update. Tick tock.", Triage.REPORT),
        ("Thanks a lot for shutting the pool. Careful on that dog walk tonight.", Triage.REPORT),
        ("Thanks for the update, sleep well everyone", Triage.THANK),
        # support is thanked
        ("You have my vote, no question.", Triage.THANK),
        ("Keep battling for the youth club!", Triage.THANK),
        ("Keep up the brilliant work.", Triage.THANK),
        ("Well put, Councillor Okafor.", Triage.THANK),
        ("Count us in.", Triage.THANK),
        ("Behind you 100%.", Triage.THANK),
        # ... unless it also asks or criticises
        ("You have my vote, but why did the ward surgery stop?", Triage.RESPOND),
        ("Keep up the good work, shame about the bins though.", Triage.RESPOND),
        # tagging a friend, or passing the post on, is left alone
        ("@gemma_t take a look at this", Triage.NO_ACTION),
        ("@gemma_t isn't this near your mum's?", Triage.RESPOND),  # a question: answered
        ("@gemma_t this is just by your sister's", Triage.NO_ACTION),
        ("Came across this on the village WhatsApp group.", Triage.NO_ACTION),
        ("Tagging @gemma_t", Triage.NO_ACTION),
        # ... unless the tag goes on to ask the officer something or criticise
        ("@gemma_t @cllr_okafor when are the swings being mended", Triage.RESPOND),
        ("@gemma_t take a look, the council has left the swings broken all summer", Triage.RESPOND),
        ("@gemma_t look this is near your nans", Triage.NO_ACTION),
        # sarcasm that closes or frames a complaint is answered, not thanked
        ("So the parking charge goes up again and we get a new logo. Brilliant 👏", Triage.RESPOND),
        ("Cutting the night bus then wondering why town is empty. Joined up thinking 👏", Triage.RESPOND),
        ("Nice photo op. Meanwhile the potholes on Mill Lane are still there", Triage.RESPOND),
        ("wow so brave, a tweet instead of a vote", Triage.RESPOND),
        ("Lovely new mural 🙄 the roof of the school still leaks", Triage.RESPOND),
        ("So the new pool opens on Saturday, brilliant news, thank you!", Triage.THANK),
        # adverts and spam are left alone, even when they ask something
        ("Want to make £300 a week from your sofa?? DM me for details", Triage.NO_ACTION),
        ("Follow my page for daily memes, link in bio", Triage.NO_ACTION),
        ("Use my promo code for 20% off your first box", Triage.NO_ACTION),
        # ... but an offer of help is answered
        ("DM me if you need a hand with the blue badge form, I did mine last week", Triage.RESPOND),
        # talk among the replies asks nothing of us (session 15: half of the blind sets'
        # chatter was sent to be answered)
        ("anyone know if the 56 bus is running today? been stood here 20 mins", Triage.NO_ACTION),
        ("Does anyone know if the Co-op on the high street is open late tonight", Triage.NO_ACTION),
        ("Who won the Villa game I missed it", Triage.NO_ACTION),
        ("Lost dog near the Magic Roundabout, brown spaniel answers to Biscuit, pls share", Triage.NO_ACTION),
        ("Looking for a reliable plumber in LS12, any recommendations?", Triage.NO_ACTION),
        ("is that the new Greggs in the background? 🥐", Triage.NO_ACTION),
        ("@sam_b @kez anyone know if the 42 is running", Triage.NO_ACTION),
        ("whats the song at the start of the vid?", Triage.NO_ACTION),
        # ... unless it turns to us, or complains
        ("Anyone know why the council still hasn't fixed the lights on Mill Lane?", Triage.RESPOND),
        ("Does anyone know if Labour will actually keep the library open?", Triage.RESPOND),
        ("Who's going to pay for it? The council is skint", Triage.RESPOND),
        # session 16 (batch Y21): "you" after a tag is said to the friend tagged, not to us
        ("@Dawn tagging you so you see it later x", Triage.NO_ACTION),
        ("Is the cafe in the park open on Sundays does anyone know?", Triage.NO_ACTION),
        ("Looking for a window cleaner in Fulwell, recommendations please", Triage.NO_ACTION),
        ("Kev ye still owe us a tenner from the match 😂", Triage.NO_ACTION),
        ("@CllrHart why did you vote to close the library?", Triage.RESPOND),
        ("@CllrHart tagging you: the potholes on Elm Road are a disgrace", Triage.RESPOND),
        # ... and thanks in the old words
        ("As a 70 year old lesbian who remembers when you couldn't say it, bless you all x", Triage.THANK),
        # session 16 (batch Y22): thanks in Black Country words; a GIF, a crypto advert; the
        # writer saying where they live is not someone's address
        ("Ta bab 👍", Triage.THANK),
        ("Muslim neighbour here, really happy for our Sikh brothers and sisters 🤲", Triage.THANK),
        ("[GIF: cat typing really fast on a keyboard]", Triage.NO_ACTION),
        ("Made £4,700 from crypto trading with his signals 📈 DM him on WhatsApp", Triage.NO_ACTION),
        ("Christian living on Cape Hill here, glad to see places of worship backed. Well done", Triage.THANK),
        ("She's living on Cape Hill Road now, go round and tell her", Triage.REPORT),
        # session 17 (batch R1, ordinary replies): sarcasm after a complaint, scare quotes
        # laughed at, a problem still there
        ("300 flats going up and not one new GP. Brilliant planning, that.", Triage.RESPOND),
        ('🤣 "a greener Midshire" 🤣', Triage.RESPOND),
        ("🚧🚧 still there. week 3.", Triage.RESPOND),
        ("Great work there lads, the park looks lovely", Triage.THANK),
        ("Still here and still smiling, thanks for the card x", Triage.THANK),
        ("The crews on our road are great, it's the depot managers that are the problem", Triage.RESPOND),
        ("Thanks for sorting the problem with the drains on Elm Road so fast", Triage.THANK),
        # session 18 (batches Y23, Z15): thanks said bitterly, disbelief, a GIF of a man
        # alone, one's own bad day
        ("Voted for you lot for thirty years and this is the thanks we get", Triage.RESPOND),
        ("The estate's taken for granted every single election", Triage.RESPOND),
        ("fancy closing the only public loos on the front. inspired 👏", Triage.RESPOND),
        ("Homes for our kids and a new surgery, what's not to like", Triage.THANK),
        ("canny plan that, about time", Triage.THANK),
        ("[GIF: old man shaking his fist at a cloud]", Triage.NO_ACTION),
        ("[GIF: councillor shrugging] still no date for the bins", Triage.RESPOND),
        ("Three hours on hold to the council. Kill me now.", Triage.RESPOND),
    ],
)
def test_sarcasm_support_and_tags_are_sorted_as_what_they_are(triager, text, triage):
    assert sorted_as(triager, text) is triage


def test_most_abusive_replies_of_ours_are_reported(triager):
    abusive = lines("abusive")
    reported = sum(sorted_as(triager, t) is Triage.REPORT for t in abusive)
    # The aim is 16 of 17 (94%). The conduct rules now report every one of these 40 (implied
    # threats, group smears, sexist and ageist dismissals, sexual insinuations and "Die."
    # included); a change that loses one fails here.
    assert reported == len(abusive)


@pytest.mark.parametrize(
    ("text", "clause", "category", "police"),
    [
        ("We know where you live, Councillor.", "C-abuse", "violent speech", True),
        ("Her personal mobile is 07700 900461, ring her.", "C-private-info", "private information", False),
        ("Get back in the kitchen, love.", "C-discrimination", "hateful conduct", False),
        (
            "Everyone tag her until she quits.",
            "C-trolling",
            "abuse and harassment (targeted harassment)",
            False,
        ),
        ("You 1d10t.", "C-personal-attacks", "abuse and harassment", False),  # leetspeak undone
        ("You lot are f*cking useless.", "C-abuse", "abuse and harassment", False),
    ],
)
def test_a_report_names_the_clause_and_the_platforms_category(triager, text, clause, category, police):
    verdict = triager.triage(Reply(text)).verdict
    assert (verdict.triage, verdict.clause, verdict.category, verdict.police) == (
        Triage.REPORT, clause, category, police,
    )  # fmt: skip
    assert verdict.findings


def test_the_report_text_says_what_where_which_clause_and_category(triager):
    reply = Reply("I hope you die.", author="@troll", date="2026-03-01 10:02", link="https://x.com/t/9")
    text = triager.triage(reply).report_text
    for part in ("@troll", "2026-03-01 10:02", "https://x.com/t/9", '"I hope you die."',
                 '("No abuse, harassment or intimidation")', "violent speech", "police"):  # fmt: skip
        assert part in text
    assert "C-abuse" not in text  # our own clause id is for the log, not for a moderator


def test_every_suggested_opening_passes_the_checks_and_invites_more(triager):
    """An opening becomes a draft: it must not start with a must-fix finding, and it thanks
    and invites more (principles 5 and 10)."""
    analyzer = Analyzer(load_policy())
    for kind, opening in triager.policy.openings.items():
        findings = analyzer.analyze(opening).findings
        assert [f for f in findings if f.severity is Severity.MUST_FIX] == [], kind
        assert [f for f in findings if f.category == "invite-feedback"] == [], kind
        assert "thank" in opening.lower(), kind


def test_a_reply_to_answer_gets_an_opening_and_a_report_does_not(triager):
    answered = triager.triage(Reply("When will the potholes on Station Road be fixed?"))
    assert answered.opening.startswith("Thanks for asking") and answered.report_text == ""
    reported = triager.triage(Reply("You absolute moron."))
    assert reported.opening == "" and reported.report_text


def test_an_author_on_the_do_not_amplify_list_is_not_answered(triager):
    triager.add_listed(["@Example_Troll"])
    verdict = triager.triage(Reply("Why was the library closed?", author="example_troll")).verdict
    assert (verdict.triage, verdict.do_not_amplify) == (Triage.NO_ACTION, True)
    assert (
        triager.triage(Reply("Why was the library closed?", author="@someone")).verdict.triage
        is Triage.RESPOND
    )


def test_the_shipped_list_entry_is_known_to_the_triager():
    assert ReplyTriager().is_listed("@example_abuse_account")


def test_a_correction_keeps_the_clause_of_a_report_and_words_a_new_one(triager):
    reported = triager.triage(Reply("We know where you live."))
    corrected = triager.corrected(reported, Triage.RESPOND)
    assert (corrected.verdict.triage, corrected.verdict.corrected, corrected.report_text) == (
        Triage.RESPOND, True, "",
    )  # fmt: skip
    assert corrected.opening
    answered = triager.triage(Reply("Why was the library closed?"))
    now_reported = triager.corrected(answered, Triage.REPORT)
    assert (now_reported.verdict.clause, now_reported.verdict.category) == ("C-abuse", "abuse and harassment")
    assert now_reported.verdict.reason == "sorted as one to report by you"
    assert "[Say what makes it abuse]" in now_reported.report_text
    again = triager.triage(Reply("Why was the library closed?"), correction=Triage.THANK)
    assert again.verdict.triage is Triage.THANK and again.verdict.corrected


def test_the_second_opinion_reads_through_evasion(triager):
    plain = triager.second_opinion("You absolute m0r0n", full=True)
    assert plain is not None and plain.score >= triager.second_opinion("You absolute", full=True).score


@pytest.mark.parametrize(
    ("reported", "said"),
    [
        ('She was sent a message saying "you are a stupid cow"', "you are a stupid cow"),
        (
            'A man on the bus told my daughter "you ugly little freak, nobody wants you here" and I am'
            " furious",
            "you ugly little freak, nobody wants you here",
        ),
        ('someone shouted "f*** off you stupid b****" at my nan', "f*** off you stupid b****"),
    ],
)
def test_abuse_a_reply_reports_is_not_reported_and_the_same_words_said_are(triager, reported, said):
    assert sorted_as(triager, reported) is not Triage.REPORT
    assert sorted_as(triager, said) is Triage.REPORT


def test_the_learned_opinions_do_not_score_a_reported_quotation(triager):
    quoted = triager.second_opinion('She was sent a message saying "you are a stupid cow"', full=True)
    said = triager.second_opinion("you are a stupid cow", full=True)
    assert said.score >= triager.policy.model_threshold > quoted.score


@pytest.mark.parametrize(
    ("verdict_on_a_view", "name_alone"),
    [
        (
            "The Chancellor is an absolute clown if he thinks freezing tax thresholds isn't a tax rise.",
            "The Chancellor is an absolute clown.",
        ),
        (
            "Councillor Hart is an idiot for thinking the bypass will fix traffic.",
            "Councillor Hart is an idiot.",
        ),
    ],
)
def test_a_name_that_judges_a_view_is_answered_and_the_name_alone_reported(
    triager, verdict_on_a_view, name_alone
):
    assert sorted_as(triager, verdict_on_a_view) is Triage.RESPOND
    assert sorted_as(triager, name_alone) is Triage.REPORT


def test_a_word_the_writer_says_of_themselves_is_no_attack(triager):
    assert sorted_as(triager, "I'm a dyke, I'm a councillor, and I'm standing again. Deal with it.") is not (
        Triage.REPORT
    )
    assert sorted_as(triager, "Councillor Amin is a dyke and everyone knows it.") is Triage.REPORT


@pytest.mark.parametrize(
    ("how_people_are_treated", "a_name"),
    [
        (
            "The election result is what happens when you treat voters like idiots.",
            "You are idiots, the lot of you.",
        ),
        ("Stop talking to residents like idiots.", "Residents think you're an idiot."),
    ],
)
def test_a_name_for_how_people_are_treated_is_answered(triager, how_people_are_treated, a_name):
    assert sorted_as(triager, how_people_are_treated) is Triage.RESPOND
    assert sorted_as(triager, a_name) is Triage.REPORT


@pytest.mark.parametrize(
    ("lower_case", "not_a_name"),
    [
        ("sarah mitchell is a clown", "the council is a joke"),
        ("@USER theresa may is a spineless lying cow", "will is a liar, says the poster on the bus"),
    ],
)
def test_a_name_typed_in_lower_case_is_still_a_person(triager, lower_case, not_a_name):
    """Replies are often typed without capitals: a name the dictionary knows is still a name."""
    assert sorted_as(triager, lower_case) is Triage.REPORT
    assert sorted_as(triager, not_a_name) is not Triage.REPORT


def test_thanks_a_model_misreads_is_not_reported(triager):
    """Our reply-abuse model was once sure of this thanks ('near', 'house'); thanks that
    complains of nothing is thanks whatever a model makes of it. The opinion stands in for
    the model's, whatever its weights now say; the same opinion of a reply that thanks no
    one is reported, and a rule still reports abuse said with thanks."""
    thanks = "Well done and thank you, this will change lives near our house ❤️"
    sure = SecondOpinion(0.99, thanks, ("change", "lives", "house"))
    assert judge(thanks, [], triager.policy, abuse=sure).triage is Triage.THANK
    rude = "You will change lives near our house, you wretch"
    assert (
        judge(rude, [], triager.policy, abuse=SecondOpinion(0.99, rude, sure.words)).triage is Triage.REPORT
    )
    assert sorted_as(triager, thanks) is Triage.THANK
    assert sorted_as(triager, "Thanks for nothing, I hope you die") is Triage.REPORT


def test_a_report_the_group_model_carries_quotes_all_its_words_not_one(triager):
    """GroupHate is advice from a model: a reply it alone reported said "'run' is
    discrimination" (its first word), which tells the officer nothing; the reason quotes
    every word it read."""
    text = "The Jews run Labour and she's just there little puppet, look who funds them"
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT
    assert verdict.findings and all(f.severity is Severity.ADVICE for f in verdict.findings)
    # every stretch of words the model read, each quoted (which words depends on the weights)
    quoted = verdict.reason.removesuffix(" reads as discrimination against a group of people")
    quoted = quoted.removesuffix(" read as discrimination against a group of people")
    assert quoted != verdict.reason and quoted.startswith("'") and quoted.endswith("funds'")
    assert len(re.findall(r"\w+", quoted)) >= 3


def test_thanks_the_group_model_misreads_is_not_reported(triager):
    """A trans woman thanking us was reported as discrimination: GroupHate (a model's advice)
    was sure of 'Country' in "the Black Country". Thanks that complain of nothing is thanks
    whatever a model makes of it (the card stands in for the model's, whatever its weights
    now say); a rule's advice in thanks is still reported ("your mam must be proud raising a
    traitor"), and so is a rule's finding."""
    policy = triager.policy
    assert "Drafting.GroupHate" in policy.model_rules
    thanks = "as a trans woman in the Black Country this means so much, thank you 💜"
    start = thanks.index("Country")
    card = Finding(start, start + 7, "Country", "Drafting.GroupHate", "discrimination", Severity.ADVICE, "")
    assert judge(thanks, [card], policy).triage is Triage.THANK
    assert judge("This means so much to us in the Black Country", [card], policy).triage is Triage.REPORT
    assert sorted_as(triager, "Ay Huw, your mam must be proud raising a traitor") is Triage.REPORT
    assert sorted_as(triager, "Thanks for nothing, trannies like you should be shot") is Triage.REPORT


def test_an_advert_giving_its_own_number_is_not_private_information(triager):
    """A window cleaner's advert with his mobile was reported as someone's private
    information: an advert is no action. A number given to hound someone is still reported."""
    advert = "CHEAP WINDOW CLEANING LS11 LS12 call Gaz on 07700 900982 no job too small"
    assert sorted_as(triager, advert) is Triage.NO_ACTION
    hounding = "Everyone ring her on 07700 900412 and tell her what you think, no job too small"
    assert sorted_as(triager, hounding) is Triage.REPORT


def test_a_question_of_accountability_the_offence_model_misreads_is_answered(triager):
    """Session 22 (batch Y72): "Will you commit to that publicly?" scored 0.91 with the offence
    model ('publicly', 'commit') and was reported as abuse aimed at a person. Words of
    accountability never carry a learned opinion's report alone."""
    text = (
        "Any Chinese, US or Gulf money going into this should face the same scrutiny. "
        "Will you commit to that publicly?"
    )
    triaged = triager.triage(Reply(text))
    opinion = triager.second_opinion(text, triaged.findings)
    assert opinion.score >= triager.policy.model_threshold  # the model is sure of it ...
    assert triaged.verdict.triage is Triage.RESPOND, triaged.verdict.reason  # ... and it is answered


def _reported_by_a_cue(triager, text, family, monkeypatch):
    """The verdict on `text` with our model's report alone out of reach: reported as what
    the cue `family` says it is."""
    _cues_only(triager, monkeypatch)
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.reason.endswith(f"reads as {family} in this reply")
    return verdict


def _cues_only(triager, monkeypatch):
    """The shipped policy with our abuse model's report alone out of reach (a threshold of
    1.0): what is reported is reported by a cue and the model's lean."""
    from dataclasses import replace

    monkeypatch.setattr(triager, "policy", replace(triager.policy, abuse_threshold=1.0))


@pytest.mark.parametrize(
    "text, category",
    [
        ("Know which street you're on now mate. Sleep well", "abuse and harassment"),
        ("Pile in lads, his mentions are wide open", "abuse and harassment (targeted harassment)"),
        ("Be careful walking home from the town hall, councillor", "abuse and harassment"),
    ],
)
def test_a_cue_with_our_abuse_models_lean_reports_what_no_rule_reads(triager, text, category, monkeypatch):
    """Session 25 (blind batches Y125-Y130): veiled threats and pile-ons no rule reads, which
    our abuse model leaned on without reporting them alone. Each retraining moves some of
    them over the model's own threshold (session 26's model reports "Mind how you go on
    that bike of yours ..., accidents happen" itself), so the model's report alone is put out
    of reach here: the cue and the model's lean must report it."""
    _cues_only(triager, monkeypatch)
    assert triager.abuse_opinion(text).score >= triager.policy.cued_threshold  # a lean
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.category == category
    assert [f.rule for f in verdict.findings] == ["Drafting.CuedAbuse"]


def test_a_veiled_threat_with_a_kind_word_is_still_reported(triager):
    """Session 26: "Saw your car outside your place again last night. Lovely street" was
    sorted as thanks: 'lovely' is a word of thanks, and thanks turned the cues off. Said
    after being watched, 'lovely' is the menace; thanks with a cue in it is still thanks."""
    text = "Saw your car outside your place again last night. Lovely street"
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert [f.rule for f in verdict.findings] == ["Drafting.CuedAbuse"]
    for thanks in (
        "Lovely to see you at the hustings again, thank you for coming",
        "Thank you all for a lovely evening, sleep well everyone",
        "Saw you at the food bank again on Saturday. Lovely work, thank you",
    ):
        assert triager.triage(Reply(thanks)).verdict.triage is Triage.THANK, thanks


def test_a_sentence_our_model_is_sure_of_reports_on_one_word(triager):
    """Session 27 (batches Y153-Y160): "Get back on the boat mate" (0.993) and "Thought they
    put people like you down these days" (0.993) were each carried by one named word, and
    answered. The pairs of words around it push too and name no word: from
    report.abuse_unaimed_threshold one named word is enough."""
    model = triager.policy.abuse_model
    sentence = "Back on the dinghy you go"
    assert model.score(sentence) >= triager.policy.abuse_unaimed_threshold
    assert len({w.word for w in model.explain(sentence).words if w.weight > 0}) == 1
    verdict = triager.triage(Reply(sentence)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.reason == "'dinghy' reads as abuse aimed at a person"


def test_a_cue_says_what_a_reply_does_before_our_model_says_it_reads_as_abuse(triager):
    """A reply our model reports alone that a cue reads too is reported for what the cue
    says it does ("a call to pile on", under trolling), not only as abuse."""
    sentence = "Lets all send her what we think of her."
    opinion = triager.abuse_opinion(sentence)
    assert opinion.alone and opinion.score >= triager.policy.abuse_threshold  # the model alone would
    verdict = triager.triage(Reply(sentence)).verdict
    assert verdict.reason == "'Lets all' reads as a call to pile on in this reply"
    assert verdict.category == "abuse and harassment (targeted harassment)"


@pytest.mark.parametrize(
    "text, family",
    [
        ("Careful cycling past the quarry on your way home, councillor", "a veiled threat"),
        ("Hope his tyres get let down outside the chamber", "a veiled threat"),
        ("Enjoy your drive home tonight, councillor", "a veiled threat"),
        ("Smile while you can, pal", "a veiled threat"),
    ],
)
def test_a_journey_home_and_a_smile_while_you_can_are_veiled_threats(triager, text, family, monkeypatch):
    """Session 27 (blind batches Y153-Y160): "Careful rolling down that hill near your flat,
    brakes fail all the time", "Enjoy your drive home tonight", "Smile while you can"."""
    _reported_by_a_cue(triager, text, family, monkeypatch)


@pytest.mark.parametrize(
    "text, family",
    [
        ("Know where your office is. Know when you leave.", "a veiled threat"),
        ("Let's go and have a little chat with her after the meeting, lads", "a veiled threat"),
        ("Take away his security and see how brave he is then", "a veiled threat"),
        ("Keep posting and see what happens. You've been warned.", "a veiled threat"),
        (
            "Yer surgery's every other Friday at the church hall, aye? Some of us might pop in",
            "a veiled threat",
        ),
        ("Someone find his house and let's have a word", "a veiled threat"),
    ],
)
def test_a_visit_a_warning_and_a_house_to_find_are_veiled_threats(triager, text, family, monkeypatch):
    """Session 27 (blind batches Y161-Y168, after their first-sight measure): "Know where
    your office is", "let's have a little chat", "see how brave he is then", "Mibbe some of
    us will pop in and hae a word" after a surgery's day, "Someone find her flat"."""
    _reported_by_a_cue(triager, text, family, monkeypatch)


def test_a_scots_ye_is_said_to_someone(triager):
    """Batch Y167: "Back tae the broo whaur ye belong hen" (0.982) named no one our model
    knew: 'ye', 'yer', 'youse' and 'yous' now address the one answered."""
    verdict = triager.triage(Reply("Back tae the broo whaur ye belong")).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason


@pytest.mark.parametrize(
    "text",
    ["You should be grateful we even let you stand", "Your lot ought to be grateful for what you get"],
)
def test_being_told_to_be_grateful_is_no_thanks(triager, text):
    """Batch Y159: "Your lot should be grateful for what you get and keep your mouths shut"
    was sorted as thanks (so our model's 0.997 was set aside)."""
    assert triager.triage(Reply(text)).verdict.triage is not Triage.THANK


@pytest.mark.parametrize(
    "text",
    [
        'People use "globalist" when they mean global finance. Be careful, the word has an ugly history.',
        "Send us your address and we'll look into the bins this week",
        "Be careful what you promise, people remember the last manifesto",
        "I hope you actually read the consultation responses this time",
        # session 27's cues, in a complaint
        "You post every morning about potholes and nothing changes",
        "She's on the radio every morning defending this and still won't answer the question",
        "I'll pop down to your surgery on Friday and ask you myself",
        "I hope their business plan fails before it costs us more",
        "His house is in the ward, so he knows what the traffic is like on Mill Lane",
        "Remember what happened to the last council that closed a library? Voted out",
        "Fix the crossing or someone'll get run over, it's a matter of time",
        "Shame the council didn't get the funding before the cuts",
        "Be careful in that car park, it's not lit and the council knows it",
        "Know when you're up for election, councillor, and we'll remember",
        "Let's have a word with the planning officers about this before Thursday",
        "Parents at the school gates are furious about the new parking charges",
        "I'll say hi at the surgery and ask about the bins 😉",
        "You've been warned about this junction for years and still no crossing",
        # session 28: cues that need no person, and new cues, said kindly or as complaint
        "Careful on that bike ride home from the depot tonight, the lights are out on the bypass",
        "Would be a pity if the library closed for good",
        "What a night. Sleep well all",
        "I know the house you mean, the council bought it for temporary accommodation",
        "Enjoy your visitors at the open day, the kids loved it last year",
        "We'll be paying visits to every ward surgery to ask about the bus cuts",
        "My nan went to Dignitas in the end and I still think the law here is cruel",
        "Shame your mum didn't see the new library, she'd have loved it",
        "Don't walk the dog alone at night round the park, the lights have been out for weeks",
        "The volunteers have kept the library going for years. This is a slap in the face to them.",
        "Cockroaches in the kitchens of the care home and nobody from the council has been out",
        "Be careful walking back from the station late, the lights are out on Mill Lane",
        "Enjoy the school run tomorrow, the new crossing is finally open",
        "Jo Cox said we have far more in common, and she was right",
        "Share this till every family in the ward knows about the free school meals",
        "The old system didn't end well for them, the tenants were evicted in the end",
        "Fancy a swim? The lido reopens Saturday 😉",
        "Hope your kids get the school place they need",
        # session 31's general menace cues, said plainly
        "We have long memories in Ashford, and we will remember this at the ballot box in May.",
        "For future reference, the bins go out on Tuesdays.",
        "Thought you'd like to know the lido reopens Saturday.",
        "You know where to find me if you want the figures: the library on Tuesdays.",
        "Mark my words, the bypass will be a disaster.",
        "The new road will be finished soon enough.",
        "This isn't a threat, just a fact: the bus cuts will cost you the seat.",
    ],
)
def test_a_cue_said_plainly_is_not_reported(triager, text):
    assert triager.triage(Reply(text)).verdict.triage is not Triage.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "Saw your car outside your place again 👀",
        "Tick tock auntie. People know your car ⏰",
    ],
)
def test_being_watched_said_with_our_abuse_models_lean_is_reported(triager, text, monkeypatch):
    """Session 25 (blind batches Y131-Y136): a councillor told where her car was seen, or
    that people know it, was answered."""
    _reported_by_a_cue(triager, text, "a veiled threat", monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "Saw you at the hustings again and you promised the same thing as last year",
        "Keep an eye on your inbox, we've sent the petition to every councillor",
    ],
)
def test_being_seen_at_work_is_not_a_veiled_threat(triager, text):
    assert triager.triage(Reply(text)).verdict.triage is not Triage.REPORT


@pytest.mark.parametrize(
    "text, family",
    [
        ("Next time I see him in the precinct I'll say hello properly", "a veiled threat"),
        ("He'll be lucky if his car is in one piece by Friday", "a veiled threat"),
        ("Vote her out or carry her out", "a veiled threat"),
        # session 30: "Hope your boiler explodes mate" is a Threats phrase now; session 31: and
        # so is "Hope your liver packs in mate"
        ("Hope your boiler packs in this winter mate", "harm wished on someone"),
        # session 31: our model leant on pairs of words alone, which name no word
        ("Hope your back gives out mate", "harm wished on someone"),
        ("Which house on his street is his, the one with the van outside?", "someone's private information"),
        ("Post her photo everywhere and let people recognise her in the street", "a call to pile on"),
    ],
)
def test_threats_that_tell_a_routine_a_home_or_a_harm_are_reported(triager, text, family, monkeypatch):
    """Session 27 (blind batches Y145-Y152): a promised visit, a car that may not stay in one
    piece, a harm wished on a boiler or a heart, the house on someone's road, a face shared
    so that people stop her in the street. Our model leaned on each; no cue read them."""
    verdict = _reported_by_a_cue(triager, text, family, monkeypatch)
    assert [f.rule for f in verdict.findings] == ["Drafting.CuedAbuse"]


@pytest.mark.parametrize(
    "text",
    [
        "Careful on that school run tomorrow x",
        "Careful on that bike ride home from the depot tonight",
        "Would be a pity if the office windows went in",
    ],
)
def test_a_menace_that_names_no_one_is_reported_by_a_cue_never_said_kindly(triager, text, monkeypatch):
    """Session 28 (blind batches Y153-Y168): "Careful on that dog walk tomorrow morning x"
    names no one, and every cue needed a person named. Cues never said kindly (`unaimed`)
    need only our model's lean."""
    _reported_by_a_cue(triager, text, "a veiled threat", monkeypatch)


def test_a_handle_is_no_word_our_models_read(triager):
    """Session 28: "@TomB what do you expect?" was reported as "'TomB', 'expect' read as abuse
    aimed at a person": a handle names someone, and our model leaned on its letters (on
    'user1' too, OLID's placeholder for a mention, read as a reply). The @ of "b@stard" is
    still read as a letter."""
    text = "@TomB what do you expect?"
    assert triager.triage(Reply(text)).verdict.triage is not Triage.REPORT
    assert "TomB" not in triager.abuse_opinion(text).words
    assert "user1" not in triager.abuse_opinion("@user1 @user2 are you and your family okay?").words
    assert "stard, I know" in triager.abuse_opinion("You b@stard, I know where you park").sentence


@pytest.mark.parametrize(
    "text, family",
    [
        ("Posted your home address to the lads' WhatsApp. Enjoy your visitors tonight 🙂", "a veiled threat"),
        (
            "Got the names and addresses of all six of them who voted for it. We'll be paying visits.",
            "a veiled threat",
        ),
        # session 30: "She should have her name and face posted outside every school gate" is
        # PileOnCalls' now (the retrained model leans on it less)
        ("Get this trending so she sees what the town thinks of her", "a call to pile on"),
        ("Hope your solar panels catch fire with you on the roof", "harm wished on someone"),
        ("Shame your mam didn't drop you on your head harder", "harm wished on someone"),
        ("Dignitas do a group rate for your lot, have a look", "harm wished on someone"),
        ("Stick the deputy leader in a wheelie bin and leave her out till Tuesday", "harm wished on someone"),
        ("Next time you're walking the dog alone at night, think about who you've upset", "a veiled threat"),
        ("I know the house. So do plenty of others.", "a veiled threat"),
        # session 28 (blind batches Y177-Y184, after their first-sight measure)
        ("Met a councillor like you once. Didn't end well for him.", "a veiled threat"),
        ("We know the Heaton flat. Sleep tight 😴", "a veiled threat"),
        ("Be careful walking back from the station late, love", "a veiled threat"),
        ("Enjoy the school run tomorrow 😉", "a veiled threat"),
        ("Fancy a swim off the harbour wall? Tide's in 😉", "a veiled threat"),
        ("Landlords know where you live too, pal", "a veiled threat"),
        ("Share this till everyone in the ward knows what he did with that lad", "a call to pile on"),
        ("Dead inside. Hopefully just dead soon", "harm wished on someone"),
        ("Hope her own kids end up in a doorway one day", "harm wished on someone"),
        # session 28 (blind batches Y185-Y192, after their first-sight measure)
        ("Loads of people know where your place is now, so I wouldn't get comfy", "a veiled threat"),
        ("Shame your bodyguards can't be there every night, love", "a veiled threat"),
        ("Everyone get down there Saturday and bring your mates, she won't have security", "a veiled threat"),
        ("Wheel him into the Tyne and be done with it", "harm wished on someone"),
        ("Be careful, councillor. This town has a long memory.", "a veiled threat"),
    ],
)
def test_visits_addresses_passed_round_and_harm_wished_are_reported(triager, text, family, monkeypatch):
    """Session 28 (blind batches Y169-Y176, after their first-sight measure): an address sent
    to a group chat, visits promised, a face to be posted outside schools, panels to catch
    fire, a mother wished to have done away with them, Dignitas. Our model leaned on each; no
    cue read them."""
    _reported_by_a_cue(triager, text, family, monkeypatch)


def test_praise_for_a_queen_is_thanks_but_the_queen_of_anything_is_not(triager):
    """'queen' is praise said alone ("queen 👑"); in "you're the queen cockroach" (batch Y172)
    it made the reply thanks, and thanks set our model aside."""
    praise = triager.triage(Reply("Yes queen 👑 thank you for fighting for the pool")).verdict
    assert praise.triage is Triage.THANK
    verdict = triager.triage(Reply("Rats in the flats and you're the queen rat, love")).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert (
        triager.triage(Reply("Never queued for a thing in your life, you spoilt old queen")).verdict.triage
        is not Triage.THANK
    )


def test_a_short_reply_our_model_is_sure_of_is_a_name_for_the_one_answered(triager):
    """Session 28 (blind batch Y190): a reply of three words or fewer names the one answered
    (`report.abuse_named_words`), so our model's report needs no 'you' in it."""
    verdict = triager.triage(Reply("Globalist hag")).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    for blunt in ("Utter shambles", "Shocking decision, councillor", "Well said Sarah"):
        assert triager.triage(Reply(blunt)).verdict.triage is not Triage.REPORT


def test_the_report_text_quotes_the_reply_then_says_why_in_a_sentence(triager):
    """Session 28, looked at under Xvfb: the quoted reply ran straight into the reason
    ('"globalist witch" 'globalist', 'witch' read as ...'). The reason is its own sentence."""
    text = triager.triage(Reply("Globalist hag")).report_text
    assert "replied to our post: \"Globalist hag\". In it, 'Globalist', 'hag' read as abuse" in text


def test_a_cue_may_rest_on_our_models_lean_on_the_word_naming_the_place(triager, monkeypatch):
    """'house' names a subject ("the house of lords", "house prices"), so our model's lean on
    it never reports alone. With a cue that says whose house, the lean counts: "Someone find
    out which house on her road is hers" (batch Y149, 0.999 on 'house') was answered."""
    _cues_only(triager, monkeypatch)
    text = "Anyone know which house on her street is hers"
    assert "house" in triager.abuse_opinion(text).words
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.category == "private information"


def test_a_sentence_our_model_is_sure_of_on_one_word_still_names_it_for_a_cue(triager, monkeypatch):
    """One pushing word is no proof for our abuse model alone (below the score at which it is
    sure: put out of reach here), but the word is named (and no card made) so that a cue can
    be the second sign at any score, as it is below the model's threshold: "Lets all send her
    what we think of her" (a family entry left as missed for this) is a call to pile on."""
    from dataclasses import replace

    monkeypatch.setattr(triager, "policy", replace(triager.policy, abuse_unaimed_threshold=1.0))
    model = triager.policy.abuse_model
    threshold = triager.policy.abuse_threshold
    sentence = "Lets all send her what we think of her."
    assert model.score(sentence) >= threshold
    assert len({w.word for w in model.explain(sentence).words if w.weight > 0}) == 1
    opinion = triager.abuse_opinion(sentence)
    assert opinion.words and opinion.finding is None and not opinion.alone
    verdict = triager.triage(Reply(sentence)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert [f.rule for f in verdict.findings] == ["Drafting.CuedAbuse"]
    assert verdict.reason == "'Lets all' reads as a call to pile on in this reply"


@pytest.mark.parametrize(
    "text",
    [
        "Ban these and you will drive people back on the fags.",
        "You will have people back on the fags within a month.",
        "Vapes got my mum off cigarettes. You are sending people back to fags.",
    ],
)
def test_fags_for_cigarettes_is_answered(triager, text):
    """Session 26 (batch Y150): "This will push people straight back to fags" was reported:
    the offence model, trained on American tweets, read the slur where British English
    means cigarettes."""
    assert triager.triage(Reply(text)).verdict.triage is not Triage.REPORT


def test_fags_said_of_people_is_still_reported(triager):
    assert triager.triage(Reply("Shut up you pair of fags")).verdict.triage is Triage.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "d y k e",
        "A one-way ticket to the crematorium for you, you wrinkly old c***",
        "d0 us 4ll a f4v0ur n st3p 1n fr0nt 0f a tr4in",
    ],
)
def test_session_31s_spellings_and_swearing_are_reported(triager, text):
    """Blind batches Y237 and Y239: a slur spelt out letter by letter, swearing at 'you' past
    two describing words, and a threat in leetspeak with its short words as digits."""
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason


def test_a_reply_that_reports_abuse_it_saw_is_answered_not_reported(triager):
    """Session 31 (batch Y239): counter-speech whose condemnation our model leaned on."""
    text = (
        'Somebody further down called her a "dirty old witch". Vile, and I\'ve reported it. '
        "Hate the policy all you like but keep that filth off her page."
    )
    assert triager.triage(Reply(text)).verdict.triage is not Triage.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "Nice of you to pop by the market, Gemma. We've got long memories.",
        "See you at the count, Rob. You know where to find me.",
        "That's your last warning. Your time will come, pal.",
    ],
)
def test_session_31s_general_menace_cues_report_with_our_models_lean(triager, text):
    """Session 31: cues of menace said in general words (`cued_abuse`, veiled-threat), whatever
    place or time comes before them, reported with our model's lean (on the never-read sets
    they added 4 abusive replies and no criticism)."""
    verdict = triager.triage(Reply(text)).verdict
    assert verdict.triage is Triage.REPORT, verdict.reason
    assert verdict.reason.endswith("reads as a veiled threat in this reply")
