"""A LanguageTool server's HTTP API (v2), spoken directly with `requests`.

Why not language_tool_python.LanguageTool: its constructor probes the server (or starts
Java) with no timeout of ours, and its errors all look alike. Here every call has a short
connect/read timeout and fails with an error that says why (unreachable, timed out,
server error, not LanguageTool), which the lane turns into the status bar's reason. The
API is the same for LanguageTool 5.x and 6.x (`/v2/languages`, `/v2/check`).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests


class LanguageToolError(Exception):
    """The server could not answer; `reason` is a few words for the status bar."""

    reason = "server error"


class ServerUnreachable(LanguageToolError):
    reason = "server unreachable"


class ServerTimedOut(LanguageToolError):
    reason = "timed out"


class BadResponse(LanguageToolError):
    reason = "not a LanguageTool server"


@dataclass(frozen=True)
class ServerInfo:
    url: str
    version: str  # e.g. "6.4"; "" when the server did not say
    languages: tuple[str, ...]  # long codes, e.g. "en-GB"


def normalise_url(url: str) -> str:
    """'localhost:8081/' -> 'http://localhost:8081'; a trailing /v2 is dropped."""
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = "http://" + url
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LanguageToolClient:
    def __init__(self, url: str, connect_timeout: float = 2.0, read_timeout: float = 6.0):
        self.url = normalise_url(url)
        self.timeout = (connect_timeout, read_timeout)
        self._session = requests.Session()
        # A proxy from the environment must never sit between us and a local server.
        self._session.trust_env = not is_loopback(self.url)

    def close(self) -> None:
        self._session.close()

    def _call(self, method: str, path: str, **kwargs) -> object:
        try:
            response = self._session.request(method, self.url + path, timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise ServerTimedOut(f"{self.url} did not answer in time") from exc
        except requests.ConnectionError as exc:
            raise ServerUnreachable(f"cannot connect to {self.url}") from exc
        except requests.RequestException as exc:
            raise LanguageToolError(str(exc)) from exc
        if response.status_code != 200:
            detail = f"{self.url} answered HTTP {response.status_code}: {response.text[:200]}"
            error = LanguageToolError(detail)
            error.reason = f"server error {response.status_code}"
            raise error
        try:
            return response.json()
        except ValueError as exc:
            raise BadResponse(f"{self.url} did not answer with JSON") from exc

    def languages(self) -> list[dict]:
        data = self._call("GET", "/v2/languages")
        if not isinstance(data, list):
            raise BadResponse(f"{self.url}/v2/languages is not a list")
        return data

    def probe(self, check_language: str = "en-GB") -> ServerInfo:
        """Is this a working LanguageTool that knows `check_language`? Raises LanguageToolError."""
        codes = tuple(str(item.get("longCode", "")) for item in self.languages() if isinstance(item, dict))
        if check_language not in codes and check_language.split("-")[0] not in codes:
            error = BadResponse(f"{self.url} does not check {check_language}")
            error.reason = f"no {check_language} on the server"
            raise error
        # /v2/languages has no version: a tiny check says which LanguageTool this is.
        payload = self.check("Hello.", check_language)
        version = str((payload.get("software") or {}).get("version", ""))
        return ServerInfo(self.url, version, codes)

    def check(
        self,
        text: str,
        language: str = "en-GB",
        disabled_rules: tuple[str, ...] = (),
        disabled_categories: tuple[str, ...] = (),
    ) -> dict:
        form = {"text": text, "language": language}
        if disabled_rules:
            form["disabledRules"] = ",".join(disabled_rules)
        if disabled_categories:
            form["disabledCategories"] = ",".join(disabled_categories)
        data = self._call("POST", "/v2/check", data=form)
        if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
            raise BadResponse(f"{self.url}/v2/check answered without matches")
        return data
