"""The operator console: the moderation queue, program and preview, feeds, the session.

Keyboard-fast (see ``KEYS_HELP``); Page Up/Down move the session step, as a
presenter's clicker does. Everything shown comes from model snapshots read on a timer
(the queue is a page the engine answers for the console's view, order and search);
every action is an event on the bus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import (
    CameraStateChanged,
    DecisionUndone,
    Event,
    HeatMapChanged,
    HeatMapReset,
    MalformedRecord,
    ModerationRulesChanged,
    QuestionArmed,
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    SessionStepChanged,
    SourceStateChanged,
)
from blueroom.core.moderation import ModerationRules
from blueroom.core.questions import BoardSnapshot, Question, QueueOrder, QueueQuery, QueueView
from blueroom.core.readers import ModelsReader
from blueroom.problems import Problem
from blueroom.sources.source import SourceStats
from blueroom.store.export import ExportResult
from blueroom.store.journal import WriterStats
from blueroom.ui import theme
from blueroom.ui.operator.figures import FigureStrip
from blueroom.ui.operator.health import HealthPanel
from blueroom.ui.operator.heat_controls import HeatMapControls
from blueroom.ui.operator.program import ProgramPanel
from blueroom.ui.operator.queue_list import QueueList
from blueroom.ui.operator.rules_dialog import RulesDialog, rules_summary
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.walls.heatmap_wall import located_breakdown
from blueroom.ui.widgets.sparkline import Sparkline
from blueroom.ui.widgets.text import displayable, single_line

FIGURES = (
    "posts",
    "posts / s",
    "per minute",
    "questions",
    "to moderate",
    "flagged",
    "on the map",
    "malformed",
    "shed",
)
LOG_LINES = 400
QUEUE_ROWS = 400
VIEW_LABELS = {
    QueueView.PENDING: "Pending",
    QueueView.FLAGGED: "Flagged",
    QueueView.APPROVED: "Approved",
    QueueView.STARRED: "Starred",
    QueueView.STASHED: "Stashed",
    QueueView.ANSWERED: "Answered",
    QueueView.TRASH: "Trash",
    QueueView.ALL: "All",
}
# Views whose counts only a decision changes (not a new post): shown without delay.
DECIDED_VIEWS = (QueueView.APPROVED, QueueView.STARRED, QueueView.STASHED, QueueView.ANSWERED)
ORDER_LABELS = {
    QueueOrder.NEWEST: "Newest first",
    QueueOrder.SUPPORT: "Most supported",
    QueueOrder.STARRED: "Starred first",
}
KEYS_HELP = (
    "A approve · R reject · S star · H stash · Q back to queue · P preview · T take on air"
    " · O on air now · D answered · Ctrl+Z undo · 1–8 views · / search"
)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _show(label: QLabel, text: str, style: str | None = None) -> None:
    """Set a label's text (and style) only when they change: each change costs the
    console a style and layout pass on the GUI thread."""
    if label.text() != text:
        label.setText(text)
    if style is not None and label.styleSheet() != style:
        label.setStyleSheet(style)


def _title(text: str) -> QLabel:
    label = _plain(text)
    label.setObjectName("title")
    return label


class OperatorConsole(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        model: ModelsReader,
        actions: RoomActions,
        *,
        session_label: str,
        bus_stats: Callable[[], list[SubscriptionStats]],
        journal_stats: Callable[[], WriterStats],
        sources: Callable[[], list[SourceStats]] = list,
        problems: Callable[[], list[Problem]] = list,
        dropped_events: Callable[[], int] = lambda: 0,
        export_csv: Callable[[Path], object] | None = None,
        last_export: Callable[[], ExportResult | None] | None = None,
        export_folder: Path | None = None,
        save_rules: Callable[[ModerationRules], str] | None = None,
        refresh_hz: float = 4.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blue Room — operator console")
        self.setStyleSheet(theme.CONSOLE_STYLE)
        self._model = model
        self._actions = actions
        self._bus_stats = bus_stats
        self._journal_stats = journal_stats
        self._sources = sources
        self._problems = problems
        self._problems_shown: list[Problem] = []
        self._dropped_events = dropped_events
        self._dropped_shown = 0
        self._export_csv = export_csv
        self._last_export = last_export
        self._export_folder = export_folder or Path.cwd()
        self._save_rules = save_rules
        self._shown_export: ExportResult | None = None
        self._started = time.monotonic()
        self._board_version = -1
        self._page_key: tuple[object, ...] = ()
        self._shown_query: QueueQuery | None = None
        self._tab_counts: dict[QueueView, int] = {}
        self._tabs_board: BoardSnapshot | None = None  # counts not shown on the tabs yet
        self._session_version = -1
        self._ticks = 0
        self._view = QueueView.PENDING
        self._order = QueueOrder.NEWEST
        self._active: QueueList | None = None  # the list the operator last picked in

        root = QWidget()
        root.setObjectName("consoleRoot")
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        header = QHBoxLayout()
        header.addWidget(_title("BLUE ROOM"))
        header.addSpacing(12)
        self.session_label = _plain(session_label)
        self.session_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        header.addWidget(self.session_label)
        header.addStretch(1)
        self.status = _plain("")
        self.status.setStyleSheet(f"color: {theme.MUTED.name()};")
        # A fixed size: the clock ticking never asks the console to lay out again.
        clock = QFontMetrics(theme.font(14))
        self.status.setFixedSize(
            clock.horizontalAdvance("up 000:00:00   ·   00:00:00") + 8, clock.height() + 6
        )
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.status)
        outer.addLayout(header)

        self.figures = FigureStrip(FIGURES)
        outer.addWidget(self.figures)

        body = QHBoxLayout()
        body.setSpacing(14)
        outer.addLayout(body, 1)
        body.addLayout(self._build_queue(), 6)
        body.addLayout(self._build_program(), 3)
        body.addLayout(self._build_side(), 3)

        self._install_shortcuts()
        self._frames_timer = FrameTimer(self, refresh_hz, self.refresh)
        self.refresh()

    # -- building -------------------------------------------------------------------
    def _build_queue(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(_title("Moderation"))
        top.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search text or @author  ( / )")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda _: self._query_changed())
        self.search.returnPressed.connect(lambda: self.queue.setFocus())
        self.order = QComboBox()
        for order, label in ORDER_LABELS.items():
            self.order.addItem(label, order.value)
        self.order.currentIndexChanged.connect(self._order_changed)
        top.addWidget(self.search)
        top.addWidget(self.order)
        box.addLayout(top)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for view in QueueView:
            self.tabs.addTab(VIEW_LABELS[view])
        self.tabs.currentChanged.connect(self._view_changed)
        box.addWidget(self.tabs)
        self.queue = QueueList()
        self.queue.selection_changed.connect(lambda q: self._picked(self.queue, q))
        box.addWidget(self.queue, 1)
        self.queue_total = _plain("")
        self.queue_total.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        box.addWidget(self.queue_total)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFixedHeight(96)
        self.detail.setPlaceholderText("The selected question, in full")
        box.addWidget(self.detail)
        rows = [
            [
                ("Approve  A", "approve", self.approve_selected),
                ("Reject  R", "reject", self.reject_selected),
                ("Star  S", "", self.star_selected),
                ("Stash  H", "", self.stash_selected),
                ("Back to queue  Q", "", self.requeue_selected),
            ],
            [
                ("Preview  P", "preview", self.arm_selected),
                ("Take  T", "onair", self.take),
                ("On air now  O", "onair", self.on_air_selected),
                ("Answered  D", "", self.answered_current),
                ("Undo  Ctrl+Z", "", self.undo),
            ],
        ]
        self.buttons: dict[str, QPushButton] = {}
        for row in rows:
            line = QHBoxLayout()
            for label, name, slot in row:
                button = QPushButton(label)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                if name:
                    button.setObjectName(name)
                button.clicked.connect(slot)
                line.addWidget(button)
                self.buttons[label.split("  ")[0].lower()] = button
            box.addLayout(line)
        help_line = _plain(KEYS_HELP)
        help_line.setWordWrap(True)
        help_line.setStyleSheet(f"color: {theme.DIM.name()}; font-size: 12px;")
        box.addWidget(help_line)
        return box

    def _build_program(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(8)
        box.addWidget(_title("Program"))
        self.program = ProgramPanel()
        box.addWidget(self.program)
        box.addWidget(_title("Approved — next on the wall"))
        self.approved = QueueList(show_state=True)
        self.approved.empty_text = "No approved question yet"
        self.approved.selection_changed.connect(lambda q: self._picked(self.approved, q))
        box.addWidget(self.approved, 1)
        tools = QHBoxLayout()
        self.rules_button = QPushButton("Moderation rules…")
        self.rules_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rules_button.clicked.connect(self.edit_rules)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button.clicked.connect(self._choose_export)
        self.export_button.setEnabled(self._export_csv is not None)
        tools.addWidget(self.rules_button)
        tools.addWidget(self.export_button)
        box.addLayout(tools)
        self.rules_summary = _plain("")
        self.rules_summary.setWordWrap(True)
        self.rules_summary.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        box.addWidget(self.rules_summary)
        return box

    def _build_side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(_title("Ingest — posts per second"))
        self.rate_plot = Sparkline()
        self.rate_plot.setFixedHeight(100)
        side.addWidget(self.rate_plot)
        side.addWidget(_title("Feeds"))
        self.health = HealthPanel()
        side.addWidget(self.health)
        side.addWidget(_title("Session — Page Up / Page Down"))
        self.steps = QListWidget()
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setMaximumHeight(150)
        side.addWidget(self.steps)
        step_buttons = QHBoxLayout()
        self.previous_button = QPushButton("◀  Previous step")
        self.next_button = QPushButton("Next step  ▶")
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            step_buttons.addWidget(button)
        self.previous_button.clicked.connect(lambda: self._actions.previous_step())
        self.next_button.clicked.connect(lambda: self._actions.next_step())
        side.addLayout(step_buttons)
        side.addWidget(_title("Heat-map wall"))
        self.heat_controls = HeatMapControls(self._actions)
        self.heat_controls.message.connect(self._say)
        side.addWidget(self.heat_controls)
        side.addWidget(_title("Activity"))
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.log.setMaximumBlockCount(LOG_LINES)
        side.addWidget(self.log, 1)
        return side

    def _install_shortcuts(self) -> None:
        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("A", self.approve_selected),
            ("R", self.reject_selected),
            ("S", self.star_selected),
            ("H", self.stash_selected),
            ("Q", self.requeue_selected),
            ("P", self.arm_selected),
            ("T", self.take),
            ("O", self.on_air_selected),
            ("D", self.answered_current),
            ("Ctrl+Z", self.undo),
            ("/", self._focus_search),
            ("Ctrl+F", self._focus_search),
            ("PgDown", lambda: self._actions.next_step()),
            ("PgUp", lambda: self._actions.previous_step()),
        ]
        for index in range(len(QueueView)):
            shortcuts.append((str(index + 1), lambda i=index: self.tabs.setCurrentIndex(i)))
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    # -- the query --------------------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return QueueQuery(
            view=self._view, order=self._order, search=self.search.text(), limit=QUEUE_ROWS
        )

    def _view_changed(self, index: int) -> None:
        self._view = list(QueueView)[index]
        self.queue.empty_text = (
            "No question waiting — new ones appear here"
            if self._view is QueueView.PENDING
            else f"Nothing in {VIEW_LABELS[self._view].lower()}"
        )
        self._query_changed()

    def _order_changed(self, index: int) -> None:
        self._order = QueueOrder(self.order.itemData(index))
        self._query_changed()

    def _query_changed(self) -> None:
        self._page_key = ()
        self._refresh_queue()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- actions --------------------------------------------------------------------
    def _picked(self, source: QueueList, question: Question | None) -> None:
        if question is not None:
            self._active = source
            other = self.approved if source is self.queue else self.queue
            other.select(None)
        self._show_detail(question)

    def selected_question(self) -> Question | None:
        """The question the operator picked; never an implicit one (rows move every refresh)."""
        for candidate in (self._active, self.queue, self.approved):
            if candidate is not None:
                question = candidate.selected()
                if question is not None:
                    return question
        return None

    def _act(self, act: Callable[[str], None], *, leaves: bool = True) -> None:
        question = self.selected_question()
        if question is None:
            self._say("Select a question first (click it, or use ↑ ↓)")
            return
        source = self._active or self.queue
        successor = source.next_after(question.tweet_id) if leaves else question.tweet_id
        act(question.tweet_id)
        # Keep the operator's place: the next question slides into this one's place.
        source.select(successor)

    def approve_selected(self) -> None:
        self._act(self._actions.approve, leaves=self._view is not QueueView.ALL)

    def reject_selected(self) -> None:
        self._act(lambda tweet_id: self._actions.reject(tweet_id, reason="rejected by operator"))

    def stash_selected(self) -> None:
        self._act(self._actions.stash)

    def requeue_selected(self) -> None:
        self._act(self._actions.requeue)

    def star_selected(self) -> None:
        question = self.selected_question()
        if question is None:
            self._say("Select a question to star")
            return
        self._actions.star(question.tweet_id, not question.starred)

    def arm_selected(self) -> None:
        question = self.selected_question()
        if question is None:
            self._say("Select a question to preview")
            return
        if question.state is QuestionState.REJECTED:
            self._say("A question in the trash cannot go on air: put it back first (Q)")
            return
        self._actions.arm(question.tweet_id)

    def take(self) -> None:
        armed = self._model.questions.latest().armed
        if armed is None:
            self._say("Nothing in preview: select a question and press P")
            return
        self._actions.take(armed.tweet_id)

    def on_air_selected(self) -> None:
        question = self.selected_question()
        if question is None:
            self._say("Select a question to put on air")
            return
        if question.state is QuestionState.REJECTED:
            self._say("A question in the trash cannot go on air: put it back first (Q)")
            return
        self._act(self._actions.put_on_air, leaves=False)

    def answered_current(self) -> None:
        on_air = self._model.questions.latest().on_air
        if on_air is not None:
            self._actions.mark_answered(on_air.tweet_id)

    def undo(self) -> None:
        self._actions.undo()

    def edit_rules(self) -> None:
        dialog = RulesDialog(self._model.questions.latest().rules, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_rules is not None:
            self._actions.set_rules(dialog.result_rules)
            saved = self._save_rules(dialog.result_rules) if self._save_rules else ""
            self._say(f"Moderation rules changed: they apply to new posts. {saved}".strip())

    def _choose_export(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M")
        suggested = str(self._export_folder / f"blueroom-questions-{stamp}.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export questions", suggested, "CSV (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self._export_csv is not None:
            self._export_csv(path)
            self._say(f"Exporting questions to {path}…")

    def say(self, message: str) -> None:
        self._say(message)

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- refresh --------------------------------------------------------------------
    def refresh(self) -> None:
        """The queue and the figures at every tick; the slower panels once a second (each
        label change costs a layout pass of the console on the GUI thread), the per-second
        rate plot once a second too."""
        self._ticks += 1
        self._refresh_metrics()
        self._refresh_queue()
        self._refresh_tabs()
        self._refresh_session()
        self._refresh_export()
        self._refresh_problems()
        # Each on its own tick, so that no tick paints much of the console at once.
        if self._ticks % 4 == 1:
            heat = self._model.heat.latest()
            self.heat_controls.show_snapshot(heat, located_breakdown(heat) if heat.posts else "")
            self._refresh_health()
        elif self._ticks % 4 == 3:
            self.rate_plot.set_values(self._model.metrics.latest().rate_history)

    def _refresh_metrics(self) -> None:
        metrics = self._model.metrics.latest()
        board = self._model.questions.latest()
        shed = sum(s.shed for s in self._bus_stats())
        self.figures.set_values(
            {
                "posts": f"{metrics.posts:,}",
                "posts / s": f"{metrics.rate_now:,.0f}",
                "per minute": f"{metrics.rate_per_minute:,.0f}",
                "questions": f"{board.received:,}",
                "to moderate": f"{board.count(QueueView.PENDING):,}",
                "flagged": f"{board.count(QueueView.FLAGGED):,}",
                "on the map": f"{self._model.heat.latest().located:,}",
                "malformed": f"{metrics.malformed:,}",
                "shed": f"{shed:,}",
            },
            alerts=("shed",) if shed else (),
        )
        elapsed = int(time.monotonic() - self._started)
        _show(
            self.status,
            f"up {elapsed // 3600:d}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}"
            f"   ·   {time.strftime('%H:%M:%S')}",
        )

    def _refresh_queue(self) -> None:
        board = self._model.questions.latest()
        if board.version != self._board_version:
            self._board_version = board.version
            self._tabs_board = board
            self.program.set_questions(board.on_air, board.armed)
            rows = ((board.on_air,) if board.on_air else ()) + board.approved
            # A question taken, approved or answered shows at once; new support counts
            # on the same questions wait for their rows to be painted.
            moved = [q.tweet_id for q in rows] != [q.tweet_id for q in self.approved.rows]
            self.approved.set_rows(rows, at_once=moved)
            summary = rules_summary(board.rules)
            if self.rules_summary.text() != summary:
                self.rules_summary.setText(summary)
        query = self.query
        page = self._model.questions.page(query)
        key = (page.query, page.version)
        if key == self._page_key:
            return
        self._page_key = key
        if page.query != query:
            return  # the engine has not answered this query yet
        # A view, search or order the operator just chose shows at once; new posts
        # arriving in the same view may take a few frames to paint (see QueueList).
        chosen = self._shown_query is not None and page.query != self._shown_query
        self.queue.set_rows(page.rows, at_once=chosen)
        self._shown_query = page.query
        shown = len(page.rows)
        self.queue_total.setText(
            f"{page.total:,} question{'s' if page.total != 1 else ''}"
            + (f" — showing the first {shown:,}" if shown < page.total else "")
        )
        self._show_detail(self.selected_question())

    def _refresh_tabs(self) -> None:
        """Counts on the view tabs: at once when a decision moved a card, else once a
        second on a tick of their own (new posts change them constantly, and each new
        text lays the tabs out: not on the tick that refreshes the feeds)."""
        board = self._tabs_board
        if board is None:
            return
        counts = {view: board.count(view) for view in QueueView}
        shown = self._tab_counts
        decided = any(counts[view] != shown.get(view) for view in DECIDED_VIEWS)
        if counts != shown and not decided and self._ticks % 4 != 2:
            return  # kept for the tabs' tick
        self._tabs_board = None
        if counts == shown:
            return
        self._tab_counts = counts
        for index, view in enumerate(QueueView):
            label = f"{VIEW_LABELS[view]}  {counts[view]:,}"
            if self.tabs.tabText(index) != label:
                self.tabs.setTabText(index, label)

    def _show_detail(self, question: Question | None) -> None:
        if question is None:
            self.detail.setPlainText("")
            return
        text = displayable(question.text)
        if self.detail.toPlainText() != text:
            self.detail.setPlainText(text)

    def _refresh_export(self) -> None:
        result = self._last_export() if self._last_export is not None else None
        if result is None or result is self._shown_export:
            return
        self._shown_export = result
        if result.error:
            self._say(f"Export failed: {result.error}")
        else:
            self._say(f"Exported {result.rows:,} posts to {result.path}")

    def _refresh_session(self) -> None:
        snapshot = self._model.session.latest()
        if snapshot.version == self._session_version and self.steps.count():
            return
        self._session_version = snapshot.version
        self.steps.clear()
        for index, step in enumerate(snapshot.steps):
            marker = "▶ " if index == snapshot.current else "   "
            self.steps.addItem(f"{marker}{index + 1}. {step.title}  ({step.minutes} min)")
            if index == snapshot.current:
                self.steps.item(index).setForeground(theme.ACCENT_SOFT)

    def _refresh_problems(self) -> None:
        """A new failure in the engine or a worker: said at once, and kept in the feeds."""
        problems = self._problems()
        if problems == self._problems_shown:
            return
        known = {p.where: p.count for p in self._problems_shown}
        self._problems_shown = list(problems)
        for problem in problems:
            self.health.set_row(
                problem.where, f"{problem.count:,}× — {single_line(problem.summary)}", alert=True
            )
            if problem.count != known.get(problem.where):
                self._say(f"⚠ {problem.where}: {single_line(problem.summary)}")

    def _refresh_health(self) -> None:
        metrics = self._model.metrics.latest()
        health = self.health
        positions = {stats.name: stats for stats in self._sources()}
        for source in metrics.sources:
            stats = positions.get(source.name)
            where = (
                f" — {stats.position}, {stats.posts:,} posts" if stats and stats.position else ""
            )
            health.set_row(
                f"source · {source.name}",
                f"{source.state.value} — {single_line(source.detail)}{where}",
                alert=source.state.value == "failed",
            )
        state = metrics.camera.value if metrics.camera else "not started"
        health.set_row("camera", f"{state} — {single_line(metrics.camera_detail)}")
        journal = self._journal_stats()
        if journal.healthy:
            written = f"ok — {journal.written:,} events written, last batch {journal.last_batch_ms:.1f} ms"
            health.set_row("journal", written)
        else:
            health.set_row("journal", single_line(journal.error), alert=True)
        for stats in self._bus_stats():
            health.set_row(
                f"bus · {stats.name}",
                f"{stats.queued:,} queued, {stats.delivered:,} delivered, {stats.shed:,} shed"
                + (" — STALLED" if stats.stalled else ""),
                alert=stats.shed > 0,
                wrap=False,
            )

    # -- activity log (fed by the EventPump, one call per frame) -------------------------
    def on_events(self, events: list[Event]) -> None:
        lines: list[str] = []
        for event in events:
            stamp = time.strftime("%H:%M:%S", time.localtime(event.at))
            match event:
                case MalformedRecord():
                    kept = "post kept" if not event.dropped else "dropped"
                    lines.append(
                        f"{stamp}  ⚠ line {event.line}: {single_line(event.reason)[:200]} ({kept})"
                    )
                case SourceStateChanged():
                    lines.append(f"{stamp}  {event.source}: {event.state.value} — {event.detail}")
                case CameraStateChanged():
                    lines.append(f"{stamp}  camera: {event.state.value} — {event.detail}")
                case QuestionStateChanged():
                    why = f" ({single_line(event.reason)[:120]})" if event.reason else ""
                    lines.append(
                        f"{stamp}  {event.actor}: question {event.tweet_id}"
                        f" → {event.state.value}{why}"
                    )
                case QuestionStarred():
                    mark = "starred" if event.starred else "unstarred"
                    lines.append(f"{stamp}  {event.actor}: question {event.tweet_id} {mark}")
                case QuestionArmed():
                    target = event.tweet_id or "nothing"
                    lines.append(f"{stamp}  {event.actor}: preview → {target}")
                case DecisionUndone():
                    lines.append(f"{stamp}  {event.actor}: undo")
                case ModerationRulesChanged():
                    lines.append(f"{stamp}  {event.actor}: moderation rules changed")
                case HeatMapChanged():
                    lines.append(
                        f"{stamp}  {event.actor}: heat map {event.preset}, {event.mode},"
                        f" half-life {event.half_life / 60:g} min"
                    )
                case HeatMapReset():
                    lines.append(f"{stamp}  {event.actor}: heat map reset")
                case SessionStepChanged():
                    lines.append(f"{stamp}  {event.actor}: step {event.step + 1} ({event.step_id})")
                case _:
                    continue
        dropped = self._dropped_events()
        if dropped != self._dropped_shown:
            lines.append(
                f"{time.strftime('%H:%M:%S')}  … {dropped - self._dropped_shown:,} more events"
                " came too fast to list here (the journal and the CSV export have them all)"
            )
            self._dropped_shown = dropped
        if lines:
            self.log.appendPlainText("\n".join(lines[-LOG_LINES:]))
