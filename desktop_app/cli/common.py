"""What every command shares: reading input, writing output, exit codes, the one-line error.

    EXIT_CLEAN, EXIT_MUST_FIX, EXIT_BAD_INPUT, EXIT_FAILED   exit codes, as the README says
    UsageError(message)        bad usage or unreadable input: one line on stderr, exit 2
    ArgumentParser(prog=...)   argparse whose errors raise UsageError instead of exiting
    read_text(name)            all of a file ("-": standard input), decoded as File > Open does;
                               more than MAX_CHECKED characters is a UsageError
    read_lines(name)           (line number, line) for every line, streamed, each line bounded
    Output(utf8=..., blocks=)  standard output: write(text) is False once the reader has gone;
                               blocks: many lines, written a large block at a time
    warn(prog, message)        a one-line warning on stderr
    run_command(prog, body)    runs body() -> exit code; every failure becomes one line
    long_lived()               while a batch runs, what was made before it is left out of
                               the garbage collector's passes

Input is read in chunks and never more than the limit plus one chunk, so /dev/zero, a
pasted book or an endless pipe costs no more than a long post. A named pipe (FIFO) that
nothing writes to is refused at once instead of waiting for ever.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator

from desktop_app.core.limits import MAX_CHECKED
from desktop_app.storage.atomic import reason
from desktop_app.storage.files import NotText, TextDecoder

EXIT_CLEAN = 0  # nothing must be fixed
EXIT_MUST_FIX = 1  # something must be fixed (a conduct-policy finding)
EXIT_BAD_INPUT = 2  # bad usage, or input that cannot be read
EXIT_FAILED = 3  # the command itself failed (a bug): the one line says what to report
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report it

CHUNK_BYTES = 64 * 1024
BLOCK_BYTES = 256 * 1024  # Output(blocks=True) writes this much at a time
# Everything Python's str.splitlines() splits on, so --lines numbers lines as it always has.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


class UsageError(Exception):
    """Bad usage or unreadable input; `str(exc)` is the one line printed."""


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # one line on stderr and exit 2 (argparse's own code)
        raise UsageError(message)


# --- input -------------------------------------------------------------------------------------


def read_text(name: str, *, limit: int = MAX_CHECKED, chunk_size: int = CHUNK_BYTES) -> str:
    """The whole text of file `name` ("-" for standard input). Over `limit` characters is a
    UsageError, found after reading at most `limit` characters and one chunk more."""
    decoder, parts, count = TextDecoder(), [], 0
    chunks = _chunks(name, chunk_size)
    try:
        for data in chunks:
            text = _decode(decoder, data, name)
            count += len(text)
            if count > limit:
                raise UsageError(
                    f"{_shown(name)}: more than {limit:,} characters, the most one check reads; "
                    "a post is far shorter, so check it in parts"
                )
            parts.append(text)
    finally:
        chunks.close()
    parts.append(_decode(decoder, b"", name, final=True))
    return "".join(parts)


def read_lines(
    name: str, *, limit: int = MAX_CHECKED, chunk_size: int = CHUNK_BYTES
) -> Iterator[tuple[int, str]]:
    """(line number, line without its ending) for every line of `name`, as str.splitlines()
    splits them, read a chunk at a time. A line over `limit` characters is a UsageError."""
    decoder, pending, number = TextDecoder(), "", 0
    chunks = _chunks(name, chunk_size)
    try:
        final = False
        while not final:
            data = next(chunks, b"")
            final = not data
            pending += _decode(decoder, data, name, final=final)
            pieces = pending.splitlines(keepends=True)
            pending = ""
            # The last piece may go on in the next chunk (and "\r" may be half of "\r\n").
            if not final and pieces and (pieces[-1][-1] not in LINE_BREAKS or pieces[-1][-1] == "\r"):
                pending = pieces.pop()
            for piece in pieces:
                number += 1
                line = piece.rstrip(LINE_BREAKS)
                if len(line) > limit:
                    raise _long_line(name, number, limit)
                yield number, line
            if len(pending) > limit + 1:  # + 1: a held "\r"
                raise _long_line(name, number + 1, limit)
    finally:
        chunks.close()


def _long_line(name: str, number: int, limit: int) -> UsageError:
    return UsageError(
        f"{_shown(name)}:{number}: a line of more than {limit:,} characters, the most one check "
        "reads; a post is far shorter"
    )


def _decode(decoder: TextDecoder, data: bytes, name: str, final: bool = False) -> str:
    try:
        return decoder.decode(data, final)
    except NotText as exc:
        if exc.binary:
            raise UsageError(f"{_shown(name)}: looks like a binary file, not text") from None
        raise UsageError(
            f"{_shown(name)}: not UTF-8 text (byte {exc.position}); save it as UTF-8 and try again"
        ) from None


def _shown(name: str) -> str:
    return "standard input" if name == "-" else name


def _chunks(name: str, size: int) -> Iterator[bytes]:
    """The bytes of `name` a chunk at a time; OSError becomes a UsageError with the reason."""
    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise UsageError("there is no standard input to read")
            read = getattr(stream, "read1", stream.read)  # read1: lines as they arrive
            while data := read(size):
                yield data
            return
        fd, first = _open(name, size)
        try:
            if first:
                yield first
            while data := os.read(fd, size):
                yield data
        finally:
            os.close(fd)
    except OSError as exc:
        raise UsageError(f"{_shown(name)}: {exc.strerror or reason(exc)}") from None


def _open(name: str, size: int) -> tuple[int, bytes]:
    """An open descriptor for `name` and any bytes already read from it (a pipe's first)."""
    if os.path.isdir(name):
        raise UsageError(f"{name}: is a folder, not a text file")
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    # Non-blocking, so opening a named pipe cannot wait for a writer that never comes.
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblocking)
    try:
        first = b""
        if nonblocking and stat.S_ISFIFO(os.fstat(fd).st_mode):
            try:
                first = os.read(fd, size)
            except BlockingIOError:
                first = None  # a writer is there and has not written yet
            if first == b"":
                raise UsageError(f"{name}: a pipe with nothing writing to it")
        if nonblocking:
            os.set_blocking(fd, True)
        return fd, first or b""
    except BaseException:
        os.close(fd)
        raise


# --- output ------------------------------------------------------------------------------------


class Output:
    """Standard output for a command's results.

    JSON is always UTF-8 (RFC 8259); text goes in the console's own encoding, with what it
    cannot show replaced, never an error. Once the reader has gone (`... | head`), writes
    stop quietly and `gone` is True: the command may stop printing, but works out its exit
    code as if it had printed everything.
    """

    def __init__(self, *, utf8: bool, stream=None, blocks: bool = False):
        self._stream = sys.stdout if stream is None else stream
        if self._stream is None:  # a windowed build started without a console
            self._stream = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        self._binary = getattr(self._stream, "buffer", None)
        self._encoding = "utf-8" if utf8 else (getattr(self._stream, "encoding", None) or "utf-8")
        # A lone surrogate (a file name that is not UTF-8) becomes \udcxx: still valid JSON.
        self._errors = "backslashreplace" if utf8 else "replace"
        self._each_line = bool(getattr(self._stream, "line_buffering", False))  # a terminal
        self._newline = os.linesep if self._binary is not None else "\n"
        # `blocks` (many lines: check --lines): handed over BLOCK_BYTES at a time rather than
        # Python's 8 KB, so a reader at the other end of a pipe is woken far less often. Only
        # where Python writes in blocks anyway: a terminal still gets each line at once, and so
        # does everyone under PYTHONUNBUFFERED.
        blocked = blocks and not self._each_line and isinstance(self._binary, io.BufferedWriter)
        self._pending: bytearray | None = bytearray() if blocked else None
        self.gone = False
        self._call(self._stream.flush)  # whatever was printed before goes first

    def write(self, text: str) -> bool:
        """Write `text`; False once the reader has gone."""
        if self.gone:
            return False
        if self._binary is None:
            return self._call(self._stream.write, text)
        if self._newline != "\n":
            text = text.replace("\n", self._newline)
        data = text.encode(self._encoding, self._errors)
        if self._pending is not None:
            self._pending += data
            return len(self._pending) < BLOCK_BYTES or self._hand_over()
        if not self._call(self._binary.write, data):
            return False
        return not self._each_line or self._call(self._binary.flush)

    def flush(self) -> bool:
        if self.gone or (self._pending and not self._hand_over()):
            return False
        return self._call(self._stream.flush)

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc) -> None:
        self.flush()  # on the way out, after a failure too: what was written is not lost

    def _hand_over(self) -> bool:
        """The pending block to the stream (which writes it through, being larger than its
        own buffer)."""
        written = self._call(self._binary.write, self._pending)
        self._pending.clear()
        return written

    def _call(self, fn, *args) -> bool:
        try:
            fn(*args)
            return True
        except (BrokenPipeError, ConnectionResetError):
            self.gone = True
            _silence_stdout()
            return False


def _silence_stdout() -> None:
    """Point standard output at the null device, so Python's last flush on exit does not
    print a BrokenPipeError after the reader has gone."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (tests capture it)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Everything made so far (the policy pack: some 125,000 objects) hidden from the cyclic
    garbage collector while the body runs. Its full passes walked the pack every few hundred
    posts, a tenth of a batch's time; the pack lives as long as the command anyway. Given
    back afterwards, so a caller in the same process (the tests) collects as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# --- messages and the exit code ----------------------------------------------------------------


def error(prog: str, message: str) -> None:
    _to_stderr(f"{prog}: {message}")


def warn(prog: str, message: str) -> None:
    _to_stderr(f"{prog}: warning: {message}")


def _to_stderr(line: str) -> None:
    if sys.stderr is None:  # a windowed build started without a console: the exit code says it
        return
    with contextlib.suppress(OSError, ValueError):
        print(" ".join(line.split()), file=sys.stderr, flush=True)  # always one line


def run_command(prog: str, body: Callable[[], int]) -> int:
    """Run a command's body and return its exit code: a UsageError is one line and
    EXIT_BAD_INPUT, Ctrl+C is EXIT_INTERRUPTED, any other failure one line and EXIT_FAILED,
    never a traceback (which would also exit 1, "must fix")."""
    try:
        code = body()
    except UsageError as exc:
        error(prog, str(exc))
        code = EXIT_BAD_INPUT
    except SystemExit as exc:  # argparse after --help or --version
        code = exc.code if isinstance(exc.code, int) else EXIT_CLEAN if exc.code is None else EXIT_BAD_INPUT
    except KeyboardInterrupt:
        error(prog, "interrupted")
        code = EXIT_INTERRUPTED
    except (BrokenPipeError, ConnectionResetError):
        _silence_stdout()  # printed by argparse or a command that does not use Output
        code = EXIT_FAILED
    except Exception as exc:  # a bug: say what to report, in one line
        error(prog, f"internal error, please report it: {type(exc).__name__}: {exc}")
        code = EXIT_FAILED
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ConnectionResetError):
        _silence_stdout()
    except (AttributeError, OSError, ValueError):
        pass
    return code
