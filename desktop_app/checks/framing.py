"""`framing`: 'us and them' (P4). Phrases that always divide (`tokens`), and an in-group
word set against an out-group word within `window` words ("us against them"), joined by
one of the `against` words when that list is not empty."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, number, str_list

DEFAULT_AGAINST = ["against", "versus", "vs", "v"]


class FramingRule(Rule):
    kind = "framing"
    keys = frozenset({"tokens", "ingroup", "outgroup", "against", "window"})
    default_category = "us-vs-them"

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        ingroup = str_list(d.get("ingroup"), "ingroup")
        outgroup = str_list(d.get("outgroup"), "outgroup")
        if not tokens and not (ingroup and outgroup):
            raise RuleError("tokens", "a framing rule needs `tokens`, or both `ingroup` and `outgroup`")
        fold = True
        self.tokens = compile_words(tokens, "tokens", fold) if tokens else None
        self.ingroup = compile_words(ingroup, "ingroup", fold) if ingroup else None
        self.outgroup = compile_words(outgroup, "outgroup", fold) if outgroup else None
        against = d.get("against", DEFAULT_AGAINST)
        self.against = {w.lower() for w in str_list(against, "against")}
        self.window = number(d, "window", 4, int)  # words

    def probe(self):
        parts = [r.pattern for r in (self.tokens, self.ingroup) if r is not None]
        if None in parts:  # a long word list: no pattern to probe with, so always run
            return None
        return "|".join(f"(?:{p})" for p in parts), self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        taken: list[tuple[int, int]] = []
        if self.tokens is not None:
            for s, e in self.matches(self.tokens, ctx):
                out.append(self.finding(text, s, e))
                taken.append((s, e))
        if self.ingroup is None or self.outgroup is None:
            return out
        ins = list(self.matches(self.ingroup, ctx))
        if not ins:
            return out
        outs = list(self.matches(self.outgroup, ctx))
        if not outs:
            return out
        words = ctx.words
        index = {w.start: i for i, w in enumerate(words)}
        for sentence in ctx.sentences:
            pairs = []
            for a in ins:
                for b in outs:
                    if not (sentence.start <= min(a[0], b[0]) and max(a[1], b[1]) <= sentence.end):
                        continue
                    first, second = (a, b) if a[0] < b[0] else (b, a)
                    if first[1] > second[0]:
                        continue
                    i, j = index.get(first[0]), index.get(second[0])
                    if i is None or j is None or j - i > self.window:
                        continue
                    between = {w.text.lower() for w in words[i + 1 : j]}
                    if self.against and not (between & self.against):
                        continue
                    pairs.append((first[0], second[1]))
            for s, e in pairs[:1]:  # one card per sentence
                if not any(a < e and s < b for a, b in taken):
                    out.append(self.finding(text, s, e))
                    taken.append((s, e))
        return out
