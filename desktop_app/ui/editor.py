"""The draft editor: plain text, findings drawn as ExtraSelections (never a highlighter).

Extra selections follow edits and cost nothing per keystroke; analysis never runs here.
All positions handed to this widget are already Qt positions (UTF-16 units).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from desktop_app.core.findings import Finding
from desktop_app.ui import themes

_UNDERLINE = {
    "must-fix": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "advice": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "suggestion": QTextCharFormat.UnderlineStyle.DotLine,
}


class DraftEditor(QPlainTextEdit):
    hoveredFinding = Signal(object)  # Finding under the mouse (for the list to preview)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setAccessibleName("Draft editor")
        self.setAccessibleDescription(
            "Type your post. Problems are underlined; press F8 for the next finding "
            "and Control+full stop to apply its first suggestion."
        )
        self.setPlaceholderText(
            "Write your post here.\n\nAs you type, anything that breaks the principles or the "
            "conduct policy is underlined, with the reason and a better way to say it on the right."
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(18)
        self.setMouseTracking(True)
        self.colours = themes.LIGHT
        self.tooltip_html: Callable[[Finding], str] | None = None
        self._spans: list[tuple[QTextCursor, Finding]] = []
        self._marks_key: tuple = ()
        self._tints: list[tuple[int, int, str]] = []  # (start, end, "hard" | "very-hard")
        self._overflow: int | None = None
        self._current: tuple[int, int] | None = None
        self._last_key: tuple | None = None
        self._hovered: Finding | None = None
        self.setTabChangesFocus(True)  # Tab moves on to the findings; a post needs no tabs

    # --- what to draw -------------------------------------------------------------
    def set_font_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(int(points))
        self.setFont(font)

    def set_colours(self, colours: dict[str, str]) -> None:
        self.colours = colours
        self._last_key = None
        self._redraw()

    def set_marks(
        self,
        spans: list[tuple[int, int, Finding]],
        tints: list[tuple[int, int, str]],
        overflow: int | None,
    ) -> None:
        """Qt positions of findings, sentence tints ("hard"/"very-hard") and the overflow."""
        limit = self.document().characterCount() - 1
        self._marks_key = (tuple((s, e, f.severity, f.rule) for s, e, f in spans), tuple(tints), overflow)
        # Each finding keeps a live QTextCursor: it follows edits made after the report, so
        # hover, F8 and Apply still point at the right words before the next report arrives.
        self._spans = []
        for s, e, f in sorted(spans, key=lambda x: (x[0], x[1])):
            cursor = QTextCursor(self.document())
            cursor.setPosition(max(0, min(s, limit)))
            cursor.setPosition(max(0, min(e, limit)), QTextCursor.MoveMode.KeepAnchor)
            self._spans.append((cursor, f))
        self._tints = tints
        self._overflow = overflow
        self._redraw()

    def set_current(self, span: tuple[int, int] | None) -> None:
        if span != self._current:
            self._current = span
            self._redraw()

    def finding_spans(self) -> list[tuple[int, int, Finding]]:
        """(start, end, finding) in Qt positions, as the text stands now."""
        return [(c.selectionStart(), c.selectionEnd(), f) for c, f in self._spans]

    def finding_at(self, pos: int) -> Finding | None:
        """The most serious finding whose span contains Qt position `pos`."""
        hits = [f for s, e, f in self.finding_spans() if s <= pos <= e and s != e]
        if not hits:
            return None
        return min(hits, key=lambda f: (f.severity.rank, f.end - f.start))

    def span_of(self, finding: Finding) -> tuple[int, int] | None:
        for c, f in self._spans:
            if f is finding:
                return c.selectionStart(), c.selectionEnd()
        return None

    def cursor_of(self, finding: Finding) -> QTextCursor | None:
        for c, f in self._spans:
            if f is finding:
                return QTextCursor(c)
        return None

    # --- drawing --------------------------------------------------------------------
    def _selection(self, start: int, end: int, fmt: QTextCharFormat, limit: int) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(start, limit)))
        cursor.setPosition(max(0, min(end, limit)), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _redraw(self) -> None:
        key = (self._marks_key, self._current)
        if key == self._last_key:
            return  # nothing moved: skip the relayout (keeps typing smooth)
        self._last_key = key
        c = self.colours
        limit = self.document().characterCount() - 1
        selections = []
        tint_formats = {}
        for level in ("hard", "very-hard"):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c[level]))
            tint_formats[level] = fmt
        for s, e, level in self._tints:
            selections.append(self._selection(s, e, tint_formats[level], limit))
        if self._overflow is not None and self._overflow < limit:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c["overflow"]))
            selections.append(self._selection(self._overflow, limit, fmt, limit))
        formats = {}
        for sev, style in _UNDERLINE.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(QColor(themes.severity_line(c, sev)))
            if sev == "must-fix":
                fmt.setBackground(QColor(c["must-fix_bg"]))
            formats[sev] = fmt
        for cursor, f in self._spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = formats[f.severity.value]
            selections.append(sel)
        if self._current is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c["current"]))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(self._selection(*self._current, fmt, limit))
        self.setExtraSelections(selections)

    # --- hover cards ------------------------------------------------------------------
    # mouseMoveEvent rather than an event filter: paint events then never enter Python.
    def mouseMoveEvent(self, ev):
        super().mouseMoveEvent(ev)
        if not self._spans or self.tooltip_html is None or ev.buttons():
            return
        finding = self.finding_at(self.cursorForPosition(ev.position().toPoint()).position())
        if finding is None:
            if self._hovered is not None:
                QToolTip.hideText()
            self._hovered = None
            return
        if finding is not self._hovered:
            self._hovered = finding
            QToolTip.showText(ev.globalPosition().toPoint(), self.tooltip_html(finding), self.viewport())
            self.hoveredFinding.emit(finding)

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) and scroll to it, keeping focus where it is."""
        cursor = self.textCursor()
        limit = self.document().characterCount() - 1
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(end, limit), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
