"""The LanguageTool lane against a fake server speaking LanguageTool's real API."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.grammar import matches
from desktop_app.grammar.client import (
    LanguageToolClient,
    LanguageToolError,
    ServerTimedOut,
    ServerUnreachable,
    normalise_url,
)
from desktop_app.grammar.config import default_config
from desktop_app.grammar.local_server import free_port
from desktop_app.grammar.service import GrammarService
from tests.grammar import fake_languagetool


def service_for(url, config, **kwargs):
    return GrammarService(url, config=config, environ={}, **kwargs)


@pytest.mark.parametrize("fixture", ["fake_lt", "fake_lt5"])
def test_findings_and_spans_from_languagetool_5_and_6(request, fixture, fast_config):
    server = request.getfixturevalue(fixture)
    service = service_for(server.url, fast_config)
    assert service.start().state == "ready"
    assert service.state.detail == f"LanguageTool at {server.url}: ready"
    assert service.server_version == server.version
    text = "We could of won the the vote."
    found = {f.rule: f for f in service.check_grammar(text)}
    could = found["LanguageTool.COULD_OF"]
    assert (could.start, could.end, could.text) == (3, 11, "could of")
    assert could.category == "grammar"
    assert [s.replacement for s in could.suggestions] == ["could have", "could've"]
    repeat = found["LanguageTool.ENGLISH_WORD_REPEAT_RULE"]
    assert text[repeat.start : repeat.end] == "the the"


def test_misspelling_becomes_a_spelling_finding(fake_lt, fast_config):
    service = service_for(fake_lt.url, fast_config)
    service.start()
    (finding,) = service.check_grammar("I will recieve it.")
    assert finding.category == "spelling"
    assert finding.rule == "LanguageTool.MORFOLOGIK_RULE_EN_GB"
    assert (finding.start, finding.end) == (7, 14)
    assert finding.suggestions[0].replacement == "receive"


def test_offsets_are_right_after_emoji(fake_lt, fast_config):
    service = service_for(fake_lt.url, fast_config)
    service.start()
    text = "🎉🇬🇧 Big news 👍🏽: we could of won, recieve 😀 the the prize"
    found = service.check_grammar(text)
    assert {text[f.start : f.end] for f in found} == {"could of", "recieve", "the the"}
    assert all(f.text == text[f.start : f.end] for f in found)
    for f in found:
        for s in f.suggestions:
            assert (s.start, s.end) == (f.start, f.end)


def test_disabled_rules_from_policy_are_sent_and_not_reported(fake_lt, fast_config):
    service = service_for(fake_lt.url, fast_config)
    service.start()
    found = service.check_grammar("Vote  for us.")
    sent = fake_lt.requests[-1]
    assert sent["language"] == "en-GB"
    assert set(sent["disabledRules"].split(",")) == set(default_config().disabled_rules)
    assert "WHITESPACE_RULE" in sent["disabledRules"].split(",")
    assert set(sent["disabledCategories"].split(",")) == set(default_config().disabled_categories)
    assert found == []
    # The same server does report it when asked without our list: the list is what hides it.
    raw = LanguageToolClient(fake_lt.url).check("Vote  for us.")
    assert [m["rule"]["id"] for m in raw["matches"]] == ["WHITESPACE_RULE"]


def test_server_down_gives_unavailable_with_a_reason_and_no_exception(fast_config):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    service = service_for(url, fast_config)
    state = service.start()
    assert state.state == "unavailable"
    assert "server unreachable" in state.detail and "offline spelling only" in state.detail
    findings = service.check("We will recieve it.")  # offline spelling still works
    assert [f.text for f in findings] == ["recieve"]
    assert findings[0].rule == "Spelling.Misspelt"


def test_slow_server_times_out_into_unavailable(fake_lt, fast_config):
    import dataclasses

    config = dataclasses.replace(fast_config, read_timeout=0.3)
    service = service_for(fake_lt.url, config)
    assert service.start().state == "ready"
    fake_lt.delay = 5
    assert service.check_grammar("It could of been.") is None
    assert service.state.state == "unavailable"
    assert "timed out" in service.state.detail


def test_recovery_after_the_server_comes_back(fake_lt, fast_config):
    states = []
    service = service_for(fake_lt.url, fast_config, on_state=states.append)
    service.start()
    fake_lt.down()
    assert service.check_grammar("It could of been.") is None
    assert service.state.state == "unavailable"
    fake_lt.up()
    found = service.check_grammar("It could of been.")
    assert [f.rule for f in found] == ["LanguageTool.COULD_OF"]
    assert [s.state for s in states] == ["starting", "ready", "unavailable", "ready"]


def test_back_off_grows_and_waits_before_trying_again(fast_config):
    import dataclasses

    now = [100.0]
    config = dataclasses.replace(fast_config, retry_delays=(2.0, 5.0))
    url = f"http://127.0.0.1:{free_port()}"
    service = service_for(url, config, clock=lambda: now[0])
    service.start()
    assert service.retry_in() == 2.0
    now[0] += 1
    assert service.check_grammar("text") is None  # still waiting: no request made
    assert service.retry_in() == 1.0
    now[0] += 1
    assert service.check_grammar("text") is None  # tried, failed again: a longer wait
    assert service.retry_in() == 5.0
    now[0] += 50
    service.check_grammar("text")
    assert service.retry_in() == 5.0  # stays at the last delay


def test_not_a_languagetool_server_is_reported(fake_lt, fast_config):
    service = service_for(fake_lt.url + "/nothing-here", fast_config)
    state = service.start()
    assert state.state == "unavailable"
    assert "server error 404" in state.detail


def test_client_errors_say_why(fake_lt):
    fake_lt.delay = 5
    client = LanguageToolClient(fake_lt.url, read_timeout=0.2)
    with pytest.raises(ServerTimedOut):
        client.check("text")
    with pytest.raises(ServerUnreachable):
        LanguageToolClient(f"127.0.0.1:{free_port()}").languages()


def test_urls_are_normalised():
    assert normalise_url("localhost:8081/") == "http://localhost:8081"
    assert normalise_url("https://lt.example.org/v2") == "https://lt.example.org"


def test_broken_or_out_of_range_matches_are_dropped():
    payload = {
        "matches": [
            {"offset": 50, "length": 3, "rule": {"id": "X"}},
            {"offset": "a", "length": 1},
            {"offset": 0, "length": 2, "message": "m", "rule": {"id": "OK", "category": {"id": "GRAMMAR"}}},
        ]
    }
    (finding,) = matches.to_findings("Hi there", payload)
    assert finding.rule == "LanguageTool.OK" and finding.text == "Hi"


def test_empty_text_is_not_sent_but_a_due_retry_still_reconnects(fake_lt, fast_config):
    service = service_for(fake_lt.url, fast_config)
    fake_lt.down()
    service.start()
    fake_lt.up()
    sent = len(fake_lt.requests)
    assert service.check_grammar("  ") == []
    assert service.state.state == "ready"
    assert len(fake_lt.requests) == sent + 1  # the probe's own tiny check, not the empty draft


@given(
    prefix=st.text(alphabet=st.sampled_from("ab 🎉👍🏽🇬🇧é\u200d𝒳\n"), max_size=30),
    suffix=st.text(alphabet=st.sampled_from("cd 😀𝔸ü."), max_size=20),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_spans_survive_any_mix_of_astral_characters(fake_lt, prefix, suffix):
    text = f"{prefix} could of {suffix}"
    payload = fake_lt.check(text, "en-GB", set(), set())  # the fake's own UTF-16 offsets
    (finding,) = [f for f in matches.to_findings(text, payload) if f.rule == "LanguageTool.COULD_OF"]
    assert text[finding.start : finding.end] == "could of"


# --- a server that answers a byte at a time ---------------------------------------------------
# Each byte comes well inside the read timeout, so only a deadline for the whole request ends it.


def _in_thread(work):
    """Runs `work` on a daemon thread; returns the thread and a list that gets its result or error."""
    outcome: list = []

    def run():
        try:
            outcome.append(work())
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_a_trickling_server_is_timed_out_by_the_request_deadline(fake_lt, fast_config):
    import dataclasses

    config = dataclasses.replace(fast_config, read_timeout=2.0, total_timeout=1.5)
    fake_lt.trickle = 0.5  # /v2/languages alone would take minutes at this rate
    service = service_for(fake_lt.url, config)
    thread, outcome = _in_thread(service.start)
    thread.join(20)
    assert not thread.is_alive(), "start() still waiting on a server that sends a byte every 0.5 s"
    assert outcome[0].state == "unavailable"
    assert "timed out" in outcome[0].detail and "offline spelling only" in outcome[0].detail


def test_a_trickling_check_is_timed_out_and_spelling_still_answers(fake_lt, fast_config):
    import dataclasses

    config = dataclasses.replace(fast_config, read_timeout=2.0, total_timeout=1.5)
    service = service_for(fake_lt.url, config)
    assert service.start().state == "ready"
    fake_lt.trickle = 0.5
    thread, outcome = _in_thread(lambda: service.check("We will recieve it."))
    thread.join(20)
    assert not thread.is_alive()
    assert [f.text for f in outcome[0]] == ["recieve"]
    assert service.state.state == "unavailable" and "timed out" in service.state.detail


def test_closing_the_client_ends_a_request_in_flight_at_once(fake_lt):
    client = LanguageToolClient(fake_lt.url, read_timeout=30.0, total_timeout=120.0)
    fake_lt.trickle = 0.5
    thread, outcome = _in_thread(lambda: client.check("It could of been."))
    deadline = time.monotonic() + 10
    while "/v2/check" not in fake_lt.paths and time.monotonic() < deadline:
        time.sleep(0.02)
    client.close()
    thread.join(5)
    assert not thread.is_alive(), "close() left a request trickling"
    assert isinstance(outcome[0], LanguageToolError)


# --- the ids policy/grammar.yml switches off, against the releases that have them -------------


def test_every_id_the_policy_switches_off_exists_in_languagetool_5_or_6():
    config = default_config()
    rules = set().union(*(fake_languagetool.rule_ids(v) for v in fake_languagetool.VERSIONS))
    categories = set().union(*(fake_languagetool.category_ids(v) for v in fake_languagetool.VERSIONS))
    assert [r for r in config.disabled_rules if r not in rules] == []
    assert [c for c in config.disabled_categories if c not in categories] == []


@pytest.mark.parametrize("version", fake_languagetool.VERSIONS)
def test_what_the_policy_switches_off_stays_off_on_each_release(version, fast_config):
    # An unpaired quote (emoji and quoted speech in posts set it off) and "organisation",
    # which the Oxford spelling rules would turn into "organization".
    text = '"Our organisation backs the plan, said the leader.'
    server = fake_languagetool.FakeLanguageTool(version)
    try:
        raw = LanguageToolClient(server.url).check(text)  # without our list: both are reported
        assert {m["rule"]["category"]["id"] for m in raw["matches"]} == {
            "PUNCTUATION",
            "BRE_STYLE_OXFORD_SPELLING",
        }
        service = service_for(server.url, fast_config)
        assert service.start().state == "ready"
        assert service.check_grammar(text) == []
    finally:
        server.down()


def test_requests_is_imported_only_once_a_languagetool_client_is_made():
    # requests and urllib3 cost ~110 ms of imports on a worker while the engine loads at
    # start-up: a writer with no LanguageTool server never needs them.
    code = (
        "import sys\n"
        "import desktop_app.ui.grammar.lane, desktop_app.grammar.config\n"
        "from desktop_app.grammar.service import GrammarService\n"
        "service = GrammarService('', environ={})\n"
        "service.start()\n"
        "service.stop()\n"
        "before = 'requests' in sys.modules\n"
        "from desktop_app.grammar.client import LanguageToolClient\n"
        "LanguageToolClient('http://127.0.0.1:9')\n"
        "print(before, 'requests' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "True"], out.stderr
