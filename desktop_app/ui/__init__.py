"""The Qt user interface. The only package that imports PySide6."""

from desktop_app.ui.qt_fixes import keep_none_alive

keep_none_alive()
