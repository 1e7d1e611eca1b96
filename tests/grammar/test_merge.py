"""LanguageTool and the offline checker never flag the same word twice."""

from __future__ import annotations

from desktop_app.core.findings import Finding, Severity
from desktop_app.grammar.merge import merge
from desktop_app.grammar.spelling import SpellChecker


def lt_spelling(text, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Finding(
        start,
        start + len(word),
        word,
        "LanguageTool.MORFOLOGIK_RULE_EN_GB",
        "spelling",
        Severity.SUGGESTION,
        "m",
    )


def test_languagetool_spelling_wins_over_the_same_offline_finding():
    speller = SpellChecker()
    text = "We will recieve it."
    offline = speller.check(text)
    lt = [lt_spelling(text, "recieve")]
    assert [f.rule for f in merge(text, lt, offline, speller)] == ["LanguageTool.MORFOLOGIK_RULE_EN_GB"]


def test_offline_findings_languagetool_did_not_make_are_kept():
    speller = SpellChecker()
    text = "The organization will recieve it."
    merged = merge(text, [lt_spelling(text, "recieve")], speller.check(text), speller)
    assert [(f.text, f.rule) for f in merged] == [
        ("organization", "Spelling.BritishSpelling"),
        ("recieve", "LanguageTool.MORFOLOGIK_RULE_EN_GB"),
    ]


def test_languagetool_spelling_on_words_we_deliberately_accept_is_dropped():
    speller = SpellChecker(extra_words=["Fairshare"])
    text = "Thanks @jnsmth for #Votezz and Zahawiqi. Fairshare wins at qwzx.org/x. Zahawiqi agrees."
    lt = [lt_spelling(text, w) for w in ("jnsmth", "Votezz", "Zahawiqi", "Fairshare", "qwzx")]
    lt.append(lt_spelling(text, "Zahawiqi", nth=1))  # at a sentence start, but a name in this post
    grammar = Finding(0, 6, "Thanks", "LanguageTool.X", "grammar", Severity.SUGGESTION, "m")
    assert merge(text, [*lt, grammar], speller.check(text), speller) == [grammar]
