"""The direction of imports: core at the bottom, the check kinds above it, Qt only in ui/.

    ui, cli -> engine -> policy -> checks -> core      (ui -> grammar, storage; ui, cli -> signoff -> core)

So the command line and the tests never need a display, and the text foundations and the
check kinds can be reused (and tested) without the policy loader or the engine above them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
# Which of our own parts each layer may import (the first name after `desktop_app.`).
MAY_IMPORT = {
    "core": {"core"},
    "checks": {"core", "checks"},
    "storage": {"core", "storage", "APP_ID"},  # drafts, settings and files know no policy or UI
    # the sign-off sheet is built from reports the window or the command line hands it
    "signoff": {"core", "signoff", "APP_NAME", "__version__"},
}


def _imports(path: Path) -> set[str]:
    """Every module name imported anywhere in the file (inside functions too), in full."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports (desktop_app....)"
            if node.module == "desktop_app":  # from desktop_app import core, locate
                found.update(f"desktop_app.{alias.name}" for alias in node.names)
            elif node.module:
                found.add(node.module)
    return found


def _ours(path: Path) -> set[str]:
    """The parts of desktop_app a file imports: 'core', 'checks', 'policy', 'locate', ..."""
    parts = set()
    for name in _imports(path):
        pieces = name.split(".")
        if pieces[0] == "desktop_app" and len(pieces) > 1:
            parts.add(pieces[1].removesuffix(".py"))
    return parts


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_each_layer_imports_only_the_layers_below_it():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        allowed = MAY_IMPORT.get(_layer(path))
        if allowed is None:
            continue
        wrong = _ours(path) - allowed
        if wrong:
            offenders.append(f"{path.relative_to(PACKAGE)} imports {', '.join(sorted(wrong))}")
    assert offenders == []


def test_the_layer_check_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from desktop_app.policy import load_policy\n", encoding="utf-8")
    assert _ours(sample) == {"policy"}


def test_only_ui_imports_qt():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _layer(path) != "ui" and {name.split(".")[0] for name in _imports(path)} & QT
    ]
    assert offenders == []


def test_the_command_line_check_does_not_load_qt():
    code = (
        "import sys; from desktop_app.cli.check import main;"
        "main(['--format','json','-']);"
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.startswith(('PySide6','shiboken6')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input="A short post.", capture_output=True, text=True, timeout=120
    )
    assert result.stderr.strip().endswith("[]"), result.stderr


def test_no_item_based_list_widgets_in_the_ui():
    # QListWidget / QTreeWidget / QTableWidget rows are C++ objects with Python wrappers that
    # can outlive them (the New + paste segfault): lists use ui/widgets/row_list_model.py instead.
    item_widgets = {"QListWidget", "QListWidgetItem", "QTreeWidget", "QTreeWidgetItem", "QTableWidget"}
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
            if isinstance(node, ast.alias):
                name = node.name
            if name in item_widgets:
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []
