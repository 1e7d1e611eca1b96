"""The Python `re` patterns run over a whole text take time in proportion to its length.

`re` backtracks and holds the GIL: a pattern that starts inside a run of letters and reads
to its end and back at every letter is quadratic, and on a paragraph with no spaces (Chinese,
Thai, one pasted 'word') it froze the window for seconds (found by a randomised drive of the
window, session 18). RE2 runs the rules' own patterns in linear time; these are ours.
Compared as a ratio in one run: eight times the text must cost about eight times as much."""

from __future__ import annotations

import importlib
import time

import pytest

PATTERNS = [
    ("desktop_app.core.text", "_ALL_TOKENS"),
    ("desktop_app.core.evasion", "_URL_OR_EMAIL"),
    ("desktop_app.core.splice", "_WORD_BEFORE"),
    ("desktop_app.grammar.tokens", "_NOT_WORDS"),
    ("desktop_app.checks.tokens", "_DROPPED_G"),
    ("desktop_app.checks.tokens", "_STRETCHED"),
]
CHINESE = "我们的公交车运动需要你星期六来图书馆参加会议谢谢大家的支持"
RUNS = {
    "Chinese": CHINESE * 600,
    "one long word": "x" * 20000,
    "hyphens": "x-" * 10000,
    "dots": "a." * 10000,
    "plus signs": "a+" * 10000,
}


def _best(pattern, text: str) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for _match in pattern.finditer(text):
            pass
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize(("module", "name"), PATTERNS)
def test_a_pattern_over_whole_texts_is_linear_in_a_run_without_spaces(module, name):
    pattern = getattr(importlib.import_module(module), name)
    slow = {}
    for label, run in RUNS.items():
        short, long = run[:2000], run[:16000]
        ratio = _best(pattern, long) / max(_best(pattern, short), 1e-6)
        if ratio >= 24:  # linear: about 8; quadratic: about 64
            slow[label] = round(ratio)
    assert slow == {}
