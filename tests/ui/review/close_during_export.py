"""Close the window 0.1 s after starting a PDF export of a long draft, then quit the app:
run in its own process by test_export_close.py (a crash would end the test run)."""

from __future__ import annotations

import faulthandler
import os
import sys
import time


def main(target: str) -> int:
    faulthandler.enable()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.ui.application import create_window, make_app
    from tests.ui.window_helpers import FakeAnalyzer

    app = make_app()
    window = create_window(analyzer=FakeAnalyzer())
    window.show()
    end = time.monotonic() + 30
    sentence = "Our councillors voted to keep the number 12 bus running every twenty minutes. "
    window.editor.setPlainText(sentence * 750)  # about 58,800 characters
    while window.current_report() is None or not window.drafts.started:
        app.processEvents()
        if time.monotonic() > end:
            print("the check never caught up", flush=True)
            return 3
    assert window.sign_off.export_to("pdf", target)
    started = time.monotonic()
    while time.monotonic() - started < 0.1:
        app.processEvents()
    window.close()
    app.quit()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1])
    sys.exit(code)
