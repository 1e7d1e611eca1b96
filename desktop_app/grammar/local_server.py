"""A LanguageTool server on this computer: started in the background, always stopped.

The server runs in its own process group (POSIX) / process group with no window
(Windows) so that stopping it also stops anything it started; `stop()` asks politely,
waits, then kills. Every server still running when Python exits is stopped by an atexit
hook, so quitting the app never leaves a Java process behind.

If the app itself is killed (kill -9, a crash, a power cut) nothing can stop the server at
that moment, so it writes a pid file; the next start finds a server left behind by an
earlier run and stops it first (`stop_left_behind`). The pid file records the process's
start time and the check also looks at its command line, so a reused pid is never killed.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from desktop_app.grammar.client import LanguageToolError, ServerTimedOut

_running: weakref.WeakSet[LocalServer] = weakref.WeakSet()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerExited(LanguageToolError):
    reason = "LanguageTool stopped"


class LocalServer:
    def __init__(self, command: list[str], log_path: Path | None = None, pid_file: Path | None = None):
        self.command = command
        self.log_path = log_path
        self.pid_file = pid_file
        self.process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        with self._lock:
            if self.running():
                return
            log = subprocess.DEVNULL
            if self.log_path:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                log = open(self.log_path, "ab")  # noqa: SIM115 (closed once Popen has it)
            kwargs: dict = {}
            if sys.platform == "win32":
                kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
            else:
                kwargs["start_new_session"] = True  # its own process group: stop() kills them all
            try:
                self.process = subprocess.Popen(
                    self.command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, **kwargs
                )
            finally:
                if log is not subprocess.DEVNULL:
                    log.close()
            _running.add(self)
            self._write_pid_file()

    def wait_ready(
        self, probe: Callable[[], object], timeout: float, cancelled: Callable[[], bool] = lambda: False
    ) -> None:
        """Calls `probe` until it succeeds. Raises ServerExited or ServerTimedOut."""
        deadline = time.monotonic() + timeout
        while True:
            if not self.running():
                code = self.process.returncode if self.process else None
                raise ServerExited(f"LanguageTool stopped while starting (exit code {code})")
            if cancelled():
                raise ServerExited("LanguageTool start was cancelled")
            try:
                probe()
                return
            except LanguageToolError:
                pass
            if time.monotonic() > deadline:
                raise ServerTimedOut(f"LanguageTool did not start within {timeout:.0f} seconds")
            time.sleep(0.2)

    def stop(self, grace: float = 3.0) -> None:
        with self._lock:
            process = self.process
            if process is None:
                return
            if process.poll() is None:
                self._signal(process, polite=True)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=grace)
            # Kill whatever is left of the group (the server and anything it started).
            self._signal(process, polite=False)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=grace)
            _running.discard(self)
            if self.pid_file is not None:
                with contextlib.suppress(OSError):
                    self.pid_file.unlink()

    def _write_pid_file(self) -> None:
        if self.pid_file is None or self.process is None:
            return
        try:
            import psutil  # a language_tool_python dependency

            started = psutil.Process(self.process.pid).create_time()
            self.pid_file.parent.mkdir(parents=True, exist_ok=True)
            self.pid_file.write_text(json.dumps({"pid": self.process.pid, "started": started}))
        except Exception:  # only a safety net for crashes: never stop the start for it
            pass

    @staticmethod
    def _signal(process: subprocess.Popen, polite: bool) -> None:
        if sys.platform == "win32":
            _kill_tree_windows(process, polite)
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGTERM if polite else signal.SIGKILL)


def _kill_tree_windows(process: subprocess.Popen, polite: bool) -> None:
    try:
        import psutil  # a language_tool_python dependency

        children = psutil.Process(process.pid).children(recursive=True)
    except Exception:
        children = []
    for child in children:
        with contextlib.suppress(Exception):
            child.terminate() if polite else child.kill()
    with contextlib.suppress(OSError):
        process.terminate() if polite else process.kill()


def stop_left_behind(pid_file: Path, marker: str = "org.languagetool.server.HTTPServer") -> bool:
    """Stops a server an earlier run left behind (it crashed or was killed). True if one was."""
    try:
        import psutil

        recorded = json.loads(pid_file.read_text())
        process = psutil.Process(int(recorded["pid"]))
        if abs(process.create_time() - float(recorded["started"])) > 1 or marker not in process.cmdline():
            return False  # the pid now belongs to something else
        for child in process.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                child.kill()
        process.kill()
        with contextlib.suppress(psutil.Error):
            process.wait(timeout=5)
        return True
    except Exception:  # no file, no such process, not ours: nothing to stop
        return False
    finally:
        with contextlib.suppress(OSError):
            pid_file.unlink()


@atexit.register
def _stop_all() -> None:
    for server in list(_running):
        with contextlib.suppress(Exception):
            server.stop(grace=1.0)
