"""`check --lines` writes every post's report exactly as the report's own to_dict() would
be written by json: the batch path's direct encoder and shared work change no byte."""

import io
import json
import os

import pytest

from desktop_app.__main__ import main
from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from tests import corpus


def test_a_varied_batch_comes_out_byte_for_byte_as_the_reports_as_json(tmp_path, capsysbinary):
    posts = corpus.posts(mixed=300, one_line=True)
    path = tmp_path / "batch.txt"
    path.write_text("\n".join(posts) + "\n\n", encoding="utf-8")  # a blank line is skipped

    code = main(["check", "--lines", str(path)])
    written = capsysbinary.readouterr().out.decode("utf-8").splitlines()

    pack = load_policy()
    analyzer = Analyzer(pack)
    policy = {"name": pack.name, "version": pack.version, "packs": [p.label for p in pack.packs]}
    expected, must_fix = [], False
    for number, post in enumerate(posts, 1):
        report = analyzer.analyze(post)
        must_fix = must_fix or bool(report.must_fix)
        data = {"source": str(path), "line": number, **report.to_dict(), "policy": policy}
        expected.append(json.dumps(data, ensure_ascii=False))
    assert len(written) == len(posts) > 800
    for line, (got, want) in enumerate(zip(written, expected, strict=True), 1):
        assert got == want, f"line {line}: {posts[line - 1]!r}"
    assert code == (1 if must_fix else 0) == 1


def test_a_batch_gives_the_garbage_collector_back_what_it_hid_from_it(tmp_path, capsys):
    """check hides the pack from the collector while posts are checked (cli.common.long_lived);
    a caller in the same process must find its own objects collectable again afterwards."""
    import gc

    path = tmp_path / "posts.txt"
    path.write_text("Thanks to everyone who came.\nWe will leverage our partners.\n", encoding="utf-8")
    frozen_before = gc.get_freeze_count()

    assert main(["check", "--lines", str(path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert gc.get_freeze_count() == frozen_before == 0


def _analyses_after_expect_many(monkeypatch) -> list[str]:
    """What the analyzer was asked, in order: "many" for expect_many, "post" per analysis."""
    calls: list[str] = []
    expect_many, analyze = Analyzer.expect_many, Analyzer.analyze

    def noting_many(self):
        calls.append("many")
        expect_many(self)

    def noting_post(self, *args, **kwargs):
        calls.append("post")
        return analyze(self, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "expect_many", noting_many)
    monkeypatch.setattr(Analyzer, "analyze", noting_post)
    return calls


def test_a_file_of_several_posts_builds_the_prefilter_before_the_first(tmp_path, capsys, monkeypatch):
    calls = _analyses_after_expect_many(monkeypatch)
    path = tmp_path / "posts.txt"
    path.write_text("Thanks to everyone who came.\n\nWe will leverage our partners.\n", encoding="utf-8")

    assert main(["check", "--lines", str(path)]) == 0
    assert calls == ["many", "post", "post"]


def test_a_lone_post_or_standard_input_is_checked_without_building_it(tmp_path, capsys, monkeypatch):
    """A one-off check (a git hook) runs every rule on its one post: building the prefilter
    would cost more than it saves. Standard input is never read ahead to find out."""
    calls = _analyses_after_expect_many(monkeypatch)
    path = tmp_path / "one.txt"
    path.write_text("Thanks to everyone who came.\n", encoding="utf-8")
    assert main(["check", "--lines", str(path)]) == 0
    assert main(["check", str(path)]) == 0
    assert calls == ["post", "post"]

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"One post.\nAnother post.\n")))
    assert main(["check", "--lines", "-"]) == 0
    assert calls == ["post"] * 4

    assert main(["check", str(path), str(path)]) == 0  # two whole inputs: known at once
    assert calls == ["post"] * 4 + ["many", "post", "post"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_only_regular_files_are_sized(tmp_path):
    """A pipe's size says nothing of what will come through it: no guess is made."""
    from desktop_app.cli.check import _bytes_in

    posts = tmp_path / "posts.txt"
    posts.write_bytes(b"One.\nTwo.\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert _bytes_in([str(posts), str(posts)]) == 20
    assert _bytes_in([str(posts), str(fifo)]) == 0
    assert _bytes_in([str(posts), "-"]) == 0
    assert _bytes_in([str(tmp_path / "missing.txt")]) == 0
