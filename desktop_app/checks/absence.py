"""`absence`: something a post should have and does not (P3 credit, P5 inviting feedback).
When any `trigger` matches and no `expect` matches anywhere in the post, the first trigger
is flagged and the suggestion adds `append` at the end of the post."""

from __future__ import annotations

from desktop_app.checks.base import Rule, Suggestion, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, flag, str_list, text_value


class AbsenceRule(Rule):
    kind = "absence"
    keys = frozenset({"trigger", "expect", "append", "nonword"})
    default_category = "credit"
    document_level = True
    evasion_capable = False

    def compile(self, d):
        trigger = str_list(d.get("trigger"), "trigger")
        expect = str_list(d.get("expect"), "expect")
        if not trigger:
            raise RuleError("trigger", "an absence rule needs `trigger` patterns")
        if not expect:
            raise RuleError("expect", "an absence rule needs `expect` patterns")
        self.trigger = compile_words(trigger, "trigger", self.ignorecase)
        # What is expected counts however it is written ("Thank you", "THANKS").
        self.expect = compile_words(expect, "expect", True, nonword=flag(d, "nonword"))
        self.append = text_value(d, "append").strip()

    def probe(self):
        return self.trigger.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        first = next(iter(self.matches(self.trigger, ctx)), None)
        if first is None or self.expect.search(text):
            return []
        s, e = first
        suggestions = []
        if self.append:
            end = len(text.rstrip())
            sep = "" if end == 0 else ("\n\n" if "\n\n" in text else " ")
            if end and text[end - 1] not in ".!?…" and sep == " " and self.append[:1].isupper():
                sep = ". "
            suggestions.append(Suggestion(sep + self.append, end, end, label=f"Add: {self.append}"))
        return [self.finding(text, s, e, None, suggestions)]
