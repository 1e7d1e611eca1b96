"""`unfinished`: a fill-in field of a rewrite that the writer has not completed yet.

The rewrite for a personal attack leaves fields such as "[what they did]" for the writer:
until each is replaced by their own words the post is not ready, so each is a must-fix
finding ("finish the rewrite"), and a template never turns the conduct state green.

Keys: `fields` (patterns for what a field says inside its square brackets, matched whole
and ignoring case: "what (?:they|you) did", "why it matters to residents"). Brackets around
anything else ("[thread]", "[1/3]", a link's text) are the writer's own and pass.
"""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import RuleError, str_list
from desktop_app.core.fixes import fields_in


class UnfinishedRule(Rule):
    kind = "unfinished"
    keys = frozenset({"fields"})
    default_category = "unfinished"
    evasion_capable = False

    def compile(self, d):
        fields = str_list(d.get("fields"), "fields")
        if not fields:
            raise RuleError("fields", "an unfinished rule needs `fields` (what a fill-in field says)")
        self.field_re = compile_re("|".join(f"(?:{f})" for f in fields), "fields", True)

    def probe(self):
        return r"\[", False

    def find(self, ctx: TextContext):
        text = ctx.text
        if "[" not in text:
            return []
        out = []
        for s, e in fields_in(text):
            prompt = " ".join(text[s + 1 : e - 1].split())
            if not self.field_re.fullmatch(prompt):
                continue
            message = fill_message(
                self.message or "Finish the rewrite: replace %s with your own words.", text[s:e]
            )
            out.append(self.finding(text, s, e, message))
        return out
