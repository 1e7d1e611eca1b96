"""`drafting-assistant check`: the command-line contract (DESIGN.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import cli

FIXTURES = str(Path(__file__).resolve().parent / "checks" / "fixtures")
CLEAN = "We fixed the roof of the school.\n"
MUST_FIX = "Councillor Hart is a clown.\n"
ADVICE = "Going forward, we will leverage our network.\n"


def run(argv, stdin: str | bytes = "", monkeypatch=None, capsys=None):
    data = stdin.encode() if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def check(monkeypatch, capsys):
    return lambda argv, stdin="": run(["--policy", FIXTURES, *argv], stdin, monkeypatch, capsys)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_exit_0_without_must_fix_and_1_with(check, tmp_path):
    assert check([_write(tmp_path, "a.txt", CLEAN)])[0] == 0
    assert check([_write(tmp_path, "b.txt", ADVICE)])[0] == 0
    assert check([_write(tmp_path, "c.txt", MUST_FIX)])[0] == 1


def test_text_output_shows_the_sentence_marked_why_and_suggestion(check, tmp_path):
    code, out, _ = check([_write(tmp_path, "post.txt", MUST_FIX)])
    assert code == 1
    assert "[[Councillor Hart is a clown]]." in out
    assert "MUST FIX" in out and "No personal attacks" in out
    assert "Why: " in out
    assert "Try: Councillor Hart's decision to ... is wrong because ..." in out
    assert "Principles:" in out and "Reading age:" in out


def test_json_shape(check):
    code, out, _ = check(["--format", "json", "-"], MUST_FIX + ADVICE)
    assert code == 1
    data = json.loads(out)
    assert set(data) >= {"source", "findings", "principles", "readability", "platforms", "grammar"}
    f = data["findings"][0]
    keys = [
        "start",
        "end",
        "text",
        "rule",
        "category",
        "principle",
        "clause",
        "severity",
        "message",
        "why",
        "suggestions",
    ]
    assert set(f) >= set(keys)
    text = MUST_FIX + ADVICE
    for item in data["findings"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert data["principles"]["conduct"]["state"] == "must-fix"
    assert data["grammar"]["state"] == "off"


def test_json_with_several_files_is_an_array_in_order(check, tmp_path):
    a, b = _write(tmp_path, "a.txt", CLEAN), _write(tmp_path, "b.txt", MUST_FIX)
    code, out, _ = check(["--format", "json", a, b])
    data = json.loads(out)
    assert code == 1 and [d["source"] for d in data] == [a, b]


def test_lines_gives_json_lines_one_post_per_line(check):
    code, out, _ = check(["--lines", "-"], CLEAN + "\n" + MUST_FIX + ADVICE)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["line"] for r in rows] == [1, 3, 4]
    assert [bool([f for f in r["findings"] if f["severity"] == "must-fix"]) for r in rows] == [
        False,
        True,
        False,
    ]


def test_stdin_dash(check):
    code, out, _ = check(["-"], MUST_FIX)
    assert code == 1 and "-: " in out


def test_platform_option_restricts_the_networks(check):
    code, out, _ = check(["--format", "json", "--platform", "X", "-"], CLEAN)
    data = json.loads(out)
    assert code == 0
    assert [p["name"] for p in data["platforms"]] == ["X"]
    code, out, _ = check(["--format", "json", "--platform", "x", "--platform", "Bluesky", "-"], CLEAN)
    assert [p["name"] for p in json.loads(out)["platforms"]] == ["X", "Bluesky"]


def test_unknown_platform_is_bad_usage(check):
    code, _, err = check(["--platform", "Carrier-Pigeon", "-"], CLEAN)
    assert code == 2
    assert "unknown platform" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: str(tmp / "missing.txt"), "No such file"),
        (lambda tmp: str(tmp), "is a folder"),
        (lambda tmp: _bytes(tmp, b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
        (lambda tmp: _bytes(tmp, b"caf\xe9 au lait"), "not UTF-8"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(check, tmp_path, make, expected):
    code, out, err = check([make(tmp_path)])
    assert code == 2 and out == ""
    assert expected in err and len(err.strip().splitlines()) == 1


def _bytes(tmp, data: bytes) -> str:
    path = tmp / "data.bin"
    path.write_bytes(data)
    return str(path)


def test_a_missing_policy_folder_is_bad_usage(check, tmp_path):
    code, out, err = check(["--policy", str(tmp_path / "nowhere"), "-"], CLEAN)
    assert code == 2 and out == "" and "policy folder not found" in err


def test_empty_input_is_a_clean_post(check):
    code, out, _ = check(["--format", "json", "-"], "")
    assert code == 0 and json.loads(out)["findings"] == []


def test_bad_usage_exits_2(check):
    code, _, err = check(["--format", "yaml", "-"], CLEAN)
    assert code == 2 and "invalid choice" in err


def test_policy_problems_are_warnings_once_and_do_not_change_the_exit_code(check, tmp_path):
    bad = tmp_path / "org"
    (bad / "rules").mkdir(parents=True)
    (bad / "rules" / "Broken.yml").write_text("extends: telepathy\n", encoding="utf-8")
    code, _, err = check(["--policy", str(bad), "-"], CLEAN)
    assert code == 0
    assert err.count("org/rules/Broken.yml:1: extends:") == 1 and "warning" in err


def test_grammar_merges_findings_and_sets_the_state(check, monkeypatch):
    from desktop_app.core.findings import Finding, GrammarState, Severity

    def fake(text):
        return [
            Finding(0, 2, text[:2], "grammar.TEST", "grammar", Severity.SUGGESTION, "A test.")
        ], GrammarState("ready", "fake")

    monkeypatch.setattr("desktop_app.grammar.check_for_cli", fake)
    code, out, _ = check(["--grammar", "--format", "json", "-"], CLEAN)
    data = json.loads(out)
    assert code == 0 and data["grammar"]["state"] == "ready"
    assert [f["rule"] for f in data["findings"]] == ["grammar.TEST"]


def test_python_m_desktop_app_check_in_a_subprocess(tmp_path):
    path = _write(tmp_path, "post.txt", MUST_FIX)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--policy", FIXTURES, "--format", "json", path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["principles"]["conduct"]["state"] == "must-fix"
