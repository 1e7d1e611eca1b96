"""Fixes for private details that leave a sentence people can post.

Taking out "07700 900123" from "ring Sandra on 07700 900123 or email ..." must not leave
"ring Sandra on or email": the detail goes with the words that only served it ("on", "at",
"Phone:"), or a safe alternative takes its place ("call us", "email the branch at ...").
With the organisation's public contact (contact.yml, Preferences) the first suggestion
uses it; without one, it points readers to "us" or removes the clause. The frames are
English grammar, not policy: the prepositions and verbs that carry a phone number, an
e-mail address or an address.

    pii_suggestions(text, start, end, kind, contact) -> [Suggestion, ...]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop_app.core.findings import Suggestion
from desktop_app.core.splice import fit, remove

# Verbs whose object is the detail itself: "call 07700 ...", "email jo@...", "write to jo@..."
_CONTACT_VERBS = {
    "phone": r"call|ring|phone|text|txt|whatsapp|dial|contact|message|reach",
    "email": r"email|e-mail|mail|contact|message|reach|write to|drop a line to"
    r"|send (?:it|them|this|those|yours?|your \w+|\w+) to|\w+ (?:it|them|your \w+) to",
}
# A label before the detail: "Phone: 07700 ...", "Email - jo@..."
_LABEL = re.compile(
    r"(?:^|(?<=[\s(]))(?:tel|telephone|phone|mobile|mob|call|text|whatsapp|email|e-mail|contact|address)"
    r"\.?[ \t]*[:\-–][ \t]*$",
    re.IGNORECASE,
)
# "lives at", "living on", "her house is on", "moved to": an address that says where someone lives
_LIVES = re.compile(
    r"\b(?:lives?|living|lived|stays?|staying|moved|home is|house is|flat is|resides?)"
    r"[ \t]+(?:at|on|in|to)[ \t]*$",
    re.IGNORECASE,
)
# "my number is", "Sandra's email is", "her address is"
_WHOSE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<whose>my|his|her|their|our|your|[A-Z][\w’'-]*(?:'s|’s))[ \t]+"
    r"(?P<what>(?:mobile |home |personal |private )?"
    r"(?:number|mobile|phone number|phone|email address|email|e-mail|address))"
    r"[ \t]+(?:is|:)[ \t]*$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"(?:^|(?<=\s))(?P<prep>on|at|to|via|from|with|for|by|into|of)[ \t]+$", re.IGNORECASE
)
_COORDINATE = re.compile(r"(?:^|(?<=\s))(?:or|and)[ \t]+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]+[ \t]+at[ \t]+$")

_WHAT = {"phone": "number", "email": "email address", "address": "address", "postcode": "address"}


def pii_suggestions(
    text: str, start: int, end: int, kind: str, contact: Mapping[str, str] | None = None
) -> list[Suggestion]:
    contact = contact or {}
    key = "email" if kind == "email" else "phone" if kind == "phone" else "address"
    public = contact.get(key, "")
    if public and same_contact(public, text[start:end]):
        public = ""  # the post already gives the public contact (an overlay may not know it is)
    who = contact.get("name") or "the branch"
    before = text[:start]
    out: list[Suggestion] = []

    def add(s: int, e: int, replacement: str, label: str) -> None:
        spliced = fit(text, s, e, replacement, keep_case=True) if replacement else remove(text, s, e)
        suggestion = Suggestion(spliced.replacement, spliced.start, spliced.end, label=label)
        if all((x.start, x.end, x.replacement) != (suggestion.start, suggestion.end, suggestion.replacement)
               for x in out):  # fmt: skip
            out.append(suggestion)

    whose = _WHOSE.search(before)
    lives = _LIVES.search(before) if key == "address" else None
    label = _LABEL.search(before)
    verb = _verb_before(before, kind)
    prep = _PREPOSITION.search(before)
    coord = _COORDINATE.search(before)

    if whose is not None:
        # "Her number is 07700 ..." -> "Our office number is ..." or "Message us for her number"
        s = whose.start()
        if public:
            add(s, end, f"Our {_office(key)} is {public}", f"Use {who}'s {_WHAT[kind]}")
        person = whose.group("whose")
        asker = "me" if person.lower() == "my" else "us"
        add(s, end, f"Message {asker} for {person.lower() if person.lower() in _PRONOUNS else person} "
            f"{whose.group('what').lower()}", "Ask people to message for it")  # fmt: skip
    elif lives is not None:
        # "Dave lives at 14 Acacia Avenue" -> "Dave lives nearby"
        prep_at = re.search(r"[ \t]*(?:at|on|in|to)[ \t]*$", before, re.IGNORECASE)
        add(prep_at.start(), end, " nearby", "Say they live nearby")
    elif label is not None:
        if public:
            add(start, end, public, f"Use {who}'s {_WHAT[kind]}")
        if key != "address" and _whole_sentence(text, label.start(), end):
            add(label.start(), end, "Message us", "Point people to us")  # "Contact: jo@..." alone
        add(label.start(), end, "", "Remove it")
    elif verb is not None:
        # "call 07700 ..." -> "call the branch on ..." / "call us"; "email jo@..." -> "email us"
        if public:
            joint = "on" if key == "phone" else "at"
            add(start, end, f"{who} {joint} {public}", f"Use {who}'s {_WHAT[kind]}")
        add(start, end, "us", "Point people to us")
    elif prep is not None:
        word = prep.group("prep").lower()
        if public and key == "phone" and word == "on":
            add(prep.start(), end, f"at the office on {public}", f"Use {who}'s {_WHAT[kind]}")
        elif public and key == "email" and word in ("at", "to", "via"):
            add(start, end, public, f"Use {who}'s {_WHAT[kind]}")
        elif word in ("to", "via") and key == "email":
            add(start, end, "us", "Point people to us")
        if public and key == "address" and word in ("to", "at") and _NAME_BEFORE.search(before) is None:
            add(start, end, f"our office, {public}", f"Use {who}'s {_WHAT[kind]}")
        add(prep.start(), end, "", "Remove it")
    elif coord is not None:
        add(coord.start(), end, "", "Remove it")
    if not out or out[-1].replacement.strip():
        add(start, end, "", "Remove it")
    return out


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """text[start:end] is a sentence by itself: removing it would leave nothing there."""
    before = text[:start].rstrip()
    after = text[end:].lstrip(" \t")
    return (not before or before[-1] in ".!?\n") and (not after or after[0] in ".!?\n")


_PRONOUNS = frozenset(["my", "his", "her", "their", "our", "your"])


def _office(key: str) -> str:
    return {"phone": "office number", "email": "email address", "address": "office address"}[key]


def _verb_before(before: str, kind: str) -> re.Match | None:
    verbs = _CONTACT_VERBS.get(kind)
    if verbs is None:
        return None
    return re.search(rf"(?:^|(?<=[\s(]))(?:{verbs})[ \t]+$", before, re.IGNORECASE)


def same_contact(public: str, detail: str) -> bool:
    """The same phone number, e-mail address or address, however spaced or cased."""
    squash = lambda s: re.sub(r"[\s().\-]", "", s).lower()  # noqa: E731
    return squash(public) == squash(detail)
