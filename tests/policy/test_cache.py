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


# --- the phrase rules' automata, kept between runs (checks/tokens.py, policy/cache.BlobCache)


def _fresh_phrases():
    from desktop_app.checks.tokens import PhraseSet

    slots = {"someone": ["someone", "a man", "{name}"], "victim": ["him", "her", "the chancellor"]}
    phrases = ["{someone} should (shoot|stab) {victim}", "^ just die $", "(hope|wish) {handle} (dies|rots)"]
    return PhraseSet(phrases, slots)


TEXTS = (
    "Someone should shoot the Chancellor.",
    "Just die.",
    "I hope @bob rots",
    "Gary should stab him",
    "That should shoot up the charts",
)


def _matches(phrases):
    from desktop_app.checks.tokens import phrase_tokens

    return [phrases.find(phrase_tokens(t)) for t in TEXTS]


def test_a_stored_automaton_is_loaded_not_built_and_matches_the_same(monkeypatch):
    from desktop_app.checks import tokens
    from desktop_app.policy.cache import BlobCache

    store = BlobCache("automata-test")
    monkeypatch.setattr(tokens, "_store", store)
    first = _fresh_phrases()
    expected = _matches(first)
    assert expected[0] and expected[1] and expected[2] and expected[3] and not expected[4]
    assert len(list((cache_folder() / store.name).glob("*.bin"))) == 1
    built = []
    monkeypatch.setattr(tokens.PhraseSet, "_build_nodes", lambda self: built.append(self))
    second = _fresh_phrases()
    assert _matches(second) == expected and built == []  # loaded, never built


def test_a_loaded_automaton_is_frozen_so_no_collection_walks_it_again(monkeypatch):
    """Its tens of thousands of small sets, left in the young generations, made the next
    middle-generation collection take 27-36 ms (on the GUI thread, as a draft opened)."""
    import gc

    from desktop_app.checks import tokens
    from desktop_app.core import gc_policy
    from desktop_app.policy.cache import BlobCache

    store = BlobCache("automata-test")
    monkeypatch.setattr(tokens, "_store", store)
    monkeypatch.setattr(gc_policy, "freeze_loaded", True)  # as the app's run sets it
    _matches(_fresh_phrases())  # built and stored
    loaded = _fresh_phrases()
    _matches(loaded)  # loaded from the store
    words = loaded._nodes[0]
    assert gc.is_tracked(words)
    collected = {id(o) for o in gc.get_objects()}  # every generation but the frozen one
    assert id(words) not in collected


def test_a_damaged_or_foreign_stored_automaton_is_built_again(monkeypatch):
    from desktop_app.checks import tokens
    from desktop_app.policy.cache import BlobCache

    store = BlobCache("automata-test")
    monkeypatch.setattr(tokens, "_store", store)
    expected = _matches(_fresh_phrases())
    (path,) = (cache_folder() / store.name).glob("*.bin")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # the CRC no longer matches
    path.write_bytes(bytes(data))
    assert _matches(_fresh_phrases()) == expected
    key = path.stem
    store.put(key, b"not an automaton")  # a good CRC over data of another shape
    assert _matches(_fresh_phrases()) == expected


def test_other_phrases_get_another_automaton(monkeypatch):
    from desktop_app.checks import tokens
    from desktop_app.checks.tokens import PhraseSet, phrase_tokens
    from desktop_app.policy.cache import BlobCache

    monkeypatch.setattr(tokens, "_store", BlobCache("automata-test"))
    _matches(_fresh_phrases())
    other = PhraseSet(["{someone} should (shoot|stab) {victim}"], {"someone": ["gary"], "victim": ["him"]})
    assert other.find(phrase_tokens("Someone should shoot the Chancellor.")) == []
    assert other.find(phrase_tokens("Gary should stab him")) == [(0, 3)]


def test_the_blob_cache_keeps_at_most_its_cap_and_survives_an_unwritable_folder(tmp_path, monkeypatch):
    from desktop_app.policy.cache import BlobCache

    store = BlobCache("capped", cap=3)
    for n in range(5):
        store.put(f"k{n}", f"value {n}".encode())
        os.utime(cache_folder() / store.name / f"k{n}.bin", ns=(n * 10**9, n * 10**9))
    kept = sorted(p.stem for p in (cache_folder() / store.name).glob("*.bin"))
    assert len(kept) == 3 and store.get("k4") == b"value 4"
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    store.put("k9", b"lost")  # nothing raised
    assert store.get("k9") is None


def test_the_command_line_and_the_tests_keep_loaded_automata_collectable(monkeypatch):
    """Only the app's run freezes what loads (core.gc_policy): a batch's own freeze is given
    back whole (cli.common.long_lived), and a caller's objects stay collectable."""
    import gc

    from desktop_app.checks import tokens
    from desktop_app.core import gc_policy
    from desktop_app.policy.cache import BlobCache

    assert not gc_policy.freeze_loaded
    monkeypatch.setattr(tokens, "_store", BlobCache("automata-test"))
    _matches(_fresh_phrases())
    frozen = gc.get_freeze_count()
    _matches(_fresh_phrases())  # loaded from the store
    assert gc.get_freeze_count() == frozen
