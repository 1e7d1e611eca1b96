"""`drafting-assistant check`: check drafts without a window.

Exit codes: 0 no must-fix finding, 1 must-fix findings, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app import __version__
from desktop_app.core.findings import Report


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr, exit 2 (argparse's own code)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="drafting-assistant check",
        description="Check social-media drafts against the organisation's principles.",
    )
    parser.add_argument("files", nargs="*", default=["-"], help="text files to check; - reads standard input")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    parser.add_argument("--lines", action="store_true", help="treat each input line as one post (JSON Lines)")
    parser.add_argument("--platform", action="append", default=None, help="only report this network's length")
    parser.add_argument("--grammar", action="store_true", help="also check grammar and spelling")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(name, "rb") as handle:
            data = handle.read()
    if b"\x00" in data:
        raise UsageError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text (byte {exc.start})") from exc


def analyse(text: str) -> Report:
    return Report(text=text)


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        posts: list[str] = []
        for name in args.files:
            try:
                text = read_input(name)
            except OSError as exc:
                raise UsageError(f"{name}: {exc.strerror}") from exc
            posts.extend(line for line in text.splitlines() if line.strip()) if args.lines else posts.append(
                text
            )
    except UsageError as exc:
        print(f"drafting-assistant check: {exc}", file=sys.stderr)
        return 2
    reports = [analyse(post) for post in posts]
    fmt = "jsonl" if args.lines else args.format
    for report in reports:
        if fmt == "json":
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        elif fmt == "jsonl":
            print(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            print(f"{len(report.findings)} findings")
    return 1 if any(r.must_fix for r in reports) else 0
