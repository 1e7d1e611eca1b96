"""Sorting replies: runs the engine and the learned second opinion over each reply and hands
what they found to core/replies/judge.py. The window (ui/replies) and the command line
(cli/replies.py) are its clients.

    triager = ReplyTriager(pack=None)     # loads the policy pack and replies.yml
    triager.triage(reply) -> Triaged      # verdict, report text, opening
    triager.triage_all(replies) -> iterator of Triaged, in order
    triager.add_listed(authors)           # after the user adds them to the do-not-amplify list

The conduct rules match through evasion (look-alike letters, leetspeak, spaced letters);
the learned model reads words as typed, so it scores the evasion-normalised sentence too and
keeps the higher score.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from desktop_app.checks.base import TextContext
from desktop_app.checks.model import offence_score_rule, quoted_list
from desktop_app.checks.tokens import reported_quotations, spans_said_by_others
from desktop_app.core.categories import Severity
from desktop_app.core.evasion import normalise_for_matching
from desktop_app.core.findings import Finding
from desktop_app.core.replies.authors import author_key
from desktop_app.core.replies.judge import ROUGH_CATEGORIES, SecondOpinion, Triage, Verdict, judge
from desktop_app.core.replies.sources import Reply
from desktop_app.core.replies.wording import opening_text, report_text
from desktop_app.core.text import HANDLE, paragraphs


def _readings(
    text: str, undone: bool, reporting: frozenset[str] = frozenset()
) -> Iterator[tuple[str, int, int]]:
    """Each sentence of `text` as typed and, when `undone` (undoing evasion changes the
    text) and it changes this sentence, with evasions undone; with the typed sentence's
    span. The learned models read words as typed, so they score both readings. A quotation
    the sentence reports (one of `reporting`'s words outside it) is blanked: the models
    would score someone else's words as the writer's, where the rules know better. So is a
    handle: '@user1' or '@CllrJones' names someone, and its letters are no words of the
    writer's (our model leaned on 'user1', a placeholder in tweets read as replies)."""
    for para in paragraphs(text):
        # words someone else wrote or said, read over the paragraph: "... said they'd burn it
        # down. Reported." turns against it in the next sentence
        others = spans_said_by_others(para.text) if reporting else []
        for s in TextContext(para.text).sentences:
            sentence = _blanked(para.text, s.start, s.end, others)
            typed = HANDLE.sub(_blank, _unquoted(sentence, reporting))
            start, end = para.start + s.start, para.start + s.end
            yield typed, start, end
            if undone:
                normalised = normalise_for_matching(typed).text
                if normalised != typed:
                    yield normalised, start, end


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def _unquoted(sentence: str, reporting: frozenset[str]) -> str:
    """`sentence` with the quotations it reports blanked out, same length."""
    return _blank_spans(sentence, reported_quotations(sentence, reporting) if reporting else ())


def _blanked(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    """text[start:end] with each of `spans` (positions in `text`) inside it blanked, same length."""
    inside = [(a - start, b - start) for a, b in spans if start <= a and b <= end]
    return _blank_spans(text[start:end], inside)


def _blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _said_by_others_in(text: str) -> list[tuple[int, int]]:
    """The spans of `text` (paragraph by paragraph) that it reports someone else wrote or said."""
    out = []
    for para in paragraphs(text):
        out += [(a + para.start, b + para.start) for a, b in spans_said_by_others(para.text)]
    return out


ABUSE_WORDS = 3  # the reply-abuse model's words named in a report, at most
# Different words that must push the reply-abuse model up before it may report alone: a short
# sentence with one leaning word scores high ("Were you near ...?"), abuse seldom has one.
ABUSE_MIN_WORDS = 2


@dataclass(frozen=True)
class Triaged:
    reply: Reply
    verdict: Verdict
    findings: tuple[Finding, ...]  # everything the checks found (the verdict names what drove it)
    report_text: str = ""
    opening: str = ""
    model_score: float = 0.0  # the second opinion's highest sentence score (0 when not scored)

    def with_verdict(self, verdict: Verdict, report: str, opening: str) -> Triaged:
        return Triaged(self.reply, verdict, self.findings, report, opening, self.model_score)


class ReplyTriager:
    def __init__(self, pack=None):
        from desktop_app.engine import Analyzer
        from desktop_app.policy import load_policy
        from desktop_app.policy.replies import load_reply_policy

        self.pack = load_policy() if pack is None else pack
        self.policy, self.problems = load_reply_policy(self.pack)
        # Only the rules whose findings can sort a reply run (no reading age, jargon or
        # hashtags): a reply is someone else's words, not a draft to improve.
        wanted = {*self.policy.report_categories, *ROUGH_CATEGORIES}
        rules = [r for r in self.pack.rules if r.category in wanted]
        self.analyzer = Analyzer(replace(self.pack, rules=rules), figures=False)
        self.model = offence_score_rule(self.pack.rules)
        amplify = [r for r in self.pack.rules if r.kind == "amplify"]
        self._listed = {author_key(h) for r in amplify for h in r.handles}
        self._listed.discard("")
        self._lock = threading.Lock()
        self.clause_titles = {cid: c.title for cid, c in self.pack.clauses.items()}
        # the words that show a quotation is reported, as the conduct rules read them
        self.reporting = frozenset().union(*(getattr(r, "reporting", frozenset()) for r in rules))

    # ----- the do-not-amplify list -----
    def is_listed(self, author: str) -> bool:
        key = author_key(author)
        return bool(key) and key in self._listed

    def add_listed(self, authors: Iterable[str]) -> None:
        with self._lock:
            self._listed |= {author_key(a) for a in authors if author_key(a)}

    # ----- sorting -----
    def second_opinion(self, text: str, findings: tuple[Finding, ...] = (), full: bool = False):
        """The learned model's most offensive sentence of `text` (as typed or with evasions
        undone, whichever scores higher) and the words that drive its score; None without a
        model. Unless `full` (for measuring), a text the engine's own model card left alone
        and that has no evasion to undo is not scored again, since no sentence of it can reach
        the threshold, and the words are named only for a score that reaches it."""
        model = self.model
        if model is None:
            return None
        undone = normalise_for_matching(text).text != text
        carded = any(f.category == "offence-score" for f in findings)
        if not (full or carded or undone) and self.policy.model_threshold >= model.threshold:
            return SecondOpinion(0.0)
        best: tuple[float, str] = (0.0, "")
        for sentence, _start, _end in _readings(text, undone, self.reporting):
            score = model.sentence_score(sentence)
            if score > best[0]:
                best = (score, sentence)
        score, sentence = best
        if score < self.policy.model_threshold and not full:
            return SecondOpinion(score, sentence)
        explained = model.model.explain(sentence, model.neutral)
        words = tuple(sentence[w.start : w.end] for w in model.driving_words(explained.words))
        return SecondOpinion(score, sentence, words)

    def abuse_opinion(self, text: str) -> SecondOpinion | None:
        """Our own reply-abuse model's most abusive sentence of `text` (as typed or with
        evasions undone), the words that drive it and a card for it; None without the model.
        Only a sentence the model could score at the threshold is scored (a cheap bound)."""
        model, threshold = self.policy.abuse_model, self.policy.abuse_threshold
        if model is None:
            return None
        # a lower score counts with a cue of cued_abuse: the words are named from there
        named_from = min(threshold, self.policy.cued_threshold) if self.policy.cued else threshold
        best: tuple[float, str, int, int] = (0.0, "", 0, 0)
        for sentence, start, end in _readings(
            text, normalise_for_matching(text).text != text, self.reporting
        ):
            if model.may_reach(sentence, named_from):
                score = model.score(sentence)
                if score > best[0]:
                    best = (score, sentence, start, end)
        score, sentence, start, end = best
        if score < named_from:
            return SecondOpinion(score, sentence)
        pushes = [w for w in model.explain(sentence).words if w.weight > 0]
        if not pushes:
            return SecondOpinion(score, sentence)
        strongest = sorted(pushes, key=lambda w: -w.weight)[:ABUSE_WORDS]
        words = tuple(sentence[w.start : w.end] for w in sorted(strongest, key=lambda w: w.start))
        # One word alone ("near", "allowed") is no proof for the model alone, unless it is
        # sure of the reply from report.abuse_unaimed_threshold ("Get back on the boat mate":
        # the pairs around the word push too, and name no word); with a cue the cue is the
        # second sign ("Sleep well"), so the word is still named.
        few = len({w.word for w in pushes}) < ABUSE_MIN_WORDS and score < self.policy.abuse_unaimed_threshold
        if score < threshold or few:
            return SecondOpinion(score, sentence, words, alone=False)  # no card: only a cue may report it
        card = Finding(
            start,
            end,
            text[start:end],
            "Drafting.ReplyAbuse",
            "offence-score",
            Severity.ADVICE,
            f"This reply reads as abuse ({quoted_list(words)}): read it again before you answer it.",
            why="Our own model of abusive replies (trained on abuse and look-alikes we wrote) is sure of it.",
        )
        return SecondOpinion(score, sentence, words, card)

    def triage(self, reply: Reply, correction: Triage | None = None) -> Triaged:
        findings = tuple(self.analyzer.analyze(reply.text).findings)
        opinion = self.second_opinion(reply.text, findings)
        abuse = self.abuse_opinion(reply.text)
        judged = self._said(reply.text, findings)
        verdict = judge(reply.text, judged, self.policy, opinion, self.is_listed(reply.author), abuse)
        triaged = Triaged(reply, verdict, findings, model_score=opinion.score if opinion else 0.0)
        if correction is not None and correction is not verdict.triage:
            return self.corrected(triaged, correction)
        return self.worded(triaged, verdict)

    def _said(self, text: str, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        """`findings` without the swearing and model cards inside a quotation the reply
        reports, or inside words it reports someone else wrote or said: 'She was sent a
        message saying "you are a stupid cow"' swears at no one, nor does "whoever left that
        note is an idiot". (The conduct rules already leave both alone.)"""
        rough = [f for f in findings if f.category in ROUGH_CATEGORIES]
        quoted = []
        if rough and self.reporting:
            quoted = reported_quotations(text, self.reporting) + _said_by_others_in(text)
        if not quoted:
            return findings
        return tuple(
            f
            for f in findings
            if f.category not in ROUGH_CATEGORIES or not any(a <= f.start and f.end <= b for a, b in quoted)
        )

    def worded(self, triaged: Triaged, verdict: Verdict) -> Triaged:
        return triaged.with_verdict(
            verdict,
            report_text(triaged.reply, verdict, self.policy, self.clause_titles),
            opening_text(verdict, self.policy),
        )

    def corrected(self, triaged: Triaged, triage: Triage) -> Triaged:
        """`triaged` as the user sorted it. A reply the user says to report keeps the clause
        its findings name, if any; otherwise it is reported as abuse (C-abuse)."""
        from desktop_app.core.replies.judge import CATEGORY_CLAUSES

        old = triaged.verdict
        if triage is Triage.REPORT:
            clause = old.clause or CATEGORY_CLAUSES["abuse"]
            category = old.category or self.policy.platform_categories.get("abuse", "abuse and harassment")
            reason = old.reason if old.triage is Triage.REPORT else "sorted as one to report by you"
        else:
            clause = category = None
            reason = "sorted by you"
        opening = old.opening or ("question" if "question" in old.reason else "criticism")
        verdict = Verdict(
            triage,
            reason,
            old.findings,
            clause=clause,
            category=category,
            police=old.police and triage is Triage.REPORT,
            do_not_amplify=old.do_not_amplify,
            opening=opening,
            corrected=True,
        )
        if triage is Triage.REPORT and old.triage is not Triage.REPORT:
            # Nothing was found to quote: a field for the officer to say what is wrong.
            said = replace(verdict, reason="[Say what makes it abuse]")
            report = report_text(triaged.reply, said, self.policy, self.clause_titles)
            return triaged.with_verdict(verdict, report, "")
        return self.worded(triaged, verdict)

    def triage_all(
        self,
        replies: Iterable[Reply],
        corrections: Callable[[str], Triage | None] | None = None,
    ) -> Iterator[Triaged]:
        for reply in replies:
            yield self.triage(reply, corrections(reply.key) if corrections else None)
