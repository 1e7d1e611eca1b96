"""`insider`: party-internal bodies and process words (P8), scored by density. A sentence
with at least `min_terms` terms making up at least `density` of its words is mostly about
internal process, and gets a card from its first to its last term; so writing more about
people after it never hides it. When no one sentence is, a paragraph that is (its terms
spread over short sentences) gets one card. A single mention in a post about people passes."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, number, str_list


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
        groups = []
        # the sentences' words are read already (the reading age counts them too)
        for sentence, words in zip(ctx.sentences, ctx.sentence_word_texts, strict=True):
            inside = [(s, e) for s, e in hits if sentence.start <= s and e <= sentence.end]
            if self._mostly_process(text, inside, len(words)):
                groups.append(inside)
        if not groups and self._mostly_process(text, hits, len(ctx.word_texts)):
            groups.append(hits)
        return [self._card(text, group) for group in groups]

    def _mostly_process(self, text: str, hits: list[tuple[int, int]], n_words: int) -> bool:
        if len(hits) < self.min_terms:
            return False
        term_words = sum(len(text[s:e].split()) for s, e in hits)
        return term_words / max(1, n_words) >= self.density

    def _card(self, text: str, hits: list[tuple[int, int]]):
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
        return self.finding(text, s, e, message)
