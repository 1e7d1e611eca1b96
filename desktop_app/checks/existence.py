"""`existence` (Vale): flag any of `tokens` (whole words unless `nonword: true`).

As in Vale, `raw` pieces are joined into one pattern that comes before the tokens (after
them with `append: true`): `raw: ['\\b(?:is|was)\\b\\s*']` with tokens `[\\w+ed, told]` flags
"was told", never "told" alone. Vale's `action` gives the card's suggestion.

Ours: `reporting` and `condemning` (word lists) work as in the phrase kind: a match in
quotation marks that the text reports ('he was called a "paki"'), or reported in order to
condemn it ('anyone who says gay people are a danger is spreading hate'), is left alone.
"""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, simple_words
from desktop_app.checks.lookaround import PatternUnion
from desktop_app.checks.patterns import (
    compile_re,
    compile_words,
    drop_entry,
    probe_patterns,
    word_alternation,
)
from desktop_app.checks.tokens import said_not_meant_at
from desktop_app.checks.values import RuleError, flag, shown, str_list


class ExistenceRule(Rule):
    kind = "existence"
    keys = frozenset({"tokens", "raw", "nonword", "append", "reporting", "condemning"})
    vale_keys = frozenset({"vocab"})

    def compile(self, d):
        tokens = str_list(d.get("tokens"), "tokens")
        raw = "".join(str_list(d.get("raw"), "raw"))  # Vale: pieces concatenated into one pattern
        if not tokens and not raw:
            raise RuleError("tokens", "an existence rule needs `tokens` (or `raw`)")
        self.nonword = flag(d, "nonword")
        append = flag(d, "append")
        self.reporting = frozenset(w.lower() for w in str_list(d.get("reporting"), "reporting"))
        self.condemning = frozenset(w.lower() for w in str_list(d.get("condemning"), "condemning"))
        self._words = simple_words(tokens) if self.evasion else []
        fold = self.ignorecase or self.evasion
        multiline = self.vale  # Vale: `^` and `$` at every line
        if not raw:
            self.regex = compile_words(tokens, "tokens", fold, self.nonword, multiline)
            return
        self.regex = self._with_raw(raw, tokens, append, fold, multiline)
        self.nonword = True  # the pattern carries its own word boundaries (around the tokens)

    def _with_raw(self, raw: str, tokens: list[str], append: bool, fold: bool, multiline: bool):
        def joined(part: list[str]) -> str:
            words = f"(?:{word_alternation(part, nonword=self.nonword)})" if part else ""
            return words + raw if append else raw + words

        try:
            return compile_re(joined(tokens), "raw", fold, multiline)
        except RuleError:
            if not tokens:
                raise
        parts, good = [], []  # a token that cannot run costs only itself
        for i, token in enumerate(tokens):
            try:
                compile_re(joined([token]), f"tokens[{i}]", fold, multiline)
                good.append(token)
            except RuleError as bad:
                drop_entry(RuleError(f"tokens[{i}]", f"{shown(token)} skipped: {bad.message}"))
        if good:
            parts.append(compile_re(joined(good), "raw", fold, multiline))
        if not parts:
            raise RuleError("raw", "no token can run with this `raw` pattern")
        return parts[0] if len(parts) == 1 else PatternUnion(parts)

    def evasion_words(self):
        return self._words

    def probe(self):
        return probe_patterns(self.regex), self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        spans = list(self.matches(self.regex, ctx))
        if spans and self.reporting:
            spans = [(s, e) for s, e in spans if not self._said_not_meant(ctx, s, e)]
        return [
            self.finding(text, s, e, suggestions=self.action_suggestions(text[s:e], s, e)) for s, e in spans
        ]

    def _said_not_meant(self, ctx: TextContext, start: int, end: int) -> bool:
        return said_not_meant_at(ctx, start, end, self.reporting, self.condemning)
