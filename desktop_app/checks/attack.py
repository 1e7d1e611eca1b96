"""`attack`: an insult predicated of a person (P6, conduct: personal attacks).

Recognised shapes, where TARGET is a capitalised name, a role from the rule's `roles`
(optionally with a name: "Councillor Hart"), an @handle, "you" or he/she/they:
  predicate    TARGET is/are/was/'s (a|an|such a|absolute...) INSULT   "Councillor Hart is a clown"
  address      (@x) you (absolute|utter...) INSULT                      "@x you coward"
  handle       @x INSULT                                                "@x coward"
  attributive  INSULT Name / INSULT @x                                  "liar Johnson"
               (that|this|the) INSULT of a ROLE                         "that lying toad of a minister"
Criticism of a policy or decision ("X's cuts were a mistake") has no person as the subject
of the insult, so it is left alone. Matching runs on the evasion-normalised text.

Suggestions: predicate and address shapes get the rule's `rewrite` template, which keeps
the target and turns to their actions; attributive shapes drop the insult ("Johnson").
"""

from __future__ import annotations

import re

from desktop_app.checks.base import (
    Rule,
    RuleError,
    Suggestion,
    TextContext,
    compile_words,
    fill_message,
    str_list,
)

DEFAULT_REWRITE = "{possessive} decision to ... is wrong because ..."
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
_PRONOUN_POSSESSIVE = {"you": "your", "u": "your", "he": "his", "she": "her", "they": "their",
                       "him": "his", "them": "their"}  # fmt: skip
_DETERMINERS = frozenset(
    ["the", "this", "that", "our", "your", "their", "his", "her", "these", "those", "what"]
)
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "mx", "miss", "dr", "sir", "dame", "lord", "lady", "cllr", "prof", "rev"]
)
# Capitalised words that start sentences but are not people.
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
_TOKEN = re.compile(r"[@#]?\w[\w'-]*|[^\w\s]")


class _Tok:
    __slots__ = ("end", "low", "start", "text")

    def __init__(self, m: re.Match):
        self.start, self.end, self.text = m.start(), m.end(), m.group()
        self.low = self.text.lower()


class AttackRule(Rule):
    kind = "attack"
    default_category = "personal-attack"

    def compile(self, d):
        insults = str_list(d.get("insults"), "insults")
        if not insults:
            raise RuleError("insults", "an attack rule needs `insults` (a list or an include)")
        self.insult_re = compile_words(insults, "insults", ignorecase=True)
        roles = str_list(d.get("roles"), "roles")
        self.roles = {tuple(r.lower().split()) for r in roles if r.strip()}
        self.max_role_words = max((len(r) for r in self.roles), default=1)
        extra = d.get("intensifiers")
        self.fillers = frozenset(w.lower() for w in (str_list(extra, "intensifiers") or DEFAULT_INTENSIFIERS))
        self.rewrite = str(d.get("rewrite") or DEFAULT_REWRITE)
        try:
            self.rewrite.format(target="X", possessive="X's")
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleError("rewrite", f"bad template (use {{target}} and {{possessive}}): {exc}") from None
        self.evasion = True  # insults are typed to dodge filters whatever the rule serves

    def probe(self):
        return self.insult_re.pattern, True

    # -- targets --

    def _role_at(self, toks: list[_Tok], end_index: int) -> int | None:
        """Index of the first token of a role ending at toks[end_index], or None."""
        for n in range(self.max_role_words, 0, -1):
            first = end_index - n + 1
            if first < 0:
                continue
            if tuple(t.low for t in toks[first : end_index + 1]) in self.roles:
                return first
        return None

    @staticmethod
    def _is_name(tok: _Tok) -> bool:
        return (
            tok.text[:1].isupper()
            and tok.text[:1].isalpha()
            and tok.low not in _NOT_NAMES
            and not tok.low.endswith("n't")  # "Don't be a clown" has no target
        )

    def _target_ending_at(self, toks: list[_Tok], i: int) -> tuple[int, str] | None:
        """(first token index, kind) of a target whose last token is toks[i]."""
        tok = toks[i]
        if tok.low in _PRONOUN_POSSESSIVE:
            return i, "pronoun"
        if tok.text.startswith("@") and len(tok.text) > 1:
            return i, "handle"
        first = self._role_at(toks, i)
        if first is None and not self._is_name(tok):
            return None
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
        if first > 0 and toks[first - 1].low in _DETERMINERS and self._role_at(toks, i) is not None:
            first -= 1
        return first, "person"

    # -- matching --

    def find(self, ctx: TextContext):
        text = ctx.text
        norm = ctx.normalised
        ntext = norm.text
        found = ctx.spans(self.insult_re, ntext)
        if not found:
            return []
        toks = [_Tok(m) for m in _TOKEN.finditer(ntext)]
        if not toks:
            return []
        by_start = {t.start: k for k, t in enumerate(toks)}
        by_end = {t.end: k for k, t in enumerate(toks)}
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
            hit = self._predicate(toks, a) or self._attributive(toks, a, b)
            if hit is None:
                continue
            shape, t_first, t_last, s_tok, e_tok = hit
            e_tok = b if e_tok is None else e_tok
            used_until = max(b, e_tok)
            s, e = norm.to_original(toks[s_tok].start, toks[e_tok].end)
            ts, te = norm.to_original(toks[t_first].start, toks[t_last].end)
            target = text[ts:te]
            out.append(self._finding(text, s, e, target, shape))
        return out

    def _predicate(self, toks: list[_Tok], a: int):
        j = a - 1
        while j >= 0 and toks[j].low in self.fillers:
            j -= 1
        if j < 0:
            return None
        tok = toks[j]
        if tok.low in ("you", "u", "ya"):
            return "address", j, j, j, None
        if tok.text.startswith("@") and len(tok.text) > 1:
            return "address", j, j, j, None
        if tok.low.endswith(("'s", "'re")) and len(tok.low) > 3:
            # "Johnson's a liar", "you're a disgrace", "he's a clown"
            return self._contracted(toks, j)
        if tok.low in _COPULAS:
            k = j - 1
            while k >= 0 and toks[k].low in self.fillers and toks[k].low not in _PRONOUN_POSSESSIVE:
                k -= 1
            if k < 0:
                return None
            found = self._target_ending_at(toks, k)
            if found is None:
                return None
            first, _ = found
            return "predicate", first, k, first, None
        return None

    def _contracted(self, toks: list[_Tok], j: int):
        tok = toks[j]
        stem = tok.low.rsplit("'", 1)[0]
        if stem in _PRONOUN_POSSESSIVE:
            return "contracted", j, j, j, None
        if stem in ("it", "that", "this", "there", "what", "who", "here", "everything", "nothing"):
            return None
        if not tok.text[:1].isupper() and (stem,) not in self.roles:
            return None  # "plan's a joke": not a person
        found = self._target_ending_at(toks, j - 1) if j > 0 and self._is_name(toks[j - 1]) else None
        first = found[0] if found else j
        if first > 0 and toks[first - 1].low in _DETERMINERS and (stem,) in self.roles:
            first -= 1
        return "contracted", first, j, first, None

    def _attributive(self, toks: list[_Tok], a: int, b: int):
        start = a
        while start > 0 and toks[start - 1].low in self.fillers and toks[start - 1].low not in ("a", "an"):
            start -= 1
        det = start - 1 if start > 0 and toks[start - 1].low in _DETERMINERS else None
        if det is None and start > 1 and toks[start - 1].low in ("a", "an") and toks[start - 2].low == "what":
            det = start - 2  # "what an idiot @bob is"
        nxt = b + 1
        if nxt >= len(toks):
            return None
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
            last = nxt
            while last + 1 < len(toks) and self._is_name(toks[last + 1]):
                last += 1
            return "before-name", nxt, last, det if det is not None else a, last
        return None

    # -- the card --

    def _finding(self, text: str, s: int, e: int, target: str, shape: str):
        if shape in ("predicate", "contracted", "address"):
            low = target.lower()
            if shape == "contracted":
                target = target.rsplit("'", 1)[0].rsplit("’", 1)[0]
                low = target.lower()
            if low in _PRONOUN_POSSESSIVE:
                possessive = _PRONOUN_POSSESSIVE[low]
                shown = low
            else:
                possessive = target + ("'" if target.endswith("s") else "'s")
                shown = target
            replacement = self.rewrite.format(target=shown, possessive=possessive)
            if _starts_sentence(text, s) or target[:1].isupper():
                replacement = replacement[:1].upper() + replacement[1:]
            label = "Criticise their actions instead"
        elif shape == "of-role":
            replacement = ("The " if text[s : s + 1].isupper() else "the ") + target.lower()
            label = "Drop the insult"
        else:
            replacement = target
            label = "Drop the insult"
        message = fill_message(self.message or "'%s' attacks a person, not what they did.", text[s:e])
        return self.finding(text, s, e, message, [Suggestion(replacement, s, e, label=label)])


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?\n"
