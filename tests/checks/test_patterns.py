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
