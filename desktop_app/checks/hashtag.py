"""`hashtag`: lower-case multi-word hashtags, and their #CamelCase form (P9, accessibility).

Screen readers read #CostOfLiving as words and #costofliving as one jumble. A lower-case
hashtag is split into words (the rule's `known` forms first, then a dictionary split) and
the suggestion gives each word a capital. When no split is clearly best, a long hashtag
still gets the advice, without a suggestion, rather than a wrong guess.

Keys: `known` (mapping: lower-case hashtag -> its written form, e.g. savethenhs:
SaveTheNHS), `words` (words the dictionary lacks, in their written form: NHS, GP, Covid),
`min_letters` (shortest hashtag worth splitting, default 8), `advise_over` (a hashtag this
long with no confident split still gets the advice, default 14), `avoid` (patterns: a split
making one of these words is not offered, "#whorepresents"), `unsplit_message`.

The split: dynamic programming over the letters, each word costing a little more the
shorter or rarer-looking it is (short words only from a small list, names cost more than
common words), so fewer, longer, common words win; if the two best splits are within
`margin` of each other, the split is not confident.
"""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.values import number, str_list, str_map, text_value

_HASHTAG = re.compile(r"(?<![\w#/&])#([a-z]+)\b")  # not a link's fragment: example.org/#top
_SHORT_WORDS = frozenset(
    ["of", "to", "in", "on", "up", "we", "us", "my", "no", "go", "do", "be", "is", "it", "at", "by",
     "or", "an", "me", "so", "he", "our", "for", "the", "and", "out", "all", "new", "now", "not"]
)  # fmt: skip
_MAX_WORD = 24
_MARGIN = 0.3


class HashtagRule(Rule):
    kind = "hashtag"
    keys = frozenset({"known", "words", "min_letters", "advise_over", "margin", "avoid", "unsplit_message"})
    default_category = "accessibility"

    def compile(self, d):
        known = str_map(d.get("known"), "known")
        self.known = {k.lower(): v for k, v in known.items() if v}
        self.words = {w.lower(): w for w in str_list(d.get("words"), "words")}
        self.min_letters = number(d, "min_letters", 8, int)
        self.advise_over = number(d, "advise_over", 14, int)
        self.margin = number(d, "margin", _MARGIN)
        self.unsplit_message = text_value(d, "unsplit_message") or self.message
        # A split that makes a rude word ("#whorepresents") is never offered: advice only.
        avoid = str_list(d.get("avoid"), "avoid")
        self.avoid = (
            compile_re("^(?:" + "|".join(f"(?:{p})" for p in avoid) + ")$", "avoid", ignorecase=True)
            if avoid
            else None
        )
        self._splits: dict[str, str | None] = {}  # a hashtag comes back on every keystroke

    def warm_up(self):
        self.spec.lexicon().name_form("")  # loads the dictionary and its table of names

    def probe(self):
        return f"#[a-z]{{{self.min_letters},}}", False

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        for m in _HASHTAG.finditer(text):
            tag = m.group(1)
            if len(tag) < self.min_letters:
                continue
            written = self.known.get(tag) or self._split_cached(tag)
            s, e = m.span()
            if written:
                message = fill_message(self.message, written, tag)
                out.append(self.finding(text, s, e, message, [Suggestion("#" + written, s, e)]))
            elif len(tag) >= self.advise_over:
                out.append(self.finding(text, s, e, fill_message(self.unsplit_message, text[s:e])))
        return out

    # -- splitting --

    def _split_cached(self, tag: str) -> str | None:
        if tag not in self._splits:
            if len(self._splits) >= 4096:
                self._splits.clear()
            self._splits[tag] = self.split(tag)
        return self._splits[tag]

    def _cost(self, word: str) -> tuple[float, str] | None:
        """(cost, written form) of one word of a split, or None if it is not a word."""
        own = self.words.get(word)
        if own is not None:
            return 0.8, own
        n = len(word)
        words = self.spec.lexicon()
        if n <= 3 and word in _SHORT_WORDS:
            return 1.0, word.capitalize()
        if n == 1:
            return (1.6, word.upper()) if word in ("a", "i") else None
        if n == 2:
            return None  # other two-letter "words" are mostly abbreviations
        if words.is_word(word):
            return (1.0 if n >= 4 else 1.4), word.capitalize()
        if n >= 4:
            name = words.name_form(word)
            if name is not None:
                return 1.5, name
        return None

    def split(self, tag: str) -> str | None:
        """The #CamelCase form of a lower-case hashtag, or None if no split is confident."""
        n = len(tag)
        # best[i]: the two cheapest splits of tag[:i], as (cost, words)
        best: list[list[tuple[float, tuple[str, ...]]]] = [[] for _ in range(n + 1)]
        best[0] = [(0.0, ())]
        for end in range(1, n + 1):
            options = []
            for start in range(max(0, end - _MAX_WORD), end):
                if not best[start]:
                    continue
                priced = self._cost(tag[start:end])
                if priced is None:
                    continue
                cost, form = priced
                options.extend((c + cost, (*ws, form)) for c, ws in best[start])
            options.sort(key=lambda o: o[0])
            best[end] = options[:2]
        if not best[n]:
            return None
        top = best[n][0]
        if len(top[1]) < 2:
            return None  # one word: nothing to capitalise
        if self.avoid is not None and any(self.avoid.search(w) for w in top[1]):
            return None
        written = "".join(top[1])
        if len(best[n]) > 1:
            cost2, words2 = best[n][1]
            if cost2 - top[0] < self.margin and "".join(words2) != written:
                return None  # two splits about as good: do not guess
        return written
