"""A LanguageTool server's HTTP API (v2), spoken directly with `requests`.

Why not language_tool_python.LanguageTool: its constructor probes the server (or starts
Java) with no timeout of ours, and its errors all look alike. Here every call has a short
connect/read timeout and fails with an error that says why (unreachable, timed out,
server error, not LanguageTool), which the lane turns into the status bar's reason. The
API is the same for LanguageTool 5.x and 6.x (`/v2/languages`, `/v2/check`).

A read timeout only bounds the wait for the next byte: a server that sends one byte every
2 s would hold a request for ever. So each request also has a deadline for the whole of it
(deadline.py), and close() ends any request still in flight, so nothing waits on the
network when the app closes.

requests (with urllib3 and its character detection: ~110 ms of imports, on a worker at
start-up alongside the engine loading the policy) is imported when a client is first made:
a writer with no LanguageTool server set up never needs it, and the rest of this module
(its errors, normalise_url) is imported by the grammar lane whether or not there is one.
"""

from __future__ import annotations

import ipaddress
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import requests

    from desktop_app.grammar.deadline import Deadline


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


class ClientClosed(LanguageToolError):
    reason = "stopped"


class LanguageToolClient:
    def __init__(
        self,
        url: str,
        connect_timeout: float = 2.0,
        read_timeout: float = 6.0,
        total_timeout: float = 10.0,
    ):
        self.url = normalise_url(url)
        self.timeout = (connect_timeout, read_timeout)
        self.total_timeout = total_timeout
        import requests

        from desktop_app.grammar.deadline import DeadlineAdapter

        self._session = requests.Session()
        adapter = DeadlineAdapter()
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        # A proxy from the environment must never sit between us and a local server.
        self._session.trust_env = not is_loopback(self.url)
        self._lock = threading.Lock()
        self._in_flight: set[Deadline] = set()
        self._closed = False

    def close(self) -> None:
        """Ends every request still in flight (its caller gets ClientClosed) and refuses new ones."""
        with self._lock:
            self._closed = True
            in_flight = list(self._in_flight)
        for deadline in in_flight:
            deadline.expire()
        self._session.close()

    def _call(self, method: str, path: str, **kwargs) -> object:
        import requests  # imported by __init__: a dictionary look-up now

        from desktop_app.grammar.deadline import Deadline

        deadline = Deadline(self.total_timeout)
        with self._lock:
            if self._closed:
                raise ClientClosed(f"the connection to {self.url} was closed")
            self._in_flight.add(deadline)
        try:
            with deadline:
                response = self._session.request(method, self.url + path, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise self._error(exc, deadline) from exc
        finally:
            with self._lock:
                self._in_flight.discard(deadline)
        if response.status_code != 200:
            detail = f"{self.url} answered HTTP {response.status_code}: {response.text[:200]}"
            error = LanguageToolError(detail)
            error.reason = f"server error {response.status_code}"
            raise error
        try:
            return response.json()
        except ValueError as exc:
            raise BadResponse(f"{self.url} did not answer with JSON") from exc

    def _error(self, exc: requests.RequestException, deadline: Deadline) -> LanguageToolError:
        if deadline.expired:
            if self._closed:
                return ClientClosed(f"the request to {self.url} was stopped")
            return ServerTimedOut(f"{self.url} did not finish answering in {self.total_timeout:g} s")
        import requests

        if isinstance(exc, requests.Timeout):
            return ServerTimedOut(f"{self.url} did not answer in time")
        if isinstance(exc, requests.ConnectionError):
            return ServerUnreachable(f"cannot connect to {self.url}")
        return LanguageToolError(str(exc))

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
