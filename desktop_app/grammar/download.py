"""Download LanguageTool, only when the user asks (Preferences), with progress.

Goes where language_tool_python looks (LTP_PATH or its download folder), from the
address and with the SHA-256 language_tool_python ships for that version, so a later
start finds it like any earlier download. Offline it fails at once with a message that
says what to do instead. Nothing here ever runs on its own.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

from desktop_app.grammar import source
from desktop_app.grammar.client import is_loopback

CHUNK = 256 * 1024
OFFLINE_ADVICE = (
    "Check the internet connection, or ask your organisation for the address of its shared "
    "LanguageTool server and enter it above. Spelling is still checked without LanguageTool."
)


JAVA_NEEDED = 17  # LanguageTool 6.6 and later


def java_problem() -> str:
    """Why a downloaded LanguageTool could not run here ("" if Java is fine). Blocking (runs java)."""
    java = shutil.which("java")
    advice = "Ask your IT team to install it, or use your organisation's shared LanguageTool server."
    if not java:
        missing = "and Java is not installed on this computer"
        return f"LanguageTool needs Java {JAVA_NEEDED} or later, {missing}. {advice}"
    try:
        from language_tool_python.download_lt import parse_java_version

        output = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=False
        ).stderr
        major, minor = parse_java_version(output)
    except (OSError, subprocess.SubprocessError, SystemExit):  # it exits on text it cannot read
        return ""  # cannot tell: let LanguageTool itself say at start
    version = minor if major == 1 else major  # "1.8" is Java 8
    if version < JAVA_NEEDED:
        return f"LanguageTool needs Java {JAVA_NEEDED} or later; this computer has Java {version}. {advice}"
    return ""


class DownloadFailed(Exception):
    """A message for the user: what went wrong and what to do."""


@dataclass(frozen=True)
class DownloadPlan:
    version: str
    url: str
    sha256: str | None  # None: not verified (only for a test or a user-given URL)
    folder: Path


def default_plan(version: str | None = None) -> DownloadPlan:
    from language_tool_python import download_lt  # the version, address and checksum it trusts

    version = version or download_lt.LTP_DOWNLOAD_VERSION
    release = download_lt.ReleaseLocalLanguageTool(version)
    return DownloadPlan(
        version,
        release.download_url,
        download_lt.EXPECTED_DOWNLOAD_SHA256.get(version),
        source.download_folder(),
    )


def download_languagetool(
    plan: DownloadPlan,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Path:
    """Downloads and unpacks LanguageTool; returns its server jar. Raises DownloadFailed."""
    host = urlsplit(plan.url).hostname or plan.url
    try:
        plan.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadFailed(f"Cannot create {plan.folder}: {exc.strerror}.") from exc
    with tempfile.TemporaryDirectory(dir=plan.folder, prefix=".download-") as work:
        archive = Path(work) / "LanguageTool.zip"
        _fetch(plan, archive, host, progress, cancelled)
        try:
            from language_tool_python.safe_zip import SafeZipExtractor  # refuses ../ and links

            with zipfile.ZipFile(archive) as zip_file:
                SafeZipExtractor().extractall(zip_file, plan.folder, work_dir=Path(work))
        except Exception as exc:  # a bad zip, an unsafe path, a full disk: all the same to the user
            raise DownloadFailed(f"The LanguageTool download could not be unpacked ({exc}).") from exc
    jar = source.find_local_jar({**os.environ, "LTP_PATH": str(plan.folder), "LTP_JAR_DIR_PATH": ""})
    if jar is None:
        raise DownloadFailed("The download did not contain a LanguageTool server.")
    return jar


def _fetch(plan, archive: Path, host: str, progress, cancelled) -> None:
    digest = hashlib.sha256()
    session = requests.Session()
    session.trust_env = not is_loopback(plan.url)  # a proxy must not sit in front of this computer
    try:
        with session.get(plan.url, stream=True, timeout=(10, 60)) as response:
            if response.status_code != 200:
                raise DownloadFailed(
                    f"Could not download LanguageTool {plan.version}: {host} answered {response.status_code}."
                )
            total = int(response.headers.get("Content-Length") or 0) or None
            done = 0
            progress(0, total)
            with open(archive, "wb") as out:
                for chunk in response.iter_content(CHUNK):
                    if cancelled():
                        raise DownloadFailed("Download cancelled.")
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    progress(done, total)
    except requests.Timeout as exc:
        raise DownloadFailed(
            f"Could not download LanguageTool: {host} stopped answering. {OFFLINE_ADVICE}"
        ) from exc
    except requests.ConnectionError as exc:
        raise DownloadFailed(
            f"Could not download LanguageTool: no connection to {host}. {OFFLINE_ADVICE}"
        ) from exc
    except requests.RequestException as exc:
        raise DownloadFailed(f"Could not download LanguageTool from {host} ({exc}).") from exc
    except OSError as exc:
        raise DownloadFailed(f"Could not save the download: {exc.strerror or exc}.") from exc
    finally:
        session.close()
    if plan.sha256 and digest.hexdigest() != plan.sha256.lower():
        raise DownloadFailed("The download was damaged (its checksum does not match). Please try again.")
