"""`existence` (Vale): flag any of `tokens` (whole words unless `nonword: true`)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, RuleError, TextContext, compile_re, str_list, word_alternation


class ExistenceRule(Rule):
    kind = "existence"

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        raw = str_list(d.get("raw"), "raw")  # Vale: pieces concatenated into one pattern
        if not tokens and not raw:
            raise RuleError("tokens", "an existence rule needs `tokens` (or `raw`)")
        for i, token in enumerate(tokens):  # name the offending entry, not the whole list
            compile_re(token, f"tokens[{i}]")
        self.nonword = bool(d.get("nonword", False))
        parts = []
        if tokens:
            parts.append(word_alternation(tokens, nonword=bool(d.get("nonword", False))))
        if raw:
            parts.append("".join(raw))
        self.regex = compile_re(
            "|".join(f"(?:{p})" for p in parts), "tokens", self.ignorecase or self.evasion
        )

    def find(self, ctx: TextContext):
        text = ctx.text
        return [self.finding(text, s, e) for s, e in self.matches(self.regex, ctx)]
