"""YAML in policy files: aliases that expand too far are refused before anything is built,
and every problem is one short line."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import pytest

from desktop_app.policy import yaml_data
from desktop_app.policy.problems import FileProblem
from desktop_app.storage.paths import overlay_policy_dir
from tests.policy.folders import load, make_folder, problems_in


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A few hundred bytes whose aliases expand to width**levels values."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * width)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "extends: existence\nmessage: boom\n" + "\n".join(lines) + f"\ntokens: *a{levels - 1}\n"


def test_an_alias_bomb_is_refused_in_one_short_line_without_expanding(tmp_path):
    bomb = alias_bomb()
    assert len(bomb.encode()) < 800
    tracemalloc.start()
    pack = load(make_folder(tmp_path / "org", {"rules/Bomb.yml": bomb}))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    (problem,) = problems_in(pack, "org")
    assert problem.path == "org/rules/Bomb.yml" and "aliases" in problem.message
    assert len(str(problem)) < 200
    assert peak < 200 * 2**20  # the bomb would need gigabytes


def test_an_alias_bomb_in_the_overlay_gives_the_command_line_one_short_warning():
    make_folder(overlay_policy_dir(), {"rules/Bomb.yml": alias_bomb(levels=7)})
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "-"],
        input="A short post.",
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )
    assert done.returncode == 0
    assert len(done.stderr) < 400 and done.stderr.count("\n") == 1, done.stderr[:400]


def test_aliases_within_the_bound_are_fine():
    text = "base: &words [alpha, beta]\ntokens: *words\nmore: [*words, *words]\n"
    data, _ = yaml_data.parse_yaml(text)
    assert data["tokens"] == ["alpha", "beta"] and data["more"] == [["alpha", "beta"]] * 2


def test_an_alias_that_contains_itself_is_refused():
    with pytest.raises(FileProblem, match="contains it"):
        yaml_data.parse_yaml("loop: &me [1, *me]\n")


def test_yaml_booleans_are_only_true_and_false():
    data, _ = yaml_data.parse_yaml("words: [no, on, yes, off]\nflag: true\n")
    assert data == {"words": ["no", "on", "yes", "off"], "flag": True}


def test_key_lines_cover_three_levels():
    _, lines = yaml_data.parse_yaml("a:\n  b:\n    c: 1\n    d:\n      e: 2\n")
    assert (lines("a"), lines("a.b"), lines("a.b.c"), lines("a.b.d.e")) == (1, 2, 3, 4)
