"""existence: whole words, exceptions, and (for conduct rules) matching through evasion."""

from __future__ import annotations

import pytest

from tests.checks.conftest import findings_of

RULE = "fixtures.Insults"  # clause C-abuse: matches through evasion


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("What a scumbag.", "scumbag"),
        ("What an іdіot.", "іdіot"),  # Cyrillic і
        ("What an ιdιot.", "ιdιot"),  # Greek iota
        ("What an id\u200biot.", "id\u200biot"),  # zero-width space inside
        ("What an 1d10t.", "1d10t"),  # leetspeak
        ("What an i d i o t.", "i d i o t"),  # spaced letters
        ("What an I-D-I-O-T.", "I-D-I-O-T"),
        ("Just f***k off.", "f***k"),  # starred-out pattern in the rule
        ("SCUMBAG!", "SCUMBAG"),
    ],
)
def test_flags_through_evasion_and_highlights_what_was_typed(text, flagged):
    found = findings_of(RULE, text)
    assert [f.text for f in found] == [flagged]
    f = found[0]
    assert text[f.start : f.end] == flagged


@pytest.mark.parametrize(
    "text", ["He is idiosyncratic.", "Scunthorpe United won.", "Idiotproof?", "scumbags2"]
)
def test_leaves_longer_words_alone(text):
    assert findings_of(RULE, text) == []


def test_severity_category_and_clause_come_from_the_rule():
    f = findings_of(RULE, "What a scumbag.")[0]
    assert f.severity.value == "must-fix"
    assert f.category == "abuse" and f.clause == "C-abuse" and f.principle is None
    assert f.message == "'scumbag' is an insult."
    assert f.why


def _rule_in_folder(tmp_path, body: str, name: str = "Watched"):
    """The pack with one rule file of our own, and that rule."""
    from tests.policy.folders import load, make_folder

    pack = load(make_folder(tmp_path / "st", {f"{name}.yml": body}))
    return pack, pack.rule(f"st.{name}")


def _found(rule, text: str) -> list[str]:
    from desktop_app.checks.base import TextContext

    return [f.text for f in rule.find(TextContext(text))]


# Named pieces: a part several tokens share is written once (RoutineWatched once repeated its
# list of times and hints in five tokens, each a near-copy the next widening had to find).
WATCHED = """\
extends: existence
message: "'%s'"
ignorecase: true
nonword: true
pieces:
  WHEN: ['\\bevery (?:monday|friday)\\b', '\\bat [0-9]{1,2}\\b']
  HINT: '\\bjust saying\\b'
  WHEN_THEN_HINT: '(?&WHEN)[^\\n]{0,40}(?&HINT)'
tokens:
  - '(?&WHEN_THEN_HINT)'
  - '(?&HINT)[^\\n]{0,40}(?&WHEN)'
"""


def test_a_named_piece_is_read_where_a_token_names_it(tmp_path):
    pack, rule = _rule_in_folder(tmp_path, WATCHED)
    assert not [p for p in pack.problems if "Watched" in p.path]
    assert _found(rule, "She leaves every Friday at 8. Just saying.") == ["every Friday at 8. Just saying"]
    assert _found(rule, "Just saying, she goes at 7") == ["Just saying, she goes at 7"]
    # each part alone is ordinary: the pieces are parts, not tokens
    assert _found(rule, "Bins go out every Monday.") == []
    assert _found(rule, "Just saying, I disagree.") == []


def test_a_piece_of_alternatives_keeps_them_apart(tmp_path):
    # a list is alternatives in a group of its own: without the group, 'x (?&WHEN) y' would
    # read as "x every monday" or "at 9 y"
    body = WATCHED.replace("tokens:\n", "tokens:\n  - 'x (?&WHEN) y'\n")
    _pack, rule = _rule_in_folder(tmp_path, body)
    assert _found(rule, "x every monday y") == ["x every monday y"]
    assert _found(rule, "x at 9 y") == ["x at 9 y"]
    assert _found(rule, "x every monday") == []
    assert _found(rule, "at 9 y") == []


def test_an_unknown_piece_costs_only_its_token_and_says_which(tmp_path):
    body = WATCHED.replace("tokens:\n", "tokens:\n  - '(?&WHNE)[^\\n]{0,40}(?&HINT)'\n")
    pack, rule = _rule_in_folder(tmp_path, body)
    (problem,) = [p for p in pack.problems if "Watched" in p.path]
    assert problem.key == "tokens[0]" and "WHNE" in problem.message
    assert _found(rule, "every Friday, just saying") == ["every Friday, just saying"]


def test_pieces_must_be_text_or_a_list_of_text(tmp_path):
    body = WATCHED.replace("  HINT: '\\bjust saying\\b'\n", "  HINT: {a: b}\n")
    pack, _rule = _rule_in_folder(tmp_path, body)
    problems = [p for p in pack.problems if "Watched" in p.path]
    assert [p.key for p in problems] == ["pieces.HINT"] and "expected a list" in problems[0].message


def test_an_emoji_sequence_in_a_token_matches_the_text_the_conduct_rules_read(tmp_path):
    """The conduct rules read text with zero-width joiners and variation selectors removed
    (core.evasion): a token spelling the rainbow flag with its joiner ('🏳️‍🌈') could never
    match, and AntiLGBT's flag-and-vomit entry had been dead since it was written."""
    body = (
        "extends: existence\nmessage: \"'%s'\"\nclause: C-discrimination\ncategory: discrimination\n"
        "nonword: true\ntokens:\n  - '🏳️\u200d🌈\\s*🤮'\n  - '👳\u200d♂️💣'\n"
        "  - '🔪\ufe0f?\\s*you are next'\n"
    )
    _pack, rule = _rule_in_folder(tmp_path, body, "Flags")
    assert _found(rule, "🏳️\u200d🌈🤮") == ["🏳️\u200d🌈🤮"]
    assert _found(rule, "🏳️\u200d🌈 🤮 sick") == ["🏳️\u200d🌈 🤮"]
    assert _found(rule, "a man in a turban 👳\u200d♂️💣") == ["👳\u200d♂️💣"]
    assert _found(rule, "Proud to fly the flag 🏳️\u200d🌈 today ❤️") == []
    # a selector made optional goes with its '?': the knife itself stays needed
    assert _found(rule, "🔪\ufe0f you are next") == ["🔪\ufe0f you are next"]
    assert _found(rule, "you are next in the queue") == []
