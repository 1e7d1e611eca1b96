"""File > Export review as HTML… / PDF…: the one-page sign-off sheet (desktop_app/signoff)
for whoever signs the post off; each export is kept in the draft's history.

What the sheet needs is read on the GUI thread (ui/review/sheet.py sheet_inputs: cheap);
checking every version, building the HTML, laying out the PDF and writing the file all
happen in one job on a worker, so a long draft, an engine busy with the editor's check or
a slow disk never freezes the window. The result comes back as a signal (and a message in
the status bar). Closing the window waits for an export still in that job: Qt's PDF
writer must finish before the application object goes, or the process crashes on its way
out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtGui import QAction

from desktop_app.ui.features import Feature
from desktop_app.ui.jobs import run_then

if TYPE_CHECKING:
    from datetime import datetime

KINDS = {"html": ("HTML", ".html", "Web page (*.html)"), "pdf": ("PDF", ".pdf", "PDF document (*.pdf)")}


def write_review(kind: str, path: Path, html: str) -> None:
    """Blocking; raises WriteFailed (or OSError) with a plain reason. A PDF is laid out in a
    child process (ui/review/pdf_process.py): Qt's layout would hold up the window."""
    from desktop_app.ui.review import export as review_export

    if kind == "pdf":
        from desktop_app.storage.atomic import write_bytes_atomic
        from desktop_app.ui.review.pdf_process import render_pdf_for_window

        write_bytes_atomic(path, render_pdf_for_window(html, title="Sign-off sheet"), private=False)
    else:
        review_export.export_html(path, html)


class SignOffFeature(Feature):
    exported = Signal(str)  # path written
    exportFailed = Signal(str)  # message already shown

    def __init__(self, window):
        super().__init__(window)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # Dialogs are attributes so tests can answer them.
        self.ask_approver = self._ask_approver
        self.ask_path = self._ask_path
        self.actions = {kind: self._add_action(kind) for kind in KINDS}

    def _add_action(self, kind: str) -> QAction:
        name = KINDS[kind][0]
        act = QAction(self.window)  # then the text: see window/actions.py
        act.setText(f"Export Review as {name}…")
        act.setStatusTip(f"Save a review of this draft for sign-off, as {name}")
        act.triggered.connect(lambda _=False: self.export(kind))
        menu = self.window.actions_.menus.file
        menu.insertAction(self.window.actions_.quit, act)
        if kind == "pdf":
            menu.insertSeparator(self.window.actions_.quit)
        return act

    # ----- building -----
    def review_html(self, approver: str | None = None, when: datetime | None = None) -> str | None:
        """The sign-off sheet for the draft as it is now (every chosen network's version);
        None while the engine is still loading. Blocking (the checks run here): for scripts
        and tests; the window exports through export_to."""
        from desktop_app.signoff import build_sheet_html
        from desktop_app.ui.review.sheet import sheet_data

        if self.window.controller.analyzer is None:
            return None
        return build_sheet_html(sheet_data(self.window, approver=approver or "", when=when))

    def draft_title(self) -> str:
        return self.window.drafts.title()

    # ----- exporting -----
    def export(self, kind: str) -> None:
        window = self.window
        if window.controller.analyzer is None:
            window.statusBar().showMessage("The checks are still loading; try again in a moment.", 4000)
            return
        if self._refused(window.publish.content()):  # said before the name and file are asked for
            return
        approver = self.ask_approver()
        if approver is None:
            return
        from datetime import datetime

        when = datetime.now()
        path = self.ask_path(kind, when)
        if not path:
            return
        self.export_to(kind, path, approver=approver, when=when)

    def export_to(
        self, kind: str, path: str | Path, *, approver: str = "", when: datetime | None = None
    ) -> bool:
        """Read the draft now; check, build and write on the worker; exported / exportFailed
        follow. False if the engine is not ready."""
        from desktop_app.ui.review.sheet import sheet_inputs

        window = self.window
        if window.controller.analyzer is None:
            return False
        inputs = sheet_inputs(window, approver=approver, when=when)
        if self._refused(inputs.content):
            return False
        path = Path(path)
        if path.suffix.lower() != KINDS[kind][1]:
            path = path.with_name(path.name + KINDS[kind][1])
        window.statusBar().showMessage(f"Preparing the review as {path.name}…")

        def work() -> str:
            """The reason it failed, or "" when written."""
            from desktop_app.signoff import build_sheet_html
            from desktop_app.storage.atomic import reason
            from desktop_app.ui.review.sheet import build_sheet_data

            try:
                write_review(kind, path, build_sheet_html(build_sheet_data(inputs)))
            except OSError as exc:
                return reason(exc)
            except Exception as exc:  # a check or layout problem must not be lost silently
                return f"{type(exc).__name__}: {exc}"
            return ""

        def done(error) -> None:
            self._on_done(str(path), str(error), approver, inputs.content)

        run_then(work, done, self, self.pool)
        return True

    def _refused(self, content) -> bool:
        """A draft too long to check (signoff.too_long_to_sign_off) is refused with the
        reason, before anything is asked or checked."""
        from desktop_app.signoff import too_long_to_sign_off

        reason = too_long_to_sign_off(content)
        if reason:
            self.window.warn("Review not exported", reason)
            self.exportFailed.emit(reason)
        return bool(reason)

    def shutdown(self) -> None:
        self.pool.waitForDone()  # the window has gone; the file is finished before the app is

    def _on_done(self, path: str, error: str, by: str, content) -> None:
        window = self.window
        name = Path(path).name
        if not error:
            window.publish.note_exported(path, by, content)  # the words exported, kept in History
            window.statusBar().showMessage(f"Review saved as {name}.", 5000)
            self.exported.emit(path)
            return
        message = f"The review could not be saved as {name}: {error}. Try another folder."
        window.warn("Could not save the review", message)
        self.exportFailed.emit(message)

    # ----- dialogs -----
    def _ask_approver(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit  # set up when first used

        name, ok = QInputDialog.getText(
            self.window,
            "Export review",
            "Who approves this post? (optional: leave empty to sign on paper)",
            QLineEdit.EchoMode.Normal,
            str(self.window.settings.get("approver") or ""),
        )
        if not ok:
            return None
        name = name.strip()
        if name:
            self.window.settings.set("approver", name)
            self.window.save_settings()
        return name

    def _ask_path(self, kind: str, when: datetime) -> str:
        from PySide6.QtWidgets import QFileDialog  # set up when first used

        from desktop_app.ui.review.export import suggested_filename

        label, suffix, pattern = KINDS[kind]
        folder = self.window.path.parent if self.window.path else Path.home()
        start = folder / suggested_filename(self.draft_title(), when, suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, f"Export review as {label}", str(start), pattern)
        return path
