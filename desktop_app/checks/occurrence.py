"""`occurrence` (Vale): flag when `token` appears more than `max` times in the `scope`, or
fewer than `min` times (Vale's `min`; a rule may set either or both)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import RuleError, number, text_value


class OccurrenceRule(Rule):
    kind = "occurrence"
    keys = frozenset({"token", "max", "min"})
    wide = True

    def compile(self, d):
        token = text_value(d, "token")
        if not token:
            raise RuleError("token", "an occurrence rule needs a `token` pattern")
        self.regex = compile_re(token, "token", self.ignorecase or self.evasion, self.vale)
        if "max" not in d and "min" not in d:
            raise RuleError("max", "an occurrence rule needs `max` or `min`")
        self.max = number(d, "max", 0, int) if "max" in d else None
        self.min = number(d, "min", 0, int)
        if self.vale:
            self.nonword = True  # Vale runs the token as it is
        self.document_level = self.scope == "text" and self.units in (None, frozenset({"text"}))

    def _units(self, ctx: TextContext):
        vale_units = self.unit_spans(ctx)
        if vale_units is not None:
            return vale_units
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
            if (
                self.max is not None
                and self.max >= 0
                and len(inside) > self.max
                and (self.max or not self.vale)
            ):
                s, e = inside[self.max][0], inside[-1][1]
                if self.vale:  # Vale's alert runs from the first match to the last
                    s = inside[0][0]
                message = fill_message(
                    self.message or "'%s' is used too often here.", text[inside[0][0] : inside[0][1]]
                )
                out.append(self.finding(text, s, e, message))
            elif self.min and len(inside) < self.min and text[a:b].strip():
                s, e = (inside[0][0], inside[-1][1]) if inside else (a, b)
                message = fill_message(self.message or "'%s' is used too rarely here.", str(len(inside)))
                out.append(self.finding(text, s, e, message))
        return out
