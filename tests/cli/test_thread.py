"""`drafting-assistant thread`: a long post as numbered posts that each fit (DESIGN.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.core.platforms import measure
from desktop_app.core.threads import find_platform
from desktop_app.core.versions import join_parts
from desktop_app.policy import load_policy

REPO = Path(__file__).resolve().parents[2]
POST = (
    "We have saved the number 42 bus. For two years residents on every estate in Riverside told us "
    "they could not get to work, to the hospital or to the shops after six. So we took those stories "
    "to the transport committee, with a petition signed by 2,400 of you, and we made the case again "
    "and again. From Monday the 42 runs until eleven every night, seven days a week. Read the new "
    "timetable at https://www.riverside.example/buses/42-timetable-2027 and tell us what you think. "
    "Thank you to everyone who signed, knocked on doors or spoke at the committee. #Riverside @RiversideBus\n"
)


@pytest.fixture
def thread(monkeypatch, capsys):
    def run(argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        code = main(["thread", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_json_posts_each_fit_x_are_numbered_and_keep_every_word(thread):
    code, out, err = thread(["--format", "json", "-"], POST)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["platform"] == "X" and len(data["posts"]) >= 2
    x = find_platform(load_policy(rules=False).platforms, "X")
    total = len(data["posts"])
    for n, post in enumerate(data["posts"], 1):
        assert post.endswith(f" {n}/{total}") and not measure(post, x).over
    bodies = [p.rsplit(" ", 1)[0] for p in data["posts"]]
    assert " ".join(bodies).split() == POST.split()  # no word, link, handle or tag cut
    assert data["posts"][0].endswith(". 1/3")  # a sentence end where one fits


def test_text_output_and_another_network(thread):
    code, out, _ = thread(["--platform", "bluesky", "-"], POST)
    posts = out.rstrip("\n").split("\n\n")
    assert code == 0 and len(posts) == 2 and posts[1].endswith(" 2/2")


def test_a_short_post_stays_one_unnumbered_post(thread):
    assert thread(["--format", "json", "-"], "Thank you, volunteers!\n")[1] == (
        '{\n  "platform": "X",\n  "posts": [\n    "Thank you, volunteers!"\n  ]\n}\n'
    )


def test_a_thread_written_in_the_window_keeps_its_posts(thread):
    written = join_parts(["We saved the 42 bus.", "It runs until eleven from Monday."]) + "\n"
    code, out, _ = thread(["--format", "json", "-"], written)
    assert code == 0
    assert json.loads(out)["posts"] == ["We saved the 42 bus. 1/2", "It runs until eleven from Monday. 2/2"]


def test_bad_input_is_one_line_and_exit_2(thread, tmp_path):
    code, _out, err = thread(["--platform", "MySpace", "-"], POST)
    assert code == 2 and "unknown platform 'MySpace'" in err and "X" in err and len(err.splitlines()) == 1
    assert thread([str(tmp_path / "missing.txt")])[0] == 2
    policy = tmp_path / "policy"
    policy.mkdir()
    (policy / "platforms.yml").write_text("platforms:\n  - name: Blog\n    limit: null\n", encoding="utf-8")
    code, _out, err = thread(["--policy", str(policy), "--platform", "Blog", "-"], POST)
    assert code == 2 and "no length limit" in err


def test_the_installed_command_runs(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(POST, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "thread", "--format", "json", str(path)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0 and json.loads(result.stdout)["platform"] == "X"
