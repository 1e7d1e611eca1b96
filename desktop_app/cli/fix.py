"""`drafting-assistant fix`: apply the first suggestion of every finding and print the post.

    drafting-assistant fix [--lines] [--format text|json] [--policy DIR] FILE|-

The suggestions are applied as the editor applies them one click at a time: the first one of
each finding, never two over the same words (the more serious finding wins), then the post
is checked again for what was hidden under another finding. Suggestions that add words (an
invitation to reply, a thank-you) are never applied this way: the writer chooses those. A
rewrite's fill-in fields are printed in [square brackets] for the writer to complete.

Output: the fixed post (with --lines, one fixed post per input line; blank lines stay
blank). `--format json`: per post {"source", "line"?, "text", "changed", "applied": [...],
"fields": [...], "must_fix": [...]} (JSON Lines with --lines).

Exit codes: 0 nothing must be fixed any more, 1 a must-fix finding remains (an unfilled
field included), 2 bad usage or unreadable input.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_CLEAN,
    EXIT_MUST_FIX,
    ArgumentParser,
    Output,
    UsageError,
    read_lines,
    read_text,
    run_command,
    warn,
)

PROG = "drafting-assistant fix"


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Apply the first suggestion of every finding and print the fixed post.",
    )
    parser.add_argument("file", nargs="?", default="-", help="a text file; - reads standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lines", action="store_true", help="treat each input line as one post")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _fix(argv))


def _fix(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    whole = None if args.lines else read_text(args.file)
    for folder in args.policy or ():
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: policy folder not found")
    from desktop_app.core.fix_run import fix_post
    from desktop_app.engine import Analyzer
    from desktop_app.policy import load_policy
    from desktop_app.storage.settings import Settings

    pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()])
    for problem in pack.problems:
        warn(PROG, f"policy: {problem}")
    # the public contact set in Preferences counts here too: the same fixes as the window
    analyzer = Analyzer(pack, contact=Settings.load().get("public_contact") or None)
    out = Output(utf8=args.format == "json")
    posts = _lines(args.file) if whole is None else iter([(None, whole)])
    any_must_fix = False
    for line, text in posts:
        if not text.strip():
            if not out.gone and args.format == "text":
                out.write(text + "\n")
            continue
        result = fix_post(text, analyzer.analyze)
        any_must_fix = any_must_fix or bool(result.must_fix)
        if out.gone:
            if any_must_fix:
                break
            continue
        if args.format == "text":
            out.write(result.text + ("" if result.text.endswith("\n") else "\n"))
            continue
        data = {"source": args.file, **({"line": line} if line is not None else {}), **result.to_dict()}
        if args.lines:
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    out.flush()
    return EXIT_MUST_FIX if any_must_fix else EXIT_CLEAN


def _lines(name: str):
    yield from read_lines(name)
