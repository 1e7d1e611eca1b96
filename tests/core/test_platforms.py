"""Length per network: the shipped platforms.yml, each counting method, overflow, bad data."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.findings import PlatformFit
from desktop_app.core.platforms import Platform, PlatformDataError, fit_all, measure, parse_platforms
from desktop_app.policy import load_policy

THUMB_MEDIUM = "👍🏽"  # thumbs up + skin tone: one grapheme, two code points
FLAG_UK = "🇬🇧"  # two regional indicators
FLAG_SCOTLAND = "🏴󠁧󠁢󠁳󠁣󠁴󠁿"  # black flag + tag characters: seven code points
FAMILY = "👨‍👩‍👧‍👦"  # ZWJ sequence: seven code points
E_ACUTE_COMBINING = "e\u0301"
LONG_URL = "https://example.org/news/2026/our-plan-for-the-high-street?utm_source=x"


@pytest.fixture(scope="module")
def shipped():
    return {p.name: p for p in load_policy(include_user_overlay=False).platforms}


def test_shipped_networks_and_limits(shipped):
    assert {name: p.limit for name, p in shipped.items()} == {
        "X": 280,
        "Bluesky": 300,
        "Threads": 500,
        "Mastodon": 500,
        "Instagram": 2200,
        "LinkedIn": 3000,
        "Facebook": 63206,
    }
    assert shipped["X"] == Platform("X", 280, "twitter", 23)
    assert shipped["Mastodon"].url_length == 23
    assert shipped["Bluesky"].url_length is None


def length(text, platform):
    return measure(text, platform).length


@pytest.mark.parametrize(
    "text, x, bluesky, mastodon",
    [
        ("Hello, world!", 13, 13, 13),
        (THUMB_MEDIUM, 2, 1, 1),
        (FLAG_UK + FLAG_SCOTLAND, 4, 2, 2),
        (FAMILY + " ok", 5, 4, 4),
        ("❤️ 1️⃣", 5, 3, 3),
        (E_ACUTE_COMBINING, 1, 1, 1),  # NFC composes it; one grapheme either way
        ("q\u0303", 2, 1, 1),  # no precomposed form: twitter-text counts two code points
        ("日本語", 6, 3, 3),  # CJK weighs 2 on X
        ("“Quote” – dash…", 16, 15, 15),  # quotes and dashes weigh 1 on X, the ellipsis (U+2026) 2
        ("שלום مرحبا", 10, 10, 10),  # Hebrew and Arabic sit in X's light range
        ("a\r\nb", 4, 3, 3),  # X counts code points; CR LF is one grapheme
        ("\u0301ab", 3, 3, 3),  # a combining mark with nothing before it stands alone
    ],
)
def test_counting_per_network(shipped, text, x, bluesky, mastodon):
    assert length(text, shipped["X"]) == x
    assert length(text, shipped["Bluesky"]) == bluesky
    for name in ("Threads", "Instagram", "LinkedIn", "Facebook"):
        assert length(text, shipped[name]) == bluesky
    assert length(text, shipped["Mastodon"]) == mastodon


def test_urls_count_23_on_x_and_mastodon_but_in_full_on_bluesky(shipped):
    text = f"Read it: {LONG_URL}"
    assert length(text, shipped["X"]) == 9 + 23
    assert length(text, shipped["Mastodon"]) == 9 + 23
    assert length(text, shipped["Bluesky"]) == len(text)
    short = "See https://x.co now"
    assert length(short, shipped["X"]) == 4 + 23 + 4  # shorter links still count 23
    assert length("See https://a.io/x. Then", shipped["X"]) == 4 + 23 + 6  # the full stop is not the link's


def test_bare_domains_are_links_on_x_only(shipped):
    text = "Visit bbc.co.uk/news today"
    assert length(text, shipped["X"]) == 6 + 23 + 6
    assert length(text, shipped["Mastodon"]) == len(text)


def test_mastodon_counts_remote_mentions_as_local(shipped):
    text = "Thanks @jo@mastodon.social and @sam"
    assert length(text, shipped["Mastodon"]) == len("Thanks @jo and @sam")
    assert length(text, shipped["X"]) == len(text)
    assert length(text, shipped["Bluesky"]) == len(text)


def test_overflow_start_is_the_first_character_past_the_limit(shipped):
    text = "a" * 279 + "bcd"
    fit = measure(text, shipped["X"])
    assert isinstance(fit, PlatformFit)
    assert (fit.length, fit.over, fit.overflow_start) == (282, True, 280)
    assert measure("a" * 280, shipped["X"]).overflow_start is None
    assert not measure("a" * 280, shipped["X"]).over


def test_overflow_lands_on_a_whole_emoji_or_link(shipped):
    x = shipped["X"]
    text = "a" * 279 + THUMB_MEDIUM + "z"  # the emoji would make 281
    assert measure(text, x).overflow_start == 279
    text = "a" * 270 + " " + LONG_URL
    assert measure(text, x).overflow_start == 271  # the link starts past the limit
    text = "a" * 299 + FAMILY + "b"
    fit = measure(text, shipped["Bluesky"])
    assert (fit.length, fit.overflow_start) == (301, 299 + len(FAMILY))


def test_overflow_deep_in_text_with_many_emoji(shipped):
    block = "a" * 10 + THUMB_MEDIUM  # 11 graphemes, 12 code points; X weighs it 12
    text = block * 40
    bluesky = measure(text, shipped["Bluesky"])
    assert (bluesky.length, bluesky.overflow_start) == (440, 27 * 12 + 3)  # 27 blocks = 297, then "aaa"
    x = measure(text, shipped["X"])
    assert (x.length, x.overflow_start) == (480, 23 * 12 + 4)  # 23 blocks = 276, then "aaaa"
    hindi = "नमस्ते दुनिया " * 40  # combining vowel signs and viramas in every word
    fit = measure(hindi, shipped["Bluesky"])
    assert fit.length == _graphemes_by_hand(hindi)
    assert _graphemes_by_hand(hindi[: fit.overflow_start]) == 300


def test_overflow_inside_non_ascii_text(shipped):
    text = "日" * 141  # 282 on X
    fit = measure(text, shipped["X"])
    assert (fit.length, fit.overflow_start) == (282, 140)


def test_no_limit_never_overflows():
    open_ended = Platform("Blog", None, "graphemes", None)
    fit = measure("x" * 100_000, open_ended)
    assert (fit.length, fit.over, fit.overflow_start) == (100_000, False, None)


def test_fit_all_keeps_file_order_and_filters_by_name(shipped):
    platforms = list(shipped.values())
    fits = fit_all("Hello", platforms)
    assert [f.name for f in fits] == list(shipped)
    chosen = fit_all("Hello", platforms, only=["bluesky", "X", "Nowhere"])
    assert [f.name for f in chosen] == ["X", "Bluesky"]
    assert fit_all("Hello", platforms, only=[]) == []


def _graphemes_by_hand(text):
    import regex

    return len(regex.findall(r"\X", text))


_SIMPLE = ["a", "b", " ", "\n", "\r\n", "1", "é", "日", "—", "…", "한", "❤", "👍"]
_JOINING = [E_ACUTE_COMBINING, THUMB_MEDIUM, FLAG_UK, FLAG_SCOTLAND, FAMILY, "क्ष"]
# Lone pieces that join their neighbours: CR, combining acute, ZWJ, skin tone, half a flag,
# virama, Arabic number sign (prepend), Hangul jamo L/V/T, VS16.
_LONE = ["\r", "\u0301", "\u200d", "\U0001f3fd", "\U0001f1ec", "\u094d", "\u0600"]
_LONE += ["\u1100", "\u1161", "\u11a8", "\ufe0f"]
_PIECES = st.sampled_from(_SIMPLE + _JOINING + _LONE)


def _twitter_by_hand(text):
    """twitter-text's weighting, cluster by cluster over the whole text."""
    import unicodedata

    import regex

    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    emoji = regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u20e3]")
    total = 0
    for cluster in regex.findall(r"\X", text):
        if emoji.search(cluster):
            total += 2
            continue
        for ch in unicodedata.normalize("NFC", cluster):
            total += 1 if any(a <= ord(ch) <= b for a, b in light) else 2
    return total


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_twitter_weight_matches_a_cluster_by_cluster_count(text):
    assert measure(text, Platform("X", None, "twitter", None)).length == _twitter_by_hand(text)


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join), st.integers(1, 120))
def test_grapheme_count_and_overflow_agree(text, limit):
    platform = Platform("Test", limit, "graphemes", None)
    fit = measure(text, platform)
    assert fit.length == _graphemes_by_hand(text)
    if fit.length > limit:
        assert fit.overflow_start is not None
        assert _graphemes_by_hand(text[: fit.overflow_start]) == limit
    else:
        assert fit.overflow_start is None


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join), st.integers(1, 160))
def test_twitter_overflow_prefix_fits(text, limit):
    platform = Platform("X", limit, "twitter", 23)
    fit = measure(text, platform)
    if fit.length <= limit:
        assert fit.overflow_start is None
        return
    import regex

    # Everything before the overflow fits; adding the next whole character does not.
    unit_end = regex.compile(r"\X").match(text, fit.overflow_start).end()
    assert measure(text[: fit.overflow_start], platform).length <= limit
    assert measure(text[:unit_end], platform).length > limit


# ------------------------------------------------------------------------------ bad data


@pytest.mark.parametrize(
    "body, key, says",
    [
        ("platforms:\n  - name: X\n    limit: -3\n    counting: twitter\n", "[0].limit", "positive"),
        ("platforms:\n  - name: X\n    limit: lots\n", "[0].limit", "whole number"),
        ("platforms:\n  - name: X\n    limit: 280\n    counting: letters\n", "[0].counting", "letters"),
        ("platforms:\n  - name: X\n    limit: 280\n    url_length: true\n", "[0].url_length", "True"),
        ("platforms:\n  - name: X\n    limt: 280\n", "[0].limt", "unknown key"),
        ("platforms:\n  - limit: 280\n", "[0].name", "name"),
        ("platforms:\n  - name: X\n  - name: x\n", "[1].name", "twice"),
        ("platforms:\n  - just a string\n", "[0]", "mapping"),
        ("networks: []\n", "", "platforms"),
    ],
)
def test_bad_data_gives_a_clear_error_naming_the_key(body, key, says):
    with pytest.raises(PlatformDataError) as caught:
        parse_platforms(yaml.safe_load(body))
    assert caught.value.key == f"platforms{key}"
    assert says in str(caught.value)


def test_defaults_for_optional_keys():
    assert parse_platforms({"platforms": [{"name": "Forum"}]}) == [Platform("Forum", None, "graphemes", None)]


_WITH_LINKS = st.lists(
    st.one_of(_PIECES, st.just(" https://example.org/a-b "), st.just("\u0301https://x.co/z ")), max_size=60
).map("".join)


@settings(max_examples=80, deadline=None)
@given(_WITH_LINKS)
def test_links_cut_the_text_without_upsetting_the_count(text):
    import regex

    links = list(regex.finditer(r"https://\S+", text))
    placeholder = text
    for m in reversed(links):
        placeholder = placeholder[: m.start()] + "x" * 23 + placeholder[m.end() :]
    assert measure(text, Platform("X", None, "twitter", 23)).length == _twitter_by_hand(placeholder)
    grapheme_links = Platform("G", None, "graphemes", 23)
    assert measure(text, grapheme_links).length == _graphemes_by_hand(placeholder)
