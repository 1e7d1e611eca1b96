"""`repetition` (Vale): the same word twice in a row ("the the")."""

from __future__ import annotations

from desktop_app.checks.base import Rule, Suggestion, TextContext, compile_re, str_list, word_alternation

_ANY_WORD = r"[\pL\pN][\pL\pN'’_-]*"


class RepetitionRule(Rule):
    kind = "repetition"
    evasion_capable = False

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        pattern = word_alternation(tokens) if tokens else _ANY_WORD
        self.regex = compile_re(pattern, "tokens", self.ignorecase or not tokens)
        self.fold = self.ignorecase or not tokens

    def find(self, ctx: TextContext):
        text = ctx.text
        out, prev = [], None
        for s, e in self.matches(self.regex, ctx):
            word = text[s:e].lower() if self.fold else text[s:e]
            if prev and prev[2] == word and text[prev[1] : s].isspace() and "\n\n" not in text[prev[1] : s]:
                a, b = prev[0], e
                keep = text[prev[0] : prev[1]]
                out.append(self.finding(text, a, b, None, [Suggestion(keep, a, b, label=keep)]))
                prev = None
                continue
            prev = (s, e, word)
        return out
