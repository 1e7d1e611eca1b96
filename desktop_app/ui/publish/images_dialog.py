"""Images that go with the post, each with its description (alt text).

    dialog = ImagesDialog(images, platforms, parent)
    dialog.add_paths(["crowd.jpg"]); dialog.select(0); dialog.description.setPlainText("...")
    dialog.images() -> [Image]

The list is a RowListModel (never item widgets). What each description still needs (none
yet, too long for a chosen network, an "Image of" opening) is said under it as it is typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.images import Image, image_notes
from desktop_app.ui.widgets.row_list_model import Row, RowListModel

IMAGE_FILES = "Images (*.png *.jpg *.jpeg *.gif *.webp *.heic);;All files (*)"


def _row(i: int, image: Image) -> Row:
    name = Path(image.name).name or image.name
    described = " ".join(image.description.split())
    shown = described if len(described) <= 60 else described[:59].rstrip() + "…"
    return Row(str(i), f"{i + 1}. {name}\n{shown or 'No description yet'}", image.name)


class ImagesDialog(QDialog):
    def __init__(self, images: list[Image], platforms: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Images and their descriptions")
        self.setAccessibleName("Images and their descriptions")
        self.resize(560, 460)
        self._images = list(images)
        self._platforms = list(platforms)
        self._current = -1

        layout = QVBoxLayout(self)
        intro = QLabel(
            "Each image needs a description: a reader who cannot see it hears or reads only that. "
            "Say what it shows and why it matters to the post; a screen reader already says it is an image."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowListModel(self)
        self.list = QListView()
        self.list.setObjectName("imagesList")
        self.list.setAccessibleName("Images")
        self.list.setModel(self.model)
        self.list.selectionModel().currentChanged.connect(lambda index, _old: self._chosen(index.row()))
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add images…")
        self.add_button.clicked.connect(self._ask_paths)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        label = QLabel("Description")
        label.setProperty("role", "heading")
        layout.addWidget(label)
        self.description = QPlainTextEdit()
        self.description.setObjectName("imageDescription")
        self.description.setAccessibleName("Description of the chosen image")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.description.textChanged.connect(self._description_edited)
        label.setBuddy(self.description)
        layout.addWidget(self.description)
        self.notes = QLabel()
        self.notes.setObjectName("imageNotes")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._redraw()
        if self._images:
            self.select(0)

    # ----- what tests and the feature use -----
    def images(self) -> list[Image]:
        return list(self._images)

    def add_paths(self, paths: list[str]) -> None:
        known = {image.name for image in self._images}
        for path in paths:
            if path and path not in known:
                self._images.append(Image(path))
                known.add(path)
        self._redraw()
        self.select(len(self._images) - 1)

    def select(self, index: int) -> None:
        if 0 <= index < len(self._images):
            self.list.setCurrentIndex(self.model.index(index, 0))
            self._chosen(index)

    def remove_current(self) -> None:
        if 0 <= self._current < len(self._images):
            del self._images[self._current]
            self._current = -1
            self._redraw()
            self.select(min(len(self._images) - 1, max(self.list.currentIndex().row(), 0)))

    # ----- inside -----
    def _ask_paths(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add images", str(Path.home()), IMAGE_FILES)
        self.add_paths(paths)

    def _chosen(self, index: int) -> None:
        if index == self._current:
            return
        self._current = index
        text = self._images[index].description if 0 <= index < len(self._images) else ""
        self.description.blockSignals(True)
        self.description.setPlainText(text)
        self.description.blockSignals(False)
        self.description.setEnabled(0 <= index < len(self._images))
        self._show_notes()

    def _description_edited(self) -> None:
        i = self._current
        if 0 <= i < len(self._images):
            self._images[i] = Image(self._images[i].name, self.description.toPlainText())
            self._redraw()
            self._show_notes()

    def _redraw(self) -> None:
        self.model.set_rows([_row(i, image) for i, image in enumerate(self._images)])
        if 0 <= self._current < len(self._images):
            self.list.setCurrentIndex(self.model.index(self._current, 0))
        self.remove_button.setEnabled(bool(self._images))

    def _show_notes(self) -> None:
        i = self._current
        if not 0 <= i < len(self._images):
            self.notes.setText("Add an image to describe it." if not self._images else "")
            return
        notes = [n.message for n in image_notes(self._images, self._platforms) if n.image == i]
        length = len(self._images[i].description.strip())
        self.notes.setText(" ".join([f"{length:,} characters.", *notes]))
