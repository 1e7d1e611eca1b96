"""`drafting-assistant --help` names every command, and each has its own --help."""

from __future__ import annotations

import os
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


def test_a_mistyped_command_says_so_instead_of_opening_the_editor(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "desktop_app", "chek", "post.txt"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("drafting-assistant: unknown command 'chek' (commands: check")
    assert result.stderr.count("\n") == 1


def test_a_file_with_a_plain_name_still_opens_as_a_draft(tmp_path):
    from desktop_app.__main__ import looks_like_a_command

    (tmp_path / "notes").write_text("A draft without a suffix.", encoding="utf-8")
    assert not looks_like_a_command(str(tmp_path / "notes"))
    assert looks_like_a_command("chek") and not looks_like_a_command("draft.txt")
