"""Preferences: the organisation's pack address, fetched only on Fetch now, then in force."""

from __future__ import annotations

import functools
import http.server
import threading

from desktop_app.ui.policy.pack_box import PolicyPackBox
from tests.policy.folders import GOOD, make_folder


def test_fetch_now_fetches_from_the_address_and_reloads_the_checks(qtbot, tmp_path, monkeypatch):
    from desktop_app.storage import paths

    monkeypatch.setattr(paths, "fetched_pack_dir", lambda: tmp_path / "org-pack")
    root = make_folder(
        tmp_path / "www",
        {"pack/pack.yml": "name: Northshire\nversion: '4'\nfiles: [rules/W.yml]\n", "pack/rules/W.yml": GOOD},
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    reloaded = []
    try:
        box = PolicyPackBox("", "Drafting Assistant policy", lambda: reloaded.append(True))
        qtbot.addWidget(box)
        assert not (tmp_path / "org-pack").exists()  # nothing is fetched until asked
        url = f"http://127.0.0.1:{httpd.server_address[1]}/pack/"
        box.url.setText(url)
        assert box.values() == {"policy_pack_url": url}
        box.fetch_button.click()
        qtbot.waitUntil(
            lambda: box.fetch_button.isEnabled() and "Fetched" in box.result.text(), timeout=10000
        )
        assert "Northshire 4" in box.result.text() and reloaded == [True]
        assert (tmp_path / "org-pack" / "rules" / "W.yml").is_file()
    finally:
        httpd.shutdown()
        httpd.server_close()
