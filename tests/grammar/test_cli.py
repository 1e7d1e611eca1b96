"""`drafting-assistant check --grammar`: the same lane, blocking, with its status in the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.cli.check import main
from desktop_app.grammar.local_server import free_port
from desktop_app.grammar.source import ENV_URL

REPO = Path(__file__).resolve().parents[2]
POST = "🎉 We could of won, and the color was right.\n"


def run_json(capsys, tmp_path, *extra):
    draft = tmp_path / "post.txt"
    draft.write_text(POST, encoding="utf-8")
    code = main(["--grammar", "--format", "json", *extra, str(draft)])
    return code, json.loads(capsys.readouterr().out)


def test_grammar_findings_and_ready_status_from_the_configured_server(capsys, tmp_path, monkeypatch, fake_lt):
    monkeypatch.setenv(ENV_URL, fake_lt.url)
    code, report = run_json(capsys, tmp_path)
    assert report["grammar"] == {"state": "ready", "detail": f"LanguageTool at {fake_lt.url}: ready"}
    by_rule = {f["rule"]: f for f in report["findings"]}
    could = by_rule["LanguageTool.COULD_OF"]
    assert POST[could["start"] : could["end"]] == "could of"
    assert could["category"] == "grammar" and could["suggestions"][0]["replacement"] == "could have"
    colour = by_rule["Spelling.Misspelt"]
    assert POST[colour["start"] : colour["end"]] == "color"
    assert code == 0  # grammar and spelling are suggestions, never must-fix


def test_unreachable_server_reports_why_and_still_spells(capsys, tmp_path, monkeypatch):
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv(ENV_URL, url)
    code, report = run_json(capsys, tmp_path)
    assert report["grammar"]["state"] == "unavailable"
    assert (
        report["grammar"]["detail"]
        == f"LanguageTool at {url}: unavailable (server unreachable); offline spelling only"
    )
    assert [f["text"] for f in report["findings"] if f["category"] == "spelling"] == ["color"]
    assert code == 0


def test_nothing_configured_or_installed(capsys, tmp_path):
    _, report = run_json(capsys, tmp_path)
    assert report["grammar"] == {
        "state": "unavailable",
        "detail": "LanguageTool not installed; offline spelling only",
    }


def test_text_output_names_the_grammar_status(tmp_path, fake_lt):
    draft = tmp_path / "post.txt"
    draft.write_text(POST, encoding="utf-8")
    env = {**os.environ, ENV_URL: fake_lt.url, "LTP_PATH": str(tmp_path / "ltp")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--grammar", str(draft)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"Grammar: ready - LanguageTool at {fake_lt.url}: ready" in result.stdout


def _run_app(args, tmp_path, url, timeout):
    env = {**os.environ, ENV_URL: url, "LTP_PATH": str(tmp_path / "ltp"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_check_finishes_against_a_server_that_sends_a_byte_every_two_seconds(tmp_path, fake_lt):
    draft = tmp_path / "post.txt"
    draft.write_text(POST, encoding="utf-8")
    fake_lt.trickle = 2.0  # its language list alone would take ten minutes
    result = _run_app(["check", "--grammar", str(draft)], tmp_path, fake_lt.url, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "LanguageTool at" in result.stdout and "timed out" in result.stdout
    assert "color" in result.stdout  # offline spelling still ran


def test_the_app_exits_after_its_window_closes_while_a_server_trickles(tmp_path, fake_lt):
    fake_lt.trickle = 2.0
    result = _run_app(["--quit-after", "4"], tmp_path, fake_lt.url, timeout=90)
    assert result.returncode == 0, result.stderr
    assert fake_lt.paths  # the app did reach the server before closing


def test_a_words_txt_in_a_policy_folder_is_read_by_spelling(capsys, tmp_path, monkeypatch, fake_lt):
    monkeypatch.setenv(ENV_URL, fake_lt.url)
    org = tmp_path / "org"
    org.mkdir()
    (org / "words.txt").write_text("zorbleton\n", encoding="utf-8")
    draft = tmp_path / "place.txt"
    draft.write_text("We met the zorbleton team and the quaxford team.\n", encoding="utf-8")
    main(["--grammar", "--format", "json", "--policy", str(org), str(draft)])
    report = json.loads(capsys.readouterr().out)
    misspelt = [f["text"] for f in report["findings"] if f["rule"].startswith("Spelling")]
    assert misspelt == ["quaxford"]
