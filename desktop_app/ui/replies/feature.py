"""Replies in the main window: a Replies menu that opens the Replies view (its own window,
so the draft stays in view), and "Start a reply" turning a suggested opening into a new
draft that is checked like any post."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from desktop_app.ui.features import Feature


class RepliesFeature(Feature):
    def __init__(self, window, **view_args):
        super().__init__(window)
        self.view = None  # ui.replies.view.RepliesWindow, made on first use
        self._view_args = view_args  # tests give a log store, a list path, a triager factory
        menu = window.menuBar().addMenu("&Replies")
        window.menuBar().insertMenu(window.actions_.menus.help.menuAction(), menu)
        self.menu = menu
        self.open_action = QAction(window)  # then the text: see window/actions.py
        self.open_action.setText("&Sort Replies…")
        self.open_action.setShortcuts([QKeySequence("Ctrl+Shift+R")])
        self.open_action.setStatusTip("Sort replies to a post: what to report, answer and thank")
        self.open_action.triggered.connect(lambda _=False: self.open_view())
        menu.addAction(self.open_action)
        window.addAction(self.open_action)

    def open_view(self):
        """Show the Replies view (made on first use) and bring it forward."""
        if self.view is None:
            from desktop_app.ui.replies.view import RepliesWindow

            self.view = RepliesWindow(
                start_reply=self.start_reply,
                colours=getattr(self.window, "colours", None),
                **self._view_args,
            )
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def start_reply(self, text: str) -> bool:
        """A new draft holding `text`, shown in the main window."""
        started = self.window.drafts.start_draft(text)
        if started:
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()
        return started

    def shutdown(self) -> None:
        if self.view is not None:
            self.view.shutdown()
            self.view.close()
