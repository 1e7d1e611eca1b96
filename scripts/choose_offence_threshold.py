"""Choose the learned model's threshold (policy/rules/OffenceScore.yml) by cross-validation
on OLID's training split, and print the cross-validated figures.

    python scripts/choose_offence_threshold.py [DATA_DIR] [--folds 5] [--seed 2026]

Only OLID's training split is read (DATA_DIR defaults to ../shared/data); never its test
files. Each tweet gets the rules' verdict (a conduct or profanity finding, as
benchmarks/eval_policy.py counts it) and the model's post score (the highest sentence score,
with the rule's neutral words set aside, exactly as the rule scores). Then, fold by fold,
the threshold that gives the best macro-F1 (OFF vs NOT) for rules + model on the other folds,
among those at which the model alone is at least as precise as the rules, is measured on the
held-out fold: those held-out figures are the fair ones. The unconstrained best is printed
too, for comparison. The threshold to ship is the one chosen on the whole split. No tweet
text is printed or written.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_policy import (  # noqa: E402
    is_offensive,
    macro_f1,
    model_rule,
    prepare_olid,
    read_olid,
    without_model,
)

from desktop_app.engine import Analyzer  # noqa: E402

# Candidate thresholds: the model's scores bunch up near 1, so the grid is finer there.
GRID = sorted(
    {round(0.2 + i * 0.01, 4) for i in range(75)}
    | {round(0.95 + i * 0.002, 4) for i in range(25)}
    | {round(0.99 + i * 0.0005, 4) for i in range(20)}
)


def folds_of(gold: list[bool], k: int, seed: int) -> list[int]:
    """A fold number per tweet, stratified: OFF and NOT tweets are dealt out separately."""
    rng = random.Random(seed)
    fold = [0] * len(gold)
    for label in (True, False):
        indices = [i for i, g in enumerate(gold) if g is label]
        rng.shuffle(indices)
        for n, i in enumerate(indices):
            fold[i] = n % k
    return fold


def combined(rules: list[bool], scores: list[float], threshold: float) -> list[bool]:
    return [r or s >= threshold for r, s in zip(rules, scores, strict=True)]


def best_threshold(rules: list[bool], scores: list[float], gold: list[bool], floor: bool = True) -> float:
    """The grid threshold with the best macro-F1 for rules + model (ties: the higher one,
    which flags fewer posts). With `floor`, only thresholds at which the model alone is
    right (OFF precision) at least as often as the rules are: a second opinion that is
    wrong more often than the rules costs more trust than the posts it catches are worth."""
    rules_precision = macro_f1(rules, gold)[1]
    allowed = [t for t in GRID if not floor or macro_f1([s >= t for s in scores], gold)[1] >= rules_precision]
    return max(allowed or GRID[-1:], key=lambda t: (macro_f1(combined(rules, scores, t), gold)[0], t))


def cross_validate(rules, scores, gold, fold, k: int, floor: bool) -> list[tuple]:
    rows = []
    for n in range(k):
        train = [i for i in range(len(gold)) if fold[i] != n]
        held = [i for i in range(len(gold)) if fold[i] == n]
        t = best_threshold(
            [rules[i] for i in train], [scores[i] for i in train], [gold[i] for i in train], floor
        )
        g = [gold[i] for i in held]
        r = [rules[i] for i in held]
        m = [scores[i] >= t for i in held]
        both = [a or b for a, b in zip(r, m, strict=True)]
        rows.append((t, macro_f1(r, g), macro_f1(m, g), macro_f1(both, g)))
    return rows


def print_folds(rows: list[tuple]) -> None:
    for n, (t, r, m, both) in enumerate(rows, 1):
        print(
            f"  fold {n}: threshold {t:<7} held-out macro-F1  rules {r[0]:.3f}  model {m[0]:.3f}"
            f"  rules + model {both[0]:.3f}"
        )
    print("  cross-validated (mean over the held-out folds; sd: spread between folds):")
    for name, col in (("rules alone", 1), ("model alone", 2), ("rules + model", 3)):
        f1s = [row[col][0] for row in rows]
        ps = [row[col][1] for row in rows]
        rs = [row[col][2] for row in rows]
        print(
            f"    {name:<14} macro-F1 {statistics.mean(f1s):.3f} (sd {statistics.stdev(f1s):.3f})"
            f"  OFF precision {statistics.mean(ps):.3f}  recall {statistics.mean(rs):.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    path = Path(args.data) / "olid-training-v1.0.tsv"
    if not path.is_file():
        print(f"OLID training split not found: {path}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    analyzer = Analyzer()
    model = model_rule(analyzer.pack)
    if model is None:
        print("the policy pack has no `model` rule", file=sys.stderr)
        return 2
    rules, scores, gold = [], [], []
    for _id, tweet, a, _b, _c in read_olid(path):
        text = prepare_olid(tweet)
        rules.append(is_offensive(without_model(analyzer.analyze(text).findings)))
        scores.append(model.post_score(text))
        gold.append(a == "OFF")
    print(f"OLID training split: {len(gold)} tweets ({sum(gold)} OFF)")
    print(f"{args.folds}-fold cross-validation, stratified, seed {args.seed}")

    fold = folds_of(gold, args.folds, args.seed)
    print("best macro-F1 for rules + model, unconstrained (for comparison; not shipped):")
    print_folds(cross_validate(rules, scores, gold, fold, args.folds, floor=False))
    print("best macro-F1 for rules + model where the model is at least as precise as the rules (shipped):")
    print_folds(cross_validate(rules, scores, gold, fold, args.folds, floor=True))
    chosen = best_threshold(rules, scores, gold)
    print(f"threshold chosen on the whole training split: {chosen}")
    print(f"  (rules/OffenceScore.yml has {model.threshold})")
    print("  on the whole split near it (model alone precision; rules + model macro-F1, precision, recall):")
    for t in GRID:
        if abs(t - chosen) <= 0.05:
            mp = macro_f1([s >= t for s in scores], gold)[1]
            f1, p, r = macro_f1(combined(rules, scores, t), gold)
            print(
                f"    {t:<7} model precision {mp:.3f}   macro-F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}"
            )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
