"""Property: applying any finding's first suggestion (on the shipped pack) never introduces
'...', a doubled word or article, an orphaned connective, a small letter opening a sentence,
'a' before a vowel sound, or a new must-fix finding other than an unfilled field."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.findings import Severity
from desktop_app.core.postable import artefacts
from desktop_app.engine import Analyzer
from tests.checks.conftest import shipped_pack

POSTS = Path(__file__).resolve().parents[1] / "data" / "fix_posts.yml"


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    return Analyzer(shipped_pack())


def _must_fix(text: str) -> Counter:
    """Must-fix findings by rule and their last word, counted before one card per words
    hides any. A fix that makes a hidden insult visible ("Tory scum is a liar" -> "The
    Conservatives is a liar") has not introduced it: the insult's word was there before."""
    from desktop_app.checks.base import TextContext

    found: Counter = Counter()
    for rule in shipped_pack().rules:
        for f in rule.find(TextContext(text)):
            if f.severity is Severity.MUST_FIX and f.category != "unfinished":
                words = re.findall(r"\w+", f.text.lower())
                found[(f.rule, words[-1] if words else "")] += 1
    return found


def problems_of_first_suggestions(text: str) -> list[str]:
    """For each finding of `text` with a suggestion, what applying its first one introduces."""
    out = []
    before_must = _must_fix(text)
    for finding in _analyzer().analyze(text).findings:
        if not finding.suggestions:
            continue
        fixed = finding.suggestions[0].apply(text)
        found = artefacts(text, fixed)
        words_before = set(re.findall(r"\w+", text.lower()))
        new = [key for key in _must_fix(fixed) - before_must if key[1] not in words_before]
        found += [f"new must-fix {rule} on {word!r}" for rule, word in sorted(new)]
        out += [f"{finding.rule}: {text!r} -> {fixed!r}: {p}" for p in found]
    return out


def _examples() -> list[str]:
    texts = [ex for rule in shipped_pack().rules for ex in (*rule.examples_flag, *rule.examples_pass)]
    texts += [post["text"] for post in yaml.safe_load(POSTS.read_text(encoding="utf-8"))]
    return texts


@pytest.mark.parametrize("text", _examples())
def test_first_suggestions_on_every_example_leave_no_artefacts(text):
    assert problems_of_first_suggestions(text) == []


# Sentences built from the pieces officers and volunteers write, with the words the rules
# flag in every position: at the start, after an article, before punctuation, side by side.
_OPENERS = ["", "Today ", "This week, ", "@CllrHart ", "Honestly, "]
_SUBJECTS = ["we", "the council", "Councillor Hart", "our councillors", "Typical Tory scum", "Remoaners",
             "the Red Tories", "our volunteers", "Sandra"]  # fmt: skip
_VERBS = ["will leverage", "leveraged", "are leveraging", "have ring-fenced", "facilitated", "will utilise",
          "is a liar and", "are morons if they", "will ensure", "rolled out", "have implemented",
          "want to incentivise", "liaised with", "reached out to", "will drive down"]  # fmt: skip
_OBJECTS = ["all stakeholders", "key stakeholders", "a robust plan", "an holistic approach",
            "the provision of buses", "funding", "a key priority", "waiting lists", "residents",
            "an additional crossing", "better outcomes", "07700 900123", "jo.bloggs@gmail.com",
            "14 Acacia Avenue", "the people affected"]  # fmt: skip
_TAILS = [".", " in Ashford.", " going forward.", ", so ring Sandra on 07700 900123.", " before Friday!",
          " and everyone knows it.", " prior to the vote.", ""]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_OPENERS),
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_VERBS),
    st.sampled_from(_OBJECTS),
    st.sampled_from(_TAILS),
)
def test_first_suggestions_on_built_sentences_leave_no_artefacts(opener, subject, verb, obj, tail):
    text = f"{opener}{subject} {verb} {obj}{tail}"
    text = text[:1].upper() + text[1:]
    assert problems_of_first_suggestions(text) == []
