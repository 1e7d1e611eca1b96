"""Look-arounds at an entry's edge run as checks on the match; one RE2 cannot run costs
only its entry, reported with file, line and reason."""

from __future__ import annotations

import pytest

from desktop_app.checks.patterns import collect_dropped, compile_re, compile_words
from desktop_app.checks.values import RuleError
from tests.policy.folders import load, make_folder


def _spans(regex, text):
    return [text[m.start() : m.end()] for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"(?<!\w)foo", "foo xfoo _foo -foo", ["foo", "foo"]),
        (r"foo(?!-)", "foo foo- foox", ["foo", "foo"]),
        (r"(?<=\s)bar", "bar bar xbar", ["bar"]),
        (r"\b(?:net)(?=work)", "network net networks", ["net", "net"]),
        (r"(?<![-.])\d+(?:st|nd)\b", "1st -2nd 3.1st 22nd", ["1st", "22nd"]),
    ],
)
def test_edge_lookarounds_match_as_a_backtracking_engine_would(pattern, text, expected):
    assert _spans(compile_re(pattern, "tokens"), text) == expected


def test_the_check_runs_on_bytes_as_the_engine_passes_them():
    regex = compile_re(r"(?<!é)café(?!s)", "tokens")
    assert [m.span() for m in regex.finditer("café écafé cafés".encode())] == [(0, 5)]


def test_an_entry_that_cannot_run_costs_only_itself():
    with collect_dropped() as dropped:
        regex = compile_words(["alpha", r"(?<!-)beta", r"mid(?<=d)dle", r"(?!.*z)q"], "tokens")
    assert _spans(regex, "alpha -beta beta middle") == ["alpha", "beta"]
    assert [d.key for d in dropped] == ["tokens[2]", "tokens[3]"]
    assert all("look-around" in d.message for d in dropped)


def test_without_a_collector_a_bad_entry_still_fails_the_rule():
    with pytest.raises(RuleError):
        compile_words(["alpha", "mid(?<=d)dle"], "tokens")


def test_a_rule_file_loads_without_its_bad_entry_and_says_which(tmp_path):
    rule = "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - fine\n  - 'mid(?<=x)dle'\n  - '(?<!-)ok'\n"
    pack = load(make_folder(tmp_path / "st", {"Mixed.yml": rule}))
    assert pack.rule("st.Mixed") is not None
    (problem,) = [p for p in pack.problems if "Mixed" in p.path]
    assert problem.key == "tokens[1]" and problem.line == 5 and "skipped" in problem.message
    from desktop_app.checks.base import TextContext

    found = [f.text for f in pack.rule("st.Mixed").find(TextContext("fine -ok ok middle"))]
    assert found == ["fine", "ok"]


def test_a_word_boundary_goes_outside_an_edge_lookaround_as_vale_puts_it():
    # Vale wraps tokens as \b(?:...)\b: the boundary is at the match's end, after the
    # look-ahead; without it "That is" (followed by "n") hid "isn't" in "That isn't."
    regex = compile_words(["that is(?!\\.)", "isn't(?=\\.)"], "swap", ignorecase=True)
    assert _spans(regex, "That isn't.") == ["isn't"]
    assert _spans(regex, "That is good. I know that is.") == ["That is"]


def test_a_swap_key_with_a_lookaround_still_offers_its_replacement(tmp_path):
    rule = (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
        "swap:\n  'it''s(?=\\.)': it is\n"
    )
    pack = load(make_folder(tmp_path / "st", {"Contr.yml": rule}))
    from desktop_app.checks.base import TextContext

    (finding,) = pack.rule("st.Contr").find(TextContext("Find it, wherever it's."))
    assert finding.text == "it's" and finding.message == "Use 'it is' instead of 'it's'."
