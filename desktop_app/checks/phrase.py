"""`phrase`: phrases matched over words (tokens.py), with filler words allowed between parts.

Keys: `phrases` (the patterns: words, `(a|b)`, `[optional]`, `{slot}`), `slots` (name -> a
list of words or phrases, or an include), `negation` (default true: a match with a negation
just before it is left alone, "do not kill yourself"), `fillers` (words that may sit between
two parts, added to the shared list), `reporting` (words that show a quotation is reported:
a match inside quotation marks, in a text with one of these words outside them, is left
alone: 'she was sent a message saying "kill yourself"'), `condemning` (a word list, such as
`include: vocab/condemning-words.yml`): a match after one of the `reporting` words and
before one of these in its sentence is counter-speech and is left alone ('Saying Muslims
can't be loyal is bigotry'), `masked_words` (words of the phrases people mask, "k*ll":
a masked spelling that fits one of them, and no other word the conduct rules list, is read
back as it). Matching runs on the evasion-normalised text, so "sh00t" and look-alike
letters still match; the card covers exactly what was typed.
"""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, TextContext
from desktop_app.checks.tokens import (
    FILLERS,
    PhraseSet,
    negated,
    phrase_tokens,
    said_not_meant,
    text_words,
)
from desktop_app.checks.values import RuleError, flag, str_list

# Punctuation a phrase may need to match that ends its words rather than being one of them.
_EDGES = frozenset([",", ":", ";", "—", "–", "-"])


def shared_phrase_tokens(ctx: TextContext):
    """The normalised text's phrase tokens, computed once for every rule that needs them."""
    ntext = ctx.normalised.text
    key = ("phrase-tokens", ntext)
    toks = ctx.memo.get(key)
    if toks is None:
        toks = ctx.memo[key] = phrase_tokens(ntext)
    return toks


def shared_text_words(ctx: TextContext) -> frozenset[str]:
    """The normalised text's squeezed words (tokens.text_words), once for every rule."""
    ntext = ctx.normalised.text
    key = ("phrase-words", ntext)
    words = ctx.memo.get(key)
    if words is None:
        words = ctx.memo[key] = text_words(ntext)
    return words


def stretchable_words(words: list[str]) -> str:
    """A probe matching any of `words` as a whole word, or any word with a letter said three
    times or more (which the matcher may read as one of them: "kiiill"), or an -ing word with
    its g dropped ("breedin"). It only ever over-matches what the phrases read."""
    dropped = [w[:-1] for w in words if w.endswith("ing") and len(w) >= 6]
    return r"(?i)\b(?:" + "|".join(map(re.escape, [*words, *dropped])) + r")\b|" + _TRIPLED


# Any letter said three times running (RE2 has no back-references).
_TRIPLED = "(?:" + "|".join(c * 3 for c in "abcdefghijklmnopqrstuvwxyz") + ")"


class PhraseRule(Rule):
    kind = "phrase"
    keys = frozenset({"phrases", "slots", "negation", "fillers", "reporting", "condemning", "masked_words"})

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
        self.condemning = frozenset(w.lower() for w in str_list(d.get("condemning"), "condemning"))
        self._masked_words = [w.lower() for w in str_list(d.get("masked_words"), "masked_words")]
        # Phrases with a word one of which must appear run only when one does; the few with
        # none ("{crowd} go for {them}") run on every text, so one of them never costs the rule
        # its prefilter.
        anchors = self.phrases.anchors
        loose = [p for p, a in zip(phrases, anchors, strict=True) if a is None]
        self._loose = PhraseSet(loose, slots) if loose else None
        if loose:
            self.phrases = PhraseSet([p for p, a in zip(phrases, anchors, strict=True) if a], slots)
        words = sorted({w for a in anchors if a for w in a})
        self._probe = stretchable_words(words) if words and not loose else None

    def probe(self):
        return self._probe, True

    def evasion_words(self):
        return self._masked_words

    def warm_up(self):
        """Build the automata now, off the GUI thread, rather than on the first keystroke a
        phrase could match (a one-off `check` builds only what a post needs)."""
        for phrases in (self.phrases, self._loose):
            if phrases is not None:
                phrases.warm_up()

    def _matches(self, ctx: TextContext, toks) -> list[tuple[int, int]]:
        found = []
        if self._loose is not None:
            found = self._loose.find(toks, self.fillers)
        words = shared_text_words(ctx)
        anchored = self.phrases.find(toks, self.fillers) if self.phrases.could_match(words) else []
        if not found:
            return anchored
        out: list[tuple[int, int]] = []
        for first, last in sorted(found + anchored, key=lambda m: (m[0], -m[1])):
            if not out or first > out[-1][1]:
                out.append((first, last))
        return out

    def find(self, ctx: TextContext):
        norm = ctx.normalised
        if self._loose is None and not self.phrases.could_match(shared_text_words(ctx)):
            return []  # no phrase has its two rarest words here: no need to tokenise
        toks = shared_phrase_tokens(ctx)
        if not toks:
            return []
        text = ctx.text
        skip = None
        out = []
        for first, last in self._matches(ctx, toks):
            if self.negation and negated(toks, first, self.fillers):
                continue
            if self.reporting and said_not_meant(toks, first, last, self.reporting, self.condemning):
                continue
            # a comma or colon a phrase needs is where the words end, not part of them: the
            # finding (and its highlight) is "fat ugly cow", not "fat ugly cow,"
            while last > first and toks[last].low in _EDGES:
                last -= 1
            while first < last and toks[first].low in _EDGES:
                first += 1
            s, e = toks[first].start, toks[last].end
            if skip is None:
                skip = self.excepted_spans(norm.text, ctx)
            if any(a <= s and e <= b for a, b in skip):
                continue
            s, e = norm.to_original(s, e)
            if s < e:
                out.append(self.finding(text, s, e))
        return out
