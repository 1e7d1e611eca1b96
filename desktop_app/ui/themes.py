"""Light and dark themes: one palette of named colours, a QPalette and a style sheet.

"system" follows the desktop (Qt 6.5+ QStyleHints.colorScheme) and changes with it.
Text colours are chosen for at least 4.5:1 contrast on their backgrounds (WCAG AA).
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

LIGHT = {
    "window": "#f3f4f6",
    "surface": "#ffffff",
    "surface_alt": "#f8f9fb",
    "text": "#1f2328",
    "muted": "#57606a",
    "border": "#d8dee4",
    "accent": "#0b57d0",
    "accent_text": "#ffffff",
    "selection": "#c2dbff",
    "must-fix": "#c5221f",
    "must-fix_bg": "#fce8e6",
    "advice": "#9a4d00",
    "advice_line": "#e37400",
    "advice_bg": "#fef3e2",
    "suggestion": "#0b57d0",
    "suggestion_bg": "#e8f0fe",
    "clear": "#137333",
    "clear_bg": "#e6f4ea",
    "hard": "#fff1b8",
    "very-hard": "#ffd6d6",
    "overflow": "#e6e7ea",  # grey behind red text: "this part will not fit"
    "overflow_text": "#a50e0e",
    "current": "#c2dbff",
}

DARK = {
    "window": "#17191c",
    "surface": "#202328",
    "surface_alt": "#1b1e22",
    "text": "#e6e8eb",
    "muted": "#a4acb6",
    "border": "#363b42",
    "accent": "#8ab4f8",
    "accent_text": "#10161f",
    "selection": "#2f4a73",
    "must-fix": "#f28b82",
    "must-fix_bg": "#3b2222",
    "advice": "#fbbc6a",
    "advice_line": "#fbbc6a",
    "advice_bg": "#382c18",
    "suggestion": "#8ab4f8",
    "suggestion_bg": "#1c2a3d",
    "clear": "#81c995",
    "clear_bg": "#1b3324",
    "hard": "#4a4117",
    "very-hard": "#5a2626",
    "overflow": "#393b41",
    "overflow_text": "#ffb4ab",
    "current": "#2f4a73",
}


THEMED = "draftingAssistantThemed"  # application property: our palette has replaced the desktop's


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    if not app.property(THEMED) or not hasattr(app.styleHints(), "colorScheme"):
        # At start-up the palette is still the desktop's, filled from its light or dark
        # setting. Reading it, not colorScheme(), keeps PySide6 from building the Qt
        # namespace's ~90 enums (~25 ms) before the window has painted.
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return app.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark


def resolve(theme: str) -> dict[str, str]:
    """The colours for a setting value: "light", "dark" or "system"."""
    if theme == "dark" or (theme not in ("light", "dark") and system_is_dark()):
        return DARK
    return LIGHT


def severity_line(colours: dict[str, str], severity: str) -> str:
    return colours["advice_line"] if severity == "advice" else colours[severity]


def _palette(c: dict[str, str]) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "surface"),
        (role.AlternateBase, "surface_alt"),
        (role.Text, "text"),
        (role.Button, "surface"),
        (role.ButtonText, "text"),
        (role.ToolTipBase, "surface"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Highlight, "selection"),
        (role.HighlightedText, "text"),
        (role.Link, "accent"),
    ):
        pal.setColor(r, QColor(c[key]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c["muted"]))
    return pal


def style_sheet(c: dict[str, str], editor_points: int = 12) -> str:
    # The editor's size lives here too: an application style sheet overrides setFont().
    return f"""
QMainWindow, QDialog {{ background: {c["window"]}; }}
QToolTip {{ background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]}; padding: 6px; }}
QPlainTextEdit#draftEditor {{
    background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]};
    selection-background-color: {c["selection"]}; selection-color: {c["text"]};
    font-size: {int(editor_points)}pt;
}}
QPlainTextEdit#draftEditor:focus {{ border: 1px solid {c["accent"]}; }}
QPushButton {{
    background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    padding: 4px 10px;
}}
QPushButton:hover {{ background: {c["surface_alt"]}; }}
QPushButton:checked {{ background: {c["selection"]}; }}
QPushButton:disabled {{ color: {c["muted"]}; }}
QPushButton:focus {{ border: 2px solid {c["accent"]}; padding: 3px 9px; }}
QLineEdit, QListView {{ background: {c["surface"]}; color: {c["text"]}; border: 1px solid {c["border"]};
    border-radius: 4px; selection-background-color: {c["selection"]}; selection-color: {c["text"]}; }}
QLineEdit {{ padding: 3px 4px; }}
QLineEdit:focus, QListView:focus {{ border: 2px solid {c["accent"]}; }}
QFrame#sidePanel, QFrame#principlesPanel, QFrame#readabilityPanel {{
    background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 8px;
}}
QScrollArea#findingsList {{ background: transparent; border: none; }}
QWidget#findingsContent {{ background: transparent; }}
QLabel {{ background: transparent; }}
QLabel[role="heading"] {{ font-weight: 600; color: {c["text"]}; }}
QLabel[role="muted"] {{ color: {c["muted"]}; }}
QLabel[role="group"] {{ color: {c["muted"]}; font-weight: 600; padding-top: 6px; }}
QFrame#findingCard {{
    background: {c["surface"]}; border: 1px solid {c["border"]}; border-radius: 8px;
}}
QFrame#findingCard[severity="must-fix"] {{ border-left: 4px solid {c["must-fix"]}; }}
QFrame#findingCard[severity="advice"] {{ border-left: 4px solid {c["advice_line"]}; }}
QFrame#findingCard[severity="suggestion"] {{ border-left: 4px solid {c["suggestion"]}; }}
QFrame#findingCard[selected="true"] {{
    border-top: 2px solid {c["accent"]}; border-right: 2px solid {c["accent"]};
    border-bottom: 2px solid {c["accent"]};
}}
QFrame#findingCard:focus {{ border-top: 2px solid {c["accent"]}; border-right: 2px solid {c["accent"]};
    border-bottom: 2px solid {c["accent"]}; }}
QLabel#cardSeverity[severity="must-fix"] {{ color: {c["must-fix"]}; font-weight: 600; }}
QLabel#cardSeverity[severity="advice"] {{ color: {c["advice"]}; font-weight: 600; }}
QLabel#cardSeverity[severity="suggestion"] {{ color: {c["suggestion"]}; font-weight: 600; }}
QLabel#cardWords {{ font-weight: 600; }}
QPushButton#suggestionButton {{
    background: {c["accent"]}; color: {c["accent_text"]}; border: none; border-radius: 6px; padding: 4px 10px;
}}
QPushButton#suggestionButton:focus {{ outline: none; border: 2px solid {c["text"]}; }}
QPushButton[flat="true"], QPushButton#linkButton {{
    background: transparent; color: {c["accent"]}; border: none; padding: 2px 4px; text-decoration: none;
}}
QPushButton#linkButton:focus {{ border: 1px solid {c["accent"]}; border-radius: 4px; }}
QFrame#allClear {{ background: {c["clear_bg"]}; border-radius: 8px; }}
QLabel#allClearTitle {{ color: {c["clear"]}; font-weight: 600; }}
QPushButton#principleRow {{
    text-align: left; background: transparent; border: 1px solid transparent; border-radius: 6px;
}}
QPushButton#principleRow:hover {{ background: {c["surface_alt"]}; }}
QPushButton#principleRow:checked {{ background: {c["selection"]}; }}
QPushButton#principleRow:focus {{ border: 1px solid {c["accent"]}; }}
QLabel#stateBadge {{ qproperty-alignment: 'AlignRight | AlignVCenter'; }}
QLabel#stateBadge[state="clear"] {{ color: {c["clear"]}; }}
QLabel#stateBadge[state="advice"] {{ color: {c["advice"]}; font-weight: 600; }}
QLabel#stateBadge[state="must-fix"] {{ color: {c["must-fix"]}; font-weight: 600; }}
QFrame#platformBar {{ background: transparent; }}
QToolButton#platformChip {{
    border: 1px solid {c["border"]}; border-radius: 12px; padding: 3px 10px; background: {c["surface"]};
    color: {c["text"]};
}}
QToolButton#platformChip:checked {{ border: 2px solid {c["accent"]}; }}
QToolButton#platformChip[over="true"] {{ background: {c["must-fix_bg"]}; color: {c["must-fix"]};
    border: 1px solid {c["must-fix"]}; font-weight: 600; }}
QToolButton#platformChip[over="true"]:checked {{ border: 2px solid {c["must-fix"]}; }}
QToolButton#platformChip:focus, QToolButton#platformChip[over="true"]:focus,
QToolButton#networksButton:focus {{ border: 2px solid {c["accent"]}; }}
QToolButton#networksButton {{ border: 1px solid {c["border"]}; border-radius: 12px; padding: 3px 10px;
    background: transparent; color: {c["accent"]}; }}
QToolButton#networksButton::menu-indicator {{ image: none; width: 0; }}
QToolButton#infoButton {{
    border: 1px solid {c["border"]}; border-radius: 9px; min-width: 16px; max-width: 16px;
    min-height: 16px; max-height: 16px; font-style: italic; font-weight: 600; color: {c["accent"]};
    background: transparent; padding: 0;
}}
QToolButton#infoButton:focus, QToolButton#infoButton:hover {{ border: 1px solid {c["accent"]}; }}
QFrame#banner {{ background: {c["advice_bg"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
QFrame#findBar {{ background: {c["surface_alt"]}; border: 1px solid {c["border"]}; border-radius: 8px; }}
QLabel#readingAge {{ font-size: 20pt; font-weight: 600; }}
QLabel[level="over"] {{ color: {c["must-fix"]}; }}
QLabel[level="ok"] {{ color: {c["clear"]}; }}
QLabel[level="hard"] {{ color: {c["advice"]}; }}
QLabel#approvalState[state="approved"] {{ color: {c["clear"]}; font-weight: 600; }}
QLabel#approvalState[state="none"] {{ color: {c["muted"]}; }}
QStatusBar {{ color: {c["muted"]}; }}
QStatusBar QLabel {{ color: {c["muted"]}; padding: 0 8px; }}
QSplitter::handle {{ background: transparent; }}
"""


FUSION = "draftingAssistantFusion"  # application property: the style is Fusion (no need to ask)


def start_app(argv: list[str]) -> QApplication:
    """A QApplication on the Fusion style, made by Qt itself: nothing asks the style its name
    before the first paint (that makes PySide6 set up QStyle and its enums, ~5 ms)."""
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty(FUSION, True)
    return app


def use_fusion(app: QApplication) -> None:
    """Fusion draws our palette the same everywhere. An application made elsewhere (tests, a
    benchmark) is asked its style once, before our style sheet hides the name."""
    if app.property(FUSION):
        return
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setProperty(FUSION, True)


def apply(app: QApplication, theme: str, editor_points: int = 12) -> dict[str, str]:
    """Style the whole application; returns the colours in use."""
    colours = resolve(theme)
    use_fusion(app)
    app.setPalette(_palette(colours))
    app.setProperty(THEMED, True)
    app.setStyleSheet(style_sheet(colours, editor_points))
    return colours
