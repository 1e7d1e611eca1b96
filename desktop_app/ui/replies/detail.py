"""One reply in full: why it was sorted so, and what to do about it.

- report: the clause and the platform's category, the police note for a threat, the ready
  report text with Copy, Mark as reported and Dismiss (with a reason);
- respond: the suggested opening with "Start a reply" (a new draft, checked like any post);
- a listed author: "Don't reply or share";
- always: "Sort as" to correct the sorting (kept in the report log).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.replies.judge import TRIAGE_LABELS, Triage
from desktop_app.core.replies.log import Status


class ReplyDetail(QFrame):
    copyReport = Signal()
    markReported = Signal()
    dismiss = Signal()
    startReply = Signal()
    sortAs = Signal(object)  # Triage

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("replyDetail")
        self.setAccessibleName("The chosen reply")
        self._updating = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)

        self.heading = QLabel("Choose a reply to see what to do with it.")
        self.heading.setObjectName("replyHeading")
        self.heading.setWordWrap(True)
        self.author = QLabel()
        self.author.setProperty("role", "muted")
        self.author.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("replyText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(self.text.textInteractionFlags() | _selectable())
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("replyWarning")
        self.warning.setWordWrap(True)
        for label in (self.heading, self.author, self.text, self.reason, self.warning):
            label.setTextFormat(_plain())
            layout.addWidget(label)

        self.action_title = QLabel()
        self.action_title.setProperty("role", "heading")
        self.action_title.setWordWrap(True)
        layout.addWidget(self.action_title)
        self.body = QPlainTextEdit()
        self.body.setObjectName("replyAction")
        self.body.setReadOnly(True)
        self.body.setAccessibleName("Report text or suggested reply")
        self.body.setMinimumHeight(90)
        self.body.setMaximumHeight(190)
        layout.addWidget(self.body)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton("Copy report text")
        self.copy_button.clicked.connect(self.copyReport)
        self.reported_button = QPushButton("Mark as reported")
        self.reported_button.clicked.connect(self.markReported)
        self.dismiss_button = QPushButton("Dismiss…")
        self.dismiss_button.setAccessibleName("Dismiss this report, with a reason")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.reply_button = QPushButton("Start a reply")
        self.reply_button.setObjectName("suggestionButton")
        self.reply_button.setAccessibleName("Start a reply from the suggested opening, as a new draft")
        self.reply_button.clicked.connect(self.startReply)
        for b in (self.copy_button, self.reported_button, self.dismiss_button, self.reply_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        correction = QHBoxLayout()
        correction_label = QLabel("Sorted wrongly? Sort as:")
        self.sort_as = QComboBox()
        self.sort_as.setAccessibleName("Sort this reply as")
        for triage in Triage:
            self.sort_as.addItem(TRIAGE_LABELS[triage], triage.value)
        self.sort_as.activated.connect(self._sort_as)
        correction_label.setBuddy(self.sort_as)
        correction.addWidget(correction_label)
        correction.addWidget(self.sort_as)
        correction.addStretch(1)
        holder = QWidget()
        holder.setLayout(correction)
        self.correction = holder
        layout.addWidget(holder)
        layout.addStretch(1)
        self.show_reply(None)

    def _sort_as(self, index: int) -> None:
        if not self._updating:
            self.sortAs.emit(Triage(self.sort_as.itemData(index)))

    def show_reply(self, triaged, entry=None) -> None:
        """Show `triaged` (or the empty prompt); `entry` is its report log entry, if any."""
        self._updating = True
        try:
            self._show(triaged, entry)
        finally:
            self._updating = False

    def _show(self, triaged, entry) -> None:
        parts = (self.author, self.text, self.reason, self.warning, self.action_title, self.body)
        buttons = (self.copy_button, self.reported_button, self.dismiss_button, self.reply_button)
        if triaged is None:
            self.heading.setText("Choose a reply to see what to do with it.")
            for w in (*parts, *buttons, self.status, self.correction):
                w.hide()
            return
        reply, verdict = triaged.reply, triaged.verdict
        heading = TRIAGE_LABELS[verdict.triage]
        if verdict.do_not_amplify and verdict.triage is not Triage.REPORT:
            heading = "Don't reply or share"
        if verdict.category:
            heading += f" · {verdict.category}"
        self.heading.setText(heading + (" (sorted by you)" if verdict.corrected else ""))
        who = reply.author or "Author unknown"
        when = f" · {reply.date}" if reply.date else ""
        link = f" · {reply.link}" if reply.link else ""
        self.author.setText(who + when + link)
        self.text.setText(reply.text)
        self.reason.setText(f"Why: {verdict.reason}")
        warning = []
        if verdict.do_not_amplify:
            warning.append("This author is on the do-not-amplify list: don't reply, quote or share.")
        if verdict.police:
            warning.append("A threat of violence: the police can be told (999 in an emergency, else 101).")
        self.warning.setText(" ".join(warning))
        self.warning.setVisible(bool(warning))
        for w in (self.author, self.text, self.reason, self.correction):
            w.show()
        report = verdict.triage is Triage.REPORT
        opening = bool(triaged.opening)
        self.action_title.setVisible(report or opening)
        self.body.setVisible(report or opening)
        if report:
            self.action_title.setText("Report text (for the platform or the party's reporting channel)")
            self.body.setPlainText(triaged.report_text)
        elif opening:
            self.action_title.setText("A way to start your reply")
            self.body.setPlainText(triaged.opening)
        self.copy_button.setVisible(report)
        self.reported_button.setVisible(report)
        self.dismiss_button.setVisible(report)
        self.reply_button.setVisible(opening)
        status = ""
        if entry is not None and report:
            status = f"Report log: {entry.status.value}"
            if entry.status is Status.DISMISSED and entry.reason:
                status += f" ({entry.reason})"
            self.reported_button.setEnabled(entry.status is not Status.REPORTED)
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.sort_as.setCurrentIndex(list(Triage).index(verdict.triage))


def _plain():
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


def _selectable():
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse
