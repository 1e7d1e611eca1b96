"""Offline British English spelling: Hunspell (chunspell) with the en_GB dictionary.

Works with no LanguageTool and no network. Decisions, each tested:
- handles, hashtags, web and email addresses, numbers are never checked (tokens.py);
- words in capitals (NHS, MPs) are acronyms, and so are mixed-case words (iPhone);
- a capitalised word inside a sentence is taken as a name (Starmer, Wrexham) and left
  alone; at the start of a sentence it is checked like any other word, unless the same
  word is also used inside a sentence in the post;
- the user's words and the organisation's overlay word list always pass;
- in the GUI Hunspell runs in a child process; if it dies it is started again, up to
  MAX_RESTARTS times, then spelling is off and `problem` says why (the status shows it);
- the en_GB dictionary accepts Oxford -ize spellings, but the party writes -ise, so
  "organization" is flagged with "organisation" (policy/grammar.yml, `prefer_ise`).

Results are cached per word: checking a long post again after an edit costs only the new
words. Suggestions are slow in Hunspell (tenths of a second a word), so a check may be
given a time budget; words past it get their suggestions on a later check.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop_app.core.findings import DEFAULT_SEVERITY, Finding, Suggestion
from desktop_app.grammar import tokens
from desktop_app.grammar.config import GrammarConfig, default_config

DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionaries"
DICTIONARY = "en_GB"
MAX_SUGGESTIONS = 3
# A spelling process that dies (killed, out of memory, crashed on a word) is started again
# this many times in a session; one that keeps dying is not run in the app's own process
# instead, where the same crash would take the window with it.
MAX_RESTARTS = 3

RULE_MISSPELT = "Spelling.Misspelt"
RULE_BRITISH = "Spelling.BritishSpelling"
WHY_MISSPELT = "Spelling mistakes distract readers and make a post look careless."
WHY_BRITISH = "We write in British English."

_IZE = re.compile(
    r"^(?P<stem>[a-z]{3,})(?P<z>iz|yz)(?P<end>e|es|ed|ing|ation|ations|er|ers|able|ement|ements)$"
)


class SpellingUnavailable(RuntimeError):
    pass


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# No English word is longer (the dictionary's longest are about 30 letters); a longer run is
# a pasted string, or text in a script written without spaces.
LONGEST_WORD = 45
# A letter of the Latin alphabet (accented ones too): only those the en_GB dictionary can judge.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _is_acronym_or_mixed_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return True  # NHS
    if len(word) > 2 and word[:-1].isupper() and word[-1] == "s":
        return True  # MPs, NGOs
    return any(c.isupper() for c in word[1:])  # iPhone, GoFundMe, McDonald


def _useful_suggestions(word: str, options: Iterable[str]) -> tuple[str, ...]:
    # Hunspell also offers splits ("col or", "kn-won") and case variants; neither helps here.
    out: list[str] = []
    for option in options:
        if (" " in option and " " not in word) or ("-" in option and "-" not in word):
            continue
        if option.casefold() in (o.casefold() for o in out):
            continue
        out.append(option)
        if len(out) == MAX_SUGGESTIONS:
            break
    return tuple(out)


def names_in(words: list[tokens.Token]) -> set[str]:
    """Capitalised words used inside a sentence: names there, so names at a sentence's
    start too ("Starmer said ... we met Starmer")."""
    return {t.text for t in words if t.text[:1].isupper() and not t.sentence_start}


class SpellChecker:
    """Thread-safe; one instance may serve the GUI lane and the command line."""

    def __init__(
        self,
        config: GrammarConfig | None = None,
        dictionary_dir: Path = DICTIONARY_DIR,
        extra_words: Iterable[str] = (),
        *,
        isolated: bool = False,
    ):
        self.config = config or default_config()
        self._dictionary_dir = dictionary_dir
        # The GUI asks for Hunspell in a child process (see hunspell_process.py).
        self._isolated = isolated
        self._hunspell = None
        self._problem = ""
        self.restarts = 0  # spelling processes started again after one died
        self.gave_up = False  # it kept dying: spelling is off for this session
        self._lock = threading.RLock()
        self._extra: set[str] = {w.casefold() for w in extra_words}
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}

    # --- the dictionary -------------------------------------------------------------
    def _speller(self):
        if self._hunspell is None and not self._problem:
            if self._isolated:
                try:
                    from desktop_app.grammar.hunspell_process import HunspellProcess

                    self._hunspell = HunspellProcess(DICTIONARY, self._dictionary_dir)
                except OSError:
                    pass  # spelling in this process still works; a new typo may pause the window
            if self._hunspell is None:
                try:
                    import hunspell  # chunspell: Hunspell itself, with wheels for each platform

                    self._hunspell = hunspell.Hunspell(
                        DICTIONARY, hunspell_data_dir=str(self._dictionary_dir)
                    )
                except Exception as exc:  # missing wheel or dictionary: spelling is off, the app goes on
                    self._problem = f"Offline spelling is unavailable ({exc})."
        if self._hunspell is None:
            raise SpellingUnavailable(self._problem)
        return self._hunspell

    def _ask(self, question: Callable):
        """question(hunspell), starting the spelling process again if it has died."""
        while True:
            speller = self._speller()
            try:
                return question(speller)
            except OSError:  # only the child process raises it: it died or stopped answering
                self._restart(speller)

    def _restart(self, dead) -> None:
        """A new spelling process for a dead one; SpellingUnavailable past the limit."""
        dead.close()
        self._hunspell = None
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise self._give_up(f"the spelling process stopped {self.restarts} times")
        from desktop_app.grammar.hunspell_process import HunspellProcess

        try:
            self._hunspell = HunspellProcess(DICTIONARY, self._dictionary_dir)
        except OSError as exc:
            raise self._give_up(
                f"the spelling process stopped and could not be started again: {exc}"
            ) from exc

    def _give_up(self, why: str) -> SpellingUnavailable:
        self.gave_up = True
        self._problem = f"Offline spelling stopped ({why})."
        return SpellingUnavailable(self._problem)

    @property
    def problem(self) -> str:
        """Why offline spelling is off ("" when it works)."""
        try:
            with self._lock:
                self._speller()
        except SpellingUnavailable:
            pass
        return self._problem

    def set_extra_words(self, words: Iterable[str]) -> None:
        with self._lock:
            self._extra = {w.casefold() for w in words}

    def add_word(self, word: str) -> None:
        with self._lock:
            self._extra.add(word.casefold())

    def is_extra(self, word: str) -> bool:
        with self._lock:
            return word.replace("’", "'").casefold() in self._extra or word.casefold() in self._extra

    def known(self, word: str) -> bool:
        word = word.replace("’", "'")
        with self._lock:
            if word.casefold() in self._extra:
                return True
            cached = self._known.get(word)
            if cached is None:
                cached = bool(self._ask(lambda h: h.spell(word)))
                if not cached and word.endswith(("'s", "'S")):
                    cached = bool(self._ask(lambda h: h.spell(word[:-2])))  # Labour's, Wrexham's
                self._known[word] = cached
            return cached

    def suggest(self, word: str) -> tuple[str, ...]:
        word = word.replace("’", "'")
        with self._lock:
            found = self._suggestions.get(word)
            if found is None:
                found = _useful_suggestions(word, self._ask(lambda h: h.suggest(word)))
                self._suggestions[word] = found
            return found

    def has_suggestions_cached(self, word: str) -> bool:
        with self._lock:
            return word.replace("’", "'") in self._suggestions

    # --- checking a post ------------------------------------------------------------
    def should_check(self, token: tokens.Token) -> bool:
        word = token.text
        if len(word) < 2 or len(word) > LONGEST_WORD or not _LATIN.search(word) or self.is_extra(word):
            return False  # too short or too long to be a word, or a script en_GB cannot judge
        if _is_acronym_or_mixed_case(word):
            return False
        return not (word[0].isupper() and not token.sentence_start)  # a name inside a sentence

    def check(self, text: str, suggestion_budget: float | None = None) -> list[Finding]:
        """Spelling findings for `text`. Raises SpellingUnavailable if Hunspell is missing.

        `suggestion_budget`: seconds to spend on new suggestions (None: no limit).
        """
        deadline = None if suggestion_budget is None else time.monotonic() + suggestion_budget
        findings = []
        words = tokens.words(text)
        names = names_in(words)
        for token in words:
            if token.text in names or not self.should_check(token):
                continue
            finding = self._check_token(token, deadline)
            if finding is not None:
                findings.append(finding)
        return findings

    def _check_token(self, token: tokens.Token, deadline: float | None) -> Finding | None:
        word = token.text
        if not self.known(word):
            if self.has_suggestions_cached(word) or deadline is None or time.monotonic() < deadline:
                options = self.suggest(word)
            else:
                options = ()
            return self._finding(token, RULE_MISSPELT, f"'{word}' may be misspelt.", WHY_MISSPELT, options)
        british = self._british_form(word)
        if british:
            return self._finding(
                token, RULE_BRITISH, f"British English spells this '{british}'.", WHY_BRITISH, (british,)
            )
        return None

    def _british_form(self, word: str) -> str | None:
        lower = word.lower()
        preferred = self.config.prefer.get(lower)
        if preferred:
            return _match_case(word, preferred)
        if not self.config.prefer_ise:
            return None
        m = _IZE.match(lower)
        if not m or lower in self.config.ize_exceptions or m["stem"] + "ize" in self.config.ize_exceptions:
            return None
        alt = m["stem"] + ("is" if m["z"] == "iz" else "ys") + m["end"]
        return _match_case(word, alt) if self.known(alt) else None

    @staticmethod
    def _finding(token: tokens.Token, rule: str, message: str, why: str, options) -> Finding:
        return Finding(
            start=token.start,
            end=token.end,
            text=token.text,
            rule=rule,
            category="spelling",
            severity=DEFAULT_SEVERITY["spelling"],
            message=message,
            why=why,
            suggestions=tuple(Suggestion(o, token.start, token.end, o) for o in options),
        )
