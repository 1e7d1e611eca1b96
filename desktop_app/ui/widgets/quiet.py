"""Text updates that do not relayout the whole window.

Changing a label's or button's text calls updateGeometry(), which invalidates every
layout up to the window, and the window then repaints far more than the label: on a
keystroke that cost more than the typing itself. A widget whose minimum and maximum
sizes are equal does not propagate that (Qt skips fixed-size widgets), so we pin the
size to the text and re-pin only when the text really needs more or less room.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_text(widget: QWidget, text: str) -> None:
    if widget.text() == text:
        return
    widget.setText(text)
    pin(widget)


def pin(widget: QWidget) -> None:
    """Fix the size to the current hint (again after a style change, e.g. bold text)."""
    hint = widget.sizeHint().expandedTo(widget.minimumSize())  # never shrink a pinned badge
    if widget.minimumSize() != hint or widget.maximumSize() != hint:
        widget.setFixedSize(hint)


def set_style_property(widget: QWidget, name: str, value) -> bool:
    """Set a property the style sheet selects on ([state="advice"]) and restyle the widget,
    only when the value really changes (re-polishing costs a style pass). True if it did."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return True
