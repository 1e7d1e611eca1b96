"""attack: insults predicated of a person; criticism of policies and decisions passes."""

from __future__ import annotations

import re

import pytest

from tests.checks.conftest import findings_of

RULE = "fixtures.PersonalAttack"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("X is a liar.", "X is a liar"),
        ("Johnson is a liar.", "Johnson is a liar"),
        ("@x you coward", "you coward"),
        ("You absolute clown.", "You absolute clown"),
        ("That lying toad of a minister has done it again.", "That lying toad of a minister"),
        ("Councillor Hart is a clown.", "Councillor Hart is a clown"),
        ("Everyone knows liar Johnson cut the budget.", "liar Johnson"),
        ("The minister is a disgrace.", "The minister is a disgrace"),
        ("Johnson's a liar.", "Johnson's a liar"),
        ("you're a coward", "you're a coward"),
        ("@someone coward", "@someone coward"),
        ("Boris Johnson is such a liar.", "Boris Johnson is such a liar"),
        ("The prime minister is a total clown.", "The prime minister is a total clown"),
        ("They are idiots and liars, and he is a moron.", "he is a moron"),
    ],
)
def test_flags_an_insult_aimed_at_a_person(text, flagged):
    assert flagged in [f.text for f in findings_of(RULE, text)]


@pytest.mark.parametrize(
    "text",
    [
        "X's cuts were a mistake.",
        "Johnson's cuts were a mistake.",
        "The minister's plan is a disaster.",
        "This policy is a joke.",
        "It is a joke that bus fares went up again.",
        "He called me a liar.",
        "The Prime Minister broke his promise on housing.",
        "Nobody likes a coward.",
        "Don't be a clown about it, said nobody.",
    ],
)
def test_leaves_criticism_of_policies_and_decisions_alone(text):
    assert findings_of(RULE, text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Johnson is a lіar.", "Johnson is a lіar"),  # Cyrillic і
        ("Johnson is a l1ar.", "Johnson is a l1ar"),
        ("Johnson is a c.l.o.w.n!", "Johnson is a c.l.o.w.n"),
        ("Johnson is a clo\u200dwn.", "Johnson is a clo\u200dwn"),
    ],
)
def test_evasion_is_seen_through_and_the_highlight_is_what_was_typed(text, flagged):
    (f,) = findings_of(RULE, text)
    assert f.text == flagged == text[f.start : f.end]


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        (
            "Councillor Hart is a clown.",
            "Councillor Hart's decision to [what they did] is wrong because [why it matters].",
        ),
        ("@x you coward", "@x your decision to [what you did] is wrong because [why it matters]"),
        ("You absolute clown.", "Your decision to [what you did] is wrong because [why it matters]."),
        ("Everyone knows liar Johnson cut it.", "Everyone knows Johnson cut it."),
        ("That lying toad of a minister did it.", "The minister did it."),
        (
            "Sources say James is a liar.",
            "Sources say James' decision to [what they did] is wrong because [why it matters].",
        ),
        ("What an idiot @bob is.", "@bob's decision to [what they did] is wrong because [why it matters]."),
    ],
)
def test_the_rewrite_keeps_the_target_and_turns_to_actions(text, rewritten):
    (f,) = findings_of(RULE, text)
    assert f.suggestions[0].apply(text) == rewritten
    assert findings_of(RULE, rewritten) == []


# --- the shipped rules: who is a person, what is a thing, groups --------------------------

SHIPPED = "Drafting.PersonalAttack"
GROUPS = "Drafting.GroupInsults"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Is Johnson a liar? Of course he is.", "Is Johnson a liar"),
        ("Why is the minister such a coward?", "is the minister such a coward"),
        ("Isn't he a disgrace?", "Isn't he a disgrace"),
        ("She has been a crook all her life.", "She has been a crook"),
        ("Just look how dishonest you are.", "how dishonest you are"),
        ("What a liar he is.", "What a liar he is"),
        ("Councillor Hart is a c l o w n.", "Councillor Hart is a c l o w n"),
        ("Jerry Jones is a disgrace.", "Jerry Jones is a disgrace"),
        ("Donald Trump is an idiot.", "Donald Trump is an idiot"),
        ("@CllrHart coward.", "@CllrHart coward"),
        ("Youre a disgrace.", "Youre a disgrace"),
        ("@CllrHart your a joke.", "your a joke"),
        # Scots and Irish "ye" for you, and "yer" typed for "you're"
        ("Shona ye're a wee hoor.", "ye're a wee hoor"),
        ("Ye are a disgrace.", "Ye are a disgrace"),
        ("Yer a joke.", "Yer a joke"),
        ("That man is a liar.", "That man is a liar"),
        ("They are far too clueless to run a bath.", "They are far too clueless"),
        ("She is as dumb as a brush.", "She is as dumb"),
        ("He is a communist fool.", "He is a communist fool"),
        ("You're the embarrassment here.", "You're the embarrassment"),
        # describing words the intensifier list does not know, between the article and the insult
        (
            "He is nothing but a left-wing unhinged smug clown.",
            "He is nothing but a left-wing unhinged smug clown",
        ),
        ("Councillor Hart is a Tory clown.", "Councillor Hart is a Tory clown"),
        # verbs that link a person to a name as "is" does
        ("They have become clowns.", "They have become clowns"),
        ("The minister looks like a fool.", "The minister looks like a fool"),
        # an insult before a role: the person the role names
        ("Why is this corrupt woman still in charge?", "this corrupt woman"),
        ("Scared, ugly man?", "ugly man"),
        ("The useless little minister has gone quiet.", "useless little minister"),
    ],
)
def test_shipped_rule_flags_people_in_more_shapes(text, flagged):
    assert [f.text for f in findings_of(SHIPPED, text, "shipped")] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "The Fool Theatre Company brings Twelfth Night to the park on Saturday.",
        "Fascist Movement Antifa marched through the town, said the paper.",
        "BUS CUTS ARE A JOKE AND WE WILL FIGHT THEM",
        "The Labour Party is a joke, say the Tories, but our record on buses says otherwise.",
        "@CllrHart Disgusting. Three families on Mill Lane still have no heating.",
        "@CllrHart Shameful! The 42 bus is gone.",
        "Such a horrible, stupid idea to close the 42 bus route.",
        "Another phoney poll from the Tories.",
        "The budget is a joke of a budget for renters.",
        "Cressida Dick has resigned as Commissioner.",
        "Is this policy a joke? Ask the families on Mill Lane.",
        "Councillor Hart voted to close the library.",
        "The minister's plan is a disaster.",
        "Vandals who trash Victoria Park should pay for the repairs.",  # a verb
        "@JobsBarnsley Monster is where young people find jobs.",  # a subject, not an address
        "Evil Empire night at the Civic: Star Wars on the big screen.",  # a title
        "Gordon Brown's gross errors on pensions cost us dear.",  # a thing
        "@CllrHart The old fool on the hill is a lovely song.",  # a new sentence, not an address
        "Boycott the National Fools League tournament.",  # Title Case: a name of a thing
        "The Conservative Party is a disgrace on the NHS.",  # an organisation
        "Poverty is a disgrace in a country this rich.",  # a capital only because it opens
        "Homelessness is a disgrace.",
        "Austerity was a failure.",
        # a word the dictionary makes with a suffix ('consult' + -ation) is not a stem it lists,
        # but it is no name either: the capital only opens the sentence
        "Consultation was a joke. 68% said no and you did it anyway.",
        "Regeneration is a disgrace in this town.",
        "Leadership was a joke on the housing list.",
        "Hillside Theatre Company is a joke, says the reviewer.",
        "Another despicable Johnson lie about nurses' pay.",  # the name describes a thing
        "The minister is clearly lying about waiting lists.",  # a claim, not a name
        "Councillor Hart is a former nurse and no fool.",  # 'and no' ends the describing words
        "She is a big fan of clowns at the summer fair.",  # 'of': the insult is in another phrase
        "The minister is a former teacher with a plan for clowns.",
        "A racist man abused a bus driver on the 42 last night.",  # nobody identifiable
        "The corrupt officer scheme was exposed by the Echo.",  # a role in a thing's name
        # an object pronoun ends a clause: what "is a failure" is the fact, not them
        "The fact we still need them is a political failure.",
        "Voting for him was a political failure.",
        # 'and the' starts a new noun phrase: the verdict is on what the assessors did
        "DWP assessors treat disabled people like criminals. Absolute disgrace and the minister should go.",
        "Total shambles and the council leader knows it.",
        # session 18 (batches Y24, Z16): a street is no person
        "Is there parking near the hall or do we have to use Sheep St car park?",
        "Bloody hell, the potholes on Station Road are ridiculous, lost a tyre this morning.",
        "The lights on Albert Avenue are a disgrace.",
        # session 19 (batch Z19): a name after a preposition is not what "is racist" is said
        # of; the act that opens the sentence is
        'Calling a Chinese student a "virus" because of Covid is racist.',
        "Blaming Chinese takeaways for Covid is racist.",
    ],
)
def test_shipped_rule_leaves_titles_shouting_reactions_and_things_alone(text):
    assert findings_of(SHIPPED, text, "shipped") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Liberals are idiots, the lot of them.", "Liberals are idiots"),
        ("Tory voters are morons if they fall for this.", "Tory voters are morons"),
        ("These people are absolute clowns.", "These people are absolute clowns"),
        ("Stop the lying Tories selling off the NHS.", "the lying Tories"),
        ("You lot are a bunch of hypocrites.", "You lot are a bunch of hypocrites"),
        ("The left are idiots.", "The left are idiots"),
        ("Brexiteers are such frauds.", "Brexiteers are such frauds"),
        ("Labour MPs are morons.", "Labour MPs are morons"),  # a plural role is a group
    ],
)
def test_insults_aimed_at_a_group_are_derogatory(text, flagged):
    found = findings_of(GROUPS, text, "shipped")
    assert [f.text for f in found] == [flagged]
    assert found[0].category == "derogatory-label" and found[0].clause == "C-derogatory"
    # A group is not a person: the personal-attack rule leaves it to the group rule.
    assert findings_of(SHIPPED, text, "shipped") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tory voters were let down by this budget: bills up, wages flat.",
        "Liberals and Conservatives both voted for the cuts in 2012.",
        "These people deserve better than a bus every two hours.",
        "The Tories' plan is a joke for the people who rely on the 42 bus.",
        "You're right: the left and the right both voted for it.",
        "The Tories are a disgrace on housing: 1.2 million families are on waiting lists.",
        "Tory ministers have been useless on the cost of living.",
    ],
)
def test_criticism_of_what_a_group_did_passes(text):
    assert findings_of(GROUPS, text, "shipped") == []


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("Why is this corrupt woman still in charge?", "Why is this woman still in charge?"),
        ("The useless little minister has gone quiet.", "The minister has gone quiet."),
    ],
)
def test_an_insult_before_a_role_is_dropped_and_the_role_kept(text, rewritten):
    (f,) = findings_of(SHIPPED, text, "shipped")
    assert f.suggestions[0].apply(text) == rewritten
    assert findings_of(SHIPPED, rewritten, "shipped") == []


def test_a_misspelt_you_are_gets_a_grammatical_rewrite():
    text = "Youre a disgrace."
    (f,) = findings_of(SHIPPED, text, "shipped")
    assert f.suggestions[0].apply(text) == (
        "You were wrong to [what you did] because [why it matters to residents]."
    )


def test_the_group_rewrite_keeps_the_group_and_turns_to_what_they_did():
    text = "Tory voters are morons."
    (f,) = findings_of(GROUPS, text, "shipped")
    rewritten = f.suggestions[0].apply(text)
    assert rewritten == "Tory voters are wrong about [what they back] because [why it matters to residents]."
    assert findings_of(GROUPS, rewritten, "shipped") == []


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        # the fields are marked for the editor and the command line
        (
            "Councillor Hart is a liar and everyone in Ashford knows it.",
            "Councillor Hart said [what they said], but [what the record shows] "
            "and everyone in Ashford knows it.",
        ),
        # a relative clause about the insult goes with it
        (
            "Cllr Patel is a clown who has no idea what she is doing.",
            "Cllr Patel was wrong to [what they did] because [why it matters to residents].",
        ),
        # the subject stays the subject of what follows
        (
            "Johnson is a disgrace and should resign.",
            "Johnson was wrong to [what they did] because [why it matters to residents] and should resign.",
        ),
        # a name-calling aside: the sentence stands without it, nothing to fill in
        ("@JohnSmithMP you absolute coward, answer the question.", "@JohnSmithMP answer the question."),
        ("You absolute clown, you cut the 42 bus.", "You cut the 42 bus."),
        ("Answer the question you coward @JohnSmithMP", "Answer the question @JohnSmithMP"),
        # the reason is already there: "wrong" says it without the name
        (
            "The minister is an idiot if he thinks this will work.",
            "The minister is wrong if he thinks this will work.",
        ),
        # a question becomes a statement
        ("Is Johnson a liar?", "Was Johnson wrong to [what they did]?"),
        (
            "Is Councillor Grant an idiot or does he just not care?",
            "Was Councillor Grant wrong to [what they did] or does he just not care?",
        ),
    ],
)
def test_shipped_rewrites_keep_the_target_and_read_as_sentences(text, rewritten):
    (f,) = findings_of(SHIPPED, text, "shipped")
    suggestion = f.suggestions[0]
    assert suggestion.apply(text) == rewritten
    fields = [suggestion.replacement[a:b] for a, b in suggestion.fields]
    assert fields == re.findall(r"\[[^\]]+\]", suggestion.replacement)
    assert findings_of(SHIPPED, rewritten, "shipped") == []


def test_the_lexicon_tells_common_words_from_names():
    from desktop_app.checks.lexicon import read_dictionary
    from desktop_app.locate import dictionary_path

    words = read_dictionary(dictionary_path())
    assert words.is_common_not_name("Theatre") and words.is_common_not_name("Movement")
    assert not words.is_common_not_name("Johnson") and not words.is_common_not_name("Donald")
    assert words.is_common_word("policies") and words.is_common_word("Companies")


def test_without_the_dictionary_every_capitalised_word_may_be_a_name(tmp_path):
    from desktop_app.checks.lexicon import read_dictionary

    words = read_dictionary(tmp_path / "missing.dic")
    assert not words.is_common_not_name("Theatre") and not words.is_word("theatre")
    assert words.name_form("barnsley") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("You absolute melt.", True),
        ("Sit down, you melt.", True),
        ("Is the minister a melt?", True),
        ("You lemon 🙄", True),
        ("You melt the butter first.", False),
        ("When you melt chocolate, stir it.", False),
        ("He is a weapon with a left foot.", False),
        ("She squeezed a lemon into the tea.", False),
    ],
)
def test_a_name_only_insult_names_someone_only_at_the_end_of_its_clause(text, named):
    """`name_only`: an insult that is an everyday word too ("melt", "weapon", "tool")."""
    assert bool(findings_of("Drafting.PersonalAttack", text, "shipped")) is named


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I don't think he is a liar.", False),
        ("I'm not saying she is a clown.", False),
        ("I never said he was a liar.", False),
        ("Wanting fewer crossings doesn't make you a bigot.", False),
        ("He is a liar and I don't think anyone doubts it.", True),
        ("Don't think he is a clown: he is a dangerous clown.", True),
    ],
)
def test_an_insult_after_a_denied_thought_is_not_said(text, flagged):
    assert bool(findings_of(RULE, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Closing Ysgol Bryn Mawr is a disgrace.", False),
        ("Selling Parkside House is a scandal and a disgrace.", False),
        ("Fleming is a liar.", True),  # a name that ends like an action is still a name
        ("Councillor Hart is a disgrace.", True),
    ],
)
def test_an_action_done_to_a_name_is_not_the_name_attacked(text, flagged):
    assert bool(findings_of(RULE, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("NHS waiting lists in Grimsby are a national disgrace and the government has failed them.", False),
        ("The potholes across Hartlepool are a disgrace.", False),
        ("The queues outside Leeds station were a joke this morning.", False),
        ("In Grimsby, Councillor Hart is a disgrace.", True),
        ("Hart is a disgrace.", True),
    ],
)
def test_a_name_after_a_preposition_is_a_place_not_the_subject(text, flagged):
    assert bool(findings_of(RULE, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Karen Whitlow is a fat, thick cow who should get back in her kitchen.", True),
        ("Hart is a stubborn, useless clown.", True),
        ("Hart is a kind, thoughtful councillor.", False),
        ("The plan is a long, useless mess.", False),
    ],
)
def test_describing_words_with_a_comma_between_them_still_lead_to_the_insult(text, flagged):
    """Session 15 (batch Z12): "is a fat, thick cow" passed where "is a fat thick cow" is caught."""
    assert bool(findings_of("Drafting.PersonalAttack", text, "shipped")) is flagged
