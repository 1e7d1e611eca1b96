"""Cards, Apply, Ignore, filters and keyboard navigation (with a deterministic fake engine)."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop_app.core.findings import Finding, Severity, Suggestion
from desktop_app.storage.settings import Settings
from tests.ui import window_helpers
from tests.ui.window_helpers import (
    FakeAnalyzer,
    card_for_text,
    card_texts,
    set_text,
    type_text,
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
    assert seen == ["idiot", "leverage", "stakeholders", "idiot"]  # must fix first; wraps round
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "stakeholders"
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
    assert [(i.rule, i.words, i.reason) for i in window.review.ignored] == [("Test.Jargon", "leverage", "")]
    window.new_draft()  # a new draft starts afresh
    set_text(qtbot, window, "We leverage it.")
    assert card_texts(window) == ["leverage"]


def test_conduct_findings_need_a_reason_to_be_ignored(qtbot, make_window, monkeypatch):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot.")
    card = card_for_text(window, "idiot")
    assert card.ignore_here_button.text() == "Ignore here…"
    monkeypatch.setattr(window, "_ask_reason", lambda finding: None)  # cancelled
    qtbot.mouseClick(card.ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["idiot"]
    assert window.review.ignored == []
    monkeypatch.setattr(window, "_ask_reason", lambda finding: "Quoting a troll to report them")
    qtbot.mouseClick(card.ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == []
    assert [(i.rule, i.words, i.reason, i.conduct) for i in window.review.ignored] == [
        ("Test.Attack", "idiot", "Quoting a troll to report them", True)
    ]


def test_reason_dialog_will_not_accept_an_empty_reason(qtbot, make_window):
    from desktop_app.ui.window.dialogs import ReasonDialog

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot.")
    dialog = ReasonDialog(card_for_text(window, "idiot").finding, window)
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


def test_a_conduct_rule_cannot_be_turned_off_for_every_draft(qtbot, make_window, settings):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. He is an idiot.")
    assert card_for_text(window, "idiot").ignore_rule_button is None  # not offered on conduct cards
    assert card_for_text(window, "leverage").ignore_rule_button is not None
    assert not window.ignore_rule(card_for_text(window, "idiot").finding, confirmed=True)
    assert "idiot" in card_texts(window)
    assert "Test.Attack" not in (settings.get("ignored_rules") or {})
    assert "cannot be turned off" in window.statusBar().currentMessage()


def test_conduct_rules_an_older_version_switched_off_come_back_on_with_a_notice(qtbot, make_window, settings):
    from desktop_app.ui.window.policy_info import PolicyInfo

    settings.set("ignored_rules", {"Test.Attack": "was annoying", "Test.Jargon": ""})
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. He is an idiot.")
    assert card_texts(window) == []  # as the old settings say, until the pack says which rules are conduct
    window._on_engine_ready(PolicyInfo(conduct_rules=frozenset({"Test.Attack"})))
    assert settings.get("ignored_rules") == {"Test.Jargon": ""}
    assert card_texts(window) == ["idiot"]
    assert window.notice_banner.isVisible() and "back on" in window.notice_banner.label.text()


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


def _overlapping(at: int) -> list[Finding]:
    """A must-fix attack over a whole clause, with a spelling finding inside it."""
    return [
        Finding(at, at + 19, "Cllr Hart is a liar", "Test.Liar", "personal-attack", Severity.MUST_FIX,
                "Attack", "", "P6", "C-abuse", (Suggestion("Cllr Hart's claim is wrong", at, at + 19),)),
        Finding(at, at + 4, "Cllr", "Test.Spelling", "spelling", Severity.SUGGESTION, "Spelling", "",
                None, None, (Suggestion("Councillor", at, at + 4),)),
    ]  # fmt: skip


def OverlappingAnalyzer():
    return FakeAnalyzer(extra={"Cllr Hart is a liar": _overlapping})


def test_f8_goes_to_must_fix_findings_first_then_the_rest_in_order_even_when_they_overlap(qtbot, make_window):
    window = make_window(OverlappingAnalyzer())
    set_text(qtbot, window, "We leverage it. Cllr Hart is a liar.")
    window.editor.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
        seen.append(window.findings_list.selected_finding().text)
        assert window.editor.textCursor().selectedText() == seen[-1]
    assert seen == ["Cllr Hart is a liar", "leverage", "Cllr", "Cllr Hart is a liar"]
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.findings_list.selected_finding().text == "Cllr"


def test_ctrl_period_applies_the_selected_card_under_the_cursor(qtbot, make_window):
    window = make_window(OverlappingAnalyzer())
    set_text(qtbot, window, "We leverage it. Cllr Hart is a liar.")
    qtbot.mouseClick(card_for_text(window, "Cllr"), Qt.MouseButton.LeftButton)  # inside the attack
    assert window.editor.textCursor().selectedText() == "Cllr"
    assert window.findings_list.selected_finding().text == "Cllr"
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    wait_report(qtbot, window)
    assert window.text() == "We leverage it. Councillor Hart is a liar."


def test_ctrl_z_takes_back_ignore_here_and_ctrl_y_does_it_again(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. Ask stakeholders.")
    qtbot.mouseClick(card_for_text(window, "leverage").ignore_here_button, Qt.MouseButton.LeftButton)
    assert card_texts(window) == ["stakeholders"]
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card_texts(window) == ["leverage", "stakeholders"]
    assert window.text() == "We leverage it. Ask stakeholders."  # the text was not touched
    assert window.review.ignored == []
    qtbot.keyClick(window.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert card_texts(window) == ["stakeholders"]


def test_undo_goes_back_through_typing_and_decisions_in_the_order_they_were_made(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it.")
    qtbot.mouseClick(card_for_text(window, "leverage").ignore_here_button, Qt.MouseButton.LeftButton)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window, " Thanks")
    window.undo()  # the typing first
    wait_report(qtbot, window)
    assert window.text() == "We leverage it." and card_texts(window) == []
    window.undo()  # then the decision
    assert card_texts(window) == ["leverage"]


def test_ignored_findings_are_listed_with_their_reason_and_can_be_shown_again(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot. We leverage it.")
    window.ignore_here(card_for_text(window, "idiot").finding, reason="Quoting the complaint")
    ignored = window.findings_list.ignored_list
    assert ignored.isVisibleTo(window) and ignored.header.text() == "Ignored in this draft · 1"
    row = ignored.rows[0]
    assert "“idiot” (Quoting the complaint)" in row.findChild(QLabel).text()
    qtbot.mouseClick(row.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert "idiot" in card_texts(window) and window.review.ignored == []
    qtbot.waitUntil(lambda: not ignored.isVisibleTo(window))
    window.undo()  # and Ctrl+Z ignores it again, with its reason
    assert "idiot" not in card_texts(window)
    assert window.review.ignored[0].reason == "Quoting the complaint"


def test_tab_from_the_editor_reaches_the_first_card_then_its_rewrite_before_its_ignore_link(
    qtbot, make_window
):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot. We leverage it.")
    qtbot.waitUntil(window.features_ready)
    window.editor.setFocus()
    stops = []
    for _ in range(4):
        window.focusNextPrevChild(True)
        stops.append(QApplication.focusWidget())
    first = window.findings_list.cards()[0]
    assert first.finding.text == "idiot" and stops[0] is first
    assert stops[1] is first.ignore_here_button  # idiot has no rewrite in the fake analyzer
    second = window.findings_list.cards()[1]
    assert stops[2] is second and stops[3] is second.suggestion_buttons[0]


def test_every_tab_stop_shows_that_it_has_the_focus(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot. We leverage it.")
    qtbot.waitUntil(lambda: window.features_ready() and window.drafts.panel is not None)
    window.update_tab_order()
    unseen = []
    for widget in window.editor, *window.findings_list.focus_chain(), *window.drafts.panel.focus_chain():
        window.editor.setFocus() if widget is not window.editor else window.drafts.panel.search.setFocus()
        QApplication.processEvents()
        before = widget.grab().toImage()
        widget.setFocus()
        QApplication.processEvents()
        if widget.grab().toImage() == before:
            unseen.append(widget.accessibleName() or widget.objectName())
    chips = window.platform_bar.focus_chain()
    for widget in chips:
        window.editor.setFocus()
        QApplication.processEvents()
        before = widget.grab().toImage()
        widget.setFocus()
        QApplication.processEvents()
        if widget.grab().toImage() == before:
            unseen.append(widget.accessibleName() or widget.objectName())
    assert unseen == []


def LabelledAnalyzer():
    def clown(at: int) -> list[Finding]:
        fix = Suggestion("wrong about the buses", at, at + 7, label="Criticise what they did")
        return [Finding(at, at + 7, "a clown", "Test.Clown", "personal-attack", Severity.MUST_FIX, "Attack",
                        "", "P6", "C-abuse", (fix,))]  # fmt: skip

    return FakeAnalyzer(extra={"a clown": clown})


def test_the_status_bar_says_what_text_a_rewrite_put_in(qtbot, make_window):
    window = make_window(LabelledAnalyzer())
    set_text(qtbot, window, "The leader is a clown.")
    qtbot.mouseClick(card_for_text(window, "a clown").suggestion_buttons[0], Qt.MouseButton.LeftButton)
    message = window.statusBar().currentMessage()
    assert window.text() == "The leader is wrong about the buses."
    assert "“a clown” with “wrong about the buses”" in message and "Criticise" not in message


def ManyRewritesAnalyzer():
    def invite(at: int) -> list[Finding]:
        labels = ("Add: What do you think? Tell us in the replies.", "Ask: Which route matters to you?")
        fixes = tuple(Suggestion(label, at, at + 7, label=label) for label in labels)
        return [Finding(at, at + 7, "we will", "Test.Invite", "invite-feedback", Severity.ADVICE, "Invite",
                        "", "P5", None, fixes)]  # fmt: skip

    return FakeAnalyzer(extra={"we will": invite})


def test_at_1000_pixels_the_cards_fit_the_findings_list_without_sideways_scrolling(qtbot, make_window):
    window = make_window(ManyRewritesAnalyzer())
    set_text(qtbot, window, "Next year we will leverage the stakeholders. He is an idiot.")
    window.resize(1000, 760)
    qtbot.waitUntil(lambda: window.width() <= 1000)
    QApplication.processEvents()
    findings = window.findings_list
    assert findings.widget().width() <= findings.viewport().width()
    card = card_for_text(window, "we will")
    assert all(b.text().endswith("…") or len(b.text()) <= 30 for b in card.suggestion_buttons)
    window.resize(1400, 760)  # wide again: rewrites two a row where they fit
    QApplication.processEvents()
    assert findings.widget().width() <= findings.viewport().width()


# ----------------------------------------------------------------------------- cards in batches
# Twenty new cards in one turn of the event loop (a draft opened) held the window for 35-50 ms:
# they are made a few per turn, hidden, and put in the list together once the last is made
# (shown one by one, each made Qt lay the whole list out again); the report counts as drawn
# when they are in.
MANY = "We will leverage it. He is an idiot. " * 5 + "Perhaps we leverage our stakeholders. " * 3


def _cards(findings_list) -> list[tuple[str, int]]:
    return [(card.finding.text, card.finding.start) for card in findings_list.cards()]


def test_many_new_cards_are_made_a_few_per_turn_and_end_as_if_made_at_once(qtbot, monkeypatch):
    from desktop_app.ui.panels import findings_list as module
    from desktop_app.ui.panels.finding_card import FindingCard
    from desktop_app.ui.panels.findings_list import CARDS_PER_TURN, PLACE_PER_TURN, FindingsList

    findings = FakeAnalyzer().analyze(MANY).findings
    assert len(findings) > 3 * CARDS_PER_TURN

    def shown(lst: FindingsList) -> tuple:
        headers = [h.text() for h, _layout, _box in lst._groups.values() if not h.isHidden()]
        return _cards(lst), headers, lst.summary.text()

    monkeypatch.setattr(module, "CARDS_PER_TURN", 1000)
    at_once = FindingsList(lambda key: f"Title {key}")
    qtbot.addWidget(at_once)
    at_once.set_findings(findings, has_text=True)
    assert not at_once.drawing
    monkeypatch.setattr(module, "CARDS_PER_TURN", CARDS_PER_TURN)

    in_batches = FindingsList(lambda key: f"Title {key}")
    qtbot.addWidget(in_batches)
    drawn = []
    in_batches.cardsDrawn.connect(lambda: drawn.append(len(in_batches.cards())))
    in_batches.set_findings(findings, has_text=True)
    assert in_batches.drawing and len(in_batches.findChildren(FindingCard)) == CARDS_PER_TURN
    assert in_batches.cards() == []  # made hidden; placed on a later turn
    turns = 0
    while in_batches.drawing:
        made, placed = len(in_batches.findChildren(FindingCard)), len(in_batches.cards())
        QApplication.processEvents()
        made_now = len(in_batches.findChildren(FindingCard)) - made
        placed_now = len(in_batches.cards()) - placed
        assert made_now <= CARDS_PER_TURN and placed_now <= PLACE_PER_TURN
        assert not (made_now and placed_now)  # a turn makes cards or places them, not both
        # Placed in their final order: the list only ever grows at its end.
        assert _cards(in_batches) == _cards(at_once)[: len(in_batches.cards())]
        turns += 1
        assert turns < 50
    qtbot.wait(20)  # nothing more comes after the last batch

    assert shown(in_batches) == shown(at_once)
    assert len(_cards(at_once)) == min(len(findings), module.MAX_CARDS)
    assert drawn == [len(_cards(at_once))]  # said once, when the last card was in


def test_a_few_new_cards_as_the_draft_changes_are_placed_at_once(qtbot):
    from desktop_app.ui.panels.findings_list import FindingsList

    lst = FindingsList(lambda key: f"Title {key}")
    qtbot.addWidget(lst)
    lst.set_findings(FakeAnalyzer().analyze("We will leverage it.").findings, has_text=True)
    assert not lst.drawing and len(lst.cards()) == 1
    more = FakeAnalyzer().analyze("We will leverage it. He is an idiot.").findings
    lst.set_findings(more, has_text=True)
    assert not lst.drawing and sorted(_cards(lst)) == sorted((f.text, f.start) for f in more)


def test_a_waiting_timer_runs_between_two_batches_of_cards(qtbot, monkeypatch):
    """Each batch on a turn of its own: queued with QTimer.singleShot(0), two batches ran
    back to back before a waiting timer or key press (two 8 ms batches, one 16 ms stall)."""
    import itertools

    from desktop_app.ui.panels.findings_list import FindingsList
    from tests.ui.window_helpers import busy, ticking

    batches = []
    real_turn = FindingsList._next_turn

    def next_turn(self) -> None:
        batches.append(ticks[0])
        busy(3)  # as a slow batch: the timer is due by its end
        real_turn(self)

    monkeypatch.setattr(FindingsList, "_next_turn", next_turn)
    lst = FindingsList(lambda key: f"Title {key}")
    qtbot.addWidget(lst)
    ticks, timer = ticking()
    lst.set_findings(FakeAnalyzer().analyze(MANY).findings, has_text=True)
    qtbot.waitUntil(lambda: not lst.drawing, timeout=5000)
    timer.stop()
    assert len(batches) >= 3
    assert all(later > earlier for earlier, later in itertools.pairwise(batches)), batches


def test_a_card_with_the_keyboard_focus_keeps_it_while_new_cards_join_its_group(qtbot):
    from desktop_app.ui.panels.findings_list import FindingsList

    lst = FindingsList(lambda key: f"Title {key}")
    qtbot.addWidget(lst)
    lst.resize(420, 700)
    lst.show()
    qtbot.waitExposed(lst)
    first = FakeAnalyzer().analyze("We will leverage it.").findings
    lst.set_findings(first, has_text=True)
    qtbot.waitUntil(lambda: not lst.drawing and len(lst.cards()) == 1)
    lst.activateWindow()
    card = lst.cards()[0]
    card.setFocus()
    qtbot.waitUntil(card.hasFocus)

    more = FakeAnalyzer().analyze("We will leverage it. " + "Perhaps we leverage our stakeholders. " * 4)
    lst.set_findings(more.findings, has_text=True)
    qtbot.waitUntil(lambda: not lst.drawing)

    assert len(lst.cards()) > 4 and card in lst.cards()
    assert QApplication.focusWidget() is card
    assert all(c.isVisible() for c in lst.cards())


def test_the_report_counts_as_drawn_when_its_last_card_is(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    at_drawn, warm_ups = [], []
    window.reportDrawn.connect(
        lambda revision: at_drawn.append((revision, window.findings_list.drawing, len(card_texts(window))))
    )
    report_drawn = window.controller.report_drawn
    window.controller.report_drawn = lambda: warm_ups.append(window.findings_list.drawing) or report_drawn()
    set_text(qtbot, window, MANY)
    expected = FakeAnalyzer().analyze(MANY).findings
    assert at_drawn == [(window.revision, False, min(len(expected), 20))]
    assert warm_ups and not any(warm_ups)  # the engine heard of it only once all were drawn
    assert [(c.finding.text, c.finding.start) for c in window.findings_list.cards()] == [
        (f.text, f.start) for f in sorted(expected, key=lambda f: (f.severity.rank, f.start, f.end))[:20]
    ]
