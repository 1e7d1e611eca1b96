"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 (for its optional `from __feature__ import snake_case`) asks of each newly imported
module whether its source mentions "PySide6", through inspect.getsource: the source read
through linecache and its encoding worked out, about 0.1 ms a module. The window imports
some 60 of ours before its first paint (~6 ms of start-up). The same question answered from
the file's bytes takes a few microseconds; anything that is not a plain .py file is still
asked PySide6's way. PySide6's own test in tests/ui/test_pyside_imports.py keeps the answers
the same.
"""

from __future__ import annotations

import sys

_MARK = "_drafting_assistant_quick"


def _quick(original):
    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    setattr(mod_uses_pyside, _MARK, True)
    return mod_uses_pyside


def answer_quickly() -> bool:
    """Put the quick answer in place (once PySide6 is imported); False where this PySide6
    has no such question (a later release), which leaves it as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or not callable(original):
        return False
    if not getattr(original, _MARK, False):
        feature._mod_uses_pyside = _quick(original)
    return True
