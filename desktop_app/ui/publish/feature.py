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
    window.publish.approve()            # "Mark as approved" (asks who; refuses while a
                                        # must-fix is open or an image has no description)
    window.publish.note_exported(path, by)   # an exported review joins the history
    window.publish.show_history() / edit_images()

The drafts session reads `state()` when it saves and calls `to_main()` before it shows
another draft, then `load(draft)`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from desktop_app.ui.features import Feature
from desktop_app.ui.publish.bar import PublishBar
from desktop_app.ui.publish.documents import VersionDocs
from desktop_app.ui.window.analysis_worker import Scope

PREVIEW_DELAY_MS = 150  # the preview follows typing after a short pause


class PublishFeature(Feature):
    contentChanged = Signal()  # what would be published changed
    approvalChanged = Signal()  # approved, cleared by an edit, or another draft shown

    def __init__(self, window):
        super().__init__(window)
        self.docs = VersionDocs(window.editor, window.main_document, self)
        self.bar = PublishBar()
        self.preview = None  # PreviewPane, made when first shown
        self.source = ""  # "" the main text, else the network whose version is shown
        self.images: list = []  # core.images.Image
        self.approval = None  # core.approval.Approval
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
            act = QAction(text, window)
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

    def _content_changed(self) -> None:
        if self.approval is not None and not self.approval.covers(self.content()):
            self.approval = None
            self.window.notice_banner.show_message(
                "Changed after approval, so no longer approved. The approved version is kept in History."
            )
            self._refresh_approval()
            self._save_soon()
            self.approvalChanged.emit()
        self.contentChanged.emit()

    def _thread_clicked(self) -> None:
        if self.docs.is_thread(self.source):
            self.reflow(self.source)
        else:
            self.make_thread(self.source)

    def _limited(self, network: str):
        platform = self.platform(network)
        if platform is None or (platform.limit is None and platform.max_bytes is None):
            self.window.statusBar().showMessage(f"{network} has no length limit to split by.", 5000)
            return None
        return platform

    def make_thread(self, network: str) -> bool:
        """Split `network`'s version into numbered posts that each fit (one edit: Ctrl+Z)."""
        platform = self._limited(network)
        if platform is None:
            return False
        from desktop_app.core.threads import reflow
        from desktop_app.core.versions import join_parts, thread_parts

        try:  # words already split into posts keep their breaks (as `drafting-assistant thread`)
            thread = reflow(thread_parts(self.docs.text_for(network)), platform)
        except ValueError as exc:
            self.window.statusBar().showMessage(f"It cannot be split: {exc}.", 8000)
            return False
        if len(thread.posts) < 2:
            self.window.statusBar().showMessage(
                f"It fits in one post on {network}, so it stays one post.", 5000
            )
            return False
        self.show_source(network)
        self.docs.set_words(network, join_parts([post.body for post in thread.posts]), thread=True)
        self._after_version_change()
        self.window.statusBar().showMessage(
            f"A thread of {len(thread.posts)} posts for {network}, one after each line of three dashes. "
            "Edit any post; Re-flow carries words that no longer fit into the next. Ctrl+Z undoes it.",
            10000,
        )
        return True

    def reflow(self, network: str) -> bool:
        """Each post as edited starts a post again; one too long flows into the next."""
        platform = self._limited(network)
        if platform is None:
            return False
        from desktop_app.core.threads import reflow
        from desktop_app.core.versions import join_parts, thread_parts

        try:
            thread = reflow(thread_parts(self.docs.text_for(network)), platform)
        except ValueError as exc:
            self.window.statusBar().showMessage(f"It cannot be re-flowed: {exc}.", 8000)
            return False
        self.docs.set_words(network, join_parts([post.body for post in thread.posts]), thread=True)
        self._after_version_change()
        self.window.statusBar().showMessage(f"Re-flowed: {len(thread.posts)} posts. Ctrl+Z undoes it.", 5000)
        return True

    def one_post(self, network: str) -> None:
        from desktop_app.core.versions import thread_parts

        parts = [part.strip() for part in thread_parts(self.docs.text_for(network)) if part.strip()]
        self.docs.set_words(network, "\n\n".join(parts), thread=False)
        self._after_version_change()

    def follow_main(self, network: str) -> bool:
        """Drop a version's own words: it gets the main text again."""
        if not self.docs.is_own(network):
            return False
        if not self.confirm(
            "Use the main text?",
            f"{network}'s own words will be replaced by the main text. Its version cannot be brought back "
            "except from History.",
        ):
            return False
        self.docs.follow_main(network)
        self._after_version_change()
        self.window.check_now()
        return True

    def _after_version_change(self) -> None:
        self.refresh()
        self._save_soon()
        self._content_changed()
        self.window.check_now()

    # ================================================================== copy and preview
    def copy(self, source: str) -> bool:
        """The version on the clipboard exactly as it goes out (a thread: its posts, numbered,
        a blank line between them)."""
        from desktop_app.core.findings import Severity
        from desktop_app.ui.review.export import copy_post_to_clipboard

        window = self.window
        if not source:
            text = window.text()
            copy_post_to_clipboard(text)
            what = f"Main text copied ({len(text):,} characters)."
        else:
            platform = self.platform(source)
            text = self.docs.text_for(source)
            if self.docs.is_thread(source) and platform is not None:
                from desktop_app.core.versions import posts_for

                posts = posts_for(text, platform, True)
                too_long = [n for n, post in enumerate(posts, 1) if post.over]
                if too_long:
                    window.statusBar().showMessage(
                        f"Post {too_long[0]} is too long for {source}: re-flow the thread, then copy it.",
                        8000,
                    )
                    return False
                copy_post_to_clipboard("\n\n".join(post.text for post in posts))
                what = f"{source} thread copied: {len(posts)} posts, a blank line between them."
            else:
                copy_post_to_clipboard(text.rstrip())
                what = f"Copied for {source} ({len(text.rstrip()):,} characters)."
        note = ""
        if source == self.source:
            must = sum(1 for f in window.displayed_findings() if f.severity is Severity.MUST_FIX)
            if must:
                note = f" It still has {must} must-fix finding{'s' if must != 1 else ''}."
        window.statusBar().showMessage(what + note, 6000)
        return True

    def copy_post(self, number: int) -> bool:
        """One post of the thread shown (from the preview's "Copy post n")."""
        from desktop_app.core.versions import posts_for
        from desktop_app.ui.review.export import copy_post_to_clipboard

        platform = self.platform(self.source) if self.source else None
        if platform is None:
            return False
        posts = posts_for(self.docs.text_for(self.source), platform, self.docs.is_thread(self.source))
        if not 1 <= number <= len(posts):
            return False
        copy_post_to_clipboard(posts[number - 1].text)
        self.window.statusBar().showMessage(f"Post {number} of {len(posts)} copied.", 4000)
        return True

    def _preview_toggled(self, on: bool) -> None:
        if on and self.preview is None:
            from desktop_app.ui.publish.preview import PreviewPane

            self.preview = PreviewPane()
            self.preview.copyPostRequested.connect(self.copy_post)
            self.window.add_under_editor(self.preview, after=self.bar)
        if self.preview is not None:
            self.preview.setVisible(on)
            if on:
                self._update_preview()

    def _update_preview(self) -> None:
        pane = self.preview
        if pane is None or not pane.isVisible():
            return
        if not self.source:
            pane.show_hint("Choose a network's tab to see what it shows of the post.")
            return
        platform = self.platform(self.source)
        if platform is None:
            pane.show_hint(
                f"{self.source} is not one of the policy's networks, so there is nothing to preview."
            )
            return
        pane.show_version(platform, self.docs.text_for(self.source), self.docs.is_thread(self.source))

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

    # ================================================================== approval and history
    def approve(self) -> bool:
        """Record who approved the post, when, against which policy pack. Refused while an
        image has no description or a must-fix finding is open in any version."""
        window = self.window
        if window.controller.analyzer is None:
            window.statusBar().showMessage("The checks are still loading; try again in a moment.", 5000)
            return False
        from desktop_app.core.approval import APPROVED, Approval, HistoryEntry, add_entry
        from desktop_app.core.images import missing_descriptions
        from desktop_app.signoff import open_must_fix
        from desktop_app.ui.review.sheet import sheet_data

        missing = missing_descriptions(self.images)
        if missing:
            n = len(missing)
            window.warn(
                "Not approved",
                f"{n} image{'s have' if n != 1 else ' has'} no description. A reader who cannot see "
                "an image gets only its description: add one (Images), then approve.",
            )
            return False
        content = self.content()
        still_open = open_must_fix(sheet_data(window, content))
        if still_open:
            window.warn(
                "Not approved",
                f"{still_open} must-fix finding{'s are' if still_open != 1 else ' is'} still open. Fix each "
                "one, or ignore it with a reason the approver can read, then approve.",
            )
            return False
        name = self.ask_approver()
        if not name:
            return False
        when = datetime.now(UTC)
        pack = window.policy.pack_label
        self.approval = Approval(name, when, pack, content.fingerprint())
        add_entry(self.history, HistoryEntry(APPROVED, when, name, pack, content))
        window.notice_banner.hide()
        self._refresh_approval()
        self._save_now()
        self.approvalChanged.emit()
        window.statusBar().showMessage(f"Approved by {name}. Any change from now on clears it.", 6000)
        return True

    def note_exported(self, path: str, by: str = "") -> None:
        """A review was exported: that version joins the history."""
        from desktop_app.core.approval import EXPORTED, HistoryEntry, add_entry

        entry = HistoryEntry(
            EXPORTED, datetime.now(UTC), by, self.window.policy.pack_label, self.content(), Path(path).name
        )
        if add_entry(self.history, entry):
            self._save_now()

    def show_history(self) -> None:
        from desktop_app.ui.publish.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.history, self.content(), self.window)
        dialog.restoreRequested.connect(self.restore)
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.show()

    def restore(self, content) -> None:
        """Put an earlier version back: every text as one edit each (Ctrl+Z in that tab
        takes it back), and its networks and images."""
        from PySide6.QtGui import QTextCursor

        self.show_source("")
        main = self.window.main_document
        if main.toPlainText() != content.text:
            cursor = QTextCursor(main)
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(content.text)
            cursor.endEditBlock()
        self.window.platform_bar.set_networks(list(content.networks))
        self.window.platform_bar.networksChanged.emit(self.networks)
        for network in content.networks:
            version = content.versions.get(network)
            if version is not None and version.own:
                self.docs.set_words(network, version.text or "", thread=version.thread)
            elif self.docs.is_own(network):
                self.docs.follow_main(network)
        self.images = list(content.images)
        self._after_version_change()
        self.window.statusBar().showMessage(
            "The earlier version is back. Ctrl+Z in a tab undoes its words.", 8000
        )

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

    def _refresh_approval(self) -> None:
        approval = self.approval
        if approval is None:
            self.bar.set_approval("Not approved yet.", "none")
            return
        when = approval.when.astimezone()
        stamp = f"{when.day} {when.strftime('%b %Y %H:%M')}"
        self.bar.set_approval(f"✔ Approved by {approval.by}, {stamp}, against {approval.pack}.", "approved")

    # ================================================================== dialogs
    def _ask_approver(self) -> str | None:
        import getpass

        settings = self.window.settings
        default = str(settings.get("approver") or "")
        if not default:
            try:
                default = getpass.getuser()
            except Exception:  # no login name (a container, a service)
                default = ""
        name, ok = QInputDialog.getText(
            self.window,
            "Mark as approved",
            "Who approves this post? Your name is recorded with the time and the policy pack.",
            QLineEdit.EchoMode.Normal,
            default,
        )
        name = " ".join(name.split()) if ok else ""
        if name:
            settings.set("approver", name)
            self.window.save_settings()
        return name or None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes
