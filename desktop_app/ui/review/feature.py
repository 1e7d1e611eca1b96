"""File > Export review as HTML… / PDF…: a review of the draft for whoever signs it off.

The HTML is built on the GUI thread (string work, a few milliseconds); laying out the PDF
and writing either file happen on a worker, so a slow disk or a long review never
freezes the window. The result comes back as a signal (and a message in the status bar).
Closing the window waits for an export that is still being written: Qt's PDF writer
must finish before the application object goes, or the process crashes on its way out.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from desktop_app.core.findings import Report
from desktop_app.ui.features import Feature
from desktop_app.ui.jobs import run_then

KINDS = {"html": ("HTML", ".html", "Web page (*.html)"), "pdf": ("PDF", ".pdf", "PDF document (*.pdf)")}


def write_review(kind: str, path: Path, html: str) -> None:
    """Blocking; raises WriteFailed (or OSError) with a plain reason."""
    from desktop_app.ui.review import export as review_export

    if kind == "pdf":
        review_export.export_pdf(path, html)
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
        act = QAction(f"Export Review as {name}…", self.window)
        act.setStatusTip(f"Save a review of this draft for sign-off, as {name}")
        act.triggered.connect(lambda _=False: self.export(kind))
        menu = self.window.actions_.menus.file
        menu.insertAction(self.window.actions_.quit, act)
        if kind == "pdf":
            menu.insertSeparator(self.window.actions_.quit)
        return act

    # ----- building -----
    def review_html(self, approver: str | None = None, when: datetime | None = None) -> str | None:
        """The review of the draft as it is on screen; None while the check is catching up."""
        from desktop_app.ui.review.export import build_review_html

        window = self.window
        report = window.current_report()
        if report is None:
            return None
        # The review lists ignored findings too, each with its reason.
        ignored_findings = window.ignored_findings()
        if ignored_findings:
            report = Report(
                text=report.text,
                revision=report.revision,
                findings=[*report.findings, *ignored_findings],
                principles=report.principles,
                readability=report.readability,
                platforms=report.platforms,
                grammar=report.grammar,
            )
        return build_review_html(
            window.text(),
            report,
            ignored=self.ignored(),
            fixed=window.fixed_findings(),
            titles=window.policy,
            approver=approver or None,
            when=when,
            draft_title=self.draft_title(),
            networks=window.platform_bar.networks,
        )

    def ignored(self) -> list:
        """This draft's ignore decisions, then the rules turned off in Preferences."""
        return self.window.review.decisions(self.window.rules_off())

    def draft_title(self) -> str:
        return self.window.drafts.title()

    # ----- exporting -----
    def export(self, kind: str) -> None:
        window = self.window
        if window.current_report() is None:
            window.statusBar().showMessage(
                "The check is catching up with your last change; try again in a moment.", 4000
            )
            window.check_now()
            return
        approver = self.ask_approver()
        if approver is None:
            return
        when = datetime.now()
        path = self.ask_path(kind, when)
        if not path:
            return
        self.export_to(kind, path, approver=approver, when=when)

    def export_to(
        self, kind: str, path: str | Path, *, approver: str = "", when: datetime | None = None
    ) -> bool:
        """Build now, write on the worker; exported / exportFailed follow. False if not ready."""
        html = self.review_html(approver, when)
        if html is None:
            return False
        path = Path(path)
        if path.suffix.lower() != KINDS[kind][1]:
            path = path.with_name(path.name + KINDS[kind][1])
        self.window.statusBar().showMessage(f"Saving the review as {path.name}…")

        def work() -> str:
            """The reason it failed, or "" when written."""
            from desktop_app.storage.atomic import reason

            try:
                write_review(kind, path, html)
            except OSError as exc:
                return reason(exc)
            except Exception as exc:  # a layout problem must not be lost silently
                return f"{type(exc).__name__}: {exc}"
            return ""

        run_then(work, lambda error: self._on_done(str(path), str(error)), self, self.pool)
        return True

    def shutdown(self) -> None:
        self.pool.waitForDone()  # the window has gone; the file is finished before the app is

    def _on_done(self, path: str, error: str) -> None:
        window = self.window
        name = Path(path).name
        if not error:
            window.statusBar().showMessage(f"Review saved as {name}.", 5000)
            self.exported.emit(path)
            return
        message = f"The review could not be saved as {name}: {error}. Try another folder."
        window.warn("Could not save the review", message)
        self.exportFailed.emit(message)

    # ----- dialogs -----
    def _ask_approver(self) -> str | None:
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
        from desktop_app.ui.review.export import suggested_filename

        label, suffix, pattern = KINDS[kind]
        folder = self.window.path.parent if self.window.path else Path.home()
        start = folder / suggested_filename(self.draft_title(), when, suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, f"Export review as {label}", str(start), pattern)
        return path
