"""Preferences: text size, theme, default networks, and rules the user has turned off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.panels.platform_bar import ALL_NETWORKS
from desktop_app.ui.widgets.row_list_model import Row, RowListModel

THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class PreferencesDialog(QDialog):
    def __init__(self, values: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(460)
        outer = QVBoxLayout(self)
        # The sections scroll when the screen is too short for all of them (a laptop at 768
        # pixels, or with the grammar and contact sections added): squeezed, they overlapped.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        self.font_size = QSpinBox()
        self.font_size.setRange(9, 32)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(int(values.get("font_size") or 12))
        self.font_size.setAccessibleName("Editor text size")
        form.addRow("Editor text size", self.font_size)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for key, label in THEMES:
            self.theme.addItem(label, key)
        index = self.theme.findData(values.get("theme", "system"))
        self.theme.setCurrentIndex(max(index, 0))
        form.addRow("Theme", self.theme)
        layout.addLayout(form)

        networks_box = QGroupBox("Networks for new drafts")
        grid = QGridLayout(networks_box)
        self.network_boxes: dict[str, QCheckBox] = {}
        chosen = set(values.get("networks") or [])
        for i, name in enumerate(ALL_NETWORKS):
            box = QCheckBox(name)
            box.setChecked(name in chosen)
            box.setAccessibleName(f"Check length for {name}")
            grid.addWidget(box, i // 4, i % 4)
            self.network_boxes[name] = box
        layout.addWidget(networks_box)

        ignored_box = QGroupBox("Rules you have turned off")
        ignored_layout = QVBoxLayout(ignored_box)
        self.ignored = QListView()
        self.ignored.setAccessibleName("Rules you have turned off")
        self.ignored.setMaximumHeight(130)
        self.ignored.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ignored_model = RowListModel(self.ignored)
        self.ignored.setModel(self.ignored_model)
        self.ignored_model.set_rows(
            [
                Row(rule, rule + (f"  (reason: {reason})" if reason else ""))
                for rule, reason in sorted((values.get("ignored_rules") or {}).items())
            ]
        )
        count = self.ignored_model.rowCount()
        self.ignored_empty = QLabel("None. Use “Ignore rule” on a card to turn a rule off.")
        self.ignored_empty.setProperty("role", "muted")
        self.ignored_empty.setVisible(count == 0)
        self.ignored.setVisible(count > 0)
        self.turn_on = QPushButton("Turn back on")
        self.turn_on.setAccessibleName("Turn the selected rule back on")
        self.turn_on.setEnabled(False)
        self.turn_on.setVisible(count > 0)
        self.ignored.selectionModel().currentChanged.connect(
            lambda current, _previous: self.turn_on.setEnabled(current.isValid())
        )
        self.turn_on.clicked.connect(self._turn_on)
        ignored_layout.addWidget(self.ignored_empty)
        ignored_layout.addWidget(self.ignored)
        ignored_layout.addWidget(self.turn_on, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(ignored_box)

        self.extra_slot = QVBoxLayout()  # the grammar settings can add a section here
        layout.addLayout(self.extra_slot)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._scroll, self._body = scroll, body
        self._ignored_rules = dict(values.get("ignored_rules") or {})

    def showEvent(self, event):
        # As tall as the sections need, up to the screen's height less a margin.
        screen = self.screen().availableGeometry() if self.screen() else None
        wanted = self._body.sizeHint().height() + 90
        if screen is not None:
            wanted = min(wanted, screen.height() - 60)
        if self.height() < wanted:
            self.resize(self.width(), wanted)
        super().showEvent(event)

    def _turn_on(self) -> None:
        row = self.ignored_model.row_at(self.ignored.currentIndex().row())
        if row is None:
            return
        self._ignored_rules.pop(row.key, None)
        self.ignored_model.remove(row.key)
        self.turn_on.setEnabled(self.ignored.currentIndex().isValid())

    def values(self) -> dict:
        return {
            "font_size": self.font_size.value(),
            "theme": self.theme.currentData(),
            "networks": [n for n, box in self.network_boxes.items() if box.isChecked()],
            "ignored_rules": dict(self._ignored_rules),
        }
