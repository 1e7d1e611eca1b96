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
