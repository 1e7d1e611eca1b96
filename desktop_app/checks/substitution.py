"""`substitution` (Vale): flag a `swap` key and suggest its value (`a|b` gives two).

Swaps keep the grammar of the sentence they go into (core/splice.py): the article before
them agrees ("an overall aim"), a determiner the value already has replaces the one in the
text ("all stakeholders" -> "everyone involved"), and the value takes a capital only at the
start of a sentence. Beyond Vale's plain `key: value`, an entry may carry its forms:

    leverage: {verb: use}           leverage/leverages/leveraged/leveraging -> use/uses/used/using
    stakeholder: {noun: person affected/people affected}   singular and plural
    drive down (costs|bills): cut $1                       a group of the key kept in the value

Irregular forms come from `forms` (vocab/word-forms.yml). Keys: `swap`, `forms`, `absorb`
(words just before a match that the value replaces too: "typical Tory scum" -> "the
Conservatives"), `names: true` (the values are names of groups of people: a label opening a
sentence before ", cutting ..." becomes "The Conservatives are cutting ...").

As in Vale, text that is already what the rule asks for is left alone ("JavaScript" with
`javascript: JavaScript`), and `nonword: true` drops the word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message
from desktop_app.checks.patterns import compile_re, compile_words, drop_entry, is_literal, probe_patterns
from desktop_app.checks.values import RuleError, flag, str_list
from desktop_app.core.morphology import NO_FORMS, VERB_FORMS, WordForms, parse_word_forms
from desktop_app.core.splice import fit, starts_sentence

_GROUP_REF = re.compile(r"\$(\d)")
_PHRASE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # letters and spaces: compared as written
_PARTICIPLE_CLAUSE = re.compile(r"^,[ \t]+([a-z]+ing)\b")


class SubstitutionRule(Rule):
    kind = "substitution"
    keys = frozenset({"swap", "forms", "absorb", "names", "nonword"})
    vale_keys = frozenset({"pos", "vocab", "capitalize"})
    default_category = "jargon"

    def compile(self, d):
        raw = d.get("swap")
        if raw is None or (isinstance(raw, Mapping) and not raw):
            raise RuleError("swap", "a substitution rule needs a `swap` mapping")
        if not isinstance(raw, Mapping):
            raise RuleError("swap", f"expected a mapping of 'words: replacement', got {type(raw).__name__}")
        try:
            self.forms = parse_word_forms(d.get("forms")) if d.get("forms") is not None else NO_FORMS
        except ValueError as exc:
            raise RuleError("forms", str(exc)) from None
        swap = self._expand(raw)
        fold = self.ignorecase or self.evasion
        self.nonword = flag(d, "nonword")
        self.literal: dict[str, list[str]] = {}
        # (literal start of the key, pattern, options): only keys whose literal start fits the
        # matched words are tried, not the whole list
        self.patterned: list[tuple[str, object, list[str]]] = []
        self.expected: dict[str, object] = {}  # replacement -> pattern the right text matches
        for key, options in list(swap.items()):
            if is_literal(key):
                self.literal.setdefault(key.lower() if fold else key, options)
                continue
            try:
                regex = compile_re(f"(?:{key})", f"swap.{key}", fold, self.vale)
            except RuleError as bad:
                drop_entry(bad)  # one swap RE2 cannot run costs only itself
                del swap[key]
                continue
            prefix = _literal_prefix(key)
            self.patterned.append((prefix.lower() if fold else prefix, regex, options))
        if not swap:
            raise RuleError("swap", "no `swap` entry can run")
        self.fold = fold
        self._known: dict[str, list[str]] = {}
        self._words = [k for k in swap if k.isalpha()] if self.evasion else []
        self.regex = compile_words(swap, "swap", fold, self.nonword, self.vale)
        self.absorb = frozenset(w.lower() for w in str_list(d.get("absorb"), "absorb"))
        self.names = flag(d, "names")

    def _expand(self, raw: Mapping) -> dict[str, list[str]]:
        """key -> options, with each `{verb: ...}` / `{noun: ...}` entry written out in all
        its forms. A plain entry for a form wins over a generated one."""
        plain: dict[str, list[str]] = {}
        generated: dict[str, list[str]] = {}
        for key, value in raw.items():
            key = str(key)
            if isinstance(value, Mapping):
                generated.update(self._forms_of(key, value))
                continue
            if value is None or isinstance(value, bool | list) or not str(value).strip():
                raise RuleError(f"swap.{key}", f"{key!r} has no replacement")
            plain[key] = _options(str(value))
        return {**generated, **plain}

    def _forms_of(self, key: str, value: Mapping) -> dict[str, list[str]]:
        where = f"swap.{key}"
        if len(value) != 1 or next(iter(value)) not in ("verb", "noun"):
            raise RuleError(where, "write a swap's forms as {verb: ...} or {noun: ...}")
        ((pos, replacement),) = value.items()
        if not isinstance(replacement, str) or not replacement.strip():
            raise RuleError(where, f"{key!r} has no replacement")
        if not is_literal(key):
            raise RuleError(where, "a {verb: ...} or {noun: ...} key must be plain words, not a pattern")
        options = _options(replacement)
        forms = self.forms
        if pos == "verb":
            out: dict[str, list[str]] = {}
            for form in VERB_FORMS:
                written = forms.verb_form(key, form)
                out.setdefault(written, [forms.verb_form(o, form) for o in options])
            return out
        singular = forms.noun_form(key, plural=False)
        plural = forms.noun_form(key, plural=True)
        return {
            singular: [forms.noun_form(o, plural=False) for o in options],
            plural: [forms.noun_form(o, plural=True) for o in options],
        }

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

    def evasion_words(self):
        return self._words

    def probe(self):
        return probe_patterns(self.regex), self.evasion

    def _options_for(self, matched: str) -> list[str]:
        # Remembered per spelling: a long list of patterned keys is tried one by one, and
        # the same words come back on every keystroke.
        found = self._known.get(matched)
        if found is None:
            if len(self._known) > 4096:
                self._known.clear()
            found = self._known[matched] = self._look_up(matched)
        return found

    def _look_up(self, matched: str) -> list[str]:
        key = matched.lower() if self.fold else matched
        key = " ".join(key.split())
        if key in self.literal:
            return self.literal[key]
        start = matched.lower() if self.fold else matched
        for prefix, regex, options in self.patterned:
            if start.startswith(prefix):
                m = regex.fullmatch(matched)
                if m:
                    return [_fill_groups(o, m) for o in options]
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
            if options and self._already_right("|".join(options), matched.strip()):
                continue
            shouting = matched.isupper() and len(matched) > 1
            replacements = [o.upper() if shouting and o.islower() else o for o in options]
            message = fill_message(
                self.message or "Try '%s' instead of '%s'.", "' or '".join(replacements), matched
            )
            suggestions = [self._suggestion(text, s, e, r) for r in replacements]
            out.append(self.finding(text, s, e, message, suggestions))
        return out

    def _suggestion(self, text: str, s: int, e: int, replacement: str) -> Suggestion:
        start = s
        if self.absorb:
            before = re.search(r"([A-Za-z’']+)[ \t]+$", text[:start])
            if before is not None and before.group(1).lower() in self.absorb:
                start = before.start()
        if self.names:
            # "Typical Tory scum, cutting our bus routes" -> "The Conservatives are cutting ..."
            after = _PARTICIPLE_CLAUSE.match(text[e:])
            if after is not None and starts_sentence(text, start):
                # the verb goes into the replacement, so the button reads "The Conservatives
                # are cutting", not "The Conservatives are"
                replacement += " are " + after.group(1)
                e += after.end()
        spliced = fit(text, start, e, replacement, keep_case=self.names)
        return Suggestion(spliced.replacement, spliced.start, spliced.end, label=spliced.replacement.strip())


def _options(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _fill_groups(option: str, match) -> str:
    """'cut $1' with the key's first group: "drive down costs" -> "cut costs"."""
    if "$" not in option:
        return option

    def group(m: re.Match) -> str:
        try:
            return match.group(int(m.group(1))) or ""
        except Exception:  # no such group in the key: the reference is dropped
            return ""

    return " ".join(_GROUP_REF.sub(group, option).split())


def _squash(text: str) -> str:
    from desktop_app.core.evasion import normalise_for_matching

    return normalise_for_matching(text).text


def _literal_prefix(pattern: str) -> str:
    """The plain text a pattern starts with ("deliver" of "deliver(?:s|ed)?"); "" if none, or
    when the pattern has alternatives at its top level ("a|b")."""
    depth = 0
    for i, c in enumerate(pattern):
        if c == "\\":
            continue
        if c == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif c == ")" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif c == "|" and depth == 0 and (i == 0 or pattern[i - 1] != "\\"):
            return ""
    out = []
    for i, c in enumerate(pattern):
        if not (c.isalnum() or c in " '-"):
            break
        nxt = pattern[i + 1 : i + 2]
        if nxt in ("?", "*", "{"):
            break  # this character is optional
        out.append(c)
    return "".join(out)


__all__ = ["SubstitutionRule", "WordForms"]
