"""`consistency` (Vale): of each `either` pair (`advisor: adviser`), a post uses one. When
both appear, the form that came second gets one card, on its first use; `%s` is that form.
Keys: `either`, `nonword`."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, flag, str_map


class ConsistencyRule(Rule):
    kind = "consistency"
    keys = frozenset({"either", "nonword"})
    document_level = True
    evasion_capable = False

    def compile(self, d):
        either = str_map(d.get("either"), "either")
        if not either:
            raise RuleError("either", "a consistency rule needs an `either` mapping of one form: the other")
        self.nonword = flag(d, "nonword")
        self.pairs = []
        for first, second in either.items():
            if not second:
                raise RuleError(f"either.{first}", f"{first!r} has no other form")
            key = f"either.{first}"
            self.pairs.append(
                (
                    compile_words([first], key, self.ignorecase, self.nonword, True),
                    compile_words([second], key, self.ignorecase, self.nonword, True),
                )
            )

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        for one, other in self.pairs:
            a = next(iter(self.matches(one, ctx)), None)
            b = next(iter(self.matches(other, ctx)), None)
            if a is None or b is None:
                continue
            s, e = max(a, b)  # the form that came second
            out.append(self.finding(text, s, e, fill_message(self.message, text[s:e])))
        return out
