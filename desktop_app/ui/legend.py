"""The key to the editor's marks: severities, hard sentences, text over a limit."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.ui import themes


class Legend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Key to the underlines and tints")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(14)
        self.label = QLabel()
        self.label.setProperty("role", "muted")
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.set_colours(themes.LIGHT)

    def set_colours(self, c: dict[str, str]) -> None:
        def line(colour: str, name: str, style: str = "wavy") -> str:
            return (
                f"<span style='color:{colour}; text-decoration: underline; font-weight:600'>"
                f"&nbsp;{name}&nbsp;</span><span style='color:{colour}'>{'〰' if style == 'wavy' else '┈'}</span>"
            )

        def tint(colour: str, name: str) -> str:
            return f"<span style='background:{colour}; color:{c['text']}'>&nbsp;{name}&nbsp;</span>"

        self.label.setText(
            "&nbsp;&nbsp;".join(
                (
                    line(c["must-fix"], "Must fix"),
                    line(c["advice"], "Advice"),
                    line(c["suggestion"], "Suggestion", "dotted"),
                    tint(c["hard"], "Hard sentence"),
                    tint(c["very-hard"], "Very hard"),
                    tint(c["overflow"], "Over the limit"),
                )
            )
        )
        self.setAccessibleDescription(
            "Red wavy underline: must fix. Amber wavy underline: advice. Blue dotted underline: "
            "suggestion. Yellow tint: hard sentence. Red tint: very hard sentence. Dark red tint: "
            "text over the network's limit."
        )
