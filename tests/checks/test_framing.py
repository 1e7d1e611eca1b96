from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.conftest import findings_of

RULE = "fixtures.UsAndThem"


def test_dividing_phrases_and_us_against_them():
    assert [f.text for f in findings_of(RULE, "It is us against them now.")] == ["us against them"]
    assert [f.text for f in findings_of(RULE, "Events are for real members only.")] == ["real members only"]
    assert [f.text for f in findings_of(RULE, "We versus those people.")] == ["We versus those people"]


def test_in_and_out_groups_without_opposition_pass():
    assert findings_of(RULE, "We asked them what they need.") == []
    assert findings_of(RULE, "People like to talk.") == []


def _find_by_brute_force(rule, ctx):
    """What the rule first found, comparing every in-group match with every out-group match
    (cubic on a long paste, so only for small texts): the reference for the windowed search."""
    spans, taken = [], []
    if rule.tokens is not None:
        for s, e in rule.matches(rule.tokens, ctx):
            spans.append((s, e))
            taken.append((s, e))
    ins, outs = list(rule.matches(rule.ingroup, ctx)), list(rule.matches(rule.outgroup, ctx))
    index = {w.start: i for i, w in enumerate(ctx.words)}
    for sentence in ctx.sentences:
        pairs = []
        for a in ins:
            for b in outs:
                if not (sentence.start <= min(a[0], b[0]) and max(a[1], b[1]) <= sentence.end):
                    continue
                first, second = (a, b) if a[0] < b[0] else (b, a)
                i, j = index.get(first[0]), index.get(second[0])
                if first[1] > second[0] or i is None or j is None or j - i > rule.window:
                    continue
                between = {w.text.lower() for w in ctx.words[i + 1 : j]}
                if rule.against and not (between & rule.against):
                    continue
                pairs.append((first[0], second[1]))
        for s, e in pairs[:1]:
            if not any(a < e and s < b for a, b in taken):
                spans.append((s, e))
                taken.append((s, e))
    return spans


WORDS = ["us", "we", "them", "those people", "against", "versus", "and", "the", "bus", ".", "!"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_the_windowed_search_finds_what_comparing_every_pair_finds(pieces):
    from desktop_app.checks.base import TextContext
    from tests.checks.conftest import fixture_pack

    rule = fixture_pack().rule(RULE)
    ctx = TextContext(" ".join(pieces))
    assert sorted((f.start, f.end) for f in rule.find(ctx)) == sorted(_find_by_brute_force(rule, ctx))
