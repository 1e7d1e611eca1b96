"""`check --lines` writes every post's report exactly as the report's own to_dict() would
be written by json: the batch path's direct encoder and shared work change no byte."""

import json

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
