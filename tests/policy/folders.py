"""Policy folders written for a test: a good rule, and a helper to lay out files."""

from __future__ import annotations

import textwrap
from pathlib import Path

from desktop_app.policy import load_policy

GOOD = """\
extends: existence
message: "'%s' is a test word."
level: warning
principle: P7
category: jargon
tokens: [zorblax]
why: Test.
examples:
  flag: ["A zorblax."]
  pass: ["Nothing here."]
"""


def make_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
    return root


def load(root: Path):
    """The shipped pack plus `root` (no user overlay)."""
    return load_policy([root], include_user_overlay=False)


def problems_in(pack, folder: str) -> list:
    return [p for p in pack.problems if p.path.startswith(f"{folder}/")]
