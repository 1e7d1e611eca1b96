"""Measure the policy pack on the shared evaluation data (never shipped, never copied).

    python benchmarks/eval_policy.py [DATA_DIR] [--show-misses N] [--show-false N]

DATA_DIR defaults to ../shared/data relative to the repository. Prints:
- OLID training tweets: precision and recall of 'offensive' (OFF: any conduct finding or
  profanity) and of 'targeted at an individual' (TIN+IND: a personal-attack or abuse finding);
- UK MP tweets: how many get a must-fix finding, each listed with its findings.

OLID replaces mentions with @USER and links with URL. Each @USER becomes its own handle
(@user1, @user2, ...) so a reply to three people is not taken for one handle repeated,
and URL becomes an ordinary link, so neither placeholder can fire a rule by itself.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop_app.core.analyzer import Analyzer  # noqa: E402
from desktop_app.core.findings import Severity  # noqa: E402

OFFENSIVE_CATEGORIES = {"profanity"}
TARGETED_CATEGORIES = {"personal-attack", "abuse"}


def prepare_olid(tweet: str) -> str:
    counter = iter(range(1, 1000))
    text = re.sub(r"@USER\b", lambda _m: f"@user{next(counter)}", tweet)
    text = re.sub(r"\bURL\b", "https://example.org/link", text)
    return html.unescape(text)


def kind_of(subtask_b: str, subtask_c: str) -> str:
    """'TIN+IND', 'TIN+GRP', 'TIN+OTH' or 'UNT': OLID's target of an offensive tweet."""
    return "UNT" if subtask_b != "TIN" else f"TIN+{subtask_c}"


def is_offensive(findings) -> bool:
    return any(f.is_conduct or f.category in OFFENSIVE_CATEGORIES for f in findings)


def is_targeted(findings) -> bool:
    return any(f.category in TARGETED_CATEGORIES for f in findings)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def olid(path: Path, analyzer: Analyzer, show_false: int, show_misses: int) -> None:
    rows = []
    with path.open(encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 5:
                rows.append(row)
    counts = Counter()
    false_flags, misses = [], []
    fired = Counter()
    for _id, tweet, a, b, c in rows:
        findings = analyzer.analyze(prepare_olid(tweet)).findings
        off_pred = is_offensive(findings)
        off_gold = a == "OFF"
        tin_pred = is_targeted(findings)
        tin_gold = a == "OFF" and b == "TIN" and c == "IND"
        counts[
            "off_" + ("tp" if off_pred and off_gold else "fp" if off_pred else "fn" if off_gold else "tn")
        ] += 1
        counts[
            "ind_" + ("tp" if tin_pred and tin_gold else "fp" if tin_pred else "fn" if tin_gold else "tn")
        ] += 1
        if off_pred and not off_gold:
            bad = [f for f in findings if f.is_conduct or f.category in OFFENSIVE_CATEGORIES]
            for f in bad:
                fired[f.rule.split(".", 1)[-1]] += 1
            false_flags.append((tweet, [(f.rule.split(".", 1)[-1], f.text) for f in bad]))
        if off_gold and not off_pred:
            misses.append((kind_of(b, c), tweet))
    print(f"OLID training tweets: {len(rows)} ({counts['off_tp'] + counts['off_fn']} OFF)")
    p, r, f = prf(counts["off_tp"], counts["off_fp"], counts["off_fn"])
    print(
        f"  offensive (conduct or profanity):   precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
        f"  (tp {counts['off_tp']}, fp {counts['off_fp']}, fn {counts['off_fn']})"
    )
    p, r, f = prf(counts["ind_tp"], counts["ind_fp"], counts["ind_fn"])
    print(
        f"  targeted at an individual (TIN+IND): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
        f"  (tp {counts['ind_tp']}, fp {counts['ind_fp']}, fn {counts['ind_fn']})"
    )
    if fired:
        print(
            "  rules behind flags on NOT tweets: " + ", ".join(f"{k} {v}" for k, v in fired.most_common(12))
        )
    for tweet, what in false_flags[:show_false]:
        print(f"  FALSE FLAG {what}: {tweet[:160]}")
    if misses:
        # What kind of offence the misses are: a personal insult, a group, or untargeted swearing.
        kinds = Counter(kind for kind, _ in misses)
        print("  missed OFF tweets by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    for kind, tweet in misses[:show_misses]:
        print(f"  MISSED ({kind}): {tweet[:160]}")


def mp_tweets(path: Path, analyzer: Analyzer) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    flagged = []
    for row in rows:
        text = html.unescape(row["text"])
        must = [f for f in analyzer.analyze(text).findings if f.severity is Severity.MUST_FIX]
        if must:
            flagged.append((row["id"], text, must))
    share = len(flagged) / len(rows) if rows else 0.0
    print(f"UK MP tweets: {len(rows)}; with a must-fix finding: {len(flagged)} ({share:.1%}; aim <= 1%)")
    for tweet_id, text, must in flagged:
        what = "; ".join(f"{f.rule.split('.', 1)[-1]} ({f.category}) on '{f.text}'" for f in must)
        print(f"  {tweet_id}: {what}\n      {' '.join(text.split())[:220]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument(
        "--show-false", type=int, default=0, help="list this many false flags on OLID NOT tweets"
    )
    parser.add_argument("--show-misses", type=int, default=0, help="list this many missed OFF tweets")
    args = parser.parse_args(argv)
    data = Path(args.data)
    olid_path, mp_path = data / "olid-training-v1.0.tsv", data / "uk-mp-tweets-dev.csv"
    if not olid_path.is_file() or not mp_path.is_file():
        print(f"evaluation data not found in {data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    analyzer = Analyzer()
    olid(olid_path, analyzer, args.show_false, args.show_misses)
    mp_tweets(mp_path, analyzer)
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
