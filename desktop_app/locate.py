"""Find the shipped data folders (policy/, resources/) however the app was installed.

One answer for all three ways the app runs:
- installed wheel: the build copies them to desktop_app/_data/<name> (pyproject.toml);
- PyInstaller build: build.spec copies them to the same place inside the bundle;
- source checkout or editable install: they sit beside the package at the repo root.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


class DataNotFound(RuntimeError):
    pass


def _candidates(name: str) -> list[Path]:
    found = [_PACKAGE_DIR / "_data" / name]
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    if bundle:
        found.append(Path(bundle) / "desktop_app" / "_data" / name)
    found.append(_PACKAGE_DIR.parent / name)
    return found


@cache
def data_dir(name: str) -> Path:
    """The folder `name` ("policy" or "resources"), or DataNotFound naming where we looked."""
    candidates = _candidates(name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise DataNotFound(f"The app's {name} folder is missing (looked in {looked}). Reinstall the app.")


def policy_dir() -> Path:
    return data_dir("policy")


def resources_dir() -> Path:
    return data_dir("resources")


def dictionary_path() -> Path:
    """The en_GB Hunspell dictionary shipped with the spelling lane (the attack and hashtag
    kinds use its word list, through the policy pack)."""
    return _PACKAGE_DIR / "grammar" / "dictionaries" / "en_GB.dic"
