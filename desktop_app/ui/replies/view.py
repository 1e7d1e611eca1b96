"""The Replies window: paste replies or open a CSV export; they are sorted on a worker and
fill the list in batches; choose one to see why and what to do. Reports go to the report log
(exported as CSV or HTML), corrections are kept, and authors with repeated reports can be put
on the do-not-amplify list in one click.

    RepliesWindow(start_reply=None, colours=None, log_store=None, amplify_path=None,
                  make_triager=None)
    .sort_text(text)            sort pasted replies
    .open_csv(path)             read a CSV export on a worker, then sort it
    .runner                     the TriageRunner (tests wait on its signals)

Nothing slow runs on the GUI thread: reading the CSV, sorting, writing the log and the
do-not-amplify list all happen on workers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QThreadPool, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.replies.authors import author_key, repeat_authors
from desktop_app.core.replies.judge import Triage, as_listed
from desktop_app.core.replies.log import ReasonRequired, ReportLog, Status
from desktop_app.core.replies.sources import split_pasted
from desktop_app.ui.jobs import run_then
from desktop_app.ui.replies.detail import ReplyDetail
from desktop_app.ui.replies.runner import TriageRunner
from desktop_app.ui.replies.table import DONT_AMPLIFY, ROW_ROLE, RepliesModel, RepliesTable, TriageFilter
from desktop_app.ui.widgets.flow_layout import FlowLayout

MAX_CSV_BYTES = 64 * 1024 * 1024
MAX_AUTHOR_BUTTONS = 6
FILTERS = (
    ("", "All"),
    (Triage.REPORT.value, "Report"),
    (Triage.RESPOND.value, "Respond"),
    (Triage.THANK.value, "Thank"),
    (Triage.NO_ACTION.value, "No action"),
    (DONT_AMPLIFY, "Don't reply"),
)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class RepliesWindow(QMainWindow):
    sorted = Signal(int)  # a set finished sorting: how many replies
    logSaved = Signal()
    listUpdated = Signal(list)  # authors added to the do-not-amplify list

    def __init__(
        self,
        *,
        start_reply: Callable[[str], bool] | None = None,
        colours: dict[str, str] | None = None,
        log_store=None,
        amplify_path: Path | None = None,
        make_triager=None,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("repliesWindow")
        self.setWindowTitle("Replies – Drafting Assistant")
        self.resize(1280, 820)
        self._start_reply = start_reply
        self._amplify_path = amplify_path
        self._log_store = log_store
        self.log = ReportLog()
        self._log_loaded = False
        self.runner = TriageRunner(self, make_triager)
        self.runner.batch.connect(self._on_batch)
        self.runner.finished.connect(self._on_finished)
        self.runner.counted.connect(self._on_counted)
        self.writer = QThreadPool(self)  # the log's writes, one at a time, in order
        self.writer.setMaxThreadCount(1)
        self._generation = 0
        self._awaiting_paint = False  # sorting waits for the list to draw a batch
        self._expected: int | None = 0  # replies in the set being sorted (None: not yet counted)
        self._counts: dict[str, int] = {}  # per filter kind, as the buttons show them
        self._source = ""
        self.ask_reason = self._ask_reason  # dialogs as attributes, so tests can answer them
        self.ask_column = self._ask_column
        self.ask_path = self._ask_path
        self._build()
        self.set_colours(colours or {})
        self._load_log()

    # ================================================================== building
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 10, 10, 8)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.new_button = QPushButton("New set")
        self.new_button.setToolTip("Paste another set of replies")
        self.new_button.clicked.connect(self.show_input)
        self.csv_button = QPushButton("Open CSV export…")
        self.csv_button.clicked.connect(self.choose_csv)
        self.progress = QLabel("")
        self.progress.setObjectName("repliesProgress")
        self.progress.setProperty("role", "muted")
        # A long file name must never widen the window past the screen.
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.export_button = QPushButton("Export report log")
        self.export_button.setObjectName("exportButton")
        menu = QMenu(self.export_button)
        for kind, label in (("csv", "As CSV…"), ("html", "As HTML…")):
            act = QAction(label, self)
            act.triggered.connect(lambda _=False, k=kind: self.export_log(k))
            menu.addAction(act)
        self.export_button.setMenu(menu)
        for w in (self.new_button, self.csv_button):
            top.addWidget(w)
        top.addWidget(self.progress, 1)
        top.addWidget(self.export_button)
        outer.addLayout(top)

        self.filter_bar = QWidget()
        filters = QHBoxLayout(self.filter_bar)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(6)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QPushButton] = {}
        for kind, label in FILTERS:
            b = QPushButton(label)
            b.setObjectName("filterChip")
            b.setCheckable(True)
            b.setAccessibleName(f"Show {label.lower()}" if kind else "Show all replies")
            b.clicked.connect(lambda _=False, k=kind: self.show_kind(k))
            self.filter_group.addButton(b)
            self.filter_buttons[kind] = b
            filters.addWidget(b)
        filters.addStretch(1)
        self.filter_buttons[""].setChecked(True)
        outer.addWidget(self.filter_bar)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._input_page())
        self.pages.addWidget(self._results_page())
        outer.addWidget(self.pages, 1)

        self.authors_bar = QFrame()
        self.authors_bar.setObjectName("authorsBar")
        self.authors_bar.setAccessibleName("Authors with repeated reports")
        # A flow layout: however many authors, the bar wraps instead of widening the window.
        self._authors_layout = FlowLayout(self.authors_bar, h_spacing=6, v_spacing=4)
        self._authors_layout.setContentsMargins(10, 6, 10, 6)
        self.authors_bar.hide()
        outer.addWidget(self.authors_bar)
        self.setCentralWidget(central)
        self._author_buttons: list[QWidget] = []

        close = QAction(self)
        close.setShortcuts(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.addAction(close)
        self.show_input()

    def _input_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            "Paste the replies to a post: one per line, or separated by blank lines. Or open a "
            "CSV export of the replies (the app finds the text, author, date and link columns)."
        )
        hint.setWordWrap(True)
        self.input = QPlainTextEdit()
        self.input.setObjectName("repliesInput")
        self.input.setAccessibleName("Replies to sort")
        self.input.setPlaceholderText("Paste replies here")
        self.sort_button = QPushButton("Sort replies")
        self.sort_button.setObjectName("suggestionButton")
        self.sort_button.clicked.connect(lambda: self.sort_text(self.input.toPlainText()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sort_button)
        layout.addWidget(hint)
        layout.addWidget(self.input, 1)
        layout.addLayout(row)
        return page

    def _results_page(self) -> QWidget:
        self.model = RepliesModel(self)
        self.filtered = TriageFilter(self)
        self.filtered.setSourceModel(self.model)
        self.table = RepliesTable()
        self.table.painted.connect(self._on_painted)
        self.table.setObjectName("repliesTable")
        self.table.setAccessibleName("Sorted replies")
        self.table.setModel(self.filtered)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the reply gets the room
        header.setStretchLastSection(False)
        for column, width in ((0, 100), (1, 140), (3, 220)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.detail = ReplyDetail()
        self.detail.copyReport.connect(self.copy_report)
        self.detail.markReported.connect(lambda: self.set_status(Status.REPORTED))
        self.detail.dismiss.connect(self.dismiss_report)
        self.detail.startReply.connect(self.start_reply)
        self.detail.sortAs.connect(self.correct)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 460])
        return splitter

    def set_colours(self, colours: dict[str, str]) -> None:
        self.model.set_colours(colours)
        if not colours:
            return
        c = colours
        self.setStyleSheet(
            f"""
QTableView#repliesTable {{ background: {c["surface"]}; alternate-background-color: {c["surface_alt"]};
    color: {c["text"]}; border: 1px solid {c["border"]}; border-radius: 6px;
    selection-background-color: {c["selection"]}; selection-color: {c["text"]};
    gridline-color: {c["border"]}; }}
QHeaderView::section {{ background: {c["window"]}; color: {c["muted"]}; border: none;
    border-bottom: 1px solid {c["border"]}; padding: 4px 6px; font-weight: 600; }}
QFrame#replyDetail, QFrame#authorsBar {{ background: {c["surface"]}; border: 1px solid {c["border"]};
    border-radius: 8px; }}
QLabel#replyHeading {{ font-size: 13pt; font-weight: 600; }}
QLabel#replyText {{ font-size: 11pt; padding: 6px; background: {c["surface_alt"]}; border-radius: 6px; }}
QLabel#replyWarning {{ color: {c["must-fix"]}; background: {c["must-fix_bg"]}; padding: 6px;
    border-radius: 6px; font-weight: 600; }}
QPlainTextEdit#replyAction, QPlainTextEdit#repliesInput {{ background: {c["surface"]}; color: {c["text"]};
    border: 1px solid {c["border"]}; border-radius: 6px; }}
QPushButton#filterChip, QPushButton#authorChip {{ border-radius: 12px; padding: 3px 12px; }}
QPushButton#filterChip:checked {{ background: {c["selection"]}; border: 1px solid {c["accent"]}; }}
"""
        )

    # ================================================================== input
    def show_input(self) -> None:
        self.pages.setCurrentIndex(0)
        self.filter_bar.hide()
        self.new_button.hide()
        self.input.setFocus()

    def sort_text(self, text: str) -> None:
        """Sort pasted replies (split into replies on the worker)."""
        if not text.strip():
            self.progress.setText("Nothing to sort: paste some replies first.")
            return
        self.progress.setToolTip("")
        self._sort(lambda: split_pasted(text), "pasted replies")

    def choose_csv(self) -> None:
        path = self.ask_path("open")
        if path:
            self.open_csv(path)

    def _ask_path(self, kind: str, suggested: str = "") -> str:
        if kind == "open":
            kinds = "CSV (*.csv *.tsv *.txt);;All files (*)"
            title = "Open a CSV export of replies"
            path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), kinds)
            return path
        filters = {"csv": "CSV (*.csv)", "html": "Web page (*.html)"}
        path, _ = QFileDialog.getSaveFileName(self, "Export the report log", suggested, filters[kind])
        return path

    def open_csv(self, path: str, column: str | None = None) -> None:
        self.progress.setText(f"Reading {Path(path).name}…")
        run_then(lambda: _read_csv(Path(path), column), lambda result: self._on_csv(path, result), self)

    def _on_csv(self, path: str, result) -> None:
        name = Path(path).name
        if isinstance(result, Exception):
            self.progress.setText(f"{name} could not be read: {result}")
            return
        replies, described, header = result
        if replies is None:  # no column looks like the text: ask which one
            column = self.ask_column(header)
            if column:
                self.open_csv(path, column)
            else:
                self.progress.setText(f"{name}: choose the column that holds the replies to sort them.")
            return
        if not replies:
            self.progress.setText(f"{name} has no replies in its {described}.")
            return
        self.progress.setToolTip(f"{name}: {described}")
        self._sort(replies, name)

    def _ask_column(self, header: list[str]) -> str | None:
        names = [h for h in header if h.strip()]
        if not names:
            return None
        column, ok = QInputDialog.getItem(
            self, "Which column holds the replies?", "The text of each reply is in:", names, 0, False
        )
        return column if ok else None

    # ================================================================== sorting
    def _sort(self, replies: list | Callable[[], list], source: str) -> None:
        self.model.clear()
        self.detail.show_reply(None)
        self._expected = None if callable(replies) else len(replies)  # None: until counted
        self._source = source
        self._generation = self.runner.start(replies, self.log.correction)
        self.pages.setCurrentIndex(1)
        self.filter_bar.show()
        self.new_button.show()
        self.show_kind("")
        self._update_counts()
        self._update_authors()
        # sorting starts once the emptied list is drawn (runner._run)
        self._awaiting_paint = self.table.isVisible()
        if not self._awaiting_paint:
            self.runner.drawn()

    def _on_batch(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        now = _now()
        for triaged in rows:
            self.log.record(triaged.reply, triaged.verdict, triaged.report_text, now)
        first = self.model.rowCount() == 0
        shown = self.filtered.rowCount()
        self.model.add(rows)
        self._update_counts(rows)
        if first and self.filtered.rowCount():
            self._select(self.filtered.index(0, 0))
        # Sorting waits while the list draws the new rows (runner._hand_over); when none
        # of them will be drawn it goes straight on.
        self._awaiting_paint = self.table.isVisible() and self.filtered.rowCount() != shown
        if not self._awaiting_paint:
            self.runner.drawn()

    def _on_counted(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self._expected = count
            self._update_counts()

    def _on_painted(self) -> None:
        if self._awaiting_paint:
            self._awaiting_paint = False
            self.runner.drawn()

    def _on_finished(self, generation: int, error) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self.progress.setText(f"Sorting stopped: {error}")
            return
        self._update_counts([])  # every batch is counted already: only the labels change
        self._update_authors()
        self._save_log()
        self.sorted.emit(self.model.rowCount())

    def _update_counts(self, added: list | None = None) -> None:
        """The filter buttons' counts: from the rows just `added` to those already counted
        (a batch while sorting: counting all 10,000 rows each time stalled the window), or
        afresh (a correction, a listed author, the end of a run)."""
        if added is None:
            self._counts = {kind: 0 for kind, _ in FILTERS}
            added = self.model.rows()
        counts = self._counts
        for t in added:
            verdict = t.verdict
            counts[verdict.triage.value] += 1
            if verdict.do_not_amplify:
                counts[DONT_AMPLIFY] += 1
        done = self.model.rowCount()
        counts[""] = done
        for kind, label in FILTERS:
            self.filter_buttons[kind].setText(f"{label} {counts[kind]:,}")
        if self._expected is None:
            self.progress.setText(f"Sorting {self._source}: {done:,}…")
        elif done < self._expected:
            self.progress.setText(f"Sorting {self._source}: {done:,} of {self._expected:,}…")
        else:
            self.progress.setText(f"{done:,} replies from {self._source}")

    def show_kind(self, kind: str) -> None:
        self.filter_buttons[kind].setChecked(True)
        self.filtered.show_kind(kind)
        self._show_current()

    # ================================================================== one reply
    def current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else -1

    def select_row(self, number: int) -> None:
        index = self.filtered.mapFromSource(self.model.index(number, 0))
        if index.isValid():
            self._select(index)

    def _select(self, index) -> None:
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def _current(self):
        return self.model.row(self.current_row())

    def _show_current(self) -> None:
        triaged = self._current()
        entry = self.log.entries.get(triaged.reply.key) if triaged is not None else None
        self.detail.show_reply(triaged, entry)

    def copy_report(self) -> None:
        triaged = self._current()
        if triaged is not None and triaged.report_text:
            QGuiApplication.clipboard().setText(triaged.report_text)
            self.progress.setText("Report text copied.")

    def set_status(self, status: Status, reason: str = "") -> bool:
        triaged = self._current()
        if triaged is None or triaged.reply.key not in self.log.entries:
            return False
        try:
            self.log.set_status(triaged.reply.key, status, reason, _now())
        except ReasonRequired as exc:
            self.progress.setText(str(exc))
            return False
        self._save_log()
        self._show_current()
        return True

    def dismiss_report(self) -> None:
        reason = self.ask_reason()
        if reason is None:
            return
        self.set_status(Status.DISMISSED, reason)

    def _ask_reason(self) -> str | None:
        text, ok = QInputDialog.getText(self, "Dismiss this report", "Why is it not being reported?")
        return text if ok else None

    def start_reply(self) -> None:
        triaged = self._current()
        if triaged is None or not triaged.opening or self._start_reply is None:
            return
        if self._start_reply(triaged.opening):
            self.progress.setText("Your reply is a new draft in the main window, checked like any post.")

    def correct(self, triage: Triage) -> None:
        """The user sorts the chosen reply as `triage`; kept in the log for next time."""
        number = self.current_row()
        triaged = self.model.row(number)
        triager = self.runner.triager
        if triaged is None or triager is None or triage is triaged.verdict.triage:
            return
        self.log.correct(triaged.reply, triage, _now())
        fixed = triager.corrected(triaged, triage)
        self.model.replace_row(number, fixed)
        self.log.record(fixed.reply, fixed.verdict, fixed.report_text, _now())
        self._save_log()
        self._update_counts()
        self._update_authors()
        self._show_current()

    # ================================================================== authors
    def _update_authors(self) -> None:
        triager = self.runner.triager
        for w in self._author_buttons:
            self._authors_layout.removeWidget(w)
            w.deleteLater()
        self._author_buttons = []
        minimum = triager.policy.repeat_reports if triager is not None else 2
        rows = self.model.rows()
        pairs = [(t.reply.author, t.verdict.triage) for t in rows if not t.verdict.do_not_amplify]
        repeats = repeat_authors(pairs, minimum)
        if not repeats:
            self.authors_bar.hide()
            return
        label = QLabel("Repeated reports in this set. Add to the do-not-amplify list:")
        label.setProperty("role", "heading")
        self._add_author_widget(label)
        for author, count in repeats[:MAX_AUTHOR_BUTTONS]:
            b = QPushButton(f"{author} · {count} reports")
            b.setObjectName("authorChip")
            b.setToolTip(f"Add {author} to the do-not-amplify list: never reply to, quote or share them")
            b.setAccessibleName(f"Add {author}, {count} reports, to the do-not-amplify list")
            b.clicked.connect(lambda _=False, a=author: self.add_to_list([a]))
            self._add_author_widget(b)
        if len(repeats) > MAX_AUTHOR_BUTTONS:
            rest = [a for a, _n in repeats[MAX_AUTHOR_BUTTONS:]]
            more = QPushButton(f"All {len(rest)} others")
            more.setObjectName("authorChip")
            more.clicked.connect(lambda _=False, r=rest: self.add_to_list(r))
            self._add_author_widget(more)
        self.authors_bar.show()

    def _add_author_widget(self, w: QWidget) -> None:
        self._author_buttons.append(w)
        self._authors_layout.addWidget(w)

    def add_to_list(self, authors: list[str]) -> None:
        from desktop_app.storage.replies import add_to_do_not_amplify

        path = self._amplify_path
        run_then(lambda: add_to_do_not_amplify(authors, path), lambda r: self._on_listed(authors, r), self)

    def _on_listed(self, authors: list[str], result) -> None:
        if isinstance(result, Exception):
            self.progress.setText(f"The do-not-amplify list was not changed: {result}")
            return
        triager = self.runner.triager
        if triager is not None:
            triager.add_listed(authors)
        keys = {author_key(a) for a in authors}
        for number, t in enumerate(self.model.rows()):
            if author_key(t.reply.author) in keys and not t.verdict.do_not_amplify:
                verdict = as_listed(t.verdict)
                opening = "" if verdict.triage is not Triage.RESPOND else t.opening
                self.model.replace_row(number, t.with_verdict(verdict, t.report_text, opening))
        self._update_counts()
        self._update_authors()
        self._show_current()
        names = ", ".join(authors)
        self.progress.setText(f"Added to the do-not-amplify list: {names}. Don't reply to or share them.")
        self.listUpdated.emit(list(result))

    # ================================================================== the report log
    def _store(self):
        if self._log_store is None:
            from desktop_app.storage.replies import ReportLogStore

            self._log_store = ReportLogStore()
        return self._log_store

    def _load_log(self) -> None:
        def loaded(result) -> None:
            if isinstance(result, Exception):
                self.progress.setText(f"The report log could not be read: {result}")
                return
            stored, problem = result
            # Anything sorted before the log arrived is kept on top of what was stored.
            for key, entry in self.log.entries.items():
                stored.entries.setdefault(key, entry)
            stored.corrections.update(self.log.corrections)
            self.log = stored
            self._log_loaded = True
            if problem:
                self.progress.setText(problem)

        store = self._store()
        run_then(lambda: (store.load(), store.problem), loaded, self)

    def _save_log(self) -> None:
        store, data = self._store(), self.log.snapshot()  # the writer turns it into JSON

        def saved(result) -> None:
            if isinstance(result, Exception):
                self.progress.setText(f"The report log was not saved: {result}")
            else:
                self.logSaved.emit()

        run_then(lambda: store.save(data), saved, self, self.writer)

    def export_log(self, kind: str) -> None:
        from desktop_app.core.replies.log import export_csv, export_html

        entries = self.log.reports()
        if not entries:
            self.progress.setText("The report log is empty: nothing to export.")
            return
        suggested = str(Path.home() / f"report-log-{datetime.now():%Y-%m-%d}.{kind}")
        path = self.ask_path(kind, suggested)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        text = export_csv(entries) if kind == "csv" else export_html(entries, now=_now())

        def write() -> None:
            from desktop_app.storage.atomic import write_text_atomic

            write_text_atomic(target, text, private=False)

        def done(result) -> None:
            if isinstance(result, Exception):
                self.progress.setText(f"The report log was not exported: {result}")
            else:
                self.progress.setText(f"Report log exported to {target.name} ({len(entries)} reports).")

        run_then(write, done, self)

    # ================================================================== closing
    def shutdown(self) -> None:
        """Stop sorting and let the last write of the log finish."""
        self.runner.wait()
        self.writer.waitForDone(5000)

    def closeEvent(self, event) -> None:
        self.runner.cancel()
        super().closeEvent(event)


def _read_csv(path: Path, column: str | None):
    """(replies, what was used, header) of a CSV export; replies is None when no column
    looks like the text (the user is asked). Runs on a worker."""
    from desktop_app.core.replies.sources import CsvColumns, NoTextColumn, read_csv_rows, sniff_delimiter
    from desktop_app.storage.files import read_text_file

    if path.stat().st_size > MAX_CSV_BYTES:
        raise ValueError(f"it is over {MAX_CSV_BYTES // (1024 * 1024)} MB; split it into smaller files")
    text = read_text_file(path, allow_large=True)
    lines = text.splitlines(keepends=True)
    if not lines:
        raise ValueError("it is empty")
    rows = read_csv_rows(lines, sniff_delimiter(lines[0]))
    _line, header = next(rows)
    try:
        columns = CsvColumns.find(header, column)
    except NoTextColumn:
        return None, "", header
    replies = [r for number, row in rows if (r := columns.reply(row, number)) is not None]
    return replies, columns.described(), header
