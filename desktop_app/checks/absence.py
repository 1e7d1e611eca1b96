"""`absence`: something a post should have and does not (P3 credit, P5 inviting feedback).
When any `trigger` matches and no `expect` matches anywhere in the post, the first trigger
is flagged and the suggestion adds words at the end of the post.

`append` is the words to add: one text, or a list of choices, the first that suits the post
winning. A choice is {text, when?, networks?}: `when` (patterns, any of which must match the
post: "consultation" gets "Have your say in the consultation."), `networks` (the post is
for these networks only: "comments" on Facebook, "replies" elsewhere). Adding words changes
what the writer says, so the suggestion is marked `adds`: it is offered on the card and
never applied by a blanket fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.checks.base import Rule, Suggestion, TextContext
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.values import RuleError, flag, str_list, text_value


@dataclass(frozen=True)
class _Choice:
    text: str
    when: object = None  # compiled patterns, or None: any post
    networks: frozenset[str] = frozenset()  # lower-case names, or empty: any network

    def suits(self, text: str, networks: tuple[str, ...]) -> bool:
        if self.networks and (not networks or any(n.lower() not in self.networks for n in networks)):
            return False
        return self.when is None or self.when.search(text) is not None


class AbsenceRule(Rule):
    kind = "absence"
    keys = frozenset({"trigger", "expect", "append", "nonword"})
    default_category = "credit"
    document_level = True
    evasion_capable = False

    def compile(self, d):
        trigger = str_list(d.get("trigger"), "trigger")
        expect = str_list(d.get("expect"), "expect")
        if not trigger:
            raise RuleError("trigger", "an absence rule needs `trigger` patterns")
        if not expect:
            raise RuleError("expect", "an absence rule needs `expect` patterns")
        self.trigger = compile_words(trigger, "trigger", self.ignorecase)
        # What is expected counts however it is written ("Thank you", "THANKS").
        self.expect = compile_words(expect, "expect", True, nonword=flag(d, "nonword"))
        self.choices = self._choices(d.get("append"))

    @staticmethod
    def _choices(value) -> list[_Choice]:
        if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
            text = text_value({"append": value}, "append").strip()
            return [_Choice(text)] if text else []
        if not isinstance(value, list):
            raise RuleError("append", "expected the words to add, or a list of {text, when, networks}")
        out = []
        for i, item in enumerate(value):
            key = f"append[{i}]"
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, Mapping) or not str(item.get("text") or "").strip():
                raise RuleError(key, "each choice needs `text` (and may have `when`, `networks`)")
            unknown = set(map(str, item)) - {"text", "when", "networks"}
            if unknown:
                raise RuleError(key, f"unknown key `{sorted(unknown)[0]}` (use text, when, networks)")
            when = str_list(item.get("when"), f"{key}.when")
            networks = str_list(item.get("networks"), f"{key}.networks")
            out.append(
                _Choice(
                    " ".join(str(item["text"]).split()),
                    compile_words(when, f"{key}.when", True) if when else None,
                    frozenset(n.lower() for n in networks),
                )
            )
        return out

    def probe(self):
        return self.trigger.pattern, self.evasion

    def find(self, ctx: TextContext):
        text = ctx.text
        first = next(iter(self.matches(self.trigger, ctx)), None)
        if first is None or ctx.spans(self.expect, text):  # any match of `expect`, as search() finds
            return []
        s, e = first
        suggestions = []
        choice = next((c for c in self.choices if c.suits(text, ctx.networks)), None)
        if choice is not None:
            suggestions.append(_append(text, choice.text))
        return [self.finding(text, s, e, None, suggestions)]


# Hashtags and links a post ends with stay at its end: the words go before them.
_TRAILING_TAGS = re.compile(r"(?:[ \t]+(?:#\w+|https?://\S+|www\.\S+))+[ \t]*$")


def _may_end_with_tag(text: str, end: int) -> bool:
    """Whether text[:end] (no whitespace at its end) could end in _TRAILING_TAGS: its last tag
    or link follows a space or tab and runs to the end, so the words after the last space
    or tab start with one. Searching for the pattern tries it after every space."""
    last = text[max(text.rfind(" ", 0, end), text.rfind("\t", 0, end)) + 1 : end]
    return last.startswith(("#", "http://", "https://", "www."))


def _append(text: str, words: str) -> Suggestion:
    """`words` after the post's last sentence: after a blank line when the post is written
    in paragraphs, and with a full stop first when the post ends without one."""
    end = len(text.rstrip())
    tags = _TRAILING_TAGS.search(text[:end]) if _may_end_with_tag(text, end) else None
    if tags is not None and tags.start() > 0 and "\n" not in tags.group():
        end = tags.start()
    sep = "" if end == 0 else ("\n\n" if "\n\n" in text else " ")
    if end and text[end - 1] not in ".!?…" and sep == " " and words[:1].isupper():
        sep = ". "
    return Suggestion(sep + words, end, end, label=f"Add: {words}", adds=True)
