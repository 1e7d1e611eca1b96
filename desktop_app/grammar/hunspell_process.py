"""Hunspell in a child process, for the GUI.

chunspell holds the GIL while it works, and a suggestion for a new misspelling takes
0.1-0.2 s, so in the app's own process every new typo would freeze the window for that
long. A child process answers over a pipe instead: waiting on the pipe releases the GIL,
so the GUI thread carries on. The command line has no window and uses Hunspell directly.
"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

START_TIMEOUT_S = 20.0  # spawning a fresh interpreter and loading the dictionary
ANSWER_TIMEOUT_S = 10.0


def _serve(conn, dictionary: str, data_dir: str) -> None:
    """The child: load the dictionary once, then answer until the app goes away."""
    try:
        import hunspell

        speller = hunspell.Hunspell(dictionary, hunspell_data_dir=data_dir)
    except Exception as exc:  # reported to the parent, which falls back or says why
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            op, word = conn.recv()
        except (EOFError, OSError):
            return  # the app closed the pipe or died: nothing left to serve
        if op == "spell":
            conn.send(bool(speller.spell(word)))
        elif op == "suggest":
            conn.send(tuple(speller.suggest(word)))
        elif op == "add":
            speller.add(word)
            conn.send(True)
        else:
            return


class HunspellProcess:
    """spell() and suggest() as hunspell.Hunspell has them, answered by a child process.

    Raises OSError when the child cannot start or stops answering.
    """

    def __init__(self, dictionary: str, data_dir: Path):
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        self._conn, child_end = ctx.Pipe()
        self._process = ctx.Process(
            target=_serve, args=(child_end, dictionary, str(data_dir)), name="hunspell", daemon=True
        )
        self._process.start()
        child_end.close()
        self._lock = threading.Lock()
        if not self._conn.poll(START_TIMEOUT_S):
            self.close()
            raise OSError("the spelling process did not start in time")
        try:
            status, detail = self._conn.recv()
        except (EOFError, OSError):
            # the child died while starting (e.g. the app is quitting and ended it)
            status, detail = "error", "the spelling process stopped while starting"
        if status != "ready":
            self.close()
            raise OSError(detail or "the spelling process could not load its dictionary")

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def _ask(self, op: str, word: str):
        with self._lock:
            try:
                self._conn.send((op, word))
                if not self._conn.poll(ANSWER_TIMEOUT_S):
                    raise OSError("the spelling process stopped answering")
                return self._conn.recv()
            except (EOFError, BrokenPipeError) as exc:
                raise OSError("the spelling process has stopped") from exc

    def spell(self, word: str) -> bool:
        return self._ask("spell", word)

    def suggest(self, word: str) -> tuple[str, ...]:
        return self._ask("suggest", word)

    def add(self, word: str) -> None:
        self._ask("add", word)

    def close(self) -> None:
        self._conn.close()  # the child sees end-of-file and exits
        self._process.join(timeout=2)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=2)
