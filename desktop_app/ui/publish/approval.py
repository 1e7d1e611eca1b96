"""Approval and history in the window: "Mark as approved", clearing it on the first change,
every approved or exported version kept, compared and restored. Mixed into PublishFeature
(ui/publish/feature.py), which provides docs, bar, window, content() and the saving.
"""

from __future__ import annotations

from pathlib import Path


class Approving:
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

    # ================================================================== approval and history
    @property
    def approving(self) -> bool:
        """The versions are being checked for an approval (the Approve button is off)."""
        return self._approval_check is not None

    def approve(self) -> None:
        """Record who approved the post, when, against which policy pack. Refused at once
        while an image has no description; otherwise every version is checked on the
        engine's thread and, back here, refused while a must-fix finding is open, else the
        approver is asked. approvalChanged follows an approval, approvalRefused(message) a
        refusal ("" when nobody was named)."""
        window = self.window
        if self.approving:
            return  # already being worked out: one approval per click
        if window.controller.analyzer is None:
            message = "The checks are still loading; try again in a moment."
            window.statusBar().showMessage(message, 5000)
            self.approvalRefused.emit(message)
            return
        from desktop_app.core.images import missing_descriptions
        from desktop_app.signoff import open_must_fix, too_long_to_sign_off
        from desktop_app.ui.jobs import run_then
        from desktop_app.ui.review.sheet import build_sheet_data, sheet_inputs

        missing = missing_descriptions(self.images)
        if missing:
            n = len(missing)
            self._refuse(
                f"{n} image{'s have' if n != 1 else ' has'} no description. A reader who cannot see "
                "an image gets only its description: add one (Images), then approve."
            )
            return
        inputs = sheet_inputs(window, self.content())
        too_long = too_long_to_sign_off(inputs.content)
        if too_long:
            self._refuse(too_long)
            return
        self._approval_check = (inputs, self._draft_id())
        self._show_approving(True)
        window.statusBar().showMessage("Checking every version before approval…")
        # On the engine's own thread: queued behind the editor's check, never waited for here.
        run_then(lambda: open_must_fix(build_sheet_data(inputs)), self._approval_checked, self,
                 window.controller.pool)  # fmt: skip

    def _approval_checked(self, still_open) -> None:
        from desktop_app.core.approval import APPROVED, Approval, HistoryEntry, add_entry

        window = self.window
        inputs, draft_id = self._approval_check
        self._approval_check = None
        self._show_approving(False)
        if isinstance(still_open, Exception):
            failure = type(still_open).__name__
            self._refuse(f"The checks could not finish ({failure}), so nothing was approved. Try again.")
            return
        if self._changed_since(inputs, draft_id):
            self._refuse_changed()
            return
        if still_open:
            self._refuse(
                f"{still_open} must-fix finding{'s are' if still_open != 1 else ' is'} still open. Fix each "
                "one, or ignore it with a reason the approver can read, then approve."
            )
            return
        window.statusBar().showMessage("Every version checked: no must-fix finding is open.")
        name = self.ask_approver()
        if not name:
            window.statusBar().clearMessage()
            self.approvalRefused.emit("")
            return
        if self._changed_since(inputs, draft_id):  # while the name was asked for
            self._refuse_changed()
            return
        from datetime import UTC, datetime  # (not at start-up: the window paints without it)

        content = inputs.content
        when = datetime.now(UTC)
        pack = window.policy.pack_label
        self.approval = Approval(name, when, pack, content.fingerprint())
        add_entry(self.history, HistoryEntry(APPROVED, when, name, pack, content))
        window.notice_banner.hide()
        self._refresh_approval()
        self._save_now()
        self.approvalChanged.emit()
        window.statusBar().showMessage(f"Approved by {name}. Any change from now on clears it.", 6000)

    def _changed_since(self, inputs, draft_id) -> bool:
        """Anything the check depended on changed: the words, networks or images, the
        draft shown, or what is ignored (a finding shown again must be counted)."""
        window = self.window
        return (
            self._draft_id() != draft_id
            or self.content().fingerprint() != inputs.content.fingerprint()
            or window.review.ignored != inputs.review.ignored
            or window.rules_off() != inputs.rules_off
        )

    def _draft_id(self):
        session = self._session()
        return session.current_id if session is not None else None

    def _show_approving(self, busy: bool) -> None:
        button = self.bar.approve_button
        if busy:
            # Qt moves the focus off a button it disables: bring it back afterwards.
            self._approve_had_focus = button.hasFocus()
        button.setEnabled(not busy)
        self.actions["approve"].setEnabled(not busy)
        if not busy and self._approve_had_focus:
            self._approve_had_focus = False
            button.setFocus()

    def _refuse(self, message: str) -> None:
        self.window.warn("Not approved", message)
        self.approvalRefused.emit(message)

    def _refuse_changed(self) -> None:
        self._refuse(
            "The post changed while it was being checked, so it was not approved. "
            "Approve again to check it as it is now."
        )

    def note_exported(self, path: str, by: str = "", content=None) -> None:
        """A review was exported: that version (`content`, the words on the sheet; else the
        draft as it is now) joins the history."""
        from datetime import UTC, datetime

        from desktop_app.core.approval import EXPORTED, HistoryEntry, add_entry

        content = content if content is not None else self.content()
        entry = HistoryEntry(
            EXPORTED, datetime.now(UTC), by, self.window.policy.pack_label, content, Path(path).name
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

    def _refresh_approval(self) -> None:
        approval = self.approval
        if approval is None:
            self.bar.set_approval("Not approved yet.", "none")
            return
        when = approval.when.astimezone()
        stamp = f"{when.day} {when.strftime('%b %Y %H:%M')}"
        self.bar.set_approval(f"✔ Approved by {approval.by}, {stamp}, against {approval.pack}.", "approved")

    def _ask_approver(self) -> str | None:
        import getpass

        settings = self.window.settings
        default = str(settings.get("approver") or "")
        if not default:
            try:
                default = getpass.getuser()
            except Exception:  # no login name (a container, a service)
                default = ""
        from PySide6.QtWidgets import QInputDialog, QLineEdit  # set up when first used

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
