"""What a feature of the window (drafts, grammar, the sign-off sheet; later replies) may
ask of it, and what the window asks of every feature.

A feature is built with the window (before it is shown) and wires itself to the window's
public surface: its signals (firstPainted, reviewChanged, preferencesApplied), its menus
(window.actions_.menus), add_banner, set_drafts_panel, statusBar, warn, text(), review,
current_report(), merge_grammar_findings, set_grammar_status, show_draft, update_title,
check_now, when_policy_loaded (the pack the engine loaded). It never calls the window's
private methods. The window loops over its features for the rest:

    start()                 after the first paint: read files, start processes
    preference_section()    a widget with values() for the Preferences dialog, or None
    preferences_applied(v)  the values the user just saved
    ready_to_close()        False keeps the window open (e.g. the last change not written)
    shutdown()              the window is going: stop workers, wait for what must finish
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget


class Feature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def start(self) -> None:
        pass

    def preference_section(self) -> QWidget | None:
        return None

    def preferences_applied(self, values: dict) -> None:
        pass

    def ready_to_close(self) -> bool:
        return True

    def shutdown(self) -> None:
        pass
