"""Downloading LanguageTool on request: progress, where it goes, and clear failures offline."""

from __future__ import annotations

import sys

import pytest

from desktop_app.grammar import source
from desktop_app.grammar.download import (
    DownloadFailed,
    DownloadPlan,
    default_plan,
    download_languagetool,
    java_problem,
)
from desktop_app.grammar.local_server import free_port
from tests.grammar.zip_server import serve_zip


@pytest.fixture
def zip_server():
    with serve_zip() as served:
        yield served


def test_download_reports_progress_and_is_found_afterwards(tmp_path, zip_server):
    base, sha = zip_server
    folder = tmp_path / "ltp"
    steps = []
    jar = download_languagetool(
        DownloadPlan("6.4", f"{base}/LanguageTool-6.4.zip", sha, folder), lambda d, t: steps.append((d, t))
    )
    assert jar == folder / "LanguageTool-6.4" / "languagetool-server.jar"
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] > 0
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert source.find_local_jar({"LTP_PATH": str(folder)}) == jar
    assert [p.name for p in folder.iterdir()] == ["LanguageTool-6.4"]  # no temporary files left


def test_offline_fails_with_a_clear_message(tmp_path):
    plan = DownloadPlan("6.4", f"http://127.0.0.1:{free_port()}/LanguageTool-6.4.zip", None, tmp_path / "ltp")
    with pytest.raises(DownloadFailed, match=r"no connection to 127\.0\.0\.1\. Check the internet"):
        download_languagetool(plan)


def test_damaged_download_and_missing_file_are_refused(tmp_path, zip_server):
    base, _ = zip_server
    with pytest.raises(DownloadFailed, match="checksum"):
        download_languagetool(DownloadPlan("6.4", f"{base}/LanguageTool-6.4.zip", "0" * 64, tmp_path / "a"))
    with pytest.raises(DownloadFailed, match="answered 404"):
        download_languagetool(DownloadPlan("6.4", f"{base}/nothing.zip", None, tmp_path / "b"))
    assert source.find_local_jar({"LTP_PATH": str(tmp_path / "a")}) is None


def test_cancel_stops_the_download(tmp_path, zip_server):
    base, sha = zip_server
    plan = DownloadPlan("6.4", f"{base}/LanguageTool-6.4.zip", sha, tmp_path / "ltp")
    with pytest.raises(DownloadFailed, match="cancelled"):
        download_languagetool(plan, cancelled=lambda: True)
    assert source.find_local_jar({"LTP_PATH": str(tmp_path / "ltp")}) is None


def test_default_plan_uses_language_tool_pythons_release_and_checksum(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    plan = default_plan("6.6")
    assert plan.url.endswith("LanguageTool-6.6.zip")
    assert plan.sha256 and len(plan.sha256) == 64
    assert plan.folder == tmp_path / "ltp"
    assert not plan.folder.exists()  # planning downloads nothing and creates nothing


def _java_printing(tmp_path, version_line: str):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    java = bin_dir / "java"
    java.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n")
    java.chmod(0o755)
    return str(bin_dir)


@pytest.mark.skipif(sys.platform == "win32", reason="the pretend java is a shell script")
def test_java_is_checked_before_a_download(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert "Java is not installed on this computer" in java_problem()
    monkeypatch.setenv("PATH", _java_printing(tmp_path, 'openjdk version "11.0.2" 2019-01-15'))
    assert "this computer has Java 11" in java_problem()
    monkeypatch.setenv("PATH", _java_printing(tmp_path, 'openjdk version "17.0.9" 2023-10-17'))
    assert java_problem() == ""


def test_the_default_download_is_a_release_with_a_checksum(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    plan = default_plan()
    assert plan.version.replace(".", "").isdigit()  # a release such as "6.8", not "latest"
    assert plan.sha256 and len(plan.sha256) == 64  # never an unverified download


# language_tool_python 3.3.0 has no safe_zip module and no EXPECTED_DOWNLOAD_SHA256, and its
# LTP_DOWNLOAD_VERSION is "latest" (checked in its wheel from PyPI): 3.4 is the first release
# with everything download.py uses.
DOWNLOAD_NEEDS_LTP = (3, 4)


def test_the_declared_language_tool_python_floor_has_what_the_download_uses():
    import tomllib
    from pathlib import Path

    from packaging.requirements import Requirement

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    (requirement,) = [
        Requirement(d) for d in pyproject["project"]["dependencies"] if d.startswith("language-tool-python")
    ]
    floors = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
    assert floors, "language-tool-python needs a lower bound"
    assert tuple(int(n) for n in floors[0].split(".")[:2]) >= DOWNLOAD_NEEDS_LTP
    from language_tool_python import download_lt, safe_zip

    assert hasattr(safe_zip, "SafeZipExtractor") and download_lt.EXPECTED_DOWNLOAD_SHA256
