"""Links as X (twitter-text) and the Bluesky app find them, and Bluesky's short form."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import links
from desktop_app.core.links import bluesky_display, bluesky_links, load_tlds, twitter_links, twitter_tlds


def found_on_x(text):
    return [text[s:e] for s, e in twitter_links(text)]


# ------------------------------------------------------------------------------ X


@pytest.mark.parametrize(
    "text, link",
    [
        ("Read gov.scot today", "gov.scot"),
        ("Read gov.wales today", "gov.wales"),
        ("See visit.london now", "visit.london"),
        ("Book at www.bundestag.de now", "www.bundestag.de"),
        ("Book at bundestag.de/parlament now", "bundestag.de/parlament"),
        ("Try example.ai/blog now", "example.ai/blog"),
        ("Try www.example.ai now", "www.example.ai"),
        ("Read bbc.co.uk/news", "bbc.co.uk/news"),
        ("(see bbc.co.uk/news)", "bbc.co.uk/news"),  # the bracket is the sentence's
        ("Visit bbc.co.uk/news.", "bbc.co.uk/news"),  # so is the full stop
        ("Site: example.com!", "example.com"),
        ("Go to example.com.Then", "example.com"),
        ("Form at example.com/a?b=1&c=2.", "example.com/a?b=1&c=2"),
        ("https://en.wikipedia.org/wiki/Primer_(film) is", "https://en.wikipedia.org/wiki/Primer_(film)"),
        ("SHOUT HTTPS://EXAMPLE.ORG/Plan", "HTTPS://EXAMPLE.ORG/Plan"),
        ("our startup.co is", "startup.co"),  # .co and .tv are links without a path
        ("watch example.tv", "example.tv"),
        ("the port example.org:8080/x works", "example.org:8080/x"),
        ("Bücher at bücher.de/x", "bücher.de/x"),  # accented Latin letters are allowed
        ("Alles auf https://bücher.de/x", "https://bücher.de/x"),
        ("Sign at https://example.org/@jo/ now", "https://example.org/@jo/"),
    ],
)
def test_x_finds_the_link(text, link):
    assert found_on_x(text) == [link]


@pytest.mark.parametrize(
    "text",
    [
        "bundestag.de",  # one name before a country ending, no path
        "Ask ok.ai",
        "It ended.It began",
        "email jo@example.com",
        "#bbc.com and $x.com",
        "@bbc.co.uk",
        "files/report.com",
        "my-.com",
        "-name.com",
        "https://localhost:8000/x",  # no known ending
        "no.such.endingzz",
        "version 1.2.3 costs 3.50",
        "e.g. this, i.e. that",
        "пример.рф",  # a bare domain must be in Latin letters
        "example.com@host",
    ],
)
def test_x_leaves_text_alone(text):
    assert found_on_x(text) == []


def test_x_takes_the_last_ending_of_a_run_of_names():
    assert found_on_x("www.bbc.co.uk") == ["www.bbc.co.uk"]
    assert found_on_x("a.com.b.org") == ["a.com.b.org"]
    assert found_on_x("example.com.notanending") == ["example.com"]


def test_x_finds_several_links_in_order():
    text = "See gov.scot, https://x.co/a and bbc.co.uk/news."
    assert found_on_x(text) == ["gov.scot", "https://x.co/a", "bbc.co.uk/news"]


_WORDS = st.sampled_from(
    ["vote", "gov.scot", "https://x.co/z", "bbc.co.uk/news.", "it.It", "@jo", "#GE2029", "3.5%", "(a.io/x)"]
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from([" ", "\n", "  "]))
def test_x_links_sit_inside_words_in_order_and_never_overlap(words, space):
    text = space.join(words)
    spans = twitter_links(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert not any(ch.isspace() for ch in text[start:end])
        previous_end = end


# ------------------------------------------------------------------------------ the list of endings


def test_the_ending_list_names_its_source_and_licence():
    head = links.TLD_FILE.read_text(encoding="utf-8")[:1200]
    assert "twitter-text" in head and "Apache License, Version 2.0" in head
    assert (links.TLD_FILE.parent / "twitter-text.LICENSE.txt").is_file()


def test_the_ending_list_has_the_endings_people_write():
    tlds = twitter_tlds()
    for generic in ("com", "org", "scot", "wales", "cymru", "london", "vermögensberatung", "онлайн"):
        assert generic in tlds.generic
    for country in ("uk", "de", "ai", "ie", "рф"):
        assert country in tlds.country
    assert len(tlds.country) > 300 and len(tlds.generic) > 1200


def test_a_bad_ending_list_is_a_clear_error(tmp_path):
    path = tmp_path / "tlds.txt"
    path.write_text("com\n[generic]\norg\n", encoding="utf-8")
    with pytest.raises(ValueError, match="before any"):
        load_tlds(path)
    path.write_text("[mystery]\norg\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown section"):
        load_tlds(path)


def test_a_missing_ending_list_falls_back_to_the_common_endings(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(links, "TLD_FILE", tmp_path / "absent.txt")
    twitter_tlds.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            assert found_on_x("Read gov.scot today") == ["gov.scot"]
        assert "domain endings" in caplog.text
    finally:
        twitter_tlds.cache_clear()


# ------------------------------------------------------------------------------ Bluesky


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://example.org", "example.org"),
        ("https://example.org/", "example.org"),
        ("http://Example.ORG/Plan", "example.org/Plan"),  # the host in lower case, the path as typed
        ("https://example.org/a-short-path", "example.org/a-short-path"),  # 13 characters after the host
        ("https://example.org/our-plan-for-the-high-street", "example.org/our-plan-for..."),
        ("https://example.org:443/x", "example.org/x"),  # the default port is dropped
        ("https://example.org:8080/x", "example.org:8080/x"),
        ("https://jo:secret@example.org/x", "example.org/x"),
        ("https://example.org/?q=1", "example.org?q=1"),
        ("https://example.org/#top", "example.org#top"),
        ("https://example.org/x?", "example.org/x"),
        ("https://example.org/café", "example.org/caf%C3%A9"),  # the browser's encoding
        ("https://bücher.example/x", "xn--bcher-kva.example/x"),
        ("https://example.org/a/../b", "example.org/b"),
        ("https://ex<ample.org", "https://ex<ample.org"),  # refused by a browser: posted as typed
        ("https://example.org:99999/", "https://example.org:99999/"),
    ],
)
def test_bluesky_short_form(url, shown):
    assert bluesky_display(url) == shown


def test_bluesky_finds_http_links_after_a_space_or_bracket_without_trailing_punctuation():
    text = "Read https://example.org/plan. (https://example.org/x) x:https://example.org/y"
    assert [(text[s:e], shown) for s, e, shown in bluesky_links(text)] == [
        ("https://example.org/plan", "example.org/plan"),
        ("https://example.org/x", "example.org/x"),
    ]


def test_bluesky_posts_bare_domains_as_typed():
    assert bluesky_links("Read example.org/our-plan-for-the-high-street") == []
