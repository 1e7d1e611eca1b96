"""`attack`: an insult predicated of a person (P6, conduct: personal attacks).

Recognised shapes, where TARGET is a capitalised name, a role from the rule's `roles`
(optionally with a name: "Councillor Hart"), an @handle, "you" or he/she/they:
  predicate    TARGET is/are/was/'s (a|an|such a|absolute...) INSULT   "Councillor Hart is a clown"
  address      (@x) you (absolute|utter...) INSULT                      "@x you coward"
  handle       @x INSULT                                                "@x coward"
  attributive  INSULT Name / INSULT @x                                  "liar Johnson"
               (that|this|the) INSULT of a ROLE                         "that lying toad of a minister"
  question     Is TARGET (a|such a...) INSULT                           "Is Johnson a liar?"
  been         TARGET has been (a...) INSULT                            "She has been a crook"
  exclaim      how/what a INSULT TARGET is                              "how dishonest you are"
Criticism of a policy or decision ("X's cuts were a mistake") has no person as the subject
of the insult, so it is left alone; nor has an insult whose head noun is in `things`
("such a horrible idea"). A name is a capitalised word that is not there only because it
opens a question, is not shouting (all capitals), is not a group (`groups`) and is not a
run of common dictionary words or an organisation (`bodies`): see lexicon.py. An adjective
alone after a handle ("@x Disgusting.") is a reaction, not an address.

With `targets: groups` the targets are groups of people instead ("Tory voters are morons",
"the lying Tories"); `targets: any` takes both. Matching runs on the evasion-normalised text.

Suggestions: predicate and address shapes get the rule's `rewrite` template, which keeps
the target and turns to their actions; attributive shapes drop the insult ("Johnson").
"""

from __future__ import annotations

import re

from desktop_app.checks.attack_fix import DEFAULT_REWRITE, parse_rewrites, rewrite_suggestions
from desktop_app.checks.base import Rule, Suggestion, TextContext, fill_message
from desktop_app.checks.patterns import compile_words
from desktop_app.checks.tokens import (
    FILLERS,
    NEGATORS,
    TOKEN,
    Tok,
    denied_in_thought,
    is_aside,
    said_not_meant_at,
)
from desktop_app.checks.values import RuleError, str_list, text_value
from desktop_app.checks.wordset import WordSet
from desktop_app.core.morphology import parse_word_forms
from desktop_app.core.splice import fit

# What may follow a `name_only` insult used as a name: the end of its clause.
_NAME_ENDS = frozenset([".", "!", "?", ";", "\n", ",", ":", "—", "–", "-", ")"])

# Grammar glue, not policy: words that may sit between a target and its insult.
DEFAULT_INTENSIFIERS = [
    "a",
    "an",
    "such",
    "absolute",
    "absolutely",
    "total",
    "totally",
    "utter",
    "utterly",
    "complete",
    "completely",
    "right",
    "proper",
    "bloody",
    "real",
    "really",
    "just",
    "nothing",
    "but",
    "being",
    "been",
    "has",
    "have",
    "had",
    "still",
    "always",
    "truly",
    "clearly",
    "obviously",
    "frankly",
    "so",
    "very",
    "massive",
    "huge",
    "big",
    "little",
    "pathetic",
]
_COPULAS = frozenset(["is", "are", "was", "were", "am", "be"])
# Verbs that link a target to what it is said to be, as "is" does: "they have become lunatics"
_LINKING_VERBS = _COPULAS | frozenset(
    ["become", "becomes", "became", "becoming", "seem", "seems", "seemed", "remain", "remains",
     "remained"]
)  # fmt: skip
# "... like a clown": a comparison that calls the target one
_LIKE_VERBS = frozenset(["look", "looks", "looked", "sound", "sounds", "sounded", "act", "acts",
                         "acted", "acting", "behave", "behaves", "behaved", "behaving"])  # fmt: skip
# Words that end a run of describing words between an article and an insult: a negation,
# a joining word or a preposition means the insult belongs to another phrase.
_NOT_DESCRIBING = frozenset(
    ["not", "no", "never", "nor", "and", "or", "but", "of", "for", "to", "with", "in", "on", "at",
     "by", "from", "than", "as", "like", "who", "which", "that", "this", "the", "his", "her",
     "their", "our", "your", "my", "its", "is", "are", "was", "were", "be", "been", "a", "an"]
)  # fmt: skip
_MAX_DESCRIBING = 3
# A name straight after one of these ends a phrase about something else, the subject of the
# verb that follows ("the potholes across Hartlepool are a disgrace").
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "across", "around", "near", "outside", "inside", "throughout", "within", "into",
     "round", "from", "through", "beyond"]
)  # fmt: skip
_PRONOUN_POSSESSIVE = {"you": "your", "u": "your", "ye": "your", "he": "his", "she": "her",
                       "they": "their", "him": "his", "them": "their"}  # fmt: skip
_DETERMINERS = frozenset(
    ["the", "this", "that", "our", "your", "their", "his", "her", "these", "those", "what"]
)
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "mx", "miss", "dr", "sir", "dame", "lord", "lady", "cllr", "prof", "rev"]
)
# Capitalised words that start sentences but are not people.
# What ends a street's name ("Sheep St", "Station Road"): never a person's. Words that are
# also surnames (Hill, Lane, Green, Wood, Park) are left out.
_STREETS = frozenset(
    ["st", "street", "rd", "road", "avenue", "ave", "crescent", "terrace", "gardens", "drive"]
)
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whoever",
        "whatever",
        "everyone",
        "everybody",
        "everything",
        "nobody",
        "nothing",
        "someone",
        "something",
        "anyone",
        "anybody",
        "anything",
        "and",
        "but",
        "so",
        "or",
        "if",
        "when",
        "while",
        "yes",
        "no",
        "our",
        "their",
        "my",
        "your",
        "his",
        "her",
        "we",
        "i",
        "me",
        "us",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "this",
        "week",
        "life",
        "politics",
        "government",
        "policy",
        "brexit",
    ]
)
_YOU = frozenset(["you", "u", "ya", "ye", "youre", "ure"])  # "ye": Scots and Irish
_OBJECTS = frozenset(["them", "him"])  # never the subject of "is"
_ARTICLES = frozenset(["a", "an", "such", "so", "the"])
# After these an insult word before a name is a verb: "who trash Berkeley", "to trash Hart"
_BEFORE_A_VERB = frozenset(["who", "to", "will", "would", "can", "could", "should", "they", "we", "i"])
# After a handle, "@x Monster is ...": the insult word is the subject of a sentence
_VERBS_AFTER_SUBJECT = frozenset(["is", "was", "are", "were", "has", "have", "had", "will", "can"])
# "Is Johnson a liar?", "Isn't he a disgrace?"
_QUESTION_COPULAS = frozenset(["is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't"])
_QUESTION_WORDS = frozenset(["why", "how", "when", "since", "so", "and", "but", "seriously"])
# Capitalised because they open a question or a clause, not because they are names.
_OPENING_WORDS = frozenset(
    ["is", "are", "was", "were", "am", "be", "do", "does", "did", "has", "have", "had", "can",
     "could", "will", "would", "shall", "should", "may", "might", "must", "why", "how", "where",
     "when", "who", "whom", "whose", "which"]
)  # fmt: skip
# Words that may open a group: "these people", "you lot", "all Tory voters"
_GROUP_QUALIFIERS = frozenset(["these", "those", "the", "you", "all", "most", "many", "some", "typical"])
# Endings that mark an insult as an adjective rather than a noun ("disgusting", "shameful")
_ADJECTIVE_ENDINGS = (
    "ing",
    "ful",
    "ous",
    "ible",
    "able",
    "ic",
    "less",
    "ive",
    "ish",
    "ed",
    "al",
    "ent",
    "ly",
    "y",
)
_SENTENCE_ENDS = frozenset([".", "!", "?", ":", ";", '"', "“", "”"])
# Shared fillers the attack kind also skips; not "like", "of", "kind", "sort", "some", which
# carry the comparison and quantity shapes it reads itself.
_SHARED_FILLERS = FILLERS - {"like", "of", "kind", "sort", "some", "but", "nothing", "being", "lol", "right"}


def _tokens(ctx: TextContext, ntext: str):
    """The normalised text's tokens and their index by start and end, shared by every
    attack rule that looks at this text."""
    key = ("attack-tokens", ntext)
    found = ctx.memo.get(key)
    if found is None:
        toks = [Tok(m.start(), m.end(), m.group()) for m in TOKEN.finditer(ntext)]
        found = ctx.memo[key] = (
            toks,
            {t.start: k for k, t in enumerate(toks)},
            {t.end: k for k, t in enumerate(toks)},
        )
    return found


# Sentence ends that a quotation inside a sentence does not make.
_FULL_STOPS = frozenset([".", "!", "?", ";"])
# Before a name, these make it the object of a phrase, not the subject of the "is" after it.
_PREPOSITIONS = frozenset(["of", "for", "about", "from", "with", "against", "towards", "over", "because"])


def _sentence_start(toks: list[Tok], i: int, ends: frozenset[str] = _SENTENCE_ENDS) -> int:
    """The index of the first token of the sentence holding toks[i]."""
    start = i
    while start > 0 and toks[start - 1].text not in ends:
        start -= 1
    return start


def _opens_with_an_act(toks: list[Tok], i: int) -> bool:
    """Whether the sentence holding toks[i] opens with an -ing word ("Calling ...",
    "Blaming ..."): then the sentence's subject is that act."""
    start = _sentence_start(toks, i, _FULL_STOPS)  # a quotation inside runs on
    opener = toks[start].low
    return (
        start < i
        and len(opener) > 5
        and opener.endswith("ing")
        and opener not in _ING_NOUNS
        and toks[start].text[:1].isupper()
    )


# -ing words that open a sentence without being an act: greetings, things and towns
_ING_NOUNS = frozenset(["morning", "evening", "nothing", "something", "anything", "everything",
                       "during", "meeting", "building", "wedding", "darling", "spring", "string",
                       "ceiling", "reading", "ealing", "woking", "worthing", "kettering", "tooting",
                       "sterling", "being"])  # fmt: skip


def _sentence_initial(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].text in _SENTENCE_ENDS


def _typed_in_lower_case(toks: list[Tok], i: int) -> bool:
    """The sentence around toks[i] has no capital letter after its first word (handles,
    hashtags and "I" aside): its writer does not capitalise names either."""
    start = _sentence_start(toks, i)
    end = i
    while end + 1 < len(toks) and toks[end + 1].text not in _SENTENCE_ENDS:
        end += 1
    return not any(
        t.text[:1].isupper() and t.text[:1] not in "@#" and t.low != "i" and k != start
        for k, t in enumerate(toks[start : end + 1], start)
    )


# Endings of nouns for acts and states ("Consultation", "Regeneration", "Leadership"): the
# dictionary lists their stems ('consult'), not them, and no one is called by one.
_ABSTRACT = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|hood)s?$")


def _abstract_noun(tok: Tok) -> bool:
    return len(tok.low) > 6 and tok.low.isalpha() and bool(_ABSTRACT.search(tok.low))


class AttackRule(Rule):
    kind = "attack"
    keys = frozenset(
        {
            "insults",
            "roles",
            "intensifiers",
            "things",
            "groups",
            "bodies",
            "targets",
            "rewrite",
            "rewrites",
            "forms",
            "name_only",
            "reporting",
        }
    )
    default_category = "personal-attack"

    def compile(self, d):
        insults = str_list(d.get("insults"), "insults")
        if not insults:
            raise RuleError("insults", "an attack rule needs `insults` (a list or an include)")
        self.insult_re = compile_words(insults, "insults", ignorecase=True)
        # quoted to report it, it is not said: 'stop saying "men are trash"'
        self.reporting = frozenset(w.lower() for w in str_list(d.get("reporting"), "reporting"))
        self._insult_words = [w for w in insults if w.isalpha()]
        roles = str_list(d.get("roles"), "roles")
        self.roles = {tuple(r.lower().split()) for r in roles if r.strip()}
        self.max_role_words = max((len(r) for r in self.roles), default=1)
        extra = d.get("intensifiers")
        own = frozenset(w.lower() for w in (str_list(extra, "intensifiers") or DEFAULT_INTENSIFIERS))
        # The filler words every conduct kind skips ("basically", "literally", ...), never a
        # negation: "he is not a liar" says the opposite.
        self.fillers = (own | _SHARED_FILLERS) - NEGATORS
        # Nouns for things, not people: an insult before one describes the thing
        # ("such a horrible idea", "another phoney poll").
        self.things = frozenset(w.lower() for w in str_list(d.get("things"), "things"))
        # Plural nouns for groups of people ("liberals", "voters"): never a person's name, and
        # the targets of a rule with `targets: groups` ("Tory voters are morons").
        self.groups = frozenset(w.lower() for w in str_list(d.get("groups"), "groups"))
        # Nouns that end an organisation's name ("Conservative Party", "Home Office").
        self.bodies = frozenset(w.lower() for w in str_list(d.get("bodies"), "bodies"))
        targets = text_value(d, "targets", "people")
        if targets not in ("people", "groups", "any"):
            raise RuleError("targets", f"use people, groups or any, not {targets!r}")
        if targets != "people" and not self.groups:
            raise RuleError(
                "groups", f"a rule with `targets: {targets}` needs `groups` (a list or an include)"
            )
        self.group_mode = targets == "groups"  # only groups: no "you ..." or "@x ..." address
        self.any_target = targets == "any"
        self.rewrite = text_value(d, "rewrite") or DEFAULT_REWRITE
        self.rewrites = parse_rewrites(self.rewrite, d.get("rewrites"))
        try:  # word forms tell "who hid from the meeting" (an action) from "who has no idea"
            self.forms = parse_word_forms(d.get("forms"))
        except ValueError as exc:
            raise RuleError("forms", str(exc)) from None
        # Insults that are everyday words too ("melt", "weapon"): a name for someone only when
        # nothing follows them in their clause ("you absolute melt." but not "you melt the
        # butter", "he is a weapon with a left foot"). Listed in `insults` as well.
        self.name_only = frozenset(w.lower() for w in str_list(d.get("name_only"), "name_only"))
        self.evasion = True  # insults are typed to dodge filters whatever the rule serves

    def warm_up(self):
        self.spec.lexicon()  # the dictionary that tells names from common words

    def evasion_words(self):
        return self._insult_words

    def probe(self):
        return self.insult_re.pattern, True

    # -- targets --

    def _role_at(self, toks: list[Tok], end_index: int) -> int | None:
        """Index of the first token of a role ending at toks[end_index], or None."""
        for n in range(self.max_role_words, 0, -1):
            first = end_index - n + 1
            if first < 0:
                continue
            if tuple(t.low for t in toks[first : end_index + 1]) in self.roles:
                return first
        return None

    def _is_name(self, tok: Tok) -> bool:
        text = tok.text
        return (
            text[:1].isupper()
            and text[:1].isalpha()
            and tok.low not in _NOT_NAMES
            and tok.low not in _OPENING_WORDS
            and not tok.low.endswith("n't")  # "Don't be a clown" has no target
            and not (len(text) > 1 and text.isupper())  # shouting, not a name: "GUN CONTROL IS A JOKE"
            and tok.low not in self.groups  # "Liberals are ..." is a group, not a person
        )

    def _lower_case_name(self, toks: list[Tok], i: int) -> int | None:
        """The first index of a person's name typed in lower case and ending at toks[i], in
        a sentence typed without capitals ("theresa may is a lying cow", "sarah mitchell is a
        clown"): names the dictionary knows, opening with one it knows only as a name."""
        lexicon = self.spec.lexicon()

        def name(t: Tok) -> bool:
            return t.text.isalpha() and t.text.islower() and lexicon.is_known_name(t.text)

        if not name(toks[i]) or not _typed_in_lower_case(toks, i):
            return None
        first = i
        while first > 0 and i - first < 2 and name(toks[first - 1]):
            first -= 1
        while first <= i and lexicon.is_word(toks[first].low):
            first += 1  # "may" alone is a word; after "theresa" it is a name
        if first > i or toks[first].low in self.groups:
            return None
        return first

    def _names_a_person(self, toks: list[Tok], first: int, last: int, strict: bool = False) -> bool:
        """Whether a run of capitalised words is a person's name rather than a title or a
        body: "Boris Johnson" and "Jerry Jones" are; "Theatre Company", "Gun Control",
        "Labour Party" are not (a common dictionary word that is not also a name, followed
        only by common words). `strict` (right after an insult: "Fascist Movement Antifa")
        rejects any run that opens with such a word."""
        if any(self._role_at(toks, k) is not None for k in range(first, last + 1)):
            return True  # "Councillor Ward"
        if toks[last].low.rstrip(".") in _STREETS:
            return False  # "the potholes on Station Road are ridiculous", "use Sheep St car park"
        names = [k for k in range(first, last + 1) if self._is_name(toks[k])]
        words = self.spec.lexicon()
        # "the Conservative Party", "the Home Office": an organisation ("Bill" alone is a name)
        if (
            names
            and toks[names[-1]].low in self.bodies
            and (len(names) > 1 or not words.is_known_name(toks[names[-1]].text))
        ):
            return False
        if len(names) < 2:
            return True
        if not words.is_common_not_name(toks[names[0]].text):
            return True
        return not strict and not all(words.is_common_word(toks[k].text) for k in names[1:])

    def _target_ending_at(self, toks: list[Tok], i: int) -> tuple[int, str] | None:
        """(first token index, kind) of a target whose last token is toks[i]."""
        if self.group_mode:
            return self._group_ending_at(toks, i)
        if self.any_target:
            group = self._group_ending_at(toks, i)
            if group is not None:
                return group
        tok = toks[i]
        if tok.low in _OBJECTS and i + 1 < len(toks) and toks[i + 1].low in ("is", "was"):
            return None  # "the fact we still need them is a failure": an object ends a clause
        if tok.low in _PRONOUN_POSSESSIVE:
            return i, "pronoun"
        if tok.text.startswith("@") and len(tok.text) > 1:
            return i, "handle"
        if tok.low in self.groups:
            return None  # "Tory ministers", "Labour MPs": a group (the group rule's business)
        first = self._role_at(toks, i)
        if first is None and not self._is_name(tok):
            lower = self._lower_case_name(toks, i)
            return None if lower is None else (lower, "person")
        first = i if first is None else first
        # Extend left over more name words, honorifics, roles and a determiner.
        while first > 0:
            prev = toks[first - 1]
            role = self._role_at(toks, first - 1)
            if role is not None:
                first = role
            elif self._is_name(prev) or prev.low.rstrip(".") in _HONORIFICS:
                first -= 1
            else:
                break
        if not self._names_a_person(toks, first, i):
            return None
        if (
            first > 0
            and toks[first - 1].low in _PREPOSITIONS
            and i + 1 < len(toks)
            and toks[i + 1].low in ("is", "was")
            and _opens_with_an_act(toks, first)
        ):
            return None  # "Blaming them for Covid is racist": what "is" is said of is the act
        if (
            first == i
            and _sentence_initial(toks, i)
            and self._role_at(toks, i) is None
            and (self.spec.lexicon().is_common_not_name(tok.text) or _abstract_noun(tok))
        ):
            return None  # "Poverty is a disgrace": a capital only because it opens the sentence
        if first > 0 and toks[first - 1].low in _DETERMINERS and self._role_at(toks, i) is not None:
            first -= 1
        return first, "person"

    def _group_ending_at(self, toks: list[Tok], i: int) -> tuple[int, str] | None:
        """ "liberals", "Tory voters", "these people", "you lot": a group noun and the
        capitalised or determining words before it."""
        if toks[i].low in ("left", "right") and i > 0 and toks[i - 1].low == "the":
            return i - 1, "group"  # "the left are ..."
        if toks[i].low not in self.groups:
            return None
        first = i
        while first > 0 and first > i - 3:
            prev = toks[first - 1]
            if prev.low in _GROUP_QUALIFIERS or (prev.text[:1].isupper() and prev.low not in _NOT_NAMES):
                first -= 1
            else:
                break
        return first, "group"

    # -- matching --

    def find(self, ctx: TextContext):
        text = ctx.text
        norm = ctx.normalised
        ntext = norm.text
        found = ctx.spans(self.insult_re, ntext)
        if not found:
            return []
        toks, by_start, by_end = _tokens(ctx, ntext)
        if not toks:
            return []
        insult_tokens: set[int] = set()
        runs: list[tuple[int, int]] = []
        skip = self.excepted_spans(ntext, ctx)
        for s, e in found:
            if s not in by_start or e not in by_end or any(a <= s and e <= b for a, b in skip):
                continue
            a, b = by_start[s], by_end[e]
            insult_tokens.update(range(a, b + 1))
            runs.append((a, b))
        if not runs:
            return []
        out = []
        used_until = -1
        for a, b in runs:
            if a <= used_until:
                continue
            # Grow the run over following insults and fillers ("lying toad", "total clown").
            while b + 1 < len(toks) and (b + 1 in insult_tokens):
                b += 1
            if self._describes_a_thing(toks, b, insult_tokens):
                continue
            if self._word_not_name(toks, b):
                continue
            hit = self._predicate(toks, a) or self._attributive(toks, a, b) or self._reordered(toks, a, b)
            if hit is None:
                continue
            shape, t_first, t_last, s_tok, e_tok = hit
            e_tok = b if e_tok is None else e_tok
            used_until = max(b, e_tok)
            s, e = norm.to_original(toks[s_tok].start, toks[e_tok].end)
            ts, te = norm.to_original(toks[t_first].start, toks[t_last].end)
            target = text[ts:te]
            if shape == "before-role" and toks[s_tok].low in _DETERMINERS:
                ds, de = norm.to_original(toks[s_tok].start, toks[s_tok].end)
                target = f"{text[ds:de]} {target}"  # "this corrupt woman" -> "this woman"
            if self.reporting and said_not_meant_at(ctx, s, e, self.reporting, frozenset()):
                continue
            if denied_in_thought(toks, min(s_tok, t_first), self.fillers):
                continue
            out.append(self._finding(text, s, e, target, shape))
        return out

    def _word_not_name(self, toks: list[Tok], b: int) -> bool:
        """The run ends on a `name_only` insult and its clause goes on after it."""
        if toks[b].low not in self.name_only:
            return False
        k = b + 1
        while k < len(toks) and is_aside(toks[k]):
            k += 1
        return k < len(toks) and toks[k].low not in _NAME_ENDS

    def _is_insult(self, word: str) -> bool:
        """One word is on the rule's insult list (for a list of insults after the first)."""
        regex = self.insult_re
        found = regex.spans(word) if isinstance(regex, WordSet) else [m.span() for m in regex.finditer(word)]
        return any(s == 0 and e == len(word) for s, e in found)

    def _describes_a_thing(self, toks: list[Tok], b: int, insult_tokens: set[int]) -> bool:
        """The head noun after an insult is a thing: "such a horrible, stupid idea", "a
        joke of a budget", "another phoney poll"."""
        if not self.things:
            return False

        def modifier(k: int) -> bool:
            return k in insult_tokens or (toks[k].low in self.fillers and toks[k].low not in ("a", "an"))

        k = b + 1
        while k < len(toks):
            if modifier(k):
                k += 1
            elif toks[k].low in (",", "and", "or") and k + 1 < len(toks) and modifier(k + 1):
                k += 2  # "horrible, stupid idea": the list goes on to the noun
            else:
                break
        if k >= len(toks):
            return False
        if toks[k].low in self.things:
            return True
        return (
            toks[k].low == "of"
            and k + 2 < len(toks)
            and toks[k + 1].low in ("a", "an", "the")
            and toks[k + 2].low in self.things
        )

    def _predicate(self, toks: list[Tok], a: int):
        j = a - 1
        while j >= 0 and toks[j].low in self.fillers:
            j -= 1
        j = self._before_describing_words(toks, j)
        if j < 0:
            return None
        skipped = {t.low for t in toks[j + 1 : a]}
        tok = toks[j]
        if (tok.low in _YOU or (tok.low in ("your", "ur", "yer") and toks[j + 1].low in _ARTICLES)) and not (
            skipped & {"the", "and"}
        ):
            # "you coward", and the common misspellings "youre a disgrace", "your a joke"
            return None if self.group_mode else ("address", j, j, j, None)
        if tok.text.startswith("@") and len(tok.text) > 1:
            if "the" in skipped or "and" in skipped:
                return None  # "@x The old fool proved ...": a new sentence about someone else
            if self.group_mode or (j == a - 1 and self._exclamation(toks, a)):
                return None  # "@x Disgusting. This ...": a reaction to what they said
            if j == a - 1 and a + 1 < len(toks) and toks[a + 1].low in _VERBS_AFTER_SUBJECT:
                return None  # "@x Monster is the place to find jobs": the word is a subject
            return "address", j, j, j, None
        if tok.low.endswith(("'s", "'re")) and len(tok.low) > 3:
            # "Johnson's a liar", "you're a disgrace", "he's a clown"
            return None if self.group_mode else self._contracted(toks, j)
        # "u r a ...": text-speak 'r' is 'are' after 'u' (nowhere else: "the R number")
        linking = tok.low in _LINKING_VERBS or (tok.low == "r" and j > 0 and toks[j - 1].low in _YOU)
        if tok.low == "like" and j > 0 and toks[j - 1].low in _LIKE_VERBS:
            linking, j = True, j - 1  # "he looks like a clown"
        if linking:
            k = j - 1
            while k >= 0 and toks[k].low in self.fillers and toks[k].low not in _PRONOUN_POSSESSIVE:
                k -= 1
            if k < 0:
                return None
            found = self._target_ending_at(toks, k)
            if found is None:
                return None
            first, _ = found
            if _acted_on(toks, first, k):
                return None  # "Closing Ysgol Bryn Mawr is a disgrace": the closing is
            if first > 0 and toks[first - 1].low in _PLACE_PREPOSITIONS and self._role_at(toks, k) is None:
                return None  # "waiting lists in Grimsby are a disgrace": the lists are
            return "predicate", first, k, first, None
        found = self._target_ending_at(toks, j)
        if found is None:
            return None
        first, _ = found
        if (
            first > 0
            and toks[first - 1].low in _QUESTION_COPULAS
            and (_sentence_initial(toks, first - 1) or toks[first - 2].low in _QUESTION_WORDS)
        ):
            return "predicate", first, j, first - 1, None  # "Is Johnson a liar?"
        if skipped & {"been", "being"}:
            return "predicate", first, j, first, None  # "She has been a crook all her life"
        return None

    # -- shapes that put the insult first or apart from its target --

    def _reordered(self, toks: list[Tok], a: int, b: int):
        """ "A liar, that is what Johnson is"; "Johnson? A total liar."; "An idiot who can't
        add up: that's our council leader". A negation in the shape ("that is not what he is")
        leaves it alone."""
        if self.group_mode:
            return None
        n = len(toks)
        head = a
        while head > 0 and toks[head - 1].low in self.fillers:
            head -= 1  # the article and fillers before the insult: "a total"
        # "Johnson? A total liar." : a target alone in a question, then the insult alone
        if head > 1 and toks[head - 1].low == "?" and (b + 1 >= n or toks[b + 1].low in _FRAGMENT_ENDS):
            found = self._target_ending_at(toks, head - 2)
            if found is not None and _sentence_initial(toks, found[0]):
                return "predicate", found[0], head - 2, found[0], b
        if head > 0 and not _sentence_initial(toks, head):
            return None
        # "A liar, that is what Johnson is"
        k = b + 1
        if k < n and toks[k].low in (",", ":", "-", "—", "–"):
            k += 1
        after_that = _after_that_is(toks, k)
        if after_that is not None and after_that < n and toks[after_that].low == "what":
            for cop in range(after_that + 2, min(n, after_that + 6)):
                if toks[cop].low in _COPULAS or toks[cop].low.endswith(("'s", "'re")):
                    found = self._target_ending_at(toks, cop - 1)
                    said = found is not None and found[0] == after_that + 1
                    if said and not _negation_in(toks, after_that, cop):
                        return "predicate", found[0], cop - 1, head, cop
                    break
            return None
        # "An idiot who can't add up: that's our council leader"
        for k in range(b + 1, min(n, b + 18)):
            low = toks[k].low
            if low in (".", "!", "?", ";"):
                return None
            if low in (":", ",", "-", "—", "–") and k > b + 1:
                start = _after_that_is(toks, k + 1)
                if start is None or start >= n or _negation_in(toks, k, start):
                    continue
                for last in range(min(n - 1, start + 4), start - 1, -1):
                    found = self._target_ending_at(toks, last)
                    if found is not None and found[0] == start:
                        return "predicate", start, last, head, last
        return None

    def _before_describing_words(self, toks: list[Tok], j: int) -> int:
        """Step back over a few describing words the intensifiers do not list, when an article
        comes before them: "he is nothing but a left wing unhinged liberal jerk". Returns the
        index of the word before the article and its fillers, or j unchanged."""
        k, described = j, 0
        while k >= 0 and described < _MAX_DESCRIBING:
            if _describing(toks[k]):
                described += 1
            elif not (
                toks[k].low == "," and k > 0 and _describing(toks[k - 1]) and toks[k + 1].low not in _ARTICLES
            ):
                # a comma only between describing words: "a fat, thick cow" ("a clown, a liar" lists)
                break
            k -= 1
        if k == j or k < 0 or toks[k].low not in ("a", "an"):
            return j
        k -= 1
        while k >= 0 and toks[k].low in self.fillers:
            k -= 1
        return k

    def _exclamation(self, toks: list[Tok], a: int) -> bool:
        """An adjective on its own after a handle ("@x disgusting", "@x Shameful!") reacts to
        what was said; a noun ("@x coward") calls the person a name."""
        low = toks[a].low
        return low in self.fillers or low.endswith(_ADJECTIVE_ENDINGS)

    def _contracted(self, toks: list[Tok], j: int):
        tok = toks[j]
        stem = tok.low.rsplit("'", 1)[0]
        if stem in _PRONOUN_POSSESSIVE:
            return "contracted", j, j, j, None
        if stem in ("it", "that", "this", "there", "what", "who", "here", "everything", "nothing"):
            return None
        if not tok.text[:1].isupper() and (stem,) not in self.roles:
            return None  # "plan's a joke": not a person
        if stem in self.bodies or stem in self.groups:
            return None  # "the Conservative Government's failure": an organisation's record
        insult = toks[j + 1] if j + 1 < len(toks) else None
        noun = insult is not None and not insult.low.endswith(_ADJECTIVE_ENDINGS)
        if noun and insult.low not in self.fillers:
            return None  # "Johnson's failure to act": a possessive before a noun, not "Johnson is"
        found = self._target_ending_at(toks, j - 1) if j > 0 and self._is_name(toks[j - 1]) else None
        first = found[0] if found else j
        if first > 0 and toks[first - 1].low in _DETERMINERS and (stem,) in self.roles:
            first -= 1
        return "contracted", first, j, first, None

    def _attributive(self, toks: list[Tok], a: int, b: int):
        start = a
        while start > 0 and toks[start - 1].low in self.fillers and toks[start - 1].low not in ("a", "an"):
            start -= 1
        det = start - 1 if start > 0 and toks[start - 1].low in _DETERMINERS else None
        if det is None and start > 1 and toks[start - 1].low in ("a", "an") and toks[start - 2].low == "what":
            det = start - 2  # "what an idiot @bob is"
        nxt = b + 1
        if nxt >= len(toks):
            return None
        if self.group_mode or self.any_target:
            group = self._before_group(toks, nxt, det if det is not None else a)
            if group is not None or self.group_mode:
                return group
        # "how evil you are", "what a liar he is"
        opener = det if det is not None and toks[det].low == "what" else start - 1
        if (
            opener >= 0
            and toks[opener].low in ("how", "what")
            and toks[nxt].low in _PRONOUN_POSSESSIVE
            and nxt + 1 < len(toks)
            and toks[nxt + 1].low in _COPULAS
        ):
            return "exclaim", nxt, nxt, opener, nxt + 1
        # "what an idiot the minister is", "what a clown our MP is"
        named = toks[nxt].text.startswith("@") or self._is_name(toks[nxt])
        if det is not None and toks[det].low == "what" and not named:
            for cop in range(nxt + 1, min(len(toks), nxt + 1 + self.max_role_words + 1)):
                if toks[cop].low in _COPULAS:
                    found = self._target_ending_at(toks, cop - 1)
                    if found is not None and found[0] == nxt:
                        return "exclaim", nxt, cop - 1, det, cop
                    break
        # "that lying toad of a minister"
        if toks[nxt].low == "of" and nxt + 2 < len(toks) and toks[nxt + 1].low in ("a", "an", "the"):
            for last in range(min(len(toks) - 1, nxt + 1 + self.max_role_words), nxt + 1, -1):
                if self._role_at(toks, last) == nxt + 2:
                    return "of-role", nxt + 2, last, det if det is not None else a, last
        # "liar Johnson", "coward @x"
        tok = toks[nxt]
        if tok.text.startswith("@") and len(tok.text) > 1:
            return "before-name", nxt, nxt, det if det is not None else a, nxt
        if self._is_name(tok) and tok.low not in _PRONOUN_POSSESSIVE:
            insult = toks[a]
            title_case = insult.text[:1].isupper() and not insult.text.isupper()
            words = self.spec.lexicon()
            if title_case and (
                words.is_common_not_name(tok.text)
                or tok.low in self.bodies
                or (not _sentence_initial(toks, a) and not words.is_known_name(tok.text))
            ):
                return None  # a title: "Evil Empire", "National Fools League" ("Crazy Joe" is a name)
            if start > 0 and toks[start - 1].low in _BEFORE_A_VERB:
                return None  # "antifa who trash Berkeley": the insult word is a verb
            last = nxt
            while last + 1 < len(toks) and self._is_name(toks[last + 1]):
                last += 1
            if not self._names_a_person(toks, nxt, last, strict=True):
                return None  # "Fascist Movement Antifa": a body, not a person
            if last + 1 < len(toks) and toks[last + 1].low in self.things:
                return None  # "another despicable Trump lie": the name describes a thing
            return "before-name", nxt, last, det if det is not None else a, last
        # "this corrupt woman", "the useless try-hard presenter"; not "a racist man abused a
        # driver", which describes someone nobody can identify, nor attacks them
        indefinite = start > 0 and toks[start - 1].low in ("a", "an")
        role = None if indefinite else self._role_after(toks, nxt)
        if role is not None:
            first, last = role
            return "before-role", first, last, det if det is not None else a, last
        return None

    def _role_after(self, toks: list[Tok], nxt: int) -> tuple[int, int] | None:
        """(first, last) of a role that an insult describes: right after it or after a couple
        of describing words ("nasty little man", "useless try-hard presenter"). A role
        followed by a thing ("the corrupt officer scheme") is part of a thing's name."""
        k = nxt
        while k < len(toks) and k - nxt <= _MAX_DESCRIBING:
            for last in range(min(len(toks) - 1, k + self.max_role_words - 1), k - 1, -1):
                if self._role_at(toks, last) == k:
                    after = last + 1
                    if after < len(toks) and (toks[after].low in self.things or toks[after].low == "'s"):
                        return None
                    return k, last
            # "disgrace and the minister": a joining word or a determiner starts another phrase
            if toks[k].low in _NOT_DESCRIBING or not (_describing(toks[k]) or toks[k].low in self.fillers):
                return None
            k += 1
        return None

    def _before_group(self, toks: list[Tok], nxt: int, s_tok: int):
        """ "lying liberals", "disgusting Tory voters": an insult before a group noun."""
        for last in range(nxt, min(nxt + 3, len(toks))):
            if toks[last].low in self.groups:
                if all(toks[k].text[:1].isupper() for k in range(nxt, last)):
                    return "before-name", nxt, last, s_tok, last
                return None
            if not toks[last].text[:1].isupper():
                return None
        return None

    # -- the card --

    def _finding(self, text: str, s: int, e: int, target: str, shape: str):
        message = fill_message(self.message or "'%s' attacks a person, not what they did.", text[s:e])
        return self.finding(text, s, e, message, self._suggestions(text, s, e, target, shape))

    def _suggestions(self, text: str, s: int, e: int, target: str, shape: str) -> list[Suggestion]:
        """The rewrite (see attack_fix.py): the insult dropped where the sentence stands
        without it, "wrong" where a reason follows, else a fill-in rewrite about actions."""
        if shape == "before-name" and _exclaimed(text, s, e):
            shape, e = "exclaim", e + _exclaimed(text, s, e)  # "What an idiot @bob is"
        if shape in ("predicate", "contracted", "address", "exclaim"):
            if shape == "contracted":
                target = target.rsplit("'", 1)[0].rsplit("’", 1)[0]
            return rewrite_suggestions(
                text,
                s,
                e,
                target,
                shape,
                self.rewrite,
                self.rewrites,
                group=self.group_mode or self.any_target,
                forms=self.forms,
                is_insult=self._is_insult,
            )
        if shape == "before-role":
            replacement = target  # the role with its determiner, the insult dropped: "this woman"
        elif shape == "of-role":
            replacement = "the " + target.lower()
        else:
            replacement = target
            first = text[s:e].split(None, 1)[0] if text[s:e].strip() else ""
            if (
                self.group_mode
                and first.lower() in ("the", "these", "those")
                and not target.lower().startswith(first.lower())
            ):
                replacement = f"{first} {target}"  # "the lying Tories" -> "the Tories"
        spliced = fit(text, s, e, replacement, keep_case=shape != "of-role")
        return [Suggestion(spliced.replacement, spliced.start, spliced.end, label="Drop the insult")]


_FRAGMENT_ENDS = frozenset([".", "!", "?", ",", ";", "…"])


def _after_that_is(toks: list[Tok], k: int) -> int | None:
    """The index after "that's" / "that is" / "that was" / "this is" at k, or None."""
    if k >= len(toks):
        return None
    low = toks[k].low
    if low in ("that's", "thats", "that’s", "this's"):
        return k + 1
    if low in ("that", "this") and k + 1 < len(toks) and toks[k + 1].low in ("is", "was", "'s"):
        return k + 2
    return None


def _acted_on(toks: list[Tok], first: int, last: int) -> bool:
    """The name toks[first..last] opens its sentence with an action done to what follows
    ("Closing Ysgol Bryn Mawr", "Selling Parkside House"): the subject is the action, not a
    person."""
    word = toks[first]
    return first < last and word.low.endswith("ing") and len(word.low) > 5 and _sentence_initial(toks, first)


def _negation_in(toks: list[Tok], first: int, last: int) -> bool:
    return any(t.low in NEGATORS or t.low.endswith("n't") for t in toks[first : last + 1])


def _describing(tok: Tok) -> bool:
    return tok.text.replace("-", "").isalpha() and tok.low not in _NOT_DESCRIBING


def _exclaimed(text: str, s: int, e: int) -> int:
    """ "What an idiot @bob is": the length of " is" after the target, or 0."""
    if not re.match(r"(?i)(?:what|how)\b", text[s:e]):
        return 0
    m = re.match(r"[ \t]+(?:is|are|was|were)\b(?=[ \t]*(?:[.!?]|$))", text[e:])
    return m.end() if m else 0
