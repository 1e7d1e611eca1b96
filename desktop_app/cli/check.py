"""`drafting-assistant check`: check drafts without a window.

Exit codes: 0 no must-fix finding, 1 must-fix findings, 2 bad usage or unreadable input
(see desktop_app.cli.common for the rest).

Output:
- text (default): for each finding the sentence with the flagged words in [[...]], the
  severity, the principle or clause with its title, why, and the suggestions; then the
  principles' status, the reading age and the fit per network.
- `--format json`: one JSON object per input (a JSON array when several inputs are given);
  each object is Report.to_dict() plus "source" (the file name, or "-" for stdin).
- `--format jsonl`: one JSON object per input, one per line.
- `--lines`: each non-blank input line is one post; JSON Lines, with "source" and "line".
  The input is read and checked a line at a time, so a batch may be any length.
Each input (each line with --lines) may be up to MAX_CHECKED characters; a longer one is
bad input. Policy problems are printed once on stderr as warnings; they do not change the
exit code. When the reader of the output goes away (`| head`), printing stops but the
check goes on until the exit code is known.
"""

from __future__ import annotations

import json
import os
import stat
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_CLEAN,
    EXIT_MUST_FIX,
    ArgumentParser,
    Output,
    UsageError,
    long_lived,
    read_lines,
    read_text,
    run_command,
    warn,
)
from desktop_app.core.findings import Finding, Report, Severity, amount
from desktop_app.core.report_json import members, report_json

PROG = "drafting-assistant check"


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
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


# --- text output ------------------------------------------------------------------------------

_SEVERITY_LABEL = {
    Severity.MUST_FIX: "MUST FIX",
    Severity.ADVICE: "advice",
    Severity.SUGGESTION: "suggestion",
}
_CONTEXT_LIMIT = 240  # characters of a finding's sentence shown around it
_WINDOW = 4 * _CONTEXT_LIMIT  # read either side of the words: enough to fill that, however spaced


class _Sentences:
    """A text's sentences, split once per report, so finding each finding's sentence is a
    bisection rather than a new pass over the text (which made long texts quadratic)."""

    def __init__(self, text: str):
        from desktop_app.core.text import sentences

        self.spans = list(sentences(text))
        self.starts = [s.start for s in self.spans]

    def around(self, f: Finding) -> tuple[int, int]:
        """Start and end of the first sentence holding the finding's start (or the finding)."""
        i = bisect_right(self.starts, f.start) - 1
        for j in (i - 1, i) if f.start == f.end else (i,):
            if j < 0:
                continue
            s = self.spans[j]
            if s.start <= f.start < s.end or (f.start == f.end and s.start <= f.start <= s.end):
                return min(s.start, f.start), max(s.end, f.end)
        return f.start, f.end


def _marked_sentence(text: str, f: Finding, sentence: tuple[int, int]) -> str:
    """The sentence around the finding with the flagged words in [[...]], on one line,
    cut to about _CONTEXT_LIMIT characters; only a window around the words is read."""
    start, end = sentence
    left = text[max(start, f.start - _WINDOW) : f.start]
    cut = f.end - f.start > _WINDOW  # the excerpt ends inside the flagged words
    if cut:
        marked = f"{left}[[{text[f.start : f.start + _WINDOW]}"
    else:
        marked = f"{left}[[{text[f.start : f.end]}]]{text[f.end : min(end, f.end + _WINDOW)]}"
    marked = " ".join(marked.split())
    if len(marked) > _CONTEXT_LIMIT:
        at = marked.find("[[")
        lo = max(0, at - 60)
        marked = ("…" if lo else "") + marked[lo : lo + _CONTEXT_LIMIT] + "…"
    elif cut:
        marked += "…"
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
    sentences = _Sentences(report.text) if report.findings else None
    for i, f in enumerate(report.findings, 1):
        lines.append("")
        lines.append(
            f"  {i}. {_SEVERITY_LABEL.get(f.severity, f.severity)} · {_rule_home(f, pack)} · {f.category}"
        )
        lines.append(f"     {_marked_sentence(report.text, f, sentences.around(f))}")
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
            excess, unit = p.over_by()
            fits.append(f"{p.name} {limit}{f' OVER by {amount(excess, unit)}' if p.over else ''}")
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


def _with_grammar(report: Report, words: list[str]) -> Report:
    from desktop_app.grammar import check_for_cli

    found, state = check_for_cli(report.text, words)
    report.findings = sorted(
        [*report.findings, *found], key=lambda f: (f.start, f.end, f.severity.rank, f.rule)
    )
    report.grammar = state
    return report


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _check(argv))


def _check(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    # Whole inputs are read (each bounded) before anything is checked, so bad input is
    # found before any output; with --lines they are streamed a line at a time.
    whole = None if args.lines else [(name, read_text(name)) for name in args.files]
    for folder in args.policy or ():
        if not (Path(folder).is_dir() or (Path(folder).is_file() and folder.endswith(".ini"))):
            raise UsageError(f"{folder}: policy folder not found")
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy

    pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()])
    platforms = _choose_platforms(args.platform, pack)
    for problem in pack.problems:
        warn(PROG, f"policy: {problem}")

    from desktop_app.storage.settings import Settings

    # the public contact set in Preferences: the same suggestions as the window and `fix`
    analyzer = Analyzer(pack, platforms=platforms, contact=Settings.load().get("public_contact") or None)
    # Which pack and version checked the post (the sign-off sheet shows the same).
    policy_info = {"name": pack.name, "version": pack.version, "packs": [p.label for p in pack.packs]}
    policy_member = members({"policy": policy_info})  # the same for every post: encoded once
    fmt = "jsonl" if args.lines else args.format
    out = Output(utf8=fmt != "text", blocks=fmt == "jsonl")
    if whole is not None and len(whole) > 1:
        analyzer.expect_many()
    posts = (
        _batch_foreseen(args.files, analyzer)
        if whole is None
        else ((name, None, text) for name, text in whole)
    )
    any_must_fix = False
    as_json = []
    with long_lived(), out:  # out: what was checked is printed even if a later line fails
        for source, line, text in posts:
            if out.gone and any_must_fix:
                break  # nobody is reading and the exit code is known
            report = analyzer.analyze(text)
            if args.grammar:
                report = _with_grammar(report, pack.words)
            any_must_fix = any_must_fix or bool(report.must_fix)
            if out.gone:
                continue
            if fmt == "text":
                out.write(format_text(report, source if line is None else f"{source}:{line}", pack) + "\n\n")
                continue
            head = {"source": source, **({"line": line} if line is not None else {})}
            if fmt == "jsonl":
                out.write(report_json(report, _head(source, line), policy_member) + "\n")
            else:
                as_json.append({**head, **report.to_dict(), "policy": policy_info})
    if fmt == "json":
        whole = as_json[0] if len(as_json) == 1 else as_json
        out.write(json.dumps(whole, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    return EXIT_MUST_FIX if any_must_fix else EXIT_CLEAN


@lru_cache(maxsize=64)
def _source_member(source: str) -> str:
    return members({"source": source})


def _head(source: str, line: int | None) -> str:
    """members({"source": source, "line": line}), the file name encoded once per file."""
    return _source_member(source) if line is None else f'{_source_member(source)}, "line": {line:d}'


def _batch_foreseen(names: list[str], analyzer) -> Iterator[tuple[str, int, str]]:
    """The posts of `names` a line at a time; once the first is read, the analyzer is told
    when more will follow (Analyzer.expect_many). Only the files' sizes say so: nothing is
    read ahead (a later line's error still comes after the lines before it), and standard
    input or a pipe is never guessed at. A wrong guess (blank lines after a lone post, a
    byte-order mark) costs only time: the findings are the same either way."""
    posts = _posts_by_line(names)
    first = next(posts, None)
    if first is None:
        return
    if _bytes_in(names) > len(first[2].encode("utf-8", "surrogatepass")) + 2:  # its line break
        analyzer.expect_many()
    yield first
    yield from posts


def _bytes_in(names: list[str]) -> int:
    """The files' size in all, or 0 when one is standard input, a pipe or unreadable."""
    total = 0
    for name in names:
        try:
            info = os.stat(name) if name != "-" else None
        except (OSError, ValueError):
            return 0
        if info is None or not stat.S_ISREG(info.st_mode):
            return 0
        total += info.st_size
    return total


def _posts_by_line(names: list[str]) -> Iterator[tuple[str, int, str]]:
    for name in names:
        for number, line in read_lines(name):
            if line.strip():
                yield name, number, line
