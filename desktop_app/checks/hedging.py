"""`hedging`: stacked hedges (P1). A sentence with `stack` or more hedges is flagged; the
card covers the first to the last hedge and the suggestion is the sentence without them
(spacing, commas and the opening capital repaired)."""

from __future__ import annotations

import re

from desktop_app.checks.base import (
    Rule,
    RuleError,
    Suggestion,
    TextContext,
    compile_re,
    str_list,
    word_alternation,
)

_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
_COMMA_BEFORE_END = re.compile(r",\s*([.;:!?])")


def without(sentence: str, spans: list[tuple[int, int]]) -> str:
    """`sentence` minus the spans (relative to it), tidied into a sentence again."""
    out, pos = [], 0
    for s, e in sorted(spans):
        out.append(sentence[pos:s])
        pos = e
        # a hedge set off by a comma takes its comma with it: "Perhaps, we ..." / "we, perhaps, ..."
        rest = sentence[pos:]
        if rest.startswith(",") and (not "".join(out).rstrip() or "".join(out).rstrip().endswith(",")):
            pos += 1
    out.append(sentence[pos:])
    result = "".join(out)
    result = _DOUBLE_COMMA.sub(",", result)
    result = _SPACE_BEFORE_PUNCT.sub(r"\1", result)
    result = _COMMA_BEFORE_END.sub(r"\1", result)
    result = _SPACES.sub(" ", result).strip()
    result = result.lstrip(",;: ")
    if sentence[:1].isupper() and result[:1].islower():
        result = result[0].upper() + result[1:]
    return result


class HedgingRule(Rule):
    kind = "hedging"
    default_category = "hedging"
    wide = True
    evasion_capable = False

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        if not tokens:
            raise RuleError("tokens", "a hedging rule needs `tokens` (the hedges)")
        for i, t in enumerate(tokens):
            compile_re(t, f"tokens[{i}]")
        self.regex = compile_re(word_alternation(tokens), "tokens", True)
        try:
            self.stack = int(d.get("stack", 2))
        except (TypeError, ValueError):
            raise RuleError("stack", "must be a whole number") from None

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
