"""The token matcher (checks/tokens.py) and the `phrase` kind built on it."""

from __future__ import annotations

import pytest

from desktop_app.checks.tokens import (
    PhraseSet,
    called_by_others,
    condemned,
    negated,
    phrase_tokens,
    quoted_and_reported,
)
from desktop_app.checks.values import RuleError
from tests.checks.conftest import findings_of

SLOTS = {
    "someone": ["someone", "somebody"],
    "harm": ["shoot", "stab", "beat up"],
    "victim": ["him", "her", "the {role}", "{handle}"],
    "role": ["chancellor", "home secretary"],
}


def _matches(phrases, text, slots=SLOTS):
    toks = phrase_tokens(text)
    return [text[toks[a].start : toks[b].end] for a, b in PhraseSet(phrases, slots).find(toks)]


def test_slots_alternatives_and_multiword_entries():
    phrase = ["{someone} (should|ought to) {harm} {victim}"]
    assert _matches(phrase, "Someone should shoot the Chancellor.") == ["Someone should shoot the Chancellor"]
    assert _matches(phrase, "Somebody ought to beat up @hart now") == ["Somebody ought to beat up @hart"]
    assert _matches(phrase, "Someone should shoot the Home Secretary") == [
        "Someone should shoot the Home Secretary"
    ]
    assert _matches(phrase, "Someone should resign.") == []


def test_up_to_two_fillers_between_parts_and_no_more():
    phrase = ["{someone} should {harm} {victim}"]
    assert _matches(phrase, "Someone should really just shoot him") == [
        "Someone should really just shoot him"
    ]
    assert _matches(phrase, "Someone should really just basically shoot him") == []
    # a word that is not a filler breaks the phrase
    assert _matches(phrase, "Someone should never shoot him") == []


def test_optional_parts_and_contractions_read_out():
    assert _matches(["deserves [a] [good] kicking"], "He deserves a good kicking") == [
        "deserves a good kicking"
    ]
    assert _matches(["deserves [a] [good] kicking"], "He deserves kicking") == ["deserves kicking"]
    # "aren't" reads as "are not", "she's" as "she is"
    assert _matches(["women (are|is) not suited"], "Women just aren't suited to it") == [
        "Women just aren't suited"
    ]
    assert _matches(["because she is a woman"], "because she's a woman") == ["because she's a woman"]


def test_a_contraction_written_in_a_phrase_reads_as_the_text_does():
    """A phrase may spell a contraction as typed or split ("you're", "you 're", "can 't",
    "wo n't", "(is|'s)"): each reads out as the text's "you're" does, so none is a dead
    alternative that never matches."""
    assert _matches(["(you 're|ur) a clown"], "You're a clown") == ["You're a clown"]
    assert _matches(["(you're|ur) a clown"], "You're a clown") == ["You're a clown"]
    assert _matches(["(can 't|cannot) stand {victim}"], "I can't stand him") == ["can't stand him"]
    assert _matches(["(wo n't|will not) be asking nicely"], "We won't be asking nicely") == [
        "won't be asking nicely"
    ]
    assert _matches(["(i 'll|we will) {harm} {victim}"], "I'll shoot him") == ["I'll shoot him"]
    assert _matches(["(she 'd|she would) get it"], "she'd get it") == ["she'd get it"]
    # a lone "'s" after a slot or in brackets: a possessive or "is", as the text reads it
    assert _matches(["{victim} ('s|was) next"], "Her's next") == ["Her's next"]
    assert _matches(["(he|she) ('s|was) next"], "He's next") == ["He's next"]
    assert _matches(["her dad 's farm"], "I know her dad's farm") == ["her dad's farm"]


def test_shorthand_without_apostrophes_reads_as_the_words_it_stands_for():
    # replies are often typed "they cant", "u r", "ppl": read as "can not", "you are", "people"
    assert _matches(["women (are|is) not suited"], "women just arent suited to it") == [
        "women just arent suited"
    ]
    assert _matches(["(you|they) are vermin"], "u r vermin, theyre vermin") == ["u r vermin", "theyre vermin"]
    drain = "disabled ppl are a drain"
    assert _matches(["disabled people are a drain"], drain) == [drain]
    # "but" ends what a negation denies: "I'm not racist but ..." says what follows
    assert not negated(phrase_tokens("i am not racist but immigrants are a disease"), 6)
    # a negation typed without its apostrophe still denies
    assert negated(phrase_tokens("she isnt a liar"), 3)
    # ordinary words that look like shorthand stay themselves
    assert _matches(["i will"], "ill will") == []
    # Scots: "go back tae yer own country", "youll get whits comin"
    assert _matches(["go back to your own country"], "go back tae yer own country") == [
        "go back tae yer own country"
    ]
    assert _matches(["get what is coming"], "youll get whits coming") == ["get whits coming"]


def test_scare_quotes_are_passed_over_like_filler_words():
    assert _matches(["put this {word} six feet under"], "put this 'doctor' six feet under") == [
        "put this 'doctor' six feet under"
    ]
    assert _matches(["their community are all"], 'their "community" are all the same') == [
        'their "community" are all'
    ]
    # marks around more than one word are a quotation: the phrase stops at them
    assert _matches(["muslims can not integrate"], 'they say muslims "cant integrate" here') == []


def test_leftmost_longest_and_no_overlap():
    assert _matches(["kill", "kill yourself"], "kill yourself, kill") == ["kill yourself", "kill"]


def test_negation_before_a_match():
    toks = phrase_tokens("do not kill yourself")
    ((first, _last),) = PhraseSet(["kill yourself"], {}).find(toks)
    assert negated(toks, first)
    toks = phrase_tokens("Kill yourself. Not that I care")
    ((first, _last),) = PhraseSet(["kill yourself"], {}).find(toks)
    assert not negated(toks, first)
    toks = phrase_tokens("Don't ever kill yourself")
    ((first, _last),) = PhraseSet(["kill yourself"], {}).find(toks)
    assert negated(toks, first)


def test_an_emoji_closes_the_clause_a_negation_belongs_to():
    """ "Not round here they don't 😂 stay in Brixton where you belong": the laugh ends the
    first clause; the order after it is not denied."""
    phrase = ["stay in {name} where you belong"]
    toks = phrase_tokens("Not round here they don't 😂 stay in Brixton where you belong")
    ((first, _last),) = PhraseSet(phrase, {}).find(toks)
    assert not negated(toks, first)
    toks = phrase_tokens("They don't stay in Brixton where you belong")
    ((first, _last),) = PhraseSet(phrase, {}).find(toks)
    assert negated(toks, first)


def test_a_negation_before_a_clause_of_its_own_does_not_reach_into_it():
    phrase = ["when you come out of your office some night"]
    toks = phrase_tokens("You won't be smiling when you come out of your office some night.")
    ((first, _last),) = PhraseSet(phrase, {}).find(toks)
    assert not negated(toks, first)
    toks = phrase_tokens("Ye'll no be smilin when ye come oot yer office some night.")
    ((first, _last),) = PhraseSet(["when you come (out|oot) your office some night"], {}).find(toks)
    assert not negated(toks, first)


def test_a_question_that_urges_or_an_eager_wait_is_not_a_negation():
    for text, phrase, denied in (
        ("Why don't you go and hang yourself", "hang yourself", False),
        ("why not just kill yourself", "kill yourself", False),
        ("Can't wait to see you get what's coming", "see you", False),
        ("You can't see him", "see him", True),
        ("Why would you not kill yourself", "kill yourself", True),  # "not" right before: denied
    ):
        toks = phrase_tokens(text)
        ((first, _last),) = PhraseSet([phrase], {}).find(toks)
        assert negated(toks, first) is denied, text


def test_linear_in_the_text():
    # a long text of fillers and near-misses does not blow up the automaton's state
    text = "someone should " + "really just " * 5000 + "shoot him"
    assert _matches(["{someone} should {harm} {victim}"], text) == []


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("{nobody} is here", "unknown slot"),
        ("(a|b", "missing"),
        ("a ) b", "unexpected"),
        ("a | b", "outside brackets"),
    ],
)
def test_bad_phrases_are_reported(phrase, message):
    with pytest.raises(RuleError) as err:
        PhraseSet([phrase], {})
    assert message in err.value.message


def test_a_slot_that_refers_to_itself_is_reported():
    with pytest.raises(RuleError) as err:
        PhraseSet(["{loop}"], {"loop": ["x {loop}"]})
    assert "itself" in err.value.message


def test_probe_words_need_every_phrase_to_have_one():
    words = PhraseSet(["(shoot|stab) him", "kill yourself"], {}).probe_words()
    assert {"shoot", "stab"} <= set(words) and ({"kill", "yourself"} & set(words))
    assert PhraseSet(["{name} is elected"], {}).probe_words() == ["elected"]
    # a common word is no use to the prefilter
    assert PhraseSet(["{name} is here"], {}).probe_words() is None
    assert PhraseSet(["{name} {handle}", "kill yourself"], {}).probe_words() is None


def test_phrase_rule_through_the_engine_covers_what_was_typed():
    # look-alike letters and leetspeak are undone before matching; the card covers the typed text
    found = findings_of("fixtures.Menace", "Someone should sh00t the Chancellor.")
    assert [f.text for f in found] == ["Someone should sh00t the Chancellor"]
    assert findings_of("fixtures.Menace", "Do not kill yourself.") == []
    assert findings_of("fixtures.Menace", "Someone should shoot him an email.") == []


def test_a_caret_anchors_a_phrase_to_the_start_of_a_sentence():
    phrase = ["^ [just] die"]
    assert _matches(phrase, "Die.") == ["Die"]
    assert _matches(phrase, "Well said. Just die") == ["Just die"]
    assert _matches(phrase, "@cllr @mp die") == ["die"]  # a reply chain opens no sentence
    assert _matches(phrase, '"Die," she said') == ["Die"]
    assert _matches(phrase, "People will die waiting") == []
    assert _matches(phrase, "First line\ndie") == ["die"]  # a line break ends a sentence


def test_a_dollar_anchors_a_phrase_to_the_end_of_a_sentence():
    phrase = ["^ die $"]
    assert _matches(phrase, "Die.") == ["Die"]
    assert _matches(phrase, "Die") == ["Die"]
    assert _matches(phrase, "Die @cllr!") == ["Die"]
    assert _matches(phrase, "Die 🔪🔪") == ["Die"]
    assert _matches(phrase, "Die Hard is on at the Odeon.") == []
    assert _matches(phrase, "die\nand more") == ["die"]
    assert _matches(["those legs $"], "Those legs of the route") == []
    assert _matches(["those legs $"], "Phwoar, those legs!") == ["those legs"]


@pytest.mark.parametrize("phrase", ["die ^", "$ die", "(^ die|go)", "^", "^ $"])
def test_anchors_only_open_or_close_a_phrase(phrase):
    with pytest.raises(RuleError):
        PhraseSet([phrase], {})


def test_a_closing_quote_is_not_part_of_the_word_before_it():
    assert _matches(["kill yourself"], "They wrote 'kill yourself' under it") == ["kill yourself"]


def test_a_phrase_never_runs_across_a_line_break():
    assert _matches(["{someone} should {harm} {victim}"], "Someone should\nshoot him") == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ('She was sent a message saying "kill yourself" and reported it.', True),
        ("Someone wrote 'kill yourself' under her post.", True),
        ('"Kill yourself" is what you deserve.', False),  # quoted, but nothing reports it
        ("Kill yourself, she was told.", False),  # reported, but not in quotation marks
        ('Kill yourself. "Reported" my foot.', False),
    ],
)
def test_a_quotation_that_the_text_reports_is_told_apart(text, reported):
    toks = phrase_tokens(text)
    ((first, last),) = PhraseSet(["kill yourself"], {}).find(toks)
    cues = frozenset(["saying", "wrote", "told", "reported"])
    assert quoted_and_reported(toks, first, last, cues) is reported


@pytest.mark.parametrize(
    ("text", "counter_speech"),
    [
        ("Saying Muslims are terrorists is bigotry.", True),
        ("The leaflet claimed Muslims are terrorists: that's an antisemitic lie.", True),
        ("Anyone who says Muslims are terrorists is spreading hate.", True),
        ("Muslims are terrorists.", False),  # nothing reports it
        ("Muslims are terrorists, and saying it is not racist.", False),  # the cue comes after
        ("Saying Muslims are terrorists is not racist.", False),  # the condemnation is negated
        ("Saying Muslims are terrorists isn't racist.", False),
        ("I'm saying it. Muslims are terrorists. Disgusting.", False),  # another sentence each
        # a claim denied is condemned: "not true", "isn't true" (seen under Xvfb in a post)
        ("Some people say Muslims are terrorists: that is not true.", True),
        ("People say Muslims are terrorists, which just isn't true.", True),
        ("Saying Muslims are terrorists is true.", False),
        # ... and so is one said not to be ok: "is never ok", "isn't acceptable"
        ("Saying Muslims are terrorists is never ok.", True),
        ("Saying Muslims are terrorists isn't acceptable.", True),
        ("Saying Muslims are terrorists is ok.", False),
    ],
)
def test_words_reported_in_order_to_condemn_them_are_told_apart(text, counter_speech):
    toks = phrase_tokens(text)
    ((first, last),) = PhraseSet(["muslims are terrorists"], {}).find(toks)
    cues = frozenset(["saying", "says", "say", "claimed"])
    condemning = frozenset(["bigotry", "antisemitic", "hate", "racist", "disgusting"])
    assert condemned(toks, first, last, cues, condemning) is counter_speech


def _counter_speech_rule(kind: str, **keys):
    from pathlib import Path

    from desktop_app.checks import KINDS
    from desktop_app.checks.base import RuleSpec
    from desktop_app.engine import Analyzer
    from desktop_app.policy import PolicyPack

    data = {"extends": kind, "message": "%s", "level": "error", "clause": "C-discrimination"}
    data["category"] = "discrimination"
    if kind == "phrase":
        data.update(phrases=["{group} are vermin"], slots={"group": ["refugees"]})
    else:
        data.update(tokens=["refugees are vermin"], ignorecase=True)
    data.update(keys)
    spec = RuleSpec(
        "t.Vermin", Path("Vermin.yml"), data, principles=frozenset(), clauses=frozenset(["C-discrimination"])
    )
    return Analyzer(PolicyPack(rules=[KINDS[kind](spec)]))


@pytest.mark.parametrize("kind", ["phrase", "existence"])
def test_a_rule_with_condemning_words_leaves_counter_speech_alone(kind):
    keys = {"reporting": ["saying", "called"], "condemning": ["disgusting"]}
    analyzer = _counter_speech_rule(kind, **keys)

    def found(text):
        return [f.text for f in analyzer.analyze(text).findings]

    assert found("Saying refugees are vermin is disgusting.") == []
    assert found('He called us "refugees are vermin" types.') == []  # a reported quotation
    assert found("Refugees are vermin.") == ["Refugees are vermin"]
    assert found("Saying refugees are vermin isn't disgusting.") == ["refugees are vermin"]
    # without `condemning`, only quotations are left alone
    plain = _counter_speech_rule(kind, reporting=["saying"])
    assert [f.text for f in plain.analyze("Saying refugees are vermin is disgusting.").findings]


def test_stretched_letters_read_as_the_phrase_word():
    assert _matches(["kill yourself"], "Kiiiill yourselffff") == ["Kiiiill yourselffff"]
    assert _matches(["^ die $"], "Diiiie.") == ["Diiiie"]
    assert _matches(["^ die $"], "DIEEEE!!!") == ["DIEEEE"]
    # only a letter said three times or more is a stretch: "kil" is not "kill"
    assert _matches(["kill yourself"], "kil yourself") == []
    assert _matches(["{someone} should {harm} {victim}"], "Someone shouuuld stabbb him") == [
        "Someone shouuuld stabbb him"
    ]


def test_a_word_a_phrase_has_is_not_read_as_a_dropped_g():
    """'Putin' could be 'puttin' with its g dropped; when a phrase names Putin, it is Putin."""
    phrases = ["putin should go", "stop putting it off"]
    assert _matches(phrases, "Putin should go.") == ["Putin should go"]
    assert _matches(phrases, "stop puttin it off") == ["stop puttin it off"]


def test_a_phrase_word_with_its_g_dropped_is_read_both_ways():
    """A rule that lists a dropped-g spelling ('somethin nasty') must not stop that spelling
    reading as its -ing word in the rule's other phrases: adding 'somethin' to a Threats
    phrase once silenced 'shame if somethin happened to it', which 'something' had caught."""
    phrases = ["shame if something happened", "(summat|somethin) nasty"]
    assert _matches(phrases, "Be a shame if somethin happened to it") == ["shame if somethin happened"]
    assert _matches(phrases, "hope you get somethin nasty") == ["somethin nasty"]


def test_a_dropped_g_reads_as_the_ing_word():
    assert _matches(["breeding like rabbits"], "breedin like rabbits") == ["breedin like rabbits"]
    assert _matches(["dirty thieving tinkers"], "Dirty thievin' tinkers") == ["Dirty thievin' tinkers"]
    assert _matches(["begging for it"], "beggin for it") == ["beggin for it"]
    # words that only end so are themselves: "begin" is not "begging", "robin" not "robbing"
    assert _matches(["begging for it"], "begin for it") == []
    assert _matches(["robbing us blind"], "Robin us blind") == []


def test_scots_and_northern_words_read_as_the_words_they_stand_for():
    assert _matches(["did your mum drop you on your head"], "did yer mammy drop ye on yer heid") == []
    assert _matches(["did your (mum|mammy) drop you on your head"], "did yer mammy drop ye on yer heid") == [
        "did yer mammy drop ye on yer heid"
    ]
    assert _matches(["you will not be smiling"], "ye'll not be smiling") == ["ye'll not be smiling"]
    assert _matches(["can not think"], "I cannae think") == ["cannae think"]
    # session 29: more Scots, as typed in replies ("naebody'd miss ye", "deid", "doon")
    assert _matches(["nobody would miss you"], "naebody'd miss ye") == ["naebody'd miss ye"]
    assert _matches(["dead man walking"], "deid man walkin") == ["deid man walkin"]
    assert _matches(["down the road"], "doon the road") == ["doon the road"]
    assert _matches(["give him a note from us"], "gie him a note fae us") == ["gie him a note fae us"]
    assert _matches(["it was not me"], "it wisnae me") == ["it wisnae me"]
    assert _matches(["you (want|wants) your head kicking in"], "tha wants thi head kickin in") == [
        "tha wants thi head kickin in"
    ]
    assert _matches(["sack of shite"], "lyin sack o shite") == ["sack o shite"]
    assert _matches(["hang the lot of them"], "hing the lot o them") == ["hing the lot o them"]
    # not "wi" for "with": "back to the WI" is the Women's Institute


def test_a_rule_finds_a_dropped_g_after_other_texts():
    """The engine's word probe also lets a dropped g through: the first text a rule sees may
    skip the probe, so a later one must not be ruled out by it."""
    from pathlib import Path

    from desktop_app.checks import KINDS
    from desktop_app.checks.base import RuleSpec
    from desktop_app.engine import Analyzer
    from desktop_app.policy import PolicyPack

    data = {"extends": "phrase", "message": "%s", "level": "error", "clause": "C-abuse", "category": "abuse"}
    data["phrases"] = ["breeding like rabbits"]
    clauses = frozenset(["C-abuse"])
    spec = RuleSpec("t.Breeding", Path("Breeding.yml"), data, principles=frozenset(), clauses=clauses)
    analyzer = Analyzer(PolicyPack(rules=[KINDS["phrase"](spec)]))
    for text in ("Thanks to every volunteer on Saturday.", "They're breedin like rabbits."):
        found = [f.text for f in analyzer.analyze(text).findings]
    assert found == ["breedin like rabbits"]


def test_a_quoted_word_a_noun_names_as_words_is_not_said():
    analyzer = _counter_speech_rule("phrase", reporting=["saying"])

    def found(text):
        return [f.text for f in analyzer.analyze(text).findings]

    assert found('The "refugees are vermin" talk from ministers has consequences.') == []
    assert found('We will not use the slogan "refugees are vermin" in any leaflet.') == []
    assert found('They are "refugees are vermin" people, the lot of them') == ["refugees are vermin"]
    # session 18 (batch Z16): a word in quotation marks used "as an insult" is talked about
    assert found('Can we stop using "refugees are vermin" as an insult in this group?') == []
    assert found('Stop saying "refugees are vermin" as a joke') == []


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("(britain|the uk) is full [up] (.|!|,)", "Britain is full up."),
        ("(brick|petrol bomb) (through|in) (his|her) window", "a petrol bomb through his window"),
        ("(love|like) to (catch|corner) {victim} (alone|outside)", "I'd love to catch him outside"),
        ("kill yourself", "Kiiiill yourself"),
    ],
)
def test_a_text_a_phrase_matches_is_never_ruled_out_by_its_words(phrase, text):
    from desktop_app.checks.tokens import text_words

    phrases = PhraseSet([phrase], SLOTS)
    assert phrases.find(phrase_tokens(text))
    assert phrases.could_match(text_words(text))
    assert not phrases.could_match(text_words("Thank you to every volunteer on Saturday."))


def test_the_shipped_phrase_rules_never_rule_out_a_text_they_match():
    """The word check before tokenising (could_match) only skips texts no phrase matches:
    run every shipped phrase rule's automaton over every example and abuse family sentence."""
    from pathlib import Path

    import yaml

    from desktop_app.checks.tokens import text_words
    from desktop_app.core.evasion import normalise_for_matching
    from tests.checks.conftest import shipped_pack

    data = Path(__file__).parents[1] / "data"
    texts = [
        e["text"] if isinstance(e, dict) else e
        for path in sorted(data.glob("abuse_families*.yml"))
        for f in yaml.safe_load(path.read_text()).values()
        for k in ("abusive", "look-alikes")
        for e in f.get(k) or ()
    ]
    rules = [r for r in shipped_pack().rules if r.kind == "phrase"]
    texts += [t for r in rules for t in (*r.examples_flag, *r.examples_pass)]
    checked = 0
    for rule in rules:
        for text in texts:
            norm = normalise_for_matching(text).text
            if rule.phrases.find(phrase_tokens(norm), rule.fillers):
                checked += 1
                assert rule.phrases.could_match(text_words(norm)), (rule.id, text)
    assert checked > 150


def test_every_shipped_phrase_rule_keeps_a_prefilter_that_re2_can_run():
    """A rule without a probe (or one RE2 cannot compile) runs on every text: keep phrases
    anchored on a word, and the probe free of what RE2 lacks (back-references)."""
    import re2

    from desktop_app.checks.base import Prefilter
    from tests.checks.conftest import shipped_pack

    rules = [r for r in shipped_pack().rules if r.kind == "phrase"]
    for rule in rules:
        pattern, normalised = rule.probe()
        assert pattern and normalised, rule.id
        re2.compile(pattern)
    assert Prefilter(rules)._always == []


def test_the_automaton_is_built_when_a_text_first_could_match():
    phrases = PhraseSet(["{someone} should (shoot|stab) {victim}"], {"someone": ["someone", "a man"],
                        "victim": ["him", "her", "the chancellor"]})  # fmt: skip
    assert phrases._nodes is None  # not at load
    assert phrases.anchors == [frozenset({"shoot", "stab"})]
    toks = phrase_tokens("Someone should shoot the Chancellor.")
    assert phrases.find(toks) == [(0, 4)]
    assert phrases._nodes is not None


def test_warming_the_engine_builds_every_phrase_automaton():
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy

    pack = load_policy(include_user_overlay=False)  # fresh rules: none built yet
    rules = [r for r in pack.rules if r.kind == "phrase"]
    assert rules and all(r.phrases._nodes is None for r in rules)
    Analyzer(pack).warm_up()
    assert all(r.phrases._nodes is not None for r in rules)


def test_a_common_word_the_phrase_needs_spares_texts_with_only_the_rare_one():
    phrases = PhraseSet(["make me a (sandwich|brew)"], {})
    assert phrases.probe_words() == ["brew", "sandwich"]  # the prefilter still looks for these
    assert not phrases.could_match(frozenset({"the", "sandwich", "bus"}))  # the town
    assert phrases.could_match(frozenset({"make", "me", "a", "sandwich"}))
    toks = phrase_tokens("Go and make me a sandwich.")
    assert phrases.find(toks) == [(2, 5)]


def test_every_word_the_matcher_reads_is_among_the_text_words():
    """could_match() judges by text_words(): a word phrase_tokens reads ('not' in "don't",
    'are' in "they're") that text_words missed would rule out a text a phrase matches."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from desktop_app.checks.tokens import text_words
    from desktop_app.core.evasion import normalise_for_matching

    pieces = ["don't", "won't", "can't", "they're", "I'll", "she's", "it's", "we've", "I'd", "I'm",
              "shouldn't", "ain't", "voters'", "Make", "me", "a", "sandwich", "not", "KILL", "kiiill",
              "’re", "you’ll", "o'clock", "rock-'n'-roll", ",", ".", "!", " ", "\n", "@her"]  # fmt: skip

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12).map(" ".join))
    def check(typed):
        text = normalise_for_matching(typed).text  # what the phrase rules read
        words = text_words(text)
        for tok in phrase_tokens(text):
            if tok.low[:1].isalpha() and tok.squeezed is None:
                assert tok.low in words, (text, tok.low)

    check()


@pytest.mark.parametrize(
    ("text", "name", "reported"),
    [
        ("a boy in her class called her a retard", "retard", True),
        ("my grandad got called a dirty immigrant in 1962", "dirty", True),
        ("anyone still calling every brown person a paki needs help", "paki", True),
        ("I'm calling you a retard", "retard", False),  # said to the reader
        ("I'm calling her a liar", "liar", False),  # the writer says it now
        ("calling for someone to shoot the chancellor", "shoot", False),  # a call for, not a name
        ("she is a retard", "retard", False),
        ("someone on the train told my mum to go back where she came from", "go", True),
        ("I told you to go back where you came from", "go", False),
        ("telling them women are the enemy does not help", "women", True),
        ("I'm telling you women are the enemy", "women", False),
    ],
)
def test_a_name_someone_is_reported_to_have_been_called_is_told_apart(text, name, reported):
    toks = phrase_tokens(text)
    first = next(k for k, t in enumerate(toks) if t.low == name)
    assert called_by_others(toks, first) is reported


def test_a_negation_that_denies_something_else_first_leaves_a_new_clause_alone():
    for text, phrase, denied in (
        # "they're not X, they're Y": the negation denies X, not what the new clause says
        ("They're not asylum seekers they're cockroaches", "they are cockroaches", False),
        ("You are not a victim you are vermin", "you are vermin", False),
        # a denied thought or saying still denies what follows it
        ("I don't think they're cockroaches", "they are cockroaches", True),
        ("I'm not saying you are vermin", "you are vermin", True),
        ("they are not cockroaches", "cockroaches", True),
    ):
        toks = phrase_tokens(text)
        ((first, _last), *_) = PhraseSet([phrase], {}).find(toks)
        assert negated(toks, first) is denied, text


def test_a_claim_in_quotation_marks_called_a_lie_is_not_said():
    from desktop_app.checks.tokens import condemned

    cues, condemning = frozenset(["saying"]), frozenset(["lie", "bigotry"])
    toks = phrase_tokens('Reminder that "gays are grooming kids" is a lie.')
    ((first, last),) = PhraseSet(["gays are grooming kids"], {}).find(toks)
    assert condemned(toks, first, last, cues, condemning)
    toks = phrase_tokens('"gays are grooming kids" and I stand by it.')
    ((first, last),) = PhraseSet(["gays are grooming kids"], {}).find(toks)
    assert not condemned(toks, first, last, cues, condemning)


def test_a_name_someone_else_called_the_reader_is_reported_not_said():
    from desktop_app.checks.tokens import called_by_others

    def slur_at(text: str) -> tuple[list, int]:
        toks = phrase_tokens(text)
        return toks, next(k for k, t in enumerate(toks) if t.low == "taig")

    assert called_by_others(*slur_at("Someone in these replies called you a taig."))
    assert not called_by_others(*slur_at("I called you a taig."))
    assert not called_by_others(*slur_at("I'm calling you a taig."))


def test_masked_words_of_a_phrase_are_read_back():
    # "k*ll" is a masked "kill" once the rule says people mask it; without that, no guess
    text = "k*ll all the refugees"
    data = {"phrases": ["kill all the {group}"], "slots": {"group": ["refugees"]}}
    plain = _counter_speech_rule("phrase", **data).analyze(text).findings
    masked = _counter_speech_rule("phrase", masked_words=["kill"], **data).analyze(text).findings
    assert plain == []
    assert [f.text for f in masked] == ["k*ll all the refugees"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("fat ugly cow, bet youve never read a book in your life", "fat ugly cow"),
        ("Go and cry to your mummy, snowflake", "snowflake"),
    ],
)
def test_a_comma_a_phrase_needs_is_context_not_part_of_the_finding(text, quoted):
    """The Replies view quoted "'fat ugly cow,' is a personal attack": a comma that marks
    where a name ends is read, but the finding (and the highlight) is the words."""
    assert [f.text for f in findings_of("Drafting.BareInsults", text, "shipped")] == [quoted]


def test_reading_letters_without_spaces_grows_in_proportion_to_their_length():
    """Chinese, Thai or one long 'word' has no spaces: a pattern that backtracked over a run
    of letters (the dropped-g reading) took 1.5 s on 12,000 of them and 40 s on 64,000,
    holding the GIL, so the window froze on a paste. Compared as a ratio in one run: eight
    times the letters must cost about eight times as much, not sixty-four."""
    import time

    from desktop_app.checks.tokens import phrase_tokens, text_words

    def best(text: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            text_words(text)
            phrase_tokens(text)
            times.append(time.perf_counter() - start)
        return min(times)

    sentence = "我们的公交车运动需要你星期六来图书馆参加会议谢谢大家的支持"
    short, long = (sentence * 600)[:2000], (sentence * 600)[:16000]
    assert best(long) / best(short) < 24
    assert best("x" * 16000) / best("x" * 2000) < 24


def test_a_plus_sign_between_taunts_ends_what_a_negation_denies():
    """Session 22 (batch Y61): 'ratio + autistic + nobody asked + go back to ur SEN unit' was
    read as 'nobody ... go back', a denial, and passed. A list joined by '+', '=' or '|' is a
    string of separate taunts, as a comma joins them."""
    toks = phrase_tokens("nobody asked + go back to ur sen unit")
    first = next(i for i, t in enumerate(toks) if t.low == "go")
    assert not negated(toks, first)
    toks = phrase_tokens("nobody asked go back to ur sen unit")
    assert negated(toks, next(i for i, t in enumerate(toks) if t.low == "go"))


def test_wouldnt_mind_is_a_wish_not_a_denial():
    """Session 22 (batch Y62): 'wouldnt mind bendin her over the council table' was read as
    'would not ... bend her over', a denial, and passed."""
    toks = phrase_tokens("wouldnt mind bendin her over the council table")
    assert not negated(toks, next(i for i, t in enumerate(toks) if t.low.startswith("bend")))
    toks = phrase_tokens("i would not bend her over")
    assert negated(toks, next(i for i, t in enumerate(toks) if t.low == "bend"))


@pytest.mark.parametrize(
    ("text", "word", "reported"),
    [
        # graffiti someone else wrote, told to condemn it
        ("Whoever sprayed traitor on her office door needs to grow up.", "traitor", True),
        ("Whoever spray painted scab on his shutter, wise up.", "scab", True),
        ("Someone daubed burn the flats on the underpass and it's vile.", "burn", True),
        # someone else said it, and the reply turns against it
        ("Somebody in the replies said he should hang. Report that.", "hang", True),
        ("The lads who threatened you on Friday are scumbags and I told the police.", "scumbags", True),
        # a note someone left, and who said it some words back
        ("Whoever left that note on her car is an idiot and doesn't speak for us.", "idiot", True),
        ("Somebody in the village group last night said they'd torch it. That's vile.", "torch", True),
        ("Whoever left the gate open is an idiot.", "idiot", False),
        # session 30 (blind batches Y221, Y223): a reply reported, and who wrote it named
        (
            "Someone in my street replied to you earlier calling you a traitor and I've reported it.",
            "traitor",
            True,
        ),
        ("Some numpty's replied hope ye get cancer under this. Reported it.", "numpty", True),
        ("Some numpty replied to me earlier.", "numpty", False),
        (
            "Someone on the Echo page called you a c*** and said you should be strung up. That's disgusting.",
            "strung",
            True,
        ),
        ("I called you a liar and said you should be strung up.", "strung", False),
        ("You replied calling me a liar, you traitor.", "traitor", False),
        # said by the writer, said now, or passed on without turning against it
        ("I said he should hang and I meant it.", "hang", False),
        ("Someone said he should hang and they were right.", "hang", False),
        ("People are saying you're a traitor.", "traitor", False),
        ("Whoever voted for this is a traitor.", "traitor", False),
        ("You're a traitor.", "traitor", False),
    ],
)
def test_words_someone_else_wrote_or_said_unquoted_are_reported_not_said(text, word, reported):
    from desktop_app.checks.tokens import said_by_others

    toks = phrase_tokens(text)
    first = next(k for k, t in enumerate(toks) if t.low == word)
    assert said_by_others(toks, first) is reported
