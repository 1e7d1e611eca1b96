"""The real app for the approval kill test: the main window as `python -m desktop_app` builds
it (application.create_window: engine, drafts with autosave, versions, sign-off).

    python approval_harness.py approve    writes a post for X (as a thread) and Facebook,
                                          marks it approved, exports a review, prints
                                          "approved <draft id>" and keeps running until killed
    python approval_harness.py report     starts as the app would after a crash and prints
                                          what it shows of the approval and history, as JSON

The user dirs come from XDG_DATA_HOME / XDG_CONFIG_HOME, as in the real app.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

POST = (
    "We saved the 42 bus. For two years residents on every estate told us they could not get to work, "
    "to the hospital or to the shops after six. So we took those stories to the transport committee, "
    "with a petition signed by 2,400 of you. From Monday the 42 runs until eleven every night."
)


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.application import create_window, make_app

    app = make_app()
    window = create_window()
    window.show()
    deadline = time.monotonic() + 60
    while not (window.drafts.started and window.controller.analyzer is not None):
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            print("failed to start", flush=True)
            return 1
    publish = window.publish
    if argv[1:2] == ["report"]:
        approval = publish.approval
        print(
            json.dumps(
                {
                    "id": window.drafts.session.current_id,
                    "approved_by": approval.by if approval else None,
                    "pack": approval.pack if approval else None,
                    "state": publish.bar.state.text(),
                    "history": [(e.kind, e.by, e.detail) for e in publish.history],
                    "x_thread": publish.docs.is_thread("X"),
                }
            ),
            flush=True,
        )
        window.close()
        return 0

    window.platform_bar.set_networks(["X", "Facebook"])
    window.platform_bar.networksChanged.emit(["X", "Facebook"])
    window.editor.setPlainText(POST)
    publish.show_source("X")
    publish.make_thread("X")
    publish.show_source("")
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    publish.ask_approver = lambda: "Priya O'Neill"
    refused: list[str] = []
    publish.approvalRefused.connect(refused.append)
    publish.approve()  # the versions are checked on the engine's thread
    deadline = time.monotonic() + 60
    while publish.approval is None and not refused:
        app.processEvents()
        time.sleep(0.005)
        if time.monotonic() > deadline:
            break
    if publish.approval is None:
        print(f"failed {window.statusBar().currentMessage()}", flush=True)
        return 1
    publish.note_exported("/tmp/review-42-bus.pdf", "Sam Taylor")
    print(f"approved {window.drafts.session.current_id}", flush=True)
    while True:  # until killed
        app.processEvents()
        time.sleep(0.01)
        QApplication.instance()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
