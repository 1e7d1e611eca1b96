"""Measure how replies are sorted (policy/replies.yml, core/replies/judge.py).

    python benchmarks/eval_replies.py [DATA_DIR] [--holdout] [--show N]

Prints:
- our own sets (tests/data/replies/dev-*.txt, written for this, in our own words): how many
  abusive replies are reported, how many criticism/question and thanks replies are reported
  (aim: none), criticism and questions sent to respond, thanks sent to thank; every reply
  sorted against its set's aim is listed. `--holdout` also measures holdout-*.txt, sets
  written at the same time and not looked at while the sorting was tuned, and the later
  held-out sets (holdout-s29-*.txt: blind batches Y197-Y200, Y205-Y208 and Y213-Y216;
  holdout-s30-*.txt: Y218, Y220, Y222, Y224, Y226, Y228, Y230 and Y232; holdout-s31-*.txt:
  Y234, Y236, Y238, Y240, Y242, Y244, Y246 and Y248; holdout-s31b-*.txt: Y249-Y256, written
  after session 31's last change and measured once at first sight; never read):
  counts only, their texts are never printed.
- our abuse families (tests/data/abuse_families*.yml, our own words): per family, how many
  abusive replies are reported with the right clause, and how many look-alikes (blunt
  criticism, political speech, reporting on abuse, quoting) are reported (aim: none).
- our hateful comments (the families marked `hateful: true`) checked as posts, as a public
  hate-speech set would be: the share given a conduct finding (and one under their clause),
  and the precision of a conduct finding against every look-alike of the same file.
- OLID's training tweets read as replies: report or not against OFF/NOT, macro-F1, and the
  figures of the report decision's parts (the rules, the learned second opinion alone).
  Only the training split is read (DATA_DIR defaults to ../shared/data); never its test files.
  No tweet text is printed unless --show asks for that many misses and false reports.
- how long sorting took per reply.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_policy import macro_f1, prepare_olid, read_olid  # noqa: E402

from desktop_app.core.replies.judge import Triage, judge  # noqa: E402
from desktop_app.core.replies.sources import Reply  # noqa: E402
from desktop_app.triage import ReplyTriager  # noqa: E402

SETS = REPO / "tests" / "data" / "replies"
# Each set and where its replies should go: (name, aim, what must never happen).
AIMS = {
    "abusive": Triage.REPORT,
    "criticism": Triage.RESPOND,
    "thanks": Triage.THANK,
    "profanity-untargeted": Triage.RESPOND,
    "no-action": Triage.NO_ACTION,
}


def read_set(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def own_sets(triager: ReplyTriager, prefix: str) -> None:
    print(f"Our own sets ({prefix}-*.txt):")
    for name, aim in AIMS.items():
        path = SETS / f"{prefix}-{name}.txt"
        if not path.is_file():
            continue
        replies = read_set(path)
        sorted_as = [triager.triage(Reply(text)).verdict.triage for text in replies]
        counts = Counter(sorted_as)
        n = len(replies)
        reported = counts[Triage.REPORT]
        line = f"  {name:<22} {n:>3}: {counts[aim]} sent to {aim.value} ({counts[aim] / n:.0%})"
        if aim is not Triage.REPORT:
            line += f"; reported {reported}"
        if name == "abusive":
            line += f"; as 16 of 17: {counts[aim] / n * 17:.1f} of 17"
        print(line + "  [" + ", ".join(f"{t.value} {c}" for t, c in counts.most_common()) + "]")
        if prefix.startswith("holdout"):
            continue  # held-out texts are never printed: whoever tunes the rules must not see them
        for text, got in zip(replies, sorted_as, strict=True):
            if got is not aim:
                print(f"      {got.value:<9} {text}")


FAMILY_FILES = sorted((REPO / "tests" / "data").glob("abuse_families*.yml"))


def family_entries(entries, clause):
    """(text, clause) for each entry: a text, or {text, clause}."""
    for entry in entries or ():
        if isinstance(entry, dict):
            yield entry["text"], entry.get("clause", clause)
        else:
            yield entry, clause


def read_families(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def families(triager: ReplyTriager, path: Path) -> None:
    print(f"Abuse families ({path.name}):")
    sets = read_families(path)
    totals = Counter()
    for name, family in sets.items():
        clause = family.get("clause")
        abusive = list(family_entries(family.get("abusive"), clause))
        alike = list(family_entries(family.get("look-alikes"), None))
        missed, wrong, false = [], [], []
        for text, want in abusive:
            verdict = triager.triage(Reply(text)).verdict
            if verdict.triage is not Triage.REPORT:
                missed.append((verdict.triage.value, text))
            elif want and (verdict.clause != want or (family.get("police") and not verdict.police)):
                wrong.append((f"{verdict.clause}{' police' if verdict.police else ''}", text))
        for text, _ in alike:
            verdict = triager.triage(Reply(text)).verdict
            if verdict.triage is Triage.REPORT:
                false.append((verdict.reason, text))
        reported = len(abusive) - len(missed)
        right = reported - len(wrong)
        totals.update(abusive=len(abusive), reported=reported, right=right)
        totals.update(alike=len(alike), false=len(false))
        print(
            f"  {name:<11} abusive reported {reported:>2}/{len(abusive):<2} (right clause {right})"
            f"   look-alikes reported {len(false)}/{len(alike)}"
        )
        for where, text in missed:
            print(f"      missed ({where}): {text}")
        for got, text in wrong:
            print(f"      wrong clause ({got}): {text}")
        for reason, text in false:
            print(f"      REPORTED ({reason}): {text}")
    print(
        f"  all         abusive reported {totals['reported']}/{totals['abusive']} "
        f"(right clause {totals['right']})   look-alikes reported {totals['false']}/{totals['alike']}"
    )


def hateful_as_posts(analyzer, path: Path) -> None:
    """The hateful comments checked as posts (the whole pack, not the reply triage): how many
    get a conduct finding, how many one under their own clause, and the precision of a
    conduct finding when every look-alike of the file counts as not hateful."""
    sets = read_families(path)
    hateful = [
        e for f in sets.values() if f.get("hateful") for e in family_entries(f.get("abusive"), f["clause"])
    ]
    if not hateful:
        return
    alike = [text for f in sets.values() for text, _ in family_entries(f.get("look-alikes"), None)]

    def conduct(text: str):
        return [f for f in analyzer.analyze(text).findings if f.is_conduct]

    found, right, missed = 0, 0, []
    by_clause: Counter = Counter()
    for text, clause in hateful:
        findings = conduct(text)
        found += bool(findings)
        right += any(clause is None or f.clause == clause for f in findings)  # null: any clause
        if not findings:
            missed.append(text)
        else:
            by_clause.update({f.clause for f in findings})
    flagged = [(text, findings) for text in alike if (findings := conduct(text))]
    n = len(hateful)
    precision = found / (found + len(flagged)) if found + len(flagged) else 0.0
    print(f"Hateful comments checked as posts ({path.name}; aim: at least 50% at precision 0.75):")
    print(
        f"  given a conduct finding {found}/{n} ({found / n:.0%}); under their clause {right}/{n}"
        f" ({right / n:.0%}); look-alikes given one {len(flagged)}/{len(alike)}; precision {precision:.2f}"
    )
    print("  clauses found: " + ", ".join(f"{k} {v}" for k, v in by_clause.most_common()))
    for text in missed:
        print(f"      no finding: {text}")
    for text, findings in flagged:
        what = ", ".join(sorted({f.rule.split(".", 1)[-1] for f in findings}))
        print(f"      FLAGGED ({what}): {text}")


def olid(triager: ReplyTriager, data: Path, show: int) -> None:
    path = data / "olid-training-v1.0.tsv"
    if not path.is_file():
        print(f"OLID's training split not found in {data}: skipped")
        return
    rows = read_olid(path)
    started = time.perf_counter()
    gold, report, by_rules, by_model, plain = [], [], [], [], []
    misses, false_reports = [], []
    for _tweet_id, tweet, a, _b, _c in rows:
        text = prepare_olid(tweet)
        triaged = triager.triage(Reply(text))
        reported = triaged.verdict.triage is Triage.REPORT
        if triager.policy.abuse_model is not None:
            # the same findings and offence opinion, judged without our reply-abuse model
            opinion = triager.second_opinion(text, triaged.findings)
            plain.append(judge(text, triaged.findings, triager.policy, opinion).triage is Triage.REPORT)
        gold.append(a == "OFF")
        report.append(reported)
        model_only = reported and all(f.category == "offence-score" for f in triaged.verdict.findings)
        by_model.append(model_only)
        by_rules.append(reported and not model_only)
        if reported and a != "OFF":
            false_reports.append((triaged.verdict.reason, tweet))
        elif a == "OFF" and not reported:
            misses.append((triaged.verdict.triage.value, tweet))
    took = time.perf_counter() - started
    f1, p, r = macro_f1(report, gold)
    print(f"OLID training tweets read as replies: {len(rows)} ({sum(gold)} OFF), {took:.1f} s")
    print(f"  report or not vs OFF/NOT: macro-F1 {f1:.3f}  report precision {p:.3f}  recall {r:.3f}")
    for name, flags in (("by a rule's finding", by_rules), ("by the second opinion alone", by_model)):
        n = sum(flags)
        right = sum(f and g for f, g in zip(flags, gold, strict=True))
        print(f"    reported {name}: {n} ({right / n if n else 0:.0%} OFF)")
    if triager.policy.abuse_model is not None:
        # our reply-abuse model is weighed with these tweets' NOT labels: the figure without it
        # is the one that has not seen them
        f1_plain, p_plain, r_plain = macro_f1(plain, gold)
        print(
            f"  without our reply-abuse model (weighed with these tweets' labels): macro-F1 {f1_plain:.3f}"
            f"  precision {p_plain:.3f}  recall {r_plain:.3f}"
        )
    sent = Counter(t for t, _tweet in misses)
    print("  OFF tweets not reported, sent to: " + ", ".join(f"{k} {v}" for k, v in sent.most_common()))
    for reason, tweet in false_reports[:show]:
        print(f"  REPORTED NOT ({reason}): {tweet[:150]}")
    for where, tweet in misses[:show]:
        print(f"  MISSED OFF ({where}): {tweet[:150]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent.parent / "shared" / "data"))
    parser.add_argument("--holdout", action="store_true", help="also measure the held-out sets")
    parser.add_argument("--show", type=int, default=0, help="list this many OLID misses and false reports")
    parser.add_argument("--no-olid", action="store_true", help="only our own sets")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        data = REPO.parent / "shared" / "data"
    triager = ReplyTriager()
    for problem in triager.problems:
        print(f"policy problem: {problem}")
    own_sets(triager, "dev")
    if args.holdout:  # holdout-*.txt, and each later held-out set (holdout-s29-*.txt)
        for prefix in sorted({path.stem.rsplit("-", 1)[0] for path in SETS.glob("holdout*-*.txt")}):
            own_sets(triager, prefix)
    for path in FAMILY_FILES:
        families(triager, path)
    from desktop_app.engine import Analyzer

    analyzer = Analyzer()
    for path in FAMILY_FILES:
        hateful_as_posts(analyzer, path)
    if not args.no_olid:
        olid(triager, data, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
