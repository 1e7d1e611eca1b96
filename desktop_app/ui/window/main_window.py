"""The main window: editor in the middle, findings on the right, principles and readability
on the left, lengths per network under the editor.

Features (ui/features.py: drafts, grammar, the sign-off sheet) attach through attach()
and use only the public surface below; the window loops over them at start-up, in
Preferences and on close.
- grammar:  merge_grammar_findings(revision, findings), set_grammar_status(state), drop_spelling
- drafts:   set_drafts_panel(widget), reserve_drafts_slot(), show_draft(review, networks, path),
            update_title(), text() (the main text), revision, check_now(), main_document, publish
- publish:  main_document, show_document(doc), shown_text(), add_under_editor(widget),
            textEdited (follows the document shown), check_scope()
- review:   current_report() -> Report | None, policy (titles; pack_label, conduct_statement),
            review (core.review.DraftReview), fixed_findings(), ignored_findings(),
            grammar_findings(), rules_off(), publish (the versions, approval and history)
- policy:   reload_policy() (a fetched organisation pack comes into force),
            when_policy_loaded(callback) (the pack the engine loaded, for grammar)
- fixes:    set_public_contact(contact), fields (the fill-in fields of the last rewrite)
- signals:  firstPainted, reviewChanged, reportDrawn, file signals
- start-up: features_ready() (every step after the first paint has run; tests wait on it)
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core.limits import MAX_CHECKED
from desktop_app.storage.settings import Settings
from desktop_app.ui import themes
from desktop_app.ui.drafts.feature import DraftsFeature
from desktop_app.ui.features import Feature
from desktop_app.ui.fixes.fields import FieldSession, qt_length, qt_spans
from desktop_app.ui.grammar.status import status_detail, status_words
from desktop_app.ui.jobs import run_in_pool
from desktop_app.ui.panels.findings_list import FindingsList
from desktop_app.ui.panels.platform_bar import PlatformBar
from desktop_app.ui.panels.principles_panel import PrinciplesPanel
from desktop_app.ui.panels.quote import quoted
from desktop_app.ui.panels.readability_panel import ReadabilityPanel
from desktop_app.ui.publish.feature import PublishFeature
from desktop_app.ui.turns import next_turn
from desktop_app.ui.widgets.banner import Banner
from desktop_app.ui.widgets.legend import Legend
from desktop_app.ui.window import actions
from desktop_app.ui.window.analysis_worker import AnalysisController, AnalysisResult, Scope
from desktop_app.ui.window.editor import DraftEditor
from desktop_app.ui.window.file_actions import DraftFiles
from desktop_app.ui.window.find_bar import FindBar

if TYPE_CHECKING:  # the dialogs' classes are set up when first used (PySide6 makes their enums)
    from PySide6.QtWidgets import QMessageBox

    # core.findings builds its dataclasses when first needed: after the first paint
    from desktop_app.core.findings import Finding, GrammarState, Report, Suggestion
    from desktop_app.core.review import DecisionHistory, DraftReview
    from desktop_app.ui.window.policy_info import PolicyInfo

# The engine starts once the drafts have started, or at the latest this long after the
# window is made (one never shown, drafts slow to read).
ENGINE_START_AT_MOST_MS = 1000
MAX_MARKS = 400  # underlines (and tints) drawn at most, for a pasted essay
TINTED = frozenset({"readability", "length"})  # shown as tints in the editor, not underlines


class MainWindow(DraftFiles, QMainWindow):
    reportDrawn = Signal(int)  # revision now on screen
    fileOpened = Signal(str)
    fileSaved = Signal(str)
    fileFailed = Signal(str)  # message already shown to the user
    firstPainted = Signal()  # the window is on screen: slower start-up work may begin
    # The text in the editor changed (Qt's contentsChange: position, removed, added), after
    # the check has counted it; follows the editor from one version's document to another.
    textEdited = Signal(int, int, int)
    reviewChanged = Signal()  # ignored findings, their reasons or fixes changed (self.review)
    settingsSaveFailed = Signal(str)  # from the settings writer thread: why the write failed

    def __init__(
        self,
        open_path: str | None = None,
        *,
        analyzer=None,
        analyzer_factory=None,
        settings: Settings | None = None,
        start_engine: bool = True,
        store=None,
    ):
        super().__init__()
        self.settings = settings or Settings.load()
        self.features: list[Feature] = []
        self.path: Path | None = None
        self._policy: PolicyInfo | None = None  # the shipped titles until the engine has loaded
        self._result: AnalysisResult | None = None
        self._mapping = None  # EditMap when the drawn result is a few keystrokes old
        self._panels_pending = False
        self._cards_awaited = False  # the findings list is still making the drawn report's cards
        self._panel_findings: list[Finding] = []
        self.drawn_revision = -1  # the revision whose findings are on screen, editor and panels
        self._grammar: tuple[int, list[Finding]] = (-1, [])
        self._review: DraftReview | None = None  # the open draft's (see review)
        self._decisions: DecisionHistory | None = None
        self._hidden: set[int] = set()  # id() of findings just applied, until the next report
        self._tab_chain: tuple = ()
        self._dialogs: list = []
        self._settings_warning: QMessageBox | None = None  # the open 'not saved' box, if any
        self._public_contact: dict = {}

        self.setWindowTitle(f"{APP_NAME}[*]")
        self.resize(1360, 840)
        self._build()
        # Style once the widgets are in place: with the style sheet set first, every
        # addWidget / setParent re-polished the subtree it moved (~20 ms at start-up).
        self._style_app()
        self.actions_ = actions.build(self)
        self._apply_theme(restyle=False)
        self._connect()

        self.controller = AnalysisController(self._snapshot, self, scope=self.check_scope)
        self.controller.resultReady.connect(self._on_result)
        self.controller.engineReady.connect(self._on_engine_ready)
        self.controller.engineFailed.connect(self._on_engine_failed)
        self.controller.analysisFailed.connect(
            lambda msg: self.statusBar().showMessage(f"The check failed on this text ({msg}).", 8000)
        )
        self._watch(self.editor.document())
        # Every window keeps a version per network of its draft, and its drafts (a store
        # under `store`, or the user's data folder).
        self.publish = self.attach(PublishFeature(self))
        self.drafts = self.attach(DraftsFeature(self, store))
        # The engine loads the policy pack once the first draft is open and listed: loading
        # it alongside, its pure Python held the GIL against the drafts' steps and the
        # repaints after them (25-100 ms stalls), and the first findings came no sooner.
        self.drafts.startFinished.connect(self._start_engine)
        self.update_title()

        self._public_contact = dict(self.settings.get("public_contact") or {})
        if self.settings.problem:  # e.g. a corrupt settings file was set aside
            self.statusBar().showMessage(self.settings.problem, 10000)
        self._engine_factory = analyzer_factory or ((lambda: analyzer) if analyzer is not None else None)
        self._engine_started = not start_engine
        self._shown_once = False
        self._after_paint_steps: list = []  # what is left to do after the first paint
        self._closed = False  # closed: start nothing more (a step may still be queued)
        self._pack_waiters: list = []  # when_policy_loaded callbacks until the engine has loaded
        self._pack_known, self._loaded_pack = False, None
        if start_engine:
            # Loading the policy YAML on the worker competes for the GIL with building and
            # painting the window, so start it once the drafts have started (or soon anyway:
            # a window not shown, drafts that take long to read); never once the window is gone.
            QTimer.singleShot(ENGINE_START_AT_MOST_MS, self, self._start_engine)
        if open_path:
            self.open_file(open_path)
        self.editor.setFocus()

    def _after_first_paint(self) -> None:
        if self._shown_once or self._closed:
            return
        self._shown_once = True
        # One step per turn of the event loop, so a keystroke or a repaint can come between
        # them and none holds the GUI thread for longer than a frame (~16 ms).
        self._after_paint_steps = [
            self._opaque_editor,
            self._settle_after_paint,
            self._set_up_style_types,
            self._set_up_text_formats,
            self._load_the_cards,
            self.firstPainted.emit,
            *(feature.start for feature in self.features),
        ]
        self._next_after_paint_step()

    def _next_after_paint_step(self) -> None:
        if self._after_paint_steps and not self._closed:
            self._after_paint_steps.pop(0)()
            next_turn(self, self._next_after_paint_step)

    def features_ready(self) -> bool:
        """True once every step after the first paint has run: the details the first frame
        does not show (keys, cursors, scroll bars), firstPainted sent and each feature's
        start() called (their own loading may go on in the background; the engine starts
        once the drafts have).
        Tests wait for it: qtbot.waitUntil(window.features_ready)."""
        return self._shown_once and not self._after_paint_steps

    def _opaque_editor(self) -> None:
        # An opaque viewport: a keystroke then repaints the editor only, not the window
        # behind it. Set after the first paint: the first viewport() call costs ~6 ms (it
        # makes PySide6 set up dozens of widget classes).
        self.editor.viewport().setAutoFillBackground(True)

    def _load_the_cards(self) -> None:
        # The finding card's class (a widget with signals: ~5 ms to build) on a turn of its
        # own, not in the turn that draws the first findings while the workers are busy.
        import desktop_app.ui.panels.finding_card  # noqa: F401

    def _set_up_text_formats(self) -> None:
        # Naming QTextCharFormat makes PySide6 build QTextFormat's seven enums (~5 ms): here,
        # on a turn of its own, not in the turn that underlines the first findings.
        from PySide6.QtGui import QTextCharFormat  # noqa: F401

    def _set_up_style_types(self) -> None:
        # PySide6 builds QStyle's eighteen enums (6-15 ms) the first time a style is named:
        # here, on a turn of its own before the drafts and the engine start, and not when the
        # first findings restyle the length chips (quiet.set_style_property) with workers busy.
        self.style()

    # The policy's titles, the draft's decisions and their Ctrl+Z are made when first asked
    # for: core.review and policy_info build dataclasses, which the first paint has no use for.
    @property
    def policy(self) -> PolicyInfo:
        """What the panels know of the policy pack (PolicyInfo): the engine's once loaded."""
        if self._policy is None:
            from desktop_app.ui.window.policy_info import PolicyInfo

            self._policy = PolicyInfo()
        return self._policy

    @policy.setter
    def policy(self, info: PolicyInfo) -> None:
        self._policy = info

    @property
    def review(self) -> DraftReview:
        """The open draft's decisions (core.review.DraftReview): the drafts lane swaps it per draft."""
        if self._review is None:
            from desktop_app.core.review import DraftReview

            self._review = DraftReview()
        return self._review

    @review.setter
    def review(self, review: DraftReview) -> None:
        self._review = review

    @property
    def decisions(self) -> DecisionHistory:
        """Ctrl+Z for Ignore here / Show again."""
        if self._decisions is None:
            from desktop_app.core.review import DecisionHistory

            self._decisions = DecisionHistory()
        return self._decisions

    def attach(self, feature: Feature) -> Feature:
        """Add a feature (ui/features.py); returns it."""
        self.features.append(feature)
        return feature

    def reload_policy(self) -> None:
        """Load the policy packs again (a new organisation pack was fetched) and re-check."""
        self.controller.start_engine(self._engine_factory)

    def when_policy_loaded(self, callback) -> None:
        """callback(pack) once the engine has loaded the policy pack (policy.PolicyPack; None
        if the engine could not start), at once if it has: a feature needing the pack's data
        takes it from here instead of reading every file under policy/ a second time."""
        if self._pack_known:
            callback(self._loaded_pack)
        else:
            self._pack_waiters.append(callback)

    def _pack_settled(self, pack) -> None:
        self._pack_known, self._loaded_pack = True, pack
        waiters, self._pack_waiters = self._pack_waiters, []
        for callback in waiters:
            callback(pack)

    def _start_engine(self) -> None:
        if not self._engine_started:
            self._engine_started = True
            self.controller.start_engine(self._engine_factory)

    def showEvent(self, ev):
        # (not paintEvent: a Python paintEvent would put every repaint through the GIL)
        super().showEvent(ev)
        if not self._shown_once:
            QTimer.singleShot(50, self, self._after_first_paint)  # (never once the window is gone)

    def _settle_after_paint(self) -> None:
        """Details the first frame does not show that need PySide6's Qt namespace. Its first
        use builds ~90 enums (~25 ms), so start-up never touches it (a test checks this)."""
        no_bar = QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.left_scroll.setHorizontalScrollBarPolicy(no_bar)
        self.findings_list.setHorizontalScrollBarPolicy(no_bar)
        # The cards take focus, not the scroll area around them (Tab goes straight to the first).
        self.findings_list.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        QApplication.instance().focusChanged.connect(self._keep_focus_in_view)
        self.principles_panel.use_pointing_cursors()
        # The grammar status can quote a server's address or answer: never render it as markup.
        for label in (self.grammar_status, self.check_status):
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        actions.bind_clipboard_keys(self.actions_)

    # ================================================================== building
    def _build(self) -> None:
        self.editor = DraftEditor()
        # The main text's document, owned by the window: the editor also shows each network's
        # own version (ui/publish), and would delete a document it owned when it did.
        self.main_document = self.editor.new_document(self)
        self.editor.setDocument(self.main_document)
        self.editor.set_font_size(self.settings.get("font_size", 12))
        self.editor.tooltip_html = self._card_html

        self.findings_list = FindingsList(self._title)
        self.principles_panel = PrinciplesPanel()
        self.readability_panel = ReadabilityPanel()
        self.platform_bar = PlatformBar(list(self.settings.get("networks") or []))
        self.legend = Legend()
        self.find_bar = FindBar(self.editor)
        self.policy_banner = Banner("Policy problems")
        self.policy_banner.button.clicked.connect(self._show_policy_problems)
        self.notice_banner = Banner("Notice")

        # left: drafts slot (filled later by the drafts panel), readability, principles
        self.drafts_slot = QWidget()
        self.drafts_slot.setObjectName("draftsSlot")
        QVBoxLayout(self.drafts_slot).setContentsMargins(0, 0, 0, 0)
        self.drafts_slot.hide()

        left = QWidget()
        left.setObjectName("leftColumn")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 4, 10)
        left_layout.setSpacing(10)
        left_layout.addWidget(self.readability_panel)
        left_layout.addWidget(self.principles_panel)
        left_layout.addStretch(1)
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidget(left)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setMinimumWidth(210)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 10, 6, 6)
        centre_layout.setSpacing(6)
        self._centre_layout = centre_layout
        centre_layout.addWidget(self.policy_banner)
        centre_layout.addWidget(self.notice_banner)
        centre_layout.addWidget(self.find_bar)
        centre_layout.addWidget(self.editor, 1)
        centre_layout.addWidget(self.legend)
        centre_layout.addWidget(self.platform_bar)

        right = QFrame()
        right.setObjectName("sidePanel")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(10, 10, 4, 10)
        heading = QLabel("Findings")
        heading.setProperty("role", "heading")
        right_layout.addWidget(heading)
        right_layout.addWidget(self.findings_list, 1)
        right.setMinimumWidth(285)
        right_holder = QWidget()
        holder_layout = QVBoxLayout(right_holder)
        holder_layout.setContentsMargins(4, 10, 10, 10)
        holder_layout.addWidget(right)

        self.splitter = QSplitter()  # side by side
        self.splitter.setChildrenCollapsible(False)
        for w in (self.drafts_slot, self.left_scroll, centre, right_holder):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([0, 300, 640, 400])
        self.setCentralWidget(self.splitter)

        self.check_status = QLabel("Loading the checks…")
        self.check_status.setAccessibleName("Check status")
        self.grammar_status = QLabel("Grammar: off")
        self.grammar_status.setObjectName("grammarStatus")
        self.grammar_status.setAccessibleName("Grammar checking status")
        self.statusBar().addPermanentWidget(self.check_status)
        self.statusBar().addPermanentWidget(self.grammar_status)
        self.findings_list.set_checking("Loading the checks…")

    def _connect(self) -> None:
        self.findings_list.activated.connect(self._show_finding)
        self.findings_list.applyRequested.connect(self.apply_suggestion)
        self.findings_list.ignoreHereRequested.connect(self.ignore_here)
        self.findings_list.ignoreRuleRequested.connect(self.ignore_rule)
        self.findings_list.filterCleared.connect(self.clear_filter)
        self.findings_list.cardsDrawn.connect(self._cards_drawn)
        self.findings_list.ignored_list.showAgainRequested.connect(self.show_again)
        self.editor.ask_huge_paste = self._ask_huge_paste
        self.editor.undo_hook = self._undo_decision
        self.editor.redo_hook = self._redo_decision
        # fill-in fields of a rewrite: Tab moves between them, Esc stops (ui/fixes/fields.py)
        self.fields = FieldSession(self.editor, self)
        self.editor.field_tab_hook = lambda forward: (
            self.fields.active and (self.fields.step(forward) or True)
        )
        self.editor.field_escape_hook = self._stop_fields
        self.fields.moved.connect(self._tell_field)
        self.fields.finished.connect(self._fields_finished)
        self.editor.document().contentsChange.connect(self._check_fields)
        self.principles_panel.filterChanged.connect(self.set_filter)
        self.principles_panel.readRequested.connect(self.show_principle)
        # Another network chosen: measured (and its length finding shown) for that one only.
        self.platform_bar.networksChanged.connect(self._networks_changed)
        self.platform_bar.focusChanged.connect(lambda _n: self._redraw())
        self.editor.cursorPositionChanged.connect(self._on_cursor_moved)
        self.settingsSaveFailed.connect(self._tell_settings_not_saved)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self._apply_theme())

    def _watch(self, doc) -> None:
        doc.contentsChange.connect(self._on_contents_change)
        doc.modificationChanged.connect(self._on_modified)

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        self.controller.note_edit(pos, removed, added)
        self.textEdited.emit(pos, removed, added)

    def show_document(self, doc) -> None:
        """Show another document in the editor (the main text or a network's version): its
        findings are checked afresh, and Ctrl+Z works in that document's own history."""
        old = self.editor.document()
        if doc is old:
            return
        # A rewrite's fields belong to the text they were made in: leaving it ends them (the
        # unfilled ones stay must-fix there), or Tab here would select a field over there.
        self.fields.stop()
        old.contentsChange.disconnect(self._on_contents_change)
        old.modificationChanged.disconnect(self._on_modified)
        self._result, self._mapping, self._grammar = None, None, (-1, [])
        self._hidden.clear()
        self.decisions.clear()  # an Ignore made in one version is undone there, not here
        self.editor.show_document(doc)
        self._watch(doc)
        # A new text as far as the check and the grammar lane are concerned.
        self._on_contents_change(0, max(old.characterCount() - 1, 0), max(doc.characterCount() - 1, 0))
        self.check_now()

    def _on_modified(self, modified: bool) -> None:
        if "[*]" in self.windowTitle():  # autosaved drafts have no "unsaved" mark
            self.setWindowModified(modified)

    def _apply_theme(self, restyle: bool = True) -> None:
        if restyle:
            self._style_app()
        self.editor.set_colours(self.colours)
        self.legend.set_colours(self.colours)
        self.readability_panel.set_colours(self.colours)
        if self._result is not None:
            self.readability_panel.set_readability(self._result.report.readability)

    def _networks_changed(self, _networks: list) -> None:
        self._redraw()  # the chip and its overflow go at once; the findings with the check
        self.check_now()

    def check_scope(self) -> Scope:
        """What the text in the editor is checked for: the main text for the chosen networks
        that follow it, or one network's own version (ui/publish)."""
        return self.publish.scope()

    def _snapshot(self):
        """The text to check. For a huge draft only its start: copying out a whole pasted
        megabyte (toPlainText) would hold up the window for longer than the check."""
        doc = self.editor.document()
        length = doc.characterCount() - 1  # UTF-16 units
        if length <= MAX_CHECKED:
            return doc.toPlainText()
        end = MAX_CHECKED
        if 0xD800 <= ord(doc.characterAt(end - 1) or " ") <= 0xDBFF:
            end -= 1  # do not cut an emoji in half
        cursor = QTextCursor(doc)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        # what toPlainText() would have given for this part
        text = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n").replace("\u00a0", " ")
        return text, length

    def _style_app(self) -> None:
        app = QApplication.instance()
        self.colours = themes.apply(
            app, self.settings.get("theme", "system"), self.settings.get("font_size", 12)
        )
        self.platform_bar.fit_to_style()  # "X  –", not "…", in the first frame

    def set_drafts_panel(self, widget: QWidget) -> None:
        """Put the drafts list in the left-hand slot."""
        self.drafts_slot.layout().addWidget(widget)
        if self.drafts_slot.isHidden():
            self.reserve_drafts_slot()

    def reserve_drafts_slot(self) -> None:
        """Show the drafts slot at its width now, so filling it later moves nothing."""
        self.drafts_slot.show()
        self.drafts_slot.setMinimumWidth(180)  # two buttons a row, whole labels
        # Long principle titles wrap onto two lines; the editor gets the room, enough for
        # the legend on one line at the default window size.
        self.splitter.setSizes([180, 260, 580, 340])

    def update_tab_order(self) -> None:
        """Tab from the editor to the first finding card, through the cards (rewrites before
        the Ignore links), the principles, the drafts and the networks, back to the editor.
        Qt's own order follows when widgets were made, which put the cards last."""
        drafts = self.drafts.panel.focus_chain() if self.drafts.panel is not None else []
        chain = [
            self.editor,
            *self.findings_list.focus_chain(),
            *self.principles_panel.focus_chain(),
            *drafts,
            *self.publish.bar.focus_chain(),
            *self.platform_bar.focus_chain(),
        ]
        key = tuple(id(w) for w in chain)
        if key == self._tab_chain:
            return  # typing changes nothing here
        self._tab_chain = key
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _keep_focus_in_view(self, _old, new) -> None:
        content = self.findings_list.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.findings_list.ensureWidgetVisible(new, 0, 24)
            self.findings_list.horizontalScrollBar().setValue(0)  # cards fit the width: never sideways

    def add_under_editor(self, widget: QWidget, after: QWidget | None = None) -> None:
        """A row under the editor (the version tabs, the preview), above the legend."""
        layout = self._centre_layout
        anchor = after if after is not None else self.editor
        layout.insertWidget(layout.indexOf(anchor) + 1, widget)

    def add_banner(self, banner: QWidget) -> None:
        """A notice above the editor (e.g. an autosave problem), below the others."""
        self._centre_layout.insertWidget(2, banner)

    # ================================================================== engine results
    def _title(self, key: str | None) -> str:
        return self.policy.title(key)

    def _on_engine_ready(self, info: PolicyInfo) -> None:
        self.policy = info
        if self._public_contact:
            self.set_public_contact(self._public_contact)
        self.principles_panel.set_titles(info.titles())
        # Which pack and version check the post (the command line's JSON says the same).
        self.check_status.setText(f"Policy: {info.pack_label}" if info.pack_label else "")
        self._turn_conduct_rules_back_on(info)
        if info.problems:
            n = len(info.problems)
            self.policy_banner.show_message(
                f"{n} part{'s' if n != 1 else ''} of the organisation's policy could not be loaded, "
                "so those checks are off. Everything else is checked as normal.",
                "Details",
            )
        self._pack_settled(getattr(self.controller.analyzer, "pack", None))

    def _turn_conduct_rules_back_on(self, info: PolicyInfo) -> None:
        # Older versions let a writer switch a conduct rule off for every draft.
        from desktop_app.core.review import conduct_rules_off

        rules_off = self.rules_off()
        cleared = conduct_rules_off(rules_off, info.conduct_rules.__contains__)
        if not cleared:
            return
        self.settings.set("ignored_rules", {k: v for k, v in rules_off.items() if k not in cleared})
        self.save_settings()
        self._redraw()
        which = "rule you turned off is" if len(cleared) == 1 else f"{len(cleared)} rules you turned off are"
        notice = f"The conduct policy applies to every draft: the conduct {which} back on."
        self.notice_banner.show_message(notice)

    def _on_engine_failed(self, message: str) -> None:
        self._pack_settled(None)
        self.check_status.setText("Checks unavailable")
        self.findings_list.set_checking("The checks could not start")
        self.policy_banner.show_message(
            "The checks could not start, so nothing is being checked. You can still write and "
            f"save. ({message})"
        )

    def _show_policy_problems(self) -> None:
        from html import escape

        html = (
            "<h3>What could not be loaded</h3><ul>"
            + "".join(f"<li>{escape(p)}</li>" for p in self.policy.problems)
            + "</ul><p>Ask whoever looks after your organisation's rules to fix these files.</p>"
        )
        from desktop_app.ui.window import dialogs

        self._keep(dialogs.TextDialog("Policy problems", html, self)).show()

    def _on_result(self, result: AnalysisResult, mapping=None) -> None:
        self._result = result
        self._mapping = mapping
        self._hidden.clear()
        if result.truncated:
            self.notice_banner.show_message(
                f"This draft is very long ({result.full_length:,} characters), so only the first "
                f"{MAX_CHECKED:,} are checked. A post is far shorter: trim it to check it all."
            )
        elif self.notice_banner.isVisible() and "very long" in self.notice_banner.label.text():
            self.notice_banner.hide()
        self._redraw(deferred=True)

    def rules_off(self) -> dict[str, str]:
        """Rules the writer switched off for every draft (Preferences), with reasons."""
        return dict(self.settings.get("ignored_rules") or {})

    def _sorted_findings(self) -> tuple[list[Finding], list[Finding]]:
        """(shown, ignored) for the drawn report, grammar merged in."""
        if self._result is None:
            return [], []
        from desktop_app.core.review import current_grammar

        report = self._result.report
        grammar = current_grammar(report.text, self._result.revision, *self._grammar)
        return self.review.sort([*report.findings, *grammar], self.rules_off())

    def grammar_findings(self) -> list[Finding]:
        """The grammar and spelling findings that belong with the report on screen."""
        if self._result is None:
            return []
        from desktop_app.core.review import current_grammar

        return current_grammar(self._result.report.text, self._result.revision, *self._grammar)

    def displayed_findings(self) -> list[Finding]:
        """Engine and grammar findings for the drawn report, minus anything ignored."""
        shown, _ignored = self._sorted_findings()
        return [f for f in shown if id(f) not in self._hidden]

    def ignored_findings(self) -> list[Finding]:
        """Findings in the drawn report that the writer ignored (here or by rule)."""
        return self._sorted_findings()[1]

    def current_report(self) -> Report | None:
        """The report on screen for the text as it is now (ignored findings left out,
        grammar merged), or None while the check is catching up. For the review export."""
        if self._result is None or self._result.revision != self.revision:
            return None
        from desktop_app.core.findings import Report, principle_statuses

        report = self._result.report
        findings = self.displayed_findings()
        return Report(
            text=report.text,
            revision=report.revision,
            findings=findings,
            principles=principle_statuses(findings, self.policy.titles()),
            readability=report.readability,
            platforms=list(report.platforms),
            grammar=report.grammar,
        )

    def _redraw(self, deferred: bool = False) -> None:
        if self._result is None:
            return
        result = self._result
        report, u16 = result.report, result.u16
        findings = self.displayed_findings()
        fits, here = self.publish.bar_fits(report.platforms)
        self.platform_bar.set_fits(fits, result.full_length if result.truncated else None, here=here)
        overflow = self.platform_bar.overflow_start()
        # Hard sentences and text past a limit are already tinted; a wavy line under a whole
        # sentence or a thousand characters would only add noise (and repaint it all). A
        # length card the tint does not cover (Threads' links too many) is underlined.
        spans = [
            (u16.to_utf16(f.start), u16.to_utf16(f.end), f)
            for f in findings
            if f.category not in TINTED or (f.category == "length" and f.start != overflow)
        ]
        tints = []
        if report.readability is not None:
            tints = [
                (u16.to_utf16(s.start), u16.to_utf16(s.end), s.level)
                for s in report.readability.sentence_scores
                if s.level in ("hard", "very-hard")
            ]
        overflow = u16.to_utf16(overflow) if overflow is not None else None
        mapping = self._mapping
        if mapping is not None:  # carry the positions through the keystrokes since the snapshot
            moved = [(mapping.span(s, e), f) for s, e, f in spans]
            spans = [(m[0], m[1], f) for m, f in moved if m is not None]
            gone = {id(f) for m, f in moved if m is None}
            findings = [f for f in findings if id(f) not in gone]
            tints = [(*m, level) for s, e, level in tints if (m := mapping.span(s, e)) is not None]
            overflow = mapping.point(overflow) if overflow is not None else None
        # Nobody reads a thousand underlines; drawing them would hold up the window.
        self.editor.set_marks(spans[:MAX_MARKS], tints[:MAX_MARKS], overflow)
        self._panel_findings = findings
        if deferred:
            # The editor first; the cards and panels on the next turn of the event loop, so
            # a keystroke arriving meanwhile is handled between the two halves.
            if not self._panels_pending:
                self._panels_pending = True
                next_turn(self, self._draw_panels)  # (never once the window is gone)
        else:
            self._draw_panels()

    def _draw_panels(self) -> None:
        self._panels_pending = False
        if self._result is None:
            return
        from desktop_app.core.findings import principle_statuses  # loaded by now: a result came

        report = self._result.report
        findings = self._panel_findings
        self._cards_awaited = False
        self.findings_list.set_findings(findings, has_text=bool(report.text.strip()))
        self.principles_panel.set_statuses(
            principle_statuses([f for f in findings if f.rule], self.policy.titles())
        )
        self.readability_panel.set_readability(report.readability)
        self.findings_list.ignored_list.set_items(self._ignored_in_this_draft())
        if self.findings_list.drawing:
            self._cards_awaited = True  # the report is drawn when its last card is (_cards_drawn)
            return
        self._report_drawn()

    def _cards_drawn(self) -> None:
        """The findings list made its last card of a draw spread over several turns."""
        if not self._cards_awaited:
            self.update_tab_order()  # e.g. a filter showed cards not made before
        elif not self._panels_pending and self._result is not None:
            self._cards_awaited = False
            self._report_drawn()
        else:
            self._cards_awaited = False  # a newer draw is queued: it says when it is drawn

    def _report_drawn(self) -> None:
        self.update_tab_order()
        self._on_cursor_moved()
        if self.drawn_revision != self._result.revision:
            self.drawn_revision = self._result.revision
            self.reportDrawn.emit(self._result.revision)
        self.controller.report_drawn()  # the engine's warm-up waits for the first findings drawn

    # ================================================================== grammar lane
    def merge_grammar_findings(self, revision: int, findings: list[Finding]) -> None:
        """Grammar findings for `revision`; dropped if the draft has moved on since."""
        if revision != self.controller.revision:
            return
        self._grammar = (revision, list(findings))
        self._redraw()

    def set_grammar_status(self, state: GrammarState) -> None:
        text, detail = status_words(state), status_detail(state)
        self.grammar_status.setText(text)
        self.grammar_status.setToolTip(detail)
        self.grammar_status.setAccessibleDescription(detail)

    def drop_spelling(self, word: str) -> None:
        """Take a word's spelling findings off screen at once (it was just added to the
        dictionary); the lane's next answer agrees."""
        rev, grammar = self._grammar
        folded = word.casefold()
        kept = [g for g in grammar if not (g.category == "spelling" and g.text.casefold() == folded)]
        if len(kept) != len(grammar):
            self._grammar = (rev, kept)
            self._redraw()

    # ================================================================== navigation
    def _on_cursor_moved(self) -> None:
        cursor = self.editor.textCursor()
        finding = self.editor.finding_at(cursor.position())
        if finding is not None:
            self.findings_list.select(finding)
        self.editor.set_current(None)

    def _show_finding(self, finding: Finding) -> None:
        span = self.editor.span_of(finding)
        if span is None and self._result is not None:
            # a tinted finding (a hard sentence, text past a limit): go to where it starts
            start = self._result.u16.to_utf16(finding.start)
            if self._mapping is not None:
                start = self._mapping.point(start)
            span = (start, start)
        if span is None:
            return
        self.editor.select_span(*span)
        self.findings_list.select(finding)

    def _step(self, forward: bool) -> None:
        """F8 / Shift+F8: must-fix findings first, then the rest, each in document order;
        from the selected card to the next (overlapping findings each get their turn)."""
        spans = [s for s in self.editor.finding_spans() if s[0] != s[1]]
        if not spans:
            self.statusBar().showMessage("No findings in this draft.", 3000)
            return
        spans.sort(key=lambda s: (s[2].severity.rank, s[0], s[1]))
        current = self.findings_list.selected_finding()
        at = next((i for i, s in enumerate(spans) if s[2] is current), None)
        if at is None:
            target = spans[0] if forward else spans[-1]
        else:
            target = spans[(at + (1 if forward else -1)) % len(spans)]
        self.editor.select_span(target[0], target[1])
        self.findings_list.select(target[2])
        self.editor.setFocus()

    def next_finding(self) -> None:
        self._step(forward=True)

    def previous_finding(self) -> None:
        self._step(forward=False)

    def set_filter(self, key: str | None) -> None:
        self.principles_panel.set_filter(key)
        self.findings_list.set_filter(key)

    def clear_filter(self) -> None:
        self.set_filter(None)

    # ================================================================== applying and ignoring
    def current_finding(self) -> Finding | None:
        """The selected card when its words are under the cursor (F8 may have picked a
        smaller finding inside a larger one), else the most serious one there."""
        position = self.editor.textCursor().position()
        selected = self.findings_list.selected_finding()
        span = self.editor.span_of(selected) if selected is not None else None
        if span is not None and span[0] <= position <= span[1]:
            return selected
        return self.editor.finding_at(position) or selected

    def apply_first_suggestion(self) -> None:
        finding = self.current_finding()
        if finding is None:
            self.statusBar().showMessage(
                "Put the cursor on an underlined word first (F8 finds the next).", 4000
            )
            return
        if finding.is_unfinished:
            self._select_field(finding)
            return
        from desktop_app.core.fixes import one_click

        suggestion = one_click(finding)
        if suggestion is None:
            if finding.suggestions:  # only words to add: the writer chooses them on the card
                self.statusBar().showMessage(
                    "This one adds words to your post: choose them on the card if they suit it.", 5000
                )
            else:
                self.statusBar().showMessage(
                    "There is no ready-made rewrite for this one: see the card.", 4000
                )
            return
        self.apply_suggestion(finding, suggestion)

    def apply_suggestion(self, finding: Finding, suggestion: Suggestion) -> bool:
        """Replace the words as one undo step. Uses the finding's live cursor, so it is
        right even if the text moved since the report. A rewrite with fill-in fields
        selects the first field; Tab moves to the next."""
        live = self.editor.cursor_of(finding)
        if live is None or self._result is None:
            return False
        if live.selectedText().replace("\u2029", "\n") != finding.text:
            self.statusBar().showMessage(
                "Those words have changed; the check will catch up in a moment.", 4000
            )
            return False
        u16 = self._result.u16
        base = u16.to_utf16(finding.start)
        start = live.selectionStart() + u16.to_utf16(suggestion.start) - base
        end = live.selectionStart() + u16.to_utf16(suggestion.end) - base
        self.fields.stop()
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        cursor.insertText(suggestion.replacement)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self._hidden.add(id(finding))
        self._note_fixed(finding)
        self.controller.request_now()
        old = quoted(self._result.report.text[suggestion.start : suggestion.end], 40)
        if suggestion.replacement.strip():
            done = f"Replaced {old} with {quoted(suggestion.replacement, 60)}."
        else:
            done = f"Removed {old}."
        self.statusBar().showMessage(f"{done} Ctrl+Z undoes it.", 5000)
        self.editor.setFocus()
        if suggestion.fields:
            spans = qt_spans(start, suggestion.replacement, suggestion.fields)
            self.fields.start(spans, start + qt_length(suggestion.replacement))
        return True

    def _select_field(self, finding: Finding) -> None:
        """Ctrl+. on an unfilled field: select it, and the fields after it in its paragraph."""
        span = self.editor.span_of(finding)
        if span is None:
            return
        later = [
            (s, e) for s, e, f in sorted(self.editor.finding_spans(), key=lambda x: x[0])
            if f.is_unfinished and s >= span[0]
            and "\u2029" not in self._qt_text(span[0], s)
        ]  # fmt: skip
        self.editor.setFocus()
        self.fields.start(later or [span], (later or [span])[-1][1])

    def _qt_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _tell_field(self, number: int, count: int) -> None:
        what = "this field" if count == 1 else f"field {number} of {count}"
        self.statusBar().showMessage(
            f"Type over {what} with your own words. Tab: next field · Esc: stop · Ctrl+Z: undo the rewrite.",
            8000,
        )

    def _stop_fields(self) -> bool:
        if not self.fields.active:
            return False
        self.fields.stop(move_to_end=True)
        return True

    def _fields_finished(self, left: int) -> None:
        if left:
            self.statusBar().showMessage(
                "Fields left in [brackets] still need your words before you post.", 6000
            )
        else:
            self.statusBar().showMessage("Rewrite finished. Tab moves on to the findings.", 4000)

    def _check_fields(self, *_change) -> None:
        # an undone rewrite takes its fields with it
        if self.fields.active and self.fields.undone():
            self.fields.stop()
            self.statusBar().showMessage("Rewrite undone: your words are back. Ctrl+Y does it again.", 5000)

    def _note_fixed(self, finding: Finding) -> None:
        if self.review.note_fixed(finding):
            self.reviewChanged.emit()

    def fixed_findings(self) -> list[dict]:
        """Findings fixed by an applied suggestion that the check no longer raises."""
        if self._result is None:
            return list(self.review.fixed)
        return self.review.still_fixed(self._result.report.findings)

    def _ask_reason(self, finding: Finding) -> str | None:
        from desktop_app.ui.window import dialogs

        dialog = dialogs.ReasonDialog(finding, self)
        if dialog.exec() != dialog.DialogCode.Accepted or not dialog.text():
            return None
        return dialog.text()

    def ignore_here(self, finding: Finding, reason: str | None = None) -> bool:
        """Hide this finding (these words, this rule) in this draft."""
        from desktop_app.core.review import HERE, ReasonRequired

        if finding.is_conduct and not reason:
            reason = self._ask_reason(finding)
        before = self.review.ignored_by(finding)
        try:
            item = self.review.ignore(finding, reason or "")
        except ReasonRequired:
            return False

        def undo() -> None:
            self.review.unignore(item.rule, item.words)
            if before is not None and before.scope == HERE:
                self.review.restore(before)

        self._record_decision(undo, lambda: self.review.restore(item))
        self.statusBar().showMessage(
            f"Ignoring {quoted(finding.text, 40)} in this draft. Ctrl+Z undoes it.", 4000
        )
        return True

    def ignore_rule(self, finding: Finding, confirmed: bool = False) -> bool:
        """Stop this rule for every draft; remembered in settings. Never a conduct rule: the
        conduct policy applies to every draft (ignore one finding here, with a reason)."""
        if finding.is_conduct:
            self.statusBar().showMessage(
                "The conduct policy applies to every draft, so its rules cannot be turned off. "
                "Use “Ignore here” with a reason if these words are right for this post.",
                8000,
            )
            return False
        if not confirmed:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                "Ignore this rule?",
                f"Stop checking for this in every draft?\n\n{finding.message}\n\n"
                "You can turn it back on in Preferences.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        ignored = self.rules_off()
        ignored[finding.rule] = ""
        self.settings.set("ignored_rules", ignored)
        self.save_settings()
        self._redraw()
        self.statusBar().showMessage("Rule turned off. Turn it back on in Preferences.", 5000)
        return True

    def show_again(self, finding: Finding) -> bool:
        """Take back "Ignore here" for these words (the list of ignored findings, Ctrl+Z)."""
        item = self.review.unignore(finding.rule, finding.text)
        if item is None:
            return False
        self._record_decision(
            lambda: self.review.restore(item), lambda: self.review.unignore(item.rule, item.words)
        )
        return True

    def _record_decision(self, undo, redo) -> None:
        """A decision was just applied: redraw, save, and make Ctrl+Z able to take it back."""
        steps = self.editor.document().availableUndoSteps()
        self.decisions.record(steps, lambda: self._after_decision(undo), lambda: self._after_decision(redo))
        self._redraw()
        self.reviewChanged.emit()
        self.actions_.undo.setEnabled(True)

    def _after_decision(self, change) -> None:
        change()
        self._redraw()
        self.reviewChanged.emit()

    def _undo_decision(self) -> bool:
        done = self.decisions.undo(self.editor.document().availableUndoSteps())
        if done:
            self.statusBar().showMessage("Undone. Ctrl+Y (or Ctrl+Shift+Z) does it again.", 4000)
        return done

    def _redo_decision(self) -> bool:
        return self.decisions.redo(self.editor.document().availableUndoSteps())

    def undo(self) -> None:
        """Edit > Undo: the last decision if it came after the last edit, else the text."""
        if not self._undo_decision():
            self.editor.undo()

    def redo(self) -> None:
        if not self._redo_decision():
            self.editor.redo()

    def _ignored_in_this_draft(self) -> list:
        """(finding, why) for this draft's own Ignore decisions that apply to the report."""
        from desktop_app.core.review import HERE

        out = []
        for finding in self.ignored_findings():
            why = self.review.ignored_by(finding)
            if why is not None and why.scope == HERE:
                out.append((finding, why))
        return out

    def show_draft(self, review: DraftReview, networks: list[str] | None, path: Path | None) -> None:
        """A draft was opened: its decisions, its networks (None: the usual ones from
        Preferences) and the file it was saved to, then check it at once."""
        self.review = review
        self.decisions.clear()  # Ctrl+Z never reaches into another draft
        self._grammar = (-1, [])
        usual = self.settings.get("networks") or []
        self.platform_bar.set_networks(list(networks if networks is not None else usual))
        self.publish.refresh()  # a tab for each of this draft's networks
        self.path = path
        self.update_title()
        self._redraw()
        self.check_now()

    def _ask_huge_paste(self, length: int) -> str | None:
        """A paste far longer than any post: paste its start (what is checked), all of it
        (slow to edit), or nothing. The clipboard keeps it whole either way."""
        from desktop_app.ui.window.long_text import ask_start_or_all

        return ask_start_or_all(
            self,
            "Paste a very long text?",
            f"This is {length:,} characters, far longer than any post (the longest network "
            f"limit is 63,206). Only the first {MAX_CHECKED:,} are ever checked, and a text "
            "this long makes every keystroke slow.",
            f"Paste the first {MAX_CHECKED:,}",
            "Paste it all",
        )

    def bring_forward(self, path: str = "") -> None:
        """Another start of the app asked for this window (and maybe a file to open)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if path:
            self.open_file(path)

    def check_now(self) -> None:
        """Check the text now instead of after the typing pause."""
        self.controller.request_now()

    # ================================================================== files
    def text(self) -> str:
        """The draft's main text (the editor may be showing one network's version)."""
        return self.main_document.toPlainText()

    def shown_text(self) -> str:
        """The text in the editor: the main text or the version on screen."""
        return self.editor.toPlainText()

    def snapshot_text(self) -> str:
        """The text the checks see: all of it, or the start of a huge paste."""
        snap = self._snapshot()
        return snap[0] if isinstance(snap, tuple) else snap

    @property
    def revision(self) -> int:
        return self.controller.revision

    # ================================================================== settings, help
    def save_settings(self) -> None:
        """Write settings on a worker thread (a snapshot, so later edits cannot race it)."""
        from copy import deepcopy

        snapshot = Settings(self.settings.path)
        snapshot.values = deepcopy(self.settings.values)

        failed = self.settingsSaveFailed  # emitted from the worker, delivered on the GUI thread

        def work():
            try:
                snapshot.save()
            except OSError as exc:  # WriteFailed's strerror is already a sentence for people
                failed.emit(exc.strerror or str(exc) or exc.__class__.__name__)

        run_in_pool(work, self._settings_pool)

    def _tell_settings_not_saved(self, why: str) -> None:
        # The values stay in memory and apply now; the next change writes them all again.
        why = why.rstrip(".")
        message = (
            f"Your preferences could not be saved. {why}. They still apply until you close the "
            "app, and the next change you make tries to save them again."
        )
        shown = self._settings_warning
        if shown is not None and shown.isVisible():  # one box however many writes fail
            shown.setText(message)
        else:
            self._settings_warning = self.warn("Preferences not saved", message)
        self.statusBar().showMessage(f"Preferences not saved: {why}", 10000)

    @property
    def _settings_pool(self) -> QThreadPool:
        pool = getattr(self, "_settings_pool_", None)
        if pool is None:
            pool = self._settings_pool_ = QThreadPool(self)
            pool.setMaxThreadCount(1)  # in order: the last write wins
        return pool

    def show_preferences(self) -> None:
        from desktop_app.ui.window.preferences import PreferencesDialog  # dialogs load when first used

        dialog = PreferencesDialog(self.settings.values, self)
        sections = [s for f in self.features if (s := f.preference_section()) is not None]
        for section in sections:
            dialog.extra_slot.addWidget(section)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        values = dialog.values()
        for section in sections:  # e.g. the grammar box: {"languagetool_url": ...}
            values.update(section.values() if hasattr(section, "values") else {})
        self.apply_preferences(values)

    def set_public_contact(self, contact: dict | None) -> None:
        """The organisation's public contact (Preferences, over the policy pack's
        contact.yml), which fixes for private details offer. Handed to the engine on its own
        thread, in order with the checks, then the text is checked again."""
        self._public_contact = dict(contact or {})
        analyzer = self.controller.analyzer
        if analyzer is not None and hasattr(analyzer, "set_contact"):
            wanted = self._public_contact
            self.controller.pool.start(lambda: analyzer.set_contact(wanted))
            self.controller.request_now()

    def apply_preferences(self, values: dict) -> None:
        for key, value in values.items():
            self.settings.set(key, value)
        self.editor.set_font_size(self.settings.get("font_size", 12))
        self._apply_theme()
        self.save_settings()
        self._redraw()
        for feature in self.features:
            feature.preferences_applied(dict(values))

    def show_principle(self, key: str) -> None:
        from desktop_app.ui.window import dialogs

        self._keep(dialogs.show_principle(self, key, self.policy))

    def show_help(self) -> None:
        from desktop_app.ui.window import dialogs

        self._keep(dialogs.show_help(self, self.policy))

    def show_about(self) -> None:
        from desktop_app.ui.window import dialogs

        dialogs.show_about(self)

    def _keep(self, dialog):
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        return dialog

    def warn(self, title: str, message: str) -> QMessageBox | None:
        """A problem the user must see: in the status bar, and in a box that blocks nothing."""
        self.statusBar().showMessage(message, 10000)
        if not self.isVisible():
            return None
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self._keep(box).open()
        return box

    def _card_html(self, f: Finding) -> str:
        """The hover card."""
        from desktop_app.ui.panels import hover_card  # first needed on the first hover

        return hover_card.card_html(f, self.colours, self._title)

    # ================================================================== closing
    def closeEvent(self, ev):
        if not all(feature.ready_to_close() for feature in self.features):
            ev.ignore()
            return
        self._closed = True
        self._after_paint_steps.clear()
        for feature in self.features:
            feature.shutdown()
        self.controller.shutdown()
        super().closeEvent(ev)
