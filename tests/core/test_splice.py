"""Fitting a replacement into its sentence: articles, determiners, capitals, tidy removals."""

from __future__ import annotations

import pytest

from desktop_app.core.splice import fit, remove, starts_sentence


def _fit(text: str, words: str, replacement: str, **kw) -> str:
    s = text.index(words)
    return fit(text, s, s + len(words), replacement, **kw).apply(text)


@pytest.mark.parametrize(
    ("text", "words", "replacement", "expected"),
    [
        ("We need an holistic approach.", "holistic", "complete", "We need a complete approach."),
        ("It is a overarching aim.", "overarching", "overall", "It is an overall aim."),
        ("Ask all stakeholders.", "stakeholders", "everyone involved", "Ask everyone involved."),
        ("Ask our stakeholders.", "stakeholders", "the people affected", "Ask the people affected."),
        ("Ask all stakeholders.", "stakeholders", "the people affected", "Ask all the people affected."),
        ("Stakeholders agree.", "Stakeholders", "the people affected", "The people affected agree."),
        ("Typical Tory scum again.", "Tory scum", "The Conservatives", "Typical the Conservatives again."),
        ("The Red Tories voted.", "Red Tories", "Labour", "Labour voted."),
        ("We went to to the hall.", "to the", "to the", "We went to the hall."),
        ("@bob thanks", "thanks", "thank you", "@bob thank you"),  # handles do not open a sentence
    ],
)  # fmt: skip
def test_a_replacement_fits_its_sentence(text, words, replacement, expected):
    assert _fit(text, words, replacement) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Ring her on 0770 tonight.", "0770", "Ring her on tonight."),
        ("Sandra Jones (07700 900123) is organising it.", "07700 900123", "Sandra Jones is organising it."),
        ("Dave is in, 14 Elm Road, so pop round.", ", 14 Elm Road", "Dave is in, so pop round."),
        ("@x why? @x we are waiting.", "@x we", "@x why? Are waiting."),
        ("Call now. 07700 900123, then wait.", "07700 900123", "Call now. Then wait."),
        ("Dave lives at 14 Acacia Avenue.", "14 Acacia Avenue", "Dave lives at."),
    ],
)  # fmt: skip
def test_a_removal_tidies_the_join(text, words, expected):
    s = text.rindex(words)
    assert remove(text, s, s + len(words)).apply(text) == expected


def test_sentence_starts():
    assert starts_sentence("Hi. We", 4) and starts_sentence("We", 0) and starts_sentence("(We", 1)
    assert not starts_sentence("so we", 3)
    assert not starts_sentence("@bob we", 5)  # a reply's handles are not a sentence
