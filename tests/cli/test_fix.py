"""`drafting-assistant fix`: the command-line contract (DESIGN.md, issue 13)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from desktop_app.__main__ import main

ATTACK = "Councillor Hart is a liar and everyone in Ashford knows it."
JARGON = "Going forward, we will leverage our links with local businesses."
PLAN = "Our plan for Mill Lane is to build 40 council homes by 2027."


@pytest.fixture
def fix(monkeypatch, capsys):
    def run(argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        code = main(["fix", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_prints_the_fixed_post_and_exits_0_when_nothing_must_be_fixed(fix):
    code, out, err = fix(["-"], JARGON)
    assert (code, out, err) == (0, "From now on, we will use our links with local businesses.\n", "")


def test_advice_that_adds_words_is_not_applied(fix):
    assert fix(["-"], PLAN)[:2] == (0, PLAN + "\n")


def test_an_unfilled_field_leaves_a_must_fix_and_exits_1(fix):
    code, out, _ = fix(["-"], ATTACK)
    assert code == 1
    fields = "Councillor Hart said [what they said], but [what the record shows]"
    assert out == fields + " and everyone in Ashford knows it.\n"


def test_json_says_what_was_applied_and_which_fields_are_left(fix, tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(ATTACK, encoding="utf-8")
    code, out, _ = fix(["--format", "json", str(path)])
    data = json.loads(out)
    assert code == 1 and data["source"] == str(path) and data["changed"]
    assert data["fields"] == ["[what they said]", "[what the record shows]"]
    (applied,) = data["applied"]
    assert applied["rule"] == "Drafting.PersonalAttack" and applied["text"] == "Councillor Hart is a liar"
    assert applied["fields"] == data["fields"]
    assert {m["category"] for m in data["must_fix"]} == {"unfinished"}


def test_lines_fixes_each_line_and_keeps_blank_lines(fix):
    code, out, _ = fix(["--lines", "-"], f"{JARGON}\n\n{PLAN}\n")
    assert code == 0
    assert out.splitlines() == ["From now on, we will use our links with local businesses.", "", PLAN]
    code, out, _ = fix(["--lines", "--format", "json", "-"], f"{JARGON}\n{ATTACK}\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["line"] for r in rows] == [1, 2] and rows[1]["fields"]


def test_bad_input_is_one_line_and_exit_2(fix, tmp_path):
    code, out, err = fix([str(tmp_path / "missing.txt")])
    assert code == 2 and out == "" and err.count("\n") == 1 and "missing.txt" in err
    code, _, err = fix(["--policy", str(tmp_path / "nope"), "-"], JARGON)
    assert code == 2 and "policy folder not found" in err
    code, _, err = fix(["--format", "xml", "-"], JARGON)
    assert code == 2


def test_the_public_contact_from_preferences_is_used(fix):
    from desktop_app.storage.settings import Settings

    settings = Settings.load()
    settings.set("public_contact", {"email": "branch@example.org"})
    settings.save()
    code, out, _ = fix(["-"], "Email jo.smith@yahoo.com with your ideas.")
    assert (code, out) == (0, "Email the branch at branch@example.org with your ideas.\n")


def test_a_policy_folder_with_a_contact_file(fix, tmp_path):
    (tmp_path / "contact.yml").write_text("phone: 01632 960000\nname: the Ashford office\n", encoding="utf-8")
    code, out, _ = fix(["--policy", str(tmp_path), "-"], "Call 07700 900123 tonight.")
    assert (code, out) == (0, "Call the Ashford office on 01632 960000 tonight.\n")


def test_check_suggests_what_fix_applies(fix, monkeypatch, capsys):
    from desktop_app.storage.settings import Settings

    settings = Settings.load()
    settings.set("public_contact", {"phone": "01632 960000"})
    settings.save()
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Call 07700 900123 tonight."), encoding="utf-8")
    )
    assert main(["check", "--format", "json", "-"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["suggestions"][0]["replacement"] == "the branch on 01632 960000"
    assert fix(["-"], "Call 07700 900123 tonight.")[1] == "Call the branch on 01632 960000 tonight.\n"
