"""`repetition` (Vale): the same word twice in a row ("the the")."""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, Suggestion, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import str_list

_WORD = re.compile(r"\w+(?:['’-]\w+)*")  # any word: Python's re is quicker than RE2 per match here


class RepetitionRule(Rule):
    kind = "repetition"
    keys = frozenset({"tokens"})
    vale_keys = frozenset({"max", "alpha", "vocab"})
    evasion_capable = False

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        # Without `tokens` every word counts: the shared word list is cheaper than a pattern
        # that matches every word (RE2's wrapper costs a call per match).
        self.regex = compile_words(tokens, "tokens", self.ignorecase) if tokens else None
        self.fold = self.ignorecase or not tokens

    def find(self, ctx: TextContext):
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
