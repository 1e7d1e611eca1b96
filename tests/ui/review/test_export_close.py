"""Closing the window while a PDF export is still being written never crashes the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_closing_the_window_during_a_pdf_export_exits_cleanly_with_the_file_written(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    target = tmp_path / "review.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.review.close_during_export", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-500:] + run.stderr[-2000:]
    assert target.read_bytes().startswith(b"%PDF")  # the export finished before the app went
