"""New, Open, Save, Save As and Copy post for the main window (a mixin).
Save As writes the main text; Copy Post copies the version on screen (ui/publish).

Reading and writing happen on the thread pool (file_io.FileIO); these methods only start
them and react to the results. Every draft is autosaved (window.drafts, ui/drafts): New
and an opened file each become a draft of their own, Save As also remembers the file with
the draft, and nothing asks "Save this draft?". Keep the public names (new_draft,
open_file, save, save_as) stable.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app import APP_NAME


class DraftFiles:
    """Mixed into MainWindow, which provides editor, controller and the signals."""

    @property
    def files(self):
        """The file worker, made on first use (not needed to show the window)."""
        files = getattr(self, "_files", None)
        if files is None:
            files = self._files = connect_files(self)
        return files

    def new_draft(self) -> None:
        # Never clear the editor under the autosave: that would save over the open draft.
        self.drafts.new_draft()

    def open_file(self, path: str, *, allow_large: bool = False) -> None:
        """Read on a worker; the text replaces the draft when it arrives."""
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        self.files.open(str(path), allow_large=allow_large)

    def _on_too_large(self, path: str, size: int) -> None:
        from desktop_app.core.limits import MAX_CHECKED

        answer = self.confirm_large_file(Path(path).name, size)
        if answer == "all":
            self.open_file(path, allow_large=True)
        elif answer == "start":
            self.statusBar().showMessage(f"Opening the start of {Path(path).name}…")
            self.files.open(str(path), allow_large=True, first=MAX_CHECKED)
        else:
            self.statusBar().showMessage(f"{Path(path).name} was not opened.", 4000)

    def confirm_large_file(self, name: str, size: int) -> str | None:
        """Asked before opening a file over 1 MB (a post is a few hundred characters): open
        its start (what is checked), all of it (slow to edit), or nothing."""
        from desktop_app.core.limits import MAX_CHECKED
        from desktop_app.ui.window.long_text import ask_start_or_all

        return ask_start_or_all(
            self,
            "Open a large file?",
            f"{name} is {size / (1024 * 1024):.1f} MB, far longer than any post. Only the first "
            f"{MAX_CHECKED:,} characters are ever checked, and a text this long makes every "
            "keystroke slow. Opening its start leaves the file as it is.",
            f"Open the first {MAX_CHECKED:,}",
            "Open it all",
        )

    def _on_opened_start(self, path: str, text: str) -> None:
        # Not the file's draft: Save must never write this start over the whole file.
        from desktop_app.core.limits import MAX_CHECKED

        if self.drafts.start_draft(text):
            # Short enough for the status bar beside the policy and grammar labels (the
            # longer wording was cut off mid-word at 1400 px).
            self.statusBar().showMessage(
                f"New draft from the first {MAX_CHECKED:,} characters of {_short_name(path)}; "
                "the file is unchanged.",
                8000,
            )
            self.fileOpened.emit(path)

    def _on_opened(self, path: str, text: str) -> None:
        # A new draft holding the file's text; the open draft stays as it was.
        if self.drafts.open_text(path, text):
            self.statusBar().showMessage(f"Opened {Path(path).name} as a new draft.", 4000)
            self.fileOpened.emit(path)

    def save(self) -> bool:
        """Save to the current file; asks for a name if there is none. False if cancelled."""
        if self.path is None:
            # Drafts are saved as you type; a file is only made when asked (Save As).
            self.drafts.flush()
            self.statusBar().showMessage(
                "Your draft is saved in Drafts. Use Save As to save a copy as a file.", 5000
            )
            return True
        self.save_as(str(self.path))
        return True

    def save_as(self, path: str) -> None:
        from desktop_app.storage.files import with_suffix

        path = with_suffix(Path(path))
        self.statusBar().showMessage(f"Saving {path.name}…")
        self.files.save(str(path), self.text(), self.controller.revision)

    def _on_saved(self, path: str, revision: int) -> None:
        self.path = Path(path)
        if revision == self.controller.revision:
            self.editor.document().setModified(False)
        self.drafts.saved_as(path)
        self.update_title()
        self.statusBar().showMessage(f"Saved {self.path.name}.", 4000)
        self.fileSaved.emit(path)

    def _on_file_failed(self, op: str, message: str) -> None:
        self.warn("Could not open the file" if op == "open" else "Could not save the draft", message)
        self.fileFailed.emit(message)

    def update_title(self) -> None:
        # Autosaved: the draft's title, and no "unsaved" mark.
        self.setWindowTitle(f"{self.drafts.title()} – {APP_NAME}")

    def action_new(self) -> None:
        self.new_draft()

    def action_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open a draft",
            str(self.path.parent if self.path else Path.home()),
            "Drafts (*.txt *.md);;All files (*)",
        )
        if path:
            self.open_file(path)

    def action_save(self) -> None:
        self.save()

    def action_save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the draft",
            str(self.path or Path.home() / "draft.txt"),
            "Text (*.txt);;Markdown (*.md)",
        )
        if not path:
            return False
        self.save_as(path)
        return True

    def copy_post(self) -> None:
        """The version on screen, as it goes out (a thread post by post)."""
        self.publish.copy(self.publish.source)


def connect_files(window):
    from desktop_app.ui.window.file_io import FileIO

    files = FileIO(window)
    files.opened.connect(window._on_opened)
    files.saved.connect(window._on_saved)
    files.failed.connect(window._on_file_failed)
    files.tooLarge.connect(window._on_too_large)
    files.openedStart.connect(window._on_opened_start)
    return files


def _short_name(path: str, limit: int = 32) -> str:
    """The file's name, its middle cut to fit a status message: 'council-minu…-2026.txt'."""
    name = Path(path).name
    if len(name) <= limit:
        return name
    keep = limit - 1
    return name[: keep - keep // 2] + "…" + name[-(keep // 2) :]
