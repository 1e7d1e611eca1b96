"""The question asked before the editor takes a text far longer than any post (a paste or
a file over 1 MB): its start (what is checked), all of it (slow to edit), or nothing."""

from __future__ import annotations


def ask_start_or_all(parent, title: str, message: str, start_label: str, all_label: str) -> str | None:
    """ "start", "all", or None when cancelled; the start is the default."""
    from PySide6.QtWidgets import QMessageBox  # set up when first used

    box = QMessageBox(QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.Cancel, parent)
    start = box.addButton(start_label, QMessageBox.ButtonRole.AcceptRole)
    everything = box.addButton(all_label, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(start)
    box.exec()
    clicked = box.clickedButton()
    return "start" if clicked is start else "all" if clicked is everything else None
