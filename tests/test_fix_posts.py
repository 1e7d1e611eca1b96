"""Our own posts (tests/data/fix_posts.yml) come out as a comms officer would post them after
one click on every card, and every one is postable by the artefact checks."""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from desktop_app.engine import Analyzer

_spec = importlib.util.spec_from_file_location(
    "bench_fixes", Path(__file__).resolve().parents[1] / "benchmarks" / "bench_fixes.py"
)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
judge = bench.judge
POSTS = bench.load_posts()


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    return Analyzer()


def test_the_set_is_big_and_varied_enough():
    assert len(POSTS) >= 60
    assert len({p["id"] for p in POSTS}) == len(POSTS)
    kinds = Counter(p["kind"] for p in POSTS)
    for kind in ("personal-attack", "derogatory-label", "private-info", "jargon", "clean-or-advice-only"):
        assert kinds[kind] >= 5, kind
    assert {p["voice"] for p in POSTS} == {"officer", "volunteer"}


@pytest.mark.parametrize("post", POSTS, ids=[str(p["id"]) for p in POSTS])
def test_each_post_comes_out_acceptable_and_postable(post):
    result = judge(post, _analyzer())
    assert result["problems"] == [], result["fixed"]
    assert result["acceptable"], f"got {result['fixed']!r}, expected {post['expected']!r}"


def test_most_posts_come_out_exactly_as_written_by_hand():
    exact = sum(judge(p, _analyzer())["exact"] for p in POSTS)
    assert exact / len(POSTS) >= 0.85
