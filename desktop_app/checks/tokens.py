"""The token matcher the conduct kinds share: phrases matched over words, not characters.

A phrase is a pattern of words, alternatives and slots:

    {someone} (should|ought to) {harm} {victim}
    deserves [a] [good] (kicking|hiding|slap)
    (we|i) know where {victim} (live|lives)

- a word matches one token, ignoring case (`n't`, `'re`, ... are split off first, so
  "don't" reads as "do not" and "they're" as "they are");
- `(a|b c)` is one of the alternatives (each may be several words), `[a|b]` an optional one;
- `{slot}` is any entry of the rule's slot list of that name (entries are phrases too), or a
  built-in: `{name}` a capitalised word or up to three in a row (a full name), `{handle}` an
  @handle, `{word}` any word;
- between two parts of a phrase up to MAX_GAP filler words may sit ("they are basically
  vermin", "someone should really shoot him"), so a phrase survives the words people add;
- `^` opening a phrase: it must start a sentence ("^ die": "Die." but not "people will die");
  `$` closing one: it must end a sentence. @handles, quotation marks, brackets and emoji
  around the sentence do not count; a line break ends a sentence, and no phrase runs across
  one.

All of a rule's phrases compile into one automaton that is run over the tokens once, every
active state advanced per token (Thompson's simulation), so matching is linear in the text
whatever the phrases. `negated()` tells when a match is said with a negation before it
("do not kill yourself", "is not a liar"); `quoted_and_reported()` when it is a quotation
the text reports ('she was sent a message saying "kill yourself"').
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Protocol

from desktop_app.checks.values import RuleError, shown
from desktop_app.core import gc_policy

MAX_GAP = 2  # filler words allowed between two parts of a phrase


class AutomatonStore(Protocol):
    """Where built automata are kept between runs (the engine hands one in)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


_store: AutomatonStore | None = None


def keep_automata_in(store: AutomatonStore | None) -> None:
    """Keep built automata in `store`, so a later run loads what an earlier one built: the
    shipped rules' largest takes 0.3-0.4 s of Python to build and a few ms to load, and a
    one-off `check` of a short post needed 0.6 s of building before its first finding."""
    global _store
    _store = store


@functools.cache
def _source_stamp() -> str:
    """This file's own text, hashed: an automaton built by other code is never loaded (a
    frozen build has no source beside it; its version names its cache folder instead)."""
    try:
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


# Bumped when what a stored automaton holds changes shape.
_AUTOMATON_FORMAT = 1
_CHUNK = 2000  # nodes per piece: each is one C call to load, short enough to hold the GIL


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words that add emphasis or hedge but do not change what is said of someone. Grammar glue,
# shared by the attack kind's intensifiers and the phrase kind.
FILLERS = _words(
    """a an basically really all so just such absolute absolutely total totally utter utterly
    complete completely literally actually truly genuinely simply frankly honestly clearly
    obviously quite rather pretty very bloody fucking fecking effing frigging sodding bleeding flipping proper
    right real still always even also definitely certainly seriously surely ever massive huge
    big little mere nothing but being like kind sort of some kinda sorta fr tbh imo ngl lol
    probably perhaps maybe"""
)
# "of" and "kind"/"sort" only make sense as "kind of", but one list keeps the matcher simple;
# "but" and "nothing" as in "nothing but".
NEGATORS = frozenset(["not", "never", "no", "nor", "nobody", "noone", "none", "hardly", "without"])

_QUOTES = frozenset("'\"‘’“”")


def scare_quotes(toks: list[Tok]) -> frozenset[int]:
    """Indices of quotation marks around a single word ("put this 'doctor' six feet under",
    their "community"): a phrase reads past them as it reads past a filler word. Marks
    around more than one word are a quotation, which the matcher still stops at."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].low in _QUOTES and toks[i + 2].low in _QUOTES and toks[i + 1].low[:1].isalnum():
            out += (i, i + 2)
    return frozenset(out)


TOKEN = re.compile(r"[@#]?\w[\w'-]*|[^\w\s]|\n")
_SENTENCE_ENDS = frozenset([".", "!", "?", ";", "\n"])
# Around a sentence, not part of it: quotation marks and brackets (evasion has made curly
# quotes straight).
_WRAPPERS = frozenset(['"', "'", "(", ")", "[", "]", "*", "“", "”", "‘", "’"])


class Tok:
    __slots__ = ("end", "low", "squeezed", "start", "text")

    def __init__(self, start: int, end: int, text: str, low: str | None = None):
        self.start, self.end, self.text = start, end, text
        self.low = text.lower() if low is None else low
        self.squeezed: str | None = None  # a stretched word ("kiiill"), every letter said once

    def __repr__(self) -> str:
        return f"Tok({self.low!r}@{self.start})"


def tokenise(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


_NOT_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is", "don": "do", "doesn": "does"}
_CONTRACTIONS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would"}
_IS_AFTER = frozenset(["he", "she", "it", "that", "there", "what", "who", "here", "this", "where"])
# Replies are often typed without apostrophes or in shorthand ("they cant", "ur", "ppl"): the
# matcher reads these as the words they stand for, as it reads "can't". Only spellings that
# are not also ordinary words are here ("ill", "id", "were", "well", "its" are left alone).
_NOT_WORDS = "is are was were did does do has have had should could would must"
_SHORTHAND = {
    **{f"{verb}nt": (verb, "not") for verb in _NOT_WORDS.split()},  # "isnt", "shouldnt"
    "cant": ("can", "not"),
    "wont": ("will", "not"),
    "aint": ("is", "not"),
    "theyre": ("they", "are"),
    "youre": ("you", "are"),
    "theyll": ("they", "will"),
    "youll": ("you", "will"),
    "theyve": ("they", "have"),
    "youve": ("you", "have"),
    "ive": ("i", "have"),
    "im": ("i", "am"),
    "shes": ("she", "is"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "theres": ("there", "is"),
    "whos": ("who", "is"),
    "u": ("you",),
    "ppl": ("people",),
    "thru": ("through",),
    "ye": ("you",),  # Irish, Scots and Geordie: "ah knaa where ye drink"
    "knaa": ("know",),
    "knaw": ("know",),
    "shd": ("should",),
    "shud": ("should",),
    "coz": ("because",),
    "cos": ("because",),
    "r": ("are",),
    "yer": ("your",),  # Scots, Irish and northern: "did yer mammy drop ye"
    "youse": ("you",),
    "yous": ("you",),
    **{f"{verb}nae": (verb, "not") for verb in [*_NOT_WORDS.split(), "can", "will"]},  # Scots
    "cannae": ("can", "not"),
    "dinnae": ("do", "not"),
    "oot": ("out",),
    "hoose": ("house",),
    "heid": ("head",),
    "roon": ("round",),
    "whit": ("what",),
    "whits": ("what", "is"),
    "tae": ("to",),  # Scots: "go back tae yer own country"
    "hame": ("home",),
    "fae": ("from",),
    "gonnae": ("going", "to"),
    "hes": ("he", "is"),
    "itll": ("it", "will"),
    "theyd": ("they", "would"),
    "youd": ("you", "would"),
    # more Scots: "naebody'd miss ye", "deid man walkin", "gie him a message fae us"
    "naebody": ("nobody",),
    "wisnae": ("was", "not"),
    "deid": ("dead",),
    "doon": ("down",),
    "aboot": ("about",),
    "intae": ("into",),
    "yersel": ("yourself",),
    "masel": ("myself",),
    "gie": ("give",),
    "maw": ("mum",),
    "weans": ("kids",),
    "bairns": ("kids",),
    "wean": ("kid",),
    "bairn": ("kid",),
    "polis": ("police",),
    "hing": ("hang",),  # "hing the lot o them"
    # Yorkshire and Lancashire: "tha wants thi head kicking in"; "o" for "of" ("sack o shite")
    "tha": ("you",),
    "thi": ("your",),
    "o": ("of",),
    "bak": ("back",),  # "go bak 2 ur own country"
    "2": ("to",),
    "wud": ("would",),
}
# "isnt", "cant", ...: a negation for the kinds that read tokens as typed (attack.py).
NEGATORS = NEGATORS | {typed for typed, read in _SHORTHAND.items() if "not" in read}


_STRETCHED = re.compile(r"([^\W\d_])\1\1")
_SQUEEZE = re.compile(r"([^\W\d_])\1+")
# A dropped g ("thievin", "breedin'", "cosyin up"): read as the -ing word it stands for when a
# phrase has that word. Five letters or more, so "sin", "skin" and "thin" stay themselves.
# (Three letters looked back at, not "{3,}" before: that backtracked over every run of
# letters, quadratic in a paragraph without spaces.)
_DROPPED_G = re.compile(r"(?<=[^\W\d_]{3})in\b")
# Words that end so but are not a dropped g, whose -ing word squeezes like a phrase word
# ("begin" like "begging", "robin" like "robbing").
_NOT_DROPPED = frozenset(["begin", "robin", "cabin", "again", "within", "satin", "latin"])


def _g_dropped(low: str) -> bool:
    return len(low) >= 5 and low.endswith("in") and low.isalpha() and low not in _NOT_DROPPED


def squeeze(word: str) -> str:
    """Every run of one letter said once: "kiiill" -> "kil", "kill" -> "kil"."""
    return _SQUEEZE.sub(r"\1", word)


_WORD = re.compile(r"\w[\w'-]*")


def text_words(text: str) -> frozenset[str]:
    """The words of `text` as the phrase matcher may read them: "she's" gives she's and she,
    "kids'" gives kids, a stretched "kiiill" also ~kil (see PhraseSet.could_match)."""
    words = set(_WORD.findall(text.lower().replace("’", "'")))
    words.update(w for word in words & _SHORTHAND.keys() for w in _SHORTHAND[word])
    for word in [w for w in words if "'" in w]:
        words.add(word.strip("'"))
        words.add(word.split("'", 1)[0])
        words.update(_contraction_words(word.strip("'")))  # "don't" is also do and not
    if _STRETCHED.search(text):
        words.update(stretch_key(w) for w in list(words) if _STRETCHED.search(w))
    if _DROPPED_G.search(text):
        words.update(stretch_key(w + "g") for w in list(words) if _g_dropped(w))
    return frozenset(words)


def _contraction_words(word: str) -> tuple[str, ...]:
    """The words phrase_tokens reads a contraction as ("don't" -> do, not)."""
    if word.endswith("n't"):
        stem = word[:-3]
        return _NOT_STEMS.get(stem, stem), "not"
    cut = word.rfind("'")
    tail = word[cut:]
    if tail in _CONTRACTIONS:
        return *_SHORTHAND.get(word[:cut], (word[:cut],)), _CONTRACTIONS[tail]
    if tail == "'s":
        return word[:cut], "is"
    return ()


def stretch_key(word: str) -> str:
    """What a stretched spelling and the word it stretches share ("kiiill", "kill" -> ~kil),
    kept apart from plain words ("off" must not read as "of")."""
    return "~" + squeeze(word)


def phrase_tokens(text: str) -> list[Tok]:
    """Tokens with contractions read out: "don't" -> do + not, "they're" -> they + are,
    "she's" -> she + is (both halves keep the span of what was typed). A word with a letter
    said three times or more is marked as stretched (`squeezed`), for the matcher to read
    as the phrase word it stretches ("kiiill" -> kill); so is a word with its g dropped
    ("thievin" -> thieving), by the squeezed spelling of the -ing word."""
    toks = _read_out(text)
    if _STRETCHED.search(text):
        for tok in toks:
            if _STRETCHED.search(tok.low):
                tok.squeezed = squeeze(tok.low)
    if _DROPPED_G.search(text):
        for tok in toks:
            if tok.squeezed is None and _g_dropped(tok.low):
                tok.squeezed = squeeze(tok.low + "g")
    return toks


def _read_out(text: str) -> list[Tok]:
    out: list[Tok] = []
    for tok in tokenise(text):
        low = tok.low.replace("’", "'")
        shorthand = _SHORTHAND.get(low)
        if shorthand is not None:
            out.extend(Tok(tok.start, tok.end, tok.text, word) for word in shorthand)
            continue
        if "'" not in low or len(low) < 3:
            out.append(tok)
            continue
        s, e = tok.start, tok.end
        if low.endswith("'") and _g_dropped(low[:-1]):  # "thievin'": the g the mark stands for
            out.append(Tok(s, e, tok.text, low[:-1]))
            continue
        if low.endswith("'"):  # a closing quotation mark ("'kill yourself'"), or "voters'"
            out.append(Tok(s, e - 1, tok.text[:-1]))
            out.append(Tok(e - 1, e, tok.text[-1]))
            continue
        if low.endswith("n't"):
            stem = low[:-3]
            out.append(Tok(s, e, tok.text, _NOT_STEMS.get(stem, stem)))
            out.append(Tok(s, e, tok.text, "not"))
            continue
        cut = low.rfind("'")
        tail = low[cut:]
        if tail in _CONTRACTIONS:
            stem = _SHORTHAND.get(low[:cut], (low[:cut],))  # "ye'll": you will
            out.extend(Tok(s, e, tok.text, word) for word in stem)
            out.append(Tok(s, e, tok.text, _CONTRACTIONS[tail]))
        elif tail == "'s":
            stem = low[:cut]
            out.append(Tok(s, e, tok.text, stem))
            out.append(Tok(s, e, tok.text, "is" if stem in _IS_AFTER else "'s"))
        else:
            out.append(tok)
    return out


# Words that open a clause of their own: a negation before one belongs to the clause before.
_CLAUSE_OPENERS = frozenset(["when", "once", "until", "till", "after", "before", "whenever"])


def negated(toks: list[Tok], first: int, fillers: frozenset[str] = FILLERS, reach: int = 3) -> bool:
    """A negation among the few words before toks[first] (fillers skipped, a sentence's end
    stops the search): "do not kill yourself", "she is not a liar"."""
    if first < len(toks) and toks[first].low in (",", ":", "—", "-"):
        return False  # a match that opens a clause of its own (", stick to making the tea")
    if first < len(toks) and toks[first].low in _CLAUSE_OPENERS:
        return False  # "you'll no be smiling when you come out": the negation is the other clause's
    k, seen = first - 1, 0
    while k >= 0 and seen < reach:
        low = toks[k].low
        if low in _SENTENCE_ENDS or low in (",", ":", "—", "-", "+", "=", "|", "but"):
            # "I'm not racist but immigrants are ...": the "but" says what is meant; "ratio +
            # nobody asked + go back to ...": a list of taunts, each its own
            return False
        if _is_symbol(low):
            return False  # an emoji closes what came before: "Not round here they don't 😂 stay in ..."
        if low in NEGATORS or low.endswith("n't"):
            return not (_not_denying(toks, k) or _new_clause(toks, k, first, fillers))
        if low not in fillers:
            seen += 1
        k -= 1
    return False


# Who a clause is about, and the words that may stand between a negation and the clause it
# denies: "I don't think they're vermin" denies it, "they're not refugees they're vermin" does not.
_SUBJECTS = frozenset(["they", "you", "he", "she", "we", "it", "i", "u"])
# the auxiliaries and "that" that may stand between a negation and what it denies
_GLUE = _words("do does did am is are that")
_DENYING_VERBS = _GLUE | _words(
    "think thinking thought believe believed say saying said reckon mean meaning suggest suggesting"
    " claim claiming know sure was were"
)


def _new_clause(toks: list[Tok], k: int, first: int, fillers: frozenset[str]) -> bool:
    """The match opens a clause of its own with a subject ("they are ..."), and the negation
    at toks[k] denies something else first: "They're not asylum seekers they're cockroaches"."""
    if toks[first].low not in _SUBJECTS:
        return False
    between = [t.low for t in toks[k + 1 : first] if t.low not in fillers]
    return any(w not in _DENYING_VERBS for w in between)


_THOUGHT_VERBS = _words(
    "think thought believe say saying said reckon mean suggest suggesting claim claiming make makes made"
)


def denied_in_thought(toks: list[Tok], first: int, fillers: frozenset[str] = FILLERS) -> bool:
    """What starts at toks[first] is said after a denied thought, saying or making: "I don't
    think they're vermin", "I'm not saying he's a liar", "doesn't make you a bigot"."""
    k, thought = first - 1, False
    while k >= 0:
        low = toks[k].low
        if low in _THOUGHT_VERBS:
            thought = True
        elif low in NEGATORS or low.endswith("n't"):
            return thought
        elif low not in fillers and low not in _GLUE:
            return False
        k -= 1
    return False


def _not_denying(toks: list[Tok], k: int) -> bool:
    """The negation at toks[k] urges or looks forward rather than denies: "why not just ...",
    "why don't you go and ..." (read out as "why do not you"), "can't wait to see ...",
    "wouldn't mind bending her over ..." (a wish, session 22)."""
    before = [t.low for t in toks[max(0, k - 2) : k]]
    if before[-1:] == ["why"] or before in (["why", "do"], ["why", "did"]):
        return True
    after = toks[k + 1].low if k + 1 < len(toks) else ""
    if before[-1:] in (["would"], ["'d"]) and after == "mind":
        return True
    return before[-1:] in (["can"], ["could"]) and after == "wait"


def is_aside(tok: Tok) -> bool:
    """A token around a sentence rather than in it: an @handle, a quotation mark or bracket,
    an emoji or other symbol."""
    low = tok.low
    if low in _WRAPPERS or (len(low) > 1 and low[0] == "@"):
        return True
    return _is_symbol(low)


def _is_symbol(low: str) -> bool:
    """An emoji or other non-ASCII symbol, a token of its own."""
    return len(low) == 1 and not low.isascii() and not low.isalnum()


def starts_sentence(toks: list[Tok], i: int) -> bool:
    k = i - 1
    while k >= 0 and is_aside(toks[k]):
        k -= 1
    return k < 0 or toks[k].low in _SENTENCE_ENDS


def ends_sentence(toks: list[Tok], i: int) -> bool:
    k = i + 1
    while k < len(toks) and is_aside(toks[k]):
        k += 1
    return k >= len(toks) or toks[k].low in _SENTENCE_ENDS


def _quotations(toks: list[Tok]) -> list[tuple[int, int]]:
    """(opening, closing) token indices of each quotation. A mark stuck to the word after it
    and not to the one before opens one; stuck to the word before, it closes one. An
    apostrophe that is neither ("the voters' plan") is no quotation mark."""
    found, opened = [], None
    for k, tok in enumerate(toks):
        if tok.low not in ('"', "'"):
            continue
        before = k > 0 and toks[k - 1].end == tok.start and toks[k - 1].low != "\n"
        after = k + 1 < len(toks) and toks[k + 1].start == tok.end and toks[k + 1].low != "\n"
        if opened is None and not before and (after or tok.low == '"'):
            opened = k
        elif opened is not None and toks[opened].low == tok.low and (before or not after):
            found.append((opened, k))
            opened = None
    if opened is not None:
        found.append((opened, len(toks)))
    return found


def _cue_outside(toks: list[Tok], quotes: list[tuple[int, int]], cues: frozenset[str]) -> bool:
    """One of `cues` ("saying", "wrote", ...) stands outside every quotation."""
    inside = {k for a, b in quotes for k in range(a, min(b + 1, len(toks)))}
    return any(tok.low in cues for k, tok in enumerate(toks) if k not in inside)


def reported_quotations(text: str, cues: frozenset[str]) -> list[tuple[int, int]]:
    """The character spans of the quotations `text` reports (one of `cues` stands outside
    every quotation): someone else's words, not the writer's ('She was sent a message saying
    "you are a stupid cow"'). None when the text reports nothing."""
    toks = tokenise(text)
    quotes = _quotations(toks)
    if not quotes or not _cue_outside(toks, quotes, cues):
        return []
    return [(toks[a].start, toks[b].end if b < len(toks) else len(text)) for a, b in quotes]


def quoted_and_reported(toks: list[Tok], first: int, last: int, cues: frozenset[str]) -> bool:
    """toks[first..last] is inside quotation marks and the text reports it: one of `cues`
    ("saying", "wrote", "shouted", ...) stands outside every quotation."""
    quotes = _quotations(toks)
    return any(a < first and last < b for a, b in quotes) and _cue_outside(toks, quotes, cues)


_CLAUSE_ENDS = frozenset([".", "!", "?", ";", "\n"])
# Nouns that make a word in quotation marks a word talked about, not said of anyone: 'the
# "scrounger" talk from ministers', 'the word "vermin"', '"invasion" rhetoric'.
_MENTIONS = _words(
    """talk rhetoric language label labels narrative narratives jibe jibes slur slurs smear
    smears insult insults word words term terms tag trope tropes stereotype stereotypes myth
    myths headline headlines chant chants slogan slogans remark remarks comment comments
    nickname line lines"""
)


def mentioned(toks: list[Tok], first: int, last: int) -> bool:
    """toks[first..last] is the whole of a quotation that a noun names as words ('the
    "scrounger" talk', 'the word "vermin"')."""
    for a, b in _quotations(toks):
        if a + 1 == first and last + 1 == b:
            after = [t.low for t in toks[b + 1 : b + 4]]
            # 'the word "vermin"', '"scrounger" talk', 'using "retarded" as an insult'
            named_after = (bool(after) and after[0] in _MENTIONS) or (
                after[:2] in (["as", "a"], ["as", "an"]) and len(after) == 3 and after[2] in _MENTIONS
            )
            return named_after or (a > 0 and toks[a - 1].low in _MENTIONS)
    return False


# Words that condemn a claim or a word when they are denied: "that is not true", "isn't
# accurate", "the word retard is never ok".
_DENIED_WHEN_NEGATED = frozenset(["true", "accurate", "ok", "okay", "acceptable", "alright", "appropriate"])


def condemned(
    toks: list[Tok], first: int, last: int, cues: frozenset[str], condemning: frozenset[str], reach: int = 12
) -> bool:
    """toks[first..last] is what someone is said to say or call people, and its sentence
    condemns it: one of `cues` ("saying", "calling", "claimed", ...) before it in its
    sentence, and one of `condemning` ("bigotry", "disgusting", "lie", ...) after it in the
    same sentence, not negated ("isn't racist" condemns nothing). Counter-speech: 'Saying
    Muslims can't be loyal is bigotry', 'The leaflet claimed Jews control the banks: that's
    an antisemitic lie'."""
    if not cues or not condemning:
        return False
    k, cued = first - 1, False
    while k >= 0 and first - k <= reach and toks[k].low not in _CLAUSE_ENDS:
        if toks[k].low in cues:
            cued = True
            break
        k -= 1
    if not cued:
        # a claim in quotation marks, then called a lie: 'Reminder that "gays are grooming
        # kids" is a lie'
        closing = [b for a, b in _quotations(toks) if a < first and last < b]
        if not closing:
            return False
        last = closing[0]
    k = last + 1
    while k < len(toks) and k - last <= reach and toks[k].low not in _CLAUSE_ENDS:
        if toks[k].low in condemning and not negated(toks, k, reach=1):
            return True
        if toks[k].low in _DENIED_WHEN_NEGATED and negated(toks, k, reach=2):
            return True  # "that is not true", "which just isn't true", "is never ok"
        k += 1
    return False


_CALLED = frozenset(["called", "calling", "calls", "branded", "labelled", "labeled"])
_TOLD = frozenset(["told", "telling", "tells", "shouted", "yelled", "screamed"])
_TOLD_WHOM = frozenset(
    ["them", "him", "her", "me", "us", "people", "boys", "lads", "kids", "men", "young", "that"]
)
_SAID_TO_THE_READER = frozenset(["you", "u", "ya", "yourself", "yourselves"])
_NOT_A_NAME = frozenset(["for", "on", "out", "up", "to", "in", "at", "off"])
_WRITER_NOW = (("i", "am"), ("i", "will"), ("i", "would"), ("we", "are"), ("we", "will"), ("i", "'m"))


_WRITERS = frozenset(["i", "we", "have", "'ve", "ive", "just", "already", "once"])


def called_by_others(toks: list[Tok], first: int, reach: int = 6) -> bool:
    """toks[first] opens a name someone is reported to have been called, or an order they were
    given: "a boy called her a retard", "my grandad got called a dirty immigrant", "someone
    told my mum to go back where she came from". Not a name or an order the writer gives the
    reader, or gives now ("I'm calling you a ...", "I told you to ...")."""
    k = first - 1
    while k >= 0 and first - k <= reach:
        low = toks[k].low
        if low in _CLAUSE_ENDS or low in (",", ":", "—"):
            return False
        if low in _TOLD or low in _CALLED:
            between = {t.low for t in toks[k + 1 : first]}
            if low in _TOLD:  # "told my mum to go back ...", "telling them women are the enemy"
                ordered = toks[first - 1].low == "to"
                if not (ordered or between <= _TOLD_WHOM):
                    k -= 1
                    continue
                said_to_reader = bool(between & _SAID_TO_THE_READER)
            else:  # "calling you a ...", "calling for someone to ..." are not reports
                said_to_reader = bool(between & _SAID_TO_THE_READER or between & _NOT_A_NAME)
                if said_to_reader and low == "called" and not between & _NOT_A_NAME:
                    # "someone in these replies called you a taig" reports; "I called you a ..." does not
                    said_to_reader = k > 0 and toks[k - 1].low in _WRITERS
            writer_now = tuple(t.low for t in toks[max(0, k - 2) : k]) in _WRITER_NOW
            return not (said_to_reader or writer_now)
        k -= 1
    return False


# Words another person wrote, sprayed or said, reported without quotation marks: "whoever
# sprayed traitor on her door", "somebody up there said he should hang. Report that".
_WROTE = _words(
    """said wrote sprayed painted daubed scrawled graffitied chanted shouted yelled posted tweeted
    replied commented messaged"""
)
# A name for whoever said it, as the subject: "some numpty's replied ... Reported it".
_A_SOMEONE = _words("some this that one")
_BEFORE_THE_VERB = _words("'s has had just went and already")
_SOMEONE_ELSE = _words(
    """someone somebody whoever people person vandals idiot idiots bloke guy man woman lad lads
    folk one others"""
)
# Words left for someone to read: "whoever left that note on your door".
_DELIVERED = _words("left put pinned stuck sent pushed dropped")
_WRITINGS = _words(
    "note notes letter letters message messages card cards sign signs poster posters leaflet leaflets"
)
# What was done to the reader or others: the people who did it are named to condemn them.
_ABUSED = _words("threatened abused attacked harassed trolled targeted vandalised vandalized doxxed spat")
_THE_WRITER = _words("i we me us myself")
_REPORTED_HINTS = _WROTE | _ABUSED | _DELIVERED  # one of them is in any text said_by_others reads
# Words after a report that turn against what it reports: "report that", "grow up", "vile".
_TURNED_AGAINST = _words(
    """report reported reporting police disgusting disgraceful vile shameful appalling pathetic
    cowardly cowards unacceptable vandalism vandalise vandalised grow wise sick"""
)


def said_by_others(toks: list[Tok], first: int, reach: int = 12) -> bool:
    """toks[first] is inside words someone else wrote or said, reported unquoted: after
    "whoever sprayed", or after "someone said" when the reply then turns against it ("report
    that", "it's vile"); or it names people who abused someone ("the lads who threatened you
    are scumbags", "some numpty's replied ... Reported it"). Not the writer's own ("I said he
    should hang"), not what people are "saying" now (a smear passed on), not "someone said it
    and they were right"."""
    if first > 0 and toks[first - 1].low in _A_SOMEONE:
        j = first + 1
        while j < len(toks) and j - first <= 3 and toks[j].low in _BEFORE_THE_VERB:
            j += 1
        if j < len(toks) and toks[j].low in _WROTE:
            return any(t.low in _TURNED_AGAINST for t in toks[j + 1 :])
    k = first - 1
    while k >= 0 and first - k <= reach and toks[k].low not in _CLAUSE_ENDS:
        low = toks[k].low
        if low in _DELIVERED and {t.low for t in toks[k + 1 : k + 4]} & _WRITINGS:
            low = "wrote"  # "whoever left that note", "someone put a letter through"
        if low in _WROTE or low in _ABUSED:
            # the one who did it, up to eight words back ("somebody on the community page
            # last night said ..."), further after "and" ("someone on the Echo page called
            # you a c*** and said ...": the second verb's subject)
            span = 14 if k > 0 and toks[k - 1].low == "and" else 8
            j, subject = k - 1, []
            while j >= 0 and k - j <= span and toks[j].low not in _CLAUSE_ENDS and toks[j].low != ",":
                subject.append(toks[j].low)
                j -= 1
            if set(subject) & _THE_WRITER:
                return False
            if low in _ABUSED:
                return bool(subject) and subject[0] == "who" and bool(set(subject[1:]) & _SOMEONE_ELSE)
            if "whoever" in subject:
                return True
            if set(subject) & _SOMEONE_ELSE:
                return any(t.low in _TURNED_AGAINST for t in toks[first + 1 :])
            return False
        k -= 1
    return False


@functools.lru_cache(maxsize=64)
def spans_said_by_others(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the words of `text` that said_by_others reads as someone
    else's (for the learned models, which would read them as the writer's). Cached: each
    model's reading of a reply and the triage of its cards ask for the same paragraph."""
    low = text.lower()
    hinted = any(word in low for word in _REPORTED_HINTS)
    if not hinted and not (any(w in low for w in _CALLED) and any(w in low for w in _TURNED_AGAINST)):
        return ()
    toks = tokenise(text)
    # a name someone else called them, in a reply that turns against it ("someone on the Echo
    # page called you a c*** ... That's disgusting")
    condemned = any(t.low in _TURNED_AGAINST for t in toks)
    runs: list[list[int]] = []  # words side by side make one span: "c***" is four tokens
    for k, tok in enumerate(toks):
        if said_by_others(toks, k) or (condemned and called_by_others(toks, k)):
            if runs and not text[runs[-1][1] : tok.start].strip():
                runs[-1][1] = tok.end
            else:
                runs.append([tok.start, tok.end])
    return tuple((a, b) for a, b in runs)


def said_not_meant(
    toks: list[Tok], first: int, last: int, cues: frozenset[str], condemning: frozenset[str]
) -> bool:
    """A quotation the text reports, words it reports in order to condemn them, or a name it
    reports someone was called."""
    return (
        quoted_and_reported(toks, first, last, cues)
        or (bool(cues) and mentioned(toks, first, last))
        or condemned(toks, first, last, cues, condemning)
        or (bool(cues) and called_by_others(toks, first))
        or (bool(cues) and said_by_others(toks, first))
    )


def said_not_meant_at(ctx, start: int, end: int, cues: frozenset[str], condemning: frozenset[str]) -> bool:
    """said_not_meant for the characters [start, end) of ctx.text (a TextContext), its
    tokens read once per text for every rule that asks."""
    key = ("typed-phrase-tokens", ctx.text)
    toks = ctx.memo.get(key)
    if toks is None:
        toks = ctx.memo[key] = phrase_tokens(ctx.text)
    span = token_range(toks, start, end)
    return span is not None and said_not_meant(toks, *span, cues, condemning)


def token_range(toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    """Indices of the first and last token inside the character span [start, end)."""
    inside = [k for k, tok in enumerate(toks) if tok.end > start and tok.start < end]
    return (inside[0], inside[-1]) if inside else None


# --- compiling phrases -------------------------------------------------------------------

_PIECE = re.compile(r"\s*(\(|\)|\[|\]|\||\{[^{}\s]+\}|[^\s()\[\]{}|]+)")
# Words a capital makes look like a name at the start of a sentence ("That's a hot breakfast",
# "It needs to die", "Potholes on ..." aside): never a person's name.
_NEVER_NAMES = _words(
    """a an the this that these those it its there here what which who whom whose when where
    why how if and but or so then now we i you he she they our your my his her their every
    all some any no not is are was were do does did be been has have had will would can
    could should must may might as at in on for of to with from by after before just also
    still only"""
)
_BUILT_IN: dict[str, Callable[[Tok], bool]] = {
    "name": lambda t: (
        t.text[:1].isupper()
        and t.text[:1].isalpha()
        and not (len(t.text) > 1 and t.text.isupper())
        and t.low not in _NEVER_NAMES
    ),
    "handle": lambda t: t.text.startswith("@") and len(t.text) > 1,
    "word": lambda t: t.text[:1].isalnum(),
}
_TEST_NAMES = {test: name for name, test in _BUILT_IN.items()}
# Words too common to tell whether a phrase could be present (never a prefilter anchor), and
# the words contractions turn into, which the text itself may not contain.
_NOT_ANCHORS = _words(
    """a an the to of in on at for and or but is are was were be been am do does did not no
    have has had will would shall should can could may might must you he she they we i it
    him her them us me my your his their our its this that these those there who what all so
    just 's up out off back get got like with from here people good down face head if own home
    made make cut able well go come going one some any more most very too also only
    than then now new time way day see know think want need look looks said say says every
    everyone all"""
)
_MARKUP = frozenset("()[]|")
_SPLIT_TAILS = frozenset([*_CONTRACTIONS, "'s", "n't", "'t"])


def _read_out_pieces(pieces: list[str]) -> list[str]:
    """A phrase's words read out as the text's are: "you're" -> you are, "dont" -> do not,
    "u" -> you. Authors also split a contraction ("you 're", "can 't", "wo n't") or write
    its tail alone ("(is|'s)", "{name} 's"). Read as typed, each of those could never match,
    since the text never holds a lone "'re", "n't" or "dont"."""
    out: list[str] = []
    for piece in pieces:
        low = piece.lower().replace("’", "'")
        if low in _SPLIT_TAILS:
            if out and out[-1] not in _MARKUP and not out[-1].startswith("{"):
                low = out.pop() + low  # "can 't" -> can't, "wo n't" -> won't
            elif low == "'s":  # after a slot or a bracket: a possessive, or "is"
                out.extend(["(", "'s", "|", "is", ")"])
                continue
            else:
                out.append("not" if low in ("n't", "'t") else _CONTRACTIONS[low])
                continue
        inner = "'" in low.strip("'")
        if inner or low in _SHORTHAND:
            out.extend(tok.low for tok in _read_out(low))
        else:
            out.append(piece)
    return out


# Words common enough (in English, or in posts about politics) that an anchor of other
# words is better: "look after their own" is better anchored on the group named before it
# than on "after", and "Jews run the council" on the group than on "council".
_WEAK_ANCHORS = _words(
    """about after away round around over into onto back keep give take put make show turn
    wait leave find tell ask call last first still even really time council country
    government party children kids school schools money town city world work year years week
    today night news vote votes local community public family families help support plan
    minister councillor leader"""
)


def _better_anchor(a: frozenset[str], b: frozenset[str] | None) -> bool:
    """Whether words `a` make a better anchor than `b`: none of them common, then rarer words
    (longer ones), then fewer."""
    if b is None:
        return True

    def score(words: frozenset[str]) -> tuple:
        return (words.isdisjoint(_WEAK_ANCHORS), min(map(len, words)), -len(words))

    return score(a) > score(b)


def _has_anchor(items) -> bool:
    """Whether `^` or `$` is among parsed items (anywhere but where they belong)."""
    for item in items:
        if item[0] == "word" and item[1] in ("^", "$"):
            return True
        if item[0] == "alt" and any(_has_anchor(branch) for branch in item[1]):
            return True
    return False


def _weak_part(items) -> frozenset[str] | None:
    """A common word the phrase cannot match without ('make' in "make me a (sandwich|brew)"):
    never an anchor the prefilter looks for, but as a phrase's second part it spares
    tokenising a text that has only the rarer word ("Sandwich", the Kent town)."""
    for item in items:
        if item[0] == "word" and len(item[1]) >= 3 and item[1].isalpha():
            return frozenset([item[1]])
    return None


def _anchor_word(word: str) -> frozenset[str] | None:
    return None if word in _NOT_ANCHORS or not word[:1].isalnum() else frozenset([word])


class _Node:
    __slots__ = ("accepts", "accepts_end", "after", "nexts", "test", "words")

    def __init__(self, words: frozenset[str] | None = None, test: Callable[[Tok], bool] | None = None):
        self.words = words  # consuming node: a token whose .low is one of these
        self.test = test  # ... or one this predicate accepts
        self.nexts: list[int] = []  # epsilon edges (index into the node list)
        self.after: frozenset[int] = frozenset()  # consuming nodes reachable after this one
        self.accepts = False  # the phrase may end after this node
        self.accepts_end = False  # ... when a sentence ends after it (`$`)


class PhraseSet:
    """Phrases compiled into one automaton over tokens."""

    def __init__(self, phrases: Iterable[str], slots: Mapping[str, list[str]], key: str = "phrases"):
        self._slots = {k.lower(): v for k, v in slots.items()}
        self._slot_items: dict[str, tuple] = {}  # a slot is parsed once, however often it is used
        self._slot_parts: dict[str, tuple] = {}  # ... and its anchor words worked out once
        self._expanding: list[str] = []
        self.anchors: list[frozenset[str] | None] = []  # per phrase: words one of which must appear
        # (items, starts a sentence, ends one) per phrase: the automaton is built from these
        # when a text first could match (a one-off check of a post seldom needs it).
        self._phrases: list[tuple[list, bool, bool, str]] = []
        seconds: list[frozenset[str] | None] = []  # per phrase: its second-best anchor
        for i, phrase in enumerate(phrases):
            where = f"{key}[{i}]"
            items = self._parse(phrase, where)
            at_start = bool(items) and items[0] == ("word", "^")
            at_end = len(items) > at_start and items[-1] == ("word", "$")
            items = items[at_start : len(items) - at_end]
            if _has_anchor(items):
                raise RuleError(where, f"'^' may only open and '$' only close a phrase: {shown(phrase)}")
            if not items:
                raise RuleError(where, "an empty phrase")
            parts = self._parts(items, where)  # also finds unknown and self-referring slots
            self._phrases.append((items, at_start, at_end, where))
            self.anchors.append(parts[0] if parts else None)
            seconds.append(parts[1] if len(parts) > 1 else _weak_part(items))
        # The automaton, built by _automaton(): per node, the words it takes (or None), the
        # built-in test it makes (or None), the nodes that may follow, and whether a phrase
        # may end after it (1) or may when a sentence ends there (2). Flat lists, not a node
        # object each: a stored automaton loads without making 40,000 objects.
        self._nodes: tuple[list, list, list, bytes] | None = None
        self._building = threading.Lock()
        # Each phrase's two rarest needed parts, squeezed, for could_match().
        self._by_anchor: dict[str, list[frozenset[str] | None]] = {}
        self._always = any(a is None for a in self.anchors)
        for anchor, second in zip(self.anchors, seconds, strict=True):
            then = None if second is None else second | {stretch_key(w) for w in second}
            for w in anchor or ():
                self._by_anchor.setdefault(w, []).append(then)
                self._by_anchor.setdefault(stretch_key(w), []).append(then)

    def warm_up(self) -> None:
        self._automaton()

    def _automaton(self) -> tuple[list, list, list, bytes]:
        """The nodes, built on first use (Thompson's construction: from a few milliseconds to
        a few tenths of a second for a large rule, paid only when some text could match it),
        or loaded from the store when an earlier run built the same phrases."""
        nodes = self._nodes
        if nodes is not None:
            return nodes
        with self._building:  # two threads' first texts at once: one builds
            if self._nodes is None:
                store = _store
                key = self._store_key() if store is not None else None
                if key is None or not self._load(store.get(key)):
                    self._build_nodes()
                    if key is not None:
                        data = self._dump()
                        if data is not None:
                            store.put(key, data)
            return self._nodes

    # -- keeping a built automaton (plain data: the tests are built-ins, named)

    def _store_key(self) -> str:
        """What the automaton is built from, hashed: the phrases, the slots and this code.
        Phrase by phrase: one repr() of a large rule's whole definition held the GIL for
        tens of milliseconds against the window."""
        digest = hashlib.sha256(f"{_AUTOMATON_FORMAT} {_source_stamp()}".encode())
        for items, at_start, at_end, _where in self._phrases:
            digest.update(repr((items, at_start, at_end)).encode("utf-8"))
        for name in sorted(self._slots):
            digest.update(repr((name, list(self._slots[name]))).encode("utf-8"))
        return digest.hexdigest()

    def _dump(self) -> bytes | None:
        """The built automaton as marshal data in pieces; None if a test is not a built-in."""
        words, tests_of, after, flags = self._nodes
        try:
            tests = [None if t is None else _TEST_NAMES[t] for t in tests_of]
            head = (
                len(words),
                self._first_by_word,
                [(_TEST_NAMES[t], ns) for t, ns in self._first_tests],
                self._sentence_by_word,
                [(_TEST_NAMES[t], ns) for t, ns in self._sentence_tests],
                self._by_squeezed,
            )
        except KeyError:
            return None
        pieces = [marshal.dumps(head)]
        for at in range(0, len(words), _CHUNK):
            end = at + _CHUNK
            pieces.append(marshal.dumps((words[at:end], tests[at:end], after[at:end], flags[at:end])))
        return marshal.dumps((_AUTOMATON_FORMAT, pieces))

    def _load(self, data: bytes | None) -> bool:
        """The automaton from _dump()'s data; False (nothing changed) for data that is
        missing, damaged or of another shape: then it is built."""
        if not data:
            return False
        # tens of thousands of small sets: no collection is due while they load
        with gc_policy.collector_paused():
            try:
                version, pieces = marshal.loads(data)
                if version != _AUTOMATON_FORMAT:
                    return False
                head = marshal.loads(pieces[0])
                count, by_word, tests, sentence_by_word, sentence_tests, by_squeezed = head
                words: list = []
                tests_of: list = []
                after: list = []
                flags = bytearray()
                for piece in pieces[1:]:
                    w, names, a, f = marshal.loads(piece)
                    words += w
                    tests_of += [None if name is None else _BUILT_IN[name] for name in names]
                    after += a
                    flags += f
                if not len(words) == len(tests_of) == len(after) == len(flags) == count:
                    return False
                first_tests = [(_BUILT_IN[name], ns) for name, ns in tests]
                sentence = [(_BUILT_IN[name], ns) for name, ns in sentence_tests]
                # It lives as long as the pack. Left in the young generations, its tens of
                # thousands of small sets made the next middle-generation collection take
                # 27-36 ms (on the thread that set it off, often the window's, a second after
                # a draft was opened) and free none.
                gc_policy.keep_for_good()
            except (ValueError, EOFError, TypeError, KeyError, IndexError):
                return False
        self._first_by_word, self._first_tests = by_word, first_tests
        self._sentence_by_word, self._sentence_tests = sentence_by_word, sentence
        self._by_squeezed = by_squeezed
        self._publish(words, tests_of, after, bytes(flags))
        return True

    def _publish(self, words: list, tests_of: list, after: list, flags: bytes) -> None:
        """Set the nodes, with the index find() reads them through: the nodes that take each
        word, and the nodes that make a test. Published last: another thread sees it whole."""
        taking: dict[str, list[int]] = {}
        testing = []
        for n, took in enumerate(words):
            if took is None:
                if tests_of[n] is not None:
                    testing.append(n)
                continue
            for w in took:
                if w in taking:
                    taking[w].append(n)
                else:
                    taking[w] = [n]
        self._index = ({w: frozenset(ns) for w, ns in taking.items()}, frozenset(testing))
        # A phrase's first token starts a state at every node that may follow it. Most of
        # find()'s work was this, node by node, at every common word ("you", "the"): each
        # word's (and test's) following nodes and accepting flags are joined here once.
        self._seeds = [
            (self._steps(by_word, after, flags), self._test_steps(tests, after, flags), where)
            for by_word, tests, where in (
                (self._first_by_word, self._first_tests, None),
                (self._sentence_by_word, self._sentence_tests, starts_sentence),
            )
            if by_word or tests or where is None
        ]
        self._nodes = (words, tests_of, after, flags)

    def _step(self, nodes: list[int], after: list, flags: bytes) -> tuple[frozenset, frozenset, int]:
        """From the nodes a first token takes: the nodes that may follow them, those of them
        that test a token, and their accepting flags together."""
        nexts: set[int] = set()
        accepts = 0
        for n in nodes:
            nexts.update(after[n])
            accepts |= flags[n]
        following = frozenset(nexts)
        return following, following & self._index[1], accepts

    def _steps(self, by_word: dict, after: list, flags: bytes) -> dict:
        return {w: self._step(nodes, after, flags) for w, nodes in by_word.items()}

    def _test_steps(self, tests: list, after: list, flags: bytes) -> list:
        return [(test, *self._step(nodes, after, flags)) for test, nodes in tests]

    def _build_nodes(self) -> None:
        self._building_nodes: list[_Node] = []
        final = self._new()
        final_end = self._new()  # reached by phrases that must end a sentence (`$`)
        starts: list[int] = []
        sentence_starts: list[int] = []  # phrases that must start a sentence (`^`)
        for items, at_start, at_end, where in self._phrases:
            first = self._build_seq(items, final_end if at_end else final, where)
            (sentence_starts if at_start else starts).append(first)
        self._finish(starts, sentence_starts, final, final_end)
        nodes = self._building_nodes
        del self._building_nodes
        self._publish(
            [n.words for n in nodes],
            [n.test for n in nodes],
            [n.after for n in nodes],
            bytes(n.accepts | n.accepts_end << 1 for n in nodes),
        )

    # -- parsing: a phrase -> nested lists ("seq", [...]) / ("alt", [seq, ...], optional) / ("word", w)

    def _parse(self, phrase: str, where: str):
        pieces = _PIECE.findall(phrase)
        if "".join(pieces).replace(" ", "") != phrase.replace(" ", "").replace("\t", ""):
            raise RuleError(where, f"cannot read the phrase {shown(phrase)}")
        pieces = _read_out_pieces(pieces)
        pos = 0

        def seq(closing: str | None):
            nonlocal pos
            items = []
            alts = []
            while pos < len(pieces):
                p = pieces[pos]
                if p in (")", "]"):
                    if closing != p:
                        raise RuleError(where, f"unexpected {p!r} in {shown(phrase)}")
                    pos += 1
                    alts.append(items)
                    return alts
                if p == "|":
                    if closing is None:
                        raise RuleError(where, f"'|' outside brackets in {shown(phrase)}")
                    pos += 1
                    alts.append(items)
                    items = []
                    continue
                pos += 1
                if p in ("(", "["):
                    branches = seq(")" if p == "(" else "]")
                    items.append(("alt", branches, p == "["))
                elif p.startswith("{"):
                    items.append(("slot", p[1:-1].lower()))
                else:
                    items.append(("word", p.lower().replace("’", "'")))
            if closing is not None:
                raise RuleError(where, f"missing {closing!r} in {shown(phrase)}")
            alts.append(items)
            return alts

        top = seq(None)
        return top[0]

    # -- anchors: the words a phrase cannot match without, worked out from the parsed items
    # without building nodes (a slot's once, however often used)

    def _parts(self, items, where: str) -> list[frozenset[str]]:
        """The anchor words of each part `items` needs, best first."""
        ranked: list[frozenset[str]] = []
        for item in reversed(items):
            words, mandatory = self._item_anchor(item, where)
            if mandatory and words:
                at = len(ranked)
                while at and _better_anchor(words, ranked[at - 1]):
                    at -= 1
                ranked.insert(at, words)
        return ranked

    def _item_anchor(self, item, where: str) -> tuple[frozenset[str] | None, bool]:
        """(anchor words or None, whether the item is needed): an alternative's words are
        the union of its branches' anchors, and none if any branch has none."""
        kind = item[0]
        if kind == "slot":
            name = item[1]
            if name not in self._slot_parts:
                if name in self._expanding:
                    raise RuleError(where, f"slot {{{name}}} refers to itself")
                self._expanding.append(name)
                try:
                    self._slot_parts[name] = self._item_anchor(self._slot(name, where), where)
                finally:
                    self._expanding.pop()
            return self._slot_parts[name]
        if kind == "test":
            return None, True
        if kind == "word":
            return _anchor_word(item[1]), True
        branches, optional = item[1], item[2]
        anchors: set[str] | None = set()
        for branch in branches:
            if len(branch) == 1 and branch[0][0] == "word":
                w = branch[0][1]
                anchors = None if anchors is None or _anchor_word(w) is None else anchors | {w}
                continue
            if not branch:
                optional = True
                continue
            parts = self._parts(branch, where)
            anchor = parts[0] if parts else None
            anchors = None if anchors is None or anchor is None else anchors | anchor
        return (frozenset(anchors) if anchors else None), not optional

    def _slot(self, name: str, where: str):
        if name in _BUILT_IN and name not in self._slots:
            one = ("test", _BUILT_IN[name])
            if name == "name":  # a full name is up to three words: "Fiona MacLeod", "Priya Nandra"
                return ("alt", [[one, ("alt", [[one, ("alt", [[one]], True)]], True)]], False)
            return one
        if name not in self._slots:
            raise RuleError(where, f"unknown slot {{{name}}} (add it under `slots`)")
        if name not in self._slot_items:
            branches = [self._parse(entry, f"slots.{name}") for entry in self._slots[name] if entry.strip()]
            if not branches:
                raise RuleError(where, f"slot {{{name}}} is empty")
            self._slot_items[name] = ("alt", branches, False)
        return self._slot_items[name]

    # -- building the automaton (Thompson's construction, words of one-word branches merged)

    def _new(self, words=None, test=None) -> int:
        self._building_nodes.append(_Node(words, test))
        return len(self._building_nodes) - 1

    def _build_seq(self, items, then: int, where: str) -> int:
        """Nodes for `items` leading to `then`; returns the entry node."""
        entry = then
        for item in reversed(items):
            entry = self._build_item(item, entry, where)
        return entry

    def _build_item(self, item, then: int, where: str) -> int:
        kind = item[0]
        if kind == "slot":  # slots were checked at load (_item_anchor): no loop, none unknown
            return self._build_item(self._slot(item[1], where), then, where)
        if kind == "test":
            node = self._new(test=item[1])
            self._building_nodes[node].nexts.append(then)
            return node
        if kind == "word":
            node = self._new(words=frozenset([item[1]]))
            self._building_nodes[node].nexts.append(then)
            return node
        branches, optional = item[1], item[2]
        split = self._new()
        single = [b[0][1] for b in branches if len(b) == 1 and b[0][0] == "word"]
        if single:  # one-word branches share one node
            node = self._new(words=frozenset(single))
            self._building_nodes[node].nexts.append(then)
            self._building_nodes[split].nexts.append(node)
        for branch in branches:
            if len(branch) == 1 and branch[0][0] == "word":
                continue
            if not branch:
                optional = True
                continue
            self._building_nodes[split].nexts.append(self._build_seq(branch, then, where))
        if optional:
            self._building_nodes[split].nexts.append(then)
        return split

    def _closure(self, start: int) -> tuple[frozenset[int], bool, bool]:
        """(consuming nodes reachable, reaches the final node, reaches the sentence-end one)."""
        seen, stack, consuming, accepts, accepts_end = {start}, [start], set(), False, False
        while stack:
            n = stack.pop()
            node = self._building_nodes[n]
            if node.words is not None or node.test is not None:
                consuming.add(n)
                continue
            if n == self._final:
                accepts = True
            elif n == self._final_end:
                accepts_end = True
            for m in node.nexts:
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        return frozenset(consuming), accepts, accepts_end

    def _finish(self, starts: list[int], sentence_starts: list[int], final: int, final_end: int) -> None:
        self._final, self._final_end = final, final_end
        # Every branch of a slot or bracket leads to the same next node: its closure is
        # worked out once, not once per branch.
        closures: dict[int, tuple[frozenset[int], bool, bool]] = {}
        for node in self._building_nodes:
            if node.words is not None or node.test is not None:
                after: set[int] = set()
                for m in node.nexts:
                    if m not in closures:
                        closures[m] = self._closure(m)
                    c, acc, acc_end = closures[m]
                    after |= c
                    node.accepts = node.accepts or acc
                    node.accepts_end = node.accepts_end or acc_end
                node.after = frozenset(after)
        # First tokens by word (a dict lookup per token), and the nodes that test tokens; for
        # any token, and for a token that starts a sentence.
        self._first_by_word, self._first_tests = self._seeds(starts)
        self._sentence_by_word, self._sentence_tests = self._seeds(sentence_starts)
        # Each phrase word by its squeezed spelling, to read stretched words back.
        self._by_squeezed: dict[str, str] = {}
        for word in sorted({w for node in self._building_nodes if node.words for w in node.words}):
            self._by_squeezed.setdefault(squeeze(word), word)

    def _seeds(self, starts: list[int]):
        begin: set[int] = set()
        for s in starts:
            begin |= self._closure(s)[0]
        by_word: dict[str, list[int]] = {}
        tests: dict[Callable[[Tok], bool], list[int]] = {}  # one call per test and token
        for n in sorted(begin):
            node = self._building_nodes[n]
            if node.words is not None:
                for w in node.words:
                    by_word.setdefault(w, []).append(n)
            else:
                tests.setdefault(node.test, []).append(n)
        return by_word, list(tests.items())

    def could_match(self, words: frozenset[str]) -> bool:
        """Whether some phrase could match a text of these words (text_words): one with both of
        its two rarest needed parts there, or one with no word it needs. Quicker than
        tokenising, and it never says no to a text a phrase matches."""
        if self._always:
            return True
        by_anchor = self._by_anchor
        for w in words & by_anchor.keys():
            for then in by_anchor[w]:
                if then is None or not then.isdisjoint(words):
                    return True
        return False

    def probe_words(self) -> list[str] | None:
        """Words one of which every phrase needs (for the prefilter), or None when some phrase
        has no such word."""
        if any(a is None for a in self.anchors):
            return None
        return sorted({w for a in self.anchors for w in a})

    # -- matching

    def find(self, toks: list[Tok], fillers: frozenset[str] = FILLERS) -> list[tuple[int, int]]:
        """(first, last) token indices of the leftmost-longest matches, not overlapping."""
        words_of, tests_of, after, flags = self._automaton()
        taking, testing = self._index
        found: list[tuple[int, int]] = []
        # The live states: node -> the earliest start that reached it, and (node, fillers
        # skipped) -> start for those that skipped a filler word to get there.
        live: dict[int, int] = {}
        skipped: dict[tuple[int, int], int] = {}
        # States a phrase's first token started, kept whole: (the nodes, those of them that
        # test a token, fillers skipped, start). A common word ("you", "the") starts hundreds
        # of them, and at the next token nearly all die: set intersection finds the few that
        # live on, where one by one they were most of this function's work.
        seeded: list[tuple[frozenset[int], frozenset[int], int, int]] = []
        seeds = self._seeds
        stretched = self._by_squeezed
        quotes = scare_quotes(toks)
        nothing: frozenset[int] = frozenset()

        def takes(n: int) -> bool:  # whether node n takes this token
            took = words_of[n]
            if took is None:
                return tests_of[n](tok)
            return low in took or (alt is not None and alt in took)

        def advance(n: int, start: int) -> None:
            flag = flags[n]
            if flag & 1 or (flag & 2 and ends_sentence(toks, i)):
                found.append((start, i))
            for m in after[n]:
                if m not in nxt or nxt[m] > start:
                    nxt[m] = start

        for i, tok in enumerate(toks):
            nxt: dict[int, int] = {}
            nxt_skipped: dict[tuple[int, int], int] = {}
            nxt_seeded: list[tuple[frozenset[int], frozenset[int], int, int]] = []
            low = tok.low
            alt = None  # a second reading: a phrase word that is also another's dropped g
            if tok.squeezed is not None:
                read = stretched.get(tok.squeezed)  # "kiiill", "thievin"
                if read is not None and read != low:
                    if stretched.get(squeeze(low)) == low:
                        alt = read  # "Putin" is Putin, and "somethin" is something too
                    else:
                        low = read
            if low == "\n":  # no phrase runs across a line break
                live, skipped, seeded = nxt, nxt_skipped, nxt_seeded
                continue
            accepts = 0  # a one-token phrase ends here (1), or may if a sentence does (2)
            for by_word, tests, where in seeds:
                if where is not None and not ((low in by_word or tests or alt in by_word) and where(toks, i)):
                    continue
                step = by_word.get(low)
                if step is not None:
                    nxt_seeded.append((step[0], step[1], 0, i))
                    accepts |= step[2]
                if alt is not None and (step := by_word.get(alt)) is not None:
                    nxt_seeded.append((step[0], step[1], 0, i))
                    accepts |= step[2]
                for test, nexts, nexts_testing, flag in tests:
                    if test(tok):
                        nxt_seeded.append((nexts, nexts_testing, 0, i))
                        accepts |= flag
            if accepts & 1 or (accepts & 2 and ends_sentence(toks, i)):
                found.append((i, i))
            gap_ok = low in fillers or i in quotes
            if live:
                if gap_ok:
                    # a filler word: every live state that does not take it skips it
                    for n, start in live.items():
                        if takes(n):
                            advance(n, start)
                        else:
                            nxt_skipped[(n, 1)] = start
                else:
                    # Only the live states that take this word, found by set intersection.
                    for n in live.keys() & taking.get(low, nothing):
                        advance(n, live[n])
                    if alt is not None:
                        for n in live.keys() & taking.get(alt, nothing):
                            advance(n, live[n])
                    for n in live.keys() & testing:
                        if tests_of[n](tok):
                            advance(n, live[n])
            for (n, gap), start in skipped.items():
                if takes(n):
                    advance(n, start)
                elif gap < MAX_GAP and gap_ok:
                    key = (n, gap + 1)
                    if key not in nxt_skipped or nxt_skipped[key] > start:
                        nxt_skipped[key] = start
            for nodes, nodes_testing, gap, start in seeded:
                hits = nodes & taking.get(low, nothing)
                if alt is not None:
                    hits |= nodes & taking.get(alt, nothing)
                for n in nodes_testing:
                    if tests_of[n](tok):
                        hits = hits | {n}
                # A node also live one by one has an earlier start there: that state stands.
                earlier = live if gap == 0 else None
                for n in hits:
                    if n in earlier if earlier is not None else (n, gap) in skipped:
                        continue
                    advance(n, start)
                if gap_ok and gap < MAX_GAP:
                    if hits:
                        nodes, nodes_testing = nodes - hits, nodes_testing - hits
                    nxt_seeded.append((nodes, nodes_testing, gap + 1, start))
            live, skipped, seeded = nxt, nxt_skipped, nxt_seeded
        found.sort(key=lambda m: (m[0], -m[1]))
        out: list[tuple[int, int]] = []
        for first, last in found:
            if not out or first > out[-1][1]:
                out.append((first, last))
        return out
