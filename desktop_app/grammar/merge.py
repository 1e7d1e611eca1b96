"""One list of grammar and spelling findings from LanguageTool and the offline checker.

Spelling is decided once per word. When LanguageTool answered, its spelling matches win
(its suggestions use the sentence around the word) and an offline finding on the same
words is dropped; offline findings LanguageTool did not make are kept (e.g. the -ise
house style). LanguageTool's spelling matches are dropped where the offline checker
deliberately says nothing: the user's and the organisation's words, handles, hashtags,
addresses, acronyms and names inside a sentence. LanguageTool cannot know those lists.
"""

from __future__ import annotations

from desktop_app.core.findings import Finding
from desktop_app.grammar import tokens
from desktop_app.grammar.spelling import SpellChecker, names_in


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _offline_would_ignore(
    text: str, finding: Finding, skipped: list[tuple[int, int]], names: set[str], speller
) -> bool:
    if any(s < finding.end and finding.start < e for s, e in skipped):
        return True
    word = finding.text.strip()
    if not word:
        return False
    if word in names:
        return True
    token = tokens.Token(finding.start, finding.end, word, tokens.is_sentence_start(text, finding.start))
    return not speller.should_check(token)


def merge(
    text: str, lt_findings: list[Finding], offline: list[Finding], speller: SpellChecker | None
) -> list[Finding]:
    skipped = tokens.skipped_spans(text)
    names = names_in(tokens.words(text))
    kept_lt = [
        f
        for f in lt_findings
        if f.category != "spelling"
        or speller is None
        or not _offline_would_ignore(text, f, skipped, names, speller)
    ]
    lt_spelling = [f for f in kept_lt if f.category == "spelling"]
    kept_offline = [f for f in offline if not any(_overlaps(f, g) for g in lt_spelling)]
    return sorted(kept_lt + kept_offline, key=lambda f: (f.start, f.end, f.rule))
