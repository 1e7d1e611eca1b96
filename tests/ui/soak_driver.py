"""Drive the real window (application.create_window, every lane wired in) through rounds of
what a volunteer does on a busy day: New, paste, fast typing, undo, rename, delete,
duplicate, search, the bin and picking drafts from the list, with autosave landing in
between. Run in its own process by tests/ui/test_window_soak.py, so that a crash (a
segfault in Qt's C++ is not a Python exception) fails that test instead of ending the run.

    python -m tests.ui.soak_driver --rounds 80 --seed 1

Prints one line per round (the last lines tell where it died) and "soak survived" at the end.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import os
import random
import sys
import time

ACTIONS = (
    "new",
    "new",
    "new",
    "paste",
    "type",
    "undo",
    "rename",
    "delete",
    "search",
    "duplicate",
    "select",
    "bin",
)
WAITS = (0.0, 0.02, 0.1, 0.4, 0.6)  # around the autosave's debounce (350 ms) and max wait


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=80)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    faulthandler.enable()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from desktop_app.ui.application import create_window, make_app

    app = make_app()
    window = create_window()
    window.show()

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.002)

    deadline = time.monotonic() + 90  # a loaded machine can take a while to start
    while window.drafts is None or not window.drafts.started:
        spin(0.05)
        if time.monotonic() > deadline:
            print("soak: the drafts lane never started", flush=True)
            return 1
    rnd = random.Random(args.seed)
    panel = window.drafts.panel
    panel.confirm = lambda *_args: True
    panel.ask_title = lambda *_args: f"Renamed {rnd.randrange(1000)}"
    clipboard = QGuiApplication.clipboard()
    ctrl, plain = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier

    for round_ in range(args.rounds):
        action = rnd.choice(ACTIONS)
        if action == "new":
            QTest.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
            QTest.mouseClick(window.editor.viewport(), Qt.MouseButton.LeftButton, plain, QPoint(20, 20))
            clipboard.setText(f"Our bus campaign needs you on Saturday {round_}.")
            QTest.keyClick(window.editor, Qt.Key.Key_V, ctrl)
        elif action == "paste":
            QTest.keyClick(window.editor, Qt.Key.Key_V, ctrl)
        elif action == "type":
            QTest.keyClicks(window.editor, " we leverage stakeholders" * rnd.randint(1, 3))
        elif action == "undo":
            QTest.keyClick(window.editor, Qt.Key.Key_Z, ctrl)
        elif action == "rename":
            panel.rename()
        elif action == "delete":
            panel.delete()
        elif action == "search":
            panel.search.setText(rnd.choice(("", "", "bus", "Saturday 1", "nothing matches")))
        elif action == "duplicate":
            panel.duplicate()
        elif action == "select":
            if panel.count():
                panel.set_current_row(rnd.randrange(panel.count()))
        elif action == "bin":
            panel.show_bin(not panel.in_bin)
            if panel.in_bin and panel.count() and rnd.random() < 0.5:
                panel.set_current_row(0)
                panel.restore()
        print(f"round {round_}: {action}, {panel.count()} listed", flush=True)
        spin(rnd.choice(WAITS))
        if rnd.random() < 0.2:
            gc.collect()  # wrappers that outlive their C++ objects fail sooner
    window.close()
    spin(0.2)
    print("soak survived", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
