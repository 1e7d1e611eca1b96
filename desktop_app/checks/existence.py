"""`existence` (Vale): flag any of `tokens` (whole words unless `nonword: true`)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext
from desktop_app.checks.patterns import compile_re, compile_words, word_alternation
from desktop_app.checks.values import RuleError, flag, str_list


class ExistenceRule(Rule):
    kind = "existence"
    keys = frozenset({"tokens", "raw", "nonword"})
    vale_keys = frozenset({"append", "vocab"})

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        raw = str_list(d.get("raw"), "raw")  # Vale: pieces concatenated into one pattern
        if not tokens and not raw:
            raise RuleError("tokens", "an existence rule needs `tokens` (or `raw`)")
        self.nonword = flag(d, "nonword")
        fold = self.ignorecase or self.evasion
        words = compile_words(tokens, "tokens", fold, self.nonword) if tokens else None
        if not raw:
            self.regex = words
            return
        parts = [word_alternation(tokens, nonword=self.nonword)] if tokens else []
        parts.append("".join(raw))
        self.regex = compile_re("|".join(f"(?:{p})" for p in parts), "raw", fold)

    def probe(self):
        return self.regex.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        return [self.finding(text, s, e) for s, e in self.matches(self.regex, ctx)]
