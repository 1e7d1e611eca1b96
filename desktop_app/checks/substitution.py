"""`substitution` (Vale): flag a `swap` key and suggest its value (`a|b` gives two).

As in Vale, text that is already what the rule asks for is left alone ("JavaScript" with
`javascript: JavaScript`), and `nonword: true` drops the word boundaries.
"""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message, match_case
from desktop_app.checks.patterns import compile_re, compile_words, drop_entry, is_literal
from desktop_app.checks.values import RuleError, flag, str_map

_PHRASE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # letters and spaces: compared as written


class SubstitutionRule(Rule):
    kind = "substitution"
    keys = frozenset({"swap", "nonword"})
    vale_keys = frozenset({"pos", "vocab", "capitalize"})
    default_category = "jargon"

    def compile(self, d):
        swap = str_map(d.get("swap"), "swap")
        if not swap:
            raise RuleError("swap", "a substitution rule needs a `swap` mapping")
        fold = self.ignorecase or self.evasion
        self.nonword = flag(d, "nonword")
        self.literal: dict[str, list[str]] = {}
        self.patterned: list[tuple[object, list[str]]] = []
        self.expected: dict[str, object] = {}  # replacement -> pattern the right text matches
        for key, value in list(swap.items()):
            if value is None or not value.strip():
                raise RuleError(f"swap.{key}", f"{key!r} has no replacement")
            options = [v.strip() for v in value.split("|") if v.strip()]
            if is_literal(key):
                self.literal[key.lower() if fold else key] = options
                continue
            try:
                self.patterned.append((compile_re(f"(?:{key})", f"swap.{key}", fold, self.vale), options))
            except RuleError as bad:
                drop_entry(bad)  # one swap RE2 cannot run costs only itself
                del swap[key]
        if not swap:
            raise RuleError("swap", "no `swap` entry can run")
        self.fold = fold
        self.regex = compile_words(swap, "swap", fold, self.nonword, self.vale)

    def probe(self):
        return self.regex.pattern, self.evasion

    def _options_for(self, matched: str) -> list[str]:
        key = matched.lower() if self.fold else matched
        key = " ".join(key.split())
        if key in self.literal:
            return self.literal[key]
        for regex, options in self.patterned:
            if regex.fullmatch(matched):
                return options
        for literal, options in self.literal.items():  # matched through evasion or odd spacing
            if literal.replace(" ", "") == key.replace(" ", ""):
                return options
        return []

    def _already_right(self, value: str, observed: str) -> bool:
        """Vale: the match is what the swap asks for. A replacement of letters and spaces is
        compared as written; any other is a pattern the whole match must fit."""
        if _PHRASE.fullmatch(value):
            return value == observed
        if value not in self.expected:
            try:
                self.expected[value] = compile_re(f"^(?:{value})$", "swap", self.ignorecase)
            except RuleError:
                self.expected[value] = None
        pattern = self.expected[value]
        return value == observed if pattern is None else pattern.search(observed) is not None

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        for s, e in self.matches(self.regex, ctx):
            matched = text[s:e]
            options = self._options_for(matched)
            if not options and self.evasion:
                options = self._options_for(_squash(matched))
            if options and self._already_right("|".join(options), matched.strip()):
                continue
            replacements = [match_case(o, matched) for o in options]
            message = fill_message(
                self.message or "Try '%s' instead of '%s'.", "' or '".join(replacements), matched
            )
            out.append(
                self.finding(text, s, e, message, [Suggestion(r, s, e, label=r) for r in replacements])
            )
        return out


def _squash(text: str) -> str:
    from desktop_app.core.evasion import normalise_for_matching

    return normalise_for_matching(text).text
