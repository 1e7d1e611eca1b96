"""Sorting one reply from what the checks found (core/replies/judge.py), with a small
policy of our own: the shipped policy and the real engine are tested in tests/test_triage.py."""

from __future__ import annotations

import re
from dataclasses import replace

from desktop_app.core.findings import Finding, Severity
from desktop_app.core.replies.judge import (
    CuedAbuse,
    ReplyPolicy,
    SecondOpinion,
    Triage,
    Verdict,
    as_listed,
    judge,
)


def words(*items: str):
    return re.compile(r"\b(?:" + "|".join(items) + r")\b", re.IGNORECASE)


POLICY = ReplyPolicy(
    report_categories=("abuse", "discrimination", "private-info", "personal-attack"),
    criticism_words=words("liar", "hypocrite", "disgrace", "rubbish"),
    frame_words=words("you're", "you", "a", "and", "is", "the", "councillor", "what", "are", "lot"),
    person_words=words("you", "he", "she", "they"),
    aimed_before=words("you", "you're", "he", "she", "they"),
    aimed_after=words("you", "tories", "him"),
    aimed_window=4,
    mild_swearing=words("bloody", "damn"),
    interjections=words(r"what the (?:hell|fuck)", "holy shit"),
    threat_rules=frozenset({"Threats"}),
    model_threshold=0.9,
    platform_categories={
        "threat": "violent speech",
        "abuse": "abuse and harassment",
        "private-info": "private",
    },
    question=words(r"[?]", "^(?:why|how|when)"),
    criticism=words("rubbish", "won't vote", "shame"),
    addressed=words("you", "council", "never"),
    thanks=words("thanks?", "well done"),
)


def finding(text: str, words_: str, rule: str, category: str, clause: str | None = "C-abuse") -> Finding:
    start = text.index(words_)
    return Finding(
        start,
        start + len(words_),
        words_,
        f"Drafting.{rule}",
        category,
        Severity.MUST_FIX,
        "m",
        clause=clause,
    )


def test_a_threat_is_reported_as_violent_speech_that_the_police_can_be_told():
    text = "We know where you live."
    v = judge(text, [finding(text, "We know where you live", "Threats", "abuse")], POLICY)
    assert (v.triage, v.clause, v.category, v.police) == (Triage.REPORT, "C-abuse", "violent speech", True)
    assert "threat of violence" in v.reason


def test_the_threat_leads_when_a_reply_breaks_several_clauses():
    text = "07700 900123, I know where you live"
    found = [finding(text, "07700 900123", "PrivateInformation", "private-info", "C-private-info"),
             finding(text, "I know where you live", "Threats", "abuse")]  # fmt: skip
    v = judge(text, found, POLICY)
    assert v.category == "violent speech" and v.police and len(v.findings) == 2


def test_a_category_not_reported_is_not_a_report():
    text = "Only a moron would."
    v = judge(text, [finding(text, "moron", "Jargon", "jargon", None)], POLICY)
    assert v.triage is not Triage.REPORT


def test_a_name_calling_card_without_a_clause_reports_the_clause_of_its_category():
    text = "Wanker."
    v = judge(text, [finding(text, "Wanker", "NameCalling", "personal-attack", None)], POLICY)
    assert (v.triage, v.clause) == (Triage.REPORT, "C-personal-attacks")


def test_blunt_criticism_of_a_record_is_answered_not_reported():
    for text, attack in [
        ("You're a liar and a hypocrite.", "You're a liar and a hypocrite"),
        ("Councillor Hart is a disgrace.", "Councillor Hart is a disgrace"),
        ("What a rubbish lot", "What a rubbish lot"),
    ]:
        v = judge(text, [finding(text, attack, "PersonalAttack", "personal-attack")], POLICY)
        assert v.triage is Triage.RESPOND, text
        assert "blunt criticism" in v.reason


def test_swearing_for_emphasis_in_a_verdict_on_no_one_is_answered():
    policy = replace(POLICY, swearing_emphasis=words("fucking", "effing"))
    for text, attack in [
        ("Absolute fucking disgrace of a council.", "fucking disgrace"),
        ("What a effing rubbish lot", "What a effing rubbish lot"),
    ]:
        v = judge(text, [finding(text, attack, "PersonalAttack", "personal-attack")], policy)
        assert v.triage is Triage.RESPOND, text
    # said to or of someone, it is a personal attack as before
    for text, attack in [
        ("You're a fucking liar.", "You're a fucking liar"),
        ("Councillor Hart is a fucking disgrace.", "Councillor Hart is a fucking disgrace"),
    ]:
        v = judge(text, [finding(text, attack, "PersonalAttack", "personal-attack")], policy)
        assert v.triage is Triage.REPORT, text
    # without the list, the swearing is more than framing
    text = "Absolute fucking disgrace of a council."
    v = judge(text, [finding(text, "fucking disgrace", "PersonalAttack", "personal-attack")], POLICY)
    assert v.triage is Triage.REPORT


def test_an_insult_next_to_a_criticism_word_is_still_reported():
    text = "You stupid liar."
    v = judge(text, [finding(text, "You stupid liar", "PersonalAttack", "personal-attack")], POLICY)
    assert v.triage is Triage.REPORT


def profanity(text: str, word: str) -> Finding:
    start = text.index(word)
    return Finding(start, start + len(word), word, "Drafting.Profanity", "profanity", Severity.ADVICE, "m")


def test_swearing_aimed_at_people_is_reported_and_swearing_at_nothing_is_answered():
    aimed = ["You lot are fucking useless.", "He is a shit.", "fucking tories again", "Screw it, fuck you"]
    for text in aimed:
        word = next(w for w in ("fucking", "shit", "fuck") if w in text)
        v = judge(text, [profanity(text, word)], POLICY)
        assert (v.triage, v.clause) == (Triage.REPORT, "C-abuse"), text
    not_aimed = [
        "This is a fucking mess.",
        "They closed the fucking library.",  # the swearing is about the library
        "Do you think this is shit?",  # "think" stands between the person and the word
        "What the fuck is the council doing?",
        "You're bloody useless.",  # mild
        "The roads are shit, you know.",  # a comma ends the clause
    ]
    for text in not_aimed:
        word = next(w for w in ("fucking", "fuck", "shit", "bloody") if w in text)
        v = judge(text, [profanity(text, word)], POLICY)
        assert v.triage is Triage.RESPOND, text


def test_the_second_opinion_alone_reports_only_a_sure_score_about_a_person():
    text = "You absolute weapon."
    sure = SecondOpinion(0.95, "You absolute weapon.", ("weapon",))
    assert judge(text, [], POLICY, sure).triage is Triage.REPORT
    assert judge(text, [], POLICY, SecondOpinion(0.8, text, ("weapon",))).triage is not Triage.REPORT
    about_a_thing = SecondOpinion(0.97, "Absolute weapon of a budget.", ("weapon",))
    assert judge("Absolute weapon of a budget.", [], POLICY, about_a_thing).triage is not Triage.REPORT
    carried_by_criticism = SecondOpinion(0.95, "This is rubbish and you know it.", ("rubbish",))
    assert judge(carried_by_criticism.sentence, [], POLICY, carried_by_criticism).triage is Triage.RESPOND


def test_a_model_report_is_never_carried_by_words_that_name_a_subject():
    # counter-speech the offence model scores high: "rape" names what is condemned
    text = "Rape jokes aren't edgy, they're lazy."
    sure = SecondOpinion(0.95, text, ("Rape", "lazy"))
    with_topics = replace(POLICY, topic_words=words("rape", "racism"), criticism_words=words("lazy"))
    assert judge(text, [], POLICY, sure).triage is Triage.REPORT  # without the list it was reported
    assert judge(text, [], with_topics, sure).triage is not Triage.REPORT
    # a word beside the subject that is abuse still carries it
    vile = SecondOpinion(0.95, "They're rape-loving scum.", ("rape", "scum"))
    assert judge(vile.sentence, [], with_topics, vile).triage is Triage.REPORT


def test_blunt_words_between_you_and_a_swear_word_still_aim_it():
    # "You smug c**t": "smug" is blunt criticism, not another person between them
    policy = replace(POLICY, criticism_words=words("liar", "hypocrite", "disgrace", "rubbish", "smug"))
    # (a swear word ending its clause may follow two describing words of any kind since
    # session 31, so the list is tested where the swearing goes on)
    text = "You smug c**t of a councillor"
    assert judge(text, [profanity(text, "c**t")], POLICY).triage is not Triage.REPORT
    assert judge(text, [profanity(text, "c**t")], policy).triage is Triage.REPORT
    # a word that is neither framing nor blunt still stands between them
    other = "You think the c**t is right"
    assert judge(other, [profanity(other, "c**t")], policy).triage is not Triage.REPORT


def test_an_order_is_said_to_the_person_answered():
    # "Get cancer and die" names nobody, but an order is said to whoever is being answered
    policy = replace(POLICY, orders=words("get", "go", "drop"))
    text = "Get cancer and die."
    sure = SecondOpinion(0.98, text, ("cancer", "die"))
    assert judge(text, [], POLICY, sure).triage is not Triage.REPORT
    assert judge(text, [], policy, sure).triage is Triage.REPORT
    handled = "@cllr_jo get cancer and die."
    assert judge(handled, [], policy, SecondOpinion(0.98, handled, ("cancer", "die"))).triage is Triage.REPORT
    # the order's verb must open the sentence: a sentence that mentions it later is not one
    later = "Residents get cancer and die waiting."
    assert judge(later, [], policy, SecondOpinion(0.98, later, ("cancer", "die"))).triage is not Triage.REPORT


def test_strong_swearing_may_carry_the_second_opinion_mild_swearing_never():
    text = "You useless fucking shit."
    sure = SecondOpinion(0.97, text, ("fucking", "shit"))
    found = [profanity(text, "fucking"), profanity(text, "shit")]
    assert judge(text, found, POLICY, sure).triage is Triage.REPORT
    mild = "You bloody damn lot."
    sure_mild = SecondOpinion(0.97, mild, ("bloody", "damn"))
    found_mild = [profanity(mild, "bloody"), profanity(mild, "damn")]
    assert judge(mild, found_mild, POLICY, sure_mild).triage is not Triage.REPORT


def test_our_abuse_model_alone_reports_a_sure_sentence_aimed_at_someone_with_its_own_card():
    policy = replace(POLICY, abuse_threshold=0.85)
    text = "You should be caged like the vermin you are."
    card = finding(text, text, "ReplyAbuse", "offence-score", None)
    sure = SecondOpinion(0.9, text, ("caged", "vermin"), card)
    v = judge(text, [], policy, abuse=sure)
    assert v.triage is Triage.REPORT and v.findings == (card,)
    assert "'caged', 'vermin' read as abuse aimed at a person" in v.reason  # two words: "read"
    # below its own threshold, or said of nobody, or carried by criticism words alone: not reported
    assert judge(text, [], policy, abuse=replace(sure, score=0.8)).triage is not Triage.REPORT
    nobody = "Caged like vermin at the zoo."
    assert (
        judge(nobody, [], policy, abuse=SecondOpinion(0.95, nobody, ("caged", "vermin"))).triage
        is not Triage.REPORT
    )
    blunt = "You are a liar and a hypocrite."
    v = judge(blunt, [], policy, abuse=SecondOpinion(0.95, blunt, ("liar", "hypocrite")))
    assert v.triage is Triage.RESPOND
    # the offence model's threshold does not apply to our model, nor ours to it
    assert judge(text, [], replace(policy, model_threshold=0.99), abuse=sure).triage is Triage.REPORT
    assert judge(text, [], replace(policy, abuse_threshold=0.99), opinion=sure).triage is Triage.REPORT


def test_a_reply_that_says_enough_is_answered_even_without_a_cue():
    policy = replace(POLICY, answer_words=5)
    said = "This estate has been neglected for decades"
    assert judge(said, [], POLICY).triage is Triage.NO_ACTION  # no cue word, and no word count
    v = judge(said, [], policy)
    assert (v.triage, v.reason) == (Triage.RESPOND, "a comment to answer")
    # handles and links are not words; a short reply stays no-action
    for short in (
        "Watching from Leeds.",
        "@jo @sam @kim @lee @max look",
        "See https://example.org/a/b/c/d/e",
    ):
        assert judge(short, [], policy).triage is Triage.NO_ACTION, short
    # thanks is still thanks
    assert judge("Thanks so much for all of your help", [], policy).triage is Triage.THANK


def test_questions_criticism_thanks_and_the_rest():
    cases = {
        "When will the bins be collected?": (Triage.RESPOND, "question"),
        "@cllr_jo @council why was it closed": (Triage.RESPOND, "question"),  # handles first
        "I won't vote Labour again.": (Triage.RESPOND, "criticism"),
        "Thanks, well done!": (Triage.THANK, ""),
        "Thanks for nothing, this is rubbish.": (Triage.RESPOND, "criticism"),
        "You never listen.": (Triage.RESPOND, "criticism"),
        "Watching from Leeds.": (Triage.NO_ACTION, ""),
    }
    for text, (triage, opening) in cases.items():
        v = judge(text, [], POLICY)
        assert (v.triage, v.opening) == (triage, opening), text


def test_support_is_thanked_unless_the_rest_of_the_reply_says_more():
    policy = replace(
        POLICY,
        support=words("you've got my vote", "keep fighting for", "well said"),
        contrast=words("but", "though"),
        question=re.compile(r"[?]|\b(?:why|when)\b", re.IGNORECASE),
        addressed=words("you", "council", "councillor", "never"),
        answer_words=5,
    )
    for text in (
        "You've got my vote.",
        "Keep fighting for the baths!",
        "Well said, Councillor Amin.",  # who it is said to is not more
        "@cllr_amin well said",
    ):
        v = judge(text, [], policy)
        assert (v.triage, v.reason) == (Triage.THANK, "support"), text
    # what else it says is answered as it was without the support
    for text in (
        "Keep fighting for us, the council never listens",
        "Keep fighting for us, the buses round here are a disaster",  # enough words to answer
        "Well said, but late",  # a turn, in few words
        "Well said, though you waited",
        "You've got my vote, why did it take so long",  # a question
        "Well said, this is rubbish",  # criticism
    ):
        assert judge(text, [], policy).triage is Triage.RESPOND, text
    # without the support cue, the same reply is answered as before
    assert judge("You've got my vote.", [], replace(policy, support=None)).triage is Triage.RESPOND


def test_a_reply_that_points_someone_else_at_the_post_is_left_alone():
    policy = replace(
        POLICY,
        pointing=words("have a look(?: at this)?", "near your (?:mum|nan)'s", "tagging",
                       "saw this on (?:the )?(?:local )?facebook(?: group)?(?: too)?"),
        contrast=words("but"),
        question=re.compile(r"[?]|\b(?:why|when)\b", re.IGNORECASE),
        answer_words=5,
    )  # fmt: skip
    for text in (
        "@sam have a look at this",
        "@sam this is near your nan's",
        "Saw this on the local Facebook group too",
        "tagging my sister",
    ):
        v = judge(text, [], policy)
        assert (v.triage, v.reason) == (Triage.NO_ACTION, "points someone else at the post"), text
    # a tag that goes on to ask, criticise, speak to us or say enough is answered
    for text in (
        "@sam @cllr_jo have a look, is it closing?",
        "@sam have a look at this rubbish",
        "@sam have a look, the council wants the baths gone",
        "@sam have a look, they are letting the old baths fall down after ten years",
        "@sam have a look, but not yet",
    ):
        assert judge(text, [], policy).triage is Triage.RESPOND, text


def test_the_words_of_a_link_are_not_the_reply():
    # "council" in a link made a bare link a comment to answer (found looking at 200 replies).
    assert judge("https://example.org/news/local-council-budget", [], POLICY).triage is Triage.NO_ACTION


def test_an_author_on_the_do_not_amplify_list_is_never_answered_or_thanked():
    for text in ("Thanks, well done!", "Why was it closed?"):
        v = judge(text, [], POLICY, listed=True)
        assert (v.triage, v.do_not_amplify) == (Triage.NO_ACTION, True)
        assert "don't reply or share" in v.reason
    text = "I hope you die"
    v = judge(text, [finding(text, "hope you die", "Threats", "abuse")], POLICY, listed=True)
    assert (v.triage, v.do_not_amplify) == (Triage.REPORT, True)


def test_as_listed_keeps_a_correction_mark():
    v = as_listed(Verdict(Triage.THANK, "support", corrected=True))
    assert (v.triage, v.do_not_amplify, v.corrected) == (Triage.NO_ACTION, True, True)


def test_a_report_the_second_opinion_made_speaks_to_the_platform_not_about_our_model():
    """The report text goes to a platform's moderators: it says what the reply does, never how
    our app decided it."""
    from desktop_app.core.replies.sources import Reply
    from desktop_app.core.replies.wording import report_text

    policy = ReplyPolicy(**{**POLICY.__dict__, "report_text": '"{text}" {reason}.'})
    opinion = SecondOpinion(0.95, "You absolute weapon.", ("weapon",))
    verdict = judge(opinion.sentence, [], policy, opinion)
    assert verdict.triage is Triage.REPORT
    text = report_text(Reply(opinion.sentence), verdict, policy, {})
    assert text.startswith("\"You absolute weapon.\" 'weapon' reads as abuse aimed at a person")
    for internal in ("second opinion", "learned", "model", "score"):
        assert internal not in text.lower()


def test_the_reason_quotes_overlapping_findings_once():
    """Two rules on 'You're a liar' and 'You're a liar and a hypocrite' quote the longer only."""
    text = "You're a liar and a hypocrite on housing."
    found = [
        finding(text, "You're a liar", "PersonalAttack", "personal-attack", clause=None),
        finding(text, "You're a liar and a hypocrite", "NameCalling", "personal-attack", clause=None),
    ]
    v = judge(text, found, POLICY)
    assert v.triage is Triage.RESPOND
    assert v.reason.startswith("'You're a liar and a hypocrite': blunt criticism"), v.reason


def test_the_reason_quotes_the_same_words_in_two_cases_once():
    """'Damn' and 'damn' found twice are one quote, not none (it raised IndexError)."""
    text = "Damn it. damn."
    found = [
        finding(text, "Damn", "Profanity", "profanity", clause=None),
        finding(text, "damn", "Profanity", "profanity", clause=None),
    ]
    v = judge(text, found, POLICY)
    assert v.triage is Triage.RESPOND
    assert v.reason.startswith("'Damn': swearing, not aimed at anyone"), v.reason


def test_an_advert_is_left_alone_even_when_it_asks_and_abuse_in_it_is_still_reported():
    policy = replace(POLICY, spam=words("dm me for details", "link in bio"))
    advert = "Why work when you can earn £500 a day from home? DM me for details"
    v = judge(advert, [], policy)
    assert (v.triage, v.reason) == (Triage.NO_ACTION, "an advert or spam: nothing to answer")
    assert judge(advert, [], POLICY).triage is Triage.RESPOND  # the same words, no spam cue: a question
    text = "We know where you live. Link in bio"
    found = [finding(text, "We know where you live", "Threats", "abuse")]
    assert judge(text, found, policy).triage is Triage.REPORT


CUED = replace(
    POLICY,
    abuse_threshold=0.96,
    cued_threshold=0.7,
    cued=(
        CuedAbuse("veiled-threat", "a veiled threat", "abuse", words("sleep well", "be careful walking")),
        CuedAbuse("private-info", "someone's private information", "private-info", words("postcode")),
    ),
    platform_categories={**POLICY.platform_categories, "private-info": "private information"},
)


def test_a_cue_reports_a_reply_our_abuse_model_leans_towards():
    """Session 25: "Know which street you're on now mate. Sleep well" was answered: no rule
    reads it, and our abuse model scored it 0.92, under the 0.96 at which it reports alone."""
    text = "Know which street you're on now mate. Sleep well"
    lean = SecondOpinion(0.92, "Sleep well", ("Sleep",))
    verdict = judge(text, [], CUED, abuse=lean)
    assert verdict.triage is Triage.REPORT
    assert (verdict.clause, verdict.category) == ("C-abuse", "abuse and harassment")
    assert verdict.reason == "'Sleep well' reads as a veiled threat in this reply"
    (card,) = verdict.findings
    assert text[card.start : card.end] == "Sleep well" and card.rule == "Drafting.CuedAbuse"
    dox = "Bet he's got a nice house, his postcode is on the filing"
    verdict = judge(dox, [], CUED, abuse=SecondOpinion(0.8, dox, ("Bet", "nice")))
    assert (verdict.triage, verdict.clause, verdict.category) == (
        Triage.REPORT,
        "C-private-info",
        "private information",
    )


def cued_verdict(text: str, score: float, *words_: str, sentence: str = "") -> Triage:
    return judge(text, [], CUED, abuse=SecondOpinion(score, sentence or text, words_)).triage


def test_neither_a_cue_nor_the_models_lean_reports_alone():
    text = "Know which street you're on now mate. Sleep well"
    assert cued_verdict(text, 0.6, "Sleep", sentence="Sleep well") is not Triage.REPORT
    assert cued_verdict("You never answer. Sleep on it and get back to us", 0.9, "never") is not Triage.REPORT
    # the model's lean carried only by criticism words, or about no one, is no lean at all
    blunt = "You're a liar and a hypocrite. Sleep well"
    assert cued_verdict(blunt, 0.9, "liar", "hypocrite") is not Triage.REPORT
    assert cued_verdict("What a night. Sleep well all", 0.9, "night") is not Triage.REPORT
    # thanks that complains of nothing is no abuse
    thanks = "Thanks so much for coming, you were brilliant. Sleep well"
    assert cued_verdict(thanks, 0.9, "brilliant") is not Triage.REPORT


def test_a_cue_never_said_kindly_needs_no_person_named():
    """Session 28: "Careful on that dog walk tomorrow morning x" names no one, so no cue could
    read it. A cue listed as `unaimed` (never said kindly) needs only the model's lean; the
    others still need a person named ("What a night. Sleep well all" stays unreported)."""
    policy = replace(
        CUED,
        cued=(
            CuedAbuse(
                "veiled-threat",
                "a veiled threat",
                "abuse",
                words("sleep well"),
                unaimed=words("careful on that dog walk"),
            ),
        ),
    )
    text = "Careful on that dog walk tomorrow morning x"
    verdict = judge(text, [], policy, abuse=SecondOpinion(0.9, text, ("walk",)))
    assert verdict.triage is Triage.REPORT
    assert verdict.reason == "'Careful on that dog walk' reads as a veiled threat in this reply"
    # still the model's lean: a cue is no proof alone
    assert judge(text, [], policy, abuse=SecondOpinion(0.6, text, ("walk",))).triage is not Triage.REPORT
    night = "What a night. Sleep well all"
    assert judge(night, [], policy, abuse=SecondOpinion(0.9, night, ("night",))).triage is not Triage.REPORT
    # with a person named, an unaimed cue reads as before
    named = "Careful on that dog walk tomorrow morning, you know the one x"
    assert judge(named, [], policy, abuse=SecondOpinion(0.9, named, ("walk",))).triage is Triage.REPORT


def test_a_cued_report_speaks_to_the_platform_not_about_our_model():
    from desktop_app.core.replies.sources import Reply
    from desktop_app.core.replies.wording import report_text

    policy = replace(CUED, report_text='"{text}" {reason}.')
    text = "Be careful walking to your car, he said"
    verdict = judge(text, [], policy, abuse=SecondOpinion(0.8, text, ("careful", "car")))
    assert verdict.triage is Triage.REPORT
    said = report_text(Reply(text), verdict, policy, {})
    assert "'Be careful walking' reads as a veiled threat" in said
    for internal in ("second opinion", "learned", "model", "score"):
        assert internal not in said.lower()


def test_praise_alone_does_not_turn_a_cue_off_thanks_in_so_many_words_does():
    """Session 26: "Saw your car outside your place again last night. Lovely street" was
    sorted as thanks, 'lovely' being a word of thanks. With `cued_abuse.thanked`, only thanks
    said in so many words turns the cues off."""
    policy = replace(CUED, cued_thanked=words("thanks?"))
    lean = SecondOpinion(0.9, "Know which street you're on now mate.", ("street",))
    praised = "Know which street you're on now mate. Well done. Sleep well"
    assert judge(praised, [], policy, abuse=lean).triage is Triage.REPORT
    thanked = "Know which street you're on now mate. Thanks. Sleep well"
    assert judge(thanked, [], policy, abuse=lean).triage is not Triage.REPORT
    # without the list any thanks turns them off, as before
    assert judge(praised, [], CUED, abuse=lean).triage is not Triage.REPORT


def test_a_sure_model_on_one_word_reports_only_with_a_cue():
    """Session 25's note, fixed in session 26: a sentence our abuse model was sure of on one
    word alone got no words at all, so a cue could not report it either, while the same
    sentence scored lower could be. One word is no proof for the model alone (`alone`
    False), and with a cue it is the second sign, whatever the score."""
    text = "Know which street you're on now mate. Sleep well"
    one_word = SecondOpinion(0.99, "Sleep well", ("Sleep",), alone=False)
    verdict = judge(text, [], CUED, abuse=one_word)
    assert verdict.triage is Triage.REPORT
    assert [f.rule for f in verdict.findings] == ["Drafting.CuedAbuse"]
    # without a cue, nothing reports it
    plain = "Know which street you're on now mate. Sleep on it"
    assert judge(plain, [], CUED, abuse=replace(one_word, sentence="Sleep on it")).triage is not Triage.REPORT


def test_a_reply_of_three_words_or_fewer_is_a_name_for_the_one_answered():
    """Session 28 (blind batch Y190): "globalist witch" was answered, our model sure of it
    (0.974) but no person named. A whole reply of `abuse_named_words` words or fewer is a
    name for the one answered; a longer one still needs a person named, and a short one
    carried by criticism words is still criticism."""
    policy = replace(POLICY, abuse_threshold=0.94, abuse_named_words=3)
    short = "Smug globalist hag"
    sure = SecondOpinion(0.97, short, ("globalist", "hag"))
    assert judge(short, [], policy, abuse=sure).triage is Triage.REPORT
    assert judge(short, [], replace(policy, abuse_named_words=0), abuse=sure).triage is not Triage.REPORT
    longer = "Smug globalist hag on the telly again"
    assert judge(longer, [], policy, abuse=replace(sure, sentence=longer)).triage is not Triage.REPORT
    blunt = "Utter rubbish, this"
    critical = replace(policy, criticism_words=words("rubbish"))
    assert (
        judge(blunt, [], critical, abuse=SecondOpinion(0.97, blunt, ("rubbish",))).triage is not Triage.REPORT
    )


def test_our_abuse_model_all_but_certain_reports_what_names_no_one():
    """Session 26 (blind batches Y125-Y136 with rules and model that had not seen them): "Nice
    stick-on beard love", "what's under the beard tho" were answered, our model sure of them
    (0.997-0.998) but no person named in them. Every reply is said to the one who posted:
    from `abuse_unaimed_threshold` our model's report needs no person named. The offence
    model, which reads words alone, still does."""
    text = "what's under the beard tho"
    sure = SecondOpinion(0.997, text, ("under", "beard"))
    policy = replace(POLICY, abuse_threshold=0.96, abuse_unaimed_threshold=0.99)
    assert judge(text, [], policy, abuse=sure).triage is Triage.REPORT
    assert (
        judge(text, [], replace(policy, abuse_unaimed_threshold=1.0), abuse=sure).triage is not Triage.REPORT
    )
    assert judge(text, [], policy, abuse=replace(sure, score=0.98)).triage is not Triage.REPORT
    assert judge(text, [], policy, opinion=sure).triage is not Triage.REPORT
    # still not carried by criticism words alone
    blunt = SecondOpinion(0.997, "Utter rubbish from start to finish.", ("rubbish",))
    critical = replace(policy, criticism_words=words("rubbish"))
    assert judge(blunt.sentence, [], critical, abuse=blunt).triage is not Triage.REPORT


def test_a_report_quoting_a_whole_sentence_ends_it_once():
    """Session 29: '... our post: "Cheers for the update. Tick tock.". In it, ...' doubled
    the full stop after a quoted reply that ends a sentence."""
    from desktop_app.core.replies.sources import Reply
    from desktop_app.core.replies.wording import report_text

    policy = replace(CUED, report_text='Someone replied: "{text}". In it, {reason}.')
    for text, ending in (
        ("Be careful walking to your car, he said.", 'said." In it'),
        ("Be careful walking to your car, he said!", 'said!" In it'),
        ("Be careful walking to your car, he said", 'said". In it'),
    ):
        verdict = judge(text, [], policy, abuse=SecondOpinion(0.8, text, ("careful", "car")))
        assert ending in report_text(Reply(text), verdict, policy, {})


def test_a_name_spelt_out_letter_by_letter_is_one_word_of_a_short_reply():
    """Session 31 (batch Y237): "d y k e" was four words to the judge, so the model's sure
    reading of it (as 'dyke') was no name for the one answered, as "dyke" alone is."""
    policy = replace(POLICY, abuse_named_words=3)
    sure = SecondOpinion(0.99, "dyke", ("dyke",))
    assert judge("d y k e", [], policy, opinion=sure).triage is Triage.REPORT
    unnamed = replace(policy, abuse_named_words=0)
    assert judge("d y k e", [], unnamed, opinion=sure).triage is not Triage.REPORT
    # four real words are still four
    longer = "this is a dyke"
    assert judge(longer, [], policy, opinion=replace(sure, sentence=longer)).triage is not Triage.REPORT


def test_swearing_that_ends_a_clause_is_aimed_at_the_you_its_words_describe():
    """Session 31 (batch Y239): "you wrinkly old c***" was swearing at no one, since
    'wrinkly' and 'old' stood between 'you' and the word. Up to two describing words may; a
    word that starts another clause ('said', 'think', 'it') still may not, nor may swearing
    that goes on to something else."""
    policy = replace(POLICY, not_describing=words("said", "know", "think", "it", "are", "what"))

    def swore(text: str, word: str, policy: ReplyPolicy = policy) -> Triage:
        return judge(text, [finding(text, word, "Profanity", "profanity")], policy).triage

    assert swore("How about the crematorium for you, you wrinkly old c***", "c***") is Triage.REPORT
    assert swore("you sad little tw*t", "tw*t") is Triage.REPORT
    for not_aimed, word in (
        ("you said it was a f***ing joke", "f***ing"),
        ("you know what, f*** it", "f***"),
        ("you think the buses are sh*t", "sh*t"),
        ("you ancient creaking f***ing buses", "f***ing"),
        ("you three lazy old dogs c***", "c***"),
        # an article makes the swear word a thing of its own (fresh98 in the families)
        ("Are you taking the piss", "piss"),
    ):
        assert swore(not_aimed, word) is not Triage.REPORT, not_aimed
    # without the list, no word stands between them
    assert swore("you sad little tw*t", "tw*t", POLICY) is not Triage.REPORT


def test_a_reply_that_says_it_reported_abuse_is_not_reported_on_a_models_word():
    """Session 31 (batch Y239): 'Someone has called him a "dirty old Jew". Absolutely
    disgusting, I've reported it. You can hate the policy without that filth.' was reported
    on our model's lean on 'filth' and 'hate'. A reply that says it reported abuse
    (`cues.counter`) is not reported by a model alone; a rule's finding still reports it, and
    "I've reported you" is no counter-speech."""
    policy = replace(POLICY, counter=words("i've reported (?:it|this|them)"))
    text = "Absolutely disgusting, I've reported it. You can hate the policy without that filth."
    lean = SecondOpinion(0.97, "You can hate the policy without that filth.", ("hate", "filth"))
    assert judge(text, [], policy, abuse=lean).triage is not Triage.REPORT
    assert judge(text, [], replace(policy, counter=None), abuse=lean).triage is Triage.REPORT
    threat = "I've reported it. We know where you live."
    found = [finding(threat, "We know where you live", "Threats", "abuse")]
    assert judge(threat, found, policy).triage is Triage.REPORT
    aimed = "I've reported you, you filthy hater."
    assert judge(aimed, [], policy, abuse=replace(lean, sentence=aimed)).triage is Triage.REPORT


def test_a_cue_reports_when_our_models_lean_names_no_word():
    """Session 31: "Hope your back gives out mate" scored 0.98 on pairs of words ("hope
    your", "gives out") that name no word, so the harm-wished cue could not report it. With
    a cue the cue says what is meant; a person must still be named, and the model alone
    still needs a word to name."""
    text = "Sleep well, you."
    lean = SecondOpinion(0.9, text)
    verdict = judge(text, [], CUED, abuse=lean)
    assert verdict.triage is Triage.REPORT
    assert verdict.reason == "'Sleep well' reads as a veiled threat in this reply"
    for other in ("Sleep well all.", "Goodnight, you."):
        assert judge(other, [], CUED, abuse=replace(lean, sentence=other)).triage is not Triage.REPORT, other
