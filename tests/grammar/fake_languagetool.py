"""A small stand-in for a LanguageTool server, speaking its real HTTP API (v2).

`GET /v2/languages` and `POST /v2/check` (form fields text, language, disabledRules,
disabledCategories, ...) answer with the JSON shapes of LanguageTool 5.x or 6.x: matches
with message, shortMessage, replacements [{value}], offset and length in UTF-16 code
units, context, sentence, type {typeName}, rule {id, description, issueType, category}.

It finds a doubled word ("the the"), "could of", a double space, an unpaired quote,
Oxford -ize spellings and misspellings from small tables, under the ids the release it
pretends to be uses (RULES_5_AND_6 says where those come from), and honours
disabledRules/disabledCategories as LanguageTool does. It can be slow (`delay`), answer one
byte at a time (`trickle`: a per-read timeout never fires), go down and come back on the
same port. Only ever binds 127.0.0.1.

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

# en-GB's Oxford spelling rules (category BRE_STYLE_OXFORD_SPELLING) suggest -ize for -ise.
OXFORD_SPELLINGS = {
    "organisation": "organization",
    "organisations": "organizations",
    "organise": "organize",
    "recognise": "recognize",
    "apologise": "apologize",
}

# Which rule and category ids a LanguageTool release has: the ones policy/grammar.yml switches
# off and the ones this fake reports. Facts from LanguageTool's public sources:
# - EN_UNPAIRED_QUOTES: a rule of its own since languagetool-org/languagetool issue #6195
#   (December 2021, off by default); from 6.4 (pull request #10233, GenericUnpairedQuotesRule
#   "@since 6.4") it reports unpaired quotes, which earlier releases, 5.0 among them, report
#   as EN_UNPAIRED_BRACKETS (EnglishUnpairedBracketsRule).
# - REPETITIONS_STYLE: the category of EN_REPEATEDWORDS (AbstractRepeatedWordsRule,
#   EnglishRepeatedWordsRule, written in 2021; languagetool-core Categories.java); 5.0
#   (2020) has neither. Which 5.x release first had them is not established: the fake gives
#   them to 6.x only.
# - BRE_STYLE_OXFORD_SPELLING: the en-GB category whose OXFORD_SPELLING_Z_NOT_S rules suggest
#   "organization" for "organisation" (en-GB/style.xml); listed among LanguageTool's English
#   categories by JetBrains' Grazie plugin in 2019-20, so 5.0 has it too.
# - EN_WORDINESS_PREMIUM: premium servers only; neither open-source release has it.
# - The rest are ids of English rules in 5.x and 6.x alike (English.java, LongSentenceRule,
#   LongParagraphRule, PunctuationMarkAtParagraphEnd, SentenceWhitespaceRule, the en
#   grammar and style files, MorfologikBritishSpellerRule) and core Categories.java.
RULES_5_AND_6 = frozenset(
    {
        "TOO_LONG_SENTENCE",
        "TOO_LONG_PARAGRAPH",
        "PASSIVE_VOICE",
        "EN_PLAIN_ENGLISH_REPLACE",
        "ENGLISH_WORD_REPEAT_RULE",
        "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
        "PUNCTUATION_PARAGRAPH_END",
        "WHITESPACE_RULE",
        "SENTENCE_WHITESPACE",
        "EN_QUOTES",
        "DASH_RULE",
        "EN_UNPAIRED_BRACKETS",
        "COULD_OF",
        "MORFOLOGIK_RULE_EN_GB",
        "OXFORD_SPELLING_Z_NOT_S",
    }
)
CATEGORIES_5_AND_6 = frozenset(
    {
        "GRAMMAR",
        "TYPOS",
        "TYPOGRAPHY",
        "PUNCTUATION",
        "MISC",
        "STYLE",
        "PLAIN_ENGLISH",
        "REDUNDANCY",
        "CREATIVE_WRITING",
        "BRE_STYLE_OXFORD_SPELLING",
    }
)
VERSIONS = ("5.0", "5.9", "6.0", "6.4")  # the releases the tests pretend to be


def version_key(version: str) -> tuple[int, int]:
    major, minor = ([int(n) for n in re.findall(r"\d+", version)] + [0, 0])[:2]
    return major, minor


def rule_ids(version: str) -> frozenset[str]:
    return RULES_5_AND_6 | ({"EN_UNPAIRED_QUOTES"} if version_key(version) >= (6, 0) else set())


def category_ids(version: str) -> frozenset[str]:
    return CATEGORIES_5_AND_6 | ({"REPETITIONS_STYLE"} if version_key(version) >= (6, 0) else set())


def unpaired_quote_rule(version: str) -> str:
    return "EN_UNPAIRED_QUOTES" if version_key(version) >= (6, 4) else "EN_UNPAIRED_BRACKETS"


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
        return version_key(self.version)[0]

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
        if text.count('"') % 2:
            at = text.rindex('"')
            found.append(
                self._match(
                    text,
                    at,
                    at + 1,
                    "This quotation mark has no partner.",
                    "Unpaired quote",
                    [],
                    unpaired_quote_rule(self.version),
                    "Unpaired quotes and brackets",
                    "typographical",
                    ("PUNCTUATION", "Punctuation"),
                    "Other",
                )
            )
        for m in re.finditer(r"\w+", text):
            oxford = OXFORD_SPELLINGS.get(m.group().lower())
            if oxford:
                found.append(
                    self._match(
                        text,
                        m.start(),
                        m.end(),
                        f"Oxford spelling prefers '{oxford}'.",
                        "Oxford spelling",
                        [oxford],
                        "OXFORD_SPELLING_Z_NOT_S",
                        "Oxford spelling (-ize)",
                        "style",
                        ("BRE_STYLE_OXFORD_SPELLING", "British English, Oxford spelling"),
                        "Style",
                    )
                )
        assert {f["rule"]["id"] for f in found} <= rule_ids(self.version), "an id this release lacks"
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
