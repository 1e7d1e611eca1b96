"""The GUI's Hunspell runs in a child process, so a slow suggestion cannot hold the GIL."""

from __future__ import annotations

import os

import pytest

from desktop_app.grammar.hunspell_process import HunspellProcess
from desktop_app.grammar.spelling import DICTIONARY, DICTIONARY_DIR, SpellChecker


@pytest.fixture(scope="module")
def child():
    speller = HunspellProcess(DICTIONARY, DICTIONARY_DIR)
    yield speller
    speller.close()


def test_the_child_is_another_process_and_answers_like_hunspell(child):
    import hunspell

    local = hunspell.Hunspell(DICTIONARY, hunspell_data_dir=str(DICTIONARY_DIR))
    assert child.pid not in (None, os.getpid())
    for word in ("colour", "organisation", "color", "recieved"):
        assert child.spell(word) == bool(local.spell(word))
    assert child.suggest("recieved") == tuple(local.suggest("recieved"))
    assert "received" in child.suggest("recieved")


def test_an_isolated_checker_finds_what_an_in_process_one_finds():
    text = "The colour of the organisation was recieved by the centre. The color was wrong."
    isolated = SpellChecker(isolated=True)
    in_process = SpellChecker()
    found = [(f.text, f.rule, [s.replacement for s in f.suggestions]) for f in isolated.check(text)]
    assert found == [(f.text, f.rule, [s.replacement for s in f.suggestions]) for f in in_process.check(text)]
    assert {t for t, _, _ in found} == {"recieved", "color"}
    assert isinstance(isolated._speller(), HunspellProcess)


def test_the_child_exits_when_the_app_closes_its_end():
    speller = HunspellProcess(DICTIONARY, DICTIONARY_DIR)
    process = speller._process
    speller.close()
    assert not process.is_alive() and process.exitcode == 0


def test_a_child_that_cannot_start_falls_back_to_hunspell_in_this_process(monkeypatch):
    import desktop_app.grammar.hunspell_process as hp

    def refuse(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(hp, "HunspellProcess", refuse)
    checker = SpellChecker(isolated=True)
    assert [f.text for f in checker.check("A recieved letter.")] == ["recieved"]
    import hunspell

    assert isinstance(checker._speller(), hunspell.Hunspell)


def test_a_missing_dictionary_is_reported_by_the_child(tmp_path):
    with pytest.raises(OSError):
        HunspellProcess(DICTIONARY, tmp_path)


def test_a_child_ended_while_starting_is_an_oserror(monkeypatch):
    # At quit, Python ends daemon children while a spelling job may still be starting one.
    from multiprocessing.context import SpawnProcess

    start = SpawnProcess.start

    def start_then_end(self):
        start(self)
        self.kill()
        self.join(5)

    monkeypatch.setattr(SpawnProcess, "start", start_then_end)
    with pytest.raises(OSError, match="stopped while starting"):
        HunspellProcess(DICTIONARY, DICTIONARY_DIR)
