"""The window with the real Analyzer and the shipped rules."""

from PySide6.QtCore import Qt

from desktop_app.engine import Analyzer
from tests.ui import window_helpers
from tests.ui.window_helpers import (
    card_for_text,
    type_text,
    wait_report,
)

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture


def test_typing_a_personal_attack_shows_a_must_fix_card_and_p6(qtbot, make_window):
    window = make_window(Analyzer())
    type_text(qtbot, window, "Our councillor Kevin Smith is an idiot.")
    must = [c for c in window.findings_list.cards() if c.finding.severity.value == "must-fix"]
    assert must, [c.finding.text for c in window.findings_list.cards()]
    assert must[0].isVisible()
    assert "Must fix" in must[0].severity_label.text()
    row = window.principles_panel.rows["P6"]
    assert row.state == "must-fix" and row.count >= 1
    assert "must fix" in row.accessibleName()


def test_applying_a_jargon_suggestion_clears_it_and_undo_brings_it_back(qtbot, make_window):
    window = make_window(Analyzer())
    type_text(qtbot, window, "We will leverage our network.")
    card = card_for_text(window, "leverage")
    assert card.finding.principle == "P7"
    button = card.suggestion_buttons[0]
    replacement = card.finding.suggestions[0].replacement
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_report(qtbot, window)
    assert window.text() == f"We will {replacement} our network."
    assert "leverage" not in [c.finding.text.lower() for c in window.findings_list.cards()]

    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_report(qtbot, window)
    assert window.text() == "We will leverage our network."
    assert card_for_text(window, "leverage")


def test_the_platform_bar_turns_red_past_280_for_x(qtbot, make_window):
    window = make_window(Analyzer())
    type_text(qtbot, window, "Short post about the library.")
    assert not window.platform_bar.is_over("X")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(" More on the library." * 14)  # well past 280
    wait_report(qtbot, window)
    assert window.platform_bar.is_over("X")
    chip = window.platform_bar.chips["X"]
    assert chip.property("over") is True and "over the limit" in chip.accessibleName()
    # the overflow is tinted in the editor, from the limit to the end
    overflow = window.platform_bar.fit("X").overflow_start
    tinted = [s for s in window.editor.extraSelections() if s.cursor.selectionStart() == overflow]
    assert tinted and tinted[0].cursor.selectionEnd() == len(window.text())


def test_only_the_chosen_networks_are_measured_and_listed(qtbot, make_window):
    """A draft set to X and Facebook lists no over-length finding for Bluesky, Threads or
    Mastodon (it did: the engine measured every network in the pack)."""
    window = make_window(Analyzer())
    window.platform_bar.set_networks(["X", "Facebook"])
    type_text(qtbot, window, "Thank you to the volunteers at the library. " * 12)
    messages = [c.finding.message for c in window.findings_list.cards() if c.finding.category == "length"]
    assert any("for X:" in m for m in messages), messages
    for other in ("Bluesky", "Threads", "Mastodon"):
        assert not any(other in m for m in messages), messages
    report = window.current_report()
    assert [p.name for p in report.platforms] == ["X", "Facebook"]


def test_too_many_links_for_threads_turns_its_chip_red_and_underlines_only_the_links(qtbot, make_window):
    window = make_window(Analyzer())
    links = " ".join(f"https://example.org/page{n}" for n in range(1, 8))
    type_text(qtbot, window, f"Find your branch: {links} and come along.")
    bar = window.platform_bar
    assert bar.is_over("Threads") and not bar.is_over("X")
    assert bar.chips["Threads"].text().endswith("(links)")
    assert "2 links over the limit" in bar.chips["Threads"].accessibleName()
    assert bar.overflow_start() is None  # the words after the links are not what is wrong
    card = card_for_text(window, "https://example.org/page6 https://example.org/page7")
    assert card.finding.message.startswith("Too many links for Threads")
    assert card.finding.why == "Threads will not publish the post at all."
    text = window.text()
    underlined = {
        text[s.cursor.selectionStart() : s.cursor.selectionEnd()] for s in window.editor.extraSelections()
    }
    assert "https://example.org/page6 https://example.org/page7" in underlined
