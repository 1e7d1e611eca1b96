"""Work-arounds for bugs in the Qt binding, applied once when desktop_app.ui is imported.

PySide6 6.12.0 (abi3 wheel) on Python 3.11 returns the singletons without taking a
reference: every call of a C++ method returning void drops one reference to None
(label.setText(), timer.start(), ...), and every `signal.emit(...)` drops one to True.
Python 3.12+ made these objects immortal, so there it is harmless; on 3.11 their counts
fall by one per call and after a few thousand calls the interpreter aborts with "Fatal
Python error: none_dealloc" (or bool_dealloc). We give None, True and False an
immortal-sized count, as 3.12 does in spirit: they can then never reach zero. They are
never freed anyway (freeing one is the fatal error), so this changes nothing else.
Checked by tests/ui/test_qt_fixes.py.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40  # ~10^12 void calls before the count could come down again


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal / debug build
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: PyObject's first field
        if refcount.value < _BIG:
            refcount.value += _BIG
