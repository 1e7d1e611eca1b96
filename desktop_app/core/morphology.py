"""English word forms for rewrites: a or an, plurals, and the forms of a verb.

A swap must follow the word it replaces: "leveraged" becomes "used", "leveraging" "using",
"a" becomes "an" before "overall". Regular forms follow the spelling rules below; the
irregular ones (went, people, ...) come from the policy pack (`vocab/word-forms.yml`) as a
`WordForms`, so an organisation can add to them. Pure Python, no dictionary files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# --- a or an: by the sound of the next word ----------------------------------------------------

# Words spelt with a vowel that start with a consonant sound ("a one-off", "a union") and
# words spelt with a consonant that start with a vowel sound ("an hour", "an honest").
_CONSONANT_SOUND = re.compile(
    r"^(?:one(?![a-z])|once|uni(?!n|mp|nt|ll)|use|usu|ura|uro|eu|ewe|ufo|utop|uk(?![a-z])|ubiq|ute|"
    r"u[bcfgklmprstvz][aeiouy]|unanim)",
)
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir|herb(?!ert))")
# Capitals read letter by letter: "an MP", "an SNP", "a UKIP", "an NHS", "a BBC"
_LETTER_VOWEL_SOUND = frozenset("AEFHILMNORSX")


def article_for(word: str) -> str:
    """'a' or 'an' for the word that follows the article."""
    w = word.strip("\"'‘“(").split(" ", 1)[0]
    if not w:
        return "a"
    if w[0].isdigit():
        # "an 8-week course", "an 11-year-old", "an 18th", "a 1"
        return "an" if re.match(r"^(?:8|11|18|80|800|8,)", w) or re.match(r"^(?:11|18)(?:\D|$)", w) else "a"
    lead = re.match(r"[^A-Za-z]*([A-Za-z]+)", w)
    if lead is None:
        return "a"
    letters = lead.group(1)
    if _is_initialism(letters):
        return "an" if letters[0] in _LETTER_VOWEL_SOUND else "a"
    low = letters.lower()
    if _VOWEL_SOUND.match(low):
        return "an"
    if _CONSONANT_SOUND.match(low):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


def _is_initialism(word: str) -> bool:
    """NHS, MP, SNP, UKIP's 'U': all capitals, short, not a word read as a word."""
    core = word.rstrip("'s’").rstrip("s") if len(word) > 2 else word
    return 1 < len(core) <= 5 and core.isupper() and core.isalpha() and core not in _SPOKEN_ACRONYMS


# Acronyms said as words ("a UKIP councillor", "an Ofsted report" is not all capitals anyway)
_SPOKEN_ACRONYMS = frozenset(["UKIP", "NATO", "UNISON", "UNITE", "OFSTED", "ASBO", "NIMBY", "SAGE"])


# --- verb and noun forms ------------------------------------------------------------------------

VERB_FORMS = ("base", "s", "ed", "en", "ing")  # use, uses, used, used (participle), using


@dataclass(frozen=True)
class WordForms:
    """Irregular forms, from the policy pack: verb base -> (past, past participle), noun
    singular -> plural. Everything else follows the spelling rules."""

    verbs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    nouns: Mapping[str, str] = field(default_factory=dict)

    def past(self, verb: str) -> str:
        return self.verbs[verb][0] if verb in self.verbs else _regular_past(verb)

    def participle(self, verb: str) -> str:
        return self.verbs[verb][1] if verb in self.verbs else _regular_past(verb)

    def plural(self, noun: str) -> str:
        low = noun.lower()
        if low in self.nouns:
            return _same_case(self.nouns[low], noun)
        return _regular_plural(noun)

    def verb_form(self, verb: str, form: str) -> str:
        """One form of a verb phrase: its first word changes ("get in touch" -> "got in touch")."""
        head, sep, rest = verb.partition(" ")
        low = head.lower()
        if form == "base":
            new = low
        elif form == "s":
            new = {"be": "is", "have": "has", "do": "does", "go": "goes"}.get(low) or _regular_plural(low)
        elif form == "ed":
            new = self.past(low)
        elif form == "en":
            new = self.participle(low)
        elif form == "ing":
            new = gerund(low)
        else:
            raise ValueError(f"unknown verb form {form!r}")
        return _same_case(new, head) + sep + rest

    def noun_form(self, noun: str, plural: bool) -> str:
        """A noun phrase made plural at its last word ("bin collection" -> "bin collections"),
        unless it has a plural form written out ("person affected/people affected")."""
        if "/" in noun:
            one, many = noun.split("/", 1)
            return many.strip() if plural else one.strip()
        if not plural:
            return noun
        head, sep, last = noun.rpartition(" ")
        return head + sep + self.plural(last)

    def verb_forms_of(self, verb: str) -> dict[str, str]:
        """Every form of `verb` keyed by its name in VERB_FORMS (what a key matches)."""
        return {form: self.verb_form(verb, form) for form in VERB_FORMS}


NO_FORMS = WordForms()

_VOWELS = "aeiou"


def _same_case(new: str, like: str) -> str:
    if like[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _doubles_final_consonant(verb: str) -> bool:
    """stop -> stopped, plan -> planning; not open -> opened, visit -> visited (stress is
    not in the spelling, so only one-syllable words double)."""
    if len(verb) < 3 or verb[-1] in "wxy" + _VOWELS:
        return False
    if not (verb[-2] in _VOWELS and verb[-3] not in _VOWELS):
        return False
    syllables = len(re.findall(r"[aeiouy]+", verb))
    return syllables == 1 or (verb.endswith(("ol", "el")) and not verb.endswith(("eel", "ool")))


def _regular_past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    if _doubles_final_consonant(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if _doubles_final_consonant(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _regular_plural(noun: str) -> str:
    low = noun.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def parse_word_forms(data: object) -> WordForms:
    """`vocab/word-forms.yml`: {verbs: {go: went/gone, ...}, nouns: {person: people, ...}}.
    ValueError names the entry that is wrong."""
    if data is None:
        return NO_FORMS
    if not isinstance(data, Mapping):
        raise ValueError("expected `verbs:` and `nouns:` mappings")
    verbs: dict[str, tuple[str, str]] = {}
    for base, forms in (data.get("verbs") or {}).items():
        parts = [p.strip() for p in str(forms).split("/")]
        if len(parts) == 1:
            parts *= 2
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"verbs.{base}: write the past and the participle as 'went/gone'")
        verbs[str(base).lower()] = (parts[0], parts[1])
    nouns = {str(k).lower(): str(v) for k, v in (data.get("nouns") or {}).items()}
    return WordForms(verbs, nouns)
