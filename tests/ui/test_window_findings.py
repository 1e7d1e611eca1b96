"""Cards, Apply, Ignore, filters and keyboard navigation (with a deterministic fake engine)."""

import json

from PySide6.QtCore import Qt

from desktop_app.storage.settings import Settings
from tests.ui import window_helpers
from tests.ui.window_helpers import (
    FakeAnalyzer,
    card_for_text,
    card_texts,
    set_text,
    underlined,
    wait_report,
)

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture


def test_a_card_shows_words_principle_why_and_suggestions(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We will leverage it.")
    card = card_for_text(window, "leverage")
    assert card.words_label.text() == "“leverage”"
    assert card.serves_label.text().startswith("P7 · ")
    assert card.why_label.text() == "Why leverage." and not card.why_label.isHidden()
    assert [b.text() for b in card.suggestion_buttons] == ["use"]
    assert card.accessibleName() == "Advice: “leverage”"


def test_cards_are_grouped_by_severity_with_must_fix_first(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We will leverage it. He is an idiot.")
    assert card_texts(window) == ["idiot", "leverage"]
    headers = [h.text() for h, _layout, _box in window.findings_list._groups.values() if not h.isHidden()]
    assert headers == ["Must fix · 1", "Advice · 1"]
    assert window.findings_list.summary.text() == "1 to fix · 1 advice"


def test_all_clear_when_nothing_is_flagged(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    assert window.findings_list.all_clear.isHidden()  # empty draft: a hint instead
    assert not window.findings_list.empty_hint.isHidden()
    set_text(qtbot, window, "Thank you to everyone who came to the fun day.")
    assert not window.findings_list.all_clear.isHidden()
    assert window.findings_list.cards() == []
    assert all(row.state == "clear" for row in window.principles_panel.rows.values())
    set_text(qtbot, window, "We will leverage it.")
    assert window.findings_list.all_clear.isHidden()


def test_apply_is_one_undo_step(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "First we leverage, then we leverage again.")
    card = window.findings_list.cards()[1]  # the second "leverage"
    qtbot.mouseClick(card.suggestion_buttons[0], Qt.MouseButton.LeftButton)
    wait_report(qtbot, window)
    assert window.text() == "First we leverage, then we use again."
    assert card_texts(window) == ["leverage"]
    window.editor.undo()
    wait_report(qtbot, window)
    assert window.text() == "First we leverage, then we leverage again."
    assert card_texts(window) == ["leverage", "leverage"]


def test_apply_uses_the_words_where_they_are_now(qtbot, make_window):
    """Text typed before the finding since the report must not misplace the replacement."""
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it.")
    finding = card_for_text(window, "leverage").finding
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Today ")  # report not redrawn yet
    assert window.apply_suggestion(finding, finding.suggestions[0])
    assert window.text() == "Today We use it."


def test_ctrl_full_stop_applies_the_first_suggestion_at_the_cursor(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "Talk to stakeholders today.")
    cursor = window.editor.textCursor()
    cursor.setPosition(10)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    wait_report(qtbot, window)
    assert window.text() == "Talk to people affected today."


def test_f8_and_shift_f8_walk_the_findings_and_select_cards(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    text = "We leverage it. Ask stakeholders. He is an idiot."
    set_text(qtbot, window, text)
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
        seen.append(window.editor.textCursor().selectedText())
        assert window.findings_list.selected_finding().text == seen[-1]
    assert seen == ["leverage", "stakeholders", "idiot", "leverage"]  # wraps round
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "idiot"
    card = window.findings_list.card_for(window.findings_list.selected_finding())
    assert card.property("selected") is True


def test_moving_the_cursor_onto_a_finding_selects_its_card(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    cursor = window.editor.textCursor()
    cursor.setPosition(24)  # inside "stakeholders"
    window.editor.setTextCursor(cursor)
    assert window.findings_list.selected_finding().text == "stakeholders"


def test_clicking_a_card_selects_its_words(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    qtbot.mouseClick(card_for_text(window, "stakeholders"), Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "stakeholders"


def test_ignore_here_hides_only_that_finding_in_this_draft(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    qtbot.mouseClick(card_for_text(window, "leverage").ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["stakeholders"]
    assert ("advice", "leverage") not in [(s, t) for s, t in underlined(window)]
    assert [t for _c, t in underlined(window)] == ["stakeholders"]
    set_text(qtbot, window, "Now we leverage more. Ask stakeholders.")  # still ignored after edits
    assert card_texts(window) == ["stakeholders"]
    assert window.draft_annotations()["ignored_here"] == [["Test.Jargon", "leverage"]]
    window.new_draft()  # a new draft starts afresh
    set_text(qtbot, window, "We leverage it.")
    assert card_texts(window) == ["leverage"]


def test_conduct_findings_need_a_reason_to_be_ignored(qtbot, make_window, monkeypatch):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot.")
    card = card_for_text(window, "idiot")
    assert card.ignore_here_button.text() == "Ignore here…"
    monkeypatch.setattr(window, "_ask_reason", lambda finding, whole_rule: None)  # cancelled
    qtbot.mouseClick(card.ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["idiot"]
    assert window.draft_annotations()["conduct_reasons"] == []
    monkeypatch.setattr(window, "_ask_reason", lambda finding, whole_rule: "Quoting a troll to report them")
    qtbot.mouseClick(card.ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == []
    assert window.draft_annotations()["conduct_reasons"] == [
        {"rule": "Test.Attack", "text": "idiot", "scope": "here", "reason": "Quoting a troll to report them"}
    ]


def test_reason_dialog_will_not_accept_an_empty_reason(qtbot, make_window):
    from desktop_app.ui.dialogs import ReasonDialog

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot.")
    dialog = ReasonDialog(card_for_text(window, "idiot").finding, False, window)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Reporting it to the moderators")
    assert dialog.ok.isEnabled() and dialog.text() == "Reporting it to the moderators"


def test_ignore_rule_asks_then_is_remembered_in_settings(qtbot, make_window, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders. He is an idiot.")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    qtbot.mouseClick(card_for_text(window, "leverage").ignore_rule_button, Qt.MouseButton.LeftButton)
    assert asked and "every draft" in asked[0]
    assert "leverage" in card_texts(window)  # cancelled: nothing changed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(card_for_text(window, "leverage").ignore_rule_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["idiot"]  # both jargon findings: same rule
    qtbot.waitUntil(lambda: settings.path.exists() and "Test.Jargon" in settings.path.read_text())
    assert json.loads(settings.path.read_text())["ignored_rules"] == {"Test.Jargon": ""}

    again = make_window(FakeAnalyzer(), settings=Settings.load(settings.path))
    set_text(qtbot, again, "We leverage it.")
    assert card_texts(again) == []


def test_principle_row_filters_the_findings_and_shows_all_again(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. He is an idiot. Perhaps.")
    rows = window.principles_panel.rows
    assert (rows["P7"].state, rows["P7"].count) == ("advice", 1)
    assert (rows["P6"].state, rows["conduct"].state) == ("must-fix", "must-fix")
    assert rows["P2"].state == "clear"
    qtbot.mouseClick(rows["P7"], Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["leverage"]
    assert not window.findings_list.filter_row.isHidden()
    qtbot.mouseClick(rows["conduct"], Qt.MouseButton.LeftButton)  # one filter at a time
    assert card_texts(window) == ["idiot"] and not rows["P7"].isChecked()
    qtbot.mouseClick(rows["conduct"], Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["idiot", "leverage", "Perhaps"]
    assert window.findings_list.filter_row.isHidden()


def test_principle_info_button_opens_its_full_text(qtbot, make_window):
    from desktop_app.engine import Analyzer

    window = make_window(Analyzer())
    qtbot.mouseClick(window.principles_panel.rows["P6"].info_button, Qt.MouseButton.LeftButton)
    dialog = window._dialogs[-1]
    assert dialog.isVisible()
    html = dialog.browser.toPlainText()
    assert "P6 · Criticise policy, not people" in html and "personal attacks" in html
    dialog.close()


def test_hovering_a_finding_shows_its_card(qtbot, make_window):
    from PySide6.QtWidgets import QToolTip

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it.")
    cursor = window.editor.textCursor()
    cursor.setPosition(5)  # inside "leverage"
    point = window.editor.cursorRect(cursor).center()
    qtbot.mouseMove(window.editor.viewport(), point)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "leverage" in QToolTip.text() and "Why leverage." in QToolTip.text()
    assert "Try: <b>use</b>" in QToolTip.text()


def test_tab_reaches_the_cards_and_enter_shows_the_words(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    card = card_for_text(window, "stakeholders")
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "stakeholders"
    assert window.editor.tabChangesFocus()  # Tab leaves the editor instead of typing a tab


def test_find_bar_finds_and_wraps(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "one two one")
    window.actions_.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.field.setText("one")
    assert window.find_bar.find_next()
    first = window.editor.textCursor().selectionStart()
    assert window.find_bar.find_next()
    second = window.editor.textCursor().selectionStart()
    assert window.find_bar.find_next()  # wraps round
    assert (first, second, window.editor.textCursor().selectionStart()) == (0, 8, 0)
    window.find_bar.field.setText("missing")
    assert not window.find_bar.find_next() and window.find_bar.status.text() == "Not found"


def test_help_shows_every_principle(qtbot, make_window):
    from desktop_app.engine import Analyzer

    window = make_window(Analyzer())
    window.actions_.help.trigger()
    text = window._dialogs[-1].browser.toPlainText()
    for pid in ("P1", "P5", "P10"):
        assert f"{pid} · {window.policy.title(pid)}" in text
    assert "F8" in text and "Conduct policy" in text
    window._dialogs[-1].close()


def test_current_report_leaves_out_what_was_ignored(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    window.ignore_here(card_for_text(window, "leverage").finding)
    report = window.current_report()
    assert [f.text for f in report.findings] == ["stakeholders"]
    assert report.principles["P7"].count == 1
    window.editor.insertPlainText(" More")  # the check has not caught up yet
    assert window.current_report() is None
