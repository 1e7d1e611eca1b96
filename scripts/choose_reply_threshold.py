"""Choose `report.model_threshold` in policy/replies.yml: the score from which the learned
second opinion alone sends a reply to report. Cross-validated on OLID's training split.

    python scripts/choose_reply_threshold.py [DATA_DIR] [--folds 5] [--seed 2026]

Only OLID's training split is read (DATA_DIR defaults to ../shared/data); never its test
files, and no tweet text is printed or written. Each tweet is read as a reply: the engine's
findings and the second opinion (its most offensive sentence, the words driving it) are
worked out once, then judge() sorts it at each candidate threshold. A report on the second
opinion alone must be worth making: on the training folds, the threshold chosen is the one
with the best macro-F1 (report vs OLID's OFF/NOT) among those at which the replies it alone
reports are at least MIN_PRECISION offensive; it is then measured on the held-out fold. The
threshold to ship is the one chosen on the whole split.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "scripts"))

from choose_offence_threshold import folds_of  # noqa: E402
from eval_policy import macro_f1, prepare_olid, read_olid  # noqa: E402

from desktop_app.core.replies.judge import Triage, judge  # noqa: E402
from desktop_app.triage import ReplyTriager  # noqa: E402

GRID = [round(0.5 + i * 0.05, 2) for i in range(10)]  # 0.50 .. 0.95
MIN_PRECISION = 2 / 3  # of replies reported on the second opinion alone, offensive by OLID


def scored(triager: ReplyTriager, rows):
    out = []
    for _id, tweet, a, _b, _c in rows:
        text = prepare_olid(tweet)
        findings = tuple(triager.analyzer.analyze(text).findings)
        opinion = triager.second_opinion(text, findings, full=True)
        out.append((text, findings, opinion, a == "OFF"))
    return out


def figures(items, policy, threshold: float) -> tuple[float, float, int]:
    """(macro-F1, precision of reports on the second opinion alone, how many of those)."""
    at = replace(policy, model_threshold=threshold)
    predicted, gold, alone, alone_right = [], [], 0, 0
    for text, findings, opinion, off in items:
        verdict = judge(text, findings, at, opinion)
        report = verdict.triage is Triage.REPORT
        predicted.append(report)
        gold.append(off)
        if report and verdict.reason.endswith("sure of it)"):
            alone += 1
            alone_right += off
    f1, _p, _r = macro_f1(predicted, gold)
    return f1, (alone_right / alone if alone else 1.0), alone


def choose(items, policy) -> float:
    allowed = [(figures(items, policy, t), t) for t in GRID]
    good = [(f[0], t) for f, t in allowed if f[1] >= MIN_PRECISION]
    return max(good)[1] if good else GRID[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    path = Path(args.data) / "olid-training-v1.0.tsv"
    if not path.is_file():
        path = REPO.parent / "shared" / "data" / "olid-training-v1.0.tsv"
    if not path.is_file():
        print(f"OLID's training split not found in {args.data}", file=sys.stderr)
        return 2
    triager = ReplyTriager()
    items = scored(triager, read_olid(path))
    policy = triager.policy
    print("threshold  macro-F1  second-opinion-alone precision (reports)")
    for t in GRID:
        f1, precision, n = figures(items, policy, t)
        print(f"  {t:.2f}     {f1:.3f}     {precision:.2f} ({n})")
    fold = folds_of([off for *_rest, off in items], args.folds, args.seed)
    held_out = []
    for k in range(args.folds):
        train = [x for x, f in zip(items, fold, strict=True) if f != k]
        test = [x for x, f in zip(items, fold, strict=True) if f == k]
        t = choose(train, policy)
        f1, precision, n = figures(test, policy, t)
        held_out.append(f1)
        print(f"fold {k}: chose {t:.2f}; held out macro-F1 {f1:.3f}, alone precision {precision:.2f} ({n})")
    print(f"cross-validated macro-F1 {statistics.mean(held_out):.3f} (sd {statistics.pstdev(held_out):.3f})")
    print(f"threshold to ship (chosen on the whole split): {choose(items, policy):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
