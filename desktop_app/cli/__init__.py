"""The command line: `drafting-assistant COMMAND [options]`, one module per command.

A command is a module in this package with `main(argv) -> int` (argv after the command's
name), built on desktop_app.cli.common (input, output, exit codes, the one-line error). To
add one, write desktop_app/cli/NAME.py and add NAME to COMMANDS with the line that
`drafting-assistant --help` shows for it. A command's module is imported only when it runs,
so neither the editor nor the other commands pay for it at start-up.
"""

from __future__ import annotations

import importlib

COMMANDS: dict[str, str] = {
    "check": "check drafts without a window: what to change and why, as text or JSON",
    "replies": "sort replies to a post into report, respond, thank and no-action",
    "policy": "the policy packs: show those in force, test one's examples, fetch the organisation's",
    "fix": "apply the first suggestion of every finding and print the fixed post",
    "thread": "split a long post into a numbered thread of posts that each fit a network",
    "review": "make the one-page sign-off sheet for a post or a draft file, as PDF or HTML",
}


def run(name: str, argv: list[str]) -> int:
    """Run command `name` (a key of COMMANDS) with the arguments that follow it."""
    return importlib.import_module(f"{__name__}.{name}").main(argv)


def commands_help() -> str:
    """The list of commands, for `drafting-assistant --help`."""
    width = max(len(name) for name in COMMANDS)
    lines = ["commands (drafting-assistant COMMAND --help for its options):"]
    lines += [f"  {name:<{width}}  {summary}" for name, summary in COMMANDS.items()]
    return "\n".join(lines)
