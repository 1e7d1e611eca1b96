"""Preferences section for grammar and spelling: server, status, download, word list.

A self-contained group box for the Preferences dialog (its `extra_slot`). The server
address is returned by `values()` like the dialog's other fields; whoever saves it should
call `GrammarLane.restart()` when it changed. Removing a word from the user's word list
and downloading LanguageTool take effect at once. Network work runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.findings import GrammarState
from desktop_app.grammar import download, wordlists
from desktop_app.grammar.client import LanguageToolClient, LanguageToolError
from desktop_app.grammar.config import default_config
from desktop_app.storage.settings import Settings
from desktop_app.ui.jobs import run_in_pool
from desktop_app.ui.widgets.row_list_model import Row, RowListModel


class _Signals(QObject):
    tested = Signal(bool, str)  # ok, message
    progress = Signal(int, int)  # bytes done, total (0 when unknown)
    downloaded = Signal(bool, str)  # ok, message


def describe_state(state: GrammarState) -> str:
    if state.state == "off" or not state.detail:
        return "Grammar checking has not started yet."
    return state.detail


def try_connection(url: str) -> tuple[bool, str]:
    """Blocking: is there a LanguageTool at `url` that checks British English?"""
    if not url.strip():
        return False, "Enter the address of a LanguageTool server first."
    config = default_config()
    client = LanguageToolClient(url, config.connect_timeout, config.read_timeout, config.total_timeout)
    try:
        info = client.probe(config.language)
    except LanguageToolError as exc:
        return False, f"Could not use {client.url}: {exc.reason}."
    finally:
        client.close()
    version = f"LanguageTool {info.version}" if info.version else "LanguageTool"
    return True, f"Connected: {version} at {info.url} checks British English."


class GrammarSettingsBox(QGroupBox):
    def __init__(self, settings: Settings, lane=None, parent: QWidget | None = None):
        super().__init__("Grammar and spelling", parent)
        self.setObjectName("grammarSettings")
        self._settings = settings
        self._lane = lane  # a GrammarLane, or None (then only the word list file is changed)
        self._words = wordlists.UserWordList() if lane is None else None
        self._signals = _Signals()
        self._signals.tested.connect(self._on_tested)
        self._signals.progress.connect(self._on_progress)
        self._signals.downloaded.connect(self._on_downloaded)
        self._cancel_download = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Spelling is always checked on this computer. LanguageTool adds grammar checks: use your "
            "organisation's shared server, or download it to this computer (needs Java)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        row = QHBoxLayout()
        self.url = QLineEdit(str(settings.get("languagetool_url") or ""))
        self.url.setObjectName("languageToolUrl")
        self.url.setPlaceholderText("e.g. http://languagetool.example.org:8081")
        self.url.setAccessibleName("LanguageTool server address")
        self.url.setToolTip(
            "Your organisation's shared LanguageTool server. Leave empty to use one on this computer."
        )
        self.test_button = QPushButton("Test connection")
        self.test_button.setAccessibleName("Test the connection to the LanguageTool server")
        self.test_button.clicked.connect(self._test)
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        form.addRow("LanguageTool server", row)
        # These labels show what a server said (its version, its errors): text, never markup.
        self.test_result = QLabel("")
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setObjectName("languageToolTestResult")
        self.test_result.setWordWrap(True)
        form.addRow("", self.test_result)
        self.status = QLabel(describe_state(lane.state) if lane is not None else "")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("grammarSettingsStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Grammar checking status")
        form.addRow("Status", self.status)
        layout.addLayout(form)
        if lane is not None:
            lane.statusChanged.connect(self._on_status)

        download_row = QHBoxLayout()
        self.download_button = QPushButton("Download LanguageTool…")
        self.download_button.setAccessibleName("Download LanguageTool to this computer")
        self.download_button.setToolTip(
            "About 250 MB. Needs Java 17 or later. Only downloads when you click."
        )
        self.download_button.clicked.connect(lambda: self._download())
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the download")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Download progress")
        self.progress.setVisible(False)
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.progress, 1)
        download_row.addWidget(self.cancel_button)
        download_row.addStretch(0)
        layout.addLayout(download_row)
        self.download_result = QLabel("")
        self.download_result.setTextFormat(Qt.TextFormat.PlainText)
        self.download_result.setObjectName("downloadResult")
        self.download_result.setWordWrap(True)
        self.download_result.setVisible(False)
        layout.addWidget(self.download_result)

        layout.addWidget(QLabel("Words you added to the dictionary"))
        self.word_list = QListView()
        self.word_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.word_model = RowListModel(self.word_list)
        self.word_list.setModel(self.word_model)
        self.word_list.setObjectName("userWords")
        self.word_list.setAccessibleName("Words you added to the dictionary")
        self.word_list.setMaximumHeight(120)
        self.remove_button = QPushButton("Remove word")
        self.remove_button.setAccessibleName("Remove the selected word from your dictionary")
        self.remove_button.setEnabled(False)
        self.word_list.selectionModel().currentChanged.connect(
            lambda current, _previous: self.remove_button.setEnabled(current.isValid())
        )
        self.remove_button.clicked.connect(self._remove_word)
        layout.addWidget(self.word_list)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self._fill_words()

    # --- values for the dialog -------------------------------------------------------------
    def values(self) -> dict:
        return {"languagetool_url": self.url.text().strip()}

    # --- server --------------------------------------------------------------------------
    def _test(self) -> None:
        url, signals = self.url.text(), self._signals
        self.test_button.setEnabled(False)
        self.test_result.setText("Testing…")
        run_in_pool(lambda: signals.tested.emit(*try_connection(url)))

    def _on_tested(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(message)
        self.test_result.setProperty("ok", ok)

    def _on_status(self, state: GrammarState) -> None:
        self.status.setText(describe_state(state))

    # --- download -------------------------------------------------------------------------
    def _download(self, plan: download.DownloadPlan | None = None) -> None:
        check_java = plan is None  # the real download: no point in 250 MB that cannot run
        plan = plan or download.default_plan()
        signals = self._signals
        self._cancel_download = False
        self.download_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the size is known
        self._show_download_result(f"Downloading LanguageTool {plan.version}…")

        def work() -> None:
            problem = download.java_problem() if check_java else ""
            if problem:
                signals.downloaded.emit(False, problem)
                return
            try:
                download.download_languagetool(
                    plan,
                    lambda done, total: signals.progress.emit(done, total or 0),
                    lambda: self._cancel_download,
                )
            except download.DownloadFailed as exc:
                signals.downloaded.emit(False, str(exc))
                return
            signals.downloaded.emit(True, f"LanguageTool {plan.version} is installed.")

        run_in_pool(work)

    def start_download(self, plan: download.DownloadPlan) -> None:
        """Download from `plan` (the button uses language_tool_python's release)."""
        self._download(plan)

    def _cancel(self) -> None:
        self._cancel_download = True

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            # Kilobytes keep the numbers inside a QProgressBar's int range.
            self.progress.setRange(0, max(1, total // 1024))
            self.progress.setValue(done // 1024)

    def _on_downloaded(self, ok: bool, message: str) -> None:
        self.download_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        if ok and self._lane is not None and not self.url.text().strip():
            message += " It will start in the background."
            self._lane.restart()
        self._show_download_result(message)

    def _show_download_result(self, message: str) -> None:
        self.download_result.setText(message)
        self.download_result.setVisible(bool(message))

    # --- words ----------------------------------------------------------------------------
    def _current_words(self) -> list[str]:
        return self._lane.words() if self._lane is not None else self._words.words()

    def _fill_words(self) -> None:
        words = self._current_words()
        self.word_model.set_rows([Row(word, word) for word in words])
        self.remove_button.setEnabled(False)
        self.word_list.setVisible(bool(words))
        self.remove_button.setVisible(bool(words))

    def _remove_word(self) -> None:
        row = self.word_model.row_at(self.word_list.currentIndex().row())
        if row is None:
            return
        if self._lane is not None:
            self._lane.remove_from_dictionary(row.key)
        else:
            self._words.remove(row.key)
        self._fill_words()
