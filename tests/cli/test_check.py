"""`drafting-assistant check`: the command-line contract (DESIGN.md)."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.__main__ import main
from desktop_app.core.findings import Finding, Severity
from desktop_app.core.limits import MAX_CHECKED

FIXTURES = str(Path(__file__).resolve().parents[1] / "checks" / "fixtures")
CLEAN = "We fixed the roof of the school.\n"
MUST_FIX = "Councillor Hart is a clown.\n"
PROG = "drafting-assistant check"
ADVICE = "Going forward, we will leverage our network.\n"


def run(argv, stdin: str | bytes = "", monkeypatch=None, capsys=None):
    data = stdin.encode() if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = main(["check", *argv])
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
    assert "Try: Councillor Hart's decision to [what they did] is wrong because [why it matters]" in out
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

    def fake(text, words=None):
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


# --- input the app opens, and input no check should swallow (issue 17, items 8 and 12) ----------

REPO = Path(__file__).resolve().parents[2]


def test_utf16_with_a_byte_order_mark_is_checked_as_file_open_reads_it(check, tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + MUST_FIX.encode("utf-16-le"))
    code, out, err = check(["--format", "json", str(path)])
    assert code == 1, err
    data = json.loads(out)
    assert all(MUST_FIX[f["start"] : f["end"]] == f["text"] for f in data["findings"])
    assert data["principles"]["conduct"]["state"] == "must-fix"


def test_a_post_of_the_limit_is_checked_and_one_character_more_is_refused(check, tmp_path):
    sentence = "We fixed the roof of the school. "
    text = (sentence * (MAX_CHECKED // len(sentence) + 1))[:MAX_CHECKED]
    code, out, err = check(["--format", "json", _write(tmp_path, "limit.txt", text)])
    assert code == 0 and json.loads(out)["readability"]["words"] > 10_000, err
    code, out, err = check([_write(tmp_path, "over.txt", text + "x")])
    assert code == 2 and out == ""
    assert f"over.txt: more than {MAX_CHECKED:,} characters" in err and len(err.strip().splitlines()) == 1


class EndlessInput(io.RawIOBase):
    """An endless standard input (a pasted book, `yes`): counts what is read."""

    def __init__(self, pattern: bytes):
        self.pattern, self.given = pattern, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = len(buffer)
        buffer[:n] = (self.pattern * (n // len(self.pattern) + 1))[:n]
        self.given += n
        return n

    def readall(self):
        raise AssertionError("read an endless stream to its end")


@pytest.mark.parametrize("lines", [False, True])
def test_endless_standard_input_is_refused_after_reading_little_more_than_the_limit(
    monkeypatch, capsys, lines
):
    endless = EndlessInput(b"We fixed the roof. " if not lines else b"x")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless), encoding="utf-8"))
    code = main(["check", "--policy", FIXTURES, *(["--lines"] if lines else []), "-"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"more than {MAX_CHECKED:,} characters" in err and len(err.strip().splitlines()) == 1
    assert endless.given < MAX_CHECKED + 256 * 1024


def test_with_lines_a_line_over_the_limit_is_bad_input_after_the_lines_before_it(check, tmp_path):
    path = _write(tmp_path, "batch.txt", CLEAN + "x" * (MAX_CHECKED + 1) + "\n" + MUST_FIX)
    code, out, err = check(["--lines", path])
    assert code == 2
    assert [json.loads(row)["line"] for row in out.splitlines()] == [1]
    assert f"batch.txt:2: a line of more than {MAX_CHECKED:,} characters" in err
    assert len(err.strip().splitlines()) == 1


def _run_check(*args, timeout=60, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "check", "--policy", FIXTURES, *args],
        cwd=REPO,
        capture_output=True,
        timeout=timeout,
        **kwargs,
    )


def test_through_a_pipe_the_lines_before_a_bad_line_are_written_and_in_full(tmp_path):
    """To a pipe the reports go in large blocks; a failure part way must not lose the ones
    already checked, nor may a block cut a report."""
    many = (CLEAN + MUST_FIX) * 150  # some 300 reports: more than one block
    path = _write(tmp_path, "batch.txt", many + "x" * (MAX_CHECKED + 1) + "\n" + CLEAN)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # Python's own blocks
    result = _run_check("--lines", path, env=env)
    assert result.returncode == 2
    rows = [json.loads(row) for row in result.stdout.decode("utf-8").splitlines()]
    assert [row["line"] for row in rows] == list(range(1, 301))
    assert [bool(row["findings"]) for row in rows[:2]] == [False, True]
    assert f"batch.txt:301: a line of more than {MAX_CHECKED:,} characters" in result.stderr.decode()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_at_once_without_filling_memory():
    def at_most_2_gb():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = _run_check("/dev/zero", preexec_fn=at_most_2_gb)
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode() == f"{PROG}: /dev/zero: looks like a binary file, not text\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_nobody_writes_to_is_refused_instead_of_waiting_for_ever(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = _run_check(str(fifo))
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith("fifo: a pipe with nothing writing to it")


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd here")
def test_a_pipe_with_a_writer_is_read_like_a_file():  # as `check <(git show HEAD:post.txt)` gives it
    read_end, write_end = os.pipe()
    os.write(write_end, MUST_FIX.encode())
    os.close(write_end)
    try:
        result = _run_check("--format", "json", f"/dev/fd/{read_end}", pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["principles"]["conduct"]["state"] == "must-fix"


# --- output: a reader that goes away, a console that is not UTF-8, exit codes that never lie -----


def _batch(tmp_path, last: str) -> str:
    posts = [f"We fixed the roof of school {n}. Thanks to everyone in Ward {n}!" for n in range(400)]
    return _write(tmp_path, "batch.txt", "\n".join([*posts, last]) + "\n")


@pytest.mark.parametrize(("last", "expected"), [(CLEAN, 0), (MUST_FIX, 1)])
def test_output_piped_into_head_stops_quietly_and_the_exit_code_still_tells_the_truth(
    tmp_path, last, expected
):
    batch = _batch(tmp_path, last.strip())
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "check", "--policy", FIXTURES, "--lines", batch],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stdout.readline()  # what `head -1` does, then it goes away
    process.stdout.close()
    err = process.stderr.read().decode()
    code = process.wait(timeout=120)
    assert json.loads(first)["line"] == 1
    assert err == "" and code == expected


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_is_not_utf8_gets_text_it_can_show(tmp_path, encoding):
    post = _write(tmp_path, "post.txt", "We’ve fixed the roof… of the school. " + MUST_FIX)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    result = _run_check(post, env=env)
    assert result.returncode == 1 and result.stderr == b""
    out = result.stdout.decode(encoding)
    assert "[[Councillor Hart is a clown]]." in out and "Principles:" in out


def test_json_is_utf8_whatever_the_console(tmp_path):
    text = "Going forward we’ll fix the roof… of the school 🎉\n"
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    path = _write(tmp_path, "café’s post.txt", text)
    result = _run_check("--format", "json", path, env=env)
    assert result.returncode == 0 and result.stderr == b""
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["source"] == path and data["findings"]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in data["findings"])


def test_a_fault_in_the_check_is_one_line_and_exit_3_never_1(check, monkeypatch):
    def broken(self, text, revision=0):
        raise RuntimeError("a rule fell over")

    monkeypatch.setattr("desktop_app.engine.Analyzer.analyze", broken)
    code, out, err = check(["-"], CLEAN)
    assert code == 3 and out == ""
    assert err == f"{PROG}: internal error, please report it: RuntimeError: a rule fell over\n"


# --- text output stays linear in the size of the text --------------------------------------------


def test_text_output_splits_the_text_into_sentences_once_however_many_findings(check, monkeypatch):
    import desktop_app.core.text as core_text

    calls = []
    real = core_text.sentences

    def counted(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(core_text, "sentences", counted)
    text = " ".join(f"Going forward, we will leverage the plan for Ward {n}." for n in range(60))
    _, out, _ = check(["--format", "json", "-"], text)
    assert len(json.loads(out)["findings"]) >= 60
    as_json = calls.count(len(text))
    calls.clear()
    check(["-"], text)
    assert calls.count(len(text)) <= as_json + 1


def test_a_finding_in_an_endless_sentence_shows_a_short_excerpt(check):
    text = "and then " * 3000 + "going forward " + "and then " * 3000 + "."
    _, out, _ = check(["-"], text)
    excerpts = [line.strip() for line in out.splitlines() if "[[" in line]
    assert excerpts and all(len(excerpt) <= 242 for excerpt in excerpts)
    jargon = next(excerpt for excerpt in excerpts if "[[going forward]]" in excerpt.lower())
    assert jargon.startswith("… then and then") and jargon.endswith("and then …")


@given(
    text=st.text(st.sampled_from("ab .!?\n"), max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5)), max_size=8),
)
def test_each_finding_gets_the_first_sentence_that_holds_it(text, spans):
    from desktop_app.cli.check import _Sentences
    from desktop_app.core.text import sentences

    every = list(sentences(text))
    for start, length in spans:
        start = min(start, len(text))
        f = Finding(start, min(start + length, len(text)), "", "r", "jargon", Severity.ADVICE, "")
        expected = next(
            (
                (min(s.start, f.start), max(s.end, f.end))
                for s in every
                if s.start <= f.start < s.end or (f.start == f.end and s.start <= f.start <= s.end)
            ),
            (f.start, f.end),
        )
        assert _Sentences(text).around(f) == expected


def test_a_post_past_only_the_byte_cap_says_how_many_bytes_over(monkeypatch, capsys):
    family = "👨\u200d👩\u200d👧\u200d👦"  # one emoji of 25 UTF-8 bytes
    code, out, _err = run(["--platform", "Bluesky", "-"], family * 130, monkeypatch, capsys)
    assert code == 0  # over a length is advice, not must-fix
    assert "Bluesky 130/300 OVER by 250 bytes" in out
