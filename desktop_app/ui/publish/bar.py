"""The row under the editor: a tab per version (the main text, then each chosen network),
and what can be done with the one shown: copy it, make it a thread, preview it, its
images, approval and history.

Only widgets here; ui/publish/feature.py decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QTabBar, QVBoxLayout, QWidget

from desktop_app.ui.widgets import quiet
from desktop_app.ui.widgets.flow_layout import FlowLayout

MAIN_TAB = "Main text"


def _set_text(widget, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


class PublishBar(QFrame):
    sourceChosen = Signal(str)  # "" the main text, else a network

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("publishBar")
        self.setAccessibleName("Versions of this post")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)

        self.tabs = QTabBar()
        self.tabs.setObjectName("versionTabs")
        self.tabs.setAccessibleName("Version: the main text or one network's own")
        self.tabs.setShape(QTabBar.Shape.RoundedSouth)  # hanging from the editor above
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)  # never sets the window's minimum width
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._sources: list[str] = []
        outer.addWidget(self.tabs)

        row = QWidget()
        row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.flow = FlowLayout(row, h_spacing=6, v_spacing=4)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.copy_button = self._button("copyVersion", "Copy", "Copy this version, ready to paste")
        self.thread_button = self._button("makeThread", "Make a thread", "Split it into numbered posts")
        self.one_post_button = self._button("onePost", "One post", "Join the thread back into one post")
        self.follow_button = self._button(
            "followMain", "Use main text", "Drop this version's own words and use the main text again"
        )
        self.preview_button = self._button("previewButton", "Preview", "Show it as the network shows it")
        self.preview_button.setCheckable(True)
        self.images_button = self._button("imagesButton", "Images", "Images and their descriptions")
        self.approve_button = self._button(
            "approveButton",
            "Approve",
            "Mark as approved: record who approved this post, when, against which policy",
        )
        self.history_button = self._button("historyButton", "History", "Every approved or exported version")
        for button in (
            self.copy_button,
            self.thread_button,
            self.one_post_button,
            self.follow_button,
            self.preview_button,
            self.images_button,
            self.approve_button,
            self.history_button,
        ):
            self.flow.addWidget(button)
        outer.addWidget(row)

        self.state = QLabel("Not approved")
        self.state.setObjectName("approvalState")
        self.state.setProperty("state", "none")
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Approval")
        outer.addWidget(self.state)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        """Short words on the button (the row wraps in a narrow window); the tooltip and
        the accessible description say it in full."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAccessibleDescription(tip)
        return button

    def focus_chain(self) -> list:
        return [self.tabs, *(b for b in self.buttons() if b.isVisible())]

    def buttons(self) -> list[QPushButton]:
        return [self.flow.itemAt(i).widget() for i in range(self.flow.count())]

    # ----- tabs -----
    @property
    def source(self) -> str:
        i = self.tabs.currentIndex()
        return self._sources[i] if 0 <= i < len(self._sources) else ""

    def set_tabs(self, networks: list[str], labels: dict[str, str], current: str) -> None:
        """A tab for the main text and each network (labels: 'X (thread)'...)."""
        sources = ["", *networks]
        texts = [MAIN_TAB, *(labels.get(n, n) for n in networks)]
        same = sources == self._sources and all(self.tabs.tabText(i) == t for i, t in enumerate(texts))
        if not same:
            self.tabs.blockSignals(True)
            while self.tabs.count():
                self.tabs.removeTab(0)
            for text in texts:
                self.tabs.addTab(text)
            self._sources = sources
            self.tabs.blockSignals(False)
        for i, source in enumerate(sources):
            tip = (
                "The words every network gets unless its own tab changes them"
                if not source
                else (f"What {source} gets: {labels.get(source, source)}")
            )
            self.tabs.setTabToolTip(i, tip)
        at = sources.index(current) if current in sources else 0
        if self.tabs.currentIndex() != at:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(at)
            self.tabs.blockSignals(False)

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._sources):
            self.sourceChosen.emit(self._sources[index])

    # ----- the buttons for the version shown -----
    def show_for(self, network: str | None, *, own: bool, thread: bool, can_thread: bool) -> None:
        """network None: the main text."""
        # (plain setText: these change on a tab switch, not a keystroke, and must shrink too)
        _set_text(self.copy_button, f"Copy for {network}" if network else "Copy")
        self.thread_button.setVisible(bool(network) and can_thread)
        _set_text(self.thread_button, "Re-flow" if thread else "Make a thread")
        tip = (
            "Re-flow the thread: carry words that no longer fit into the next post, and number the "
            "posts again"
            if thread
            else "Make a thread: split it into numbered posts that each fit"
        )
        self.thread_button.setToolTip(tip)
        self.thread_button.setAccessibleDescription(tip)
        self.copy_button.setAccessibleName(self.copy_button.text())
        self.thread_button.setAccessibleName(self.thread_button.text())
        self.one_post_button.setVisible(bool(network) and thread)
        self.follow_button.setVisible(bool(network) and own)
        self.preview_button.setEnabled(bool(network))

    def set_images(self, count: int, missing: int) -> None:
        text = "Images" if not count else f"Images ({count})"
        if missing:
            text += f", {missing} without a description"
        _set_text(self.images_button, text)

    def set_approval(self, text: str, state: str) -> None:
        """state: "approved" | "cleared" | "none"."""
        if self.state.text() != text:  # wraps, so not pinned to one size (quiet.set_text)
            self.state.setText(text)
        quiet.set_style_property(self.state, "state", state)
        self.state.setAccessibleDescription(text)
