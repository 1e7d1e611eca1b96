"""The GUI's Hunspell runs in a child process, so a slow suggestion cannot hold the GIL."""

from __future__ import annotations

import os

import pytest

from desktop_app.grammar.hunspell_process import HunspellProcess
from desktop_app.grammar.spelling import DICTIONARY, DICTIONARY_DIR, SpellChecker, SpellingUnavailable


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


# --- a spelling process that dies --------------------------------------------------------------


def _kill(checker: SpellChecker) -> int:
    """Ends the checker's spelling process as the system would (no goodbye); returns its pid."""
    child = checker._speller()
    child._process.kill()
    child._process.join(5)
    return child.pid


def test_a_killed_spelling_process_is_started_again_and_spelling_comes_back():
    checker = SpellChecker(isolated=True)
    assert [f.text for f in checker.check("A recieved letter.")] == ["recieved"]
    old_pid = _kill(checker)
    # New words, so the answer cannot come from the cache.
    found = checker.check("The goverment definately said so.")
    assert [f.text for f in found] == ["goverment", "definately"]
    assert "government" in [s.replacement for s in found[0].suggestions]
    assert checker._speller().pid != old_pid
    assert checker.problem == "" and checker.restarts == 1


def test_a_spelling_process_that_cannot_start_again_turns_spelling_off_and_the_status_says_so(monkeypatch):
    import desktop_app.grammar.hunspell_process as hp
    from desktop_app.grammar.service import GrammarService
    from desktop_app.ui.grammar.status import status_words

    checker = SpellChecker(isolated=True)
    service = GrammarService(environ={}, speller=checker)
    states = []
    service._on_state = states.append
    assert service.start().detail == "LanguageTool not installed; offline spelling only"
    assert [f.text for f in service.check_spelling("A recieved letter.")] == ["recieved"]

    def cannot_start(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(hp, "HunspellProcess", cannot_start)
    _kill(checker)
    assert service.check_spelling("The goverment said so.") == []  # no exception, no finding
    assert "could not be started again: no more processes" in checker.problem
    assert states[-1].detail == "LanguageTool not installed; offline spelling stopped"
    assert status_words(states[-1]) == "Grammar: off — spelling stopped"
    assert service.check("Still goverment.") == []  # stays off quietly, no new attempt


def test_restarts_are_limited(monkeypatch):
    import desktop_app.grammar.spelling as spelling

    monkeypatch.setattr(spelling, "MAX_RESTARTS", 1)
    checker = SpellChecker(isolated=True)
    checker.check("A recieved letter.")
    _kill(checker)
    assert [f.text for f in checker.check("The goverment said so.")] == ["goverment"]  # restart 1
    _kill(checker)
    with pytest.raises(SpellingUnavailable, match="stopped 2 times"):  # restart 2 is over the limit
        checker.check("It was definately so.")
    assert (
        checker.gave_up
        and checker.problem == "Offline spelling stopped (the spelling process stopped 2 times)."
    )


def test_with_languagetool_ready_the_status_still_says_offline_spelling_stopped(monkeypatch, fake_lt):
    import desktop_app.grammar.spelling as spelling
    from desktop_app.grammar.service import GrammarService
    from desktop_app.ui.grammar.status import status_words

    monkeypatch.setattr(spelling, "MAX_RESTARTS", 0)
    checker = SpellChecker(isolated=True)
    service = GrammarService(fake_lt.url, environ={}, speller=checker)
    assert service.start().state == "ready"
    service.check_spelling("A recieved letter.")
    _kill(checker)
    service.check_spelling("The goverment said so.")
    assert service.state.detail == f"LanguageTool at {fake_lt.url}: ready; offline spelling stopped"
    assert status_words(service.state) == f"Grammar: ready (LanguageTool at {fake_lt.url}) — spelling stopped"
