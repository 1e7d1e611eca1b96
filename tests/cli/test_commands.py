"""`drafting-assistant --help` names every command, and each has its own --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import COMMANDS

REPO = Path(__file__).resolve().parents[2]


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_the_top_level_help_lists_every_command():
    result = _run("--help")
    assert result.returncode == 0 and result.stderr == ""
    listed = result.stdout.split("commands (drafting-assistant COMMAND --help for its options):")[1]
    assert [line.split()[0] for line in listed.strip().splitlines()] == list(COMMANDS)
    assert "drafting-assistant COMMAND" in result.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_its_own_help(name):
    result = _run(name, "--help")
    assert result.returncode == 0 and result.stdout.startswith(f"usage: drafting-assistant {name}")
