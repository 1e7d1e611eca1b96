"""Menus and keyboard shortcuts. Every action calls a MainWindow method."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6 import QtCore
from PySide6.QtGui import QAction, QKeySequence


def _action(window, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    # QAction(parent) then setText: the (text, parent) constructor makes PySide6 weigh the
    # (icon, text, parent) one too, which sets up QIcon and its enums (~1 ms) before the first
    # paint. Every action built before the paint is made this way.
    act = QAction(window)
    act.setText(text)
    if shortcut is not None:
        # Window-wide (QAction's default context), so F8 works from the findings list too.
        # setShortcuts, not setShortcut: it takes every platform binding of a standard key,
        # and its overloads do not make PySide6 build the Qt namespace (~25 ms at start-up).
        if isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcuts(shortcut)
        else:
            act.setShortcuts([QKeySequence(shortcut)])
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(tip)
    act.triggered.connect(lambda _=False: slot())
    window.addAction(act)
    return act


def build(window) -> SimpleNamespace:
    Std = QKeySequence.StandardKey
    e = window.editor
    a = SimpleNamespace()
    a.new = _action(window, "&New", window.action_new, Std.New, "Start a new draft")
    a.open = _action(window, "&Open…", window.action_open, Std.Open, "Open a .txt or .md draft")
    a.save = _action(window, "&Save", window.action_save, Std.Save, "Save the draft")
    a.save_as = _action(
        window, "Save &As…", window.action_save_as, Std.SaveAs, "Save the draft under a new name"
    )
    a.quit = _action(window, "&Quit", window.close, Std.Quit)
    a.undo = _action(window, "&Undo", window.undo, Std.Undo)
    a.redo = _action(window, "&Redo", window.redo, Std.Redo)
    a.undo.setEnabled(False)
    a.redo.setEnabled(False)
    e.undoAvailable.connect(a.undo.setEnabled)
    e.redoAvailable.connect(a.redo.setEnabled)
    # Undo/Redo work from anywhere in the window (say, right after pressing Apply on a
    # card); when the editor has focus it takes the key itself (ShortcutOverride).
    a.cut = _action(window, "Cu&t", e.cut)
    a.copy = _action(window, "&Copy", e.copy)
    a.paste = _action(window, "&Paste", e.paste)
    a.select_all = _action(window, "Select &All", e.selectAll)
    # their keys: bind_clipboard_keys(), once the window has painted
    a.copy_post = _action(window, "Copy &Post", window.copy_post, "Ctrl+Shift+C", "Copy the whole post")
    a.find = _action(window, "&Find…", window.find_bar.open_bar, Std.Find, "Find in the draft")
    a.preferences = _action(window, "Pr&eferences…", window.show_preferences, "Ctrl+,")
    a.next_finding = _action(window, "&Next Finding", window.next_finding, "F8")
    a.previous_finding = _action(window, "&Previous Finding", window.previous_finding, "Shift+F8")
    a.apply_first = _action(window, "&Apply First Suggestion", window.apply_first_suggestion, "Ctrl+.")
    a.show_all = _action(window, "&Show All Findings", window.clear_filter)
    a.help = _action(window, "&Principles and Help", window.show_help, Std.HelpContents)
    a.about = _action(window, "&About Drafting Assistant", window.show_about)

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for act in (a.new, a.open, None, a.save, a.save_as, None, a.quit):
        file_menu.addSeparator() if act is None else file_menu.addAction(act)
    edit_menu = bar.addMenu("&Edit")
    for act in (
        a.undo,
        a.redo,
        None,
        a.cut,
        a.copy,
        a.paste,
        a.select_all,
        None,
        a.copy_post,
        a.find,
        None,
        a.preferences,
    ):
        edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
    check_menu = bar.addMenu("&Check")
    for act in (a.next_finding, a.previous_finding, a.apply_first, None, a.show_all):
        check_menu.addSeparator() if act is None else check_menu.addAction(act)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.help)
    help_menu.addAction(a.about)
    a.menus = SimpleNamespace(file=file_menu, edit=edit_menu, check=check_menu, help=help_menu)
    return a


def bind_clipboard_keys(a: SimpleNamespace) -> None:
    """Show Ctrl+X/C/V/A in the Edit menu; the keys themselves belong to whichever text
    field has focus (WidgetShortcut). Called once the window has painted: the context
    lives in PySide6's Qt namespace, kept out of start-up (see themes.system_is_dark)."""
    Std = QKeySequence.StandardKey
    keys = ((a.cut, Std.Cut), (a.copy, Std.Copy), (a.paste, Std.Paste), (a.select_all, Std.SelectAll))
    for act, key in keys:
        act.setShortcuts(key)
        act.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
