"""`drafting-assistant replies`: the command-line contract (DESIGN.md)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from desktop_app.__main__ import main


@pytest.fixture
def replies(monkeypatch, capsys):
    def run(argv, stdin: str = ""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        code = main(["replies", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


LINES = "When will the bins be collected?\n\nYou absolute moron.\nThanks, well done!\nFirst!\n"


def test_jsonl_gives_each_reply_its_triage_clause_category_and_findings(replies):
    code, out, err = replies(["--format", "jsonl", "-"], LINES)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and err == ""
    assert [(r["line"], r["triage"]) for r in rows] == [
        (1, "respond"), (3, "report"), (4, "thank"), (5, "no-action"),
    ]  # fmt: skip
    report = rows[1]
    assert (report["clause"], report["category"]) == ("C-personal-attacks", "abuse and harassment")
    assert report["findings"][0]["category"] == "personal-attack" and report["report_text"]
    assert rows[0]["clause"] is None and rows[0]["category"] is None and rows[0]["opening"]


def test_exit_0_when_nothing_is_to_be_reported(replies):
    code, out, _err = replies(["-"], "Thanks, well done!\nWhy was the library closed?\n")
    assert code == 0
    assert out.rstrip().endswith("2 replies: 0 report, 1 respond, 1 thank, 0 no action")


def test_json_has_counts_and_authors_with_repeated_reports(replies, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "Username,Tweet Text,Created At,Tweet URL\n"
        '@troll,"You absolute moron.",2026-03-01,https://x.com/1\n'
        '@TROLL,"I hope you die.",2026-03-01,https://x.com/2\n'
        '@fan,"Thanks, well done!",2026-03-02,https://x.com/3\n',
        encoding="utf-8",
    )
    code, out, _err = replies(["--format", "json", str(path)])
    data = json.loads(out)
    assert code == 1
    assert data["counts"] == {"report": 2, "respond": 0, "thank": 1, "no-action": 0}
    assert data["repeat_authors"] == [{"author": "@troll", "reports": 2}]
    first = data["replies"][0]
    assert (first["author"], first["date"], first["link"], first["line"]) == (
        "@troll", "2026-03-01", "https://x.com/1", 2,
    )  # fmt: skip
    assert data["replies"][1]["police"] is True


def test_the_user_names_the_csv_column(replies):
    csv_text = "id;what they said\n1;Thanks, well done!\n"
    code, out, err = replies(["--csv-column", "what they said", "--format", "jsonl", "-"], csv_text)
    assert code == 0 and json.loads(out)["triage"] == "thank"
    code, out, err = replies(["--csv", "-"], csv_text)
    assert code == 2 and out == ""
    assert err.strip() == (
        "drafting-assistant replies: standard input: cannot tell which column holds the replies "
        "(the columns are 'id', 'what they said'); name it with --csv-column"
    )


def test_blocks_keep_a_reply_over_several_lines_whole(replies):
    code, out, _err = replies(["--blocks", "--format", "jsonl", "-"], "Why?\nIt was open.\n\n\nThanks!\n")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["text"]) for r in rows] == [(1, "Why?\nIt was open."), (5, "Thanks!")]


def test_bad_input_is_one_line_and_exit_2(replies, tmp_path):
    code, out, err = replies([str(tmp_path / "missing.txt")])
    assert (code, out) == (2, "") and err.count("\n") == 1 and "missing.txt" in err
    code, _out, err = replies(["--policy", str(tmp_path / "nope"), "-"], "hi\n")
    assert code == 2 and "policy folder not found" in err
    code, _out, err = replies(["--csv", "-"], "")
    assert code == 2 and "empty" in err


def test_text_output_says_what_to_do(replies):
    code, out, _err = replies(["-"], "We know where you live.\n")
    assert code == 1
    assert (
        "REPORT · C-abuse No abuse, harassment or intimidation · violent speech · the police can be told"
        in out
    )
    assert "Report: Someone replied to our post" in out


def test_the_command_is_listed_in_help(capsys):
    from desktop_app.cli import commands_help

    assert "replies" in commands_help()
