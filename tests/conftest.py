"""Shared test set-up: no display, no network, no writes outside tmp folders."""

import os

# Qt must not look for a display in tests (without one the run aborts).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings as hypothesis_settings

# .ci/run sets HYPOTHESIS_PROFILE=ci: the same examples every run, so CI never fails at random.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own config and data dirs (platformdirs honours XDG on Linux)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DRAFTING_ASSISTANT_LT_URL", raising=False)
    # never find (or create) a LanguageTool install outside the test's own folders
    monkeypatch.setenv("LTP_PATH", str(home / "ltp"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    yield


@pytest.fixture
def fake_lt():
    """A LanguageTool 6.4 on 127.0.0.1 that speaks the real protocol (tests/grammar)."""
    from tests.grammar.fake_languagetool import FakeLanguageTool

    server = FakeLanguageTool("6.4")
    yield server
    server.down()  # also answers any request still held by a delay
