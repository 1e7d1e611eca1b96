"""Fixtures for the grammar lane: a fake LanguageTool on 127.0.0.1, no local install."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.grammar.config import default_config
from tests.grammar.fake_languagetool import FakeLanguageTool


@pytest.fixture
def fake_lt5():
    server = FakeLanguageTool("5.9")
    yield server
    server.down()


@pytest.fixture
def fast_config():
    """The shipped config with retries at once and short timeouts (no waiting in tests)."""
    return dataclasses.replace(default_config(), retry_delays=(0.0,), read_timeout=2.0, connect_timeout=1.0)
