"""Offline British spelling (Hunspell en_GB), with the user's and the organisation's words."""

from __future__ import annotations

import pytest

from desktop_app.grammar import tokens, wordlists
from desktop_app.grammar.service import GrammarService
from desktop_app.grammar.spelling import RULE_BRITISH, RULE_MISSPELT, SpellChecker
from desktop_app.storage import paths


@pytest.fixture(scope="module")
def speller():
    return SpellChecker()


def flagged(speller, text):
    return {f.text: f for f in speller.check(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The colour of our organisation's programme has changed.",
        "We travelled to the centre of town to meet the neighbours.",
        "They recognised the defence of the favourite theatre.",
        "Labour's plans for the NHS and the MPs' votes were analysed.",
        "Don’t miss it: we’ll be there at 10am in the 2020s.",
    ],
)
def test_british_spellings_pass(speller, text):
    assert speller.check(text) == []


@pytest.mark.parametrize(
    ("word", "suggestion", "rule"),
    [
        ("color", "colour", RULE_MISSPELT),
        ("center", "centre", RULE_MISSPELT),
        ("traveled", "travelled", RULE_MISSPELT),
        ("organization", "organisation", RULE_BRITISH),
        ("realized", "realised", RULE_BRITISH),
        ("analyze", "analyse", RULE_MISSPELT),
        ("gray", "grey", RULE_BRITISH),
        ("recieve", "receive", RULE_MISSPELT),
        ("definately", "definitely", RULE_MISSPELT),
    ],
)
def test_american_and_misspelt_words_are_flagged_with_suggestions(speller, word, suggestion, rule):
    text = f"We said the {word} was fine."
    findings = speller.check(text)
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.start, finding.end, finding.text) == (12, 12 + len(word), word)
    assert finding.rule == rule
    assert finding.category == "spelling"
    assert finding.severity.value == "suggestion"
    assert suggestion in [s.replacement for s in finding.suggestions]
    assert all((s.start, s.end) == (finding.start, finding.end) for s in finding.suggestions)


def test_ize_words_that_are_not_ise_spellings_pass(speller):
    assert speller.check("The prize was the size of a capsized boat; they seized it.") == []


def test_suggestion_keeps_the_capital_at_the_start_of_a_sentence(speller):
    (finding,) = speller.check("Organization matters.")
    assert finding.suggestions[0].replacement == "Organisation"


def test_handles_hashtags_addresses_numbers_and_acronyms_are_not_checked(speller):
    text = (
        "Thanks @jnsmth and @wrkrs.bsky.social for #GetBrexitDone at https://exmple.org/a/xyzq "
        "or www.qwzx.co.uk, mail jo@qwzxy.org, see qwzx.gov.uk. GDPR NGOs iPhone 3rd 10km."
    )
    assert speller.check(text) == []


def test_words_in_other_scripts_and_runs_too_long_for_a_word_are_not_checked(speller):
    # An English dictionary cannot judge Arabic or Chinese, and a pasted run of 12,000
    # Chinese characters (no spaces: one "word") made a card quoting all of it, which the
    # window laid out again at every keystroke (session 18)
    chinese = "我们的公交车运动需要你星期六来图书馆参加会议谢谢大家的支持" * 400
    assert speller.check("Eid Mubarak عيد مبارك to everyone celebrating!") == []
    assert speller.check(chinese) == []
    assert speller.check("Join us on Saturday " + "x" * 60) == []
    assert [f.text for f in speller.check("Café opening on Saturday, recieve a free coffee")] == ["recieve"]


def test_capitalised_names_inside_a_sentence_pass_but_not_at_its_start(speller):
    assert speller.check("We met Councillor Zahawiqi in Wrexhamtown today.") == []
    found = flagged(speller, "Recieve the leaflet. Zahawiqi was there.")
    assert set(found) == {"Recieve", "Zahawiqi"}
    # Used as a name inside a sentence elsewhere in the post: a name at the start too.
    assert speller.check("Zahawiqi was there. We thank Zahawiqi.") == []


def test_emoji_and_opening_quotes_before_a_sentence_start_still_count_as_its_start():
    text = "Great day! 🎉 “Recieve”"
    (token,) = [t for t in tokens.words(text) if t.text == "Recieve"]
    assert token.sentence_start
    assert text[token.start : token.end] == "Recieve"


def test_hyphenated_words_are_checked_part_by_part(speller):
    (finding,) = speller.check("A well-knwon face.")
    assert finding.text == "knwon"


def test_a_long_post_is_checked_again_from_the_cache(speller):
    text = ("Our colour programme recieve the organisation centre, travelled far. " * 80)[:5000]
    first = speller.check(text)
    assert len(first) == len(speller.check(text)) > 0
    # Every word is now cached: a second check computes nothing new.
    assert all(speller.has_suggestions_cached(f.text) for f in first)


def test_suggestion_budget_zero_still_flags_but_leaves_new_suggestions_for_later():
    speller = SpellChecker()
    (finding,) = speller.check("A goverment plan.", suggestion_budget=0.0)
    assert finding.text == "goverment" and finding.suggestions == ()
    (finding,) = speller.check("A goverment plan.")
    assert "government" in [s.replacement for s in finding.suggestions]


def test_added_words_pass_and_are_saved_atomically_in_the_config_folder():
    service = GrammarService(environ={})
    assert [f.text for f in service.check_spelling("We back Zorblatt.")] == []  # a name mid-sentence
    assert [f.text for f in service.check_spelling("Zorblatt is here.")] == ["Zorblatt"]
    service.add_to_dictionary("Zorblatt")
    assert service.check_spelling("Zorblatt is here.") == []
    saved = paths.config_dir() / "words.txt"
    assert "Zorblatt" in wordlists.read_words(saved)
    # A new session reads the list back.
    assert GrammarService(environ={}).check_spelling("Zorblatt is here.") == []
    service.remove_from_dictionary("Zorblatt")
    assert [f.text for f in service.check_spelling("Zorblatt is here.")] == ["Zorblatt"]
    assert "Zorblatt" not in wordlists.read_words(saved)


def test_organisation_overlay_word_list_is_honoured():
    overlay = paths.overlay_policy_dir() / "words.txt"
    overlay.parent.mkdir(parents=True, exist_ok=True)
    overlay.write_text("# campaign names\nFairshare4All\nKwezitown  # a place\n", encoding="utf-8")
    service = GrammarService(environ={})
    assert service.check_spelling("Kwezitown backs the plan. Kwezitown, yes.") == []
    assert [f.text for f in service.check_spelling("Kwezitwon backs the plan.")] == ["Kwezitwon"]


def test_user_word_list_ignores_duplicates_and_case(tmp_path):
    words = wordlists.UserWordList(tmp_path / "words.txt")
    assert words.add("Zorblatt")
    assert not words.add("zorblatt")
    assert words.words() == ["Zorblatt"]
    assert words.remove("ZORBLATT")
    assert words.words() == []


def test_a_missing_dictionary_turns_spelling_off_and_the_status_says_so(tmp_path):
    speller = SpellChecker(dictionary_dir=tmp_path / "no-dictionary")
    assert "Offline spelling is unavailable" in speller.problem
    service = GrammarService(environ={}, speller=speller)
    assert service.start().detail == "LanguageTool not installed; no spelling check either"
    assert service.check("We will recieve it.") == []  # no exception: the app goes on


# --- UK political titles and abbreviations (policy/words.txt) -----------------------------------

# Titles start sentences here: inside a sentence a capitalised word is taken as a name anyway.
COUNCILLOR_POST = (
    "Cllr Jones met our MP, two MSPs, an MS from the Senedd, an MLA and the PCC today. "
    "Cllrs from every ward joined the CLP. Hon members and our cllr were invited by the govt. "
    "Coun Patel spoke at PMQs. Ald Green agreed."
)


def test_uk_political_titles_and_abbreviations_are_not_misspellings():
    service = GrammarService(environ={})  # the shipped word list, as every user has it
    assert service.check_spelling(COUNCILLOR_POST) == []
    # The same post through a checker without the list: the titles really are unknown to
    # the dictionary, so it is the list that accepts them.
    bare = {f.text for f in SpellChecker().check(COUNCILLOR_POST)}
    assert {"Cllr", "Cllrs", "Coun", "Ald", "Hon", "cllr", "govt"} <= bare


def test_the_shipped_word_list_is_data_with_a_comment_on_what_it_is_for():
    from desktop_app import locate

    path = locate.policy_dir() / "words.txt"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")  # says what it is for
    words = wordlists.read_words(path)
    assert {"Cllr", "MP", "MPs", "MSP", "MS", "MLA", "MEP", "PCC", "AM", "CLP"} <= set(words)
    assert len(words) == len({w.casefold() for w in words})  # no entry twice


def test_the_organisations_words_still_add_to_the_shipped_ones():
    overlay = paths.overlay_policy_dir() / "words.txt"
    overlay.parent.mkdir(parents=True, exist_ok=True)
    overlay.write_text("Kwezitown\n", encoding="utf-8")
    service = GrammarService(environ={})
    assert service.check_spelling("Cllr Smith visited Kwezitown. Kwezitown welcomed her.") == []
