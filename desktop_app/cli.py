"""`drafting-assistant check`: check drafts without a window.

Exit codes: 0 no must-fix finding, 1 must-fix findings, 2 bad usage or unreadable input.

Output:
- text (default): for each finding the sentence with the flagged words in [[...]], the
  severity, the principle or clause with its title, why, and the suggestions; then the
  principles' status, the reading age and the fit per network.
- `--format json`: one JSON object per input (a JSON array when several inputs are given);
  each object is Report.to_dict() plus "source" (the file name, or "-" for stdin).
- `--format jsonl`: one JSON object per input, one per line.
- `--lines`: each non-blank input line is one post; JSON Lines, with "source" and "line".
Policy problems are printed once on stderr as warnings; they do not change the exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app import __version__
from desktop_app.core.findings import Finding, Report, Severity

PROG = "drafting-assistant check"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2 (argparse's own code)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Check social-media drafts against the organisation's principles.",
    )
    parser.add_argument("files", nargs="*", default=["-"], help="text files to check; - reads standard input")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    parser.add_argument("--lines", action="store_true", help="treat each input line as one post (JSON Lines)")
    parser.add_argument(
        "--platform", action="append", default=None, help="only report this network's length (repeatable)"
    )
    parser.add_argument("--grammar", action="store_true", help="also check grammar and spelling")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        if Path(name).is_dir():
            raise UsageError(f"{name}: is a folder, not a text file")
        with open(name, "rb") as handle:
            data = handle.read()
    if b"\x00" in data:
        raise UsageError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text (byte {exc.start})") from exc


# --- text output ------------------------------------------------------------------------------

_SEVERITY_LABEL = {
    Severity.MUST_FIX: "MUST FIX",
    Severity.ADVICE: "advice",
    Severity.SUGGESTION: "suggestion",
}
_CONTEXT_LIMIT = 240


def _marked_sentence(text: str, f: Finding) -> str:
    """The sentence around the finding with the flagged words in [[...]], on one line."""
    from desktop_app.core.text import sentences

    start, end = f.start, f.end
    for s in sentences(text):
        if s.start <= f.start < s.end or (f.start == f.end and s.start <= f.start <= s.end):
            start, end = min(s.start, f.start), max(s.end, f.end)
            break
    marked = f"{text[start : f.start]}[[{text[f.start : f.end]}]]{text[f.end : end]}"
    marked = " ".join(marked.split())
    if len(marked) > _CONTEXT_LIMIT:
        at = marked.find("[[")
        lo = max(0, at - 60)
        marked = ("…" if lo else "") + marked[lo : lo + _CONTEXT_LIMIT] + "…"
    return marked


def _rule_home(f: Finding, pack) -> str:
    if f.clause:
        clause = pack.clauses.get(f.clause) if pack else None
        return f"{f.clause} {clause.title}" if clause else f.clause
    if f.principle:
        principle = pack.principles.get(f.principle) if pack else None
        return f"{f.principle} {principle.title}" if principle else f.principle
    return f.category


def format_text(report: Report, source: str, pack) -> str:
    lines = []
    n_must = len(report.must_fix)
    header = f"{source}: {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}"
    lines.append(header + (f" ({n_must} must fix)" if n_must else ""))
    for i, f in enumerate(report.findings, 1):
        lines.append("")
        lines.append(
            f"  {i}. {_SEVERITY_LABEL.get(f.severity, f.severity)} · {_rule_home(f, pack)} · {f.category}"
        )
        lines.append(f"     {_marked_sentence(report.text, f)}")
        if f.message:
            lines.append(f"     {f.message}")
        if f.why:
            lines.append(f"     Why: {f.why}")
        for s in f.suggestions:
            shown = s.replacement if s.replacement.strip() else "(remove it)"
            lines.append(f"     Try: {' '.join(shown.split())}")
        lines.append(f"     [{f.rule}]")
    lines.append("")
    by_state: dict[str, list[str]] = {"must-fix": [], "advice": [], "clear": []}
    for key, status in report.principles.items():
        label = status.title if key == "conduct" else f"{key} {status.title}"
        count = f" ({status.count})" if status.count else ""
        by_state.setdefault(status.state, []).append(label + count)
    lines.append("Principles:")
    for state in ("must-fix", "advice", "clear"):
        if by_state.get(state):
            lines.append(f"  {state}: " + "; ".join(by_state[state]))
    r = report.readability
    if r is not None:
        age = "too short to score" if r.reading_age is None else f"{r.reading_age:g}"
        lines.append(
            f"Reading age: {age} (target {r.target_age:g}) · {r.words} words · "
            f"{r.hard} hard and {r.very_hard} very hard sentences"
        )
    if report.platforms:
        fits = []
        for p in report.platforms:
            limit = "no limit" if p.limit is None else f"{p.length}/{p.limit}"
            fits.append(f"{p.name} {limit}{' OVER' if p.over else ''}")
        lines.append("Platforms: " + " · ".join(fits))
    if report.grammar.state != "off":
        lines.append(
            f"Grammar: {report.grammar.state}{' - ' + report.grammar.detail if report.grammar.detail else ''}"
        )
    return "\n".join(lines)


# --- the command --------------------------------------------------------------------------------


def _choose_platforms(requested: list[str] | None, pack) -> list[str] | None:
    if not requested:
        return None
    known = {p.name.lower(): p.name for p in pack.platforms}
    chosen = []
    for name in requested:
        if known and name.lower() not in known:
            raise UsageError(f"unknown platform {name!r} (known: {', '.join(sorted(known.values()))})")
        chosen.append(known.get(name.lower(), name))
    return chosen


def _with_grammar(report: Report) -> Report:
    from desktop_app.grammar import check_for_cli

    found, state = check_for_cli(report.text)
    report.findings = sorted(
        [*report.findings, *found], key=lambda f: (f.start, f.end, f.severity.rank, f.rule)
    )
    report.grammar = state
    return report


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        posts: list[tuple[str, int | None, str]] = []  # (source, line number, text)
        for name in args.files:
            try:
                text = read_input(name)
            except OSError as exc:
                raise UsageError(f"{name}: {exc.strerror or exc}") from exc
            if args.lines:
                posts.extend((name, n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip())
            else:
                posts.append((name, None, text))
        for folder in args.policy or ():
            if not Path(folder).is_dir():
                raise UsageError(f"{folder}: policy folder not found")
        from desktop_app.engine import Analyzer
        from desktop_app.policy import load_policy

        pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()])
        platforms = _choose_platforms(args.platform, pack)
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    for problem in pack.problems:
        print(f"{PROG}: warning: policy: {problem}", file=sys.stderr)

    analyzer = Analyzer(pack, platforms=platforms)
    fmt = "jsonl" if args.lines else args.format
    any_must_fix = False
    as_json = []
    for source, line, text in posts:
        report = analyzer.analyze(text)
        if args.grammar:
            report = _with_grammar(report)
        any_must_fix = any_must_fix or bool(report.must_fix)
        if fmt == "text":
            print(format_text(report, source if line is None else f"{source}:{line}", pack))
            print()
            continue
        data = {"source": source, **({"line": line} if line is not None else {}), **report.to_dict()}
        if fmt == "jsonl":
            print(json.dumps(data, ensure_ascii=False))
        else:
            as_json.append(data)
    if fmt == "json":
        print(json.dumps(as_json[0] if len(as_json) == 1 else as_json, ensure_ascii=False, indent=2))
    return 1 if any_must_fix else 0
