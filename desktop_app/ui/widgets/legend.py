"""The key to the editor's marks: severities, hard sentences, text over a limit.

Each sample is painted (a short wavy or dotted line, or a tinted box) so it looks exactly
like the mark in the editor; it repaints only on resize or theme change.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.core.categories import Severity
from desktop_app.ui import themes
from desktop_app.ui.widgets.flow_layout import FlowLayout


def _rounded(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    return path


class _Sample(QWidget):
    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind  # "wave" | "dots" | "tint"
        self.colour = QColor("#000")
        self.text_colour = QColor("#c5221f")
        self.setFixedSize(QSize(20, 14))

    def paintEvent(self, _ev):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Fills and dash patterns rather than Qt.PenStyle: the legend paints in the first
        # frame, before which the app never touches PySide6's Qt namespace (see themes).
        if self.kind == "overflow":
            p.fillPath(_rounded(QRectF(1, 1, 18, 12)), self.colour)
            p.setPen(QPen(self.text_colour, 1.6))
            p.drawLine(QPointF(4, 7), QPointF(15, 7))
            return
        if self.kind == "tint":
            p.fillPath(_rounded(QRectF(1, 1, 20, 12)), self.colour)
            return
        pen = QPen(self.colour, 1.6)
        if self.kind == "dots":
            pen.setDashPattern([1.0, 2.0])  # what Qt's DotLine draws
            p.setPen(pen)
            p.drawLine(QPointF(1, 10), QPointF(21, 10))
            return
        p.setPen(pen)
        path = QPainterPath(QPointF(1, 10))
        for x in range(2, 22):
            path.lineTo(QPointF(x, 10 + 2 * math.sin(x * math.pi / 3)))
        p.drawPath(path)


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
