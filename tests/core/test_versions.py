"""Versions per network: the words each network gets, threads as parts, the fold."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.platforms import Platform
from desktop_app.core.versions import (
    THREAD_BREAK,
    Version,
    fold_at,
    join_parts,
    posts_for,
    thread_fit,
    thread_parts,
    thread_spans,
    version_text,
)

X = Platform("X", 280, "twitter", 23, thread=True)
FACEBOOK = Platform("Facebook", 63206, "graphemes", None, fold_characters=40, fold_lines=3)


def test_a_version_follows_the_main_text_until_it_has_its_own():
    assert version_text("Main words.", None) == "Main words."
    assert version_text("Main words.", Version()) == "Main words."
    assert version_text("Main words.", Version("Shorter.")) == "Shorter."
    assert not Version().own and Version("").own  # emptied on purpose is its own text


def test_version_round_trip_and_bad_data():
    version = Version("Our own words", thread=True)
    assert Version.from_dict(version.to_dict()) == version
    assert Version.from_dict({}) == Version()
    for bad in ([], {"text": 3}):
        with pytest.raises(ValueError):
            Version.from_dict(bad)


def test_thread_parts_split_on_break_lines_only():
    text = "First post.\n---\nSecond post - with a dash.\n\n  ---  \nThird --- post."
    assert thread_parts(text) == ["First post.", "Second post - with a dash.", "Third --- post."]
    assert thread_parts("No breaks here.") == ["No breaks here."]
    assert join_parts(["One", "Two"]) == f"One\n\n{THREAD_BREAK}\n\nTwo"


@given(
    st.lists(st.text(alphabet="ab -\n", min_size=1).filter(lambda s: "---" not in s), min_size=1, max_size=5)
)
def test_join_then_split_gives_the_parts_back(parts):
    parts = [p.strip("\n") for p in parts]
    if any(line.strip() == "---" for p in parts for line in p.split("\n")):
        return
    assert thread_parts(join_parts(parts)) == parts


def test_a_thread_is_numbered_and_each_post_measured():
    text = join_parts(["Opening the library on Saturday.", "", "Bring a friend. " * 20])
    posts = posts_for(text, X, thread=True)
    assert [p.text[-4:] for p in posts] == [" 1/2", " 2/2"]  # the empty part is not a post
    assert posts[0].fit.length == len(posts[0].text)
    assert not posts[0].over and posts[1].over  # too long stays too long until re-flowed
    one = posts_for("Just one post.\n", X, thread=True)
    assert [p.text for p in one] == ["Just one post."]  # one part: no numbering
    assert [p.text for p in posts_for(text, X)] == [text.strip()]  # not a thread: one post
    assert posts_for("  \n", X) == []


def test_the_fold_is_at_a_space_within_the_characters_and_lines():
    text = "We are opening the new library on Mill Lane this Saturday at ten."
    cut = fold_at(text, FACEBOOK)
    assert cut is not None and cut <= 40 and text[cut] == " "
    assert text[:cut] == "We are opening the new library on Mill"
    lines = "One.\nTwo.\nThree.\nFour."
    assert lines[: fold_at(lines, FACEBOOK)] == "One.\nTwo.\nThree."
    assert fold_at("Short.", FACEBOOK) is None
    assert fold_at(text, X) is None  # X shows the whole post
    emoji = "🎉" * 50
    assert fold_at(emoji, FACEBOOK) == 40  # counted in characters a reader sees, no space to go back to


def test_thread_spans_point_into_the_text():
    text = "\nFirst.\n---\n\nSecond post.\n  ---\nThird."
    assert [text[a:b] for a, b in thread_spans(text)] == ["First.", "Second post.", "Third."]
    assert thread_spans("") == [(0, 0)]


def test_a_thread_is_measured_post_by_post_with_its_numbering():
    long_post = "Bring a friend to the library. " * 10  # 310 characters
    text = join_parts(["Opening Saturday.", long_post.strip(), "Thank you!"])
    fit, overflows = thread_fit(text, X)
    assert fit.name == "X" and fit.limit == 280 and fit.over
    assert fit.length == len(long_post.strip()) + len(" 2/3")
    assert [o.number for o in overflows] == [2]
    start = text.index("Bring")
    assert overflows[0].start == start + 276  # 280 less the room " 2/3" takes
    assert overflows[0].end == start + len(long_post.strip())
    assert fit.overflow_start == overflows[0].start
    ok, none = thread_fit(join_parts(["Short.", "Also short."]), X)
    assert not ok.over and none == [] and ok.length == len("Also short. 2/2")


def test_a_post_pushed_over_by_its_numbering_is_marked_from_where_the_words_pass_their_room():
    body = "a" * 272 + " final"  # 278: fits alone, not with " 1/2"
    text = join_parts([body, "Second."])
    fit, overflows = thread_fit(text, X)
    assert fit.length == 282 and [text[o.start : o.end] for o in overflows] == ["al"]
