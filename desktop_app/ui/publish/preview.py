"""What a network shows of its version: a thread post by post, or a feed post up to
"See more", so the writer sees whether the point lands above the fold.

    pane = PreviewPane()
    pane.show_version(platform, text, thread)   # or pane.show_hint(...)
    pane.copyPostRequested -> post number (1-based) of a thread
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout

from desktop_app.core.findings import amount
from desktop_app.core.platforms import Platform
from desktop_app.core.versions import fold_at, posts_for

MIN_HEIGHT, MAX_HEIGHT = 150, 220  # room for a post or two; the editor keeps the rest
MAX_POSTS = 6  # of a long thread: laying out dozens of posts as rich text holds up typing
_BOX = '<table border="1" cellspacing="0" cellpadding="6" width="100%">'


def _e(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def preview_html(platform: Platform, text: str, thread: bool) -> str:
    posts = posts_for(text, platform, thread)
    if not posts:
        return f"<p>Nothing to show on {html.escape(platform.name)} yet.</p>"
    out = []
    if len(posts) > 1:
        out.append(f"<p><b>{html.escape(platform.name)}</b> shows a thread of {len(posts)} posts:</p>")
    else:
        fold = fold_at(posts[0].text, platform)
        if fold is None:
            out.append(f"<p><b>{html.escape(platform.name)}</b> shows the whole post:</p>")
        else:
            out.append(
                f"<p><b>{html.escape(platform.name)}</b> shows this much in the feed; the rest waits "
                "behind “See more”:</p>"
            )
    for n, post in enumerate(posts[:MAX_POSTS], 1):
        body = post.text
        fold = fold_at(body, platform) if len(posts) == 1 else None
        shown = _e(body) if fold is None else f"{_e(body[:fold])} … <b>See more</b>"
        notes = []
        if post.over:
            excess, unit = post.fit.over_by()
            notes.append(f"<b>{amount(excess, unit)} too {'many' if unit == 'links' else 'long'}</b>")
        if len(posts) > 1:
            notes.append(f'<a href="copy:{n}">Copy post {n}</a>')
        tail = f"<br>{' · '.join(notes)}" if notes else ""
        out.append(f"{_BOX}<tr><td>{shown}{tail}</td></tr></table>")
    if len(posts) > MAX_POSTS:
        more = len(posts) - MAX_POSTS
        over = sum(1 for post in posts[MAX_POSTS:] if post.over)
        note = f", {over} of them over {html.escape(platform.name)}'s limits" if over else ""
        out.append(f"<p>… and {more} more post{'s' if more != 1 else ''}{note}.</p>")
    return "".join(out)


class PreviewPane(QFrame):
    copyPostRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setAccessibleName("Preview: what the network shows")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("previewText")
        self.label.setWordWrap(True)
        # Made on first use, after the first paint: the Qt namespace is free to use here.
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(self._link)
        self.label.setMargin(6)
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setMinimumHeight(MIN_HEIGHT)
        scroll.setMaximumHeight(MAX_HEIGHT)
        layout.addWidget(scroll)
        self.html = ""

    def show_version(self, platform: Platform, text: str, thread: bool) -> None:
        self._set(preview_html(platform, text, thread))

    def show_hint(self, text: str) -> None:
        self._set(f"<p>{html.escape(text)}</p>")

    def _set(self, markup: str) -> None:
        if markup != self.html:
            self.html = markup
            self.label.setText(markup)
            self.label.setAccessibleDescription(self.label.text())

    def _link(self, link: str) -> None:
        if link.startswith("copy:"):
            self.copyPostRequested.emit(int(link.split(":", 1)[1]))
