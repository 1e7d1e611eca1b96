"""Check kinds: one module per kind; KINDS maps a rule's `extends` to its Rule class."""

from __future__ import annotations

from desktop_app.checks.absence import AbsenceRule
from desktop_app.checks.amplify import AmplifyRule
from desktop_app.checks.attack import AttackRule
from desktop_app.checks.base import Rule, RuleSpec, TextContext
from desktop_app.checks.capitalization import CapitalizationRule
from desktop_app.checks.conditional import ConditionalRule
from desktop_app.checks.consistency import ConsistencyRule
from desktop_app.checks.existence import ExistenceRule
from desktop_app.checks.framing import FramingRule
from desktop_app.checks.hashtag import HashtagRule
from desktop_app.checks.hedging import HedgingRule
from desktop_app.checks.insider import InsiderRule
from desktop_app.checks.mentions import MentionsRule
from desktop_app.checks.metric import MetricRule
from desktop_app.checks.model import ModelRule
from desktop_app.checks.occurrence import OccurrenceRule
from desktop_app.checks.phrase import PhraseRule
from desktop_app.checks.pii import PiiRule
from desktop_app.checks.platform import PlatformRule
from desktop_app.checks.readability import ReadabilityRule
from desktop_app.checks.repetition import RepetitionRule
from desktop_app.checks.substitution import SubstitutionRule
from desktop_app.checks.unfinished import UnfinishedRule
from desktop_app.checks.values import RuleError

# Vale's kinds we do not run, each with the reason a problem line gives.
UNSUPPORTED_KINDS = {
    "spelling": "Vale's `spelling` kind is not supported here: the app's own en_GB spelling check covers it",
    "sequence": "Vale's `sequence` kind is not supported here: it needs part-of-speech tagging",
    "script": "Vale's `script` kind is not supported here: it runs Tengo scripts, and rules must be data",
}

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (
        ExistenceRule,
        SubstitutionRule,
        OccurrenceRule,
        RepetitionRule,
        CapitalizationRule,
        ConditionalRule,
        ReadabilityRule,
        AttackRule,
        PiiRule,
        MentionsRule,
        AmplifyRule,
        FramingRule,
        InsiderRule,
        HedgingRule,
        AbsenceRule,
        PlatformRule,
        HashtagRule,
        ModelRule,
        MetricRule,
        ConsistencyRule,
        UnfinishedRule,
        PhraseRule,
    )
}

__all__ = ["KINDS", "UNSUPPORTED_KINDS", "Rule", "RuleError", "RuleSpec", "TextContext"]
