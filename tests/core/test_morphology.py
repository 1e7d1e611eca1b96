"""Word forms for swaps: a or an by sound, regular and irregular verb and noun forms."""

from __future__ import annotations

import pytest

from desktop_app.core.morphology import WordForms, article_for, parse_word_forms


@pytest.mark.parametrize(
    ("word", "article"),
    [
     ("overall", "an"), ("strong", "a"), ("hour", "an"), ("honest", "an"), ("one-off", "a"), ("union", "a"),
     ("unusual", "an"), ("uninformed", "an"), ("useful", "a"), ("update", "an"), ("European", "a"),
     ("MP", "an"), ("NHS", "an"), ("SNP", "an"), ("BBC", "a"), ("UKIP", "a"), ("8-week", "an"),
     ("extra", "an")],
)  # fmt: skip
def test_a_or_an_goes_by_the_sound_of_the_next_word(word, article):
    assert article_for(word) == article


def test_verb_forms_follow_the_spelling_rules_and_the_irregular_table():
    forms = parse_word_forms({"verbs": {"get": "got", "bring": "brought"}})
    assert forms.verb_forms_of("use") == {
        "base": "use",
        "s": "uses",
        "ed": "used",
        "en": "used",
        "ing": "using",
    }
    assert forms.verb_form("plan", "ed") == "planned" and forms.verb_form("plan", "ing") == "planning"
    assert forms.verb_form("visit", "ed") == "visited"
    assert forms.verb_form("carry out", "ed") == "carried out"
    assert forms.verb_form("get in touch", "ed") == "got in touch"
    assert forms.verb_form("bring in", "ing") == "bringing in"
    assert forms.verb_form("Use", "s") == "Uses"


def test_noun_forms_pluralise_the_last_word_unless_written_out():
    forms = WordForms(nouns={"person": "people"})
    assert forms.noun_form("bin collection", plural=True) == "bin collections"
    assert forms.noun_form("person", plural=True) == "people"
    assert forms.noun_form("area of work/areas of work", plural=True) == "areas of work"
    assert forms.noun_form("area of work/areas of work", plural=False) == "area of work"
    assert forms.noun_form("priority", plural=True) == "priorities"


def test_a_broken_forms_table_names_the_entry():
    with pytest.raises(ValueError, match=r"verbs\.go"):
        parse_word_forms({"verbs": {"go": "went/gone/goed"}})
