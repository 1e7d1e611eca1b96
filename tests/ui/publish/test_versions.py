"""Versions per network in the window: tabs, each checked for its network, copy, threads,
preview, and what the draft file keeps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.core.versions import THREAD_BREAK, join_parts, thread_parts
from desktop_app.engine import Analyzer
from desktop_app.storage.drafts import DraftStore
from tests.ui import window_helpers
from tests.ui.window_helpers import FakeAnalyzer, card_texts, wait_report

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture

POST = (
    "We saved the 42 bus. For two years residents on every estate told us they could not get to work, "
    "to the hospital or to the shops after six. So we took those stories to the transport committee, "
    "with a petition signed by 2,400 of you, and we made the case again and again. From Monday the 42 "
    "runs until eleven every night. Thank you to everyone who signed, knocked on doors or spoke up."
)


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def open_window(qtbot, make_window, store):
    def make(analyzer=None, networks=("X", "Facebook"), text=POST):
        window = make_window(analyzer or FakeAnalyzer(), store=store)
        qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
        window.platform_bar.set_networks(list(networks))
        window.platform_bar.networksChanged.emit(list(networks))
        if text is not None:
            window.editor.setPlainText(text)
        wait_report(qtbot, window)
        return window

    return make


def show(qtbot, window, source):
    window.publish.show_source(source)
    wait_report(qtbot, window)


def type_at_end(qtbot, window, text):
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(text)
    wait_report(qtbot, window)


def tabs(window):
    bar = window.publish.bar.tabs
    return [bar.tabText(i) for i in range(bar.count())]


def test_a_tab_per_chosen_network_each_starting_as_the_main_text(qtbot, open_window):
    window = open_window()
    assert tabs(window) == ["Main text", "X", "Facebook"]
    show(qtbot, window, "X")
    assert window.shown_text() == POST and window.publish.bar.tabs.currentIndex() == 1
    type_at_end(qtbot, window, " #Riverside")
    assert window.publish.docs.is_own("X") and tabs(window)[1] == "X (own words)"
    assert window.text() == POST  # the main text is untouched
    assert window.publish.docs.text_for("Facebook") == POST  # Facebook still follows it
    show(qtbot, window, "")
    assert window.shown_text() == POST
    type_at_end(qtbot, window, " Share this.")
    assert window.publish.docs.text_for("Facebook") == POST + " Share this."
    assert window.publish.docs.text_for("X") == POST + " #Riverside"
    window.platform_bar.actions_by_name["Facebook"].setChecked(False)
    assert tabs(window) == ["Main text", "X (own words)"]


def test_each_version_is_checked_for_its_own_network_only(qtbot, open_window):
    """A draft for X and Facebook listed over-length findings for Bluesky, Threads and Mastodon."""
    window = open_window(Analyzer())
    lengths = [c.finding.message for c in window.findings_list.cards() if c.finding.category == "length"]
    assert len(lengths) == 1 and lengths[0].startswith("Too long for X:")
    assert {f.name for f in window.current_report().platforms} == {"X", "Facebook"}
    show(qtbot, window, "Facebook")
    assert [p.name for p in window.current_report().platforms] == ["Facebook"]
    assert not [c for c in window.findings_list.cards() if c.finding.category == "length"]
    assert window.platform_bar.is_over("X") and not window.platform_bar.is_over("Facebook")
    # X's overflow is not tinted in Facebook's text
    assert window.platform_bar.overflow_start() is None
    show(qtbot, window, "X")
    window.editor.selectAll()
    window.editor.insertPlainText("Councillor Hart is an idiot. We saved the 42 bus.")
    wait_report(qtbot, window)
    musts = [c.finding.text for c in window.findings_list.cards() if c.finding.severity.value == "must-fix"]
    assert musts, card_texts(window)  # the conduct policy checks every version
    assert not window.platform_bar.is_over("X")
    assert window.publish.docs.text_for("Facebook") == POST


def test_copy_for_each_network_copies_its_own_version(qtbot, open_window):
    window = open_window()
    show(qtbot, window, "X")
    window.editor.selectAll()
    window.editor.insertPlainText("The 42 runs until eleven from Monday.\n")
    wait_report(qtbot, window)
    show(qtbot, window, "")
    assert window.publish.copy("X")
    assert QGuiApplication.clipboard().text() == "The 42 runs until eleven from Monday."
    assert window.publish.copy("Facebook")
    assert QGuiApplication.clipboard().text() == POST
    show(qtbot, window, "X")
    qtbot.mouseClick(window.publish.bar.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "The 42 runs until eleven from Monday."
    assert window.publish.bar.copy_button.text() == "Copy for X"
    window.actions_.copy_post.trigger()  # Ctrl+Shift+C copies the version on screen
    assert "Copied for X" in window.statusBar().currentMessage()


def test_make_a_thread_edit_a_post_and_reflow(qtbot, open_window):
    window = open_window(Analyzer())
    show(qtbot, window, "X")
    assert window.publish.bar.thread_button.text() == "Make a thread"
    qtbot.mouseClick(window.publish.bar.thread_button, Qt.MouseButton.LeftButton)
    wait_report(qtbot, window)
    parts = thread_parts(window.shown_text())
    assert len(parts) == 2 and window.publish.docs.is_thread("X")
    assert " ".join(" ".join(parts).split()) == " ".join(POST.split())  # every word, in order
    assert tabs(window)[1] == "X (thread)"
    assert window.publish.bar.thread_button.text() == "Re-flow"
    assert not window.platform_bar.is_over("X")
    assert not [c for c in window.findings_list.cards() if c.finding.category == "length"]
    # a post edited past the limit gets a card naming it; Re-flow carries the rest on
    cursor = window.editor.textCursor()
    cursor.setPosition(window.shown_text().index(f"\n{THREAD_BREAK}"))
    window.editor.setTextCursor(cursor)
    window.editor.insertPlainText(" And the 43 will follow in the spring, with new stops on Mill Lane." * 2)
    wait_report(qtbot, window)
    cards = [c.finding.message for c in window.findings_list.cards() if c.finding.category == "length"]
    assert cards and cards[0].startswith("Post 1 is too long for X:")
    assert window.platform_bar.is_over("X")
    assert not window.publish.copy("X")  # a post too long is not copied
    qtbot.mouseClick(window.publish.bar.thread_button, Qt.MouseButton.LeftButton)
    wait_report(qtbot, window)
    assert len(thread_parts(window.shown_text())) == 3 and not window.platform_bar.is_over("X")
    assert window.publish.copy("X")
    posts = QGuiApplication.clipboard().text().split("\n\n")
    assert [p[-4:] for p in posts] == [" 1/3", " 2/3", " 3/3"]
    # each step is one edit: Ctrl+Z takes the re-flow back
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_report(qtbot, window)
    assert len(thread_parts(window.shown_text())) == 2
    qtbot.mouseClick(window.publish.bar.one_post_button, Qt.MouseButton.LeftButton)
    wait_report(qtbot, window)
    assert THREAD_BREAK not in window.shown_text() and not window.publish.docs.is_thread("X")


def test_the_preview_shows_the_fold_and_each_post_of_a_thread(qtbot, open_window):
    window = open_window()
    publish = window.publish
    show(qtbot, window, "Facebook")
    publish.bar.preview_button.setChecked(True)
    assert publish.preview.isVisible()
    html = publish.preview.html
    assert "See more" in html and "shows this much in the feed" in html
    assert "We saved the 42 bus. For two years residents on every estate told us" in html
    assert "Thank you to everyone" not in html  # below the fold
    show(qtbot, window, "X")
    publish.make_thread("X")
    wait_report(qtbot, window)
    qtbot.waitUntil(lambda: "a thread of 2 posts" in publish.preview.html, timeout=3000)
    assert "Copy post 2" in publish.preview.html
    publish.preview.label.linkActivated.emit("copy:2")
    assert QGuiApplication.clipboard().text().endswith(" 2/2")
    show(qtbot, window, "")
    assert "Choose a network" in publish.preview.html


def test_versions_and_threads_are_kept_with_the_draft(qtbot, open_window, make_window, store):
    window = open_window()
    show(qtbot, window, "X")
    window.publish.make_thread("X")
    show(qtbot, window, "Facebook")
    type_at_end(qtbot, window, " Share it!")
    show(qtbot, window, "")
    draft_id = window.drafts.session.current_id
    window.close()
    saved = store.get(draft_id)
    assert saved.text == POST and saved.networks == ["X", "Facebook"]
    assert saved.versions["X"].thread and len(thread_parts(saved.versions["X"].text)) == 2
    assert saved.versions["Facebook"].text == POST + " Share it!"
    again = make_window(FakeAnalyzer(), store=store)
    qtbot.waitUntil(lambda: again.drafts.started, timeout=10000)
    assert again.drafts.session.current_id == draft_id
    assert tabs(again) == ["Main text", "X (thread)", "Facebook (own words)"]
    assert again.publish.docs.text_for("Facebook") == POST + " Share it!"


def test_an_older_draft_file_opens_with_every_network_following_the_main_text(qtbot, make_window, store):
    import json
    from pathlib import Path

    old = json.loads((Path(__file__).resolve().parents[2] / "data" / "draft-format-2.json").read_text())
    store.folder.mkdir(parents=True, exist_ok=True)
    (store.folder / f"{old['id']}.json").write_text(json.dumps(old), encoding="utf-8")
    window = make_window(FakeAnalyzer(), store=store)
    qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
    assert window.text() == old["text"] and tabs(window) == ["Main text", "X", "Facebook"]
    assert window.publish.content().text_for("X") == old["text"]
    assert window.publish.bar.state.text() == "Not approved yet."


def test_a_thread_written_by_the_window_is_what_the_command_line_reads():
    """The same break line both ways: the window's thread text threads the same posts."""
    text = join_parts(["One.", "Two."])
    assert text == f"One.\n\n{THREAD_BREAK}\n\nTwo."


def test_the_preview_of_a_long_thread_shows_its_first_posts_and_counts_the_rest():
    from desktop_app.core.threads import find_platform, split_thread
    from desktop_app.ui.publish.preview import MAX_POSTS, preview_html
    from tests.ui.window_helpers import shipped_platforms

    x = find_platform(shipped_platforms(), "X")
    thread = split_thread(POST * 5, x)
    assert len(thread.posts) > MAX_POSTS
    html = preview_html(x, join_parts([p.body for p in thread.posts]), True)
    assert f"a thread of {len(thread.posts)} posts" in html
    assert f"Copy post {MAX_POSTS}<" in html and f"Copy post {MAX_POSTS + 1}<" not in html
    assert f"… and {len(thread.posts) - MAX_POSTS} more posts." in html
