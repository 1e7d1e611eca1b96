"""`substitution` (Vale): flag a `swap` key and suggest its value (`a|b` gives two)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message, match_case
from desktop_app.checks.patterns import compile_re, compile_words, is_literal
from desktop_app.checks.values import RuleError, str_map


class SubstitutionRule(Rule):
    kind = "substitution"
    keys = frozenset({"swap"})
    vale_keys = frozenset({"nonword", "pos", "vocab", "capitalize"})
    default_category = "jargon"

    def compile(self, d):
        swap = str_map(d.get("swap"), "swap")
        if not swap:
            raise RuleError("swap", "a substitution rule needs a `swap` mapping")
        fold = self.ignorecase or self.evasion
        self.literal: dict[str, list[str]] = {}
        self.patterned: list[tuple[object, list[str]]] = []
        for key, value in swap.items():
            if value is None or not value.strip():
                raise RuleError(f"swap.{key}", f"{key!r} has no replacement")
            options = [v.strip() for v in value.split("|") if v.strip()]
            if is_literal(key):
                self.literal[key.lower() if fold else key] = options
            else:
                self.patterned.append((compile_re(f"(?:{key})", f"swap.{key}", fold), options))
        self.fold = fold
        self.regex = compile_words(swap, "swap", fold)

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

    def find(self, ctx: TextContext):
        text = ctx.text
        out = []
        for s, e in self.matches(self.regex, ctx):
            matched = text[s:e]
            options = self._options_for(matched)
            if not options and self.evasion:
                options = self._options_for(_squash(matched))
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
