"""Every approved or exported version of the draft: list them, compare any two word by word,
restore one.

    dialog = HistoryDialog(history, current_content, parent)
    dialog.choose(0); dialog.compare_with(1)    # rows: the draft now, then newest first
    dialog.diff_html                             # what the comparison shows
    dialog.restoreRequested -> core.approval.Content   (the window restores it as an edit)
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from desktop_app.core.approval import APPROVED, sections, word_diff
from desktop_app.ui.widgets.row_list_model import Row, RowListModel

NOW = "The draft as it is now"


def describe(entry) -> str:
    when = entry.when.astimezone()
    stamp = f"{when.day} {when.strftime('%B %Y, %H:%M')}"
    if entry.kind == APPROVED:
        return f"Approved by {entry.by or 'someone'} · {stamp}\nPolicy: {entry.pack}"
    who = f" by {entry.by}" if entry.by else ""
    return f"Review exported{who} · {stamp}\n{entry.detail or 'review'} · Policy: {entry.pack}"


def diff_html(old, new) -> str:
    """The difference between two versions, section by section, in words: struck through
    is only in the older, underlined only in the newer (never colour alone)."""
    old_parts, new_parts = dict(sections(old)), dict(sections(new))
    # the main text, the networks in either (in their order), then the images and networks
    labels = list(dict.fromkeys([*old_parts, *new_parts]))
    labels.sort(key=lambda label: label in ("Images", "Networks"))
    out = ["<p><i>Struck through: only in the older version. Underlined: only in the newer one.</i></p>"]
    for label in labels:
        a, b = old_parts.get(label), new_parts.get(label)
        name = html.escape(label)
        if a == b:  # said, not repeated: the changes are what the reader is looking for
            out.append(f"<p><b>{name}</b>: no change.</p>")
            continue
        if a is None or b is None:
            out.append(f"<p><b>{name}</b>: only in the {'newer' if a is None else 'older'} version.</p>")
        else:
            out.append(f"<p><b>{name}</b></p>")
        out.append("<p>")
        runs = word_diff(a or "", b or "")
        for op, words in runs:
            shown = "<br>".join(html.escape(line) for line in words.split("\n"))
            if op == "removed":
                out.append(f'<s style="background-color:#f6d4d4">{shown}</s>')
            elif op == "added":
                out.append(f'<u style="background-color:#d4f0d4">{shown}</u>')
            else:
                out.append(shown)
        out.append("</p>")
    return "".join(out)


class HistoryDialog(QDialog):
    restoreRequested = Signal(object)  # core.approval.Content

    def __init__(self, history: list, current, parent=None):
        super().__init__(parent)
        self.setWindowTitle("History of this draft")
        self.setAccessibleName("History of this draft")
        self.resize(720, 520)
        # the draft now, then every version kept, newest first
        self._versions = [(NOW, current), *[(describe(e), e.content) for e in reversed(history)]]
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every version approved or exported is kept. Choose one to compare it with another, "
            "or to put it back."
            if history
            else "Nothing has been approved or exported yet. Each approval and each exported review "
            "is kept here."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.model = RowListModel(self)
        self.model.set_rows([Row(str(i), text.split("\n")[0] if i == 0 else text) for i, (text, _c) in
                             enumerate(self._versions)])  # fmt: skip
        self.list = QListView()
        self.list.setObjectName("historyList")
        self.list.setMinimumWidth(240)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Versions kept")
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(lambda index, _old: self._refresh())
        body.addWidget(self.list, 2)
        right = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel("Compare with"))
        self.other = QComboBox()
        self.other.setAccessibleName("Compare with")
        for text, _content in self._versions:
            self.other.addItem(text.replace("\n", " · "))
        self.other.currentIndexChanged.connect(lambda _i: self._refresh())
        row.addWidget(self.other, 1)
        right.addLayout(row)
        self.view = QTextBrowser()
        self.view.setObjectName("historyDiff")
        self.view.setAccessibleName("Differences")
        right.addWidget(self.view, 1)
        body.addLayout(right, 3)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton("Restore this version")
        self.restore_button.setToolTip("Put its words back in the draft (Ctrl+Z undoes it)")
        self.restore_button.clicked.connect(self._restore)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.diff_html = ""
        self.choose(1 if history else 0)
        self.compare_with(0)

    def choose(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))
        self._refresh()

    def compare_with(self, row: int) -> None:
        self.other.setCurrentIndex(row)
        self._refresh()

    def _chosen(self) -> int:
        return max(self.list.currentIndex().row(), 0)

    def _refresh(self) -> None:
        chosen, other = self._chosen(), max(self.other.currentIndex(), 0)
        self.restore_button.setEnabled(chosen > 0)
        if chosen >= len(self._versions):
            return
        # the older one first: rows further down are older
        old, new = (chosen, other) if chosen > other else (other, chosen)
        self.diff_html = diff_html(self._versions[old][1], self._versions[new][1])
        self.view.setHtml(self.diff_html)

    def _restore(self) -> None:
        chosen = self._chosen()
        if chosen > 0:
            self.restoreRequested.emit(self._versions[chosen][1])
            self.close()
