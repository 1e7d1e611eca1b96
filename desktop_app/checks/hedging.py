"""`hedging`: stacked hedges (P1). A sentence with `stack` or more hedges is flagged; the
card covers the first to the last hedge and the suggestion is the sentence without them
(spacing, commas and the opening capital repaired)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, Suggestion, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, number, str_list

_SEPARATORS = " \t,"


def without(sentence: str, spans: list[tuple[int, int]]) -> str:
    """`sentence` minus the spans (relative to it), tidied into a sentence again.

    Each hedge takes the commas and spaces around it; neighbouring hedges merge. What goes
    back: nothing at the start or before the final punctuation, ", " when the hedges were
    set off by a single comma ("We act, I think, now" keeps one), otherwise a space."""
    regions: list[list[int]] = []
    for s, e in sorted(spans):
        while s > 0 and sentence[s - 1] in _SEPARATORS:
            s -= 1
        while e < len(sentence) and sentence[e] in _SEPARATORS:
            e += 1
        if regions and s <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], e)
        else:
            regions.append([s, e])
    out, pos = [], 0
    for s, e in regions:
        out.append(sentence[pos:s])
        rest = sentence[e:]
        if s == 0 or not rest or not (rest[0].isalnum() or rest[0] in "\"'‘“(£$€#@"):
            joint = ""
        elif sentence[s:e].count(",") == 1:
            joint = ", "
        else:
            joint = " "
        out.append(joint)
        pos = e
    out.append(sentence[pos:])
    result = "".join(out).strip()
    if sentence[:1].isupper() and result[:1].islower():
        result = result[0].upper() + result[1:]
    return result


class HedgingRule(Rule):
    kind = "hedging"
    keys = frozenset({"tokens", "stack"})
    default_category = "hedging"
    wide = True
    evasion_capable = False

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        if not tokens:
            raise RuleError("tokens", "a hedging rule needs `tokens` (the hedges)")
        self.regex = compile_words(tokens, "tokens", True)
        self.stack = number(d, "stack", 2, int)

    def probe(self):
        return self.regex.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        hits = list(self.matches(self.regex, ctx))
        if len(hits) < self.stack:
            return []
        out = []
        for sentence in ctx.sentences:
            inside = [(s, e) for s, e in hits if sentence.start <= s and e <= sentence.end]
            if len(inside) < self.stack:
                continue
            a, b = sentence.start, sentence.end
            rewritten = without(text[a:b], [(s - a, e - a) for s, e in inside])
            suggestions = (
                [Suggestion(rewritten, a, b, label="Say it without the hedges")] if rewritten else []
            )
            s, e = inside[0][0], inside[-1][1]
            hedges = ", ".join(f"'{text[x:y]}'" for x, y in inside)
            message = self.message or f"{len(inside)} hedges in one sentence ({hedges}): say it plainly."
            if "%s" in message:
                message = message.replace("%s", hedges, 1)
            out.append(self.finding(text, s, e, message, suggestions))
        return out
