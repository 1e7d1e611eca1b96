"""`drafting-assistant policy show | test | fetch`."""

from __future__ import annotations

import functools
import http.server
import io
import json
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from desktop_app.policy.remote import FetchError, fetch_pack
from tests.policy.folders import GOOD, make_folder

VALE_DATA = Path(__file__).parents[1] / "data" / "vale"
PACK_YML = "name: Northshire comms\nversion: '{version}'\nowner: Comms team\nfiles: [rules/Words.yml]\n"


def _run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "policy", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_policy_test_runs_every_rules_examples_and_prints_failures(tmp_path):
    good = make_folder(tmp_path / "good", {"pack.yml": PACK_YML.format(version="1"), "rules/Words.yml": GOOD})
    done = _run("test", str(good))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Northshire comms 1: 1 rule, 2 examples, all pass" in done.stdout
    bad = make_folder(
        tmp_path / "bad", {"rules/Words.yml": GOOD.replace('pass: ["Nothing here."]', 'pass: ["A zorblax."]')}
    )
    done = _run("test", str(bad))
    assert done.returncode == 1
    assert "FAIL Words.yml: bad.Words should pass 'A zorblax.'" in done.stdout


def test_policy_test_fails_a_pack_with_a_file_it_cannot_use(tmp_path):
    # an unquoted "(?: " reads as a YAML mapping: the rule is reported and left out
    broken = make_folder(
        tmp_path / "broken",
        {"rules/Broken.yml": 'extends: existence\nmessage: "x %s"\nlevel: warning\ntokens:\n  - (?: a)b\n'},
    )
    done = _run("test", str(broken))
    assert done.returncode == 1
    assert "Broken.yml:5: tokens[0]" in done.stdout and ", 1 problem\n" in done.stdout
    assert "put the entry in quotes" in done.stdout


def test_policy_test_of_a_real_vale_style_loads_it():
    done = _run("test", str(VALE_DATA / "write-good" / "styles" / "write-good"), "--format", "json")
    data = json.loads(done.stdout)
    assert data["rules"] == 8 and data["problems"] == []


def test_policy_show_lists_packs_versions_and_what_each_adds_or_replaces(tmp_path):
    org = make_folder(
        tmp_path / "org",
        {"pack.yml": "name: Org\nversion: '3'\nreplaces: [Drafting.Jargon]\n", "rules/Jargon.yml": GOOD},
    )
    done = _run(
        "show", "--policy", str(org), "--policy", str(VALE_DATA / "Google" / "styles"), "--format", "json"
    )
    data = json.loads(done.stdout)
    assert data["in_force"] == "Org 3"
    org_info = next(p for p in data["packs"] if p["name"] == "Org")
    assert org_info["replaces"] == {"Drafting.Jargon": "org.Jargon"}
    google = next(p for p in data["packs"] if p["name"] == "styles")
    assert google["kind"] == "vale" and "Google.Headings" in google["adds"]
    text = _run("show", "--policy", str(org)).stdout
    assert "replaces Drafting.Jargon with org.Jargon" in text


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _zip(folder_files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, body in folder_files.items():
            z.writestr(f"northshire/{name}", body)
    return buffer.getvalue()


def test_a_published_pack_is_fetched_verified_and_kept_offline(server, tmp_path):
    root, base = server
    dest = tmp_path / "org-pack"
    make_folder(root / "pack", {"pack.yml": PACK_YML.format(version="1"), "rules/Words.yml": GOOD})
    assert "Northshire comms 1" in fetch_pack(f"{base}/pack/", dest)
    assert (dest / "rules" / "Words.yml").is_file()
    # version 2 as a zip, with a failing example: not used, version 1 stays
    broken = GOOD.replace('pass: ["Nothing here."]', 'pass: ["A zorblax."]')
    (root / "v2.zip").write_bytes(_zip({"pack.yml": PACK_YML.format(version="2"), "rules/Words.yml": broken}))
    with pytest.raises(FetchError, match=r"examples fail.*stays Northshire comms 1"):
        fetch_pack(f"{base}/v2.zip", dest)
    assert "version: '1'" in (dest / "pack.yml").read_text()
    # a dead server: the last good copy stays in use
    with pytest.raises(FetchError, match="cannot reach"):
        fetch_pack("http://127.0.0.1:9/pack.zip", dest)
    assert (dest / "pack.yml").is_file()
    # a good zip replaces it
    (root / "v3.zip").write_bytes(_zip({"pack.yml": PACK_YML.format(version="3"), "rules/Words.yml": GOOD}))
    assert "Northshire comms 3" in fetch_pack(f"{base}/v3.zip", dest)


def test_a_zip_cannot_write_outside_the_pack(server, tmp_path):
    root, base = server
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("pack.yml", PACK_YML.format(version="1"))
        z.writestr("../evil.txt", "x")
    (root / "evil.zip").write_bytes(buffer.getvalue())
    with pytest.raises(FetchError, match="outside the pack"):
        fetch_pack(f"{base}/evil.zip", tmp_path / "dest")
    assert not (tmp_path / "evil.txt").exists()


def test_policy_test_fails_a_pack_whose_replies_file_it_cannot_use(tmp_path):
    # replies.yml is read apart from the rules: an unquoted "(?: " there was a silent fallback
    broken = make_folder(
        tmp_path / "broken",
        {
            "rules/Words.yml": GOOD,
            "replies.yml": "cues:\n  thanks:\n    - thank you\n    - (?:god )?bless (?:you|ya)(?: all)?\n",
        },
    )
    done = _run("test", str(broken))
    assert done.returncode == 1, done.stdout
    assert "replies.yml:4: cues.thanks[1]" in done.stdout and ", 1 problem\n" in done.stdout
    assert "put the entry in quotes" in done.stdout
