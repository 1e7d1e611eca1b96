"""Settings: a damaged file never stops the app starting; it is kept, and defaults apply."""

from __future__ import annotations

import json

import pytest

from desktop_app.storage.settings import DEFAULTS, Settings


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00 not utf-8 \x80", b"{not json", b"[1, 2]", b'"a string"', b""],
    ids=["bad bytes", "broken json", "a list", "a string", "empty"],
)
def test_an_unreadable_settings_file_is_set_aside_and_defaults_apply(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings.load(path)
    assert settings.values == DEFAULTS
    assert "unreadable" in settings.problem and "\n" not in settings.problem
    aside = list(tmp_path.glob("settings.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content  # kept, not deleted
    assert not path.exists()


def test_wrong_typed_values_go_back_to_their_defaults_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "settings.json"
    stored = {
        "networks": 5,
        "font_size": "big",
        "theme": "dark",
        "ignored_rules": {"Drafting.Jargon": ""},
        "x": 1,
    }
    path.write_text(json.dumps(stored), encoding="utf-8")
    settings = Settings.load(path)
    assert settings.get("networks") == DEFAULTS["networks"]
    assert settings.get("font_size") == DEFAULTS["font_size"]
    assert settings.get("theme") == "dark"
    assert settings.get("ignored_rules") == {"Drafting.Jargon": ""}
    assert settings.get("x") == 1  # keys this version does not know are kept
    assert "font_size, networks" in settings.problem and "\n" not in settings.problem
    aside = list(tmp_path.glob("settings.corrupt-*.json"))
    assert len(aside) == 1 and json.loads(aside[0].read_text(encoding="utf-8")) == stored


def test_good_settings_load_without_a_problem(tmp_path):
    path = tmp_path / "settings.json"
    Settings(path).save()
    settings = Settings.load(path)
    assert settings.problem == "" and settings.values == DEFAULTS
