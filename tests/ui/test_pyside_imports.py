"""The quick answer to PySide6's "does this module use PySide6?" (ui/pyside_imports.py)
must be PySide6's own answer for every module the app imports."""

from __future__ import annotations

import sys

import desktop_app.ui.application
import desktop_app.ui.window.main_window  # noqa: F401
from desktop_app.ui import pyside_imports


def _feature():
    return sys.modules["shibokensupport.feature"]


def test_the_app_puts_the_quick_answer_in_place_once():
    quick = _feature()._mod_uses_pyside
    assert getattr(quick, pyside_imports._MARK, False)
    assert pyside_imports.answer_quickly()
    assert _feature()._mod_uses_pyside is quick  # not wrapped twice


def test_the_quick_answer_is_pyside6s_own_for_every_module_loaded():
    quick = _feature()._mod_uses_pyside
    original = quick.__closure__[0].cell_contents  # PySide6's own function
    assert not getattr(original, pyside_imports._MARK, False)
    modules = [m for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)]
    ours = [m for m in modules if m.__name__.startswith("desktop_app.ui.")]
    assert len(ours) > 20
    assert any(quick(m) for m in ours) and any(not quick(m) for m in modules)
    for module in modules:
        assert quick(module) == original(module), module.__name__
