"""The learned second opinion's cost: prints figures, never asserts.

    .venv/bin/python benchmarks/bench_offence_model.py [DATA_DIR] [--runs N]

- loading policy/models/offence-score.json (parse and check; the rule keeps one copy per
  version of the file, so this is paid once per policy load);
- scoring one post with the pure-Python scorer (core/text_model.py), whole post;
- the OffenceScore rule on one post: sentences found, each scored, the driving words found
  for the ones over the threshold (what the engine pays per changed paragraph);
- the whole engine on the same posts with and without the rule (the difference is what the
  rule adds to a keystroke's analysis, paragraph cache cleared each time).
Posts: the UK MP tweets in DATA_DIR (default ../shared/data) when present, else our own
sample posts. Target: at most 0.1 ms per post for the rule, on average.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import html
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core.text_model import load_text_model  # noqa: E402
from desktop_app.engine import Analyzer  # noqa: E402
from desktop_app.policy import load_policy  # noqa: E402

MODEL = ROOT / "policy" / "models" / "offence-score.json"
# Our own posts, for when the evaluation data is not there.
OWN_POSTS = [
    "We will build 300 council homes in Hartlepool by 2027. Thanks to everyone who campaigned for them.",
    "The minister's plan for bus fares is a disaster for rural towns: 40 routes will close in May.",
    "Another bloody price rise on the trains. Commuters deserve better than this.",
    "Our councillors voted for free school meals for every primary child in the borough.",
    "Absolute garbage from the Treasury today. Families will pay for it.",
    "Join us at the library on Saturday from 10am to talk about the youth centre.",
]


def posts(data: Path) -> tuple[list[str], str]:
    path = data / "uk-mp-tweets-dev.csv"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            return [html.unescape(row["text"]) for row in csv.DictReader(fh)], "UK MP tweets"
    return OWN_POSTS * 50, "our own sample posts"


def per_call(fn, items: list, runs: int) -> float:
    """Median over runs of the mean seconds per item."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for item in items:
            fn(item)
        times.append((time.perf_counter() - started) / len(items))
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    loads = []
    for _ in range(args.runs):
        started = time.perf_counter()
        model = load_text_model(MODEL)
        loads.append(time.perf_counter() - started)
    size = MODEL.stat().st_size
    print(f"model file: {size / 1e6:.2f} MB, {len(model.vocabulary):,} words, {len(model.members)} members")
    print(f"  load: {statistics.median(loads) * 1e3:.1f} ms (median of {args.runs})")

    texts, source = posts(Path(args.data))
    chars = statistics.mean(len(t) for t in texts)
    print(f"posts: {len(texts)} ({source}), {chars:.0f} characters on average")

    pack = load_policy(include_user_overlay=False)
    rule = pack.rule("Drafting.OffenceScore")
    if rule is None:
        print("the pack has no Drafting.OffenceScore rule", file=sys.stderr)
        return 2
    neutral = rule.neutral
    score_cost = per_call(lambda t: model.score(t, neutral), texts, args.runs)
    print(f"  scorer, whole post:            {score_cost * 1e3:.4f} ms")

    context = rule.context_class
    # A fresh context per post, as for a changed paragraph: sentence splitting is included
    # (in the engine the other rules share it).
    rule_cost = per_call(lambda t: rule.find(context(t)), texts, args.runs)
    print(f"  OffenceScore rule per post:    {rule_cost * 1e3:.4f} ms  (target <= 0.1 ms)")
    split_cost = per_call(lambda t: context(t).sentences, texts, args.runs)
    print(
        f"    of which sentence splitting: {split_cost * 1e3:.4f} ms (shared with other rules in the engine)"
    )

    without = dataclasses.replace(pack, rules=[r for r in pack.rules if r.id != rule.id])
    engines = {"with the rule": Analyzer(pack), "without it": Analyzer(without)}

    def analyse(analyzer):
        def run(text):
            analyzer.clear_cache()
            analyzer.analyze(text)

        return run

    for analyzer in engines.values():  # warm both (lru caches of normalised text, readability)
        per_call(analyse(analyzer), texts, 1)
    # interleaved, so a busy machine slows both alike
    samples: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(args.runs):
        for name, analyzer in engines.items():
            samples[name].append(per_call(analyse(analyzer), texts, 1))
    costs = {name: statistics.median(values) for name, values in samples.items()}
    for name, cost in costs.items():
        print(f"  whole engine, {name:<14} {cost * 1e3:.3f} ms per post (paragraph cache cleared)")
    added = costs["with the rule"] - costs["without it"]
    print(f"  the rule adds {added * 1e3:.3f} ms per post to the engine")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
