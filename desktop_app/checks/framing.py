"""`framing`: 'us and them' (P4). Phrases that always divide (`tokens`), and an in-group
word set against an out-group word within `window` words ("us against them"), joined by
one of the `against` words when that list is not empty."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

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
        # Out-group matches by word number, so each in-group match looks only at the few
        # within `window` words (a long paste of "we ... them" stays linear, not cubic).
        outs_by_word = sorted((index[b[0]], b) for b in outs if b[0] in index)
        out_words = [i for i, _b in outs_by_word]
        sentence_starts = [s.start for s in ctx.sentences]
        carded: set[int] = set()  # sentences that have their one card
        for a in ins:
            i = index.get(a[0])
            if i is None:
                continue
            sentence = bisect_right(sentence_starts, a[0]) - 1
            if sentence < 0 or sentence in carded:
                continue
            bounds = ctx.sentences[sentence]
            lo = bisect_left(out_words, i - self.window)
            hi = bisect_right(out_words, i + self.window)
            for j, b in outs_by_word[lo:hi]:
                if not (bounds.start <= min(a[0], b[0]) and max(a[1], b[1]) <= bounds.end):
                    continue
                first, second, left, right = (a, b, i, j) if a[0] < b[0] else (b, a, j, i)
                if first[1] > second[0]:
                    continue
                between = {w.text.lower() for w in words[left + 1 : right]}
                if self.against and not (between & self.against):
                    continue
                s, e = first[0], second[1]
                carded.add(sentence)  # one card per sentence
                if not any(x < e and s < y for x, y in taken):
                    out.append(self.finding(text, s, e))
                    taken.append((s, e))
                break
        return out
