"""The real app for the kill -9 test: the main window exactly as `python -m desktop_app`
builds it (application.create_window: engine, grammar lane, drafts and autosave), typed
into with real key events.

    python autosave_harness.py type [--interval-ms N]   types TEXT forever, one key at a time,
                                                        printing "typed <count> <monotonic>"
    python autosave_harness.py restore                  starts as the app would after a crash
                                                        and prints the restored draft as JSON

The user dirs come from XDG_DATA_HOME / XDG_CONFIG_HOME, as in the real app.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop_app.ui.application import create_window, make_app
from desktop_app.ui.drafts.session import qt_to_py

# A line with an emoji (two UTF-16 units) so cursor positions are tested off the BMP too.
TEXT = "Thank you to every volunteer at the Elm Street library 📚 today!\n"


def typed_text(count: int) -> str:
    return (TEXT * (count // len(TEXT) + 1))[:count]


def main(argv: list[str]) -> int:
    mode = argv[1] if len(argv) > 1 else "type"
    interval = int(argv[argv.index("--interval-ms") + 1]) if "--interval-ms" in argv else 10
    app = make_app()
    window = create_window()
    window.show()
    # The drafts are read (and the last one reopened) once the window has painted.
    while not window.drafts.started:
        app.processEvents()
        time.sleep(0.005)
    editor = window.editor
    session = window.drafts.session
    session.saveFailed.connect(lambda message: print(f"failed {message}", flush=True))

    if mode == "restore":
        text = editor.toPlainText()
        draft = session.current
        print(
            json.dumps(
                {
                    "id": session.current_id,
                    "text": text,
                    "cursor": qt_to_py(text, editor.textCursor().position()),
                    "draft_cursor": draft.cursor if draft else None,
                }
            ),
            flush=True,
        )
        window.close()  # as the user quitting: saves and stops the lanes
        return 0

    editor.moveCursor(editor.textCursor().MoveOperation.End)
    print(f"ready {session.current_id}", flush=True)
    state = {"count": len(editor.toPlainText())}

    def type_one() -> None:
        ch = TEXT[state["count"] % len(TEXT)]
        # A real key press, as a keyboard sends it (QTest.keyClicks only knows ASCII).
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        QApplication.sendEvent(
            editor, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
        )
        QApplication.sendEvent(
            editor, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, ch)
        )
        state["count"] += 1
        print(f"typed {state['count']} {time.monotonic():.4f}", flush=True)

    editor.setFocus()
    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(interval)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
