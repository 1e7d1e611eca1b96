"""The documents behind the version tabs: the main text's, and one per network visited.

A network's version follows the main text until it is edited in its own tab: from the
first keystroke there it keeps its own words (`is_own`). Each document keeps its own undo
history, so Ctrl+Z in the X tab undoes what was typed there. Every change this module
makes to a version's words (make a thread, re-flow, back to one post, restore) is one edit
the writer can undo.

    docs = VersionDocs(editor, main_document, parent)
    docs.document_for("X")      # the document to show in the X tab (made on first visit)
    docs.text_for("X")          # the words X gets: its own, or the main text's
    docs.versions()             # {network: core.versions.Version} for the draft file
    docs.load(draft.versions)   # another draft: the versions it keeps
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

if TYPE_CHECKING:  # imported where used: core.versions pulls in regex, not wanted before the first paint
    from desktop_app.core.versions import Version


class VersionDocs(QObject):
    versionEdited = Signal(str)  # a network's words were first edited in its own tab

    def __init__(self, editor, main: QTextDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.main = main
        self._docs: dict[str, QTextDocument] = {}
        self._own: set[str] = set()
        self._threads: set[str] = set()
        self._loading = False

    # ----- what each network gets -----

    def is_own(self, network: str) -> bool:
        return network in self._own

    def is_thread(self, network: str) -> bool:
        return network in self._threads

    def text_for(self, network: str) -> str:
        if network in self._own:
            return self._docs[network].toPlainText()
        return self.main.toPlainText()

    def versions(self) -> dict[str, Version]:
        """The versions a draft file keeps: each network with its own words."""
        from desktop_app.core.versions import Version

        return {n: Version(self._docs[n].toPlainText(), n in self._threads) for n in sorted(self._own)}

    def document_for(self, network: str) -> QTextDocument:
        """The document for `network`'s tab; one that follows the main text gets it afresh."""
        doc = self._docs.get(network)
        if doc is None:
            doc = self._docs[network] = self.editor.new_document(self)
            doc.contentsChange.connect(lambda *_a, n=network: self._edited(n))
        if network not in self._own and doc.toPlainText() != self.main.toPlainText():
            self._set_quietly(doc, self.main.toPlainText())
        return doc

    # ----- changes -----

    def load(self, versions: Mapping[str, Version]) -> None:
        """Another draft's versions. The editor must be showing the main text."""
        for doc in self._docs.values():
            doc.deleteLater()
        self._docs, self._own, self._threads = {}, set(), set()
        for network, version in versions.items():
            if version.text is None:
                continue
            doc = self.document_for(network)
            self._set_quietly(doc, version.text)
            self._own.add(network)
            if version.thread:
                self._threads.add(network)

    def set_words(self, network: str, text: str, thread: bool | None = None) -> None:
        """Replace a version's words as one edit that Ctrl+Z takes back."""
        doc = self.document_for(network)
        self._own.add(network)
        if thread is not None:
            (self._threads.add if thread else self._threads.discard)(network)
        if doc.toPlainText() == text:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def follow_main(self, network: str) -> None:
        """The version goes back to the main text's words (and stops being a thread)."""
        self._own.discard(network)
        self._threads.discard(network)
        doc = self._docs.get(network)
        if doc is not None:
            self._set_quietly(doc, self.main.toPlainText())

    def _edited(self, network: str) -> None:
        if self._loading or network in self._own:
            return  # (not every keystroke: only the one that gives it words of its own)
        self._own.add(network)
        self.versionEdited.emit(network)

    def _set_quietly(self, doc: QTextDocument, text: str) -> None:
        """New words that are not an edit by the writer (no undo step, not 'own')."""
        self._loading = True
        try:
            doc.setPlainText(text)
        finally:
            self._loading = False
