"""Start the GUI: check the window system first, then Qt, then the main window."""

from __future__ import annotations

import argparse
import sys

from desktop_app import APP_NAME, __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    from desktop_app.cli import commands_help

    parser = argparse.ArgumentParser(
        prog="drafting-assistant",
        usage="%(prog)s [-h] [--version] [file]\n       %(prog)s COMMAND [options]",
        description=f"{APP_NAME}: the editor, and commands that work without a window.",
        epilog=commands_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="a draft to open (.txt or .md)")
    parser.add_argument("--version", action="version", version=f"drafting-assistant {__version__}")
    # For smoke tests and CI: close the window after this many seconds.
    parser.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from desktop_app.ui.display_check import display_problem

    problem = display_problem()
    if problem:
        print(f"drafting-assistant: {problem}", file=sys.stderr)
        return 3

    from desktop_app.ui.application import run

    return run(args)
