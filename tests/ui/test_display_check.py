"""Without the system libraries the window cannot open; the app says so in one line."""

from __future__ import annotations

import subprocess
import sys

from desktop_app.ui import display_check


def test_no_display_is_a_clear_one_line_reason(monkeypatch):
    monkeypatch.setattr(display_check.sys, "platform", "linux")
    reason = display_check.display_problem({})
    assert reason and "DISPLAY" in reason and "\n" not in reason


def test_offscreen_needs_nothing(monkeypatch):
    monkeypatch.setattr(display_check.sys, "platform", "linux")
    assert display_check.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_missing_libraries_are_named_by_package(monkeypatch):
    monkeypatch.setattr(display_check.sys, "platform", "linux")
    monkeypatch.setattr(
        display_check,
        "XCB_LIBRARIES",
        {"libdefinitely-not-here.so.9": "libnot-here9", "libc.so.6": "libc6"},
    )
    reason = display_check.display_problem({"DISPLAY": ":0"})
    assert reason is not None
    assert "libnot-here9" in reason and "libc6" not in reason
    assert "apt install libnot-here9" in reason


def test_gui_without_display_exits_with_message_not_a_core_dump():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafting-assistant: ")
