"""RowListModel: rows of plain Python data shown by a QListView, answered by Qt itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QListView

from desktop_app.ui.widgets.row_list_model import KEY_ROLE, Row, RowListModel

ROLES = Qt.ItemDataRole


@pytest.fixture
def view(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(RowListModel(view))
    view.model().set_rows([Row("a", "Alpha\nfirst"), Row("b", "Beta", "The tip"), Row("c", "Gamma")])
    return view


def _texts(model: RowListModel) -> list[str]:
    return [model.data(model.index(n, 0)) for n in range(model.rowCount())]


def test_the_view_is_answered_by_qt_not_by_a_python_method_per_row():
    """A view asks for every row's words and sizes as it lays the list out: answered in
    Python, 200 drafts were 4,800 calls, each waiting for the GIL while a worker ran."""
    for name in ("data", "rowCount", "columnCount", "index", "flags", "multiData", "itemData"):
        assert getattr(RowListModel, name) is getattr(QStandardItemModel, name), name
    assert issubclass(RowListModel, QAbstractItemModel)


def test_each_row_shows_its_text_tooltip_and_key(view):
    model = view.model()
    assert model.rowCount() == 3 and model.keys() == ["a", "b", "c"]
    assert _texts(model) == ["Alpha\nfirst", "Beta", "Gamma"]
    beta = model.index(1, 0)
    assert model.data(beta, ROLES.ToolTipRole) == "The tip"
    assert model.data(model.index(0, 0), ROLES.ToolTipRole) is None
    assert model.data(beta, ROLES.AccessibleTextRole) == "Beta"
    assert model.data(beta, KEY_ROLE) == "b"
    assert model.row_at(1) == Row("b", "Beta", "The tip") and model.row_at(3) is None
    flags = model.flags(beta)
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsEditable and not flags & Qt.ItemFlag.ItemIsDragEnabled


def test_new_rows_replace_the_old_ones_in_one_reset(view):
    model = view.model()
    heard = []
    model.modelReset.connect(lambda: heard.append("reset"))
    model.rowsInserted.connect(lambda *_: heard.append("inserted"))
    model.dataChanged.connect(lambda *_: heard.append("changed"))
    model.set_rows([Row("x", "Ex", "tip x"), Row("y", "Why")])
    assert heard == ["reset"]
    assert model.keys() == ["x", "y"] and _texts(model) == ["Ex", "Why"]
    assert model.data(model.index(1, 0), ROLES.ToolTipRole) is None  # none left from "b"
    model.set_rows([])
    assert model.rowCount() == 0 and model.keys() == []


def test_put_first_moves_a_row_up_keeping_the_current_row_on_it(view):
    model = view.model()
    view.setCurrentIndex(model.index(2, 0))
    moved = []
    model.rowsMoved.connect(lambda *args: moved.append(args[1:3]))
    model.put_first(Row("c", "Gamma, edited"))
    assert moved == [(2, 2)]
    assert model.keys() == ["c", "a", "b"]
    assert _texts(model) == ["Gamma, edited", "Alpha\nfirst", "Beta"]
    assert model.data(model.index(2, 0), ROLES.ToolTipRole) == "The tip"  # went with its row
    assert model.data(model.index(0, 0), ROLES.ToolTipRole) is None
    assert view.currentIndex().row() == 0


def test_put_first_leaves_an_unchanged_row_alone_and_adds_a_new_one(view):
    model = view.model()
    changed = []
    model.dataChanged.connect(lambda *_: changed.append(True))
    model.put_first(Row("a", "Alpha\nfirst"))
    assert changed == [] and model.keys() == ["a", "b", "c"]
    view.setCurrentIndex(model.index(1, 0))
    model.put_first(Row("n", "New"))
    assert model.keys() == ["n", "a", "b", "c"] and _texts(model)[0] == "New"
    assert model.row_at(view.currentIndex().row()).key == "b"  # still on the row it was on


def test_removing_the_current_row_moves_to_a_neighbour_that_reads_right(view):
    model = view.model()
    view.setCurrentIndex(model.index(1, 0))
    seen = []
    view.selectionModel().currentChanged.connect(
        lambda current, _old: seen.append(model.row_at(current.row()).key)
    )
    model.remove("b")
    assert model.keys() == ["a", "c"] and _texts(model) == ["Alpha\nfirst", "Gamma"]
    assert seen and seen[-1] == model.row_at(view.currentIndex().row()).key
    model.remove("nothing such")
    assert model.keys() == ["a", "c"]
