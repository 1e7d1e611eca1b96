"""`capitalization` (Vale): each unit of the `scope` must match `match`
($sentence, $title, $lower, $upper, or a pattern)."""

from __future__ import annotations

from desktop_app.checks import vale
from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import RuleError, number, str_list, text_value


def _sentence(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalnum():  # a sentence opening with a number ("40 of us") is fine as it is
            return text[:i] + ch.upper() + text[i + 1 :] if ch.isalpha() else text
    return text


_STYLES = {
    "$sentence": _sentence,
    "$title": vale.title_case,
    "$lower": str.lower,
    "$upper": str.upper,
}


class CapitalizationRule(Rule):
    kind = "capitalization"
    keys = frozenset({"match", "indicators", "threshold"})
    vale_keys = frozenset({"style", "prefix", "vocab"})
    wide = True
    evasion_capable = False

    def compile(self, d):
        match = text_value(d, "match")
        if not match:
            raise RuleError(
                "match", "a capitalization rule needs `match` ($sentence, $title, $lower, $upper)"
            )
        self.fix = _STYLES.get(match)
        self.regex = None if self.fix else compile_re(match, "match")
        self.scope = self.scope if self.scope != "text" else "sentence"
        self.match = match
        self.indicators = str_list(d.get("indicators"), "indicators")
        self.threshold = number(d, "threshold", 0.8) or 0.8  # Vale: 0 would never trigger

    def _vale_right(self, chunk: str) -> bool:
        """Whether a unit is right by Vale's checks (checks/vale.py)."""
        exceptions = self.exceptions
        if self.match == "$sentence":
            return vale.is_sentence_case(chunk, self.indicators, exceptions, self.threshold)
        if self.match == "$title":
            return vale.is_title_case(chunk, exceptions, self.threshold)
        excepted = exceptions is not None and exceptions.search(chunk) is not None
        if self.match == "$lower":
            return chunk == chunk.lower() or excepted
        if self.match == "$upper":
            return chunk == chunk.upper() or excepted
        return self.regex.search(chunk) is not None or excepted

    def _vale_find(self, ctx: TextContext):
        text = ctx.text
        units = self.unit_spans(ctx)
        if units is None:
            units = [(s.start, s.end) for s in ctx.sentences]
        out = []
        for a, b in units:
            chunk = text[a:b].strip()
            if not chunk or self._vale_right(chunk):
                continue
            a = a + text[a:b].index(chunk[0])
            b = a + len(chunk)
            suggestions = (
                [Suggestion(self.fix(chunk), a, b)] if self.fix and self.match != "$sentence" else []
            )
            message = fill_message(self.message or "'%s' should use a different capitalisation.", chunk)
            out.append(self.finding(text, a, b, message, suggestions))
        return out

    def find(self, ctx: TextContext):
        if self.vale:
            return self._vale_find(ctx)
        text = ctx.text
        units = ctx.sentences if self.scope == "sentence" else [None]
        out = []
        for unit in units:
            a, b = (unit.start, unit.end) if unit is not None else (0, len(text))
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            chunk = text[a:b]
            if self.fix:
                fixed = self.fix(chunk)
                if fixed == chunk:
                    continue
                suggestions = [Suggestion(fixed, a, b)]
            else:
                if self.regex.fullmatch(chunk):
                    continue
                suggestions = []
            message = fill_message(self.message or "'%s' should use a different capitalisation.", chunk)
            out.append(self.finding(text, a, b, message, suggestions))
        return out
