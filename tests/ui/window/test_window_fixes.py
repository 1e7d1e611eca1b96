"""Fill-in rewrites in the real window: the fields selected in turn, Tab to the next, Ctrl+Z
undoes the rewrite; advice that adds words is not applied by Ctrl+.; the public contact set
in Preferences reaches the engine."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.engine import Analyzer
from desktop_app.ui.fixes.contact_section import ContactSection
from tests.ui import window_helpers
from tests.ui.window_helpers import card_for_text, set_text, wait_report

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture

ATTACK = "Councillor Hart is a liar and everyone in Ashford knows it."


def _put_cursor_on(window, words: str) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(window.text().index(words) + 1)
    window.editor.setTextCursor(cursor)


def test_a_fill_in_rewrite_selects_each_field_in_turn_with_tab(qtbot, make_window):
    window = make_window(Analyzer())
    set_text(qtbot, window, ATTACK)
    _put_cursor_on(window, "Hart")
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert window.text() == (
        "Councillor Hart said [what they said], but [what the record shows] and everyone in Ashford knows it."
    )
    assert window.editor.textCursor().selectedText() == "[what they said]"
    assert "field 1 of 2" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.editor, "the library would stay open")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.hasFocus()
    assert window.editor.textCursor().selectedText() == "[what the record shows]"
    qtbot.keyClicks(window.editor, "the minutes show he voted to close it")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)  # past the last field: done, cursor after the rewrite
    assert not window.fields.active and window.editor.hasFocus()
    assert "Rewrite finished" in window.statusBar().currentMessage()
    wait_report(qtbot, window)
    assert window.text() == (
        "Councillor Hart said the library would stay open, but the minutes show he voted to close it "
        "and everyone in Ashford knows it."
    )
    assert window.editor.textCursor().position() == window.text().index(" and everyone")
    assert window.principles_panel.rows["conduct"].state == "clear"


def test_tab_and_esc_still_step_through_fields_after_a_huge_paste(qtbot, make_window):
    # A paste longer than any post once switched the fields' Tab and Esc off for good
    from PySide6.QtCore import QMimeData

    window = make_window(Analyzer())
    window.editor.ask_huge_paste = lambda _length: None  # the writer chose to paste nothing
    huge = QMimeData()
    huge.setText("a" * 200_000)
    window.editor.insertFromMimeData(huge)
    set_text(qtbot, window, ATTACK)
    card = card_for_text(window, "Councillor Hart is a liar")
    qtbot.mouseClick(card.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "[what they said]"
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    assert window.editor.textCursor().selectedText() == "[what the record shows]"
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.fields.active


def test_an_unfilled_field_is_must_fix_and_ctrl_z_undoes_the_rewrite(qtbot, make_window):
    window = make_window(Analyzer())
    set_text(qtbot, window, ATTACK)
    card = card_for_text(window, "Councillor Hart is a liar")
    qtbot.mouseClick(card.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "[what they said]"
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.fields.active
    assert "still need your words" in window.statusBar().currentMessage()
    wait_report(qtbot, window)
    unfinished = [c for c in window.findings_list.cards() if c.finding.category == "unfinished"]
    assert [c.finding.text for c in unfinished] == ["[what they said]", "[what the record shows]"]
    assert all(c.ignore_rule_button is None for c in unfinished)  # never switched off for good
    assert window.principles_panel.rows["conduct"].state == "must-fix"
    # Ctrl+. on an unfilled field selects it again
    _put_cursor_on(window, "[what the record shows]")
    window.apply_first_suggestion()
    assert window.editor.textCursor().selectedText() == "[what the record shows]"
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_report(qtbot, window)
    assert window.text() == ATTACK and not window.fields.active


def test_undo_straight_after_the_rewrite_brings_the_words_back(qtbot, make_window):
    window = make_window(Analyzer())
    set_text(qtbot, window, ATTACK)
    card = card_for_text(window, "Councillor Hart is a liar")
    qtbot.mouseClick(card.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    assert window.fields.active
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.text() == ATTACK and not window.fields.active
    assert "Rewrite undone" in window.statusBar().currentMessage()


def test_ctrl_period_never_adds_words_the_writer_did_not_choose(qtbot, make_window):
    window = make_window(Analyzer())
    text = "Our plan for Mill Lane is to build 40 council homes by 2027."
    set_text(qtbot, window, text)
    _put_cursor_on(window, "Our plan")
    window.apply_first_suggestion()
    assert window.text() == text
    assert "adds words" in window.statusBar().currentMessage()
    card = card_for_text(window, "Our plan")
    assert "Add “What would you change?”" in card.suggestion_buttons[0].toolTip()
    qtbot.mouseClick(card.suggestion_buttons[0], Qt.MouseButton.LeftButton)  # the writer chooses it
    assert window.text() == text + " What would you change?"


def test_the_public_contact_from_preferences_reaches_the_fixes(qtbot, make_window):
    window = make_window(Analyzer())
    window.set_public_contact({"email": "branch@example.org"})
    set_text(qtbot, window, "Email jo.smith@yahoo.com with your ideas.")
    wait_report(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.findings_list.cards()))
    card = card_for_text(window, "jo.smith@yahoo.com")
    assert card.finding.suggestions[0].replacement == "the branch at branch@example.org"


def test_the_contact_section_gives_only_what_was_filled_in(qtbot):
    section = ContactSection({"email": "branch@example.org"})
    qtbot.addWidget(section)
    section.edits["phone"].setText("  01632   960000 ")
    assert section.values() == {"public_contact": {"email": "branch@example.org", "phone": "01632 960000"}}


def test_fields_left_in_a_networks_version_never_take_keys_typed_in_another(qtbot, make_window):
    # Found by a randomised drive of the window: fields made in X's tab outlived a switch
    # back to the main text, and Tab there put the cursor in X's hidden version, so what
    # the writer typed changed it unseen
    window = make_window(Analyzer())
    window.platform_bar.set_networks(["X", "Facebook"])
    window.platform_bar.networksChanged.emit(["X", "Facebook"])
    set_text(qtbot, window, "Main text: our bus campaign needs you on Saturday.")
    window.publish.show_source("X")
    editor = window.editor
    editor.setFocus()
    editor.selectAll()
    editor.insertPlainText("[name] said [what they said], which is wrong.")
    window.fields.start([(0, 6), (12, 28)], 45)  # as a rewrite with fields leaves them
    window.publish.show_source("")  # back to the main text, the fields unfilled
    assert not window.fields.active
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().document() is editor.document()
    qtbot.keyClicks(editor, "ZZZ")
    assert window.publish.docs.text_for("X") == "[name] said [what they said], which is wrong."
