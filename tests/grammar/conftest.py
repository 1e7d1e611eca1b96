"""Fixtures for the grammar lane: a fake LanguageTool on 127.0.0.1, no local install."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.grammar.config import default_config
from tests.grammar.fake_languagetool import FakeLanguageTool


@pytest.fixture(autouse=True)
def _no_local_languagetool(tmp_path, monkeypatch):
    """Never find (or create) a LanguageTool install outside the test's folder."""
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)


@pytest.fixture
def fake_lt():
    server = FakeLanguageTool("6.4")
    yield server
    server.down()


@pytest.fixture
def fake_lt5():
    server = FakeLanguageTool("5.9")
    yield server
    server.down()


@pytest.fixture
def fast_config():
    """The shipped config with retries at once and short timeouts (no waiting in tests)."""
    return dataclasses.replace(default_config(), retry_delays=(0.0,), read_timeout=2.0, connect_timeout=1.0)
