"""The engine stays Qt-free, so the command line and tests never need a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
QT_FREE = ["core", "checks", "cli", "grammar", "storage"]
QT_FREE_MODULES = ["policy.py", "locate.py", "__main__.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _python_files():
    for folder in QT_FREE:
        yield from (PACKAGE / folder).rglob("*.py")
    for name in QT_FREE_MODULES:
        if (PACKAGE / name).exists():
            yield PACKAGE / name


def test_no_qt_import_below_core_checks_grammar_storage():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _python_files()
        if _imports(path) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
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
