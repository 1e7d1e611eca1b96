"""Where replies come from: pasted text and CSV exports (core/replies/sources.py)."""

from __future__ import annotations

import pytest

from desktop_app.core.limits import MAX_CHECKED
from desktop_app.core.replies.sources import (
    CsvColumns,
    CsvProblem,
    NoTextColumn,
    Reply,
    read_csv_rows,
    sniff_delimiter,
    split_pasted,
)


def texts(replies):
    return [r.text for r in replies]


def test_one_reply_per_line_with_their_line_numbers():
    replies = split_pasted("First reply\n  Second reply  \r\nThird\n")
    assert texts(replies) == ["First reply", "Second reply", "Third"]
    assert [r.line for r in replies] == [1, 2, 3]
    # a blank line between every one changes nothing
    assert texts(split_pasted("First reply\n\nSecond reply\n\nThird")) == texts(replies)


def test_blank_line_separated_replies_keep_their_lines_together():
    pasted = (
        "Why was the library closed?\nMy kids used it every week.\n\nThank you all!\n\nRubbish.\nUtter tosh."
    )
    assert texts(split_pasted(pasted)) == [
        "Why was the library closed?\nMy kids used it every week.",
        "Thank you all!",
        "Rubbish.\nUtter tosh.",
    ]


def test_long_runs_of_lines_with_the_odd_blank_line_stay_one_reply_per_line():
    # A list copied from a web page: one reply a line, with a stray blank line or two. Merging
    # each run into one reply (the first version did) would sort 40 replies as one.
    runs = ["\n".join(f"reply {i}-{j}" for j in range(20)) for i in range(2)]
    assert len(split_pasted("\n\n".join(runs))) == 40


def test_a_pasted_book_is_cut_to_what_one_check_reads():
    (reply,) = split_pasted("x" * (MAX_CHECKED + 10))
    assert len(reply.text) == MAX_CHECKED


def test_the_same_reply_seen_again_has_the_same_key():
    a = Reply("Why  was the library\nclosed?", author="@Jo ", link="https://x.com/1")
    assert a.key == Reply("Why was the library closed?", author="@jo", link="https://x.com/1").key
    assert a.key != Reply("Why was the library closed?", author="@sam", link="https://x.com/1").key


def test_columns_are_found_by_name_whatever_the_case_and_spacing():
    columns = CsvColumns.find(["Created At", "Username", "Tweet Text", "Tweet URL"])
    assert (columns.text, columns.author, columns.date, columns.link) == (2, 1, 0, 3)
    reply = columns.reply(["2026-03-01", "@jo", " Why? ", "https://x.com/1"], line=2)
    assert reply == Reply("Why?", "@jo", "2026-03-01", "https://x.com/1", 2)
    assert columns.described() == (
        "text from 'Tweet Text', authors from 'Username', dates from 'Created At', links from 'Tweet URL'"
    )


def test_the_user_names_the_text_column():
    columns = CsvColumns.find(["id", "what they said", "who"], "What They Said")
    assert columns.text == 1
    with pytest.raises(NoTextColumn, match=r"no column called 'said'.*'id', 'what they said', 'who'"):
        CsvColumns.find(["id", "what they said", "who"], "said")


def test_no_column_that_looks_like_text_says_which_columns_there_are():
    with pytest.raises(NoTextColumn) as caught:
        CsvColumns.find(["id", "words", "who"])
    assert caught.value.header == ["id", "words", "who"]
    assert "'words'" in str(caught.value)


def test_an_empty_text_cell_is_no_reply_and_short_rows_are_read():
    columns = CsvColumns.find(["author", "text", "url"])
    assert columns.reply(["@a", "  "], line=3) is None
    assert columns.reply(["@a", "Hello"], line=3) == Reply("Hello", "@a", line=3)


def test_rows_with_quoted_cells_over_several_lines_know_where_they_start():
    lines = ["author,text\n", '@a,"one\n', 'two"\n', "@b,three\n"]
    assert list(read_csv_rows(lines)) == [
        (1, ["author", "text"]),
        (2, ["@a", "one\ntwo"]),
        (4, ["@b", "three"]),
    ]


def test_a_cell_the_csv_module_cannot_read_is_one_line_naming_where():
    with pytest.raises(CsvProblem, match="line 2"):
        list(read_csv_rows(["text\n", '"' + "x" * 200_000 + '"\n']))


@pytest.mark.parametrize(
    ("first", "delimiter"), [("a,b", ","), ("a;b;c", ";"), ("a\tb", "\t"), ("text", ",")]
)
def test_the_delimiter_is_read_from_the_header(first, delimiter):
    assert sniff_delimiter(first + "\nrest") == delimiter
