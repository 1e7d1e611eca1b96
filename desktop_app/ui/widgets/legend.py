"""The key to the editor's marks: severities, hard sentences, text over a limit.

Each sample is painted (a short wavy or dotted line, or a tinted box) so it looks exactly
like the mark in the editor; it repaints only on resize or theme change.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.core.categories import Severity
from desktop_app.ui import themes
from desktop_app.ui.widgets.flow_layout import FlowLayout


def _rounded(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    return path


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen()
    pen.setColor(colour)
    pen.setWidthF(width)
    return pen


def _brush(colour: QColor) -> QBrush:
    palette = QPalette()  # (QBrush(colour) weighs a Qt.BrushStyle overload: see paintEvent)
    palette.setColor(QPalette.ColorRole.Window, colour)
    return palette.window()


def _line(x1: float, y1: float, x2: float, y2: float) -> QPainterPath:
    path = QPainterPath(QPointF(x1, y1))
    path.lineTo(QPointF(x2, y2))
    return path


class _Sample(QWidget):
    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind  # "wave" | "dots" | "tint"
        self.colour = QColor("#000")
        self.text_colour = QColor("#c5221f")
        self.setFixedSize(QSize(20, 14))

    def paintEvent(self, _ev):
        # Paths filled and stroked with a brush and a pen made step by step: QPen(colour,
        # width), QBrush(colour), setPen, drawLine and a colour for a brush each have an
        # overload taking a Qt enum, and weighing it makes PySide6 build its Qt namespace
        # (~90 enums, ~12 ms) inside the first frame. (Dash patterns, not Qt.PenStyle.)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.kind == "overflow":
            p.fillPath(_rounded(QRectF(1, 1, 18, 12)), _brush(self.colour))
            p.strokePath(_line(4, 7, 15, 7), _pen(self.text_colour, 1.6))
            return
        if self.kind == "tint":
            p.fillPath(_rounded(QRectF(1, 1, 20, 12)), _brush(self.colour))
            return
        pen = _pen(self.colour, 1.6)
        if self.kind == "dots":
            pen.setDashPattern([1.0, 2.0])  # what Qt's DotLine draws
            p.strokePath(_line(1, 10, 21, 10), pen)
            return
        path = QPainterPath(QPointF(1, 10))
        for x in range(2, 22):
            path.lineTo(QPointF(x, 10 + 2 * math.sin(x * math.pi / 3)))
        p.strokePath(path, pen)


class Legend(QWidget):
    ITEMS = (
        ("wave", "must-fix", Severity.MUST_FIX.label),
        ("wave", "advice_line", Severity.ADVICE.label),
        ("dots", "suggestion", Severity.SUGGESTION.label),
        ("tint", "hard", "Hard sentence"),
        ("tint", "very-hard", "Very hard"),
        ("overflow", "overflow", "Too long"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Key to the underlines and tints")
        self.setAccessibleDescription(
            "Red wavy underline: must fix. Amber wavy underline: advice. Blue dotted underline: "
            "suggestion. Yellow tint: hard sentence. Pink tint: very hard sentence. Red text on "
            "grey: text past a network's limit."
        )
        # wraps onto a second line in a narrow window rather than setting its minimum width
        layout = FlowLayout(self, h_spacing=10, v_spacing=2)
        layout.setContentsMargins(4, 0, 4, 0)
        self._samples = []
        for kind, key, text in self.ITEMS:
            item = QWidget()
            item_layout = QHBoxLayout(item)
            item_layout.setContentsMargins(0, 0, 0, 0)
            item_layout.setSpacing(4)
            sample = _Sample(kind)
            label = QLabel(text)
            label.setProperty("role", "muted")
            item_layout.addWidget(sample)
            item_layout.addWidget(label)
            layout.addWidget(item)
            self._samples.append((sample, key))
        self.set_colours(themes.LIGHT)

    def set_colours(self, c: dict[str, str]) -> None:
        for sample, key in self._samples:
            sample.colour = QColor(c[key])
            sample.text_colour = QColor(c["overflow_text"])
            sample.update()
