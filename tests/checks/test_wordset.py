"""Long word lists (1,000 entries or more) are matched as sets: a 100,000-word list loads and
works, with the same findings a short list's RE2 pattern gives, and messages stay one line."""

from __future__ import annotations

import os
import random
import string
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.checks.base import RuleSpec
from desktop_app.checks.existence import ExistenceRule
from desktop_app.checks.wordset import LONG_LIST, WordSet, plain_entry
from desktop_app.engine import Analyzer
from desktop_app.policy import PolicyPack
from tests.policy.folders import load, make_folder, problems_in


def _random_words(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 12))) for _ in range(n)]


def _list_rule(include: str, extra: str = "") -> str:
    return (
        f"extends: existence\nmessage: \"'%s' is listed.\"\nlevel: warning\nignorecase: true\n{extra}"
        f"tokens:\n  include: {include}\n"
    )


def _only(pack, rule_id: str) -> Analyzer:
    import dataclasses

    return Analyzer(dataclasses.replace(pack, rules=[pack.rule(rule_id)]))


def test_a_word_list_of_100000_entries_loads_and_matches(tmp_path):
    words = _random_words(100_000)
    org = make_folder(
        tmp_path / "org",
        {
            "vocab/big.yml": "".join(f"- {w}\n" for w in words) + "- going forward\n",
            "rules/Big.yml": _list_rule("vocab/big.yml"),
        },
    )
    pack = load(org)
    assert problems_in(pack, "org") == []
    text = f"Hello {words[70_000].upper()} and {words[5]}, going forward; not {words[1]}x."
    found = [f.text for f in _only(pack, "org.Big").analyze(text).findings]
    assert found == [words[70_000].upper(), words[5], "going forward"]


def test_a_list_of_20000_entries_does_not_break_the_prefilter(tmp_path):
    words = _random_words(20_000, seed=3)
    org = make_folder(
        tmp_path / "org",
        {"rules/Mid.yml": _list_rule("vocab/mid.yml"), "vocab/mid.yml": "".join(f"- {w}\n" for w in words)},
    )
    pack = load(org)
    assert problems_in(pack, "org") == []
    report = Analyzer(pack).analyze(f"We met {words[19_999]} today.")  # every rule, as the app runs them
    assert [f.text for f in report.findings if f.rule == "org.Mid"] == [words[19_999]]


def test_a_long_list_keeps_its_patterns_and_a_bad_one_is_named(tmp_path):
    words = _random_words(2_000, seed=5)
    good = make_folder(
        tmp_path / "good",
        {
            "rules/Mixed.yml": _list_rule("vocab/mixed.yml"),
            "vocab/mixed.yml": "".join(f"- {w}\n" for w in words) + "- colou?r\n",
        },
    )
    pack = load(good)
    assert problems_in(pack, "good") == []
    found = [f.text for f in _only(pack, "good.Mixed").analyze(f"The color of {words[0]}.").findings]
    assert found == ["color", words[0]]
    bad = make_folder(
        tmp_path / "bad",
        {
            "rules/Mixed.yml": _list_rule("vocab/mixed.yml"),
            "vocab/mixed.yml": "".join(f"- {w}\n" for w in words) + "- (unclosed\n",
        },
    )
    (problem,) = problems_in(load(bad), "bad")
    assert problem.key == "tokens[2000]" and len(str(problem)) < 300


def test_the_command_line_prints_one_short_line_for_a_huge_list_of_patterns(tmp_path):
    patterns = [f"{w}s?" for w in _random_words(100_000, seed=7)]  # patterns, not plain words
    org = make_folder(
        tmp_path / "org",
        {
            "rules/Huge.yml": _list_rule("vocab/huge.yml"),
            "vocab/huge.yml": "".join(f"- {p}\n" for p in patterns),
        },
    )
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--policy", str(org), "-"],
        input="A short post.",
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr[-500:]
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and len(lines[0]) < 300, done.stderr[:500]
    assert "org/rules/Huge.yml" in lines[0] and "too large" in lines[0]


def test_plain_entries():
    assert (
        plain_entry("going forward") and plain_entry("don't") and plain_entry("M&S") and plain_entry("café")
    )
    assert (
        not plain_entry("colou?r")
        and not plain_entry("-ism")
        and not plain_entry("a  b")
        and not plain_entry("")
    )


# RE2's \b is ASCII-only, so the short list's pattern misses "café" at a word's end (the set
# finds it): the entries here have ASCII letters at their edges.
_VOCAB = ["bus", "bus stop", "stop", "don't", "well-being", "naïve", "3", "M&S", "Ward 7", "going forward"]


def _existence(tokens: list[str], ignorecase: bool):
    spec = RuleSpec(
        "t.List", Path("List.yml"), {"extends": "existence", "tokens": tokens, "ignorecase": ignorecase}
    )
    return Analyzer(PolicyPack(rules=[ExistenceRule(spec)]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=6, unique=True),
    st.lists(
        st.sampled_from([*_VOCAB, "buses", "the", " ", ", ", ".", "BUS", "NAÏVE", "3.5", "x", "\n"]),
        max_size=20,
    ),
    st.booleans(),
)
def test_a_long_list_finds_what_the_short_list_pattern_finds(entries, pieces, ignorecase):
    """The same entries, padded to a long list with words that never occur, give the same findings."""
    text = " ".join(pieces)
    padded = entries + [f"zzpad{i}" for i in range(LONG_LIST)]
    short, long = _existence(entries, ignorecase), _existence(padded, ignorecase)
    assert isinstance(long.pack.rules[0].regex, WordSet)
    assert [(f.start, f.end) for f in short.analyze(text).findings] == [
        (f.start, f.end) for f in long.analyze(text).findings
    ], text


def test_a_word_list_gives_the_same_pattern_on_every_run():
    # Equal-length entries in a fixed order: the pattern (and the cache of patterns known to
    # compile) does not depend on the order of a set, which changes from run to run.
    from desktop_app.checks.patterns import word_alternation

    code = "import desktop_app.checks.patterns as p; print(p.word_alternation(['bus','car','van','tram']))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert runs == {word_alternation(["van", "tram", "car", "bus"]) + "\n"}


def test_a_pattern_known_to_compile_is_compiled_on_first_use_with_the_same_matches():
    from desktop_app.checks import patterns

    fresh = patterns.compile_re("zorb(?:lax|lix)", "tokens", ignorecase=True)  # now known to compile
    lazy = patterns.compile_re("zorb(?:lax|lix)", "tokens", ignorecase=True)
    assert isinstance(lazy, patterns.LazyPattern) and lazy.pattern == "(?i)zorb(?:lax|lix)"
    text = b"A ZORBLAX and a zorblix."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in fresh.finditer(text)]
