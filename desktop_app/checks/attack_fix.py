"""Rewrites for personal attacks: keep the target, turn to what they did.

A program cannot know what the minister did; the writer does. So where an insult is the
whole point of the words, the rewrite is a template with fill-in fields the writer
completes ("Councillor Hart was wrong to [what they did] because [why it matters to
residents]"); an unfilled field is itself a must-fix finding (the `unfinished` kind). Where
the sentence stands without the insult, nothing needs filling in:

- a name-calling aside: "@x you absolute coward, answer the question" -> "@x answer the question"
- a reason that follows: "Tory voters are morons if they believe this" -> "... are wrong if ..."

Templates: `{target}` (who was named), `{possessive}` (their possessive), `{was}` (was or
were), `{are}` (is or are), `{they}` (they, or you when the target is "you"). Fields are the
[bracketed] prompts. A rule's `rewrites` chooses a template by the insult:
`[{when: [liar, lying], rewrite: "{target} said [what they said], but [what the record shows]"}]`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, str_list, text_value
from desktop_app.core.findings import Suggestion
from desktop_app.core.fixes import field_spans
from desktop_app.core.morphology import NO_FORMS, WordForms
from desktop_app.core.splice import fit, remove

DEFAULT_REWRITE = "{target} {was} wrong to [what {they} did] because [why it matters to residents]"
_YOU = frozenset(["you", "u", "ya", "youre", "ure", "your", "ur", "you're", "you’re"])
_PLURAL_PRONOUNS = frozenset(["they", "them", "we", "us"])
_SUBJECT = {"him": "he", "them": "they", "her": "she", "us": "we"}
_POSSESSIVE = {"he": "his", "she": "her", "they": "their", "we": "our", "him": "his", "them": "their"}
# After the insult, words that give the reason for the judgement: "morons if they think ..."
_REASON = re.compile(r"[ \t]+(?:if|for|when|on|over|about|because|since)\b", re.IGNORECASE)
# The verb that links the target to the insult; the insult's phrase starts after its last one
_LINK = re.compile(
    r"(?:\b(?:is|are|was|were|am|be|been|being|become|becomes|became|seems?|seemed|remains?|remained)\b"
    r"|['’](?:s|re|m)\b)[ \t]*",
    re.IGNORECASE,
)
# What an insult's phrase may run on with: "a clown who has no idea ...", "a disgrace to this town"
_RUNS_ON = re.compile(
    r"[ \t]+(?:(?:who|that|which)\b[^.!?;\n]*"
    r"|(?:to|of)[ \t]+(?:this|the|our|their|his|her|your|my)[ \t]+[\w-]+)",
    re.IGNORECASE,
)
# "Is Councillor Grant an idiot ...?" asked about what they did
_QUESTION = "{Was} {target} wrong to [what {they} did]"
# "a disgrace to Leeds", "a shame for Barnsley": a place named after the insult
_TO_PLACE = re.compile(r"[ \t]+(?:to|of|for)[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})\b")
_ASIDE_END = re.compile(r"[ \t]*[,!][ \t]*(?=\S)")


def parse_rewrites(default: str, value) -> list[tuple[object, str]]:
    """(insult pattern or None, template) pairs, the default last; RuleError for a bad one."""
    _check_template(default, "rewrite")
    out: list[tuple[object, str]] = []
    if value is not None:
        if not isinstance(value, list):
            raise RuleError("rewrites", "expected a list of {when: [insults], rewrite: template}")
        for i, item in enumerate(value):
            key = f"rewrites[{i}]"
            if not isinstance(item, Mapping) or set(map(str, item)) != {"when", "rewrite"}:
                raise RuleError(key, "each entry needs `when` (insults) and `rewrite` (a template)")
            template = text_value(item, "rewrite")
            _check_template(template, f"{key}.rewrite")
            out.append((compile_words(str_list(item["when"], f"{key}.when"), f"{key}.when", True), template))
    out.append((None, default))
    return out


def _check_template(template: str, key: str) -> None:
    try:
        template.format(target="X", possessive="X's", was="was", Was="Was", are="is", they="they")
    except (KeyError, IndexError, ValueError) as exc:
        raise RuleError(
            key, f"bad template (use {{target}}, {{possessive}}, {{was}}, {{are}}, {{they}}): {exc}"
        ) from None


def rewrite_suggestions(
    text: str,
    s: int,
    e: int,
    target: str,
    shape: str,
    default: str,
    rewrites: list[tuple[object, str]],
    group: bool = False,
    forms: WordForms = NO_FORMS,
    is_insult=None,
) -> list[Suggestion]:
    """The suggestions for an attack at text[s:e] on `target` (a predicate, contracted,
    address or exclaim shape), best first."""
    aside = _aside(text, s, e, target, shape)
    if aside is not None:
        return [aside]
    reason = _reason(text, s, e, shape)
    if reason is not None:
        return [reason]
    action = _action(text, s, e, target, shape, forms)
    if action is not None:
        return [action]
    first = text[s:e]  # the template goes by the first insult
    if is_insult is not None:
        e = _more_insults(text, e, is_insult)  # "a clown, a liar and a coward" goes whole
    return [_template(text, s, e, target, default, rewrites, group, first)]


_LISTED = re.compile(
    r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?:an?[ \t]+)?(?:[\w-]+[ \t]+)??([\w-]+)\b"
)


def _more_insults(text: str, e: int, is_insult) -> int:
    """The end of a list of insults that starts at e: ", a liar and a coward"."""
    while True:
        m = _LISTED.match(text, e)
        if m is None or not is_insult(m.group(1)):
            return e
        e = m.end()


def _aside(text: str, s: int, e: int, target: str, shape: str) -> Suggestion | None:
    """ "@x you absolute coward, answer ...": the insult is a form of address the sentence
    does without."""
    if shape != "address":
        return None
    comma = _ASIDE_END.match(text, e)
    if comma is not None:
        end = comma.end()
    elif target.lower() in _YOU and _words_before_in_sentence(text, s):
        end = e  # "Shut up you stupid cow @x": a name called at the end of a sentence
    else:
        return None
    start = s
    if target.startswith("@") and text.startswith(target, s):
        start = s + len(target)  # keep the handle: the reply still goes to them
    spliced = remove(text, start, end)
    return Suggestion(spliced.replacement, spliced.start, spliced.end, label="Drop the insult")


def _words_before_in_sentence(text: str, s: int) -> bool:
    """Words other than @handles before `s` in its sentence."""
    head = re.split(r"[.!?\n]", text[:s])[-1]
    return re.search(r"(?:^|\s)[A-Za-z]", re.sub(r"@\w+", "", head)) is not None


def _reason(text: str, s: int, e: int, shape: str) -> Suggestion | None:
    """ "Tory voters are morons if they believe this budget" -> "... are wrong if ...": the
    reason is already there, so the judgement can stand without the name-calling."""
    if shape not in ("predicate", "contracted") or _REASON.match(text, e) is None:
        return None
    links = list(_LINK.finditer(text, s, e))
    if not links or links[-1].end() >= e:
        return None
    spliced = fit(text, links[-1].end(), e, "wrong", keep_case=True)
    return Suggestion(spliced.replacement, spliced.start, spliced.end, label="Say they are wrong")


def _action(text: str, s: int, e: int, target: str, shape: str, forms: WordForms) -> Suggestion | None:
    """ "Councillor Reid is a coward who hid from the meeting" -> "Councillor Reid hid from the
    meeting": what they did is already there, after "who"; the name-calling goes."""
    if shape not in ("predicate", "contracted") or target.lower() in _YOU or not text.startswith(target, s):
        return None
    m = _WHO_DID.match(text, e)
    if m is None or not _is_past(m.group("verb"), m.group("aux"), forms):
        return None
    spliced = fit(text, s, m.start("clause"), target + " ", keep_case=True)
    return Suggestion(spliced.replacement, spliced.start, spliced.end, label="Say what they did")


def _is_past(verb: str, aux: str | None, forms: WordForms) -> bool:
    """A past tense or, after has/have/had, a past participle: an action, not a state."""
    low = verb.lower()
    pasts = {p for p, _ in forms.verbs.values()} if aux is None else {pp for _, pp in forms.verbs.values()}
    if low in _NOT_ACTIONS:
        return False
    return low in pasts or (low.endswith("ed") and len(low) > 4)


_WHO_DID = re.compile(
    r"[ \t]+who[ \t]+(?P<clause>(?:(?P<aux>has|have|had)[ \t]+)?"
    r"(?:just[ \t]+|also[ \t]+)?(?P<verb>[a-z]+)\b)",
    re.IGNORECASE,
)
_NOT_ACTIONS = frozenset(
    ["need", "feed", "seed", "bleed", "breed", "speed", "weed", "indeed", "red", "bed", "shed"]
)


def _template(
    text: str,
    s: int,
    e: int,
    target: str,
    default: str,
    rewrites: list[tuple[object, str]],
    group: bool,
    insult: str,
) -> Suggestion:
    template = next((t for pattern, t in rewrites if pattern is None or pattern.search(insult)), default)
    runs_on = _RUNS_ON.match(text, e)
    place = ""
    if runs_on is not None:
        e = runs_on.end()  # "a clown who has no idea what she is doing" goes with the insult
    else:
        to_place = _TO_PLACE.match(text, e)
        if to_place is not None:  # "a disgrace to Leeds": the place stays
            e, place = to_place.end(), f" in {to_place.group(1)}"
    question = re.match(r"(?i)(?:is|are|was|were|isn't|aren't|wasn't|weren't)\b", insult) is not None
    if question:
        # "Is Johnson a liar?", "Is Grant an idiot or does he not care?": still a question
        template = _QUESTION
    low = target.lower()
    linked_plural = re.search(r"(?i)\b(?:are|were)\b|['’]re\b", insult) is not None
    if low in _YOU:
        shown, possessive, plural, they = ("you", "your", True, "you")
    elif low in _POSSESSIVE:
        shown = _SUBJECT.get(low, low)
        possessive, plural, they = _POSSESSIVE[low], low in _PLURAL_PRONOUNS, "they"
    else:
        shown = target
        possessive = target + ("'" if target.endswith("s") else "'s")
        plural, they = group or linked_plural, "they"
    was = "were" if plural else "was"
    replacement = template.format(
        target=shown,
        possessive=possessive,
        was=was,
        Was=was.capitalize(),
        are="are" if plural else "is",
        they=they,
    )
    spliced = fit(text, s, e, replacement + place, keep_case=True)
    final = spliced.replacement
    return Suggestion(
        final, spliced.start, spliced.end, label="Criticise their actions instead", fields=field_spans(final)
    )
