"""`existence` (Vale): flag any of `tokens` (whole words unless `nonword: true`).

As in Vale, `raw` pieces are joined into one pattern that comes before the tokens (after
them with `append: true`): `raw: ['\\b(?:is|was)\\b\\s*']` with tokens `[\\w+ed, told]` flags
"was told", never "told" alone. Vale's `action` gives the card's suggestion.

Ours: `reporting` and `condemning` (word lists) work as in the phrase kind: a match in
quotation marks that the text reports ('he was called a "paki"'), or reported in order to
condemn it ('anyone who says gay people are a danger is spreading hate'), is left alone.
`pieces` names parts of patterns that several tokens share, each written once: `pieces:
{WHEN: ['every monday', 'at 8'], HINT: 'just saying'}` with the token
`(?&WHEN)[^\\n]{0,40}(?&HINT)`. A piece that is a list is its alternatives; a piece may name
the pieces above it. (`(?&NAME)` is no Python or RE2 syntax, so it cannot clash with a pattern.)
"""

from __future__ import annotations

import re

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
from desktop_app.core.evasion import without_invisibles

_PIECE = re.compile(r"\(\?&(\w+)\)")


def _named_pieces(value) -> dict[str, str]:
    """`pieces`: name -> one pattern in a group of its own (a list: its alternatives)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RuleError("pieces", f"expected names with their patterns, got {shown(value)}")
    pieces: dict[str, str] = {}
    for name, body in value.items():
        key = f"pieces.{name}"
        parts = str_list(body, key)
        if not parts:
            raise RuleError(key, "a piece needs a pattern")
        pattern = "|".join(f"(?:{part})" for part in parts) if len(parts) > 1 else parts[0]
        pieces[str(name)] = f"(?:{_with_pieces(pattern, pieces, key)})"
    return pieces


def _with_pieces(pattern: str, pieces: dict[str, str], key: str) -> str:
    def named(match: re.Match) -> str:
        if match.group(1) not in pieces:
            known = ", ".join(pieces) or "none"
            raise RuleError(
                key, f"names the piece {match.group(1)!r}, which is not defined above it (known: {known})"
            )
        return pieces[match.group(1)]

    return _PIECE.sub(named, pattern)


def _tokens_with_pieces(tokens: list[str], pieces: dict[str, str]) -> list[str]:
    """Each token with its pieces written out; a token naming an unknown piece costs only
    itself (dropped, and reported with its place in the list)."""
    out = []
    for i, token in enumerate(tokens):
        try:
            out.append(_with_pieces(token, pieces, f"tokens[{i}]"))
        except RuleError as bad:
            drop_entry(RuleError(bad.key, f"{shown(token)} skipped: {bad.message}"))
            out.append("")
    return out


class ExistenceRule(Rule):
    kind = "existence"
    keys = frozenset({"tokens", "raw", "nonword", "append", "reporting", "condemning", "pieces"})
    vale_keys = frozenset({"vocab"})

    def compile(self, d):
        pieces = _named_pieces(d.get("pieces"))
        given = str_list(d.get("tokens"), "tokens")
        tokens = _tokens_with_pieces(given, pieces)
        # Vale: raw's parts concatenated into one pattern
        raw = _with_pieces("".join(str_list(d.get("raw"), "raw")), pieces, "raw")
        if self.evasion:  # the text is read without joiners and variation selectors: so too these
            tokens = [without_invisibles(t) for t in tokens]
            raw = without_invisibles(raw)
        if not given and not raw:
            raise RuleError("tokens", "an existence rule needs `tokens` (or `raw`)")
        if given and not any(tokens):
            raise RuleError("tokens", "no entry of the list can run (each one is reported)")
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
