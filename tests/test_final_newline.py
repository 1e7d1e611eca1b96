"""A text file's final newline is not part of the post: the command line and the window
(the analyzer behind it) count a saved 280-character post as 280, not 281."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy

POST = "Our plan for the high street: " + "x" * 250  # 280 characters


def test_the_command_line_counts_a_saved_post_without_its_final_newline(tmp_path):
    assert len(POST) == 280
    path = tmp_path / "post.txt"
    path.write_bytes((POST + "\n").encode("utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--format", "json", "--platform", "X", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)
    (x,) = report["platforms"]
    assert (x["length"], x["over"], x["overflow_start"]) == (280, False, None)


def test_the_window_counts_the_same_text_the_same_way():
    analyzer = Analyzer(load_policy(), platforms=["X"])
    for typed in (POST, POST + "\n", POST + "\r\n"):
        (x,) = analyzer.analyze(typed).platforms
        assert (x.length, x.over) == (280, False)
