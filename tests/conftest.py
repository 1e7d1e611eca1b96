"""Shared test set-up: no display, no network, no writes outside tmp folders."""

import os

# Qt must not look for a display in tests (without one the run aborts).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own config and data dirs (platformdirs honours XDG on Linux)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DRAFTING_ASSISTANT_LT_URL", raising=False)
    yield
