"""Panels, files, themes, accessibility."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from desktop_app.core.findings import Readability, SentenceScore
from desktop_app.ui import themes
from desktop_app.ui.panels.readability_panel import ReadabilityPanel, reading_time, sentence_line
from tests.ui import window_helpers
from tests.ui.window_helpers import FakeAnalyzer, card_texts, set_text, wait_report

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture


def test_the_widgets_other_lanes_and_screen_readers_rely_on(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    for name, kind in (
        ("draftEditor", QPlainTextEdit),
        ("findingsList", QScrollArea),
        ("principlesPanel", QWidget),
        ("readabilityPanel", QWidget),
        ("platformBar", QWidget),
        ("grammarStatus", QLabel),
    ):
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert window.findChild(QLabel, "grammarStatus").text() == "Grammar: off"


def test_every_control_has_an_accessible_name(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it. He is an idiot.")
    window.find_bar.open_bar()
    unnamed = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit)
        and w.isVisible()
        and not (
            w.accessibleName() or w.text() if hasattr(w, "text") and callable(w.text) else w.accessibleName()
        )
    ]
    assert unnamed == []
    for card in window.findings_list.cards():
        assert card.accessibleName() and card.accessibleDescription()
    for row in window.principles_panel.rows.values():
        assert row.accessibleName() and row.info_button.accessibleName()


def test_readability_panel_wording_and_sentence_tints(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    long_sentence = " ".join(["word"] * 22) + "."
    very_long = " ".join(["word"] * 31) + "."
    set_text(qtbot, window, f"Short one. {long_sentence} {very_long}")
    panel = window.readability_panel
    assert panel.hard.text().endswith("1 hard sentence: aim for 0")
    assert panel.very_hard.text().endswith("1 very hard sentence: aim for 0")
    assert panel.words.text() == "55" and panel.sentences.text() == "3"
    backgrounds = {s.format.background().color().name() for s in window.editor.extraSelections()}
    assert themes.resolve("system")["hard"] in backgrounds
    assert themes.resolve("system")["very-hard"] in backgrounds


def test_readability_panel_texts(qtbot):
    panel = ReadabilityPanel()
    qtbot.addWidget(panel)
    scores = (SentenceScore(0, 10, 20, 15.0, "very-hard"),)
    panel.set_readability(Readability(13.4, 9, 120, 6, 2, 1, 30, scores))
    assert panel.age.text() == "13"
    assert panel.age_caption.text() == "reading age (too high: aim for 9 or under)"
    assert panel.hard.text().endswith("2 hard sentences: aim for 0")
    assert panel.time.text() == "30 s"
    panel.set_readability(Readability(None, 9, 3, 1, 0, 0, 1))
    assert "too short" in panel.age_caption.text()
    assert sentence_line(0, "hard") == "0 hard sentences: aim for 0"
    assert reading_time(75) == "1 min 15 s"


def test_networks_per_draft_and_overflow_highlight(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    text = "a" * 290
    set_text(qtbot, window, text)
    bar = window.platform_bar
    assert bar.is_over("X") and not bar.is_over("Bluesky")
    assert bar.chips["X"].text() == "X  290/280"
    overflow = [s for s in window.editor.extraSelections() if s.cursor.selectionStart() == 280]
    assert overflow and overflow[0].cursor.selectionEnd() == 290
    bar.actions_by_name["X"].setChecked(False)  # this post is not for X
    assert "X" not in bar.chips
    assert not [s for s in window.editor.extraSelections() if s.cursor.selectionStart() == 280]
    assert "X" not in window.platform_bar.networks


def test_policy_problems_are_reported_politely(qtbot, make_window):
    window = make_window(
        FakeAnalyzer(problems=["rules/Broken.yml:3 level: must be error, warning or suggestion"])
    )
    assert not window.policy_banner.isHidden()
    assert "could not be loaded" in window.policy_banner.label.text()
    window.policy_banner.button.click()
    assert "Broken.yml" in window._dialogs[-1].browser.toPlainText()


def test_open_and_save_utf8_with_bom(qtbot, make_window, tmp_path):
    window = make_window(FakeAnalyzer())
    source = tmp_path / "draft.md"
    source.write_bytes("\ufeffWe leverage it 🎉\r\nSecond line".encode())
    with qtbot.waitSignal(window.fileOpened, timeout=5000):
        window.open_file(str(source))
    wait_report(qtbot, window)
    assert window.text() == "We leverage it 🎉\nSecond line"
    assert card_texts(window) == ["leverage"]
    assert window.path == source  # the draft remembers the file it came from
    assert window.windowTitle().startswith("We leverage it 🎉")  # autosaved: the draft's title

    window.editor.appendPlainText("Third")
    target = tmp_path / "copy"
    with qtbot.waitSignal(window.fileSaved, timeout=5000):
        window.save_as(str(target))
    assert Path(str(target) + ".txt").read_text(encoding="utf-8") == "We leverage it 🎉\nSecond line\nThird"
    assert window.path == Path(str(target) + ".txt")


def test_open_failures_give_a_clear_message(qtbot, make_window, tmp_path):
    window = make_window(FakeAnalyzer())
    window.hide()  # no modal box in tests; the message goes to the status bar and the signal
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    with qtbot.waitSignal(window.fileFailed, timeout=5000) as blocker:
        window.open_file(str(bad))
    assert blocker.args[0].startswith("“latin1.txt” is not in UTF-8")
    assert window.text() == ""  # nothing changed
    with qtbot.waitSignal(window.fileFailed, timeout=5000) as blocker:
        window.open_file(str(tmp_path / "missing.txt"))
    assert "was not found" in blocker.args[0]


def test_new_draft_clears_the_text(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "We leverage it.")
    window.new_draft()
    wait_report(qtbot, window)
    assert window.text() == "" and card_texts(window) == []
    assert not window.findings_list.empty_hint.isHidden()


def test_copy_post_puts_the_whole_text_on_the_clipboard(qtbot, make_window):
    from PySide6.QtGui import QGuiApplication

    window = make_window(FakeAnalyzer())
    set_text(qtbot, window, "He is an idiot.")
    window.actions_.copy_post.trigger()
    assert QGuiApplication.clipboard().text() == "He is an idiot."
    assert "1 must-fix" in window.statusBar().currentMessage()


def test_preferences_apply_font_theme_and_networks(qtbot, make_window, settings):
    window = make_window(FakeAnalyzer())
    window.apply_preferences({"font_size": 17, "theme": "dark", "networks": ["X"], "ignored_rules": {}})
    assert window.editor.font().pointSize() == 17
    assert window.colours is themes.DARK
    qtbot.waitUntil(lambda: settings.path.exists() and '"dark"' in settings.path.read_text())
    window.new_draft()
    assert list(window.platform_bar.chips) == ["X"]
    window.apply_preferences({"theme": "light"})
    assert window.colours is themes.LIGHT


def test_preferences_that_cannot_be_saved_are_kept_and_the_user_is_told(qtbot, make_window, settings):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(FakeAnalyzer())
    settings.path.mkdir()  # a folder where the file should go: every write fails
    window.apply_preferences({"font_size": 16})
    qtbot.waitUntil(lambda: "Preferences not saved" in window.statusBar().currentMessage(), timeout=5000)
    assert "folder with that name" in window.statusBar().currentMessage()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Preferences not saved"]
    assert boxes[0].text().startswith("Your preferences could not be saved. Cannot save settings.json:")
    assert "Errno" not in boxes[0].text()
    assert window.settings.get("font_size") == 16  # still applied
    assert window.editor.font().pointSize() == 16

    window.apply_preferences({"font_size": 18})  # fails again: the same box, not a second one
    qtbot.waitUntil(lambda: window._settings_pool.activeThreadCount() == 0, timeout=5000)
    qtbot.wait(50)  # the queued failure signal
    assert len([w for w in window.findChildren(QMessageBox) if w.isVisible()]) == 1

    boxes[0].accept()
    settings.path.rmdir()  # the user frees the path; the next change saves everything
    window.apply_preferences({"theme": "dark"})
    qtbot.waitUntil(lambda: settings.path.is_file(), timeout=5000)
    saved = settings.path.read_text(encoding="utf-8")
    assert '"font_size": 18' in saved and '"dark"' in saved


def test_themes_have_readable_contrast():
    def luminance(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        la, lb = sorted((luminance(a), luminance(b)), reverse=True)
        return (la + 0.05) / (lb + 0.05)

    for palette in (themes.LIGHT, themes.DARK):
        for fg in ("text", "muted", "must-fix", "advice", "suggestion", "clear", "accent"):
            assert contrast(palette[fg], palette["surface"]) >= 4.5, fg
        assert contrast(palette["text"], palette["hard"]) >= 4.5
        assert contrast(palette["text"], palette["very-hard"]) >= 4.5
        for behind in ("overflow", "hard", "very-hard", "surface"):  # red text past a limit
            assert contrast(palette["overflow_text"], palette[behind]) >= 4.5, behind
        assert contrast(palette["accent_text"], palette["accent"]) >= 4.5
        assert contrast(palette["must-fix"], palette["must-fix_bg"]) >= 4.5


def test_preferences_dialog_round_trip_with_an_extra_section(qtbot, make_window, settings, monkeypatch):
    from PySide6.QtWidgets import QDialog, QGroupBox

    from desktop_app.ui.window import preferences

    class GrammarBox(QGroupBox):
        def values(self):
            return {"languagetool_url": "http://127.0.0.1:8081"}

    def fake_exec(dialog):
        assert dialog.extra_slot.count() == 2  # every window's Sign-off section, and the extra one
        dialog.font_size.setValue(15)
        dialog.network_boxes["Facebook"].setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", fake_exec)
    from desktop_app.ui.features import Feature

    class GrammarSection(Feature):
        def preference_section(self):
            return GrammarBox()

    window = make_window(FakeAnalyzer())
    window.attach(GrammarSection(window))
    window.show_preferences()
    assert window.settings.get("font_size") == 15
    assert "Facebook" not in window.settings.get("networks")
    assert window.settings.get("languagetool_url") == "http://127.0.0.1:8081"
    qtbot.waitUntil(lambda: settings.path.exists() and "8081" in settings.path.read_text())


def test_a_settings_problem_is_told_in_the_status_bar(qtbot, make_window, tmp_path):
    from desktop_app.storage.settings import Settings

    path = tmp_path / "broken" / "settings.json"
    path.parent.mkdir()
    path.write_text("{not json", encoding="utf-8")
    loaded = Settings.load(path)
    window = make_window(FakeAnalyzer(), settings=loaded)
    assert "unreadable" in window.statusBar().currentMessage()


def test_system_theme_reads_the_desktop_palette_until_ours_replaces_it(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    app = QGuiApplication.instance()
    saved_palette, saved_flag = QPalette(app.palette()), app.property(themes.THEMED)
    try:
        app.setProperty(themes.THEMED, False)
        dark = QPalette()
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        app.setPalette(dark)
        assert themes.system_is_dark() and themes.resolve("system") is themes.DARK
        light = QPalette()
        light.setColor(QPalette.ColorRole.Window, QColor("#f5f5f5"))
        app.setPalette(light)
        assert not themes.system_is_dark()
        # once our palette is in place it says nothing about the desktop: ask Qt instead
        app.setPalette(dark)
        app.setProperty(themes.THEMED, True)
        expected = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        assert themes.system_is_dark() is expected
    finally:
        app.setPalette(saved_palette)
        app.setProperty(themes.THEMED, saved_flag)


def test_the_grammar_status_shows_markup_in_a_server_answer_as_written(qtbot, make_window):
    from PySide6.QtCore import Qt

    from desktop_app.core.findings import GrammarState

    window = make_window(FakeAnalyzer())
    qtbot.waitUntil(window.features_ready)
    window.set_grammar_status(GrammarState("unavailable", "<h1>LanguageTool 6.4</h1> at http://x"))
    assert window.grammar_status.textFormat() == Qt.TextFormat.PlainText
    assert window.check_status.textFormat() == Qt.TextFormat.PlainText


def test_the_principle_dialog_shows_the_organisations_own_words_first():
    from desktop_app.policy import load_policy
    from desktop_app.ui.window.dialogs import principle_html
    from desktop_app.ui.window.policy_info import from_pack

    info = from_pack(load_policy(include_user_overlay=False))
    assert info.title("P9") == "Inventive, the best digital experience"
    html = principle_html("P6", info)
    own_words = html.index("Criticise policy and actions, never make personal attacks.")
    assert own_words < html.index("For a post:")
    conduct = principle_html("conduct", info)
    assert "where appropriate, to the police" in conduct
    assert "We should not give voice to those who persistently engage in abuse." in conduct


def test_a_very_long_draft_never_pushes_the_side_panels_or_chips_past_their_edges(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.panels.readability_panel import reading_time

    window = make_window(FakeAnalyzer())
    words = " ".join(["leverage"] * 1100 + ["stakeholders"] * 20)
    set_text(qtbot, window, (words + ". ") * 6)  # thousands of findings, 30 minutes to read
    window.resize(1000, 760)
    qtbot.waitUntil(lambda: window.width() <= 1000)
    QApplication.processEvents()
    left = window.left_scroll
    assert left.widget().width() <= left.viewport().width()
    assert window.principles_panel.rows["P7"].badge.text() == "99+"
    bar = window.platform_bar
    assert all(bar.contentsRect().contains(chip.geometry()) for chip in bar.chips.values())
    assert reading_time(30 * 60 + 16) == "30 min" and reading_time(65) == "1 min 5 s"
    assert reading_time(2 * 3600 + 60) == "2 h 1 min"


def test_a_chip_past_only_the_byte_cap_says_bytes_not_a_negative_count(qtbot):
    from desktop_app.core.findings import PlatformFit
    from desktop_app.ui.panels.platform_bar import PlatformBar

    bar = PlatformBar(["Bluesky"])
    qtbot.addWidget(bar)
    bar.set_fits([PlatformFit("Bluesky", 300, 130, 0, byte_length=3250, byte_limit=3000)])
    chip = bar.chips["Bluesky"]
    assert bar.is_over("Bluesky")
    assert chip.text() == "Bluesky  130/300 (bytes)"
    assert chip.accessibleName() == "Bluesky: 130 of 300 characters, 250 bytes over the limit"


@pytest.mark.parametrize("choice, expected", [("start", 64_000), ("all", 200_000), (None, 0)])
def test_a_paste_longer_than_any_post_asks_first_and_loses_nothing(qtbot, make_window, choice, expected):
    from PySide6.QtCore import QMimeData

    from desktop_app.core.limits import MAX_CHECKED

    window = make_window(FakeAnalyzer())
    asked = []
    window.editor.ask_huge_paste = lambda length: asked.append(length) or choice
    data = QMimeData()
    data.setText("a" * 200_000)
    window.editor.insertFromMimeData(data)
    assert asked == [200_000] and MAX_CHECKED == 64_000
    assert len(window.editor.toPlainText()) == expected
    small = QMimeData()
    small.setText("Join us on Saturday.")
    window.editor.insertFromMimeData(small)  # a post-sized paste never asks
    assert asked == [200_000]


def test_the_drafts_buttons_show_their_whole_labels_in_a_1000_pixel_window(qtbot, make_window):
    from PySide6.QtWidgets import QApplication, QPushButton

    window = make_window(FakeAnalyzer())
    qtbot.waitUntil(lambda: window.drafts.panel is not None)
    store = window.drafts.store
    store.delete(store.create("Gone but not forgotten").id)
    window.resize(1000, 760)
    panel = window.drafts.panel
    for in_bin in (False, True):
        panel.show_bin(in_bin)
        QApplication.processEvents()
        shown = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
        cut = [(b.text(), b.width(), b.sizeHint().width()) for b in shown if b.width() < b.sizeHint().width()]
        assert shown and cut == []


def test_the_status_bar_names_the_pack_and_version_that_check_the_post(qtbot, make_window):
    from types import SimpleNamespace

    analyzer = FakeAnalyzer()
    analyzer.pack = SimpleNamespace(
        principles={},
        clauses={},
        problems=[],
        label="Northshire comms 2.1",
        conduct_statement=lambda: "Only a pack.",
        platforms=analyzer.pack.platforms,
    )
    window = make_window(analyzer)
    qtbot.waitUntil(lambda: window.check_status.text() == "Policy: Northshire comms 2.1")
    assert window.policy.conduct_statement == "Only a pack."
