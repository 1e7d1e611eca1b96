"""`model`: a learned second opinion. A linear text model (a JSON data file, scored in pure
Python by core/text_model.py) scores each sentence; a sentence at or over `threshold` gets a
card on the words that drive its score, with no suggestion (the writer decides).

Keys:
- `model`: the model file, looked up in the policy folders (latest first, like `include`),
  e.g. `models/offence-score.json`;
- `threshold`: the score (0 to 1) from which a sentence is flagged;
- `neutral`: words that are never underlined and push the score neither way (identity and
  party words: `include: vocab/identity-words.yml`);
- `max_words`: the most words named per sentence (default 3); a word is named when it
  pushes the score up by at least `min_share` (default 0.5) of the strongest word's push;
- `exceptions` (as every kind): phrases whose words push the score neither way ("kill the
  bill", a protest slogan), while the rest of the sentence is scored as usual; a group
  named only inside one ("as a Sikh, I ...") does not count for `about`;
- `about`: words or phrases (groups of people: `include: vocab/group-words.yml`); when
  given, a paragraph is scored only if it names one of them, whole words, any case. A model
  of abuse said of a group (GroupHate) must not read a hard word about a policy as hate;
- `reads`: `sentence` (the default) or `paragraph`: what is scored as one text. A model of
  hate said of a group reads the paragraph: the group is often named in one sentence and
  smeared in the next ("... packed with Somalis. Parasites."), and a one-word sentence
  ("Every. Single. Time.") is too little for a word model to judge;
- `min_words`: a text with fewer words than this (default 1) is not scored.

The card runs from the first of those words to the last (cut around any neutral word), and
`%s` in the message lists them, quoted ("'idiot' and 'bloody'").
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from desktop_app.checks.base import Rule, TextContext, fill_message
from desktop_app.checks.values import RuleError, number, str_list, text_value
from desktop_app.core.text_model import ModelError, TextModel, WordWeight, load_text_model

_CACHE: dict[tuple[Path, int, int], TextModel] = {}
_LOCK = threading.Lock()


def cached_model(path: Path) -> TextModel:
    """Load a model file once per version of it (a policy reload rereads only a changed file)."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ModelError(f"cannot read the model file: {exc.strerror or exc}") from None
    key = (path, st.st_mtime_ns, st.st_size)
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            model = load_text_model(path)
            for old in [k for k in _CACHE if k[0] == path]:
                del _CACHE[old]
            _CACHE[key] = model
        return model


def quoted_list(words) -> str:
    """'a', 'b' and 'c' (each word once, in order)."""
    unique = [f"'{w}'" for w in dict.fromkeys(words)]
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def load_model_file(path: Path) -> TextModel:
    """A model file for the pack's data_file(): a file that cannot be used is a ValueError."""
    try:
        return cached_model(path)
    except ModelError as exc:  # the pack reports it and tries an earlier folder's version
        raise ValueError(str(exc)) from None


def offence_score_rule(rules):
    """The learned second opinion on offence (the `model` rule of category offence-score), or
    None: GroupHate is a model rule too, and reads a different model for a different job."""
    return next((r for r in rules if r.kind == "model" and r.category == "offence-score"), None)


class ModelRule(Rule):
    kind = "model"
    keys = frozenset(
        {"model", "threshold", "neutral", "max_words", "min_share", "about", "reads", "min_words"}
    )
    default_category = "offence-score"
    evasion_capable = False  # the model reads the words as typed

    def compile(self, d):
        name = d.get("model")
        if not isinstance(name, str) or not name.strip():
            raise RuleError(
                "model", "a model rule needs `model`: the model file, e.g. models/offence-score.json"
            )
        self.model = self.spec.files.data_file(name, "model", load_model_file)
        if "threshold" not in d:
            raise RuleError("threshold", "a model rule needs `threshold`: the score (0 to 1) to flag from")
        self.threshold = number(d, "threshold", None)
        if not 0.0 < self.threshold < 1.0:
            raise RuleError("threshold", f"`threshold` must be between 0 and 1, got {self.threshold}")
        self.neutral = frozenset(
            part
            for word in str_list(d.get("neutral"), "neutral")
            for part in self.model.token_re.findall(word.lower())
        )
        self.max_words = number(d, "max_words", 3, int)
        self.min_share = number(d, "min_share", 0.5)
        if self.max_words < 1:
            raise RuleError("max_words", "`max_words` must be at least 1")
        about = sorted({w.strip().lower() for w in str_list(d.get("about"), "about") if w.strip()}, key=len)
        alternatives = "|".join(map(re.escape, reversed(about)))
        self.about = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if about else None
        # for the engine's prefilter (RE2: no lookbehind): over-matches, never misses
        self._about_probe = rf"(?i:\b(?:{alternatives}))" if about else None

        self.reads = text_value(d, "reads", "sentence")
        if self.reads not in ("sentence", "paragraph"):
            raise RuleError("reads", f"`reads` must be sentence or paragraph, got {self.reads!r}")
        self.min_words = number(d, "min_words", 1, int)

    def _spans(self, ctx: TextContext) -> list[tuple[int, int]]:
        """The (start, end) of each text the rule scores: the sentences, or the paragraph."""
        spans = (
            [(0, len(ctx.text))] if self.reads == "paragraph" else [(s.start, s.end) for s in ctx.sentences]
        )
        if self.min_words <= 1:
            return spans
        words = self.model.token_re
        return [(s, e) for s, e in spans if len(words.findall(ctx.text[s:e])) >= self.min_words]

    def probe(self):
        """A rule with `about` finds nothing in a text that names none of its words."""
        return (self._about_probe, False) if self._about_probe else None

    def is_about(self, text: str) -> bool:
        """Whether `text` names what the rule is about (always, when the rule has no `about`)."""
        return self.about is None or self.about.search(text) is not None

    def sentence_score(self, sentence: str) -> float:
        """The score the rule compares with `threshold` (neutral words and exceptions set aside)."""
        return self.model.score(self._without_exceptions(sentence), self.neutral)

    def _without_exceptions(self, text: str, ctx: TextContext | None = None) -> str:
        """`text` with the rule's exceptions (slogans such as "Kill the bill") blanked out,
        so their words push the score neither way; offsets stay those of the text."""
        if self.exceptions is None:
            return text
        for s, e in reversed(self.excepted_spans(text, ctx)):
            text = text[:s] + " " * (e - s) + text[e:]
        return text

    def sentence_scores(self, ctx: TextContext) -> list[tuple[int, int, float]]:
        """(start, end, score) of each sentence of the paragraph."""
        text = ctx.text
        if not self.is_about(self._without_exceptions(text, ctx)):
            return []
        return [(s, e, self.sentence_score(text[s:e])) for s, e in self._spans(ctx)]

    def post_score(self, text: str) -> float:
        """The highest sentence score in a whole post, paragraph by paragraph as the engine
        runs the rule: the post gets a card exactly when this reaches `threshold`. For
        measuring (benchmarks/eval_policy.py, scripts/choose_offence_threshold.py)."""
        from desktop_app.core.text import paragraphs

        scores = [
            score
            for para in paragraphs(text)
            for _s, _e, score in self.sentence_scores(TextContext(para.text))
        ]
        return max(scores, default=0.0)

    def find(self, ctx: TextContext):
        text = self._without_exceptions(ctx.text, ctx)
        out = []
        about_checked = self.about is None
        for start, end in self._spans(ctx):
            chunk = text[start:end]
            # most sentences cannot reach the threshold: a cheap bound spares scoring them
            if (
                not self.model.may_reach(chunk, self.threshold)
                or self.model.score(chunk, self.neutral) < self.threshold
            ):
                continue
            if not about_checked:  # read only once a sentence could be flagged (most never are)
                # a group named only inside an exception ("as a Sikh, I ...") is not spoken of
                if not self.is_about(text):
                    return []
                about_checked = True
            driving = sorted(
                self.driving_words(self.model.explain(chunk, self.neutral).words), key=lambda w: w.start
            )
            if not driving:  # carried by a pair of function words ("are you"): nothing to show
                continue
            message = fill_message(self.message, quoted_list(chunk[w.start : w.end] for w in driving))
            for s, e in self._card_spans(chunk, driving):
                out.append(self.finding(ctx.text, start + s, start + e, message=message))
        return out

    def _card_spans(self, chunk: str, driving: list[WordWeight]) -> list[tuple[int, int]]:
        """One span from the first driving word to the last: the judgement is about the
        sentence, so a rule's card on any of its words hides it (one card per words). It is
        cut around identity and party words, which are never underlined."""
        spans: list[tuple[int, int]] = []
        for w in driving:
            if spans and not self._crosses_neutral(chunk[spans[-1][1] : w.start]):
                spans[-1] = (spans[-1][0], w.end)
            else:
                spans.append((w.start, w.end))
        return spans

    def _crosses_neutral(self, between: str) -> bool:
        return any(word in self.neutral for word in self.model.token_re.findall(between.lower()))

    def driving_words(self, words: tuple[WordWeight, ...]) -> list[WordWeight]:
        """The words that push the score up most (at most max_words, never a neutral word)."""
        pushing = sorted((w for w in words if w.weight > 0), key=lambda w: -w.weight)
        if not pushing:
            return []
        floor = pushing[0].weight * self.min_share
        return [w for w in pushing[: self.max_words] if w.weight >= floor]
