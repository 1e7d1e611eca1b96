"""Before Qt starts on Linux: can the window system plugin load at all?

Without these libraries Qt's xcb plugin aborts the process with a core dump; we would
rather say in one line which Debian/Ubuntu packages are missing. Deliberately imports
no Qt, so it runs before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

# shared library -> Debian/Ubuntu package that ships it (what Qt 6's xcb plugin needs)
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def missing_packages(libraries: dict[str, str] | None = None) -> list[str]:
    libraries = XCB_LIBRARIES if libraries is None else libraries
    return sorted({pkg for lib, pkg in libraries.items() if not _loadable(lib)})


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """A one-line reason the window cannot open, or None if it should."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return None
    if platform.startswith("wayland") or (not platform and env.get("WAYLAND_DISPLAY")):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "No display found (DISPLAY is not set). Run the app from a desktop session, "
            "or use `drafting-assistant check` on the command line."
        )
    missing = missing_packages()
    if missing:
        return (
            "The window cannot open: missing system packages "
            + " ".join(missing)
            + " (install them with: sudo apt install "
            + " ".join(missing)
            + ")."
        )
    return None
