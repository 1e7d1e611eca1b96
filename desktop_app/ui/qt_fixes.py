"""Work-arounds for bugs in the Qt binding, applied once when desktop_app.ui is imported.

PySide6 6.12.0 (abi3 wheel) on Python 3.11: every call of a C++ method returning void
drops one reference to None that it never took. Python 3.12+ made None immortal, so
there it is harmless; on 3.11 None's count falls by one per call (label.setText(),
timer.start(), ...) and after a few thousand calls the interpreter aborts with
"Fatal Python error: none_dealloc". We give None the immortal-sized count 3.12 uses in
spirit: it can then never reach zero. None is never freed anyway (freeing it is the
fatal error), so this changes nothing else. Checked by tests/ui/test_qt_fixes.py.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40  # ~10^12 void calls before the count could come down again


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal / debug build
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < _BIG:
        refcount.value += _BIG
