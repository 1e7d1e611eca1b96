"""A second start on the same drafts folder hands its file to the first window and exits,
so two windows never autosave over each other's typing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from desktop_app.ui.single_instance import claim, server_name

ROOT = Path(__file__).resolve().parents[2]


def _listening(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    ok = socket.waitForConnected(200)
    socket.abort()
    return ok


@pytest.mark.slow
def test_a_second_start_opens_its_file_in_the_first_window_and_exits(qapp, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    name = server_name(tmp_path / "data" / "drafting-assistant" / "drafts")
    post = tmp_path / "post.txt"
    post.write_text("Thanks to everyone who knocked on doors in Ashford.\n", encoding="utf-8")
    first = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--quit-after", "12"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not _listening(name):
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the first window never listened"
            time.sleep(0.1)
        second = subprocess.run(
            [sys.executable, "-m", "desktop_app", str(post)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr[-2000:]
        assert "already open" in second.stderr
        assert first.wait(timeout=60) == 0
    finally:
        if first.poll() is None:
            first.kill()
    drafts = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "data").rglob("drafts/*.json")]
    texts = [d.get("text") for d in drafts if isinstance(d, dict)]
    assert any(t and t.startswith("Thanks to everyone who knocked") for t in texts), texts


def test_a_socket_left_by_a_crashed_app_does_not_stop_the_next_one(qapp, tmp_path):
    from PySide6.QtNetwork import QLocalServer

    folder = tmp_path / "drafts"
    stale = QLocalServer()
    assert stale.listen(server_name(folder))
    stale.close()  # gone without answering, as after a crash (the socket name may linger)
    first = claim(folder)
    assert first is not None and first._server is not None and first._server.isListening()
    assert _listening(server_name(folder))
