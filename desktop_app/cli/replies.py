"""`drafting-assistant replies`: sort replies to our posts without a window.

    drafting-assistant replies [--format text|json|jsonl] [--csv-column NAME] [--csv]
                               [--blocks] [--policy DIR] FILE|-

Input: one reply per line; with --blocks, replies separated by blank lines; a CSV export
with --csv, --csv-column NAME or a FILE ending in .csv (the text column found by name, or
NAME; author, date and link columns used when present). Read and sorted a reply at a time,
so a set may be any length; each reply may be up to MAX_CHECKED characters. A long set is
sorted on every core (cli/parallel.py), in input order.

Output, per reply: `triage` (report, respond, thank, no-action) and `reason`; when reported,
the `clause` it breaks, the platform's reporting `category`, `police` (a threat of violence)
and a ready `report_text`; when answered, a suggested `opening`; `do_not_amplify` when the
author is on the organisation's list; and the `findings` that drove it.
- text (default): one block per reply, then the counts and the authors with repeated reports.
- `--format jsonl`: one JSON object per reply, one per line.
- `--format json`: {"replies": [...], "counts": {...}, "repeat_authors": [...]}.

Exit codes: 0 nothing to report, 1 at least one reply to report, 2 bad usage or input.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_CLEAN,
    EXIT_MUST_FIX,
    ArgumentParser,
    Output,
    UsageError,
    read_lines,
    run_command,
    warn,
)
from desktop_app.cli.parallel import triage_in_parallel
from desktop_app.core.replies.authors import repeat_authors
from desktop_app.core.replies.judge import TRIAGE_LABELS, Triage
from desktop_app.core.replies.sources import CsvColumns, CsvProblem, NoTextColumn, Reply, read_csv_rows

PROG = "drafting-assistant replies"


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Sort replies to a post into report, respond, thank and no-action.",
    )
    parser.add_argument("file", nargs="?", default="-", help="replies, one per line; - reads standard input")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    parser.add_argument("--csv", action="store_true", help="the input is a CSV export with a header row")
    parser.add_argument(
        "--csv-column", metavar="NAME", help="the CSV column holding the replies' text (implies --csv)"
    )
    parser.add_argument("--blocks", action="store_true", help="replies are separated by blank lines")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


# --- reading replies --------------------------------------------------------------------------


def _by_line(name: str) -> Iterator[Reply]:
    for number, line in read_lines(name):
        if line.strip():
            yield Reply(line.strip(), line=number)


def _by_block(name: str) -> Iterator[Reply]:
    block: list[str] = []
    first = 0
    for number, line in read_lines(name):
        if line.strip():
            if not block:
                first = number
            block.append(line.strip())
            continue
        if block:
            yield _block_reply(block, first, name)
            block = []
    if block:
        yield _block_reply(block, first, name)


def _block_reply(block: list[str], first: int, name: str) -> Reply:
    from desktop_app.core.limits import MAX_CHECKED

    text = "\n".join(block)
    if len(text) > MAX_CHECKED:
        shown = "standard input" if name == "-" else name
        raise UsageError(f"{shown}:{first}: a reply of more than {MAX_CHECKED:,} characters")
    return Reply(text, line=first)


def _by_csv_row(name: str, column: str | None) -> Iterator[Reply]:
    lines = (line for _number, line in read_lines(name))
    shown = "standard input" if name == "-" else name
    rows = None
    try:
        first = next(lines, None)
        if first is None:
            raise UsageError(f"{shown}: empty: a CSV export starts with a header row")
        from desktop_app.core.replies.sources import sniff_delimiter

        delimiter = sniff_delimiter(first)

        def again():
            yield first
            yield from lines

        rows = read_csv_rows(again(), delimiter)
        _line, header = next(rows)
        try:
            columns = CsvColumns.find(header, column)
        except NoTextColumn as exc:
            raise UsageError(f"{shown}: {exc}; name it with --csv-column") from None
        for number, row in rows:
            reply = columns.reply(row, number)
            if reply is not None:
                yield reply
    except CsvProblem as exc:
        raise UsageError(f"{shown}: {exc}") from None


def replies_in(args) -> Iterator[Reply]:
    csv_input = args.csv or args.csv_column is not None or str(args.file).lower().endswith(".csv")
    if csv_input:
        return _by_csv_row(args.file, args.csv_column)
    return _by_block(args.file) if args.blocks else _by_line(args.file)


# --- output -----------------------------------------------------------------------------------


def reply_dict(triaged, source: str, clause_titles: dict[str, str]) -> dict:
    reply, verdict = triaged.reply, triaged.verdict
    return {
        "source": source,
        "line": reply.line,
        "text": reply.text,
        "author": reply.author,
        "date": reply.date,
        "link": reply.link,
        "triage": verdict.triage.value,
        "reason": verdict.reason,
        "clause": verdict.clause,
        "clause_title": clause_titles.get(verdict.clause or "") if verdict.clause else None,
        "category": verdict.category,
        "police": verdict.police,
        "do_not_amplify": verdict.do_not_amplify,
        "report_text": triaged.report_text or None,
        "opening": triaged.opening or None,
        "findings": [f.to_dict() for f in verdict.findings],
    }


def format_text(data: dict) -> str:
    verdict = data["triage"]
    head = f"{data['source']}:{data['line']}  {TRIAGE_LABELS[Triage(verdict)].upper()}"
    if data["clause"]:
        head += f" · {data['clause']} {data['clause_title'] or ''}".rstrip()
    if data["category"]:
        head += f" · {data['category']}"
    if data["police"]:
        head += " · the police can be told"
    if data["do_not_amplify"]:
        head += " · DON'T REPLY OR SHARE (do-not-amplify list)"
    text = " ".join(data["text"].split())
    lines = [
        head,
        f'    {data["author"] + ": " if data["author"] else ""}"{text}"',
        f"    Why: {data['reason']}",
    ]
    if data["report_text"]:
        lines.append(f"    Report: {data['report_text']}")
    if data["opening"]:
        lines.append(f"    Reply: {data['opening']}")
    return "\n".join(lines)


def summary_text(counts: Counter, repeats: list[tuple[str, int]]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{counts[t]} {TRIAGE_LABELS[t].lower()}" for t in Triage)
    lines = [f"{total} repl{'y' if total == 1 else 'ies'}: {parts}"]
    if repeats:
        who = ", ".join(f"{author} ({n})" for author, n in repeats)
        lines.append(f"Repeated reports: {who}. Consider adding them to do-not-amplify.txt.")
    return "\n".join(lines)


# --- the command ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _replies(argv))


def _replies(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    for folder in args.policy or ():
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: policy folder not found")
    replies = replies_in(args)
    first = next(replies, None)  # bad input is found before the policy is loaded
    from itertools import chain

    from desktop_app.policy import load_policy
    from desktop_app.triage import ReplyTriager

    pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()])
    triager = ReplyTriager(pack)
    for problem in [*pack.problems, *triager.problems]:
        warn(PROG, f"policy: {problem}")
    out = Output(utf8=args.format != "text")
    source = args.file
    counts: Counter = Counter()
    authors: list[tuple[str, Triage]] = []
    collected = []
    every = chain([first], replies) if first is not None else iter(())
    for triaged in triage_in_parallel(triager, every):
        verdict = triaged.verdict
        counts[verdict.triage] += 1
        if triaged.reply.author:
            authors.append((triaged.reply.author, verdict.triage))
        if out.gone:
            continue  # nobody is reading; the exit code still counts every reply
        data = reply_dict(triaged, source, triager.clause_titles)
        if args.format == "jsonl":
            out.write(_JSONL.encode(data) + "\n")
        elif args.format == "json":
            collected.append(data)
        else:
            out.write(format_text(data) + "\n\n")
    repeats = [
        (a, n) for a, n in repeat_authors(authors, triager.policy.repeat_reports) if not triager.is_listed(a)
    ]
    if args.format == "json":
        whole = {
            "replies": collected,
            "counts": {t.value: counts[t] for t in Triage},
            "repeat_authors": [{"author": a, "reports": n} for a, n in repeats],
        }
        out.write(json.dumps(whole, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "text":
        out.write(summary_text(counts, repeats) + "\n")
    out.flush()
    return EXIT_MUST_FIX if counts[Triage.REPORT] else EXIT_CLEAN


_JSONL = json.JSONEncoder(ensure_ascii=False)
