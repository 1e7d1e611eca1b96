"""Where grammar checks go, in order: a server URL (Settings `languagetool_url`, then the
DRAFTING_ASSISTANT_LT_URL environment variable: an organisation's shared server); a
LanguageTool on this computer found the way language_tool_python finds it (LTP_JAR_DIR_PATH,
or LTP_PATH / its download folder); otherwise none ("not installed").
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop_app.grammar.client import normalise_url

ENV_URL = "DRAFTING_ASSISTANT_LT_URL"
JAR_NAMES = ("languagetool-server.jar", "languagetool.jar", "LanguageTool.jar")


@dataclass(frozen=True)
class Source:
    kind: str  # "server" | "local" | "none"
    url: str = ""  # for "server"
    origin: str = ""  # "settings" | "environment" | "local install"
    jar: Path | None = None  # for "local"
    java: str = ""  # for "local"
    problem: str = ""  # for "none": "not installed" | "no Java"


def download_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """language_tool_python's download folder (LTP_PATH or ~/.cache/language_tool_python)."""
    return Path(environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def _jar_in(folder: Path) -> Path | None:
    for name in JAR_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def find_local_jar(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The newest installed LanguageTool's server jar, or None.

    Looks where language_tool_python does, without its side effect of creating the
    download folder (a missing folder simply means "not installed").
    """
    jar_dir = environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        return _jar_in(Path(jar_dir))
    folder = download_folder(environ)
    if not folder.is_dir():
        return None
    installs = [p for p in folder.glob("LanguageTool*") if p.is_dir() and _jar_in(p)]
    if not installs:
        return None

    def version_key(path: Path):
        from packaging.version import InvalidVersion, Version  # a language_tool_python dependency

        name = path.name.removeprefix("LanguageTool-").lower().removesuffix("-snapshot")
        try:
            return (1, Version(name), "")
        except InvalidVersion:
            return (0, Version("0"), name)

    return _jar_in(max(installs, key=version_key))


def resolve_source(settings_url: str = "", environ: Mapping[str, str] = os.environ) -> Source:
    if settings_url and settings_url.strip():
        return Source("server", url=normalise_url(settings_url), origin="settings")
    env_url = environ.get(ENV_URL, "").strip()
    if env_url:
        return Source("server", url=normalise_url(env_url), origin="environment")
    jar = find_local_jar(environ)
    if jar is None:
        return Source("none", problem="not installed")
    java = shutil.which("java", path=environ.get("PATH"))
    if not java:
        return Source("none", jar=jar, problem="no Java")
    return Source("local", origin="local install", jar=jar, java=java)


def server_command(source: Source, port: int) -> list[str]:
    """The command language_tool_python uses to run LanguageTool's HTTP server."""
    return [source.java, "-cp", str(source.jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
