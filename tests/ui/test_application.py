"""The main window as the app builds it (application.create_window): drafts with autosave and
restore, grammar and spelling from a (fake) LanguageTool, and the review export."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication

from desktop_app.grammar.config import default_config
from desktop_app.storage.atomic import WriteFailed
from desktop_app.storage.drafts import DraftStore
from desktop_app.storage.settings import Settings
from desktop_app.ui.application import create_window
from tests.ui.window_helpers import (
    FakeAnalyzer,
    card_for_text,
    card_texts,
    type_text,
    underlined,
    wait_report,
)


@pytest.fixture
def drafts_folder(tmp_path):
    return tmp_path / "drafts"


@pytest.fixture
def open_app(qtbot, tmp_path, drafts_folder):
    windows = []
    config = dataclasses.replace(
        default_config(), retry_delays=(0.05,), connect_timeout=1.0, read_timeout=10.0
    )

    def make(url: str = "", analyzer=None, typed_first: str = ""):
        settings = Settings(tmp_path / "settings.json")
        if url:
            settings.set("languagetool_url", url)
        window = create_window(
            store=DraftStore(drafts_folder),
            grammar_config=config,
            settings=settings,
            analyzer=analyzer or FakeAnalyzer(),
        )
        qtbot.addWidget(window)
        if typed_first:  # typed in the moment before the drafts lane starts
            window.editor.setPlainText(typed_first)
            assert not window.drafts.started
        window.show()
        qtbot.waitUntil(lambda: window.drafts.started, timeout=10000)
        qtbot.waitUntil(lambda: window.controller.analyzer is not None, timeout=15000)
        qtbot.waitUntil(lambda: window.grammar.lane is not None, timeout=10000)
        wait_report(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()
        lane = window.grammar.lane
        if lane is not None:
            lane.shutdown()
            lane._pool.waitForDone(5000)
        window.sign_off.pool.waitForDone(10000)
        window.controller.shutdown()
    QThreadPool.globalInstance().waitForDone(5000)


def insert_text(qtbot, window, text: str) -> None:
    """Insert at the cursor as typing does (QTest's key clicks only know ASCII)."""
    window.editor.textCursor().insertText(text)
    wait_report(qtbot, window)


def session(window):
    return window.drafts.session


def wait_saved(qtbot, window):
    qtbot.waitUntil(lambda: not session(window).has_unsaved_changes(), timeout=5000)


# ----------------------------------------------------------------------------- grammar
def test_status_and_findings_from_languagetool_with_spans_after_an_emoji(qtbot, open_app, fake_lt):
    window = open_app(fake_lt.url)
    qtbot.waitUntil(lambda: window.grammar_status.text().startswith("Grammar: ready"), timeout=10000)
    assert window.grammar_status.text() == f"Grammar: ready (LanguageTool at {fake_lt.url})"
    assert window.grammar_status.accessibleName() == "Grammar checking status"
    assert "ready" in window.grammar_status.toolTip()

    text = "🎉 We could of won. I recieve it."
    insert_text(qtbot, window, text)
    qtbot.waitUntil(lambda: {"could of", "recieve"} <= set(card_texts(window)), timeout=10000)
    assert fake_lt.requests, "the window's text went to LanguageTool"
    for words in ("could of", "recieve"):
        finding = card_for_text(window, words).finding
        assert text[finding.start : finding.end] == words  # Python indices, past the emoji
        assert any(drawn == words for _colour, drawn in underlined(window))


def test_status_says_offline_spelling_when_the_server_is_down(qtbot, open_app, fake_lt):
    url = fake_lt.url
    fake_lt.down()
    window = open_app(url)
    qtbot.waitUntil(lambda: window.grammar_status.text() == "Grammar: offline spelling only", timeout=10000)
    assert "unavailable" in window.grammar_status.toolTip()
    type_text(qtbot, window, "We will recieve it.")
    qtbot.waitUntil(lambda: "recieve" in card_texts(window), timeout=10000)  # offline Hunspell


def test_add_to_dictionary_removes_the_spelling_card(qtbot, open_app):
    window = open_app()
    qtbot.waitUntil(lambda: "not installed" in window.grammar_status.text(), timeout=10000)
    type_text(qtbot, window, "Thanks for the blorptastic welcome and for recieving us.")
    qtbot.waitUntil(lambda: "blorptastic" in card_texts(window), timeout=10000)
    card = card_for_text(window, "blorptastic")
    assert card.add_word_button is not None and card_for_text(window, "recieving").add_word_button
    lane = window.grammar.lane
    with qtbot.waitSignal(lane.wordAdded, timeout=5000) as added:
        card.add_word_button.click()
        assert "blorptastic" not in card_texts(window)  # at once
    assert added.args == ["blorptastic", ""]
    with qtbot.waitSignal(lane.findingsReady, timeout=5000):
        pass  # the draft is checked again with the new word
    assert "blorptastic" not in card_texts(window)
    assert "recieving" in card_texts(window)
    assert "blorptastic" in lane.words()
    assert "Added “blorptastic”" in window.statusBar().currentMessage()


def test_a_word_list_that_cannot_be_saved_says_so(qtbot, open_app, monkeypatch):
    window = open_app()
    type_text(qtbot, window, "We will recieve it.")
    qtbot.waitUntil(lambda: "recieve" in card_texts(window), timeout=10000)
    lane = window.grammar.lane

    def fail(word):
        raise WriteFailed(28, "No space left on device")

    monkeypatch.setattr(lane._service, "add_to_dictionary", fail)
    with qtbot.waitSignal(lane.wordAdded, timeout=5000) as added:
        card_for_text(window, "recieve").add_word_button.click()
    assert added.args[1]
    assert "could not be added to your dictionary" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "recieve" in card_texts(window), timeout=5000)  # still underlined


def test_the_grammar_lane_reads_the_policy_pack_off_the_gui_thread(qtbot, open_app, monkeypatch):
    """Its settings and words come from the policy pack: read on the GUI thread (twice), the
    window froze for half a second as it started."""
    import sys
    import threading
    from pathlib import Path

    import desktop_app.policy as policy

    on_gui_thread = []
    real = policy.load_policy

    def load_policy(*args, **kwargs):
        caller = sys._getframe(1).f_code.co_filename
        if threading.current_thread() is threading.main_thread() and "tests" not in Path(caller).parts:
            on_gui_thread.append(caller)  # the app's own call, not the fake analyser's
        return real(*args, **kwargs)

    monkeypatch.setattr(policy, "load_policy", load_policy)
    window = open_app()
    assert on_gui_thread == []
    assert "Cllr" in window.grammar.lane._pack_words  # the pack's words reached the speller
    window.grammar.lane.restart()  # a new server address: the words are not read again
    assert on_gui_thread == []


def _app_loads(monkeypatch) -> list[str]:
    """Where the app (not a test) calls load_policy from, as it happens."""
    import sys
    from pathlib import Path

    import desktop_app.policy as policy

    calls, real = [], policy.load_policy

    def load_policy(*args, **kwargs):
        caller = sys._getframe(1).f_code.co_filename
        if "tests" not in Path(caller).parts:
            calls.append(caller)
        return real(*args, **kwargs)

    monkeypatch.setattr(policy, "load_policy", load_policy)
    return calls


def _grammar_window(qtbot, tmp_path, **window_args):
    window = create_window(store=DraftStore(tmp_path / "drafts"), settings=Settings(tmp_path / "s.json"),
                           **window_args)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.grammar.lane is not None, timeout=15000)
    return window


def _close(window) -> None:
    window.close()
    window.grammar.lane._pool.waitForDone(5000)
    window.controller.shutdown()


def test_the_grammar_lane_takes_the_pack_the_engine_loaded(qtbot, tmp_path, monkeypatch):
    """The lane's settings and words come from the pack the engine loaded: read a second
    time on another worker, the pack held the GIL against the window while the engine read it."""
    from desktop_app.grammar.config import parse_config
    from desktop_app.policy import load_policy

    pack = load_policy()  # as the engine loads it (here, once, before the window)
    analyzer = FakeAnalyzer()
    analyzer.pack = pack
    loads = _app_loads(monkeypatch)
    window = _grammar_window(qtbot, tmp_path, analyzer=analyzer)
    lane = window.grammar.lane
    _close(window)
    assert loads == []  # the pack was read once, not again for the grammar lane
    assert lane._pack_words == list(pack.words) and "Cllr" in lane._pack_words
    assert lane._config == parse_config(pack.grammar_settings)


def test_the_grammar_lane_starts_when_the_engine_cannot(qtbot, tmp_path, monkeypatch):
    def broken():
        raise ValueError("the rules could not be read")

    loads = _app_loads(monkeypatch)
    window = _grammar_window(qtbot, tmp_path, analyzer_factory=broken)
    lane = window.grammar.lane
    _close(window)
    assert window.check_status.text() == "Checks unavailable"
    assert [Path(c).name for c in loads] == ["feature.py"]  # the lane read the pack itself
    assert "Cllr" in lane._pack_words


def test_preferences_show_the_grammar_section_and_a_new_url_restarts_the_lane(qtbot, open_app, fake_lt):
    window = open_app()
    box = window.grammar.preference_section()
    assert box.objectName() == "grammarSettings"
    box.url.setText(fake_lt.url)
    window.apply_preferences(box.values())
    qtbot.waitUntil(lambda: window.grammar_status.text().startswith("Grammar: ready"), timeout=10000)
    assert window.settings.get("languagetool_url") == fake_lt.url


# ----------------------------------------------------------------------------- drafts
def test_the_drafts_panel_lists_drafts_and_switching_keeps_both(qtbot, open_app, drafts_folder):
    store = DraftStore(drafts_folder)
    first = store.create("Bus fares are going up again.")
    second = store.create("Our library stays open.")
    store.set_last_open(first.id)

    window = open_app()
    panel = window.drafts.panel
    assert window.drafts_slot.isVisible() and panel.isVisible()
    assert set(panel.ids()) == {first.id, second.id}
    assert window.text() == "Bus fares are going up again."
    assert "Bus fares are going up again." in window.windowTitle()

    panel.set_current_row(panel.ids().index(second.id))
    assert window.text() == "Our library stays open."
    type_text(qtbot, window, " Come along")  # cursor restored at the end of the draft
    wait_saved(qtbot, window)
    panel.set_current_row(panel.ids().index(first.id))
    assert window.text() == "Bus fares are going up again."

    assert store.get(first.id).text == "Bus fares are going up again."
    assert store.get(second.id).text == "Our library stays open. Come along"


def test_new_keeps_the_old_draft_and_the_window_state_follows_each_draft(qtbot, open_app, drafts_folder):
    window = open_app()
    type_text(qtbot, window, "We leverage it. What an idiot.")
    old = session(window).current_id
    window.ignore_here(card_for_text(window, "idiot").finding, reason="Quoting a resident's complaint")
    wait_saved(qtbot, window)

    window.actions_.new.trigger()  # Ctrl+N
    assert window.text() == ""
    assert session(window).current_id != old
    assert DraftStore(drafts_folder).get(old).text == "We leverage it. What an idiot."
    assert window.review.ignored == []
    qtbot.waitUntil(lambda: old in window.drafts.panel.ids())

    panel = window.drafts.panel
    panel.set_current_row(panel.ids().index(old))
    wait_report(qtbot, window)
    assert window.text() == "We leverage it. What an idiot."
    assert "idiot" not in card_texts(window)  # still ignored in this draft
    ignored = DraftStore(drafts_folder).get(old).review.ignored
    assert [(i.rule, i.words, i.reason) for i in ignored] == [
        ("Test.Attack", "idiot", "Quoting a resident's complaint")
    ]


def test_restart_restores_the_last_draft_and_its_cursor(qtbot, open_app, drafts_folder):
    window = open_app()
    insert_text(qtbot, window, "Vote for our candidate 🗳 on Thursday.")
    cursor = window.editor.textCursor()
    cursor.setPosition(10)
    window.editor.setTextCursor(cursor)
    draft_id = session(window).current_id
    window.close()  # saves the last change on the way out
    assert not window.isVisible()

    again = open_app()
    assert session(again).current_id == draft_id
    assert again.text() == "Vote for our candidate 🗳 on Thursday."
    assert again.editor.textCursor().position() == 10


def test_opening_a_file_makes_a_new_draft_and_save_as_remembers_it(qtbot, open_app, tmp_path, drafts_folder):
    window = open_app()
    type_text(qtbot, window, "The draft I was writing.")
    before = session(window).current_id
    source = tmp_path / "post.md"
    source.write_bytes("\ufeffFrom a file 🎉".encode())
    with qtbot.waitSignal(window.fileOpened, timeout=5000):
        window.open_file(str(source))
    assert window.text() == "From a file 🎉"
    assert session(window).current_id != before
    assert DraftStore(drafts_folder).get(before).text == "The draft I was writing."

    target = tmp_path / "final"
    with qtbot.waitSignal(window.fileSaved, timeout=5000):
        window.save_as(str(target))
    assert (tmp_path / "final.txt").read_text(encoding="utf-8") == "From a file 🎉"
    wait_saved(qtbot, window)
    assert DraftStore(drafts_folder).get(session(window).current_id).source_path == str(
        tmp_path / "final.txt"
    )


def test_a_file_over_1_mb_asks_first(qtbot, open_app, tmp_path):
    window = open_app()
    big = tmp_path / "big.txt"
    big.write_text("word " * 220_000, encoding="utf-8")
    asked = []
    window.confirm_large_file = lambda name, size: asked.append((name, size)) or False
    window.open_file(str(big))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert asked[0][0] == "big.txt" and asked[0][1] > 1024 * 1024
    assert window.text() == ""
    assert "was not opened" in window.statusBar().currentMessage()


def test_a_file_over_1_mb_can_be_opened_as_its_first_64000_characters_and_the_file_is_safe(
    qtbot, open_app, tmp_path, drafts_folder
):
    """Opening all of it made every keystroke stall for seconds; its start is what is
    checked. The new draft is not the file's: saving it can never cut the file short."""
    from desktop_app.core.limits import MAX_CHECKED

    window = open_app()
    big = tmp_path / "minutes.txt"
    whole = "The committee agreed the bus plan. " * 40_000
    big.write_text(whole, encoding="utf-8")
    window.confirm_large_file = lambda name, size: "start"
    with qtbot.waitSignal(window.fileOpened, timeout=10000):
        window.open_file(str(big))
    text = window.text()
    assert 0.95 * MAX_CHECKED < len(text) <= MAX_CHECKED
    assert whole.startswith(text) and text.endswith("plan.")  # cut between words, not inside one
    assert "first 64,000 characters of minutes.txt" in window.statusBar().currentMessage()
    wait_saved(qtbot, window)
    assert DraftStore(drafts_folder).get(session(window).current_id).source_path is None
    assert big.read_text(encoding="utf-8") == whole


def test_a_failed_autosave_shows_a_message_and_keeps_the_text(qtbot, open_app, monkeypatch):
    window = open_app()
    store = window.drafts.store

    def full_disk(*_args, **_kwargs):
        raise WriteFailed(28, "Cannot save the draft: No space left on device")

    monkeypatch.setattr(store, "update", full_disk)
    with qtbot.waitSignal(session(window).saveFailed, timeout=5000):
        type_text(qtbot, window, "Do not lose this.")
    banner = window.drafts.banner
    assert banner.isVisible() and "could not be saved" in banner.label.text()
    assert window.text() == "Do not lose this."
    monkeypatch.undo()
    with qtbot.waitSignal(session(window).saved, timeout=10000):
        session(window).save_soon_now()
    assert not banner.isVisible()


# ----------------------------------------------------------------------------- review
def _annotated_window(qtbot, open_app):
    window = open_app()
    type_text(qtbot, window, "We leverage our network. Perhaps it works. What an idiot.")
    window.ignore_here(card_for_text(window, "idiot").finding, reason="Quoting a resident's complaint")
    finding = card_for_text(window, "leverage").finding
    assert window.apply_suggestion(finding, finding.suggestions[0])
    wait_report(qtbot, window)
    return window


def test_review_html_has_every_finding_and_the_ignored_one_with_its_reason(qtbot, open_app, tmp_path):
    window = _annotated_window(qtbot, open_app)
    assert window.text() == "We use our network. Perhaps it works. What an idiot."
    target = tmp_path / "review"
    with qtbot.waitSignal(window.sign_off.exported, timeout=5000) as done:
        assert window.sign_off.export_to("html", target, approver="Sam Jones")
    assert done.args == [str(tmp_path / "review.html")]
    html = (tmp_path / "review.html").read_text(encoding="utf-8")
    for finding in window.current_report().findings:
        assert finding.message in html
    assert "Perhaps" in html
    assert "idiot" in html and "<b>Ignored</b>: Quoting a resident&#x27;s complaint" in html
    assert "1 must-fix finding was ignored, not fixed." in html
    assert "1 fixed</h2>" in html and "Fixed with a suggested rewrite: “leverage”" in html
    assert "Approved by: Sam Jones" in html


def test_review_pdf_is_a_valid_pdf_with_the_post(qtbot, open_app, tmp_path):
    import pypdfium2 as pdfium  # the test extra installs it: a missing one must fail, not skip

    window = _annotated_window(qtbot, open_app)
    target = tmp_path / "review.pdf"
    with qtbot.waitSignal(window.sign_off.exported, timeout=20000):
        window.sign_off.export_to("pdf", target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    text = pdf[0].get_textpage().get_text_range()
    assert "Sign-off sheet" in text
    assert "We use our network" in text


def test_the_window_lays_its_pdf_out_in_a_child_process(qtbot, open_app, tmp_path, monkeypatch):
    """Qt holds the interpreter lock while it lays out a document: laid out in the app's own
    process, a long sheet stalled the window 50-350 ms (bench_signoff)."""
    import pypdfium2 as pdfium

    from desktop_app.ui.review import export

    window = _annotated_window(qtbot, open_app)

    def not_here(*_args, **_kwargs):
        raise AssertionError("the PDF was laid out in the window's process")

    monkeypatch.setattr(export, "render_pdf", not_here)  # the child imports its own copy
    target = tmp_path / "review.pdf"
    with qtbot.waitSignal(window.sign_off.exported, timeout=60000):
        window.sign_off.export_to("pdf", target)
    pdf = pdfium.PdfDocument(target.read_bytes())
    assert "We use our network" in pdf[0].get_textpage().get_text_range()
    pdf.close()


def test_a_pdf_is_still_saved_when_the_child_process_fails(qtbot, open_app, tmp_path, monkeypatch):
    from desktop_app.ui.review import pdf_process

    def broken(*_args, **_kwargs):
        raise OSError("the PDF process could not start (PermissionError)")

    monkeypatch.setattr(pdf_process, "render_pdf_in_child", broken)
    window = _annotated_window(qtbot, open_app)
    target = tmp_path / "review.pdf"
    with qtbot.waitSignal(window.sign_off.exported, timeout=20000):
        window.sign_off.export_to("pdf", target)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_review_that_cannot_be_written_says_why(qtbot, open_app, tmp_path):
    window = open_app()
    type_text(qtbot, window, "Perhaps.")
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    with qtbot.waitSignal(window.sign_off.exportFailed, timeout=5000) as failed:
        window.sign_off.export_to("html", blocker_file / "review.html")
    assert "could not be saved as review.html" in failed.args[0]


def test_copy_post_puts_the_text_on_the_clipboard(qtbot, open_app):
    window = open_app()
    insert_text(qtbot, window, "Thank you, volunteers 🎉")
    window.actions_.copy_post.trigger()
    assert QGuiApplication.clipboard().text() == "Thank you, volunteers 🎉"


def test_the_file_menu_has_both_exports(qtbot, open_app):
    window = open_app()
    texts = [a.text() for a in window.actions_.menus.file.actions()]
    assert "Export Review as HTML…" in texts and "Export Review as PDF…" in texts


def test_closing_when_the_last_change_cannot_be_saved_asks_first(qtbot, open_app, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = open_app()
    type_text(qtbot, window, "Keep me.")
    monkeypatch.setattr(session(window), "close", lambda: False)
    asked = []

    def answer(*args, **_kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.close()
    assert asked == ["Your latest changes could not be saved"]
    assert window.isVisible() and window.text() == "Keep me."
    monkeypatch.undo()


def test_typing_before_the_drafts_are_read_makes_one_new_draft_and_keeps_the_last(
    qtbot, open_app, drafts_folder
):
    store = DraftStore(drafts_folder)
    earlier = store.create("Yesterday's draft about the library.")
    store.set_last_open(earlier.id)
    window = open_app(typed_first="Typed in the first moment")
    assert window.text() == "Typed in the first moment"  # not replaced by the restored draft
    texts = sorted(d.text for d in DraftStore(drafts_folder).list())
    assert texts == ["Typed in the first moment", "Yesterday's draft about the library."]
    assert window.drafts.panel.count() == 2  # listed once each
    insert_text(qtbot, window, " and then some.")
    wait_saved(qtbot, window)
    texts = sorted(d.text for d in DraftStore(drafts_folder).list())
    assert texts == ["Typed in the first moment and then some.", "Yesterday's draft about the library."]


def test_select_all_delete_then_quit_puts_the_draft_in_the_bin(qtbot, open_app, drafts_folder):
    window = open_app()
    insert_text(qtbot, window, "Join us at the library on Saturday.")
    wait_saved(qtbot, window)
    window.editor.selectAll()
    window.editor.textCursor().removeSelectedText()
    wait_saved(qtbot, window)
    draft_id = session(window).current_id
    window.close()
    store = DraftStore(drafts_folder)
    assert store.list() == []
    assert [(d.id, d.text) for d in store.bin()] == [(draft_id, "Join us at the library on Saturday.")]


def test_the_sign_off_sheet_from_the_window_covers_only_the_chosen_networks_on_one_page(
    qtbot, open_app, tmp_path
):
    """The review listed over-length findings for Bluesky, Threads and Mastodon when the draft
    was for X and Facebook, and ran to 8 pages for a 96-word post."""
    import pypdfium2 as pdfium

    from desktop_app.engine import Analyzer

    window = open_app(analyzer=Analyzer())
    window.platform_bar.set_networks(["X", "Facebook"])
    window.platform_bar.networksChanged.emit(["X", "Facebook"])
    post = (
        "Councillor Smith is a spineless liar who has let down every family on Mill Lane. Going forward we "
        "will leverage our stakeholders to deliver a new community hub, and we will look at longer opening "
        "hours in due course. Thanks to the volunteers who knocked on two thousand doors this spring. Come "
        "and tell us what you think on Saturday at the library, and bring a friend who cares about the town. "
        "Together we can win this for Riverside and make it a place we are proud of."
    )
    insert_text(qtbot, window, post)
    window.publish.make_thread("X")
    wait_report(qtbot, window)
    html_path, pdf_path = tmp_path / "sheet.html", tmp_path / "sheet.pdf"
    with qtbot.waitSignal(window.sign_off.exported, timeout=20000):
        window.sign_off.export_to("html", html_path, approver="Sam Jones")
    html = html_path.read_text(encoding="utf-8")
    for other in ("Bluesky", "Threads", "Mastodon"):
        assert other not in html
    assert "a thread of 2 posts" in html and "<b>Facebook</b>: one post; the feed shows" in html
    with qtbot.waitSignal(window.sign_off.exported, timeout=20000):
        window.sign_off.export_to("pdf", pdf_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        assert len(pdf) == 1
    finally:
        pdf.close()
    # each exported version is kept once (the PDF is of the same words as the HTML)
    assert [(e.kind, e.detail) for e in window.publish.history] == [("exported", "sheet.html")]


def test_a_window_closed_while_its_lanes_read_the_policy_and_drafts_starts_neither(
    qtbot, tmp_path, monkeypatch
):
    """Closed before the workers came back (the app quitting a second after it opened), the
    grammar lane and the drafts were started after shutdown: a job then emitted on a deleted
    object as the app quit."""
    import threading

    from PySide6.QtCore import QThreadPool

    import desktop_app.policy as policy

    reading = threading.Event()  # the workers wait here until the window has closed
    real_load, real_list = policy.load_policy, DraftStore.list
    window = create_window(store=DraftStore(tmp_path / "drafts"), settings=Settings(tmp_path / "s.json"),
                           analyzer=FakeAnalyzer())  # fmt: skip
    qtbot.addWidget(window)
    monkeypatch.setattr(policy, "load_policy", lambda *a, **k: reading.wait(10) and real_load(*a, **k))
    monkeypatch.setattr(DraftStore, "list", lambda self: reading.wait(10) and real_list(self))
    window.show()
    qtbot.waitUntil(window.features_ready, timeout=10000)
    window.close()
    reading.set()
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)  # their results arrive now
    assert window.grammar.lane is None
    assert not window.drafts.started
    window.controller.shutdown()


def test_a_long_file_name_is_cut_in_the_middle_to_fit_the_status_bar():
    """The message for a file opened as its start was cut off mid-word at 1400 px."""
    from desktop_app.ui.window.file_actions import _short_name

    assert _short_name("/tmp/minutes.txt") == "minutes.txt"
    short = _short_name("/home/sam/council-minutes-2019-2026-full-year-archive.txt")
    assert len(short) == 32 and short.startswith("council-minutes") and short.endswith("archive.txt")
    assert "…" in short
