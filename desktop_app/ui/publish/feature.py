"""From draft to published, in the window: a version per network, threads, copy and preview,
images with their descriptions, approval and history.

Every window has it (MainWindow builds it, as it does the drafts): the versions are part of
the draft the autosave keeps. The tabs under the editor switch the editor between the main
text and each chosen network's version (ui/publish/documents.py); the window checks the
text shown for its network (check scope), so findings, the network bar and the sign-off
sheet cover only the chosen networks.

    window.publish.scope()              # what the text in the editor is checked for
    window.publish.show_source("X")     # the X tab ("" the main text)
    window.publish.content()            # core.approval.Content: what would be published
    window.publish.copy("X")            # X's version (a thread post by post) on the clipboard
    window.publish.make_thread("X") / reflow("X") / one_post("X") / follow_main("X")
    window.publish.approve()            # "Mark as approved": checks every version on the
                                        # engine's thread, then asks who (approvalChanged) or
                                        # refuses (approvalRefused): a must-fix open, an
                                        # image without a description, the post changed
    window.publish.note_exported(path, by)   # an exported review joins the history
    window.publish.show_history() / edit_images()

The drafts session reads `state()` when it saves and calls `to_main()` before it shows
another draft, then `load(draft)`. Changing a version (threads, copy, preview) is in
ui/publish/editing.py; approval and history in ui/publish/approval.py.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from desktop_app.ui.features import Feature
from desktop_app.ui.publish.approval import Approving
from desktop_app.ui.publish.bar import PublishBar
from desktop_app.ui.publish.documents import VersionDocs
from desktop_app.ui.publish.editing import VersionEditing
from desktop_app.ui.window.analysis_worker import Scope

PREVIEW_DELAY_MS = 150  # the preview follows typing after a short pause


class PublishFeature(VersionEditing, Approving, Feature):
    contentChanged = Signal()  # what would be published changed
    approvalChanged = Signal()  # approved, cleared by an edit, or another draft shown
    approvalRefused = Signal(str)  # why "Mark as approved" recorded nothing ("" nobody named)

    def __init__(self, window):
        super().__init__(window)
        self.docs = VersionDocs(window.editor, window.main_document, self)
        self.bar = PublishBar()
        self.preview = None  # PreviewPane, made when first shown
        self.source = ""  # "" the main text, else the network whose version is shown
        self.images: list = []  # core.images.Image
        self.approval = None  # core.approval.Approval
        self._approval_check = None  # (sheet inputs, draft id) while approve() checks them
        self._approve_had_focus = False  # Approve had the keyboard focus when it was clicked
        self.history: list = []  # core.approval.HistoryEntry
        self._fits: dict[tuple, object] = {}  # (network, thread, text) -> PlatformFit
        self._dialogs: list = []
        # Dialogs are attributes so tests can answer them.
        self.ask_approver = self._ask_approver
        self.confirm = self._confirm
        self.run_dialog = lambda dialog: dialog.exec() == dialog.DialogCode.Accepted
        window.add_under_editor(self.bar)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)

        bar = self.bar
        bar.sourceChosen.connect(self.show_source)
        bar.copy_button.clicked.connect(lambda: self.copy(self.source))
        bar.thread_button.clicked.connect(self._thread_clicked)
        bar.one_post_button.clicked.connect(lambda: self.one_post(self.source))
        bar.follow_button.clicked.connect(lambda: self.follow_main(self.source))
        bar.preview_button.toggled.connect(self._preview_toggled)
        bar.images_button.clicked.connect(self.edit_images)
        bar.approve_button.clicked.connect(self.approve)
        bar.history_button.clicked.connect(self.show_history)
        self._add_menu()
        self.docs.versionEdited.connect(self._version_edited)
        window.platform_bar.networksChanged.connect(self._networks_changed)
        window.textEdited.connect(self._edited)
        self.refresh()

    def _add_menu(self) -> None:
        """A Post menu with the bar's actions, for the keyboard (and screen readers)."""
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QMenu

        window = self.window
        menus = window.actions_.menus
        self.menu = QMenu("&Post", window)
        window.menuBar().insertMenu(menus.help.menuAction(), self.menu)  # before Help
        self.actions = {}
        for key, text, slot in (
            ("copy", "&Copy This Version", lambda: self.copy(self.source)),
            ("thread", "Make a &Thread or Re-flow It", self._thread_clicked),
            ("preview", "&Preview", lambda: self.bar.preview_button.toggle()),
            (None, None, None),
            ("images", "&Images…", self.edit_images),
            ("approve", "Mark as &Approved…", self.approve),
            ("history", "&History…", self.show_history),
        ):
            if key is None:
                self.menu.addSeparator()
                continue
            act = QAction(window)  # then the text: see window/actions.py
            act.setText(text)
            act.triggered.connect(lambda _=False, run=slot: run())
            self.menu.addAction(act)
            self.actions[key] = act
        menus.post = self.menu

    def preference_section(self):
        """Preferences: the name printed on a sign-off sheet as who prepared the post."""
        from PySide6.QtWidgets import QFormLayout, QGroupBox

        box = QGroupBox("Sign-off")
        form = QFormLayout(box)
        field = QLineEdit(str(self.window.settings.get("your_name") or ""))
        field.setObjectName("yourName")
        field.setAccessibleName("Your name, printed on a sign-off sheet as who prepared the post")
        field.setPlaceholderText("Your login name is used if this is empty")
        form.addRow("Your name", field)
        box.values = lambda: {"your_name": " ".join(field.text().split())}
        return box

    # ================================================================== what is shown
    @property
    def networks(self) -> list[str]:
        return self.window.platform_bar.networks

    def scope(self) -> Scope:
        """What the text in the editor is checked for: the main text for the chosen networks
        that follow it; a network's own version for that network (a thread post by post)."""
        source = self.source
        if not source:
            return Scope(tuple(n for n in self.networks if not self.docs.is_own(n)), None, "")
        return Scope((source,), source if self.docs.is_thread(source) else None, source)

    def show_source(self, source: str) -> None:
        """Show the main text ("") or a chosen network's version in the editor."""
        if source and source not in self.networks:
            source = ""
        if source != self.source:
            doc = self.docs.document_for(source) if source else self.window.main_document
            self.source = source
            self.window.show_document(doc)
        self.refresh()

    def to_main(self) -> None:
        """Before another draft is shown: the main text in the editor, nothing of this
        draft's versions, images or approval left to compare the new words with."""
        self.show_source("")
        self.approval = None
        self.images = []
        self.history = []

    def load(self, draft) -> None:
        """The draft just shown (storage.drafts.Draft): its versions, images, approval, history."""
        self.show_source("")
        self.docs.load(draft.versions)
        self.images = list(draft.images)
        self.history = list(draft.history)
        self.approval = draft.approval if draft.approved else None
        self._fits.clear()
        self.refresh()
        self.approvalChanged.emit()

    def state(self) -> dict:
        """What the draft file keeps of this (read by the drafts session when it saves)."""
        return {
            "versions": self.docs.versions(),
            "images": list(self.images),
            "approval": self.approval,
            "history": list(self.history),
        }

    def content(self):
        from desktop_app.core.approval import Content

        return Content(self.window.text(), tuple(self.networks), self.docs.versions(), tuple(self.images))

    # ================================================================== networks
    def platforms(self) -> list:
        """The networks as the policy pack counts them (empty until the engine is loaded)."""
        pack = getattr(self.window.controller.analyzer, "pack", None)
        return list(getattr(pack, "platforms", None) or [])

    def platform(self, network: str):
        return next((p for p in self.platforms() if p.name.lower() == network.lower()), None)

    def bar_fits(self, shown: list) -> tuple[list, set[str]]:
        """(fits, names) for the network bar: the report's fits for the text on screen, and a
        fit for each other chosen network's version, counted here (a count is quick; the
        checks run when its tab is shown)."""
        here = {f.name.lower() for f in shown}
        fits = list(shown)
        for network in self.networks:
            if network.lower() in here:
                continue
            fit = self._fit_of(network)
            if fit is not None:
                fits.append(fit)
        return fits, {f.name for f in shown}

    def _fit_of(self, network: str):
        platform = self.platform(network)
        if platform is None:
            return None
        thread = self.docs.is_thread(network)
        text = self.docs.text_for(network)
        key = (platform.name, thread, text)
        fit = self._fits.get(key)
        if fit is None:
            from desktop_app.core.platforms import measure
            from desktop_app.core.versions import thread_fit

            fit = thread_fit(text, platform)[0] if thread else measure(text, platform)
            if len(self._fits) > 64:
                self._fits.clear()
            self._fits[key] = fit
        return fit

    def _networks_changed(self, _networks: list) -> None:
        if self.source and self.source not in self.networks:
            self.show_source("")
        self.refresh()
        self._content_changed()

    # ================================================================== editing versions
    def _version_edited(self, network: str) -> None:
        if network == self.source:
            self._refresh_tabs()
            self._refresh_buttons()

    def _edited(self, *_args) -> None:
        self._content_changed()
        if self.preview is not None and self.preview.isVisible():
            self._preview_timer.start()

    # ================================================================== images
    def edit_images(self) -> None:
        from desktop_app.ui.publish.images_dialog import ImagesDialog

        chosen = [p for n in self.networks if (p := self.platform(n)) is not None]
        dialog = ImagesDialog(self.images, chosen, self.window)
        if not self.run_dialog(dialog):
            return
        self.set_images(dialog.images())

    def set_images(self, images: list) -> None:
        if list(images) == self.images:
            return
        self.images = list(images)
        self._refresh_images()
        self._save_soon()
        self._content_changed()

    def image_notes(self) -> list:
        from desktop_app.core.images import image_notes

        chosen = [p for n in self.networks if (p := self.platform(n)) is not None]
        return image_notes(self.images, chosen)

    # ================================================================== saving
    def _session(self):
        drafts = getattr(self.window, "drafts", None)
        return drafts.session if drafts is not None and drafts.started else None

    def _save_soon(self) -> None:
        session = self._session()
        if session is not None:
            session.mark_changed()

    def _save_now(self) -> None:
        """Approval and history are on disk before anything else can happen (a crash)."""
        session = self._session()
        if session is not None:
            session.mark_changed()
            session.flush()

    # ================================================================== drawing
    def refresh(self) -> None:
        self._refresh_tabs()
        self._refresh_buttons()
        self._refresh_images()
        self._refresh_approval()
        if self.preview is not None and self.preview.isVisible():
            self._update_preview()

    def _refresh_tabs(self) -> None:
        labels = {}
        for network in self.networks:
            if self.docs.is_thread(network):
                labels[network] = f"{network} (thread)"
            elif self.docs.is_own(network):
                labels[network] = f"{network} (own words)"
        self.bar.set_tabs(self.networks, labels, self.source)

    def _refresh_buttons(self) -> None:
        source = self.source or None
        platform = self.platform(source) if source else None
        can_thread = platform is None or bool(platform.thread)
        self.bar.show_for(
            source,
            own=bool(source) and self.docs.is_own(source),
            thread=bool(source) and self.docs.is_thread(source),
            can_thread=can_thread,
        )

    def _refresh_images(self) -> None:
        missing = sum(1 for image in self.images if not image.description.strip())
        self.bar.set_images(len(self.images), missing)
