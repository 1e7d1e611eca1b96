"""Real Vale packages against the alerts their own fixtures expect.

For each package under tests/data/vale/ (its styles/, fixtures/ and expected.txt, with its
licence beside it): how many rule files load, how many of the fixtures' expected alerts the
rules find (same line, column and rule; and, more leniently, same line and rule), that no
shipped party rule is lost when the package loads, and that none of its findings is a
must-fix. Run: .venv/bin/python benchmarks/vale_packages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.checks.base import TextContext  # noqa: E402
from desktop_app.core.findings import Severity  # noqa: E402
from desktop_app.core.text import paragraphs  # noqa: E402
from desktop_app.engine import within_limits  # noqa: E402
from desktop_app.policy import load_policy  # noqa: E402

DATA = ROOT / "tests" / "data" / "vale"


def rule_findings(pack, text: str, prefix: str):
    """Every finding of the package's rules, run as the engine runs them (per paragraph,
    whole-post rules once), before one card per words chooses between rules."""
    rules = [r for r in pack.rules if not r.id.startswith("Drafting.")]
    found = []
    for para in paragraphs(text):
        ctx = TextContext(para.text)
        for rule in rules:
            if not rule.document_level:
                found += [f.shifted(para.start) for f in rule.find(ctx)]
    whole = TextContext(text)
    for rule in rules:
        if rule.document_level:
            found += rule.find(whole)
    return within_limits(found, {r.id: r.limit for r in rules if r.limit})


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def measure(package: Path) -> dict:
    styles = package / "styles"
    files = sorted(p for p in styles.rglob("*") if p.suffix in (".yml", ".yaml") and "config" not in p.parts)
    shipped = {r.id for r in load_policy(include_user_overlay=False).rules}
    pack = load_policy([styles], include_user_overlay=False)
    loaded = {r.path.resolve() for r in pack.rules if not r.id.startswith("Drafting.")}
    not_loaded = [str(f.relative_to(styles)) for f in files if f.resolve() not in loaded]
    expected = []
    for line in (package / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fixture, ln, col, rule = line.rsplit(":", 3)
            expected.append((fixture, int(ln), int(col), rule))
    exact = lenient = 0
    must_fix = 0
    missed = []
    by_fixture: dict[str, set] = {}
    for fixture in {e[0] for e in expected}:
        text = (package / "fixtures" / fixture).read_text(encoding="utf-8")
        findings = rule_findings(pack, text, "")
        must_fix += sum(f.severity is Severity.MUST_FIX for f in findings)
        by_fixture[fixture] = {(*line_col(text, f.start), f.rule) for f in findings}
    wanted = {(f, ln, rule) for f, ln, _, rule in expected}
    tested = {(f, rule) for f, _, _, rule in expected}  # the rules each fixture tests
    # Cards of a rule a fixture tests, on lines where the fixture expects none of it (the
    # fixtures say "exactly": alerts Vale would not give, or a newer rule's than the fixture's).
    extra = sum(
        1
        for fixture, got in by_fixture.items()
        for g in got
        if (fixture, g[2]) in tested and (fixture, g[0], g[2]) not in wanted
    )
    for fixture, ln, col, rule in expected:
        got = by_fixture[fixture]
        if (ln, col, rule) in got or (col == 0 and any(g[0] == ln and g[2] == rule for g in got)):
            exact += 1  # column 0: anywhere on the line (a fixture that marks lines, not places)
            lenient += 1
        elif any(g[0] == ln and g[2] == rule for g in got):
            lenient += 1
        else:
            missed.append(f"{fixture}:{ln}:{col}:{rule}")
    return {
        "package": package.name,
        "files": len(files),
        "loaded": len(files) - len(not_loaded),
        "not_loaded": not_loaded,
        "problems": [str(p) for p in pack.problems],
        "expected": len(expected),
        "exact": exact,
        "lenient": lenient,
        "missed": missed,
        "party_rules_lost": sorted(shipped - {r.id for r in pack.rules}),
        "must_fix": must_fix,
        "extra": extra,
    }


def main() -> int:
    results = [measure(p) for p in sorted(DATA.iterdir()) if (p / "expected.txt").is_file()]
    print(
        f"{'package':<12} {'files loaded':>14} {'alerts found':>14} {'(same line)':>12} "
        f"{'must-fix':>9} {'party lost':>11} {'unexpected':>11}"
    )
    for r in results:
        print(
            f"{r['package']:<12} {r['loaded']:>6}/{r['files']:<7} {r['exact']:>6}/{r['expected']:<7} "
            f"{r['lenient']:>6}/{r['expected']:<5} {r['must_fix']:>9} {len(r['party_rules_lost']):>11} "
            f"{r['extra']:>11}"
        )
    files = sum(r["files"] for r in results)
    expected_total = sum(r["expected"] for r in results) or 1
    loaded = sum(r["loaded"] for r in results)
    expected = sum(r["expected"] for r in results)
    exact = sum(r["exact"] for r in results)
    print(
        f"\nall: {loaded}/{files} rule files load ({100 * loaded / files:.1f}%), "
        f"{exact}/{expected} expected alerts found ({100 * exact / expected_total:.1f}%)"
    )
    for r in results:
        for item in r["not_loaded"]:
            print(f"  not loaded: {r['package']}/{item}")
        for item in r["missed"]:
            print(f"  missed: {r['package']}/{item}")
        for item in r["problems"]:
            print(f"  problem: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
