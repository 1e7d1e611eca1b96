"""Changing a network's version in the window: make a thread, re-flow it, back to one post,
back to the main text; copy it as it goes out; the preview. Mixed into PublishFeature
(ui/publish/feature.py), which provides docs, bar, window, platform() and the saving.
"""

from __future__ import annotations


class VersionEditing:
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

    def _confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # set up when first needed, not at start-up

        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes
