"""Small dialogs: a principle in full, help, about, and the reason for ignoring conduct."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.core.findings import CONDUCT_KEY, PRINCIPLE_IDS, Finding
from desktop_app.locate import resources_dir
from desktop_app.ui.panels.finding_card import quoted
from desktop_app.ui.window.policy_info import PolicyInfo


def _in_their_words(source: str) -> str:
    return f"<blockquote><i>{escape(source)}</i></blockquote>" if source else ""


def principle_html(key: str, info: PolicyInfo) -> str:
    """The principle in the organisation's own words first, then what it means for a post."""
    if key == CONDUCT_KEY:
        parts = [f"<h2>{escape(info.title(CONDUCT_KEY))}</h2>", _in_their_words(info.conduct_source)]
        for clause in info.clauses.values():
            parts.append(
                f"<h3>{escape(clause.title)}</h3>{_in_their_words(clause.source)}<p>{escape(clause.text)}</p>"
            )
        if not info.clauses:
            parts.append("<p>The conduct policy could not be loaded.</p>")
        return "".join(parts)
    p = info.principles.get(key)
    if p is None:
        return f"<h2>{escape(key)}</h2><p>This principle could not be loaded.</p>"
    html = f"<h2>{escape(key)} · {escape(p.title)}</h2>{_in_their_words(p.source)}"
    html += f"<p><i>For a post:</i> {escape(p.text)}</p>" if p.source else f"<p>{escape(p.text)}</p>"
    if p.advisory_note:
        html += f"<p><i>What the app checks:</i> {escape(p.advisory_note)}</p>"
    return html


def all_principles_html(info: PolicyInfo) -> str:
    parts = ["<h2>The ten principles</h2>"]
    for pid in PRINCIPLE_IDS:
        p = info.principles.get(pid)
        if p:
            parts.append(
                f"<h3>{pid} · {escape(p.title)}</h3>{_in_their_words(p.source)}<p>{escape(p.text)}</p>"
            )
    parts.append(principle_html(CONDUCT_KEY, info))
    return "".join(parts)


class TextDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        self.browser.setHtml(html)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_principle(parent: QWidget, key: str, info: PolicyInfo) -> TextDialog:
    title = info.title(key) if key == CONDUCT_KEY else f"{key} · {info.title(key)}"
    dialog = TextDialog(title, principle_html(key, info), parent)
    dialog.show()
    return dialog


def help_html(info: PolicyInfo) -> str:
    try:
        intro = (resources_dir() / "help" / "help.html").read_text(encoding="utf-8")
    except OSError:
        intro = "<h2>How Drafting Assistant works</h2>"
    return intro + all_principles_html(info)


def show_help(parent: QWidget, info: PolicyInfo) -> TextDialog:
    dialog = TextDialog(f"{APP_NAME} help", help_html(info), parent)
    dialog.show()
    return dialog


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<b>{APP_NAME}</b> {escape(__version__)}<br><br>Checks social-media drafts against the "
        "organisation's ten principles and its conduct policy, as you type. Everything runs on "
        "this computer; nothing is sent anywhere.",
    )


class ReasonDialog(QDialog):
    """Conduct findings are never ignored silently: the user must say why."""

    def __init__(self, finding: Finding, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Why ignore this?")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{quoted(finding.text, 60)} may break the conduct policy. To ignore this finding in "
            "this draft, say why (for example, you are quoting someone to report them). The reason "
            "is kept with the draft and printed on its sign-off sheet."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason for ignoring")
        self.reason.setPlaceholderText("Reason (required)")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Ignore with this reason")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def text(self) -> str:
        return " ".join(self.reason.toPlainText().split())
