"""`pii`: private information (conduct: C-private-info).

Detects UK phone numbers (07700 900123, +44 7700 900123, 020 7946 0018, (01632) 960 001,
0161-496-0000), other international numbers (+1 ...), e-mail addresses, street addresses
("12 Acacia Avenue", "Flat 3, 45 High Street") and UK postcodes (SW1A 1AA).

A contact that is published (the rule's `official` domains, context words such as
constituency office, party office, surgery found in the same sentence, an organisation's
number (freephone, 03), or an invitation to the reader: "Call 01632 ...", "Email office@...")
is not private information and is left alone; a named person's own number ("Ring Sandra
on ...") only when the office word is said of the number itself. The suggestion removes the
detail.
"""

from __future__ import annotations

import re

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.patterns import compile_re
from desktop_app.checks.pii_fix import pii_suggestions, same_contact
from desktop_app.checks.values import RuleError, str_list

# Shapes of data, not policy: how UK numbers, addresses and postcodes are written.
_UK_TRUNK = r"(?:\+44[ \t]?\(?0?\)?[ \t]?|\(?0)"  # what opens a UK number: 0, or +44 (0)
_PHONE = (
    _UK_TRUNK + r"[1-9](?:[ \t\-\.]?\(?\d\)?){8,10}"  # UK, national or +44
    r"|\+(?:[13-9]\d{0,2}|2\d{1,2})[ \t\-\.]?\(?\d{1,4}\)?(?:[ \t\-\.]?\d{2,4}){2,4}"  # international
)
_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
DEFAULT_STREET_TYPES = [
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "close",
    "drive",
    "dr",
    "way",
    "crescent",
    "cres",
    "court",
    "ct",
    "place",
    "pl",
    "gardens",
    "gdns",
    "grove",
    "terrace",
    "tce",
    "hill",
    "square",
    "sq",
    "park",
    "row",
    "mews",
    "walk",
    "view",
    "rise",
    "parade",
    "green",
    "vale",
    "boulevard",
    "wharf",
    "yard",
    "lea",
]
# Street types that open a street's name in Welsh ("14 Heol y Bryn", "3 Ffordd Glyndwr").
DEFAULT_LEADING_STREET_TYPES = ["heol", "ffordd", "stryd", "lôn", "lon", "rhodfa", "cilgant", "teras", "clos"]
_POSTCODE = r"\b(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b"
# Between an address and its postcode: a town, and commas ("7 Elm Close, Leeds LS6 2AB")
_TOWN = re.compile(r",?[ \t]*(?:[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){0,2},?[ \t]*)?")
DEFAULT_OFFICIAL = ["parliament.uk", "gov.uk", ".gov.uk", "nhs.uk", "police.uk"]
# Mailbox names an office uses: with an office word in the sentence such an address is published.
_OFFICE_MAILBOXES = ("office", "info", "contact", "enquiries", "enquiry", "hello", "admin", "team",
                     "campaign", "surgery", "casework", "help", "press", "mail", "secretary",
                     "chair", "treasurer", "membership", "volunteer", "events", "branch", "clp",
                     "ward", "cllr.", "councillor.")  # fmt: skip
# An elected member's published mailbox by its ending: "northfield.mp@", "jo.smith.mp@"
_MEMBER_MAILBOX = re.compile(r"[\w.+-]*\.(?:mp|msp|ms|mla|am|cllr)@", re.IGNORECASE)
_DETECTORS = ("phone", "email", "address", "postcode")
_OWNABLE = ("phone", "email", "address")  # a detail that can be said to be someone's
# A number or address given as a named person's own ("Ring Sandra on", "Dave's mobile is",
# "her home address is"):
# shapes of English, not policy. Such a detail is published only when an office word is
# said of it, not when the sentence goes on to name a venue ("... a lift to the town hall").
_OWNED = re.compile(
    r"(?:\b(?i:call|ring|text|phone|contact|message|whatsapp|email|e-mail)[ \t]+"
    r"(?P<name>(?:[A-Z][\w'’\-]*[ \t]+){1,3})(?i:on|at)[ \t]*:?[ \t]*"
    r"|\b(?P<owner>[A-Z][\w\-]*['’]s|(?i:her|his|their))[ \t]+"
    r"(?i:own[ \t]+|personal[ \t]+|private[ \t]+|home[ \t]+)?"
    r"(?i:mobile|phone|number|mobile number|phone number|email|e-mail|email address|address)"
    r"(?:[ \t]+is|['’]s|(?<=[Nn]umber)s|[ \t]*:)?[ \t]*)$"  # "her number's", typed "her numbers"
)
_OWNED_LOOKBACK = 60  # characters before a detail searched for an owner
# The writer asks the reader to get in touch ("Need help? Call 0808 2000 247", "Email office@...
# or call 01632 ..."): a contact the writer publishes. A number or address with a person
# between the verb and it ("ring her on", "Ring Sandra on") is not an invitation.
_INVITED = re.compile(
    r"(?:^|[.!?;:,(\n–—]|\b(?i:or|and|please|just|then|now|today|anytime|any time))[ \t]*"
    r"(?i:call|ring|phone|text|email|e-mail|contact|message|whatsapp|write to|reach|get in touch"
    r"|drop (?:us|me) a line)"
    r"(?P<us>[ \t]+(?i:us|me|my office|our office|the office|my team|our team|the team))?"
    r"(?:[ \t]+(?i:on|at|via))?[ \t]*:?[ \t]*$"
)
_INVITED_LOOKBACK = 50  # characters before a detail searched for an invitation
# Asked of the reader anywhere shortly before a number that is not a mobile: contact the
# writer ("Let us know – we pass every report on. 01632 ..."; "get in touch" is with us).
_ASKS_US = re.compile(
    r"\b(?:let us know|get in touch|drop us a line|contact us|call us|ring us|phone us|message us|"
    r"contact (?:our|the) office)\b",
    re.IGNORECASE,
)
_ASKS_US_LOOKBACK = 120
# A question that offers help before "Call ...": "Need a lift to the polling station? Call 01632 ..."
_OFFERED = re.compile(r"\b(?:need|want|looking for|struggling)\b[^.!?\n]{0,80}\?[ \t]*$", re.IGNORECASE)
# A contact listed the way organisations list theirs: "📞 01632 960 715", "Tel: 01632 ..."
_LISTED = re.compile(r"(?:📞|☎️?|\b(?i:tel|telephone)\b\.?)[ \t]*:?[ \t]*$")
# A service the writer offers in the sentence of an invitation to call (shapes of English)
_SERVICE = re.compile(
    r"\b(?:help|advice|advise|support|apply|book|booking|register|questions?|enquir(?:y|ies)|"
    r"appointments?|eligible|information|assistance|problems?|helpline|team|office|office@\S+|"
    r"report(?:s|ing)?|faults?)\b",
    re.IGNORECASE,
)
# Said of the number earlier in the sentence: whose it is ("his home number", "Dave's mobile"),
# so an invitation to call it publishes nobody's line but that person's.
# ("the Council's number" is an organisation's: a name's needs "home", "own" or "personal".)
_SOMEONES = re.compile(
    r"\b(?:(?i:his|her|their)[ \t]+(?i:own[ \t]+|personal[ \t]+|private[ \t]+|home[ \t]+)?"
    r"|[A-Z][\w\-]*['’]s[ \t]+(?i:own|personal|private|home)[ \t]+)"
    r"(?i:mobile|phone|number|landline|phone number|mobile number)\b"
)
# A UK mobile is someone's own: an invitation never publishes it ("ring me on 07700 ..." is
# still a personal number in a party's post: give the office line).
_MOBILE = re.compile(_UK_TRUNK + "7")
# Freephone (080), public bodies and charities (03) and business rates (084, 087): numbers of
# organisations, never a person's own.
_ORGANISATION_NUMBER = re.compile(_UK_TRUNK + "(?:80|3|84|87)")
_SAID_AFTER = re.compile(r"[^,;:.!?()\n–—]{0,30}")  # what is said right after a detail, in its clause


def _sentence_around(ctx: TextContext, s: int, e: int) -> tuple[int, int]:
    """The span of the sentence a detail at [s, e) is in (or the 80 characters either side)."""
    sentence = next((x for x in ctx.sentences if x.start <= s < x.end), None)
    return (sentence.start, sentence.end) if sentence else (max(0, s - 80), min(len(ctx.text), e + 80))


class PiiRule(Rule):
    kind = "pii"
    keys = frozenset({"detect", "official", "street_types", "leading_street_types"})
    default_category = "private-info"
    evasion_capable = False  # digits must stay digits

    def compile(self, d):
        detect = str_list(d.get("detect"), "detect") or list(_DETECTORS)
        for i, name in enumerate(detect):
            if name not in _DETECTORS:
                raise RuleError(f"detect[{i}]", f"unknown detector {name!r} (use {', '.join(_DETECTORS)})")
        self.detect = detect
        street_types = str_list(d.get("street_types"), "street_types") or DEFAULT_STREET_TYPES
        street = "|".join(sorted(street_types, key=len, reverse=True))
        leading_types = str_list(d.get("leading_street_types"), "leading_street_types")
        leading_types = leading_types or DEFAULT_LEADING_STREET_TYPES
        leading = "|".join(sorted(leading_types, key=len, reverse=True))
        address = (
            # a house number, never a year ("the 2014 Supreme Court ruling")
            r"\b(?:(?i:flat|apartment|apt|unit)[ \t]+\d+[A-Za-z]?,?[ \t]+)?"
            r"(?:\d{1,3}|1[0-8]\d\d|2[1-9]\d\d|[3-9]\d{3})[A-Za-z]?,?[ \t]+"
            r"(?:(?:[A-Z][a-z'’\-]+[ \t]+){1,3}(?i:" + street + r")\b"
            # or the type first and the name after it: "Heol y Bryn", "Ffordd Glyndwr"
            r"|(?i:" + leading + r")(?:[ \t]+(?:y|yr|[A-Z][a-z'’\-]+)){0,2}[ \t]+[A-Z][a-z'’\-]+)"
        )
        sources = {"phone": _PHONE, "email": _EMAIL, "address": address, "postcode": _POSTCODE}
        self.patterns = {
            name: compile_re(pattern, "street_types" if name == "address" else "detect")
            for name, pattern in sources.items()
        }
        # One look for any detail first: most posts with a digit hold none, and one pass over
        # the text is cheaper than a pass per detector.
        self.any_detail = compile_re("|".join(f"(?:{sources[name]})" for name in self.detect), "detect")
        official = str_list(d.get("official"), "official")
        self.official_words = [w.lower() for w in (official or DEFAULT_OFFICIAL)]

    def probe(self):
        return "[0-9@]", False  # every phone, e-mail, address and postcode has one

    def _spans(self, ctx: TextContext):
        text = ctx.text
        if not ctx.spans(self.any_detail, text):
            return
        for name in self.detect:
            for s, e in ctx.spans(self.patterns[name], text):
                if name == "phone":
                    digits = sum(c.isdigit() for c in text[s:e])
                    if (
                        digits < 10
                        or digits > 15
                        or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/="))
                    ):
                        continue
                    if e < len(text) and text[e].isdigit():
                        continue
                if name == "email" and s > 0 and text[s - 1] in "/:":
                    continue
                yield name, s, e

    def _is_official(self, ctx: TextContext, name: str, s: int, e: int) -> bool:
        text = ctx.text
        if name == "phone" and _ORGANISATION_NUMBER.match(text, s):
            return True
        a, b = _sentence_around(ctx, s, e)
        if name in ("phone", "email") and self._invited(text[a:b], name, text, s, e):
            return True
        if name == "email":
            domain = text[s:e].rsplit("@", 1)[-1].lower()
            if any(
                domain == w.lstrip(".") or domain.endswith("." + w.lstrip(".")) for w in self.official_words
            ):
                return True
        if name == "email" and not text[s:e].lower().startswith(_OFFICE_MAILBOXES):
            return False  # a personal address beside an office one ("or her own, jo@gmail.com")
        owned = _OWNED.search(text, max(a, s - _OWNED_LOOKBACK), s) if name in _OWNABLE else None
        if owned is not None:  # a person's own: only what is said of the detail itself counts
            a, b = owned.start(), _SAID_AFTER.match(text, e, b).end()
        context = (text[a:s] + " " + text[e:b]).lower()
        return any(w in context for w in self.official_words)

    def _invited(self, sentence: str, name: str, text: str, s: int, e: int) -> bool:
        """The post asks readers to use an organisation's contact ("Email office@...", "my
        team can help, call 01632 ..."). A personal mailbox stays private even as "email me
        at ..." (a volunteer's own); a bare "call 020 ... tonight" says nothing of whose
        number it is: "us", "me" or a service offered in the sentence does."""
        before = text[max(0, s - _INVITED_LOOKBACK) : s]
        invited = _INVITED.search(before)
        listed = name == "phone" and _LISTED.search(before) is not None
        asked = name == "phone" and _ASKS_US.search(text, max(0, s - _ASKS_US_LOOKBACK), s) is not None
        if (invited is None and not listed and not asked) or not self._organisational(text, name, s, e):
            return False
        if name == "phone" and _SOMEONES.search(sentence) is not None:
            return False  # "here's his home number if you want to report him: call 0113 ..."
        if listed or asked:
            return True
        return (
            name == "email"
            or bool(invited.group("us"))
            or _SERVICE.search(sentence) is not None
            or _OFFERED.search(before, 0, invited.start() + 1) is not None  # up to the "?" opening the match
        )

    @staticmethod
    def _organisational(text: str, name: str, s: int, e: int) -> bool:
        """A detail that looks like an organisation's, not a person's own: a number that is
        not a mobile, an office or member mailbox."""
        if name == "phone":
            return not _MOBILE.match(text, s)
        local = text[s:e].lower()
        return local.startswith(_OFFICE_MAILBOXES) or _MEMBER_MAILBOX.match(local) is not None

    def find(self, ctx: TextContext):
        text = ctx.text
        found: list[tuple[str, int, int]] = []
        for name, s, e in sorted(self._spans(ctx), key=lambda x: (x[1], -x[2])):
            if found and s < found[-1][2]:  # a postcode inside an address, say
                continue
            if (
                found
                and found[-1][0] == "address"
                and name == "postcode"
                and _TOWN.fullmatch(text[found[-1][2] : s])
            ):
                found[-1] = ("address", found[-1][1], e)  # "7 Elm Close, Leeds LS6 2AB" is one address
                continue
            found.append((name, s, e))
        if not found:
            return []  # most posts with a digit hold no contact detail: no exceptions to look for
        skip = self.excepted_spans(text, ctx)
        out = []
        public = [c for k, c in ctx.contact.items() if k in ("email", "phone", "address")]
        for name, s, e in found:
            if any(a <= s and e <= b for a, b in skip):
                continue
            if any(same_contact(c, text[s:e]) for c in public):
                continue  # the organisation's own public contact (contact.yml, Preferences)
            if self._is_official(ctx, name, s, e):
                continue  # a published office contact is how the public reaches them: not private
            label = {
                "phone": "phone number",
                "email": "e-mail address",
                "address": "address",
                "postcode": "postcode",
            }[name]
            message = fill_message(
                self.message or f"Remove this {label}: it is private information.", text[s:e]
            )
            out.append(self.finding(text, s, e, message, pii_suggestions(text, s, e, name, ctx.contact)))
        return out
