"""`phrase`: phrases matched over words (tokens.py), with filler words allowed between parts.

Keys: `phrases` (the patterns: words, `(a|b)`, `[optional]`, `{slot}`), `slots` (name -> a
list of words or phrases, or an include), `negation` (default true: a match with a negation
just before it is left alone, "do not kill yourself"), `fillers` (words that may sit between
two parts, added to the shared list), `reporting` (words that show a quotation is reported:
a match inside quotation marks, in a text with one of these words outside them, is left
alone: 'she was sent a message saying "kill yourself"'). Matching runs on the evasion-normalised text, so
"sh00t" and look-alike letters still match; the card covers exactly what was typed.
"""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.tokens import FILLERS, PhraseSet, negated, phrase_tokens, quoted_and_reported
from desktop_app.checks.values import RuleError, flag, str_list


def shared_phrase_tokens(ctx: TextContext):
    """The normalised text's phrase tokens, computed once for every rule that needs them."""
    ntext = ctx.normalised.text
    key = ("phrase-tokens", ntext)
    toks = ctx.memo.get(key)
    if toks is None:
        toks = ctx.memo[key] = phrase_tokens(ntext)
    return toks


class PhraseRule(Rule):
    kind = "phrase"
    keys = frozenset({"phrases", "slots", "negation", "fillers", "reporting"})

    def compile(self, d):
        phrases = str_list(d.get("phrases"), "phrases")
        if not phrases:
            raise RuleError("phrases", "a phrase rule needs `phrases` (a list)")
        raw_slots = d.get("slots") or {}
        if not isinstance(raw_slots, dict):
            raise RuleError("slots", "expected a mapping of slot name -> list of words or phrases")
        slots = {str(k): str_list(v, f"slots.{k}") for k, v in raw_slots.items()}
        self.phrases = PhraseSet(phrases, slots)
        self.negation = flag(d, "negation", True)
        extra = str_list(d.get("fillers"), "fillers")
        self.fillers = FILLERS | {w.lower() for w in extra}
        self.reporting = frozenset(w.lower() for w in str_list(d.get("reporting"), "reporting"))
        words = self.phrases.probe_words()
        self._probe = compile_words(words, "phrases", ignorecase=True).pattern if words else None

    def probe(self):
        return self._probe, True

    def find(self, ctx: TextContext):
        norm = ctx.normalised
        toks = shared_phrase_tokens(ctx)
        if not toks:
            return []
        text = ctx.text
        skip = None
        out = []
        for first, last in self.phrases.find(toks, self.fillers):
            if self.negation and negated(toks, first, self.fillers):
                continue
            if self.reporting and quoted_and_reported(toks, first, last, self.reporting):
                continue
            s, e = toks[first].start, toks[last].end
            if skip is None:
                skip = self.excepted_spans(norm.text, ctx)
            if any(a <= s and e <= b for a, b in skip):
                continue
            s, e = norm.to_original(s, e)
            if s < e:
                out.append(self.finding(text, s, e))
        return out
