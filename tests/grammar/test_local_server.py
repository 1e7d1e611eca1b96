"""A LanguageTool on this computer: found, started in the background, always stopped.

No real LanguageTool can be downloaded here, so a pretend `java` on PATH runs the fake
server (tests/grammar/fake_languagetool.py) with the very command line the app builds.
"""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from desktop_app.grammar import source
from desktop_app.grammar.client import LanguageToolClient, ServerUnreachable
from desktop_app.grammar.local_server import LocalServer, stop_left_behind
from desktop_app.grammar.service import MAX_LOCAL_STARTS, GrammarService

REPO = Path(__file__).resolve().parents[2]


def gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting for init to reap it counts as gone).

    A killed process needs a moment to die, so this waits for it (at most ~10 s)."""
    for _ in range(500):
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def fake_java(tmp_path) -> Path:
    """A `java` that runs the fake LanguageTool on the port given by --port."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(
        textwrap.dedent(
            f"""\
            #!/bin/sh
            # called as: java -cp JAR org.languagetool.server.HTTPServer --port N
            cd "{REPO}"
            exec "{sys.executable}" -m tests.grammar.fake_languagetool --port "$5"
            """
        )
    )
    java.chmod(0o755)
    return bin_dir


@pytest.fixture
def lt_install(tmp_path) -> Path:
    folder = tmp_path / "ltp" / "LanguageTool-6.4"
    folder.mkdir(parents=True)
    (folder / "languagetool-server.jar").write_bytes(b"PK")
    return folder


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the pretend java is a shell script")


def test_not_installed_says_so():
    service = GrammarService(environ={"LTP_PATH": "/nonexistent/ltp"})
    state = service.start()
    assert (state.state, state.detail) == ("unavailable", "LanguageTool not installed; offline spelling only")
    assert not Path("/nonexistent/ltp").exists()  # looking never creates the folder


def test_installed_but_no_java_says_so(tmp_path, lt_install):
    environ = {"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(tmp_path / "empty")}
    assert source.resolve_source("", environ).problem == "no Java"
    state = GrammarService(environ=environ).start()
    assert state.state == "unavailable" and "no Java" in state.detail


def test_newest_install_is_found_where_language_tool_python_looks(tmp_path, lt_install):
    older = tmp_path / "ltp" / "LanguageTool-5.9"
    older.mkdir()
    (older / "languagetool-server.jar").write_bytes(b"PK")
    (tmp_path / "ltp" / "LanguageTool-7.0-broken").mkdir()  # no jar: ignored
    assert (
        source.find_local_jar({"LTP_PATH": str(tmp_path / "ltp")}) == lt_install / "languagetool-server.jar"
    )
    assert source.find_local_jar({"LTP_JAR_DIR_PATH": str(older)}) == older / "languagetool-server.jar"


def test_server_url_comes_before_a_local_install(tmp_path, lt_install, fake_java):
    environ = {
        "LTP_PATH": str(tmp_path / "ltp"),
        "PATH": str(fake_java),
        source.ENV_URL: "lt.example.org:8081",
    }
    assert source.resolve_source("http://127.0.0.1:9/", environ).url == "http://127.0.0.1:9"
    assert source.resolve_source("", environ).origin == "environment"
    del environ[source.ENV_URL]
    local = source.resolve_source("", environ)
    assert local.kind == "local" and local.jar == lt_install / "languagetool-server.jar"
    assert source.server_command(local, 8099)[1:] == [
        "-cp",
        str(local.jar),
        "org.languagetool.server.HTTPServer",
        "--port",
        "8099",
    ]


def test_local_server_starts_checks_and_stops_with_no_process_left(tmp_path, lt_install, fake_java):
    environ = {"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(fake_java)}
    states = []
    service = GrammarService(environ=environ, on_state=states.append)
    state = service.start()
    assert state.state == "ready", state.detail
    assert state.detail == "LanguageTool on this computer: ready"
    assert [s.state for s in states] == ["starting", "ready"]
    assert [f.rule for f in service.check_grammar("We could of won.")] == ["LanguageTool.COULD_OF"]
    pid, url = service._server.pid, service._client.url
    service.stop()
    assert gone(pid)
    with pytest.raises(ServerUnreachable):
        LanguageToolClient(url).languages()


def test_stop_kills_the_whole_process_group_including_children(tmp_path):
    # A server that starts a child of its own and ignores SIGTERM: stop() must still end both.
    script = tmp_path / "stubborn.py"
    script.write_text(
        textwrap.dedent(
            """\
            import signal, subprocess, sys, time
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
            print(child.pid, flush=True)
            time.sleep(600)
            """
        )
    )
    server = LocalServer([sys.executable, str(script)], log_path=tmp_path / "server.log")
    server.start()
    parent = psutil.Process(server.pid)
    for _ in range(500):  # wait (at most ~10 s) for it to start its child
        if parent.children():
            break
        time.sleep(0.02)
    children = [p.pid for p in parent.children(recursive=True)]
    assert children, "the stubborn server never started its child"
    server.stop(grace=0.5)
    assert gone(server.pid)
    for pid in children:
        assert gone(pid)


def test_a_server_that_exits_while_starting_is_reported(tmp_path, lt_install):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text("#!/bin/sh\necho 'Error: could not find or load main class' >&2\nexit 1\n")
    java.chmod(0o755)
    state = GrammarService(environ={"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(bin_dir)}).start()
    assert state.state == "unavailable"
    assert "LanguageTool stopped" in state.detail


def test_a_local_server_that_keeps_failing_is_not_started_again_and_again(tmp_path, lt_install, fast_config):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    runs = tmp_path / "runs.txt"
    java = bin_dir / "java"
    java.write_text(f"#!/bin/sh\necho run >> '{runs}'\nexit 1\n")
    java.chmod(0o755)
    environ = {"LTP_PATH": str(tmp_path / "ltp"), "PATH": str(bin_dir)}
    service = GrammarService(environ=environ, config=fast_config)
    service.start()
    for _ in range(5):
        assert service.check_grammar("text") is None
    assert runs.read_text().count("run") == MAX_LOCAL_STARTS
    assert service.retry_in() is None
    assert "LanguageTool stopped" in service.state.detail


def test_a_server_left_behind_by_a_crashed_run_is_stopped_at_the_next_start(tmp_path):
    pid_file = tmp_path / "languagetool.pid"
    command = [sys.executable, "-c", "import time; time.sleep(600)", "org.languagetool.server.HTTPServer"]
    crashed_run = LocalServer(command, pid_file=pid_file)
    crashed_run.start()  # ... and the app dies without stopping it
    pid = crashed_run.pid
    assert pid_file.is_file()
    assert stop_left_behind(pid_file)
    assert gone(pid)
    assert not pid_file.exists()


def test_a_pid_file_naming_someone_elses_process_kills_nothing(tmp_path):
    pid_file = tmp_path / "languagetool.pid"
    other = LocalServer([sys.executable, "-c", "import time; time.sleep(600)"], pid_file=pid_file)
    other.start()
    try:
        assert not stop_left_behind(pid_file)  # not a LanguageTool command line
        assert other.running()
    finally:
        other.stop(grace=0.5)


def test_stopping_removes_the_pid_file(tmp_path):
    pid_file = tmp_path / "languagetool.pid"
    server = LocalServer([sys.executable, "-c", "import time; time.sleep(600)"], pid_file=pid_file)
    server.start()
    assert pid_file.is_file()
    server.stop(grace=0.5)
    assert not pid_file.exists()
