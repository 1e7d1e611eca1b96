"""Splitting a draft into a numbered thread, and re-flowing edited parts."""

from __future__ import annotations

import re

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from desktop_app.core.platforms import Platform, measure
from desktop_app.core.threads import Thread, find_platform, reflow, split_thread
from desktop_app.policy import load_policy

SHIPPED = {p.name: p for p in load_policy(include_user_overlay=False, rules=False).platforms}
X = SHIPPED["X"]

BUS = (
    "Our councillors have spent the last six months listening to residents on every estate in "
    "Riverside about the 42 bus. What we heard was clear: people cannot get to work, to the hospital "
    "or to the shops after 6pm, and older residents feel cut off. So we took those stories to the "
    "transport committee, we showed them the petition signed by 2,400 of you, and we made the case "
    "again and again. Today the council agreed: from Monday the 42 will run until 11pm, seven days a "
    "week. Read the decision at https://example.org/council/decisions/2026/bus-42-evening-service and "
    "share it.\n\nThank you to everyone who signed, knocked on doors and came to the meetings. This is "
    "what happens when a community speaks with one voice. #Riverside #Buses"
)
NUMBER = re.compile(r" (\d+)/(\d+)$")


def bodies(thread: Thread) -> list[str]:
    return [post.body for post in thread.posts]


def assert_a_good_thread(text: str, thread: Thread, platform: Platform) -> None:
    total = len(thread.posts)
    for n, post in enumerate(thread.posts, 1):
        assert not measure(post.text, platform).over, post.text
        assert post.length == measure(post.text, platform).length
        assert post.text == (post.body + f" {n}/{total}" if total > 1 else post.body)
        assert post.body == post.body.strip() and post.body
    # Nothing lost, added or reordered, and no word (link, handle, hashtag) cut in two.
    assert " ".join(bodies(thread)).split() == text.split()


# ------------------------------------------------------------------------------ examples


def test_a_long_post_becomes_a_numbered_thread_that_breaks_at_sentence_ends():
    thread = split_thread(BUS, X)
    assert_a_good_thread(BUS, thread, X)
    assert len(thread.posts) == 3
    assert [NUMBER.search(t).groups() for t in thread.texts()] == [("1", "3"), ("2", "3"), ("3", "3")]
    for post in thread.posts[:-1]:
        assert post.body.endswith((".", "!", "?")), post.body


def test_a_post_that_fits_stays_one_post_without_numbering():
    thread = split_thread("  The 42 bus runs until 11pm from Monday.\n", X)
    assert thread.texts() == ["The 42 bus runs until 11pm from Monday."]
    assert thread.to_dict() == {"platform": "X", "posts": ["The 42 bus runs until 11pm from Monday."]}


def test_nothing_to_post_is_an_empty_thread():
    assert split_thread(" \n\t", X).posts == ()
    assert split_thread("", X).to_dict() == {"platform": "X", "posts": []}


def test_a_network_without_a_limit_gets_the_whole_post():
    blog = Platform("Blog", None, "graphemes", None)
    assert split_thread(BUS, blog).texts() == [BUS]


def test_a_byte_cap_alone_is_enough_to_split_by():
    capped = Platform("Bytes only", None, "graphemes", None, 120)
    text = "Dw i'n caru Cymru, gwlad fy nhadau. " * 12 + "Diolch 🏴󠁧󠁢󠁷󠁬󠁳󠁿"
    thread = split_thread(text, capped)
    assert len(thread.posts) > 1
    assert_a_good_thread(text, thread, capped)


def test_the_numbering_fits_even_past_nine_posts():
    text = " ".join(f"Sentence number {i} is here to make the thread long enough." for i in range(60))
    thread = split_thread(text, X)
    assert len(thread.posts) >= 10
    assert_a_good_thread(text, thread, X)
    assert thread.texts()[-1].endswith(f" {len(thread.posts)}/{len(thread.posts)}")


def test_a_link_at_the_edge_of_a_post_moves_whole_to_the_next():
    text = "word " * 50 + "https://example.org/a/very/long/path/that/counts/twenty-three/on/x " + "end " * 10
    thread = split_thread(text.strip(), X)
    assert_a_good_thread(text, thread, X)
    assert any(post.body.startswith("https://") or " https://" in post.body for post in thread.posts)


def test_a_paragraph_break_is_a_better_place_than_a_comma():
    first = "We listened, we learned, and we acted. " * 4 + "Here is what changed."
    text = (
        first + "\n\n" + "Now it is your turn, so come to the meeting, bring a friend, and tell us more. " * 3
    )
    thread = split_thread(text, X)
    assert thread.posts[0].body == first


def test_a_short_sentence_ends_a_post_when_the_next_fits_whole_in_the_following_one():
    text = "Big news. " + "a" * 230 + " " + "b" * 40 + "."  # 282 in all
    thread = split_thread(text, X)
    assert bodies(thread) == ["Big news.", "a" * 230 + " " + "b" * 40 + "."]


def test_a_sentence_too_long_for_any_post_fills_posts_at_commas_or_words():
    text = "Listen. " + ", ".join(["we knocked on every door in the ward"] * 20) + "."
    thread = split_thread(text, X)
    assert_a_good_thread(text, thread, X)
    assert thread.posts[0].body != "Listen."  # no near-empty post before a sentence that needs splitting
    assert thread.posts[0].body.endswith(",")


def test_no_break_spaces_hold_words_together():
    text = "a " * 130 + "£5\u00a0million for buses " + "b " * 100
    thread = split_thread(text, X)
    assert_a_good_thread(text, thread, X)
    assert any("£5\u00a0million" in body for body in bodies(thread))


def test_a_word_longer_than_a_post_is_cut_as_a_last_resort():
    text = "Start " + "z" * 600 + " end"
    thread = split_thread(text, X)
    assert all(not measure(t, X).over for t in thread.texts())
    assert "".join(bodies(thread)).replace(" ", "") == text.replace(" ", "")


def test_every_network_counts_its_own_way():
    emoji_text = " ".join(["Well done 🎉 team!"] * 75)
    for platform in (SHIPPED["Threads"], SHIPPED["Bluesky"], SHIPPED["Mastodon"]):
        thread = split_thread(emoji_text, platform)
        assert_a_good_thread(emoji_text, thread, platform)
    # Threads counts each 🎉 as 4, so it needs more posts than Mastodon for the same limit.
    assert len(split_thread(emoji_text, SHIPPED["Threads"]).posts) > len(
        split_thread(emoji_text, SHIPPED["Mastodon"]).posts
    )


def test_bluesky_threads_count_links_short():
    link = "https://example.org/" + "x" * 200
    text = " ".join([f"Read {link} today."] * 12)
    thread = split_thread(text, SHIPPED["Bluesky"])
    assert_a_good_thread(text, thread, SHIPPED["Bluesky"])
    assert any(post.body.count("https://") >= 3 for post in thread.posts)  # each link counts ~30, not 220


def test_too_small_a_limit_is_a_clear_error():
    with pytest.raises(ValueError, match="no room"):
        split_thread("a b c d e f g h", Platform("Tiny", 4, "graphemes", None))
    with pytest.raises(ValueError, match="longer than"):
        split_thread("🎉🎉🎉 🎉🎉🎉 " * 3, Platform("Small", 8, "threads", None))


def test_find_platform_ignores_case_and_names_the_known_ones():
    assert find_platform(SHIPPED.values(), "bluesky").name == "Bluesky"
    with pytest.raises(ValueError, match=r"unknown platform 'Myspace' \(known: X, Bluesky"):
        find_platform(SHIPPED.values(), "Myspace")


def test_to_text_puts_a_blank_line_between_posts():
    thread = split_thread(BUS, X)
    assert thread.to_text() == "\n\n".join(thread.texts())


def test_offsets_point_back_into_the_draft():
    text = "\n  " + BUS
    for post in split_thread(text, X).posts:
        assert text[post.start : post.end] == post.body
        assert post.part == 0


# ------------------------------------------------------------------------------ re-flow


def test_reflow_keeps_each_part_and_splits_only_the_one_that_grew():
    thread = split_thread(BUS, X)
    parts = bodies(thread)
    parts[1] = parts[1] + " " + "We will keep watching the timetable, and we will report back every month."
    again = reflow(parts, X)
    assert_a_good_thread(" ".join(parts), again, X)
    assert again.posts[0].body == parts[0]
    assert again.posts[-1].body == parts[2]
    assert len(again.posts) == 4
    assert [post.part for post in again.posts] == [0, 1, 1, 2]
    assert again.texts()[0].endswith(" 1/4")


def test_reflow_drops_emptied_parts_and_renumbers():
    parts = bodies(split_thread(BUS, X))
    parts[1] = "   "
    again = reflow(parts, X)
    assert bodies(again) == [parts[0], parts[2]]
    assert again.texts()[1].endswith(" 2/2")


def test_reflow_of_unedited_parts_gives_the_same_thread():
    thread = split_thread(BUS, X)
    assert reflow(bodies(thread), X) == Thread("X", tuple(p for p in reflow(bodies(thread), X).posts))
    assert reflow(bodies(thread), X).texts() == thread.texts()


def test_one_short_part_left_is_a_single_post_again():
    assert reflow(["Just this.", ""], X).texts() == ["Just this."]


# ------------------------------------------------------------------------------ properties

_TOKENS = st.sampled_from(
    [
        "vote",
        "Riverside",
        "bus.",
        "again!",
        "clear:",
        "us,",
        "café",
        "日本",
        "👍🏽",
        "🇬🇧",
        "👨‍👩‍👧‍👦",
        "@RiversideLabour",
        "#GE2029",
        "gov.scot",
        "https://example.org/plan",
        "https://example.org/our-plan-for-the-high-street?ref=x",
        "bbc.co.uk/news.",
        "3.5%",
        "—",
    ]
)
_SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "])


@st.composite
def drafts(draw):
    words = draw(st.lists(_TOKENS, min_size=15, max_size=150))
    out = []
    for word in words:
        out.append(word)
        out.append(draw(_SPACES))
    return "".join(out)


_PLATFORMS = st.sampled_from(
    [
        X,
        SHIPPED["Bluesky"],
        SHIPPED["Threads"],
        SHIPPED["Mastodon"],
        Platform("Small X", 80, "twitter", 23),
        Platform("Small Bluesky", 90, "bluesky", None, 200),
        Platform("Small Threads", 100, "threads", None),
        Platform("Tight", 64, "graphemes", None),
        Platform("Tight X", 60, "twitter", 23),
        Platform("Tight Threads", 70, "threads", None),
    ]
)


@settings(max_examples=150, deadline=None)
@given(drafts(), _PLATFORMS)
def test_every_post_fits_and_nothing_is_lost_reordered_or_cut(text, platform):
    thread = split_thread(text, platform)
    event(f"{min(len(thread.posts), 3)}+ posts" if len(thread.posts) >= 3 else f"{len(thread.posts)} posts")
    assert_a_good_thread(text, thread, platform)
    for post in thread.posts:
        assert text[post.start : post.end] == post.body


@settings(max_examples=60, deadline=None)
@given(drafts(), drafts(), _PLATFORMS, st.data())
def test_reflowed_parts_fit_keep_their_order_and_their_breaks(first, extra, platform, data):
    thread = split_thread(first, platform)
    parts = bodies(thread)
    if parts:
        at = data.draw(st.integers(0, len(parts) - 1))
        parts[at] = parts[at] + " " + extra
    again = reflow(parts, platform)
    assert_a_good_thread(" ".join(parts), again, platform)
    # A user's break is kept: no post mixes words from two parts.
    for post in again.posts:
        assert post.body in parts[post.part]


def test_a_thread_for_threads_spreads_links_so_no_post_has_more_than_five():
    threads = next(p for p in load_policy(include_user_overlay=False).platforms if p.name == "Threads")
    links = " ".join(f"https://example.org/page{n}" for n in range(1, 13))
    thread = split_thread(f"Our twelve branch pages: {links}. Come and see.", threads)
    assert len(thread.posts) == 3
    for post in thread.posts:
        fit = measure(post.text, threads)
        assert not fit.over and fit.link_count <= 5
