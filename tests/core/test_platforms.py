"""Length per network: the shipped platforms.yml, each counting method, overflow, bad data."""

import pytest
import yaml
from hypothesis import example, given, settings
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
    assert shipped["X"] == Platform("X", 280, "twitter", 23, thread=True, alt_text_limit=1000)
    assert [name for name, p in shipped.items() if p.thread] == ["X", "Bluesky", "Threads", "Mastodon"]
    folded = {name: (p.fold_characters, p.fold_lines) for name, p in shipped.items() if p.fold_characters}
    assert set(folded) == {"Facebook", "LinkedIn", "Instagram"}
    assert shipped["Mastodon"].url_length == 23
    assert shipped["Bluesky"].url_length is None


def length(text, platform):
    return measure(text, platform).length


@pytest.mark.parametrize(
    "text, x, bluesky, mastodon, threads",
    [
        ("Hello, world!", 13, 13, 13, 13),
        (THUMB_MEDIUM, 2, 1, 1, 8),  # Threads: an emoji counts its UTF-8 bytes (4 + 4)
        (FLAG_UK + FLAG_SCOTLAND, 4, 2, 2, 8 + 28),  # two regional indicators; black flag + six tags
        (FAMILY + " ok", 5, 4, 4, 25 + 3),  # four people (4 bytes each), three ZWJs (3 each)
        ("❤️ 1️⃣", 5, 3, 3, 6 + 1 + 7),  # heart + VS16; space; digit + VS16 + keycap
        (E_ACUTE_COMBINING, 1, 1, 1, 1),  # NFC composes it; one grapheme either way
        ("q\u0303", 2, 1, 1, 1),  # no precomposed form: twitter-text counts two code points
        ("日本語", 6, 3, 3, 3),  # CJK weighs 2 on X
        ("“Quote” – dash…", 16, 15, 15, 15),  # quotes and dashes weigh 1 on X, the ellipsis (U+2026) 2
        ("שלום مرحبا", 10, 10, 10, 10),  # Hebrew and Arabic sit in X's light range
        ("a\r\nb", 4, 3, 3, 3),  # X counts code points; CR LF is one grapheme
        ("\u0301ab", 3, 3, 3, 3),  # a combining mark with nothing before it stands alone
        ("© ™", 4, 3, 3, 3),  # text-style symbols, not emoji: one character each on Threads
    ],
)
def test_counting_per_network(shipped, text, x, bluesky, mastodon, threads):
    assert length(text, shipped["X"]) == x
    assert length(text, shipped["Bluesky"]) == bluesky
    for name in ("Instagram", "LinkedIn", "Facebook"):
        assert length(text, shipped[name]) == bluesky
    assert length(text, shipped["Mastodon"]) == mastodon
    assert length(text, shipped["Threads"]) == threads


def test_urls_count_23_on_x_and_mastodon_shortened_on_bluesky_in_full_elsewhere(shipped):
    text = f"Read it: {LONG_URL}"
    assert length(text, shipped["X"]) == 9 + 23
    assert length(text, shipped["Mastodon"]) == 9 + 23
    assert length(text, shipped["Bluesky"]) == 9 + len("example.org/news/2026/ou...")
    assert length(text, shipped["Threads"]) == len(text)
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
    assert fit.length == _post_graphemes_by_hand(hindi)
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
    """Every grapheme, trailing whitespace included (for prefixes of a post)."""
    import regex

    return len(regex.findall(r"\X", text))


def _post_graphemes_by_hand(text):
    """A whole post's graphemes: whitespace at its end is not part of it."""
    return _graphemes_by_hand(text.rstrip())


_SIMPLE = ["a", "b", " ", "\n", "\r\n", "1", "é", "日", "—", "…", "한", "❤", "👍"]
_JOINING = [E_ACUTE_COMBINING, THUMB_MEDIUM, FLAG_UK, FLAG_SCOTLAND, FAMILY, "क्ष"]
# Lone pieces that join their neighbours: CR, combining acute, ZWJ, skin tone, half a flag,
# virama, Arabic number sign (prepend), Hangul jamo L/V/T, VS16.
_LONE = ["\r", "\u0301", "\u200d", "\U0001f3fd", "\U0001f1ec", "\u094d", "\u0600"]
_LONE += ["\u1100", "\u1161", "\u11a8", "\ufe0f"]
_PIECES = st.sampled_from(_SIMPLE + _JOINING + _LONE)


def _twitter_by_hand(text):
    """twitter-text's weighting, cluster by cluster over the whole post."""
    import unicodedata

    import regex

    light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
    emoji = regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u20e3]")
    total = 0
    for cluster in regex.findall(r"\X", text.rstrip()):
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
    assert fit.length == _post_graphemes_by_hand(text)
    if fit.length > limit:
        assert fit.overflow_start is not None
        assert _graphemes_by_hand(text[: fit.overflow_start]) == limit
    else:
        assert fit.overflow_start is None


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join), st.integers(1, 160))
@example("\u0600 a", 1)  # a prepended mark joins the space after it into one character
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
    if text[unit_end - 1].isspace():
        # A character ending in whitespace counts in full only once something follows it,
        # and something does.
        assert text[unit_end:].strip()
    else:
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


def test_publishing_keys_are_read_and_checked():
    data = {"platforms": [{"name": "Forum", "thread": True, "alt_text_limit": 500, "fold_characters": 90,
                           "fold_lines": 2}]}  # fmt: skip
    assert parse_platforms(data) == [Platform("Forum", None, "graphemes", None, None, True, 500, 90, 2)]
    with pytest.raises(PlatformDataError, match="true or false"):
        parse_platforms({"platforms": [{"name": "Forum", "thread": "yes"}]})
    with pytest.raises(PlatformDataError) as caught:
        parse_platforms({"platforms": [{"name": "Forum", "fold_lines": 0}]})
    assert caught.value.key == "platforms[0].fold_lines"


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
    assert measure(text, grapheme_links).length == _post_graphemes_by_hand(placeholder)


# ------------------------------------------------------------------ counting as the networks count


@pytest.mark.parametrize(
    "domain",
    [
        "gov.scot",
        "gov.wales",
        "visit.london",
        "www.bundestag.de",  # a country ending with more than one label before it
        "bundestag.de/parlament",  # ... or with a path
        "example.ai/blog",
        "www.example.ai",
    ],
)
def test_x_counts_bare_domains_with_any_twitter_text_ending_as_links(shipped, domain):
    assert length(f"Read {domain} today", shipped["X"]) == 5 + 23 + 6


@pytest.mark.parametrize("text", ["a" * 280 + "\n", "a" * 280 + "\r\n", "a" * 280 + " \n\n\t"])
def test_whitespace_at_the_end_is_not_part_of_the_post(shipped, text):
    for platform in shipped.values():
        fit = measure(text, platform)
        assert fit.length == measure("a" * 280, platform).length
    x = measure(text, shipped["X"])
    assert (x.length, x.over, x.overflow_start) == (280, False, None)


def test_threads_counts_an_emoji_by_its_bytes_and_overflows_before_it(shipped):
    threads = shipped["Threads"]
    assert length("Well done 🎉", threads) == 10 + 4
    fit = measure("a" * 497 + "🎉", threads)  # 497 + 4 = 501
    assert (fit.length, fit.over, fit.overflow_start) == (501, True, 497)
    assert not measure("a" * 496 + "🎉", threads).over


def test_bluesky_counts_links_as_the_app_shortens_them(shipped):
    bluesky = shipped["Bluesky"]
    url = "https://www.bbc.co.uk/news/uk-politics-12345678"
    assert length(f"Read {url} now.", bluesky) == len("Read www.bbc.co.uk/news/uk-poli... now.")
    # 290 characters then the link: its short form (example.org, 11) passes 300 at the link
    text = "a" * 289 + " https://example.org/plan"
    fit = measure(text, bluesky)
    assert (fit.length, fit.overflow_start) == (290 + len("example.org/plan"), 290)


def test_bluesky_caps_bytes_as_well_as_graphemes(shipped):
    bluesky = shipped["Bluesky"]
    fit = measure(FAMILY * 120, bluesky)  # 120 graphemes, 25 bytes each: exactly 3,000
    assert (fit.length, fit.byte_length, fit.byte_limit, fit.over) == (120, 3000, 3000, False)
    fit = measure(FAMILY * 121, bluesky)
    assert (fit.length, fit.byte_length, fit.over, fit.over_bytes) == (121, 3025, True, True)
    assert fit.overflow_start == 120 * len(FAMILY)
    assert measure(FAMILY * 121, shipped["X"]).byte_length is None  # X has no byte cap


def test_the_byte_cap_counts_links_in_their_short_form(shipped):
    link = " https://example.org/" + "p" * 400  # posted as example.org/ppppppppppppp... (27 bytes)
    text = "é" * 200 + link * 3
    fit = measure(text, shipped["Bluesky"])
    assert fit.byte_length == 400 + 3 * (1 + 27)
    assert not fit.over_bytes


def test_max_bytes_and_the_new_countings_load():
    body = (
        "platforms:\n  - name: Sky\n    limit: 300\n    counting: bluesky\n    max_bytes: 3000\n"
        "  - name: Meta\n    limit: 500\n    counting: threads\n"
    )
    assert parse_platforms(yaml.safe_load(body)) == [
        Platform("Sky", 300, "bluesky", None, 3000),
        Platform("Meta", 500, "threads", None),
    ]


@pytest.mark.parametrize(
    "body, names",
    [
        ("platforms:\n  - name: Sky\n    counting: bluesky\n    url_length: 23\n", "url_length"),
        ("platforms:\n  - name: Sky\n    max_bytes: 0\n", "max_bytes"),
    ],
)
def test_bad_byte_and_link_settings_are_clear_errors(body, names):
    with pytest.raises(PlatformDataError, match=names):
        parse_platforms(yaml.safe_load(body))


def _threads_by_hand(text):
    import regex

    emoji = regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\p{Emoji_Modifier}\ufe0f\u20e3]")
    return sum(len(c.encode()) if emoji.search(c) else 1 for c in regex.findall(r"\X", text))


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join), st.integers(1, 160))
def test_threads_count_and_overflow_agree(text, limit):
    platform = Platform("Threads", limit, "threads", None)
    fit = measure(text, platform)
    assert fit.length == _threads_by_hand(text.rstrip())
    if fit.length <= limit:
        assert fit.overflow_start is None
        return
    import regex

    unit_end = regex.compile(r"\X").match(text, fit.overflow_start).end()
    assert _threads_by_hand(text[: fit.overflow_start]) <= limit
    assert _threads_by_hand(text[:unit_end]) > limit


_BLUESKY_TEXT = st.lists(
    st.one_of(
        _PIECES, st.just(" https://example.org/our-plan-for-the-high-street "), st.just("(https://a.io/x).")
    ),
    max_size=60,
).map("".join)


@settings(max_examples=80, deadline=None)
@given(_BLUESKY_TEXT, st.integers(1, 120), st.integers(8, 400))
def test_bluesky_overflow_is_where_graphemes_or_bytes_run_out(text, limit, max_bytes):
    platform = Platform("Bluesky", limit, "bluesky", None, max_bytes)
    fit = measure(text, platform)
    if not fit.over:
        assert fit.overflow_start is None
        return
    start = fit.overflow_start
    assert start is not None
    before = measure(text[:start], Platform("Bluesky", None, "bluesky", None, None))
    # Everything before the overflow fits both ways (links before it are whole).
    assert before.length <= limit
    assert len(text[:start].rstrip().encode()) <= max_bytes or before.length < fit.length
    assert measure(text[:start], platform).over is False


def test_over_by_says_how_far_and_in_what():
    assert PlatformFit("X", 280, 292).over_by() == (12, "characters")
    assert PlatformFit("Bluesky", 300, 134, 0, byte_length=3014, byte_limit=3000).over_by() == (14, "bytes")
    assert PlatformFit("Bluesky", 300, 320, 0, byte_length=3014, byte_limit=3000).over_by() == (
        20,
        "characters",
    )
    assert PlatformFit("X", 280, 100).over_by() == (0, "characters")


_EVERY_COUNTING = st.builds(
    Platform,
    name=st.just("Any"),
    limit=st.integers(1, 120),
    counting=st.sampled_from(["graphemes", "twitter", "mastodon", "bluesky", "threads"]),
    url_length=st.just(None),
    max_bytes=st.one_of(st.none(), st.integers(4, 300)),
).map(lambda p: p if p.counting == "bluesky" else Platform(p.name, p.limit, p.counting, 23, p.max_bytes))
_MIXED = st.lists(
    st.one_of(
        _PIECES,
        st.just(" gov.scot "),
        st.just(" @jo@mastodon.social "),
        st.just(" https://example.org/our-plan-for-the-high-street "),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_MIXED, _EVERY_COUNTING)
def test_overflow_start_is_a_grapheme_edge_and_everything_before_it_fits(text, platform):
    import regex

    fit = measure(text, platform)
    if not fit.over:
        assert fit.overflow_start is None
        return
    start = fit.overflow_start
    assert start is not None and 0 <= start < len(text.rstrip())
    edges = {m.start() for m in regex.finditer(r"\X", text)}
    assert start in edges
    assert not measure(text[:start], platform).over


_SPECIALS = [" https://example.org/a ", " bbc.co.uk ", " @a@b.social ", "a" * 90]
_POSTS = st.lists(
    st.one_of(_PIECES, st.sampled_from(_SPECIALS)),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_POSTS, st.integers(1, 400))
def test_plain_counting_agrees_with_the_walk_stretch_by_stretch(text, limit):
    # measure() counts a text with no link or remote mention in one go; the walk over
    # stretches (its way with links) must give the same fit
    from desktop_app.core.platforms import _Counter, _plain_fit, _walked_fit

    counter, end = _Counter(text), len(text.rstrip())
    for counting in ("twitter", "threads", "graphemes"):
        platform = Platform("P", limit, counting, None)
        walked = _walked_fit(text, platform, counter, counting, end, [])
        assert _plain_fit(platform, counter, counting, end) == walked


_SHIPPED_NETWORKS = load_policy(include_user_overlay=False).platforms


@settings(max_examples=150, deadline=None)
@given(_POSTS, st.lists(st.integers(1, 400), min_size=1, max_size=4))
def test_fit_all_gives_each_network_what_measure_gives_it(text, limits):
    # networks that count alike share one count; each still gets exactly its own fit
    networks = _SHIPPED_NETWORKS + [
        Platform(f"N{i}", limit, counting, url)
        for i, limit in enumerate(limits)
        for counting, url in (("graphemes", None), ("twitter", 23), ("mastodon", 23), ("threads", None))
    ]
    assert fit_all(text, networks) == [measure(text, p) for p in networks]


_ASCII_POSTS = st.lists(
    st.one_of(
        st.text(alphabet="ab .,!-'\n\t", max_size=40),
        st.sampled_from(
            [" bbc.co.uk ", " x@y.org ", " @a@b.social ", " https://a.org/x ", "a" * 120, "\r\n"]
        ),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ASCII_POSTS, st.integers(1, 400), st.integers(1, 400))
def test_plain_ascii_posts_fit_each_network_as_measure_says(text, limit, max_bytes):
    # a plain ASCII post (no link, no remote mention) is fitted from its length alone
    networks = [
        *_SHIPPED_NETWORKS,
        Platform("Capped", limit, "bluesky", None, max_bytes=max_bytes),
        Platform("Counted", limit, "twitter", 23, max_bytes=max_bytes),
        Platform("Free", None, "graphemes", None),
    ]
    assert fit_all(text, networks) == [measure(text, p) for p in networks]
    assert fit_all(text, networks, only=["counted", "X"]) == [
        measure(text, networks[0]),
        measure(text, networks[-2]),
    ]


# --- a cap on links (Threads refuses a post with more than 5 different links) -----------


def _links(n: int, start: int = 1) -> str:
    return " ".join(f"https://example.org/page{k}" for k in range(start, start + n))


def test_threads_caps_different_links_at_five(shipped):
    threads = shipped["Threads"]
    assert threads.max_links == 5
    assert [name for name, p in shipped.items() if p.max_links] == ["Threads"]
    five = measure("Our plans: " + _links(5), threads)
    assert (five.link_count, five.link_limit, five.over, five.overflow_start) == (5, 5, False, None)
    text = "Our plans: " + _links(6) + " Tell us."
    six = measure(text, threads)
    assert six.over and six.over_links and six.over_by() == (1, "links")
    assert six.length <= 500  # within the characters: only the links are too many
    assert text[six.overflow_start :].startswith("https://example.org/page6")


def test_the_same_link_twice_counts_once_and_a_bare_domain_counts(shipped):
    threads = shipped["Threads"]
    repeated = "See https://example.org/a and again https://example.org/a " + _links(4)
    assert measure(repeated, threads).link_count == 5
    bare = _links(5) + " or www.example.org/b"
    fit = measure(bare, threads)
    assert fit.link_count == 6 and bare[fit.overflow_start :] == "www.example.org/b"


def test_links_past_the_limit_after_the_characters_keep_the_character_overflow(shipped):
    threads = shipped["Threads"]
    text = "word " * 110 + _links(6)  # 550 characters of words first: over at 500
    fit = measure(text, threads)
    assert fit.over_by() == (fit.length - 500, "characters")
    assert fit.overflow_start == 500 and fit.over_links


def test_a_network_without_a_cap_does_not_count_links(shipped):
    fit = measure(_links(9), shipped["X"])
    assert (fit.link_count, fit.link_limit, fit.over_links) == (None, None, False)


def test_max_links_is_read_and_checked():
    (p,) = parse_platforms({"platforms": [{"name": "N", "limit": 10, "max_links": 2}]})
    assert p.max_links == 2
    with pytest.raises(PlatformDataError) as caught:
        parse_platforms({"platforms": [{"name": "N", "limit": 10, "max_links": 0}]})
    assert caught.value.key == "platforms[0].max_links"


@settings(max_examples=150, deadline=None)
@given(_POSTS, st.integers(1, 400), st.integers(0, 4))
def test_fit_all_and_measure_agree_with_a_cap_on_links(text, limit, max_links_less_one):
    networks = [
        Platform("Capped", limit, "threads", None, max_links=max_links_less_one + 1),
        Platform("Free", limit, "threads", None),
    ]
    assert fit_all(text, networks) == [measure(text, p) for p in networks]
    capped = measure(text, networks[0])
    assert capped.over == (measure(text, networks[1]).over or capped.over_links)
