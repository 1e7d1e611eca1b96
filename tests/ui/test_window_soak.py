"""The window survives a busy day: many rounds of New, paste, typing, undo, rename and delete.

Each run is a separate process (tests/ui/soak_driver.py): a segfault inside Qt kills the
process, which fails this test with the rounds it got through, instead of ending the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_window_survives_rounds_of_new_paste_typing_undo_rename_and_delete(tmp_path, seed):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.soak_driver", "--rounds", "70", "--seed", str(seed)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    last_rounds = "\n".join(run.stdout.splitlines()[-5:])
    crash = "\n".join(run.stderr.splitlines()[-30:])
    assert run.returncode == 0, f"exit {run.returncode} after:\n{last_rounds}\n{crash}"
    assert run.stdout.rstrip().endswith("soak survived")
