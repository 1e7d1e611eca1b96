"""A tiny download server on 127.0.0.1 serving a pretend LanguageTool release zip."""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from tests.grammar.fake_languagetool import QuietHTTPServer


def make_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("LanguageTool-6.4/languagetool-server.jar", b"PK" + b"x" * 600_000)
        z.writestr("LanguageTool-6.4/README.md", "LanguageTool")
    return buffer.getvalue()


@contextmanager
def serve_zip() -> Iterator[tuple[str, str]]:
    """Yields (base URL, SHA-256 of the zip); the zip is at /LanguageTool-6.4.zip."""
    payload = make_zip()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path != "/LanguageTool-6.4.zip":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    httpd = QuietHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hashlib.sha256(payload).hexdigest()
    finally:
        httpd.shutdown()
        httpd.server_close()
