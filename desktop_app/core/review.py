"""DraftReview: what the writer decided about a draft's findings, in one plain-Python object.

"Rule R on these words is ignored in this draft, because ..." and "this finding was fixed
by a suggestion" live here and nowhere else. The window asks it what to show, the drafts
store keeps it as one field of the draft file, and the review export and the command line
read the same object. Its rules hold without Qt:

- a conduct-policy finding is only ignored with a reason (ReasonRequired otherwise);
- a finding is "fixed" only while the check no longer raises it;
- ignoring is per draft; a rule switched off for every draft is a setting, never for the
  conduct policy (see `conduct_rules_off`).

    review = DraftReview()
    review.ignore(finding, reason="Quoting the council's own report")
    shown, ignored = review.sort(report.findings, rules_off=settings["ignored_rules"])
    draft_file["review"] = review.to_dict()

Room for what comes next (approval, per-network versions): keys this version does not
know are kept in `extra` and written back, so an older app never drops a newer one's data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the type only: the window builds a DraftReview before core.findings loads
    from desktop_app.core.findings import Finding

HERE = "here"  # ignored where these words appear in this draft
RULE = "rule"  # ignored for the whole rule (kept from older drafts; conduct rules no longer allow it)


class ReasonRequired(ValueError):
    """A conduct-policy finding cannot be ignored without saying why."""


@dataclass(frozen=True, slots=True)
class Ignored:
    """One ignored finding: the rule, the words (matched ignoring case) and why."""

    rule: str
    words: str = ""  # "" matches every finding of the rule
    reason: str = ""
    scope: str = HERE
    conduct: bool = False

    def matches(self, finding: Finding) -> bool:
        if finding.rule != self.rule:
            return False
        return not self.words or self.words.casefold() == finding.text.casefold()

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "words": self.words,
            "reason": self.reason,
            "scope": self.scope,
            "conduct": self.conduct,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Ignored:
        return cls(
            rule=str(data["rule"]),
            words=str(data.get("words") or ""),
            reason=str(data.get("reason") or ""),
            scope=RULE if data.get("scope") == RULE else HERE,
            conduct=bool(data.get("conduct", False)),
        )


def _key(rule: str, words: str) -> tuple[str, str]:
    return rule, words.casefold()


@dataclass
class DraftReview:
    ignored: list[Ignored] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)  # Finding.to_dict() of each finding fixed
    extra: dict = field(default_factory=dict)  # keys from a newer app, kept as they are

    # ----- ignoring -----

    def ignore(self, finding: Finding, reason: str = "") -> Ignored:
        """Ignore these words for this rule in this draft. A conduct finding needs a reason."""
        reason = " ".join(reason.split())
        if finding.is_conduct and not reason:
            raise ReasonRequired(f"Say why {finding.rule} can be ignored here.")
        item = Ignored(finding.rule, finding.text, reason, HERE, finding.is_conduct)
        self.ignored = [i for i in self.ignored if _key(i.rule, i.words) != _key(item.rule, item.words)]
        self.ignored.append(item)
        return item

    def unignore(self, rule: str, words: str) -> Ignored | None:
        """Show a finding again; returns what was removed (None if it was not ignored)."""
        for item in self.ignored:
            if _key(item.rule, item.words) == _key(rule, words):
                self.ignored.remove(item)
                return item
        return None

    def restore(self, item: Ignored) -> None:
        """Put back an Ignored exactly as it was (undoing an unignore)."""
        self.unignore(item.rule, item.words)
        self.ignored.append(item)

    def ignored_by(self, finding: Finding, rules_off: Mapping[str, str] | None = None) -> Ignored | None:
        """Why `finding` is not shown: this draft's choice, or its rule switched off."""
        for item in self.ignored:
            if item.matches(finding):
                return item
        if rules_off and finding.rule in rules_off:
            return Ignored(finding.rule, "", rules_off[finding.rule] or "", RULE, finding.is_conduct)
        return None

    def sort(
        self, findings: Iterable[Finding], rules_off: Mapping[str, str] | None = None
    ) -> tuple[list[Finding], list[Finding]]:
        """(shown, ignored), each in the order given."""
        shown, ignored = [], []
        for finding in findings:
            (ignored if self.ignored_by(finding, rules_off) else shown).append(finding)
        return shown, ignored

    def decisions(self, rules_off: Mapping[str, str] | None = None) -> list[Ignored]:
        """Every ignore decision that applies, for the sign-off sheet: this draft's, then the
        rules switched off for every draft (with the reason given in Preferences)."""
        out = list(self.ignored)
        for rule, reason in (rules_off or {}).items():
            if not any(i.rule == rule and not i.words for i in out):
                out.append(Ignored(rule, "", reason or "rule turned off in Preferences", RULE))
        return out

    # ----- fixing -----

    def note_fixed(self, finding: Finding) -> bool:
        """Remember that a suggestion was applied to `finding`; False if already noted."""
        key = _key(finding.rule, finding.text)
        if any(_key(str(d.get("rule", "")), str(d.get("text", ""))) == key for d in self.fixed):
            return False
        self.fixed.append(finding.to_dict())
        return True

    def still_fixed(self, raised: Iterable[Finding]) -> list[dict]:
        """The fixed findings the check no longer raises (a fix undone does not count)."""
        present = {_key(f.rule, f.text) for f in raised}
        return [d for d in self.fixed if _key(str(d.get("rule", "")), str(d.get("text", ""))) not in present]

    # ----- storing -----

    def copy(self) -> DraftReview:
        return DraftReview(list(self.ignored), copy.deepcopy(self.fixed), copy.deepcopy(self.extra))

    def to_dict(self) -> dict:
        return {
            **copy.deepcopy(self.extra),
            "ignored": [i.to_dict() for i in self.ignored],
            "fixed": copy.deepcopy(self.fixed),
        }

    @classmethod
    def from_dict(cls, data: Any) -> DraftReview:
        """Raises ValueError if `data` is not a review."""
        if not isinstance(data, Mapping):
            raise ValueError("review must be an object")
        try:
            ignored = [Ignored.from_dict(i) for i in data.get("ignored") or []]
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"an ignored finding is malformed ({exc})") from exc
        fixed = [dict(d) for d in data.get("fixed") or [] if isinstance(d, Mapping)]
        extra = {k: copy.deepcopy(v) for k, v in data.items() if k not in ("ignored", "fixed")}
        return cls(ignored, fixed, extra)

    @classmethod
    def from_legacy(cls, annotations: Mapping, ignored: Iterable[Mapping] = ()) -> DraftReview:
        """A review from a draft file written before reviews existed (format 1): the window's
        `annotations` (ignored_here pairs, conduct_reasons, fixed) and the draft's `ignored`
        list. Every decision and reason in them is carried over."""
        reasons = {}
        for item in annotations.get("conduct_reasons") or []:
            if isinstance(item, Mapping) and item.get("rule"):
                reasons[_key(str(item["rule"]), str(item.get("text", "")))] = item
        out: dict[tuple[str, str], Ignored] = {}
        for pair in annotations.get("ignored_here") or []:
            if isinstance(pair, list | tuple) and len(pair) == 2:
                rule, words = str(pair[0]), str(pair[1])
                why = reasons.pop(_key(rule, words), None)
                out[_key(rule, words)] = Ignored(
                    rule,
                    str(why.get("text", words)) if why else words,
                    str(why.get("reason", "")) if why else "",
                    HERE,
                    why is not None,
                )
        for key, why in reasons.items():  # a whole conduct rule ignored, with a reason
            scope = RULE if why.get("scope") == RULE else HERE
            out[key] = Ignored(key[0], str(why.get("text", "")), str(why.get("reason", "")), scope, True)
        for item in ignored:  # the draft's own list: fills in anything the annotations lacked
            if isinstance(item, Mapping) and item.get("rule"):
                rule, words = str(item["rule"]), str(item.get("words", ""))
                if _key(rule, words) not in out:
                    out[_key(rule, words)] = Ignored(rule, words, str(item.get("reason", "")))
        fixed = [dict(d) for d in annotations.get("fixed") or [] if isinstance(d, Mapping)]
        return cls(list(out.values()), fixed)


def conduct_rules_off(rules_off: Mapping[str, str], is_conduct_rule) -> list[str]:
    """The rules in `rules_off` (a writer's "Ignore rule" settings) that belong to the conduct
    policy. No writer may switch those off for every draft: the caller clears them."""
    return sorted(rule for rule in rules_off if is_conduct_rule(rule))


def current_grammar(
    report_text: str, report_revision: int, grammar_revision: int, grammar: Iterable[Finding]
) -> list[Finding]:
    """The grammar findings that belong with a report on screen.

    Grammar answers arrive later than the report. Findings from an earlier revision still
    apply while their words are unchanged; ones from a newer revision wait for the report
    that matches them (their positions are for text not yet drawn)."""
    if grammar_revision < 0 or grammar_revision > report_revision:
        return []
    return [g for g in grammar if report_text[g.start : g.end] == g.text]


class DecisionHistory:
    """Ignoring a finding and showing it again, undone and redone with Ctrl+Z / Ctrl+Y in
    step with the text's own undo.

    Each decision remembers how many undo steps the text had when it was made. Undo takes
    back the last decision while no text edit came after it (the text's undo count is
    still the same), and otherwise leaves Ctrl+Z to the text; redo likewise.
    """

    def __init__(self) -> None:
        self._done: list[tuple[int, Callable[[], None], Callable[[], None]]] = []
        self._undone: list[tuple[int, Callable[[], None], Callable[[], None]]] = []

    def record(self, text_steps: int, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        self._done.append((text_steps, undo, redo))
        self._undone.clear()

    def can_undo(self, text_steps: int) -> bool:
        return bool(self._done) and self._done[-1][0] == text_steps

    def can_redo(self, text_steps: int) -> bool:
        return bool(self._undone) and self._undone[-1][0] == text_steps

    def undo(self, text_steps: int) -> bool:
        """Undo the last decision if it is the latest thing done; False leaves it to the text."""
        if not self.can_undo(text_steps):
            return False
        step = self._done.pop()
        step[1]()
        self._undone.append(step)
        return True

    def redo(self, text_steps: int) -> bool:
        if not self.can_redo(text_steps):
            return False
        step = self._undone.pop()
        step[2]()
        self._done.append(step)
        return True

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
