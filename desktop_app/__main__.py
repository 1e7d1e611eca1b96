"""`python -m desktop_app` and the `drafting-assistant` entry point."""

from __future__ import annotations

import sys


def looks_like_a_command(word: str) -> bool:
    """A bare word that is no file here ("chek"): a mistyped command, not a draft to open."""
    from pathlib import Path

    return word.isalpha() and not Path(word).exists()


def main(argv: list[str] | None = None) -> int:
    # In the standalone build a child process (the GUI's spelling process) starts by
    # running this executable; freeze_support() makes it serve and exit there. Only a frozen
    # build needs it, and importing multiprocessing costs a one-off `check` about 10 ms.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop_app.cli import COMMANDS, run

    if args and args[0] in COMMANDS:
        return run(args[0], args[1:])
    if args and looks_like_a_command(args[0]):
        known = ", ".join(COMMANDS)
        print(
            f"drafting-assistant: unknown command {args[0]!r} (commands: {known}); "
            "to open a draft, give the path of a file that exists",
            file=sys.stderr,
        )
        return 2
    from desktop_app.ui.launch import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
