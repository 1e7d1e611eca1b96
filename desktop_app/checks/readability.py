"""`readability`: sentences that are hard to read (Hemingway's ARI thresholds) or long
enough to split (GOV.UK: 25 words).

With Vale's keys (`metrics` and `grade`) it is Vale's check instead: the mean of the named
metrics over the whole post must not be above `grade`."""

from __future__ import annotations

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.values import RuleError, number, str_list


class ReadabilityRule(Rule):
    kind = "readability"
    keys = frozenset({"hard", "very_hard", "min_words", "split_over", "metrics", "grade"})
    default_category = "readability"
    wide = True
    evasion_capable = False

    def compile(self, d):
        self.hard = number(d, "hard", 10)
        self.very_hard = number(d, "very_hard", 14)
        self.min_words = number(d, "min_words", 14, int)
        self.split_over = number(d, "split_over", 0, int)  # 0: do not flag long sentences
        self.metrics = str_list(d.get("metrics"), "metrics")
        if self.metrics:
            from desktop_app.core.text_metrics import READABILITY_METRICS

            unknown = [m for m in self.metrics if m not in READABILITY_METRICS]
            if unknown:
                known = ", ".join(READABILITY_METRICS)
                raise RuleError("metrics", f"unknown metric {unknown[0]!r} (known: {known})")
            self.grade = number(d, "grade", 8)
            self.document_level = True

    def _vale_find(self, ctx: TextContext):
        from desktop_app.core.text_metrics import READABILITY_METRICS, document_metrics

        text = ctx.text
        counts = document_metrics(text)
        if not counts["words"]:
            return []
        mean = sum(READABILITY_METRICS[m](counts) for m in self.metrics) / len(self.metrics)
        if mean <= self.grade:
            return []
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [self.finding(text, start, end, fill_message(self.message, f"{mean:.2f}"))]

    def find(self, ctx: TextContext):
        if self.metrics:
            return self._vale_find(ctx)
        from desktop_app.core.readability import sentence_ari

        text = ctx.text
        out = []
        for sent, words in zip(ctx.sentences, ctx.sentence_word_texts, strict=True):
            a, b = sent.start, sent.end
            while b > a and text[b - 1].isspace():
                b -= 1
            while a < b and text[a].isspace():
                a += 1
            if a == b:
                continue
            # the sentence's words, already read, unless trimming changed what was read
            n_words, ari = sentence_ari(text[a:b], words if (a, b) == (sent.start, sent.end) else None)
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
