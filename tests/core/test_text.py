"""Sentences, words and paragraphs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.text import Span, paragraphs, sentences, shifted, word_count, word_texts, words


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


def test_span_is_frozen():
    span = Span(0, 1, "a")
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_text_gives_valid_spans(text):
    for finder in (paragraphs, sentences, words):
        previous_end = 0
        for span in finder(text):
            assert previous_end <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
            previous_end = span.end


# The pieces a post is made of where sentences, paragraphs and links meet: line and paragraph
# breaks of every kind, terminators, abbreviations, emoji, the letters that fold oddly.
_PIECES = st.sampled_from(
    [
        *"ab. !?…\n\r\u2029\u2028\x0b\x0c\x85 \t\u00a0\"')]”»🎉\u200d\ufe0f@#/wW1J",
        *["www.", ".co.uk", ".com", "e.g.", "Mr.", "No. 1", "etc. We", "U.K.", "\n\n", " \n \n"],
        *["3.5", "1. ", "...", "İ", "ı", "👍🏽", "WWW."],
    ]
)
_PIECED = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PIECED)
def test_a_texts_sentences_are_its_paragraphs_sentences(text):
    # the engine keeps sentences per paragraph and gives the reading age the text's from them
    from_paragraphs = [s for p in paragraphs(text) for s in shifted(sentences(p.text), p.start)]
    assert from_paragraphs == sentences(text)


@settings(max_examples=400, deadline=None)
@given(_PIECED, st.integers(0, 80), st.integers(0, 80))
def test_the_quick_look_for_links_and_handles_answers_as_the_pattern_does(text, start, end):
    from desktop_app.core.text import _SPECIAL_HINT, _may_hold_special

    assert _may_hold_special(text, start, end) == (_SPECIAL_HINT.search(text, start, end) is not None)


@pytest.mark.parametrize("text", ["see wWw.example", "WWW.", "a www b", "awwwb", "ww.w", "İwww.", "w ww."])
def test_the_quick_look_finds_www_in_any_case_and_only_with_its_dot(text):
    from desktop_app.core.text import _SPECIAL_HINT, _may_hold_special

    assert _may_hold_special(text, 0, len(text)) == (_SPECIAL_HINT.search(text) is not None)


_ASCII_WORDY = st.lists(
    st.one_of(
        st.sampled_from([*"aZ09_'-.,: \t\n\x1c\x1f\x7f", "3.5", "1,000", "7:30", "don't", "well-being"]),
        st.characters(max_codepoint=127),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_ASCII_WORDY, st.integers(0, 70), st.integers(0, 70))
def test_ascii_text_reads_the_same_words_with_the_ascii_pattern(text, start, end):
    from desktop_app.core.text import _PLAIN_ASCII, _PLAIN_WORDS

    assert _PLAIN_ASCII.findall(text, start, end) == _PLAIN_WORDS.findall(text, start, end)


def test_shifted_moves_spans_and_keeps_their_text():
    spans = sentences("One. Two.")
    assert shifted(spans, 0) is spans
    assert shifted(spans, 10) == [Span(10, 14, "One."), Span(15, 19, "Two.")]


_WORDY_PIECES = [
    *["a-.com", "-.", "x@y.org", "#tag", "@jo", "www.x.org", "bbc.co.uk/news", "https://a.b/c?d=1."],
    *["3.5", "don't", "well-being", "1️⃣", "e\u0301", "Hi. ", "x.com", "a-b.co.uk"],
]
_WORDY = st.lists(st.one_of(_PIECES, st.sampled_from(_WORDY_PIECES)), max_size=40).map("".join)
# Whole sentences, some with a link or handle and some without, one with "a-.com" (a domain
# to the full pattern that the quick look for links does not see).
_SENTENCES = st.lists(
    st.tuples(
        st.sampled_from(
            ["Ask a-.com now", "Thanks @jo", "See bbc.co.uk", "Plain words here", "Go-.org", "Hi"]
        ),
        st.sampled_from([". ", "! ", "\n", " 🎉 ", "... ", "."]),
    ),
    min_size=1,
    max_size=5,
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_WORDY, _SENTENCES))
def test_words_read_by_sentence_are_each_sentences_words_and_the_texts(text):
    from desktop_app.core.text import sentence_word_texts

    spans = sentences(text)
    per_sentence, whole = sentence_word_texts(text, spans)
    assert per_sentence == [word_texts(s.text) for s in spans]
    assert whole == word_texts(text)
