"""start_of: the start of a text too long to check, as the window pastes and opens it."""

from __future__ import annotations

from desktop_app.core.limits import MAX_CHECKED, start_of


def test_a_text_within_the_limit_is_kept_whole():
    text = "Join us on Saturday. " * 100
    assert start_of(text) is text


def test_the_start_ends_at_the_last_sentence_or_line_in_the_final_thousand_characters():
    text = "The committee agreed the bus plan. " * 4000
    start = start_of(text)
    assert (
        text.startswith(start) and start.endswith("plan.") and MAX_CHECKED - 1000 < len(start) <= MAX_CHECKED
    )
    lines = "x" * (MAX_CHECKED - 500) + "\n" + "y" * 5000
    assert start_of(lines) == "x" * (MAX_CHECKED - 500)


def test_without_a_sentence_end_it_ends_between_words_and_without_spaces_at_the_limit():
    start = start_of("word " * 30_000)
    assert start.endswith(" word") and len(start) > MAX_CHECKED - 10
    assert start_of("a" * 200_000) == "a" * MAX_CHECKED
    assert start_of("ab" * 100, limit=150) == ("ab" * 100)[:150]  # a short limit: no thousand to look back
    assert start_of("One. Two. Three.", limit=10) == "One. Two."
