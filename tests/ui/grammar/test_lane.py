"""GrammarLane: the grammar lane off the GUI thread, against a fake LanguageTool."""

from __future__ import annotations

import dataclasses
import sys
import threading
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QTimer

from desktop_app.grammar.config import default_config
from desktop_app.grammar.download import DownloadPlan
from desktop_app.grammar.local_server import free_port
from desktop_app.storage.settings import Settings
from desktop_app.ui.grammar.lane import GrammarLane
from desktop_app.ui.grammar.settings_box import GrammarSettingsBox
from tests.grammar.zip_server import serve_zip

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def zip_server():
    with serve_zip() as served:
        yield served


@pytest.fixture
def config():
    return dataclasses.replace(default_config(), retry_delays=(0.05,), connect_timeout=1.0, read_timeout=30.0)


@pytest.fixture
def make_lane(qtbot, tmp_path, config):
    lanes = []

    def make(url: str) -> GrammarLane:
        settings = Settings(tmp_path / "settings.json")
        settings.set("languagetool_url", url)
        lane = GrammarLane(settings, config=config)
        lanes.append(lane)
        return lane

    yield make
    for lane in lanes:
        lane.shutdown()
        lane._pool.waitForDone(5000)


def rules(findings):
    return sorted(f.rule for f in findings)


def start_ready(qtbot, lane):
    with qtbot.waitSignal(lane.statusChanged, check_params_cb=lambda s: s.state == "ready", timeout=10000):
        lane.start()


def test_findings_arrive_for_the_revision_with_grammar_and_spelling(qtbot, fake_lt, make_lane):
    lane = make_lane(fake_lt.url)
    start_ready(qtbot, lane)
    assert lane.state.detail == f"LanguageTool at {fake_lt.url}: ready"
    text = "🎉 We could of won, the color was nice."
    with qtbot.waitSignal(
        lane.findingsReady, check_params_cb=lambda rev, f: "LanguageTool.COULD_OF" in rules(f), timeout=10000
    ) as blocker:
        lane.request(text, 7)
    revision, findings = blocker.args
    assert revision == 7
    assert {text[f.start : f.end] for f in findings} == {"could of", "color"}
    assert {f.category for f in findings} == {"grammar", "spelling"}


def test_server_down_status_unavailable_and_offline_spelling_still_arrives(qtbot, make_lane):
    lane = make_lane(f"http://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(
        lane.statusChanged, check_params_cb=lambda s: s.state == "unavailable", timeout=10000
    ) as blocker:
        lane.start()
    assert "server unreachable" in blocker.args[0].detail
    with qtbot.waitSignal(lane.findingsReady, timeout=10000) as blocker:
        lane.request("We will recieve it.", 1)
    assert [f.text for f in blocker.args[1]] == ["recieve"]


def test_slow_server_does_not_block_the_gui_and_stale_answers_are_dropped(qtbot, fake_lt, make_lane):
    lane = make_lane(fake_lt.url)
    start_ready(qtbot, lane)
    emitted: list[tuple[int, list]] = []
    lane.findingsReady.connect(lambda rev, f: emitted.append((rev, f)))
    ticks = []
    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()

    fake_lt.delay = 60  # every check now hangs until released
    lane.request("It could of been teh first.", 1)
    qtbot.waitUntil(lambda: any(r.get("text") == "It could of been teh first." for r in fake_lt.requests))
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 10)  # the event loop keeps running
    # Offline spelling for revision 1 arrived even though LanguageTool has not answered.
    qtbot.waitUntil(lambda: any(rev == 1 for rev, _ in emitted))
    assert [f.rule for f in emitted[-1][1]] == ["Spelling.Misspelt"]

    lane.request("It would of been the the best.", 2)
    qtbot.waitUntil(lambda: any(rev == 2 for rev, _ in emitted))  # spelling for rev 2, still no LT
    mark = len(emitted)
    fake_lt.delay = 0
    fake_lt.release()  # revision 1's answer comes back now: stale, so dropped
    qtbot.waitUntil(lambda: any("LanguageTool.COULD_OF" in rules(f) for _, f in emitted[mark:]))
    assert all(rev == 2 for rev, _ in emitted[mark:])
    final = [f for rev, f in emitted if rev == 2][-1]
    assert rules(final) == ["LanguageTool.COULD_OF", "LanguageTool.ENGLISH_WORD_REPEAT_RULE"]
    heartbeat.stop()


def test_status_recovers_when_the_server_comes_back(qtbot, fake_lt, make_lane):
    lane = make_lane(fake_lt.url)
    fake_lt.down()
    with qtbot.waitSignal(lane.statusChanged, check_params_cb=lambda s: s.state == "unavailable"):
        lane.start()
    lane.request("We could of won.", 3)
    with qtbot.waitSignal(lane.statusChanged, check_params_cb=lambda s: s.state == "ready", timeout=10000):
        fake_lt.up()
    qtbot.waitUntil(lambda: lane._full_revision == 3, timeout=10000)


def test_add_to_dictionary_rechecks_and_the_word_passes(qtbot, make_lane):
    lane = make_lane(f"http://127.0.0.1:{free_port()}")
    lane.start()
    with qtbot.waitSignal(lane.findingsReady, check_params_cb=lambda rev, f: len(f) == 1, timeout=10000):
        lane.request("Zorblatt is our candidate.", 1)
    with qtbot.waitSignal(lane.findingsReady, check_params_cb=lambda rev, f: f == [], timeout=10000):
        lane.add_to_dictionary("Zorblatt")
    assert lane.words() == ["Zorblatt"]


def test_after_shutdown_requests_are_ignored(qtbot, fake_lt, make_lane):
    lane = make_lane(fake_lt.url)
    start_ready(qtbot, lane)
    lane.shutdown()
    with qtbot.assertNotEmitted(lane.findingsReady, wait=600):
        lane.request("We could of won.", 1)


def test_a_replaced_service_reporting_late_does_not_overwrite_the_new_status(qtbot, fake_lt, make_lane):
    # Preferences set a URL while the first start (no URL: "not installed") is still running.
    lane = make_lane("")
    first = lane._service
    gate = threading.Event()
    original_start = first.start

    def slow_start():
        gate.wait(10)
        return original_start()

    first.start = slow_start
    lane.start()
    lane._settings.set("languagetool_url", fake_lt.url)
    with qtbot.waitSignal(lane.statusChanged, check_params_cb=lambda s: s.state == "ready", timeout=10000):
        lane.restart()
    gate.set()  # the old service now says "unavailable"
    assert lane._pool.waitForDone(10000)
    qtbot.wait(100)  # let its queued signal arrive
    assert lane.state.state == "ready"


def test_a_check_in_flight_at_shutdown_ends_quietly_after_its_signals_are_gone(
    qtbot, fake_lt, make_lane, caplog
):
    # As when the window closes mid-check and the app tears its objects down while the
    # worker still waits for LanguageTool: the worker must not emit on a deleted object.
    import shiboken6

    lane = make_lane(fake_lt.url)
    start_ready(qtbot, lane)
    fake_lt.delay = 60
    lane.request("It could of been teh first.", 1)
    qtbot.waitUntil(lambda: any(r.get("text") == "It could of been teh first." for r in fake_lt.requests))
    lane.shutdown()
    shiboken6.delete(lane._signals)
    fake_lt.delay = 0
    fake_lt.release()
    assert lane._pool.waitForDone(10000)
    assert "background job failed" not in caplog.text


def test_shutdown_never_waits_on_a_server_that_trickles(qtbot, fake_lt, tmp_path):
    # One byte a second keeps a request alive far past the read timeout; the deadline here
    # is a minute, so only shutdown itself can end the request before the pool is waited on.
    config = dataclasses.replace(default_config(), read_timeout=30.0, total_timeout=60.0)
    settings = Settings(tmp_path / "settings.json")
    settings.set("languagetool_url", fake_lt.url)
    lane = GrammarLane(settings, config=config)
    start_ready(qtbot, lane)
    fake_lt.trickle = 1.0
    lane.request("It could of been.", 1)
    qtbot.waitUntil(lambda: any(r.get("text") == "It could of been." for r in fake_lt.requests))
    lane.shutdown()
    assert lane._pool.waitForDone(5000), "closing waited on a request"


def test_a_trickling_server_at_start_leaves_starting_for_unavailable(qtbot, fake_lt, tmp_path):
    config = dataclasses.replace(default_config(), read_timeout=5.0, total_timeout=1.0)
    settings = Settings(tmp_path / "settings.json")
    settings.set("languagetool_url", fake_lt.url)
    lane = GrammarLane(settings, config=config)
    fake_lt.trickle = 0.5
    with qtbot.waitSignal(
        lane.statusChanged, check_params_cb=lambda s: s.state == "unavailable", timeout=15000
    ) as blocker:
        lane.start()
    assert "timed out" in blocker.args[0].detail
    lane.shutdown()
    assert lane._pool.waitForDone(5000)


def test_spelling_comes_back_in_the_lane_after_its_process_is_killed(qtbot, make_lane):
    lane = make_lane(f"http://127.0.0.1:{free_port()}")  # no LanguageTool: spelling is all there is
    lane.start()

    def spelt(revision, words):
        return lambda rev, found: rev == revision and [f.text for f in found] == words

    with qtbot.waitSignal(lane.findingsReady, check_params_cb=spelt(1, ["recieve"]), timeout=20000):
        lane.request("We will recieve it.", 1)
    speller = lane._service.speller
    with speller._lock:
        child = speller._speller()
        child._process.kill()
        child._process.join(5)
    with qtbot.waitSignal(lane.findingsReady, check_params_cb=spelt(2, ["goverment"]), timeout=20000):
        lane.request("The goverment said so.", 2)
    assert "offline spelling only" in lane.state.detail


# --- the Preferences section -----------------------------------------------------------------


def test_settings_box_tests_the_connection_off_the_gui_thread(qtbot, fake_lt, tmp_path):
    box = GrammarSettingsBox(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(box)
    box.url.setText(fake_lt.url)
    box.test_button.click()
    qtbot.waitUntil(lambda: box.test_button.isEnabled())
    assert box.test_result.text() == f"Connected: LanguageTool 6.4 at {fake_lt.url} checks British English."
    assert box.values() == {"languagetool_url": fake_lt.url}
    box.url.setText(f"127.0.0.1:{free_port()}")
    box.test_button.click()
    qtbot.waitUntil(lambda: box.test_button.isEnabled())
    assert "server unreachable" in box.test_result.text()


def _shown_as_markup(label) -> bool:
    """Qt's own rule for a QLabel: rich text if asked for, or if automatic and it looks like it."""
    from PySide6.QtGui import Qt

    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text())
    )


def test_a_server_version_with_markup_is_shown_as_plain_text(qtbot, tmp_path):
    from tests.grammar.fake_languagetool import FakeLanguageTool

    version = '<h1>6.4</h1><img src="file:///etc/passwd"><a href="https://evil.example">update</a>'
    server = FakeLanguageTool(version)
    try:
        box = GrammarSettingsBox(Settings(tmp_path / "settings.json"))
        qtbot.addWidget(box)
        box.url.setText(server.url)
        box.test_button.click()
        qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=10000)
    finally:
        server.down()
    assert (
        box.test_result.text() == f"Connected: LanguageTool {version} at {server.url} checks British English."
    )
    assert not _shown_as_markup(box.test_result)
    box.status.setText(f"LanguageTool {version} at {server.url}: ready")  # as the lane reports it
    box._show_download_result(f"Could not download LanguageTool {version}.")
    assert not _shown_as_markup(box.status) and not _shown_as_markup(box.download_result)


def test_settings_box_shows_the_lane_status_and_manages_words(qtbot, make_lane):
    lane = make_lane(f"http://127.0.0.1:{free_port()}")
    lane.add_to_dictionary("Zorblatt")
    box = GrammarSettingsBox(lane._settings, lane)
    qtbot.addWidget(box)
    with qtbot.waitSignal(lane.statusChanged, check_params_cb=lambda s: s.state == "unavailable"):
        lane.start()
    assert "server unreachable" in box.status.text()
    assert box.word_model.keys() == ["Zorblatt"]
    box.word_list.setCurrentIndex(box.word_model.index(0, 0))
    box.remove_button.click()
    assert box.word_model.rowCount() == 0 and lane.words() == []


def test_settings_box_download_fails_clearly_offline(qtbot, tmp_path):
    box = GrammarSettingsBox(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(box)
    plan = DownloadPlan("6.4", f"http://127.0.0.1:{free_port()}/LanguageTool-6.4.zip", None, tmp_path / "ltp")
    box.start_download(plan)
    assert not box.download_button.isEnabled()
    qtbot.waitUntil(lambda: box.download_button.isEnabled())
    assert "no connection to 127.0.0.1" in box.download_result.text()
    assert not box.progress.isVisible()


@pytest.mark.skipif(sys.platform == "win32", reason="the pretend java is a shell script")
def test_local_server_starts_after_start_and_shutdown_leaves_no_process(
    qtbot, tmp_path, monkeypatch, make_lane
):
    install = tmp_path / "ltp" / "LanguageTool-6.4"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"PK")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(
        f'#!/bin/sh\ncd "{REPO}"\nexec "{sys.executable}" -m tests.grammar.fake_languagetool --port "$5"\n'
    )
    java.chmod(0o755)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    monkeypatch.setenv("PATH", str(bin_dir))
    lane = make_lane("")
    states = []
    lane.statusChanged.connect(lambda s: states.append(s.state))
    assert lane._service._server is None  # nothing runs before start()
    start_ready(qtbot, lane)
    assert states == ["starting", "ready"]
    assert lane.state.detail == "LanguageTool on this computer: ready"
    with qtbot.waitSignal(
        lane.findingsReady, check_params_cb=lambda rev, f: "LanguageTool.COULD_OF" in rules(f), timeout=10000
    ):
        lane.request("We could of won.", 1)
    process = psutil.Process(lane._service._server.pid)
    lane.shutdown()
    assert not process.is_running() or process.status() == psutil.STATUS_ZOMBIE


def test_settings_box_download_shows_progress_and_restarts_the_lane(qtbot, tmp_path, zip_server, make_lane):
    base, sha = zip_server
    lane = make_lane("")
    box = GrammarSettingsBox(lane._settings, lane)
    qtbot.addWidget(box)
    box.show()
    values = []
    box.progress.valueChanged.connect(values.append)
    restarted = []
    lane.restart = lambda: restarted.append(True)  # the real restart would try to run Java
    box.start_download(DownloadPlan("6.4", f"{base}/LanguageTool-6.4.zip", sha, tmp_path / "ltp-download"))
    assert box.progress.isVisible() and box.cancel_button.isVisible()
    qtbot.waitUntil(lambda: box.download_button.isEnabled())
    assert box.download_result.text() == "LanguageTool 6.4 is installed. It will start in the background."
    assert values and values[-1] == box.progress.maximum()
    assert restarted == [True]
    assert not box.progress.isVisible()
