"""`readability`: sentences that are hard to read (Hemingway's ARI thresholds) or long
enough to split (GOV.UK: 25 words)."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.values import number


class ReadabilityRule(Rule):
    kind = "readability"
    keys = frozenset({"hard", "very_hard", "min_words", "split_over"})
    vale_keys = frozenset({"metrics", "grade"})
    default_category = "readability"
    wide = True
    evasion_capable = False

    def compile(self, d):
        self.hard = number(d, "hard", 10)
        self.very_hard = number(d, "very_hard", 14)
        self.min_words = number(d, "min_words", 14, int)
        self.split_over = number(d, "split_over", 0, int)  # 0: do not flag long sentences

    def find(self, ctx: TextContext):
        from desktop_app.core.readability import sentence_ari

        text = ctx.text
        out = []
        for sent in ctx.sentences:
            a, b = sent.start, sent.end
            while b > a and text[b - 1].isspace():
                b -= 1
            while a < b and text[a].isspace():
                a += 1
            if a == b:
                continue
            n_words, ari = sentence_ari(text[a:b])
            level = None
            if n_words >= self.min_words and ari >= self.very_hard:
                level = "very hard"
            elif n_words >= self.min_words and ari >= self.hard:
                level = "hard"
            if level:
                default = f"This sentence is {level} to read: split it or use shorter words."
                message = fill_message(self.message, level) if self.message else default
                out.append(self.finding(text, a, b, message))
            elif self.split_over and n_words > self.split_over:
                out.append(
                    self.finding(text, a, b, f"This sentence has {n_words} words: split it into two or more.")
                )
        return out
