"""UTF-16 offset maps (Qt and LanguageTool count UTF-16 code units)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.offsets import Utf16Map, utf16_len


def _utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii",
        "thumbs 👍🏽 up",
        "flags 🇬🇧🏴󠁧󠁢󠁳󠁣󠁴󠁿 here",
        "family 👨‍👩‍👧‍👦 done",
        "cafe\u0301 and 😀😀",
        "Arabic مرحبا بالعالم 🌍 and Hebrew שלום",
        "",
    ],
)
def test_utf16_map_round_trips(text):
    umap = Utf16Map(text)
    for i in range(len(text) + 1):
        u = umap.to_utf16(i)
        assert u == _utf16_offset(text, i)
        assert umap.from_utf16(u) == i
    assert utf16_len(text) == _utf16_offset(text, len(text))


def test_offset_inside_a_surrogate_pair_maps_to_the_character_start():
    text = "a😀b"
    umap = Utf16Map(text)
    assert [umap.from_utf16(u) for u in range(5)] == [0, 1, 1, 2, 3]
    assert not umap.is_identity
    assert Utf16Map("no astral é").is_identity


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=50))
def test_utf16_map_matches_encoding(text):
    umap = Utf16Map(text)
    for i in range(len(text) + 1):
        assert umap.to_utf16(i) == _utf16_offset(text, i)
        assert umap.from_utf16(umap.to_utf16(i)) == i
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2
