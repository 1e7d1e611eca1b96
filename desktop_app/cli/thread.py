"""`drafting-assistant thread`: a long post as a numbered thread of posts that each fit.

    drafting-assistant thread [--platform X] [--format text|json] [--policy DIR] FILE|-

Output:
- text (default): the posts one after another, a blank line between them;
- `--format json`: {"platform": "X", "posts": ["... 1/3", "... 2/3", "... 3/3"]}.

Posts end at a paragraph or sentence end where one fits, never inside a word, link,
@handle or #hashtag, each within the network's limit as it counts it, numbering included
(core/threads.py). A text that is already a thread, as the window writes one (a line
holding only `---` between posts), keeps its posts: each starts a post, and one too long
flows on into the next. A post that fits whole stays one post, unnumbered.

Exit codes: 0 the thread was made; 2 bad usage or unreadable input, or a network without a
limit to split by (see desktop_app.cli.common for the rest).
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app import __version__
from desktop_app.cli.common import (
    EXIT_CLEAN,
    ArgumentParser,
    Output,
    UsageError,
    read_text,
    run_command,
    warn,
)

PROG = "drafting-assistant thread"


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Split a long post into a numbered thread of posts that each fit the network.",
    )
    parser.add_argument(
        "file", nargs="?", default="-", help="the post as a text file; - reads standard input"
    )
    parser.add_argument("--platform", default="X", help="the network to thread for (default X)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--policy", action="append", default=None, help="an extra policy folder to load")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    return run_command(PROG, lambda: _thread(argv))


def _thread(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    text = read_text(args.file)
    for folder in args.policy or ():
        if not Path(folder).is_dir():
            raise UsageError(f"{folder}: policy folder not found")
    from desktop_app.core.threads import find_platform, reflow
    from desktop_app.core.versions import thread_parts
    from desktop_app.policy import load_policy

    # Only the networks are needed: the rules are not compiled.
    pack = load_policy(extra_dirs=[Path(p) for p in args.policy or ()], rules=False)
    for problem in pack.problems:
        warn(PROG, f"policy: {problem}")
    try:
        platform = find_platform(pack.platforms, args.platform)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if platform.limit is None and platform.max_bytes is None:
        raise UsageError(f"{platform.name} has no length limit, so a post never needs to be a thread")
    try:
        thread = reflow(thread_parts(text), platform)
    except ValueError as exc:  # a single character longer than a whole post
        raise UsageError(str(exc)) from None
    out = Output(utf8=args.format == "json")
    if args.format == "json":
        out.write(json.dumps(thread.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif thread.posts:
        out.write(thread.to_text() + "\n")
    out.flush()
    return EXIT_CLEAN
