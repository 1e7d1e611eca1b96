"""`conditional` (Vale): flag a match of `first` whose captured group was never a match
of `second` earlier in the text ("acronym defined before use")."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import RuleError, str_list, text_value


class ConditionalRule(Rule):
    kind = "conditional"
    keys = frozenset({"first", "second"})
    document_level = True
    evasion_capable = False

    def compile(self, d):
        for key in ("first", "second"):
            if not text_value(d, key):
                raise RuleError(key, f"a conditional rule needs `{key}`")
        self.first = compile_re(text_value(d, "first"), "first", self.ignorecase)
        self.second = compile_re(text_value(d, "second"), "second", self.ignorecase)
        self.exception_words = {
            w.lower() if self.ignorecase else w for w in str_list(d.get("exceptions"), "exceptions")
        }

    def probe(self):
        return self.first.pattern, False

    @staticmethod
    def _key(m) -> tuple[str, int, int]:
        if m.lastindex:
            for i in range(1, (m.lastindex or 0) + 1):
                if m.group(i):
                    return m.group(i), m.start(i), m.end(i)
        return m.group(0), m.start(), m.end()

    def find(self, ctx: TextContext):
        text = ctx.text
        defined: list[tuple[int, str]] = []
        for m in self.second.finditer(text):
            key = self._key(m)[0]
            defined.append((m.start(), key.lower() if self.ignorecase else key))
        out, seen = [], set()
        for m in self.first.finditer(text):
            key, s, e = self._key(m)
            if s == e:
                continue
            k = key.lower() if self.ignorecase else key
            if k in self.exception_words or k in seen:
                continue
            if any(pos <= m.start() and name == k for pos, name in defined):
                continue
            seen.add(k)  # one card per undefined term
            out.append(
                self.finding(text, s, e, fill_message(self.message or "Spell out '%s' the first time.", key))
            )
        return out
