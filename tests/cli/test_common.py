"""What every command shares (desktop_app/cli/common.py): bounded input, quiet output, exit codes."""

from __future__ import annotations

import codecs
import io
import sys

import pytest

from desktop_app.cli import common
from desktop_app.cli.common import (
    BLOCK_BYTES,
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    Output,
    UsageError,
    read_lines,
    read_text,
    run_command,
)


class EndlessInput(io.RawIOBase):
    """Standard input that never ends (a pasted book, /dev/zero, `yes`): counts what is read
    and refuses a read that asks for everything."""

    def __init__(self, pattern: bytes):
        self.pattern = pattern
        self.given = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = len(buffer)
        data = (self.pattern * (n // len(self.pattern) + 1))[:n]
        buffer[:n] = data
        self.given += n
        return n

    def readall(self):
        raise AssertionError("read an endless stream to its end")


def stdin_of(monkeypatch, raw) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8"))


def _file(tmp_path, data: bytes) -> str:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    return str(path)


# --- read_text ---------------------------------------------------------------------------------


def test_read_text_up_to_the_limit_and_no_further(tmp_path):
    assert read_text(_file(tmp_path, b"a" * 50), limit=50, chunk_size=16) == "a" * 50
    with pytest.raises(UsageError, match="more than 50 characters"):
        read_text(_file(tmp_path, b"a" * 51), limit=50, chunk_size=16)


def test_the_limit_counts_characters_not_bytes(tmp_path):
    text = "é" * 50  # 100 bytes
    assert read_text(_file(tmp_path, text.encode()), limit=50, chunk_size=7) == text


def test_an_endless_stream_is_refused_after_the_limit_and_one_chunk(monkeypatch):
    endless = EndlessInput(b"We fixed the roof. ")
    stdin_of(monkeypatch, endless)
    with pytest.raises(UsageError, match="standard input: more than 1,000 characters"):
        read_text("-", limit=1000, chunk_size=256)
    # BufferedReader reads ahead at most its own buffer (8 KiB) past what was asked for
    assert endless.given <= 1000 + 256 + io.DEFAULT_BUFFER_SIZE


def test_utf16_with_a_mark_is_read_as_file_open_reads_it(tmp_path):
    data = codecs.BOM_UTF16_LE + "Thanks to everyone — £5 raised 🎉".encode("utf-16-le")
    assert read_text(_file(tmp_path, data), chunk_size=5) == "Thanks to everyone — £5 raised 🎉"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a binary file"),
        (b"caf\xe9 au lait", r"not UTF-8 text \(byte 3\)"),
        (b"\x00" * 10_000, "looks like a binary file"),
    ],
)
def test_undecodable_input_is_a_usage_error(tmp_path, data, message):
    with pytest.raises(UsageError, match=message):
        read_text(_file(tmp_path, data), chunk_size=4)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UsageError, match="No such file"):
        read_text(str(tmp_path / "gone.txt"))
    with pytest.raises(UsageError, match="is a folder"):
        read_text(str(tmp_path))


# --- read_lines --------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 5, 64])
def test_read_lines_numbers_lines_as_splitlines_does_whatever_the_chunks(tmp_path, chunk_size):
    text = "one\r\ntwo\rthree\n\nfour\u2028five\x85six\r\n\r\nseven"
    got = list(read_lines(_file(tmp_path, text.encode()), chunk_size=chunk_size))
    assert got == list(enumerate(text.splitlines(), 1))


def test_a_line_over_the_limit_names_its_number_after_the_lines_before_it(tmp_path):
    path = _file(tmp_path, b"short\n" + b"x" * 30 + b"\nnever read\n")
    lines = read_lines(path, limit=20, chunk_size=8)
    assert next(lines) == (1, "short")
    with pytest.raises(UsageError, match=r"input.txt:2: a line of more than 20 characters"):
        next(lines)


def test_an_endless_line_is_refused_without_reading_on(monkeypatch):
    endless = EndlessInput(b"x")
    stdin_of(monkeypatch, endless)
    with pytest.raises(UsageError, match="standard input:1: a line of more than 100 characters"):
        list(read_lines("-", limit=100, chunk_size=32))
    assert endless.given <= 100 + 32 + io.DEFAULT_BUFFER_SIZE


# --- Output ------------------------------------------------------------------------------------


class ClosedPipe(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        raise BrokenPipeError(32, "Broken pipe")


def test_output_stops_quietly_when_the_reader_has_gone():
    stream = io.TextIOWrapper(io.BufferedWriter(ClosedPipe(), buffer_size=4), encoding="utf-8")
    out = Output(utf8=True, stream=stream)
    assert out.write("{}\n" * 10) is False
    assert out.gone and out.write("more\n") is False and out.flush() is False


class RecordingPipe(io.RawIOBase):
    """A pipe's writing end that keeps each write it is given."""

    def __init__(self):
        self.writes: list[bytes] = []

    def writable(self):
        return True

    def write(self, data):
        self.writes.append(bytes(data))
        return len(data)


def _stream(raw, line_buffering=False, buffered=True):
    binary = io.BufferedWriter(raw) if buffered else raw
    return io.TextIOWrapper(binary, encoding="utf-8", line_buffering=line_buffering)


def test_many_lines_go_to_a_pipe_in_large_blocks_and_all_of_them_in_order():
    raw = RecordingPipe()
    out = Output(utf8=True, stream=_stream(raw), blocks=True)
    lines = [f'{{"line": {n}, "text": "{"x" * 3000}"}}\n' for n in range(300)]  # ~900 KB
    assert all(out.write(line) for line in lines)
    assert out.flush()
    assert b"".join(raw.writes).decode("utf-8") == "".join(lines)
    assert len(raw.writes) <= 5 and all(len(w) >= BLOCK_BYTES for w in raw.writes[:-1])


@pytest.mark.parametrize(
    "kind", [{"line_buffering": True}, {"buffered": False}], ids=["terminal", "unbuffered"]
)
def test_a_terminal_or_an_unbuffered_stream_still_gets_each_line_at_once(kind):
    raw = RecordingPipe()
    out = Output(utf8=True, stream=_stream(raw, **kind), blocks=True)
    out.write("{}\n")
    assert b"".join(raw.writes) == b"{}\n"


def test_output_as_a_context_writes_what_is_pending_even_after_a_failure():
    raw = RecordingPipe()
    with pytest.raises(ValueError), Output(utf8=True, stream=_stream(raw), blocks=True) as out:
        out.write("checked\n")
        raise ValueError("a later line failed")
    assert b"".join(raw.writes) == b"checked\n"


def test_a_block_to_a_reader_that_has_gone_stops_quietly():
    stream = io.TextIOWrapper(io.BufferedWriter(ClosedPipe(), buffer_size=4), encoding="utf-8")
    out = Output(utf8=True, stream=stream, blocks=True)
    assert out.write("{}\n") is True  # still pending
    assert out.write("x" * BLOCK_BYTES + "\n") is False
    assert out.gone and out.flush() is False


def test_text_output_replaces_what_the_console_cannot_show():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    out = Output(utf8=False, stream=stream)
    assert out.write("It’s done… · 🎉\n")
    out.flush()
    assert raw.getvalue() == b"It?s done? ? ?\n"


def test_json_output_is_utf8_whatever_the_console():
    raw = io.BytesIO()
    out = Output(utf8=True, stream=io.TextIOWrapper(raw, encoding="ascii"))
    out.write('{"text": "It’s done… 🎉", "source": "caf\udce9.txt"}\n')
    out.flush()
    assert raw.getvalue().decode("utf-8") == '{"text": "It’s done… 🎉", "source": "caf\\udce9.txt"}\n'


# --- run_command: every failure is one line and an exit code the README names ------------------


def test_usage_error_is_one_line_and_exit_2(capsys):
    def body():
        raise UsageError("post.txt: not UTF-8\ntext")

    assert run_command("prog", body) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "prog: post.txt: not UTF-8 text\n"


def test_a_bug_is_one_line_and_exit_3_not_1_which_means_must_fix(capsys):
    def body():
        raise KeyError("principles")

    assert run_command("prog", body) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith("prog: internal error") and "KeyError" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_ctrl_c_is_one_line(capsys):
    def body():
        raise KeyboardInterrupt

    assert run_command("prog", body) == common.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "prog: interrupted\n"
