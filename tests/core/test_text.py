"""Sentences, words, paragraphs, normalisation for matching and UTF-16 offset maps."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text import (
    Normalised,
    Span,
    Utf16Map,
    normalise_for_matching,
    paragraphs,
    sentences,
    utf16_len,
    word_count,
    word_texts,
    words,
)


def texts(spans):
    return [s.text for s in spans]


# --------------------------------------------------------------------------- paragraphs


def test_paragraphs_split_on_blank_lines_and_exclude_them():
    text = "First line\nsecond line\n\n  \n Second para \n\n\nThird"
    paras = paragraphs(text)
    assert texts(paras) == ["First line\nsecond line", "Second para", "Third"]
    for p in paras:
        assert text[p.start : p.end] == p.text


def test_paragraphs_handle_crlf_and_empty_text():
    assert texts(paragraphs("One\r\n\r\nTwo\r\n")) == ["One", "Two"]
    assert paragraphs("") == []
    assert paragraphs("\n\n  \n") == []


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr Smith spoke. Then Mrs Jones.", ["Mr Smith spoke.", "Then Mrs Jones."]),
        (
            "Mr. Smith and Dr. Patel met Cllr. Jones. Good.",
            ["Mr. Smith and Dr. Patel met Cllr. Jones.", "Good."],
        ),
        ("We met at St. Albans. It rained.", ["We met at St. Albans.", "It rained."]),
        ("Costs rose 3.5% to £1.2bn. Not good.", ["Costs rose 3.5% to £1.2bn.", "Not good."]),
        ("Doors open at 7.30pm. Come along!", ["Doors open at 7.30pm.", "Come along!"]),
        ("Fruit, e.g. apples, i.e. good food. Yes.", ["Fruit, e.g. apples, i.e. good food.", "Yes."]),
        (
            "Apples, pears etc. and more. Then etc. We stop.",
            ["Apples, pears etc. and more.", "Then etc.", "We stop."],
        ),
        ("No. 10 said no. Then left.", ["No. 10 said no.", "Then left."]),
        ("It costs approx. 300 pounds. Fine.", ["It costs approx. 300 pounds.", "Fine."]),
        ("Read https://example.com/a.b?c=1. Then act.", ["Read https://example.com/a.b?c=1.", "Then act."]),
        ("Thanks @jo.smith for #GE2026! See you.", ["Thanks @jo.smith for #GE2026!", "See you."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ('She said "We will." Then left.', ['She said "We will."', "Then left."]),
        ("He said ‘enough.’ And went.", ["He said ‘enough.’", "And went."]),
        ("Wait... what? Wait… What?", ["Wait... what?", "Wait…", "What?"]),
        ("Great news! 🎉 Join us.", ["Great news! 🎉", "Join us."]),
        ("Great!🎉 Join us.", ["Great!🎉", "Join us."]),
        (
            "Pledges:\n1. Cut waiting lists.\n2. Fund buses",
            ["Pledges:", "1. Cut waiting lists.", "2. Fund buses"],
        ),
        ("  a. Rural routes. More soon.", ["a. Rural routes.", "More soon."]),
        ("Step 3. Then go.", ["Step 3.", "Then go."]),
        ("Line one\nLine two\n- item three", ["Line one", "Line two", "- item three"]),
        ("J. K. Rowling wrote it. Fine.", ["J. K. Rowling wrote it.", "Fine."]),
        ("We left the U.K. The end.", ["We left the U.K.", "The end."]),
        ("  padded sentence.   ", ["padded sentence."]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    found = sentences(text)
    assert texts(found) == expected
    for s in found:
        assert text[s.start : s.end] == s.text


def test_sentences_inside_a_range_use_whole_text_offsets():
    text = "Skip this. Keep this one. And this. Skip."
    start = text.index("Keep")
    end = text.index("Skip.")
    found = sentences(text, start, end)
    assert texts(found) == ["Keep this one.", "And this."]
    assert found[0].start == start


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\t…'\"😀é3"), max_size=60))
def test_sentences_are_ordered_disjoint_and_stripped(text):
    previous_end = 0
    for s in sentences(text):
        assert previous_end <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end] == s.text.strip()
        assert "\n" not in s.text
        previous_end = s.end


# --------------------------------------------------------------------------- words


def test_words_keep_apostrophes_hyphens_and_numbers_whole():
    text = "Don't forget Hart’s well-being plan: 3.5% of £1.2bn by 7.30pm, 1,000 people."
    assert texts(words(text)) == [
        "Don't", "forget", "Hart’s", "well-being", "plan", "3.5", "of", "1.2bn", "by", "7.30pm",
        "1,000", "people",
    ]  # fmt: skip


def test_urls_handles_hashtags_are_single_tokens_and_emoji_are_not_words():
    text = "See https://bbc.co.uk/news/a-b. Thanks @jo_s and @amy@mastodon.social #GE2026 👍🏽 🇬🇧 1️⃣ jo@x.org"
    assert texts(words(text)) == [
        "See", "https://bbc.co.uk/news/a-b", "Thanks", "@jo_s", "and", "@amy@mastodon.social",
        "#GE2026", "jo@x.org",
    ]  # fmt: skip


def test_words_with_combining_marks_and_other_scripts():
    assert texts(words("cafe\u0301 naïve Привет שלום مرحبا")) == [
        "cafe\u0301",
        "naïve",
        "Привет",
        "שלום",
        "مرحبا",
    ]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1 .,'-@#/:é😀\u0301\n"), max_size=60))
def test_word_count_agrees_with_words(text):
    assert word_count(text) == len(words(text))
    assert word_texts(text) == [w.text for w in words(text)]
    for w in words(text):
        assert text[w.start : w.end] == w.text and w.text.strip() == w.text


def test_word_spans_are_ordinary_spans():
    built = words("one two")
    assert built == [Span(0, 3, "one"), Span(4, 7, "two")]
    assert hash(built[0]) == hash(Span(0, 3, "one"))
    with pytest.raises(AttributeError):
        built[0].start = 5  # type: ignore[misc]


def test_words_inside_a_range():
    text = "one two three four"
    assert [(w.start, w.text) for w in words(text, 4, 13)] == [(4, "two"), (8, "three")]


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1d10t", "idiot"),
        ("you sc@m artist", "you scam artist"),
        ("b1tch", "bitch"),
        ("sh!t", "shit"),
        ("$cum", "scum"),
        ("id10t!", "idiot!"),
        ("i d i o t", "idiot"),
        ("t.r.a.i.t.o.r", "traitor"),
        ("s-c-u-m", "scum"),
        ("1 d 1 0 t", "idiot"),
        ("іdіоt", "idiot"),  # Cyrillic і and о
        ("ΙDΙΟΤ", "IDIOT"),  # Greek capitals
        ("ｉｄｉｏｔ", "idiot"),  # fullwidth
        ("𝐢𝐝𝐢𝐨𝐭", "idiot"),  # mathematical bold
        ("ɪᴅɪᴏᴛ", "idiot"),  # small capitals
        ("i\u200bd\u200ci\u200do\u2060t\ufeff", "idiot"),
        ("id\u00adiot", "idiot"),
        ("ídíòt", "idiot"),
        ("i\u0301diot", "idiot"),
        ("don’t", "don't"),
        ("Idiot", "Idiot"),  # case is kept
        ("he is a c l o w n", "he is a clown"),  # the article stays a word of its own
        ("what a l i a r", "what a liar"),
        ("a r s e", "arse"),  # a word that starts with "a" is not an article
    ],
)
def test_normalise_undoes_evasion(raw, expected):
    assert normalise_for_matching(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "In 2024 we had 10 wins.",
        "@user1 said hello",
        "Meet at 3pm on the 1st, 10k people, M25, covid19, $5m, US$5bn.",
        "a I a",
        "Plan A B C",
        "I think x I a b",
        "email jo@b4.co.uk or visit b1t.ly/x1y2",
        "Hello! Great!",
        "Big news !!!Join us",
        "U.S.A",
        "हम अपने समुदाय के लिए काम कर रहे हैं।",  # Indic vowel signs are spelling, not accents
        "한국어 日本語 中文",
    ],
)
def test_normalise_leaves_ordinary_text_alone(raw):
    assert normalise_for_matching(raw).text == raw


def test_span_maps_back_to_what_was_typed():
    raw = "You are an і\u200bd1\u200bоt, honestly"
    norm = normalise_for_matching(raw)
    assert "idiot" in norm.text
    start = norm.text.index("idiot")
    o_start, o_end = norm.to_original(start, start + 5)
    assert raw[o_start:o_end] == "і\u200bd1\u200bоt"


def test_trailing_invisible_characters_are_not_highlighted_but_marks_are():
    raw = "idiot\u200b!"
    norm = normalise_for_matching(raw)
    assert norm.text == "idiot!"
    assert norm.to_original(0, 5) == (0, 5)
    raw = "idiote\u0301 x"
    norm = normalise_for_matching(raw)
    assert norm.text == "idiote x"
    assert norm.to_original(0, 6) == (0, 7)  # the accent stays with its letter


def test_spaced_letters_map_back_to_the_whole_run():
    raw = "what a t.r.a.i.t.o.r. today"
    norm = normalise_for_matching(raw)
    start = norm.text.index("traitor")
    o_start, o_end = norm.to_original(start, start + 7)
    assert raw[o_start:o_end] == "t.r.a.i.t.o.r"


def test_ascii_text_takes_the_identity_path():
    norm = normalise_for_matching("Plain English words about the local library.")
    assert isinstance(norm, Normalised)
    assert norm.is_identity
    assert norm.to_original(6, 13) == (6, 13)


def test_expansions_map_every_piece_to_the_same_original_character():
    raw = "ﬁne… ok"
    norm = normalise_for_matching(raw)
    assert norm.text == "fine... ok"
    assert norm.to_original(0, 2) == (0, 1)  # "fi" came from the ligature
    assert norm.to_original(4, 7) == (3, 4)  # "..." came from the ellipsis


_EVASIVE = st.sampled_from(
    [
        *"abcdeiot I0134@$!.-_ \n",
        *("\u200b", "\u200d", "\ufeff", "\u00ad", "\u0301", "\ufe0f", "і", "о"),
        *("ﬁ", "…", "😀", "👍🏽", "Ａ", "𝐢", "é", "ß"),
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_EVASIVE, max_size=40).map("".join), st.data())
def test_every_span_maps_inside_the_text(raw, data):
    norm = normalise_for_matching(raw)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = norm.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(raw)
    if start < end:
        assert o_start < o_end
        # Each normalised character lies inside the span its first..last sources cover.
        first, last = norm.to_original(start, start + 1), norm.to_original(end - 1, end)
        assert first[0] == o_start and last[1] == o_end
    whole = norm.to_original(0, n)
    assert whole[0] <= o_start and o_end <= whole[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(_EVASIVE, max_size=40).map("".join))
def test_mapping_is_monotonic(raw):
    norm = normalise_for_matching(raw)
    spans = [norm.to_original(i, i + 1) for i in range(len(norm.text))]
    for (a_start, a_end), (b_start, b_end) in itertools.pairwise(spans):
        assert a_start <= b_start and a_end <= b_end


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefgh XYZ,;:?'\"()\n"), max_size=60), st.data())
def test_unchanged_text_maps_by_identity(raw, data):
    norm = normalise_for_matching(raw)
    if norm.text != raw:
        # The one change this alphabet allows: single letters between spaces ("X X b")
        # joined as a word spelt out. Everything else maps position for position.
        assert re.search(r"(?<!\w)\w(?: \w)+(?!\w)", raw), (raw, norm.text)
        return
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    assert norm.to_original(start, end) == (start, end)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_unicode_text_normalises_with_a_valid_map(raw):
    norm = normalise_for_matching(raw)
    assert norm.to_original(0, len(norm.text))[1] <= len(raw)
    assert norm.to_original(0, 0)[0] >= 0


# --------------------------------------------------------------------------- UTF-16


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


def test_span_is_frozen():
    span = Span(0, 1, "a")
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]


def test_normalise_is_safe_from_several_threads():
    from concurrent.futures import ThreadPoolExecutor

    samples = [f"{chr(0x0400 + i)}d{chr(0x0300 + i % 100)}1\u200bot ｉ d i o t {i}" for i in range(300)]
    expected = [normalise_for_matching(s).text for s in samples]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda s: normalise_for_matching(s).text, samples))
    assert results == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_text_gives_valid_spans(text):
    for finder in (paragraphs, sentences, words):
        previous_end = 0
        for span in finder(text):
            assert previous_end <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
            previous_end = span.end
