"""Cold start of `drafting-assistant check` on a three-sentence post: prints figures, never asserts.

    .venv/bin/python benchmarks/bench_cold_start.py [--runs N]

People run `check` once per file from scripts and git hooks, so each run pays for Python's
start, our imports, loading the policy pack and the first analysis. This prints:
- the wall time of whole `python -m desktop_app check POST` processes (median and best of N),
  with an empty settings folder, so no user overlay is read: the very first run (empty cache
  folder: every policy file parsed and the dictionary read) and then the usual ones;
- `python -c pass` for the same interpreter: the floor no change of ours can go below;
- with our modules compiled (.pyc), as in an installed app, whatever PYTHONDONTWRITEBYTECODE says;
- one process's own breakdown: imports, loading the pack, building the analyzer, the first
  analysis (the en_GB word list loads here; the pronouncing dictionary only for posts of 100
words or more) and the text output.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Three sentences, written for this bench: jargon, hedges, a name and role, a handle and a
# lower-case hashtag (which makes the hashtag kind load the en_GB word list).
POST = (
    "Going forward, I think we might perhaps leverage our stakeholders to deliver a step change in "
    "bus services. Councillor Hart says the cuts are fine, but 3,000 residents in Ashford disagree. "
    "Thanks to @AshfordBuses and every volunteer who knocked on doors this week #fixourbuses\n"
)

_BREAKDOWN = r"""
import io, json, sys, time
t = [time.perf_counter()]
from desktop_app.cli.check import format_text
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
t.append(time.perf_counter())
pack = load_policy()
t.append(time.perf_counter())
analyzer = Analyzer(pack)
t.append(time.perf_counter())
report = analyzer.analyze(sys.argv[1])
t.append(time.perf_counter())
out = format_text(report, "post", pack)
t.append(time.perf_counter())
names = ["imports", "load_policy()", "Analyzer()", "first analyze()", "text output"]
print(json.dumps({n: (b - a) * 1000 for n, a, b in zip(names, t, t[1:])}))
"""
_BREAKDOWN_OLD = _BREAKDOWN.replace("desktop_app.engine", "desktop_app.core.analyzer")


def _run(args: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args[:3])} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return elapsed, done.stdout


def _figures(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"median {statistics.median(ms):6.0f} ms   best {min(ms):6.0f} ms   (n={len(ms)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "PYTHONPATH": str(ROOT)}
        # An installed app has its modules compiled (.pyc); a shell with PYTHONDONTWRITEBYTECODE
        # would otherwise recompile all of ours on every run. The .pyc files go to the
        # temporary folder, never into the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        post = Path(home) / "post.txt"
        post.write_text(POST, encoding="utf-8")
        check = [sys.executable, "-m", "desktop_app", "check", str(post)]
        _run(check, {**env, "XDG_CACHE_HOME": str(Path(home) / "warm-up")})  # writes any missing .pyc
        env["XDG_CACHE_HOME"] = str(Path(home) / "cache")
        first = _run(check, env)[0]
        floor = [_run([sys.executable, "-c", "pass"], env)[0] for _ in range(args.runs)]
        whole = [_run(check, env)[0] for _ in range(args.runs)]
        print(f"python -c pass (the floor)          {_figures(floor)}")
        print(f"check POST, first run (no cache)    {first * 1000:6.0f} ms")
        print(f"drafting-assistant check POST       {_figures(whole)}")
        script = _BREAKDOWN if (ROOT / "desktop_app" / "engine.py").exists() else _BREAKDOWN_OLD
        parts: dict[str, list[float]] = {}
        for _ in range(max(3, args.runs // 3)):
            _, out = _run([sys.executable, "-c", script, POST], env)
            for name, ms in json.loads(out.strip().splitlines()[-1]).items():
                parts.setdefault(name, []).append(ms)
        print("one process, median of its parts:")
        for name, values in parts.items():
            print(f"   {name:18s} {statistics.median(values):6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
