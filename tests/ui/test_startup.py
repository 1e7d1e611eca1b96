"""Start-up: what the window does before and just after its first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui import window_helpers
from tests.ui.window_helpers import FakeAnalyzer, Inbox

make_window = window_helpers.make_window  # fixture
settings = window_helpers.settings  # fixture

# Runs in a fresh interpreter: builds the window as the app does and reports, at its first
# paint, what start-up has set up: whether PySide6 has built the Qt namespace (~90 enums,
# ~25 ms), which of the slower PySide6 classes it has made (a class's enums are built when
# it is first named) and which of our heavier modules are loaded; then, once the window has
# painted, whether it has the Fusion style (made by Qt at start) and the app's icon (set
# after the paint).
FIRST_PAINT_PROBE = textwrap.dedent(
    """
    import json, os, sys
    import PySide6.QtCore as QtCore
    import PySide6.QtGui as QtGui
    import PySide6.QtWidgets as QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    lazy = "Qt" not in vars(QtCore)
    from desktop_app.ui.application import create_window, make_app
    app = make_app()
    window = create_window()
    CLASSES = {QtWidgets: LATER_WIDGETS, QtGui: LATER_GUI}
    class Probe(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
                self.seen = {
                    "qt_namespace": "Qt" in vars(QtCore),
                    "classes": sorted(n for m, names in CLASSES.items() for n in names if n in vars(m)),
                    "modules": sorted(m for m in LATER_MODULES if m in sys.modules),
                }
                QTimer.singleShot(0, self.frame_done)  # the rest of the window paints first
            return False
        def frame_done(self):
            self.seen["qt_namespace_after_frame"] = "Qt" in vars(QtCore)
    probe = Probe()
    window.installEventFilter(probe)
    early = {}
    window.firstPainted.connect(lambda: early.update(style_types="QStyle" in vars(QtWidgets)))
    window.firstPainted.connect(
        lambda: early.update(cards="desktop_app.ui.panels.finding_card" in sys.modules)
    )
    window.firstPainted.connect(lambda: QTimer.singleShot(100, app.quit))
    window.show()
    QTimer.singleShot(20000, app.quit)
    app.exec()
    icon = not app.windowIcon().isNull()
    app.setStyleSheet("")  # the style under our style sheet
    after = {"fusion": app.style().name().lower() == "fusion", "icon": icon}
    print(json.dumps({"lazy": lazy, "at_paint": getattr(probe, "seen", None), "after": after,
                      "at_first_painted": early}))
    window.controller.shutdown()
    os._exit(0)
    """
)
# Not needed for the first frame: each set up when first used, or just after the paint.
LATER_WIDGETS = ["QStyle", "QMessageBox", "QFileDialog", "QInputDialog", "QTextEdit", "QWizard"]
LATER_GUI = ["QIcon", "QTextCharFormat"]
LATER_MODULES = [
    "desktop_app.core.findings",  # its dataclasses
    "desktop_app.core.fixes",
    "desktop_app.core.review",
    "desktop_app.ui.window.policy_info",
    "desktop_app.storage.drafts",
    "desktop_app.ui.panels.finding_card",
    "desktop_app.ui.policy.pack_box",
    "desktop_app.engine",
    "desktop_app.locate",  # for the icon, set after the paint
]


def _first_paint(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env["XDG_CONFIG_HOME"], env["XDG_DATA_HOME"] = str(tmp_path / "config"), str(tmp_path / "data")
    code = (
        f"LATER_WIDGETS = {LATER_WIDGETS!r}\nLATER_GUI = {LATER_GUI!r}\n"
        f"LATER_MODULES = {LATER_MODULES!r}\n{FIRST_PAINT_PROBE}"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the probe failed: {out.stdout}{out.stderr[-2000:]}"
    return json.loads(lines[-1])


def test_first_paint_comes_before_pyside_builds_the_qt_namespace(tmp_path):
    seen = _first_paint(tmp_path)
    assert seen["lazy"], f"PySide6 no longer loads its types lazily: {seen}"
    assert seen["at_paint"]["qt_namespace"] is False, (
        "something before the first paint used PySide6's Qt namespace (Qt.AlignmentFlag, a "
        "cursor shape, setShortcut, style().polish, ...); move it after firstPainted"
    )
    assert seen["at_paint"]["qt_namespace_after_frame"] is False, (
        "a widget's paintEvent in the first frame used PySide6's Qt namespace (QPen(colour, "
        "width), QBrush(colour), setPen, ...: see widgets/legend.py)"
    )


def test_first_paint_leaves_dialogs_styles_and_the_findings_types_for_later(tmp_path):
    seen = _first_paint(tmp_path)
    assert seen["at_paint"]["classes"] == [], (
        "set up before the first paint, though the first frame does not need them: "
        f"{seen['at_paint']['classes']} (name them where they are used)"
    )
    assert seen["at_paint"]["modules"] == [], (
        f"loaded before the first paint: {seen['at_paint']['modules']} (import where first used)"
    )
    # ... and what was left for after the paint is done by then
    assert seen["after"] == {"fusion": True, "icon": True}


def test_the_style_types_and_the_cards_class_are_set_up_before_the_lanes_start(tmp_path):
    """Set up when the first findings were drawn (QStyle's enums as they restyled the length
    chips, the card's class as the first card was made), they held the window 6-15 ms then,
    with the engine and the grammar lane busy on their workers."""
    seen = _first_paint(tmp_path)
    assert seen["at_paint"]["classes"] == [] and seen["at_paint"]["modules"] == []  # not before the paint
    assert seen["at_first_painted"] == {"style_types": True, "cards": True}  # but before the lanes start


def _painted(qtbot, window) -> None:
    qtbot.waitUntil(window.features_ready, timeout=5000)


def test_clipboard_keys_belong_to_the_focused_field_once_the_window_has_painted(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    _painted(qtbot, window)
    a = window.actions_
    assert a.copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    for act in (a.cut, a.copy, a.paste, a.select_all):
        assert act.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    assert a.next_finding.shortcut().toString() == "F8"
    assert a.next_finding.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_side_panels_get_pointing_cursors_and_no_sideways_scrolling_after_paint(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    _painted(qtbot, window)
    row = window.principles_panel.rows["P6"]
    assert row.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert row.info_button.cursor().shape() == Qt.CursorShape.PointingHandCursor
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.findings_list.horizontalScrollBarPolicy() == off
    assert window.left_scroll.horizontalScrollBarPolicy() == off


def test_a_click_on_a_principle_title_toggles_its_row(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    row = window.principles_panel.rows["P7"]
    QTest.mouseClick(row.title_label, Qt.MouseButton.LeftButton)
    assert row.isChecked()
    QTest.mouseClick(row.badge, Qt.MouseButton.LeftButton)
    assert not row.isChecked()


def test_long_principle_titles_wrap_and_are_never_cut_short(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    window.principles_panel.set_titles({"P9": "Inventive and accessible online, with a longer title"})
    window.splitter.setSizes([160, 240, 600, 360])
    QApplication.processEvents()
    row = window.principles_panel.rows["P9"]
    label = row.title_label
    assert label.text() == "Inventive and accessible online, with a longer title"
    assert label.wordWrap()
    # every line of it fits: the row grew to the wrapped label's height
    assert label.height() >= label.heightForWidth(label.width())
    assert row.height() > window.principles_panel.rows["P1"].height()


def test_the_window_with_its_drafts_is_usable_1000_pixels_wide_and_the_legend_wraps(qtbot, make_window):
    window = make_window(FakeAnalyzer())
    assert window.drafts is not None and not window.drafts_slot.isHidden()
    assert window.minimumSizeHint().width() <= 1000
    one_line = window.legend.heightForWidth(2000)
    assert window.legend.heightForWidth(250) > one_line  # wraps rather than forcing width
    window.resize(1024, 700)
    QApplication.processEvents()
    legend = window.legend
    assert legend.height() >= legend.heightForWidth(legend.width())
    items = [child for child in legend.children() if isinstance(child, QWidget)]
    assert len(items) == 6 and all(legend.rect().contains(item.geometry()) for item in items)


def test_flow_layout_places_items_left_to_right_then_wraps():
    from PySide6.QtWidgets import QLabel

    from desktop_app.ui.widgets.flow_layout import FlowLayout

    holder = QWidget()
    layout = FlowLayout(holder, h_spacing=10, v_spacing=4)
    layout.setContentsMargins(0, 0, 0, 0)
    labels = []
    for _ in range(3):
        label = QLabel()
        label.setFixedSize(100, 20)
        layout.addWidget(label)
        labels.append(label)
    assert layout.heightForWidth(320) == 20  # 100 + 10 + 100 + 10 + 100 fits
    assert layout.heightForWidth(250) == 44  # the third wraps: 20 + 4 + 20
    holder.resize(250, 44)
    layout.setGeometry(holder.rect())
    assert [label.geometry().topLeft().toTuple() for label in labels] == [(0, 0), (110, 0), (0, 24)]
    assert layout.minimumSize().width() == 100
    assert layout.takeAt(0) is not None and layout.count() == 2


def _shown(qtbot, settings, **kwargs):
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings, **kwargs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_the_work_after_the_first_paint_lets_events_through_between_steps(qtbot, settings):
    """Each step after the first paint runs in its own turn of the event loop: an event
    posted during one (as a keystroke or a repaint would be) is handled before the next."""
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    qtbot.addWidget(window)
    inbox, posted, waiting = Inbox(), [0], []
    next_step = window._next_after_paint_step

    def recording() -> None:
        if window._after_paint_steps:
            waiting.append(posted[0] - inbox.handled)  # posted by earlier steps, not yet handled
            QCoreApplication.postEvent(inbox, QEvent(QEvent.Type.User))
            posted[0] += 1
        next_step()

    window._next_after_paint_step = recording
    window.show()
    assert not window.features_ready()  # the steps wait for the first paint
    qtbot.waitUntil(window.features_ready, timeout=5000)
    window.controller.shutdown()
    # viewport, details, style types, text formats, the cards' class, firstPainted, publish
    # and drafts: none waited on another
    assert waiting == [0] * 8
    assert window.actions_.copy.shortcutContext() == Qt.ShortcutContext.WidgetShortcut


def test_the_engine_loads_once_the_first_draft_is_open_and_listed(qtbot, settings):
    """Loading the policy pack alongside the drafts' steps held the GIL against them and
    the repaints after them (25-100 ms stalls at start-up)."""
    from desktop_app.ui.window.main_window import MainWindow

    seen = []

    def factory():
        seen.append(window.drafts.started)
        return FakeAnalyzer()

    window = MainWindow(analyzer_factory=factory, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.analyzer is not None, timeout=5000)
    window.controller.shutdown()
    assert seen == [True]


def test_a_window_never_shown_still_loads_its_engine(qtbot, settings):
    from desktop_app.ui.window.main_window import ENGINE_START_AT_MOST_MS, MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller.analyzer is not None, timeout=ENGINE_START_AT_MOST_MS + 3000)
    window.controller.shutdown()
    assert not window.drafts.started


def test_a_shortcut_works_the_moment_the_window_is_shown(qtbot, settings):
    window = _shown(qtbot, settings)
    assert not window.features_ready()
    QTest.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.controller.shutdown()


def test_the_length_chips_fit_their_words_in_the_first_frame(qtbot, settings):
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    qtbot.addWidget(window)
    chips = window.platform_bar.chips
    assert chips and all(chip.text().endswith("–") for chip in chips.values())
    # sized for the style sheet's padding, not for the bare style they were made in
    assert all(chip.width() >= chip.sizeHint().width() for chip in chips.values())
    window.controller.shutdown()


def test_a_window_closed_before_its_start_up_steps_starts_nothing_after(qtbot, settings):
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    qtbot.addWidget(window)
    window.firstPainted.connect(window.close)  # the features' start() still to come
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    qtbot.wait(300)  # what was queued runs now, if anything still would
    assert window.drafts.session is None and window.drafts.panel is None


def test_a_window_deleted_before_its_start_up_steps_leaves_no_step_queued(qtbot, settings):
    import shiboken6
    from PySide6.QtCore import QTimer

    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    gone = []

    def delete() -> None:
        window.controller.shutdown()
        shiboken6.delete(window)
        gone.append(True)

    window.firstPainted.connect(lambda: QTimer.singleShot(0, delete))  # before the next step
    window.show()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    qtbot.wait(300)  # a queued step would raise here (pytest-qt fails the test on it)


def test_panels_a_closing_window_had_still_to_draw_are_never_drawn(qtbot, settings):
    """The cards for a report are drawn on the next turn of the event loop; a window deleted
    before that turn (the app quitting, a test's teardown) raised from a deleted layout."""
    import shiboken6

    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(analyzer=FakeAnalyzer(), settings=settings)
    window.show()
    qtbot.waitUntil(lambda: window._result is not None, timeout=5000)
    window.controller.shutdown()
    window._panels_pending = False
    window._redraw(deferred=True)  # the panels wait for the next turn
    assert window._panels_pending
    findings_list = window.findings_list
    shiboken6.delete(window)
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    assert not shiboken6.isValid(findings_list)
