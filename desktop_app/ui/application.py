"""Create the QApplication and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.locate import resources_dir


def run(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("drafting-assistant")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))

    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(open_path=args.file)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
        QTimer.singleShot(int(args.quit_after * 1000) + 50, app.quit)
    return app.exec()
