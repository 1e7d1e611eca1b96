"""Analysis off the GUI thread: stale results dropped, offsets right after emoji, big pastes."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from desktop_app.core.findings import Finding, Severity
from desktop_app.core.limits import MAX_CHECKED
from tests.ui import window_helpers
from tests.ui.window_helpers import (
    FakeAnalyzer,
    GatedAnalyzer,
    card_texts,
    set_text,
    underlined,
    wait_report,
)

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture


def test_a_stale_result_is_dropped_and_never_drawn(qtbot, make_window):
    slow = GatedAnalyzer(hold={"We leverage it."})
    window = make_window(slow)
    drawn, dropped = [], []
    window.reportDrawn.connect(drawn.append)
    window.controller.resultDropped.connect(dropped.append)

    window.editor.setPlainText("We leverage it.")
    stale_revision = window.revision
    qtbot.waitUntil(slow.entered.is_set)  # the worker is now stuck on the old text
    window.editor.setPlainText("Ask stakeholders.")  # the document moves on meanwhile
    assert window.controller.busy
    slow.release.set()
    wait_report(qtbot, window)

    assert stale_revision in dropped
    assert stale_revision not in drawn and drawn[-1] == window.revision
    assert card_texts(window) == ["stakeholders"]  # never "leverage"
    assert [t for _c, t in underlined(window)] == ["stakeholders"]


def test_a_result_a_few_keystrokes_old_is_moved_through_them(qtbot, make_window):
    slow = GatedAnalyzer(hold={"We leverage it."})
    window = make_window(slow)
    window.editor.setPlainText("We leverage it.")
    old_revision = window.revision
    qtbot.waitUntil(slow.entered.is_set)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Now ")  # typed while the worker is busy with the old text
    seen = []
    window.reportDrawn.connect(lambda rev: seen.append((rev, [t for _c, t in underlined(window)])))
    with qtbot.waitSignal(window.reportDrawn, timeout=5000) as blocker:
        slow.release.set()
    assert blocker.args == [old_revision]  # drawn although 4 keystrokes old...
    assert seen[0][1] == ["leverage"]  # ...with its underline moved onto the same word
    wait_report(qtbot, window)
    assert [t for _c, t in underlined(window)] == ["leverage"]


def test_the_gui_thread_does_not_wait_for_a_slow_analysis(qtbot, make_window):
    slow = GatedAnalyzer(hold={"We leverage it."})
    window = make_window(slow)
    window.editor.setPlainText("We leverage it.")
    qtbot.waitUntil(slow.entered.is_set)
    # the event loop keeps running while the worker is blocked: timers fire, typing works
    heartbeat = QTimer()
    heartbeat.setSingleShot(True)
    with qtbot.waitSignal(heartbeat.timeout, timeout=5000):
        heartbeat.start(10)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, " More")
    assert window.text() == "We leverage it. More"
    slow.release.set()
    wait_report(qtbot, window)
    assert card_texts(window) == ["leverage"]


def test_a_finding_after_emoji_underlines_exactly_its_words(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    text = "🎉🎉 Café 👩🏽‍💻 e\u0301 مرحبا and we leverage it."
    set_text(qtbot, window, text)
    assert [t for _c, t in underlined(window)] == ["leverage"]
    # and the live span used by Apply/F8 sits on the same characters
    ((start, end, finding),) = window.editor.finding_spans()
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "leverage" == text[finding.start : finding.end]
    assert window.apply_suggestion(finding, finding.suggestions[0])
    assert window.text() == text.replace("leverage", "use")


def test_real_engine_emoji_offsets(qtbot, make_window):
    from desktop_app.engine import Analyzer

    window = make_window(Analyzer())
    set_text(qtbot, window, "🎉🎉🎉 Going forward, we will leverage our links.")
    drawn = sorted(t for _c, t in underlined(window))
    assert drawn == sorted(f.text for f in window.displayed_findings())  # each on its own words
    assert "leverage" in drawn and "Going forward" in drawn


def test_a_huge_paste_checks_only_the_start_and_says_so(qtbot, make_window):
    fake = FakeAnalyzer()
    window = make_window(fake)
    big = "We leverage it. " * 70_000  # about 1.1 MB
    window.editor.insertPlainText(big)
    wait_report(qtbot, window, timeout=60000)
    assert fake.calls[-1][1] == MAX_CHECKED  # the engine never saw the whole megabyte
    assert not window.notice_banner.isHidden()
    assert "only the first" in window.notice_banner.label.text()
    assert len(window.findings_list.cards()) <= 60  # a capped list, with a note
    assert not window.findings_list.more_label.isHidden()
    assert window.platform_bar.is_over("Facebook")
    set_text(qtbot, window, "Short again.")
    assert window.notice_banner.isHidden()


def test_grammar_findings_merge_for_the_current_revision_only(qtbot, make_window):
    from desktop_app.core.findings import GrammarState

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "Their going home.")
    grammar = Finding(0, 5, "Their", "LT.THEIR", "grammar", Severity.SUGGESTION, "Did you mean 'They're'?")
    window.merge_grammar_findings(window.revision - 1, [grammar])  # stale: dropped
    assert card_texts(window) == []
    window.merge_grammar_findings(window.revision, [grammar])
    assert card_texts(window) == ["Their"]
    # a later edit elsewhere keeps it while its words are unchanged
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" Now.")
    wait_report(qtbot, window)
    assert card_texts(window) == ["Their"]
    window.set_grammar_status(GrammarState("unavailable", "LanguageTool is not installed"))
    label = window.findChild(type(window.grammar_status), "grammarStatus")
    assert label.text() == "Grammar: off — LanguageTool not installed" and "not installed" in label.toolTip()
    window.set_grammar_status(
        GrammarState("unavailable", "LanguageTool not installed; offline spelling only")
    )
    assert label.text() == "Grammar: spelling only — LanguageTool not installed"


def test_the_snapshot_of_a_huge_draft_is_its_start_without_cutting_an_emoji(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    head = "a\u00a0b\n" + "x" * (MAX_CHECKED - 5)  # the emoji's first half is unit MAX_CHECKED - 1
    window.editor.setPlainText(head + "😀" + "tail " * 1000)
    text, length = window._snapshot()
    assert text == "a b\n" + "x" * (MAX_CHECKED - 5)  # as toPlainText() gives it, minus the emoji
    assert length == len(head) + 2 + 5000  # UTF-16 units of the whole draft
    wait_report(qtbot, window, timeout=60000)


def test_grammar_findings_newer_than_the_drawn_report_wait_for_it(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "Their going home.")
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("So ")  # revision moves on; the drawn report is now one edit old
    grammar = Finding(3, 8, "Their", "LT.THEIR", "grammar", Severity.SUGGESTION, "Did you mean 'They're'?")
    window.merge_grammar_findings(window.revision, [grammar])
    assert card_texts(window) == []  # not drawn against the older report's positions
    wait_report(qtbot, window)
    assert card_texts(window) == ["Their"]
    assert [t for _c, t in underlined(window)] == ["Their"]
