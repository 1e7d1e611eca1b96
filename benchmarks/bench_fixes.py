"""How many of our own posts come out right after one click on every card (`fix`).

    python benchmarks/bench_fixes.py [--show]

For each post in tests/data/fix_posts.yml (written for this project: officers' and
volunteers' voice, the kinds of issue 13's table) it applies the first suggestion of every
finding as `drafting-assistant fix` does, then prints:
  exact       the fixed post is the one we expected, word for word
  acceptable  it is the expected one or one of the others listed as fine (`also`)
  postable    judged without the expected text: no artefacts (core/postable.py), no must-fix
              left except fill-in fields, names, places and numbers kept
--show prints every post that is not exact, with what came out.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.fix_run import fix_post  # noqa: E402
from desktop_app.core.postable import artefacts, kept_words  # noqa: E402
from desktop_app.engine import Analyzer  # noqa: E402

POSTS = ROOT / "tests" / "data" / "fix_posts.yml"
REMOVABLE = ("private-info", "derogatory-label")  # words a fix is right to take out


def load_posts(path: Path = POSTS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def judge(post: dict, analyzer: Analyzer) -> dict:
    """What came out for one post and how it measures up."""
    text = post["text"]
    before = analyzer.analyze(text)
    result = fix_post(text, analyzer.analyze)
    removed = [(f.start, f.end) for f in before.findings if f.category in REMOVABLE]
    problems = artefacts(text, result.text)
    problems += [f"must fix: {f.rule} {f.text!r}" for f in result.must_fix if f.category != "unfinished"]
    problems += [f"lost {w!r}" for w in kept_words(text, result.text, removed)]
    fine = [post["expected"], *post.get("also", [])]
    return {
        "id": post["id"],
        "kind": post.get("kind", ""),
        "text": text,
        "fixed": result.text,
        "expected": post["expected"],
        "exact": result.text == post["expected"],
        "acceptable": result.text in fine,
        "postable": not problems,
        "problems": problems,
    }


def main(argv: list[str]) -> int:
    posts = load_posts()
    analyzer = Analyzer()
    started = time.perf_counter()
    results = [judge(p, analyzer) for p in posts]
    took = time.perf_counter() - started
    n = len(results)
    exact = sum(r["exact"] for r in results)
    acceptable = sum(r["acceptable"] for r in results)
    postable = sum(r["postable"] for r in results)
    print(f"posts:      {n}")
    print(f"exact:      {exact} ({exact / n:.0%})")
    print(f"acceptable: {acceptable} ({acceptable / n:.0%})")
    print(f"postable:   {postable} ({postable / n:.0%})")
    print(f"time:       {took * 1000 / n:.1f} ms a post")
    if "--show" in argv:
        for r in results:
            if not r["exact"] or not r["postable"]:
                print(f"\n#{r['id']} ({r['kind']}) {r['text']}")
                print(f"  got:      {r['fixed']}\n  expected: {r['expected']}")
                for p in r["problems"]:
                    print(f"  problem:  {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
