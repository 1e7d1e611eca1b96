"""The draft editor: plain text, findings drawn as ExtraSelections (never a highlighter).

Extra selections follow edits and cost nothing per keystroke; analysis never runs here.
All positions handed to this widget are already Qt positions (UTF-16 units).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QToolTip

from desktop_app.core.limits import MAX_CHECKED, start_of
from desktop_app.ui import themes

if TYPE_CHECKING:  # types only: core.findings (its dataclasses) loads after the first paint
    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QTextEdit

    from desktop_app.core.findings import Finding

# Each severity's underline (QTextCharFormat.UnderlineStyle names). The format classes are
# set up when the first marks are drawn: naming them makes PySide6 build their enums (the
# text format's ~100 properties), which the first paint has no use for.
_UNDERLINE = {"must-fix": "WaveUnderline", "advice": "WaveUnderline", "suggestion": "DotLine"}


DOCUMENT_MARGIN = 18


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
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.setMouseTracking(True)
        self.colours = themes.LIGHT
        self.tooltip_html: Callable[[Finding], str] | None = None
        self._spans: list[tuple[QTextCursor, Finding]] = []
        self._tints: list[tuple[QTextCursor, str]] = []  # "hard" | "very-hard"
        self._overflow: QTextCursor | None = None
        self._current: tuple[int, int] | None = None
        self._hovered: Finding | None = None
        self.setTabChangesFocus(True)  # Tab moves on to the findings; a post needs no tabs
        # The window's undo of decisions (Ignore here, Show again): tried before the text's.
        self.undo_hook: Callable[[], bool] | None = None
        self.redo_hook: Callable[[], bool] | None = None
        # Asked before a paste longer than MAX_CHECKED: "start" (its first MAX_CHECKED
        # characters), "all", or None (nothing). A megabyte on one line makes Qt lay the
        # whole line out again at every keystroke (a quarter of a second or more each).
        self.ask_huge_paste: Callable[[int], str | None] = lambda _length: "start"
        # Fill-in fields of a rewrite (ui/fixes/fields.py): while some are open, Tab and
        # Shift+Tab move between them (True: handled) and Esc stops.
        self.field_tab_hook: Callable[[bool], bool] | None = None
        self.field_escape_hook: Callable[[], bool] | None = None

    def insertFromMimeData(self, source):
        text = source.text() if source is not None and source.hasText() else ""
        if len(text) <= MAX_CHECKED:
            super().insertFromMimeData(source)
            return
        choice = self.ask_huge_paste(len(text))
        if choice == "all":
            super().insertFromMimeData(source)
        elif choice == "start":
            self.textCursor().insertText(start_of(text))  # the clipboard still holds the rest

    def focusNextPrevChild(self, next_: bool) -> bool:
        if self.field_tab_hook is not None and self.field_tab_hook(next_):
            return True
        return super().focusNextPrevChild(next_)

    def keyPressEvent(self, event):
        if (
            event.key() == QtCore.Qt.Key.Key_Escape
            and self.field_escape_hook is not None
            and self.field_escape_hook()
        ):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo) and self.undo_hook is not None and self.undo_hook():
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Redo) and self.redo_hook is not None and self.redo_hook():
            event.accept()
            return
        super().keyPressEvent(event)

    # --- documents ------------------------------------------------------------------
    def new_document(self, parent) -> QTextDocument:
        """A document this editor can show (the main text, or one network's version), owned
        by `parent`: the editor deletes a document it owns when another is shown."""
        doc = QTextDocument(parent)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setDefaultFont(self.font())
        return doc

    def show_document(self, doc: QTextDocument) -> None:
        """Show another document; the marks of the one before go with it."""
        self._spans, self._tints, self._overflow, self._current, self._hovered = [], [], None, None, None
        self.setExtraSelections([])
        doc.setDefaultFont(self.font())
        self.setDocument(doc)

    # --- what to draw -------------------------------------------------------------
    def set_font_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(int(points))
        self.setFont(font)

    def set_colours(self, colours: dict[str, str]) -> None:
        self.colours = colours
        if self._spans or self._tints or self._overflow is not None or self._current is not None:
            self._redraw()  # (at start-up there is nothing to draw yet)

    def set_marks(
        self,
        spans: list[tuple[int, int, Finding]],
        tints: list[tuple[int, int, str]],
        overflow: int | None,
    ) -> None:
        """Qt positions of findings, sentence tints ("hard"/"very-hard") and the overflow."""
        spans = sorted(spans, key=lambda x: (x[0], x[1]))
        wanted = (
            tuple((s, e, f.severity, f.rule) for s, e, f in spans),
            tuple(tints),
            overflow,
        )
        if wanted == self._live_key():
            # The marks already drawn have followed the edit to exactly these places (extra
            # selections move with the text): only adopt the new Finding objects.
            self._spans = [(c, f) for (c, _old), (_s, _e, f) in zip(self._spans, spans, strict=True)]
            return
        limit = self.document().characterCount() - 1
        # Each mark keeps a live QTextCursor: it follows edits made after the report, so
        # hover, F8 and Apply still point at the right words before the next report arrives.
        self._spans = [(self._cursor(s, e, limit), f) for s, e, f in spans]
        self._tints = [(self._cursor(s, e, limit), level) for s, e, level in tints]
        self._overflow = None if overflow is None else self._cursor(overflow, limit, limit)
        self._redraw()

    def _cursor(self, start: int, end: int, limit: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(start, limit)))
        cursor.setPosition(max(0, min(end, limit)), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _live_key(self) -> tuple:
        return (
            tuple((c.selectionStart(), c.selectionEnd(), f.severity, f.rule) for c, f in self._spans),
            tuple((c.selectionStart(), c.selectionEnd(), level) for c, level in self._tints),
            None if self._overflow is None else self._overflow.selectionStart(),
        )

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
    def _redraw(self) -> None:
        from PySide6.QtGui import QTextCharFormat

        c = self.colours
        limit = self.document().characterCount() - 1
        selections = []
        tint_formats = {}
        for level in ("hard", "very-hard"):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c[level]))
            tint_formats[level] = fmt
        if self._overflow is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c["overflow"]))
            fmt.setForeground(QColor(c["overflow_text"]))
            # to the end of the text as it is now
            cursor = QTextCursor(self._overflow)
            cursor.setPosition(limit, QTextCursor.MoveMode.KeepAnchor)
            selections.append(self._extra(cursor, fmt))
        # after the overflow, so a hard sentence past the limit keeps its tint; the part of
        # it past the limit gets the red text too (later formats replace, they do not merge)
        cut = self._overflow.selectionStart() if self._overflow is not None else None
        for cursor, level in self._tints:
            if cut is None or cursor.selectionEnd() <= cut:
                selections.append(self._extra(cursor, tint_formats[level]))
                continue
            if cursor.selectionStart() < cut:
                selections.append(
                    self._extra(self._cursor(cursor.selectionStart(), cut, limit), tint_formats[level])
                )
            past = QTextCharFormat(tint_formats[level])
            past.setForeground(QColor(c["overflow_text"]))
            start = max(cut, cursor.selectionStart())
            selections.append(self._extra(self._cursor(start, cursor.selectionEnd(), limit), past))
        formats = {}
        for sev, style in _UNDERLINE.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(getattr(QTextCharFormat.UnderlineStyle, style))
            fmt.setUnderlineColor(QColor(themes.severity_line(c, sev)))
            if sev == "must-fix":
                fmt.setBackground(QColor(c["must-fix_bg"]))
            formats[sev] = fmt
        for cursor, f in self._spans:
            selections.append(self._extra(cursor, formats[f.severity.value]))
        if self._current is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(c["current"]))
            selections.append(self._extra(self._cursor(*self._current, limit), fmt))
        self.setExtraSelections(selections)

    @staticmethod
    def _extra(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        from PySide6.QtWidgets import QTextEdit

        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

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
