"""Sorting one reply: report, respond, thank or no-action, from what the checks found.

    judge(text, findings, policy, opinion=None, listed=False, abuse=None) -> Verdict

`findings` are the engine's findings on the reply (conduct rules with their evasion
handling, profanity, the learned second opinion's offence-score card); `opinion` is the
learned second opinion's view of the reply's most offensive sentence (SecondOpinion);
`listed` says the author is on the do-not-amplify list. The policy (policy/replies.yml, read
by desktop_app/policy/replies.py) says which categories are reported, which words are
criticism however blunt, and the cues of questions, criticism and thanks.

In order:
1. report: a finding in a reported category, unless it is blunt criticism of a record (a
   personal attack made only of criticism words: "You're a liar and a hypocrite"); or the
   second opinion is sure (`model_threshold`) of a sentence that names or addresses a
   person and is carried neither by criticism words nor by swearing alone.
2. a listed author: whatever else they say, "don't reply or share" (no-action).
3. respond: blunt criticism, a question, criticism or complaint (sarcasm included: "Oh
   brilliant, another fare rise"), or swearing aimed at no one.
4. thank: thanks; support ("You've got my vote") unless the rest of the reply says more.
5. no-action: a reply that points someone else at the post ("@sam have a look at this")
   unless the rest of it says more; otherwise, a reply that says little and has no cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from desktop_app.core.findings import Finding, Severity


class Triage(StrEnum):
    REPORT = "report"
    RESPOND = "respond"
    THANK = "thank"
    NO_ACTION = "no-action"

    @property
    def label(self) -> str:
        return TRIAGE_LABELS[self]


TRIAGE_LABELS = {
    Triage.REPORT: "Report",
    Triage.RESPOND: "Respond",
    Triage.THANK: "Thank",
    Triage.NO_ACTION: "No action",
}

# The clause a reported category breaks when its finding names none (a P6 name-calling card).
CATEGORY_CLAUSES = {
    "abuse": "C-abuse",
    "personal-attack": "C-personal-attacks",
    "derogatory-label": "C-derogatory",
    "discrimination": "C-discrimination",
    "sexualised": "C-sexualised",
    "private-info": "C-private-info",
    "trolling": "C-trolling",
    "amplification": "C-amplification",
    "offence-score": "C-abuse",
}
# What a reported finding is, in words ("'hope you die' is a threat of violence").
REPORT_WORDS = {
    "abuse": "abuse",
    "personal-attack": "a personal attack",
    "derogatory-label": "a derogatory label",
    "discrimination": "discrimination",
    "sexualised": "a sexualised comment",
    "private-info": "someone's private information",
    "trolling": "a call to pile on",
}
THREAT = "threat"  # the key of a threat's platform category in policy/replies.yml
ROUGH_CATEGORIES = frozenset({"profanity", "offence-score", "hostile-reply"})


class Matcher(Protocol):
    """A compiled pattern (RE2 from the policy loader, or Python's re in tests)."""

    def search(self, text: str, *args): ...

    def finditer(self, text: str, *args): ...


@dataclass(frozen=True)
class ReplyPolicy:
    """What policy/replies.yml says, compiled."""

    report_categories: tuple[str, ...]
    criticism_words: Matcher | None = None
    frame_words: Matcher | None = None
    swearing_emphasis: Matcher | None = None  # "an absolute fucking joke": how strongly, of no one
    topic_words: Matcher | None = None  # subjects people discuss ("rape jokes"): never carry a model's report
    views: Matcher | None = None  # after a name, what makes it a verdict on a view: "... if he thinks"
    not_aimed: Matcher | None = None  # where a name is no one's: "you treat voters like idiots"
    person_words: Matcher | None = None  # any word that names or addresses a person
    orders: Matcher | None = None  # verbs that open an order, said to whoever is answered
    aimed_before: Matcher | None = None  # who swearing describes, a few words before it
    aimed_after: Matcher | None = None  # who is sworn at, right after it
    aimed_window: int = 4
    # words that stand between "you" and a swear word ending its clause without describing
    # anyone ("you said it was a f***ing joke"); None: no word may stand there
    not_describing: Matcher | None = None
    mild_swearing: Matcher | None = None
    interjections: Matcher | None = None
    threat_rules: frozenset[str] = frozenset()
    model_threshold: float = 0.9
    # our own reply-abuse model (a core.text_model.TextModel) and the score it reports from
    abuse_model: object | None = None
    abuse_threshold: float = 0.9
    # From this score our reply-abuse model needs no person named: every reply is said to the
    # one who posted ("what's under the beard tho"); 1.0 keeps the person check always
    abuse_unaimed_threshold: float = 1.0
    # A whole reply of at most this many words is a name for the one answered ("globalist
    # witch"), as a person named would be; 0 turns it off
    abuse_named_words: int = 0
    repeat_reports: int = 2
    platform_categories: Mapping[str, str] = field(default_factory=dict)
    report_text: str = ""
    police_note: str = ""
    openings: Mapping[str, str] = field(default_factory=dict)
    question: Matcher | None = None
    criticism: Matcher | None = None
    addressed: Matcher | None = None  # said to us or a plain complaint: answered unless thanks
    thanks: Matcher | None = None
    support: Matcher | None = None  # thanked unless the rest of the reply says more
    pointing: Matcher | None = None  # a tagged friend, a share: left alone unless the rest says more
    spam: Matcher | None = None  # adverts and spam ("DM me for details", "link in bio"): left alone
    contrast: Matcher | None = None  # "but", "though": the rest turns on the support or pointer
    model_rules: frozenset[str] = frozenset()  # the pack's `model` rules (GroupHate), from load_reply_policy
    chatter: Matcher | None = None  # talk among the replies ("anyone know if the 42 is running"): left alone
    # the writer says they reported abuse ("I've reported it"): a model's lean on the words
    # they condemn it with is no report
    counter: Matcher | None = None
    answer_words: int = 0  # a reply of this many words or more, with no other cue, is answered
    # The reply-abuse model's score from which one of `cued` decides (`cued_abuse` in replies.yml)
    cued_threshold: float = 1.0
    cued: tuple[CuedAbuse, ...] = ()
    # Thanks said in so many words ("thank you"), which turns the cues off; a word of praise
    # alone ("lovely") does not: `cued_abuse.thanked`
    cued_thanked: Matcher | None = None


@dataclass(frozen=True)
class CuedAbuse:
    """A way abuse says what it means without the words a rule reads ("be careful walking to
    your car", "his mentions are wide open"): reported, as `category`, when our reply-abuse
    model leans towards the reply too (ReplyPolicy.cued_threshold)."""

    name: str  # the family's key in replies.yml
    what: str  # in words, for the reason: "a veiled threat"
    category: str  # the finding category it is reported under
    cues: Matcher | None
    # Cues never said kindly ("tick tock", "brakes fail"), which need no person named: a
    # menace often names no one ("Careful on that dog walk tomorrow morning x")
    unaimed: Matcher | None = None


@dataclass(frozen=True, slots=True)
class SecondOpinion:
    """The learned model's view of a reply's most offensive sentence."""

    score: float
    sentence: str = ""
    words: tuple[str, ...] = ()  # the words that push its score up most
    finding: Finding | None = None  # a card for the sentence, when no rule's card shows it
    # whether it may report alone when sure: False for our abuse model carried by one word,
    # which only a cue may turn into a report
    alone: bool = True


@dataclass(frozen=True)
class Verdict:
    triage: Triage
    reason: str  # one line: why
    findings: tuple[Finding, ...] = ()  # what drove it
    clause: str | None = None  # when reported
    category: str | None = None  # the platform's reporting category, when reported
    police: bool = False  # a threat of violence: the police can be told
    do_not_amplify: bool = False  # the author is on the do-not-amplify list
    opening: str = ""  # "question", "criticism" or "rough": which suggested opening fits
    corrected: bool = False  # the user changed it (kept in the report log)


_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;:,\n()\"“”]|\s[-–—]\s")
_TOKEN = re.compile(r"[\w'’]+")
_NAME = re.compile(r"[A-Z][a-z'’-]+")  # a word in title case: a name ("Councillor Hart")
# "you", "he", a name after the first word or a handle: a verdict said to or of someone
_SAID_TO_OR_OF_SOMEONE = re.compile(
    r"(?i:\b(?:you|you're|youre|your|u|ur|ya|yous|he|he's|she|she's|him|her)\b)|(?<=\w )[A-Z][a-z'’-]+|@\w"
)
_HANDLE = re.compile(r"@\w+")
_LEADING_HANDLES = re.compile(r"^(?:\s*@\w+)+\s*")  # the friends a reply opens by tagging
# a reply that is only a GIF or a picture described ("[GIF: man eating popcorn]"): what it
# shows is not said to us (words after it are: "[GIF: council leader shrugging] still no answer")
_DESCRIBED_MEDIA_ONLY = re.compile(
    r"^\s*\[(?:gif|image|photo|picture|video|sticker)\b[^\]]*\]\s*$", re.IGNORECASE
)
# "you" in a reply that opens by tagging someone is said to them, not to us
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|you're|youre|you've|you'll|you'd|yourself|u|ur|ya|ye|yous)\b", re.IGNORECASE
)
_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# a word typed a letter at a time: "d y k e", "D E M E N T I A"
_SPELT_OUT = re.compile(r"(?<![\w'’])[^\W\d_](?: [^\W\d_]){2,}(?![\w'’])")
# Words as typed, a mask kept inside one ("f*cking", "f**king"): a word the letters alone
# would cut in two ('f', 'cking'), neither of them swearing.
_MASKED_WORDS = re.compile(r"[^\W\d_]+(?:(?:['’-]|[*#@]+)[^\W\d_]*)*")
# Someone the reply talks about: an advert's number is its own only when it names no one else.
_THIRD = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE)
# what the writer says of themselves, just before a word: "I'm a", "I am a proud", "as an"
_SELF = re.compile(
    r"(?:\bi['’]?m|\bi am|\bas)\s+"
    r"(?:(?:an?|the|one|proud|out|openly|old|queer|gay|black|trans|disabled)\s+)*$",
    re.IGNORECASE,
)


def rule_name(f: Finding) -> str:
    """'Threats' from 'Drafting.Threats' or 'org.Threats'."""
    return f.rule.split(".", 1)[-1]


def _as_typed(text: str) -> str:
    """The text the cues read: curly apostrophes straightened, links and leading @handles
    dropped (a link's words and a reply chain are not what the writer said)."""
    text = _LINK.sub(" ", text.replace("’", "'").replace("‘", "'"))
    return _LEADING_HANDLES.sub("", text.strip(), count=1)


def _leftover(text: str, matchers: Iterable[Matcher | None]) -> str:
    """`text` with every match of each matcher blanked out, in turn."""
    for m in matchers:
        if m is None:
            continue
        parts, at = [], 0
        for hit in m.finditer(text):
            parts.append(text[at : hit.start()])
            parts.append(" " * (hit.end() - hit.start()))
            at = hit.end()
        parts.append(text[at:])
        text = "".join(parts)
    return text


def is_blunt_criticism(f: Finding, policy: ReplyPolicy) -> bool:
    """A personal attack made only of criticism words and words that frame it (who it is
    aimed at, how strongly): "You're a liar and a hypocrite", "What a joke"."""
    if f.category not in ("personal-attack", "derogatory-label") or policy.criticism_words is None:
        return False
    said = _as_typed(f.text)
    if policy.criticism_words.search(said) is None:
        return False
    rest = _leftover(said, (policy.criticism_words, policy.frame_words, _HANDLE))
    words = _MASKED_WORDS.findall(rest)
    if all(_NAME.fullmatch(word) for word in words):
        return True
    # swearing for emphasis, in a verdict said to or of no one ("what a fucking joke")
    return (
        policy.swearing_emphasis is not None
        and all(_fullmatch(policy.swearing_emphasis, word) for word in words)
        and not _SAID_TO_OR_OF_SOMEONE.search(said)
    )


def _fullmatch(m: Matcher | None, text: str) -> bool:
    hit = m.search(text) if m is not None else None
    return hit is not None and hit.start() == 0 and hit.end() == len(text)


def is_aimed_swearing(text: str, f: Finding, policy: ReplyPolicy) -> bool:
    """Swearing aimed at people: not mild, not an exclamation, and said of someone a few
    words before it with only framing or blunt words between ("you're such a f***ing ...",
    "you lot are f***ing useless", "you smug c**t"), or at someone right after it
    ("f***ing Tories")."""
    if f.category != "profanity":
        return False
    said = " ".join(f.text.replace("’", "'").split())
    if _fullmatch(policy.mild_swearing, said):
        return False
    if policy.interjections is not None:
        for m in policy.interjections.finditer(text):
            if m.start() <= f.start and f.end <= m.end():
                return False
    before = _TOKEN.findall(_CLAUSE_END.split(text[: f.start])[-1].replace("’", "'"))
    if _describes_you(text, f, before, policy):
        return True
    for word in reversed(before[-policy.aimed_window :]):
        if _fullmatch(policy.aimed_before, word):
            return True  # "you're [such a] f***ing ...": the person is what it describes
        if not (_fullmatch(policy.frame_words, word) or _fullmatch(policy.criticism_words, word)):
            break  # "you think we're ...": another word stands between them
    after = text[f.end :]
    following = after.lstrip(" ")
    if policy.aimed_after is None or len(following) == len(after):
        return False  # punctuation or nothing straight after the swear word
    hit = policy.aimed_after.search(following.replace("’", "'"))
    return hit is not None and hit.start() == 0


def _describes_you(text: str, f: Finding, before: list[str], policy: ReplyPolicy) -> bool:
    """A swear word ending its clause, straight after "you" and one or two words that describe
    (`not_describing` lists the words that cannot): "you wrinkly old c***" (session 31, batch
    Y239). An article or another clause's word between them makes it something else: "are
    you taking the piss", "you said it was a f***ing joke"."""
    if policy.not_describing is None or _TOKEN.match(text[f.end :].lstrip(" ")):
        return False
    for n in (1, 2):
        if len(before) <= n or not _fullmatch(policy.aimed_before, before[-n - 1]):
            continue
        between = before[-n:]
        if all(
            w.isalpha() and not _fullmatch(policy.not_describing, w) and not _fullmatch(policy.frame_words, w)
            for w in between
        ):
            return True
    return False


def _report_order(f: Finding, policy: ReplyPolicy) -> tuple:
    threat = rule_name(f) in policy.threat_rules
    categories = policy.report_categories
    rank = categories.index(f.category) if f.category in categories else len(categories)
    return (not threat, f.severity.rank, rank, f.start)


def judges_a_view(text: str, f: Finding, policy: ReplyPolicy) -> bool:
    """A personal attack said of what someone thinks, not of who they are: "The Chancellor
    is an absolute clown if he thinks freezing thresholds isn't a tax rise"."""
    if f.category != "personal-attack" or policy.views is None:
        return False
    following = text[f.end :].lstrip(" ,")
    hit = policy.views.search(following.replace("’", "'"))
    return hit is not None and hit.start() == 0


def _reported(
    text: str, findings: Sequence[Finding], policy: ReplyPolicy
) -> tuple[list[Finding], list[Finding]]:
    """(findings that make it a report, blunt criticism findings)."""
    reported, blunt = [], []
    for f in findings:
        if f.category not in policy.report_categories:
            continue
        (blunt if is_blunt_criticism(f, policy) or judges_a_view(text, f, policy) else reported).append(f)
    return sorted(reported, key=lambda f: _report_order(f, policy)), blunt


def _report_reason(lead: Finding, reported: Sequence[Finding], what: str) -> str:
    """ "'X' is abuse"; a model's advice (GroupHate) is no rule's verdict on one phrase: it
    quotes every word the model read and says it reads that way ("'home' is discrimination"
    told the officer nothing)."""
    if lead.severity is not Severity.ADVICE:
        return f"{_quoted([lead])} is {what}"
    same = [f for f in reported if f.rule == lead.rule]
    against = " against a group of people" if lead.category == "discrimination" else ""
    return f"{_quoted(same)} {'reads' if len(same) == 1 else 'read'} as {what}{against}"


def _quoted(findings: Iterable[Finding]) -> str:
    # One quote per words whatever their case ('Damn' and 'damn'), the first spelling kept.
    by_case = {}
    for f in findings:
        said = " ".join(f.text.split())
        by_case.setdefault(said.lower(), said)
    words = list(by_case.values())
    # Two rules on overlapping words ('You're a liar', 'You're a liar and a hypocrite'):
    # the longer quote says it all.
    words = [
        w
        for w in words
        if not any(w.lower() != other.lower() and w.lower() in other.lower() for other in words)
    ]
    shown = [f"'{w}'" for w in words[:3]]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _names_person(sentence: str, policy: ReplyPolicy) -> bool:
    return policy.person_words is not None and policy.person_words.search(sentence) is not None


def _is_order(sentence: str, policy: ReplyPolicy) -> bool:
    """The sentence opens with an order ("Get cancer and die", "Drop dead"): it is said to
    whoever is being answered, as much as one that says "you"."""
    words = _LETTERS.findall(_HANDLE.sub(" ", sentence))
    return bool(words) and _fullmatch(policy.orders, words[0])


def _model_report(
    opinion: SecondOpinion | None,
    findings: Sequence[Finding],
    policy: ReplyPolicy,
    threshold: float,
    about: str = "",
    unaimed: float = 1.0,
    cued: bool = False,
    named: bool = False,
) -> bool:
    """A model alone: sure of a sentence that names or addresses a person (or, given
    `about`, of a sentence of a text that does; or, from `unaimed` below 1.0, of any
    sentence), and not carried only by criticism words, by words naming a subject ("rape
    jokes", "racism") or by mild swearing. For a cue (`cued`) only criticism words and mild
    swearing are no lean. `named`: the whole reply is a name for the one answered."""
    if opinion is None or opinion.score < threshold or not (opinion.words or cued):
        return False
    sentence = _as_typed(opinion.sentence)
    said_to_the_poster = named or (unaimed < 1.0 and opinion.score >= unaimed)
    if not (said_to_the_poster or _names_person(about or sentence, policy) or _is_order(sentence, policy)):
        return False
    if not opinion.words:
        # only a cue gets here: the pairs pushed it and name no word ("hope your back gives
        # out"); the cue says what is meant, and a person is named
        return True
    # mild swearing ("bloody", "damn") never carries a report; stronger swearing the rules
    # found may, in a sentence aimed at someone
    swearing = {
        w.lower()
        for f in findings
        if f.category == "profanity"
        for w in _LETTERS.findall(f.text)
        if _fullmatch(policy.mild_swearing, w)
    }
    carried = [w for w in opinion.words if w.lower() not in swearing]
    # With a cue the cue says what is meant, and the model's lean may rest on the words
    # that name the subject ('house' of "which house on her road is hers")
    plain = (
        (policy.criticism_words,)
        if cued
        else (policy.criticism_words, policy.frame_words, policy.topic_words)
    )
    carried = [w for w in carried if not any(_fullmatch(m, w) for m in plain)]
    return any(not _aimed_at_no_one(sentence, w, policy) for w in carried)


def _aimed_at_no_one(sentence: str, word: str, policy: ReplyPolicy) -> bool:
    """Every time `word` is said in `sentence`, the writer says it of themselves ("I'm a
    dyke, I'm a councillor, and I'm standing again": a word reclaimed is no attack) or where
    it names no one (`not_aimed`: "you treat voters like idiots")."""
    said = list(re.finditer(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", sentence, re.IGNORECASE))
    spans = [(m.start(), m.end()) for m in policy.not_aimed.finditer(sentence)] if policy.not_aimed else []
    return bool(said) and all(
        _SELF.search(sentence[: m.start()]) or any(a <= m.start() and m.end() <= b for a, b in spans)
        for m in said
    )


def judge(
    text: str,
    findings: Sequence[Finding],
    policy: ReplyPolicy,
    opinion: SecondOpinion | None = None,
    listed: bool = False,
    abuse: SecondOpinion | None = None,
) -> Verdict:
    """How to treat a reply, from what the rules found and the two learned opinions: the
    offence model's (`opinion`, policy.model_threshold) and our own reply-abuse model's
    (`abuse`, policy.abuse_threshold)."""
    reported, blunt = _reported(text, findings, policy)
    # Thanks that complain of nothing is no abuse, whatever a model makes of its words ("Well
    # done and thank you, this will change lives round here", "as a trans woman in the Black
    # Country this means so much, thank you"): the rules still report abuse said with thanks
    # ("thanks for nothing, I hope you die").
    said = _as_typed(text)
    grateful = _cue(policy.thanks, said) and not _cue(policy.criticism, said)
    if grateful:
        reported = [f for f in reported if f.rule not in policy.model_rules]
    own = reported and all(f.category == "private-info" for f in reported) and not _THIRD.search(said)
    if own and _cue(policy.spam, said):
        reported = []  # a trader's own number in an advert ("call Gaz on 07700 ..."), not hers
    if reported:
        lead = reported[0]
        threat = rule_name(lead) in policy.threat_rules
        clause = lead.clause or CATEGORY_CLAUSES.get(lead.category, "C-abuse")
        category = policy.platform_categories.get(THREAT if threat else lead.category, "abuse and harassment")
        what = "a threat of violence" if threat else REPORT_WORDS.get(lead.category, "abuse")
        return Verdict(
            Triage.REPORT,
            _report_reason(lead, reported, what),
            tuple(reported),
            clause=clause,
            category=category,
            police=any(rule_name(f) in policy.threat_rules for f in reported),
            do_not_amplify=listed,
        )
    aimed = [f for f in findings if is_aimed_swearing(text, f, policy)]
    if aimed:
        return Verdict(
            Triage.REPORT,
            f"{_quoted(aimed)} is swearing at people",
            tuple(aimed),
            clause=CATEGORY_CLAUSES["abuse"],
            category=policy.platform_categories.get("abuse", "abuse and harassment"),
            do_not_amplify=listed,
        )
    # A cue with our model's lean goes first: it says what the reply does (a call to pile on,
    # someone's private information), where the model alone says only that it reads as abuse.
    # Thanks in so many words turns the cues off ("Thank you all, sleep well"); a word of
    # praise alone does not: 'lovely' after "saw your car outside your place again" is the
    # menace. Without `cued_abuse.thanked`, any thanks does.
    # Thanks said with a complaint is no thanks ("Thanks a lot for shutting the pool"), and a
    # cue never said kindly (`unaimed`: "tick tock") is not turned off by thanks at all.
    thanked = _cue(policy.cued_thanked, said) if policy.cued_thanked is not None else grateful
    thanked = thanked and not _cue(policy.criticism, said)
    cued = _cued_abuse(text, findings, abuse, policy, thanked=thanked)
    if cued is not None:
        family, card = cued
        return Verdict(
            Triage.REPORT,
            f"'{card.text}' reads as {family.what} in this reply",
            (card,),
            clause=CATEGORY_CLAUSES.get(family.category, "C-abuse"),
            category=policy.platform_categories.get(family.category, "abuse and harassment"),
            do_not_amplify=listed,
        )
    # A reply of a word or three is a name for whoever is answered ("globalist witch")
    named = 0 < _word_count(said) <= policy.abuse_named_words
    # Counter-speech: 'Someone has called him a "dirty old Jew". Disgusting, I've reported it.
    # You can hate the policy without that filth.' (session 31, batch Y239): the rules still
    # report abuse said with it
    countering = _cue(policy.counter, said)
    for sure, threshold, unaimed in (
        (opinion, policy.model_threshold, 1.0),
        (abuse, policy.abuse_threshold, policy.abuse_unaimed_threshold),
    ):
        if grateful or countering or (sure is not None and not sure.alone):
            continue
        if not _model_report(sure, findings, policy, threshold, unaimed=unaimed, named=named):
            continue
        cards = tuple(f for f in findings if f.category == "offence-score")
        if not cards and sure.finding is not None:
            cards = (sure.finding,)
        named = list(dict.fromkeys(sure.words))
        words = ", ".join(f"'{w}'" for w in named)
        return Verdict(
            Triage.REPORT,
            f"{words} {'reads' if len(named) == 1 else 'read'} as abuse aimed at a person",
            cards,
            clause=CATEGORY_CLAUSES["offence-score"],
            category=policy.platform_categories.get("offence-score", "abuse and harassment"),
            do_not_amplify=listed,
        )
    if listed:
        return as_listed(Verdict(Triage.NO_ACTION, ""))
    return _answer_or_not(said, findings, blunt, policy, tagged=_LEADING_HANDLES.match(text) is not None)


def _cued_abuse(
    text: str,
    findings: Sequence[Finding],
    abuse: SecondOpinion | None,
    policy: ReplyPolicy,
    thanked: bool = False,
) -> tuple[CuedAbuse, Finding] | None:
    """The first of policy.cued that `text` says, with a card on what it said, when our
    reply-abuse model leans towards the reply (policy.cued_threshold) as it would have to
    report it alone, except that the person may be named anywhere in the reply ("Know which
    street you're on now mate. Sleep well"), or need not be named at all for a cue never said
    kindly (`unaimed`). Neither the cue nor the model is proof alone: "be careful what you
    promise" is advice, and the model leans towards blunt criticism. A reply that `thanked`
    someone is read for the unaimed cues only ("Thank you all, sleep well")."""
    if not policy.cued:
        return None
    threshold = policy.cued_threshold
    aimed = not thanked and _model_report(abuse, findings, policy, threshold, about=text, cued=True)
    if not aimed and not _model_report(abuse, findings, policy, threshold, unaimed=threshold, cued=True):
        return None
    plain = text.replace("’", "'").replace("‘", "'")  # the cues' apostrophes; same length
    for family in policy.cued:
        hit = _first_hit((family.cues, family.unaimed) if aimed else (family.unaimed,), plain)
        if hit is None:
            continue
        start, end = hit.span()
        card = Finding(
            start,
            end,
            text[start:end],
            "Drafting.CuedAbuse",
            "offence-score",
            Severity.ADVICE,
            f"'{text[start:end]}' reads as {family.what} here: our model of abusive replies reads this"
            " reply as abuse too. Read it again before you answer it.",
            why="Abuse often says what it means without the words: with the model's reading, it is reported.",
        )
        return family, card
    return None


def _first_hit(matchers: Iterable[Matcher | None], text: str):
    """The first match in `text` of the first of `matchers` that has one."""
    for m in matchers:
        hit = m.search(text) if m is not None else None
        if hit is not None:
            return hit
    return None


def as_listed(verdict: Verdict) -> Verdict:
    """`verdict` for a reply whose author is on the do-not-amplify list: a report stays one
    (marked); anything else becomes "don't reply or share", whatever it says."""
    if verdict.triage is Triage.REPORT:
        return replace(verdict, do_not_amplify=True)
    return Verdict(
        Triage.NO_ACTION,
        "the author is on the do-not-amplify list: don't reply or share",
        do_not_amplify=True,
        corrected=verdict.corrected,
    )


def _answer_or_not(
    said: str, findings: Sequence[Finding], blunt: list[Finding], policy: ReplyPolicy, tagged: bool
) -> Verdict:
    """Respond, thank or no-action for a reply with nothing to report."""
    if _cue(policy.spam, said):
        # an advert asks nothing of us, even when it asks a question ("Want to earn £500 a day?")
        return Verdict(Triage.NO_ACTION, "an advert or spam: nothing to answer")
    rough = tuple(f for f in findings if f.category in ROUGH_CATEGORIES)
    swearing = tuple(f for f in rough if f.category == "profanity")
    # (`said` has lost the reply's leading tags; "@Dawn tagging you so you see it" speaks to Dawn)
    to_us = _DESCRIBED_MEDIA_ONLY.sub(" ", _SECOND_PERSON.sub(" ", said) if tagged else said)
    complains = blunt or rough or _cue(policy.criticism, said) or _turns(to_us, policy)
    if _cue(policy.chatter, said) and not complains:
        # a question to the thread, not to us, that neither complains nor speaks to us
        return Verdict(Triage.NO_ACTION, "talk among the replies: nothing asked of us")
    question = _cue(policy.question, said)
    tone = "rough" if rough else "criticism"
    if blunt:
        reason, found, opening = f"{_quoted(blunt)}: blunt criticism, answer the point", tuple(blunt), tone
    elif question:
        reason, found, opening = "a question", rough, "question"
    elif _cue(policy.criticism, said):
        reason, found, opening = "criticism or a complaint", rough, tone
    elif swearing:
        reason, found, opening = f"{_quoted(swearing)}: swearing, not aimed at anyone", swearing, "rough"
    elif _cue(policy.thanks, said):
        return Verdict(Triage.THANK, "support or thanks")
    elif not rough and _cue(policy.support, said):
        if not _says_more(said, policy.support, policy):
            return Verdict(Triage.THANK, "support")
        reason, found, opening = "a comment to answer", (), "criticism"
    elif not rough and _cue(policy.pointing, said):
        if not _says_more(said, policy.pointing, policy):
            return Verdict(Triage.NO_ACTION, "points someone else at the post")
        reason, found, opening = "a comment to answer", (), "criticism"
    elif _cue(policy.addressed, said):
        reason, found, opening = "a comment to answer", rough, tone
    elif rough:
        reason, found, opening = f"{_quoted(rough)}: rough, not aimed at anyone", rough, "rough"
    elif policy.answer_words and _word_count(said) >= policy.answer_words:
        reason, found, opening = "a comment to answer", (), "criticism"
    else:
        return Verdict(Triage.NO_ACTION, "no question, criticism or thanks")
    if blunt and question:
        opening = "question"
    return Verdict(Triage.RESPOND, reason, found, opening=opening)


def _says_more(said: str, cue: Matcher, policy: ReplyPolicy) -> bool:
    """The rest of a reply, `cue`'s words taken out, would be answered on its own: it has
    `answer_words` words, or speaks to us, complains or turns on what it said (an `addressed`
    or `contrast` cue). Whom it is said to and words that only frame say no more ("Well
    said, Councillor Amin"). Questions and criticism were read in the whole reply before."""
    rest = _HANDLE.sub(" ", _leftover(said, (cue,)))
    words = _LETTERS.findall(rest)
    if all(_only_frames(w, policy) for w in words):
        return False
    if policy.answer_words and len(words) >= policy.answer_words:
        return True
    return _turns(rest, policy)


def _turns(said: str, policy: ReplyPolicy) -> bool:
    return _cue(policy.addressed, said) or _cue(policy.contrast, said)


def _only_frames(word: str, policy: ReplyPolicy) -> bool:
    """A framing word, or a name (a title-case word that is not itself a cue: "Never.")."""
    if _fullmatch(policy.frame_words, word):
        return True
    return _NAME.fullmatch(word) is not None and not _turns(word, policy)


def _word_count(said: str) -> int:
    """Words a reply says (`said` is _as_typed's: links already gone), not counting @handles;
    a word spelt out letter by letter is one word ("d y k e")."""
    joined = _SPELT_OUT.sub(lambda m: m.group().replace(" ", ""), _HANDLE.sub(" ", said))
    return len(_LETTERS.findall(joined))


def _cue(m: Matcher | None, said: str) -> bool:
    return m is not None and m.search(said) is not None
