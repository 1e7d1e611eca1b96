"""The disk cache behind a fast cold start never changes a result: an edited file is read
afresh, a damaged or foreign cache is rebuilt, and a pack loaded from it is the same pack."""

from __future__ import annotations

import os

from desktop_app.engine import Analyzer
from desktop_app.policy import load_policy
from desktop_app.policy.cache import FileCache, cache_folder
from tests.policy.folders import GOOD, load, make_folder, problems_in

POST = "Councillor Hart is a clown. Going forward we will leverage synergies #fixourbuses"


def _summary(pack) -> tuple:
    report = Analyzer(pack).analyze(POST)
    return sorted(r.id for r in pack.rules), [(f.rule, f.start, f.end, f.message) for f in report.findings]


def test_a_pack_loaded_from_the_cache_is_the_same_pack():
    first = load_policy(include_user_overlay=False)
    assert any(cache_folder().glob("policy-*.cache"))  # written by the first load
    assert _summary(load_policy(include_user_overlay=False)) == _summary(first)


def test_an_edited_file_is_read_afresh(tmp_path):
    org = make_folder(tmp_path / "org", {"rules/Words.yml": GOOD})
    assert load(org).rule("org.Words").examples_flag == ("A zorblax.",)
    path = org / "rules" / "Words.yml"
    path.write_text(GOOD.replace("A zorblax.", "Two zorblaxes? No: one zorblax."), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load(org).rule("org.Words").examples_flag == ("Two zorblaxes? No: one zorblax.",)


def test_a_damaged_cache_file_is_ignored_and_rebuilt():
    expected = _summary(load_policy(include_user_overlay=False))
    for path in cache_folder().glob("*.cache"):
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    assert _summary(load_policy(include_user_overlay=False)) == expected


def test_a_cached_value_of_the_wrong_shape_is_rebuilt(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("x", encoding="utf-8")
    cache = FileCache("shapes")
    assert cache.get(source, lambda: ["a", "list"]) == ["a", "list"]
    cache.save()
    again = FileCache("shapes")
    assert again.get(source, lambda: ("a", "tuple"), lambda v: isinstance(v, tuple)) == ("a", "tuple")


def test_a_broken_file_is_never_cached_so_it_is_reported_every_time(tmp_path):
    org = make_folder(tmp_path / "org", {"rules/Broken.yml": "extends: existence\ntokens: [a, b\n"})
    assert len(problems_in(load(org), "org")) == 1
    assert len(problems_in(load(org), "org")) == 1


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _summary(load_policy(include_user_overlay=False))[0]
