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
        for start, key, _s, _e in _keyed(self.second, ctx):
            defined.append((start, key.lower() if self.ignorecase else key))
        out, seen = [], set()
        for start, key, s, e in _keyed(self.first, ctx):
            if s == e:
                continue
            k = key.lower() if self.ignorecase else key
            if k in self.exception_words or k in seen:
                continue
            if any(pos <= start and name == k for pos, name in defined):
                continue
            seen.add(k)  # one card per undefined term
            out.append(
                self.finding(text, s, e, fill_message(self.message or "Spell out '%s' the first time.", key))
            )
        return out


def _keyed(regex, ctx: TextContext) -> list[tuple[int, str, int, int]]:
    """(start, key, key's start, key's end) of each match: the key is the first group up to
    the last that took part with some text, else the whole match (ConditionalRule._key)."""
    text = ctx.text
    found = ctx.group_spans(regex, text)
    if found is None:  # a guarded pattern: its own Match objects
        return [(m.start(), *ConditionalRule._key(m)) for m in regex.finditer(text)]
    out = []
    for spans in found:
        s, e = _key_span(spans)
        out.append((spans[0][0], text[s:e], s, e))
    return out


def _key_span(spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The span _key takes from a match with these spans (the whole match, then each group)."""
    ends = [end for _start, end in spans[1:]]
    if not ends or max(ends) < 0:
        return spans[0]
    last = ends.index(max(ends)) + 1  # Match.lastindex: the first group ending last
    return next((spans[i] for i in range(1, last + 1) if 0 <= spans[i][0] < spans[i][1]), spans[0])
