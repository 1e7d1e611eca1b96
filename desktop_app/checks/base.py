"""What every check kind shares: the compiled rule, its keys, the text context, the prefilter.

Patterns are in patterns.py, reading a key's value in values.py.

A rule file is compiled once (desktop_app.policy) into a `Rule` subclass from one of the
kind modules; the engine (desktop_app.engine) then calls `rule.find(ctx)` for each
paragraph (or once for the whole text when `rule.document_level`). Spans in findings are
Python indices into `ctx.text`; the engine shifts paragraph findings to document positions.

Problems in a rule are raised as `RuleError(key, message)` while compiling, so the loader
can name the file, line and key and carry on with the rest of the pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

import re2

from desktop_app.checks import vale
from desktop_app.checks.lexicon import NO_LEXICON, Lexicon
from desktop_app.checks.lookaround import GuardedPattern, PatternUnion
from desktop_app.checks.patterns import (
    OPTIONS,
    ChunkedPattern,
    LazyPattern,
    byte_groups,
    byte_spans,
    compile_words,
    in_runs,
    merge_spans,
)
from desktop_app.checks.values import RuleError, flag, number, shown, str_list, text_value
from desktop_app.checks.wordset import WordSet
from desktop_app.core.findings import CATEGORIES, DEFAULT_SEVERITY, LEVEL_TO_SEVERITY, Finding, Severity
from desktop_app.core.findings import Suggestion as Suggestion  # re-exported for the kind modules


class PackFiles(Protocol):
    """What a rule may read from the policy pack besides its own file (the pack implements it;
    checks never read a policy folder themselves)."""

    def word_list(self, name: str, key: str) -> list[str]:
        """The entries of a plain list file (`do-not-amplify.txt`) by the overlay rule; [] when
        no folder has it. RuleError(key, ...) for a name outside the policy folders."""

    def data_file(self, name: str, key: str, load: Callable[[Path], Any]) -> Any:
        """`load(path)` of a data file (`models/offence-score.json`) by the overlay rule: a
        version `load` refuses (ValueError) is reported and the earlier one used. RuleError
        when no folder has a usable one, or for a name outside the policy folders."""


class NoFiles:
    def word_list(self, name: str, key: str) -> list[str]:
        return []

    def data_file(self, name: str, key: str, load: Callable[[Path], Any]) -> Any:
        raise RuleError(key, f"{name!r}: there are no policy folders to find it in")


@dataclass
class RuleSpec:
    """A parsed rule file, before compiling: what a kind module needs to build its Rule."""

    id: str
    path: Path
    data: dict[str, Any]
    principles: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()
    clause_principles: Mapping[str, str] = field(default_factory=dict)  # clause -> principle it upholds
    files: PackFiles = field(default_factory=NoFiles)  # plain lists such as do-not-amplify.txt
    # The en_GB word list that tells names from common words (checks/lexicon.py), loaded on
    # first call and shared; the pack provides it, so no kind reads the dictionary itself.
    lexicon: Callable[[], Lexicon] = field(default=lambda: NO_LEXICON)


# --- the text a rule looks at: word boundaries, messages ---------------------------------


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def on_word_boundary(text: str, start: int, end: int) -> bool:
    """RE2's \\b is ASCII-only; this rejects matches glued to non-ASCII letters ('cafés')."""
    if start > 0 and start < len(text) and is_word_char(text[start]) and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and end > 0 and is_word_char(text[end - 1]) and is_word_char(text[end]))


def fill_message(template: str, *values: str) -> str:
    """Vale's `%s` placeholders, filled in order; never fails on a stray `%`."""
    out, i = [], 0
    parts = template.split("%s")
    for n, part in enumerate(parts):
        out.append(part)
        if n < len(parts) - 1:
            out.append(values[i] if i < len(values) else (values[-1] if values else ""))
            i += 1
    return "".join(out)


def match_case(replacement: str, matched: str) -> str:
    """'Leverage' -> 'Use': keep a capital (or all capitals) the writer typed."""
    if not replacement or not matched:
        return replacement
    if matched.isupper() and len(matched) > 1 and replacement.islower():
        return replacement.upper()
    if matched[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# --- the text a rule looks at ---------------------------------------------------------------


_LEAD_BYTES = bytes(0 if (b & 0xC0) == 0x80 else 1 for b in range(256))  # 1 for a character's first byte


@lru_cache(maxsize=4096)
def _normalise(text: str, words=None):
    """normalise_for_matching, remembered: a one-paragraph post is both the paragraph and
    the document, and unchanged paragraphs come back on every keystroke."""
    from desktop_app.core.evasion import normalise_for_matching

    return normalise_for_matching(text, words)


class _view:
    """functools.cached_property without its lock: Python 3.11 takes a class-wide lock on
    every first access, a cost paid several times per post. A view is a pure function of
    the context, so two threads computing one at once would only do the work twice."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, ctx, owner=None):
        if ctx is None:
            return self
        value = ctx.__dict__[self.name] = self.compute(ctx)  # found there from now on
        return value


@dataclass
class TextContext:
    """A paragraph (or the whole post) with lazily computed views shared by all rules."""

    text: str
    platform_fits: list = field(default_factory=list)  # PlatformFit for the chosen networks (whole text)
    # The organisation's public contact (email, phone, address, name) that a fix for private
    # details offers instead; the engine hands it over (policy contact.yml, Preferences).
    contact: Mapping[str, str] = field(default_factory=dict)
    networks: tuple[str, ...] = ()  # the networks the post is for, when known (wording of advice)
    # The conduct rules' words (core.evasion.EvasionWords), so "iddiottt" and "id**t" read as
    # "idiot"; the engine passes the pack's, None reads only the generic disguises.
    evasion_words: object = None

    _encoded: dict = field(default_factory=dict, repr=False)
    _tables: dict = field(default_factory=dict, repr=False)
    # Views one kind computes and its other rules reuse (the attack kind's tokens).
    memo: dict = field(default_factory=dict, repr=False)

    def encoded(self, haystack: str) -> bytes:
        data = self._encoded.get(haystack)
        if data is None:
            data = self._encoded[haystack] = haystack.encode("utf-8")
        return data

    def spans(self, regex, haystack: str) -> list[tuple[int, int]]:
        """Match spans of an RE2 pattern in `haystack` (ctx.text or ctx.normalised.text).

        RE2's Python wrapper re-encodes a str and converts every offset on each call; we
        encode each haystack once and match bytes (about 5x faster for a post). ASCII text
        has the same offsets in bytes; otherwise a byte -> character table maps them back.
        A long word list (WordSet) matches the str itself."""
        if type(regex) is ChunkedPattern:  # a long list in pieces: each on bytes, as one
            return merge_spans(span for part in regex.parts for span in self.spans(part, haystack))
        if isinstance(regex, WordSet | GuardedPattern | PatternUnion):
            return regex.spans(haystack)
        if type(regex) is LazyPattern:
            regex = regex.compiled()
        data = self.encoded(haystack)
        found = byte_spans(regex, data)
        if not found or len(data) == len(haystack):
            return found
        table = self._char_offsets(haystack, data)
        return [(table[s], table[e]) for s, e in found]

    def group_spans(self, regex, haystack: str) -> list[list[tuple[int, int]]] | None:
        """Each match of an RE2 pattern in `haystack`: its span, then each group's ((-1, -1)
        for one that took no part), in characters, as the wrapper's Match objects give them.
        None for a pattern that is not plain RE2 (a guarded one): use its finditer."""
        if type(regex) is LazyPattern:
            regex = regex.compiled()
        data = self.encoded(haystack)
        found = byte_groups(regex, data)
        if not found or len(data) == len(haystack):
            return found
        table = self._char_offsets(haystack, data)
        return [[(table[s], table[e]) if s >= 0 else (s, e) for s, e in spans] for spans in found]

    def read_as(self, other: TextContext) -> None:
        """Take over what `other`, a context of the same text and evasion words, has read
        already: encodings, normalised form, sentences, words (each a function of those
        alone). The engine's one-paragraph post is both its paragraph and its document."""
        if other.text != self.text or other.evasion_words is not self.evasion_words:
            return
        self._encoded, self._tables = other._encoded, other._tables
        for name in _SHARED_VIEWS:
            if name in other.__dict__:
                self.__dict__.setdefault(name, other.__dict__[name])

    def _char_offsets(self, haystack: str, data: bytes) -> list[int]:
        table = self._tables.get(haystack)
        if table is None:
            # character index of each byte offset = UTF-8 lead bytes before it
            table = self._tables[haystack] = [0, *accumulate(data.translate(_LEAD_BYTES))]
        return table

    @_view
    def normalised(self):
        return _normalise(self.text, self.evasion_words)

    @_view
    def sentences(self):
        from desktop_app.core.text import sentences

        return sentences(self.text)

    @_view
    def paragraphs(self):
        from desktop_app.core.text import paragraphs

        return paragraphs(self.text)

    @_view
    def words(self):
        from desktop_app.core.text import words

        return words(self.text)

    @_view
    def word_texts(self) -> list[str]:
        """The text of each of `words`, without building spans (cheaper for a quick scan)."""
        return self._sentence_words[1]

    @_view
    def sentence_word_texts(self) -> list[list[str]]:
        """`word_texts` sentence by sentence (one list per item of `sentences`)."""
        return self._sentence_words[0]

    @_view
    def _sentence_words(self):
        from desktop_app.core.text import sentence_word_texts  # the text's words read once for both

        return sentence_word_texts(self.text, self.sentences)


_SHARED_VIEWS = (
    "normalised",
    "sentences",
    "paragraphs",
    "words",
    "word_texts",
    "sentence_word_texts",
    "_sentence_words",
)

# --- the compiled rule ---------------------------------------------------------------------

SCOPES = ("text", "paragraph", "sentence")


class Rule:
    """A compiled rule. Subclasses set `kind` and `keys`, parse their keys in `compile()`
    and implement `find(ctx)`."""

    kind = ""
    # The keys a rule of this kind accepts besides COMMON_KEYS; any other key is reported
    # (policy loader), as Vale reports one. `vale_keys`: Vale's keys for the kind that we
    # accept from Vale styles but do not act on yet.
    keys: frozenset[str] = frozenset()
    vale_keys: frozenset[str] = frozenset()
    default_category = "style"
    # Whole-post rules run once per analysis; the rest run per paragraph and are cached.
    document_level = False
    # Wide findings (a sentence, a paragraph, the overflow) never hide, nor are hidden by,
    # another rule's findings on the same words (see engine.one_card_per_words).
    wide = False
    # Conduct rules match through look-alikes, zero-width characters and spacing.
    evasion_capable = True
    nonword = False  # `nonword: true`: match anywhere, not only on whole words
    notes: tuple = ()  # problems that cost an entry, not the rule (set by the policy loader)
    vale = False
    units = None
    limit = 0
    action = None

    def __init__(self, spec: RuleSpec):
        d = spec.data
        self.spec = spec
        self.id = spec.id
        self.path = spec.path
        self.name = spec.path.stem
        self.message = text_value(d, "message")
        self.why = text_value(d, "why")
        self.link = text_value(d, "link")
        self.ignorecase = flag(d, "ignorecase")
        self.principle = d.get("principle")
        self.clause = d.get("clause")
        if self.principle is not None and self.clause is not None:
            raise RuleError("clause", "a rule serves one principle or one clause, not both")
        if self.principle is not None:
            self.principle = str(self.principle)
            if self.principle not in spec.principles:
                raise RuleError("principle", f"unknown principle {self.principle!r}")
        if self.clause is not None:
            self.clause = str(self.clause)
            if self.clause not in spec.clauses:
                raise RuleError("clause", f"unknown clause {self.clause!r}")
            # principles.yml may say which principle a clause also upholds; findings carry both
            self.principle = spec.clause_principles.get(self.clause)
        category = d.get("category")
        if category is None:
            category = self.default_category if (self.principle or self.clause) else "style"
        category = str(category)
        if category not in CATEGORIES:
            raise RuleError("category", f"unknown category {category!r}")
        self.category = category
        if ("examples" in d or "category" in d) and not (self.principle or self.clause):
            raise RuleError("principle", "a rule with a category or examples must name a principle or clause")
        # A plain Vale style (no principle, no clause) follows Vale's semantics (checks/vale.py).
        self.vale = not (self.principle or self.clause)
        level = d.get("level")
        if level is None:
            self.severity = DEFAULT_SEVERITY[category]
        elif str(level) in LEVEL_TO_SEVERITY:
            self.severity = LEVEL_TO_SEVERITY[str(level)]
        else:
            raise RuleError("level", f"unknown level {level!r} (use error, warning or suggestion)")
        if self.vale and self.severity is Severity.MUST_FIX:
            self.severity = Severity.ADVICE  # only the party's conduct policy is must-fix
        listed = self.vale and isinstance(d.get("scope"), list)  # Vale: several scopes
        scope = "text" if listed else text_value(d, "scope", "text")
        self.scope = scope if scope in SCOPES else "text"  # Vale's markup scopes mean the whole post here
        # Vale: the parts of a post the rule looks at (None: our own rules' scope handling).
        self.units = vale.scope_kinds(d.get("scope")) if self.vale else None
        self.limit = number(d, "limit", 0, int)  # Vale: at most this many alerts (0: no limit)
        self.action = vale.parse_action(d.get("action"))
        self.examples_flag, self.examples_pass = self._examples(d.get("examples"))
        # Conduct rules see through disguised spellings by default; `evasion` overrides it,
        # e.g. for swearing, which is advice but typed to dodge filters all the same.
        evasion = d.get("evasion", bool(self.clause))
        if not isinstance(evasion, bool):
            raise RuleError("evasion", f"use true or false, not {evasion!r}")
        self.evasion = evasion and self.evasion_capable
        # `masked: first`: people mask this rule's words (slurs, swearing), so a masked spelling
        # that fits one of them and some other listed word reads as this rule's ("n***ers").
        masked = text_value(d, "masked", "")
        if masked not in ("", "first"):
            raise RuleError("masked", f"use first, not {masked!r}")
        self.masked_first = masked == "first"
        exceptions = str_list(d.get("exceptions"), "exceptions")
        # Exceptions ignore case unless `exceptions_case: sensitive`, which lets a rule tell
        # "Dick" (a name: Cressida Dick) from "dick" (an inline (?i:...) still ignores case).
        # Vale matches exceptions as written (case-sensitive).
        exceptions_case = text_value(d, "exceptions_case", "sensitive" if self.vale else "insensitive")
        if exceptions_case not in ("sensitive", "insensitive"):
            raise RuleError("exceptions_case", f"use sensitive or insensitive, not {exceptions_case!r}")
        self.exceptions = (
            compile_words(exceptions, "exceptions", ignorecase=exceptions_case == "insensitive")
            if exceptions
            else None
        )
        self.compile(d)

    @classmethod
    def unknown_keys(cls, data: Mapping) -> list[tuple[str, str]]:
        """(key, message) for each key of `data` this kind does not accept, nested ones
        (examples.flg) included, with the nearest known key as a hint."""
        known = COMMON_KEYS | VALE_COMMON_KEYS | cls.keys | cls.vale_keys
        out = []
        for key in data:
            name = str(key)
            if name not in known:
                out.append((name, _unknown(name, f"a rule of kind `{cls.kind}`", known)))
        examples = data.get("examples")
        if isinstance(examples, Mapping):
            for key in examples:
                if str(key) not in ("flag", "pass"):
                    out.append((f"examples.{key}", _unknown(str(key), "`examples`", {"flag", "pass"})))
        return out

    @staticmethod
    def _examples(value) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if value is None:
            return (), ()
        if not isinstance(value, Mapping):
            raise RuleError("examples", "expected 'flag:' and 'pass:' lists")
        return tuple(str_list(value.get("flag"), "examples.flag")), tuple(
            str_list(value.get("pass"), "examples.pass")
        )

    # -- for subclasses --

    def compile(self, d: dict[str, Any]) -> None:
        """Parse kind-specific keys; raise RuleError(key, message) when one is wrong."""

    def find(self, ctx: TextContext) -> list[Finding]:
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load anything slow this rule needs (Analyzer.warm_up calls it off the GUI thread)."""

    def evasion_words(self) -> list[str]:
        """Single words this rule looks for through evasion, so their stretched, masked or
        emoji-split spellings are read back (core.evasion.EvasionWords)."""
        return []

    def probe(self) -> tuple[str | list[str], bool] | None:
        """(pattern, on the normalised text?) that must match somewhere for this rule to
        find anything, or None to always run; the pattern may be a list, any of which may
        match. Used by Prefilter to skip rules quickly."""
        return None

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        message: str | None = None,
        suggestions: Iterable[Suggestion] = (),
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            start=start,
            end=end,
            text=text[start:end],
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            message=message if message is not None else fill_message(self.message, text[start:end]),
            why=self.why,
            principle=self.principle,
            clause=self.clause,
            suggestions=tuple(suggestions),
            link=self.link,
        )

    def unit_spans(self, ctx: TextContext) -> list[tuple[int, int]] | None:
        """The spans of ctx.text this rule looks at (its Vale scope); None: all of it."""
        if self.units is None:
            return None
        return vale.unit_spans(self.units, ctx.text, ctx.sentences, ctx.paragraphs)

    def excepted_spans(self, text: str, ctx: TextContext | None = None) -> list[tuple[int, int]]:
        if self.exceptions is None:
            return []
        if ctx is not None:
            return ctx.spans(self.exceptions, text)
        return [m.span() for m in self.exceptions.finditer(text)]

    def matches(self, regex, ctx: TextContext, use_evasion: bool | None = None) -> Iterator[tuple[int, int]]:
        """Spans (in ctx.text) of `regex` matches on whole words, evasion-normalised for
        conduct rules, minus this rule's exceptions."""
        evasion = self.evasion if use_evasion is None else use_evasion
        if self.vale and not evasion:
            yield from self._vale_matches(regex, ctx)
            return
        if evasion:
            norm = ctx.normalised
            haystack = norm.text
        else:
            haystack = ctx.text
        skip = None  # the exceptions are only looked for once there is a match
        for s, e in ctx.spans(regex, haystack):
            if s == e or (not self.nonword and not on_word_boundary(haystack, s, e)):
                continue
            if skip is None:
                skip = self.excepted_spans(haystack, ctx)
            if any(a <= s and e <= b for a, b in skip):
                continue
            if evasion:
                s, e = norm.to_original(s, e)
                if s >= e:
                    continue
            yield s, e

    def _vale_matches(self, regex, ctx: TextContext) -> Iterator[tuple[int, int]]:
        """Vale's way: in each unit of the rule's scope; a match is excepted when an exception
        occurs inside it, or it lies inside an exception phrase of the text."""
        text = ctx.text
        units = self.unit_spans(ctx)
        for a, b in [(0, len(text))] if units is None else units:
            haystack = text[a:b]
            skip = None
            for s, e in ctx.spans(regex, haystack):
                if s == e or (not self.nonword and not on_word_boundary(haystack, s, e)):
                    continue
                if self.exceptions is not None:
                    if self.exceptions.search(haystack[s:e].strip()) is not None:
                        continue
                    if skip is None:
                        skip = self.excepted_spans(haystack, ctx)
                    if any(x <= s and e <= y for x, y in skip):
                        continue
                yield a + s, a + e

    def action_suggestions(self, matched: str, start: int, end: int) -> list[Suggestion]:
        """Vale's `action` as suggestions for the matched words (none without an action)."""
        if self.action is None:
            return []
        out = []
        for replacement in self.action(matched):
            if replacement != matched:
                out.append(Suggestion(replacement, start, end, label=replacement or "Remove"))
        return out


# Keys every kind accepts (read by Rule itself), and Vale's own keys for every rule that we
# accept and do not act on yet (so a Vale style still loads).
COMMON_KEYS = frozenset(
    {"extends", "message", "level", "ignorecase", "scope", "link", "principle", "clause", "category",
     "why", "examples", "exceptions", "exceptions_case", "evasion", "masked", "action", "limit"}
)  # fmt: skip
VALE_COMMON_KEYS = frozenset({"description", "name"})


def _unknown(key: str, where: str, known: Iterable[str]) -> str:
    close = get_close_matches(key, sorted(known), n=1, cutoff=0.7)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    return f"unknown key `{shown(key, 40).strip(chr(39))}` in {where}{hint}"


# A bounded gap ("[^\n]{0,140}") compiles to as many states as its bound; a probe only has to
# over-match its rule, so the prefilter reads it as unbounded, which RE2 compiles as one loop.
_BOUNDED_GAP = re.compile(r"\{0,\d+\}")
# About this much pattern text per RE2 set: each set compiles in a few milliseconds (it holds
# the GIL meanwhile, and the engine warms up while the window is live).
_SET_BUDGET = 12_000


def _loosened(pattern: str) -> str:
    return _BOUNDED_GAP.sub("*", pattern)


def _chunks(probes: list[tuple[str, list[int]]]) -> list[list[tuple[str, list[int]]]]:
    """`probes` in runs of about _SET_BUDGET characters of pattern (one larger probe alone)."""
    return in_runs(probes, lambda probe: len(probe[0]), _SET_BUDGET)


class Prefilter:
    """Which rules could fire on a text, from one RE2 Set pass over it (and one over its
    normalised form) instead of one search per rule. A rule's probe only ever over-matches
    its own patterns, so skipping a rule never loses a finding."""

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        # (normalised?, RE2 set, the rules each of its patterns stands for)
        self._sets: list[tuple[bool, object, list[list[int]]]] = []
        self._always: list[int] = []
        groups: dict[bool, list[tuple[int, str]]] = {False: [], True: []}
        for i, rule in enumerate(self.rules):
            probe = rule.probe()
            if probe is None or probe[0] is None:
                self._always.append(i)
            elif isinstance(probe[0], str):
                groups[probe[1]].append((i, probe[0]))
            else:  # a long list's pieces (patterns.probe_patterns): any one may pick the rule
                groups[probe[1]].extend((i, piece) for piece in probe[0])
        for normalised, items in groups.items():
            if not items:
                continue
            # rules with the same probe (two kinds over one word list) share one entry
            owners: dict[str, list[int]] = {}
            for i, pattern in items:
                owners.setdefault(_loosened(pattern), []).append(i)
            for chunk in _chunks(list(owners.items())):
                self._add_sets(normalised, chunk)

    def _add_sets(self, normalised: bool, probes: list[tuple[str, list[int]]]) -> None:
        """One RE2 set for `probes`, or, when that is too large for RE2's memory budget, as
        few as it takes (halves, and halves of those): a pass more over the text each, where
        one rule too large alone simply always runs."""
        try:
            rset = re2.Set.SearchSet(OPTIONS)
            for pattern, _ in probes:
                rset.Add(pattern)
            # Matches every text: missing from the hits, the match itself failed (RE2
            # says "no match" when its automaton runs out of memory on a long text).
            rset.Add("")
            rset.Compile()  # raises when the set is too large for RE2
        except Exception:
            if len(probes) == 1:
                self._always.extend(probes[0][1])
                return
            half = len(probes) // 2
            self._add_sets(normalised, probes[:half])
            self._add_sets(normalised, probes[half:])
            return
        self._sets.append((normalised, rset, [rules for _, rules in probes]))

    def candidates(self, ctx: TextContext) -> list[Rule]:
        chosen = set(self._always)
        for normalised, rset, owners in self._sets:
            haystack = ctx.normalised.text if normalised else ctx.text
            hits = rset.Match(ctx.encoded(haystack))
            if len(owners) not in hits:  # the sentinel did not match: the search failed
                return list(self.rules)
            for h in hits:
                if h < len(owners):
                    chosen.update(owners[h])
        return [self.rules[i] for i in sorted(chosen)]


def remove_span(text: str, start: int, end: int) -> Suggestion:
    """A suggestion deleting text[start:end], the join tidied (core/splice.remove): one space
    or none, no stranded comma, and a capital for a word that now opens the sentence."""
    from desktop_app.core.splice import remove

    spliced = remove(text, start, end)
    return Suggestion(spliced.replacement, spliced.start, spliced.end, label="Remove")


_SIMPLE = re.compile(r"[A-Za-z'-]+(?:\(\?:[A-Za-z|'-]*\)\??|[A-Za-z]\?)?")


def simple_words(tokens) -> list[str]:
    """The plain words among a rule's tokens: "idiot", "idiots?" (both forms), "scum(?:bags?)?"
    is left out (only a word with one optional ending or a group of endings is expanded)."""
    out = []
    for token in tokens:
        if not _SIMPLE.fullmatch(token):
            continue
        if "(" in token:
            stem, rest = token.split("(?:", 1)
            group, optional = rest.split(")", 1)
            endings = group.split("|") + ([""] if optional == "?" else [])
            out.extend(stem + e for e in endings)
        elif token.endswith("?"):
            out.extend([token[:-2], token[:-1]])
        else:
            out.append(token)
    return [w for w in out if w.isalpha()]
