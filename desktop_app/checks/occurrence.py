"""`occurrence` (Vale): flag when `token` appears more than `max` times in the `scope`."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import RuleError, number, text_value


class OccurrenceRule(Rule):
    kind = "occurrence"
    keys = frozenset({"token", "max"})
    vale_keys = frozenset({"min"})
    wide = True

    def compile(self, d):
        token = text_value(d, "token")
        if not token:
            raise RuleError("token", "an occurrence rule needs a `token` pattern")
        self.regex = compile_re(token, "token", self.ignorecase or self.evasion)
        self.max = number(d, "max", 0, int)
        self.document_level = self.scope == "text"

    def _units(self, ctx: TextContext):
        if self.scope == "sentence":
            return [(s.start, s.end) for s in ctx.sentences]
        if self.scope == "paragraph" and not self.document_level:
            return [(0, len(ctx.text))]
        if self.scope == "paragraph":
            return [(p.start, p.end) for p in ctx.paragraphs]
        return [(0, len(ctx.text))]

    def probe(self):
        return self.regex.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        spans = list(self.matches(self.regex, ctx))
        out = []
        for a, b in self._units(ctx):
            inside = [(s, e) for s, e in spans if a <= s and e <= b]
            if len(inside) > self.max:
                s, e = inside[self.max][0], inside[-1][1]
                message = fill_message(
                    self.message or "'%s' is used too often here.", text[inside[0][0] : inside[0][1]]
                )
                out.append(self.finding(text, s, e, message))
        return out
