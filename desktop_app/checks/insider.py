"""`insider`: party-internal bodies and process words (P8), scored by density per
paragraph. A paragraph with at least `min_terms` terms making up at least `density` of its
words is mostly about internal process; a single mention in a post about people passes.
The card covers the first to the last term."""

from __future__ import annotations

from desktop_app.checks.base import (
    Rule,
    RuleError,
    TextContext,
    compile_words,
    fill_message,
    number,
    str_list,
)


class InsiderRule(Rule):
    kind = "insider"
    keys = frozenset({"terms", "density", "min_terms"})
    default_category = "insider-framing"
    wide = True
    evasion_capable = False

    def compile(self, d):
        terms = str_list(d.get("terms"), "terms")
        if not terms:
            raise RuleError("terms", "an insider rule needs `terms`")
        self.regex = compile_words(terms, "terms", self.ignorecase)
        self.density = number(d, "density", 0.08)
        self.min_terms = number(d, "min_terms", 2, int)

    def probe(self):
        return self.regex.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        hits = list(self.matches(self.regex, ctx))
        if len(hits) < self.min_terms:
            return []
        n_words = max(1, len(ctx.words))
        term_words = sum(len(text[s:e].split()) for s, e in hits)
        if term_words / n_words < self.density:
            return []
        s, e = hits[0][0], hits[-1][1]
        names = []
        for a, b in hits:
            if text[a:b] not in names:
                names.append(text[a:b])
        default = (
            f"This is mostly about party process ({', '.join(names[:5])}). Lead with what it means for "
            "people, then mention the process if you need to."
        )
        message = fill_message(self.message, ", ".join(names[:5])) if self.message else default
        return [self.finding(text, s, e, message)]
