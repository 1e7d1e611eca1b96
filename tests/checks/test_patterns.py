"""byte_spans: RE2 called directly gives exactly the spans of the wrapper's finditer."""

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.checks.patterns import OPTIONS, byte_spans

# Patterns that match nothing, the empty string (where the search must step on by a byte,
# even inside a character), words, and non-ASCII.
_PATTERNS = [r"idiot", r"(?i)we will", r"a*", r"\b", r"x|", r"é+", r"\w+", r"(?:)", r"[^a]", r"👍🏽?", r"$"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), st.text(alphabet="aé x👍🏽\nidot", max_size=30))
def test_byte_spans_are_the_wrappers_spans(pattern, text):
    compiled = re2.compile(pattern, OPTIONS)
    data = text.encode("utf-8")
    assert byte_spans(compiled, data) == [m.span() for m in compiled.finditer(data)]


def test_a_pattern_without_re2s_inside_uses_finditer():
    class Plain:  # what any compiled pattern offers
        def finditer(self, data):
            return re2.compile("b", OPTIONS).finditer(data)

    assert byte_spans(Plain(), b"abcb") == [(1, 2), (3, 4)]


# Groups that take part or not, nest, match empty, or end together; and empty whole matches.
_GROUPED = [
    r"(a)|(b)",
    r"((a)b)?c",
    r"(x*)",
    r"(?:^|\s)([A-Z]{2,})\b",
    r"(é)(\w)?",
    r"((\w)(\w))",
    r"()",
    r"(a)?(b)?",
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_GROUPED), st.text(alphabet="abcé xAB👍\n", max_size=20))
def test_group_spans_are_the_wrappers_match_spans_in_characters(pattern, text):
    from desktop_app.checks.base import TextContext

    compiled = re2.compile(pattern, OPTIONS)
    expected = [[m.span(i) for i in range(compiled.groups + 1)] for m in compiled.finditer(text)]
    assert TextContext(text).group_spans(compiled, text) == expected


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_GROUPED), st.text(alphabet="abcé xAB👍\n", max_size=20))
def test_conditional_keys_from_spans_are_the_keys_from_match_objects(pattern, text):
    from desktop_app.checks.base import TextContext
    from desktop_app.checks.conditional import ConditionalRule, _keyed

    compiled = re2.compile(pattern, OPTIONS)
    by_match = [(m.start(), *ConditionalRule._key(m)) for m in compiled.finditer(text)]
    assert _keyed(compiled, TextContext(text)) == by_match


def test_a_long_list_compiles_in_pieces_and_finds_what_one_pattern_finds():
    """RE2 holds the GIL while it compiles: CodedHate's 30,000-character alternation stalled
    the window for 30 ms. A list longer than CHUNK_CHARS is compiled as pieces no bigger than
    that (the window draws between them) and finds the same words as one pattern would."""
    from desktop_app.checks.base import TextContext
    from desktop_app.checks.patterns import CHUNK_CHARS, ChunkedPattern, compile_words, word_alternation

    tokens = [f"w{n:04d}x(?:[^\\n]{{0,40}}\\bgone)?" for n in range(600)]
    assert len(word_alternation(tokens)) > 3 * CHUNK_CHARS
    compiled = compile_words(tokens, "tokens", ignorecase=True)
    assert type(compiled) is ChunkedPattern
    assert all(len(part.pattern) <= CHUNK_CHARS + 200 for part in compiled.parts)
    assert compiled.pattern == "(?i)" + word_alternation(tokens)  # what the prefilter reads
    text = "W0001X then w0599x went and w0300x is gone, w0250xy is not a word"
    one = re2.compile("(?i)" + word_alternation(tokens), OPTIONS)
    assert TextContext(text).spans(compiled, text) == [m.span() for m in one.finditer(text)]


def test_a_long_lists_prefilter_probe_is_its_pieces():
    """The prefilter's RE2 set also compiles holding the GIL: CodedHate's 37,000 characters as
    one probe held it for 36 ms as the engine warmed up. A rule compiled in pieces is probed by
    its pieces, and a word only the last piece holds still picks the rule."""
    from pathlib import Path

    from desktop_app.checks.base import Prefilter, RuleSpec, TextContext
    from desktop_app.checks.existence import ExistenceRule
    from desktop_app.checks.patterns import CHUNK_CHARS

    tokens = [f"w{n:04d}x(?:[^\\n]{{0,40}}\\bgone)?" for n in range(600)]
    spec = RuleSpec(
        "t.Long", Path("Long.yml"), {"extends": "existence", "tokens": tokens, "ignorecase": True}
    )
    rule = ExistenceRule(spec)
    pieces, _normalised = rule.probe()
    assert isinstance(pieces, list) and len(pieces) > 3
    assert all(len(piece) <= CHUNK_CHARS + 200 for piece in pieces)
    prefilter = Prefilter([rule])
    assert prefilter._always == []
    assert prefilter.candidates(TextContext("and then w0599x went")) == [rule]
    assert prefilter.candidates(TextContext("W0001X too")) == [rule]
    assert prefilter.candidates(TextContext("nothing to see here")) == []


def test_no_probe_in_the_shipped_pack_is_larger_than_one_prefilter_set():
    """Session 25: CodedHate grew past eight pieces' worth (66,000 characters) and was
    compiled, and probed, whole. RE2's automaton for that probe no longer fitted its memory
    and was rebuilt on every text: the prefilter pass for that one rule took 0.3 ms a reply,
    six times the whole prefilter's time before, and the `replies` command went over its
    10-second target. Every list is probed in pieces that fit one prefilter set."""
    from desktop_app.checks.base import _SET_BUDGET
    from tests.checks.conftest import shipped_pack

    too_large = []
    for rule in shipped_pack().rules:
        probe = rule.probe()
        if probe is None or probe[0] is None:
            continue
        pieces = probe[0] if isinstance(probe[0], list) else [probe[0]]
        too_large += [(rule.id, len(piece)) for piece in pieces if len(piece) > _SET_BUDGET]
    assert too_large == []


def test_a_long_list_with_a_look_ahead_at_an_entrys_end_loads_and_finds():
    """Session 22: one entry of CodedHate's long list ending in a look-ahead ('names like
    (?!mine\\b)') made one of its pieces a guarded pattern, whose probe is None; the prefilter
    crashed building its sets, and with it every check. The piece is probed by its core (the
    guard only narrows what the core matches), the rule is still picked by its pieces, and the
    guard still holds."""
    from pathlib import Path

    from desktop_app.checks.base import Prefilter, RuleSpec, TextContext
    from desktop_app.checks.existence import ExistenceRule

    tokens = [f"w{n:04d}x(?:[^\\n]{{0,40}}\\bgone)?" for n in range(600)]
    tokens.append(r"names like (?!mine\b)")
    spec = RuleSpec(
        "t.Long", Path("Long.yml"), {"extends": "existence", "tokens": tokens, "ignorecase": True}
    )
    rule = ExistenceRule(spec)
    pieces, _normalised = rule.probe()
    assert isinstance(pieces, list) and all(isinstance(piece, str) for piece in pieces)
    prefilter = Prefilter([rule])
    assert prefilter._always == []
    assert prefilter.candidates(TextContext("people with names like Nowak")) == [rule]
    assert prefilter.candidates(TextContext("nothing to see here")) == []
    text = "people with names like Nowak; people with names like mine"
    assert [text[s:e] for s, e in TextContext(text).spans(rule.regex, text)] == ["names like "]
