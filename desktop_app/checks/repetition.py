"""`repetition` (Vale): the same word twice in a row ("the the").

A plain Vale style follows Vale: consecutive matches of `tokens` in one sentence, compared
ignoring case only with `ignorecase`; `alpha: true` counts only words of letters; `max`
repeats are allowed before a card."""

from __future__ import annotations

import re
from itertools import islice
from operator import eq

from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import flag, number, str_list

_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")  # Vale: a repeat across sentences is not one

_WORD = re.compile(r"\w+(?:['’-]\w+)*")  # any word: Python's re is quicker than RE2 per match here


class RepetitionRule(Rule):
    kind = "repetition"
    keys = frozenset({"tokens", "max", "alpha"})
    vale_keys = frozenset({"vocab"})
    evasion_capable = False

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        # Without `tokens` every word counts: the shared word list is cheaper than a pattern
        # that matches every word (RE2's wrapper costs a call per match).
        self.regex = (
            compile_words(tokens, "tokens", self.ignorecase, self.vale, self.vale) if tokens else None
        )
        self.fold = self.ignorecase or not tokens
        self.alpha = flag(d, "alpha")
        self.max = number(d, "max", 0, int)
        if self.vale:
            self.nonword = True  # Vale joins the tokens as they are: no word boundaries added

    def _vale_find(self, ctx: TextContext):
        text = ctx.text
        out, prev, count = [], None, 0
        for s, e in self.matches(self.regex, ctx):
            word = text[s:e].strip()
            same = (
                prev is not None
                and word != ""
                and (word.lower() == prev[2].lower() if self.ignorecase else word == prev[2])
            )
            same = same and (not self.alpha or word.isalpha())
            if same:
                count += 1
            if same and count > self.max and not _SENTENCE_BREAK.search(text[prev[1] : s]):
                a = prev[0]
                suggestions = self.action_suggestions(text[a:e], a, e) or [Suggestion(word, a, e, label=word)]
                out.append(self.finding(text, a, e, fill_message(self.message, word), suggestions))
                count = 0
            prev = (s, e, word)
        return out

    def find(self, ctx: TextContext):
        if self.vale and self.regex is not None:
            return self._vale_find(ctx)
        if self.regex is None and not _has_repeat(ctx.word_texts):
            return []  # most posts: no word follows itself, so no spans need building
        text = ctx.text
        out, prev = [], None
        spans = (
            self.matches(self.regex, ctx) if self.regex is not None else ((w.start, w.end) for w in ctx.words)
        )
        for s, e in spans:
            word = text[s:e].lower() if self.fold else text[s:e]
            if prev and prev[2] == word and text[prev[1] : s].isspace() and "\n\n" not in text[prev[1] : s]:
                a, b = prev[0], e
                keep = text[prev[0] : prev[1]]
                out.append(self.finding(text, a, b, None, [Suggestion(keep, a, b, label=keep)]))
                prev = None
                continue
            prev = (s, e, word)
        return out


def _has_repeat(words: list[str]) -> bool:
    """Whether any word equals the next one, ignoring case (a C-speed pass)."""
    folded = list(map(str.lower, words))
    return any(map(eq, folded, islice(folded, 1, None)))
