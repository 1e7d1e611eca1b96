"""A small stand-in for a LanguageTool server, speaking its real HTTP API (v2).

`GET /v2/languages` and `POST /v2/check` (form fields text, language, disabledRules,
disabledCategories, ...) answer with the JSON shapes of LanguageTool 5.x or 6.x: matches
with message, shortMessage, replacements [{value}], offset and length in UTF-16 code
units, context, sentence, type {typeName}, rule {id, description, issueType, category}.

It finds a doubled word ("the the"), "could of", a double space and misspellings from a
small table, and honours disabledRules/disabledCategories as LanguageTool does. It can be
slow (`delay`), answer one byte at a time (`trickle`: a per-read timeout never fires), go down
and come back on the same port. Only ever binds 127.0.0.1.

Run on its own (as a pretend local LanguageTool): python -m tests.grammar.fake_languagetool --port N
"""

from __future__ import annotations

import argparse
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

MISSPELLINGS = {
    "recieve": ["receive"],
    "definately": ["definitely", "defiantly"],
    "goverment": ["government"],
    "teh": ["the", "ten"],
}

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


class QuietHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (a timeout test) is expected, not an error


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class FakeLanguageTool:
    def __init__(self, version: str = "6.4", port: int = 0):
        self.version = version
        self.delay = 0.0
        self.trickle = 0.0  # seconds between the bytes of every answer (0: all at once)
        self.requests: list[dict] = []  # form fields of every /v2/check
        self.paths: list[str] = []  # every request's path, as it arrives
        self._release = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = port
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def major(self) -> int:
        return int(self.version.split(".")[0])

    def up(self) -> None:
        fake = self

        class Handler(_Handler):
            server_state = fake

        self._httpd = QuietHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._httpd.server_address[1]
        self._release.clear()
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def down(self) -> None:
        """Stops listening: connections are refused until up() is called again."""
        self._release.set()  # answer anything still sleeping
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def release(self) -> None:
        """Answers every request that is sleeping in `delay` (or trickling) at once."""
        self._release.set()

    def wait(self) -> None:
        if self.delay:
            self._release.wait(self.delay)

    # --- what it finds ----------------------------------------------------------------
    def check(
        self, text: str, language: str, disabled_rules: set[str], disabled_categories: set[str]
    ) -> dict:
        found = []
        for m in re.finditer(r"\b(\w+)\s+(\1)\b", text, re.IGNORECASE):
            found.append(
                self._match(
                    text,
                    m.start(),
                    m.end(),
                    "Possible typo: you repeated a word.",
                    "Word repetition",
                    [m.group(1)],
                    "ENGLISH_WORD_REPEAT_RULE",
                    "Word repetition (e.g. 'will will')",
                    "duplication",
                    ("MISC", "Miscellaneous"),
                    "Other",
                )
            )
        for m in re.finditer(r"\b(could|should|would) of\b", text, re.IGNORECASE):
            found.append(
                self._match(
                    text,
                    m.start(),
                    m.end(),
                    "Did you mean 'could have'?",
                    "Grammatical problem",
                    [m.group(1) + " have", m.group(1) + "'ve"],
                    "COULD_OF",
                    "could/should/would of (have)",
                    "grammar",
                    ("GRAMMAR", "Grammar"),
                    "Other",
                )
            )
        for m in re.finditer(r"(?<=\S)  +(?=\S)", text):
            found.append(
                self._match(
                    text,
                    m.start(),
                    m.end(),
                    "Possible typo: you repeated a whitespace",
                    "",
                    [" "],
                    "WHITESPACE_RULE",
                    "Whitespace repetition (bad formatting)",
                    "whitespace",
                    ("TYPOGRAPHY", "Typography"),
                    "Other",
                )
            )
        for m in re.finditer(r"\w+", text):
            if m.group().lower() in MISSPELLINGS:
                found.append(
                    self._match(
                        text,
                        m.start(),
                        m.end(),
                        "Possible spelling mistake found.",
                        "Spelling mistake",
                        MISSPELLINGS[m.group().lower()],
                        "MORFOLOGIK_RULE_EN_GB",
                        "Possible spelling mistake",
                        "misspelling",
                        ("TYPOS", "Possible Typo"),
                        "UnknownWord",
                    )
                )
        found = [
            f
            for f in found
            if f["rule"]["id"] not in disabled_rules
            and f["rule"]["category"]["id"] not in disabled_categories
        ]
        found.sort(key=lambda f: f["offset"])
        payload = {
            "software": {
                "name": "LanguageTool",
                "version": self.version,
                "buildDate": "2024-03-28 10:53:00 +0000" if self.major >= 6 else "2022-09-28 12:59:10 +0000",
                "apiVersion": 1,
                "premium": False,
                "premiumHint": "You might be missing errors only the Premium version can find.",
                "status": "",
            },
            "warnings": {"incompleteResults": False},
            "language": {
                "name": "English (GB)",
                "code": language,
                "detectedLanguage": {"name": "English (GB)", "code": "en-GB", "confidence": 0.99},
            },
            "matches": found,
        }
        if self.major >= 6:  # added in LanguageTool 6
            payload["sentenceRanges"] = [[0, utf16_len(text)]]
            payload["extendedSentenceRanges"] = [
                {"from": 0, "to": utf16_len(text), "detectedLanguages": [{"language": "en", "rate": 1.0}]}
            ]
        return payload

    def _match(self, text, start, end, message, short, values, rule_id, desc, issue, category, type_name):
        sentence = text.strip()
        match = {
            "message": message,
            "shortMessage": short,
            "replacements": [{"value": v} for v in values],
            "offset": utf16_len(text[:start]),
            "length": utf16_len(text[start:end]),
            "context": {
                "text": text[:80],
                "offset": utf16_len(text[:start]),
                "length": utf16_len(text[start:end]),
            },
            "sentence": sentence,
            "type": {"typeName": type_name},
            "rule": {
                "id": rule_id,
                "description": desc,
                "issueType": issue,
                "category": {"id": category[0], "name": category[1]},
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }
        if self.major >= 6:
            match["rule"]["isPremium"] = False
            match["rule"]["confidence"] = 0.9
        else:
            match["rule"]["sourceFile"] = "grammar.xml"
        return match


class _Handler(BaseHTTPRequestHandler):
    server_state: FakeLanguageTool

    def log_message(self, *args):  # quiet in tests
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode("utf-8") if not isinstance(body, str) else body.encode("utf-8")
        content_type = "application/json" if not isinstance(body, str) else "text/plain"
        if self.server_state.trickle:
            self._trickle(status, content_type, data)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _trickle(self, status: int, content_type: str, data: bytes) -> None:
        """The whole answer, status line first, one byte at a time (the rest at once on release)."""
        head = f"HTTP/1.0 {status} OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(data)}\r\n\r\n"
        answer = head.encode("ascii") + data
        fake = self.server_state
        for at in range(len(answer)):
            self.wfile.write(answer[at : at + 1])  # raises once the client has given up
            if fake._release.wait(fake.trickle):
                self.wfile.write(answer[at + 1 :])
                return

    def do_GET(self):
        self.server_state.paths.append(self.path)
        if self.path.split("?")[0] == "/v2/languages":
            self._send(200, LANGUAGES)
        else:
            self._send(404, "Error: unknown path")

    def do_POST(self):
        self.server_state.paths.append(self.path)
        if self.path.split("?")[0] != "/v2/check":
            self._send(404, "Error: unknown path")
            return
        length = int(self.headers.get("Content-Length") or 0)
        form = {
            k: v[0]
            for k, v in parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True).items()
        }
        fake = self.server_state
        if "text" not in form or "language" not in form:
            self._send(400, "Error: Missing 'text' or 'data' parameter")
            return
        fake.requests.append(form)
        fake.wait()
        rules = set(filter(None, form.get("disabledRules", "").split(",")))
        categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        self._send(200, fake.check(form["text"], form["language"], rules, categories))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--version", default="6.4")
    args = parser.parse_args()
    fake = FakeLanguageTool(args.version, args.port)
    print(f"ready on {fake.url}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
