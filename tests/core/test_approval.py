"""Approval names what it approved; history keeps every approved or exported version."""

from datetime import UTC, datetime

import pytest

from desktop_app.core.approval import (
    APPROVED,
    EXPORTED,
    Approval,
    Content,
    HistoryEntry,
    add_entry,
    sections,
    word_diff,
)
from desktop_app.core.images import Image
from desktop_app.core.versions import Version

WHEN = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)


def _content(**changes):
    base = {
        "text": "We are opening the library on Saturday.",
        "networks": ("X", "Facebook"),
        "versions": {"X": Version("Library opens Saturday.", thread=True), "Bluesky": Version("Unused.")},
        "images": (Image("crowd.jpg", "Volunteers outside"),),
    }
    base.update(changes)
    return Content(**base)


def test_the_fingerprint_changes_with_anything_published_and_nothing_else():
    content = _content()
    same = _content(
        versions={"X": Version("Library opens Saturday.", thread=True), "Bluesky": Version("Other.")}
    )
    assert content.fingerprint() == same.fingerprint()  # Bluesky is not chosen: not published
    for changed in (
        _content(text="We are opening the library on Sunday."),
        _content(networks=("X",)),
        _content(versions={"X": Version("Library opens Saturday.", thread=False)}),
        _content(versions={"X": Version("Library opens on Saturday.", thread=True)}),
        _content(images=(Image("crowd.jpg", "Volunteers outside the library"),)),
    ):
        assert changed.fingerprint() != content.fingerprint()


def test_an_approval_covers_only_what_was_approved_and_survives_a_round_trip():
    content = _content()
    approval = Approval("Priya O'Neill", WHEN, "Party pack 2.1", content.fingerprint())
    assert approval.covers(content)
    assert not approval.covers(_content(text="Edited after approval."))
    assert Approval.from_dict(approval.to_dict()) == approval
    with pytest.raises(ValueError):
        Approval.from_dict({"when": WHEN.isoformat()})


def test_history_keeps_each_version_once_and_round_trips():
    history: list[HistoryEntry] = []
    first = HistoryEntry(APPROVED, WHEN, "Priya", "Party pack 2.1", _content())
    assert add_entry(history, first)
    assert not add_entry(history, HistoryEntry(APPROVED, WHEN, "Priya", "Party pack 2.1", _content()))
    assert add_entry(history, HistoryEntry(EXPORTED, WHEN, "Sam", "Party pack 2.1", _content(), "review.pdf"))
    assert add_entry(history, HistoryEntry(APPROVED, WHEN, "Priya", "Party pack 2.1", _content(text="New.")))
    assert len(history) == 3
    assert [HistoryEntry.from_dict(e.to_dict()) for e in history] == history
    with pytest.raises(ValueError):
        HistoryEntry.from_dict({"kind": "deleted", "when": WHEN.isoformat(), "content": {"text": ""}})


def test_sections_list_the_main_text_and_the_words_each_chosen_network_gets():
    content = _content()
    assert sections(content) == [
        ("Main text", "We are opening the library on Saturday."),
        ("X", "Library opens Saturday."),
        ("Facebook", "We are opening the library on Saturday."),  # follows the main text
        ("Images", "crowd.jpg: Volunteers outside"),
        ("Networks", "X, Facebook"),
    ]


def test_word_diff_rebuilds_both_texts():
    old, new = "We will look at the bus routes soon.", "We will fix the bus routes by May."
    runs = word_diff(old, new)
    assert "".join(t for op, t in runs if op != "added") == old
    assert "".join(t for op, t in runs if op != "removed") == new
    assert ("removed", "look at") in runs and ("added", "fix") in runs
    assert word_diff("Same.", "Same.") == [("same", "Same.")]
