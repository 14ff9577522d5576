"""The operator console: health of every feed, the moderation queue, the session.

Keyboard-fast: A approve, R reject, O put on air, D answered, Page Up/Down moves the
session step. Everything shown comes from model snapshots read on a timer; every
action is an event on the bus.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import (
    CameraStateChanged,
    Event,
    MalformedRecord,
    QuestionState,
    QuestionStateChanged,
    SessionStepChanged,
    SourceStateChanged,
)
from blueroom.core.questions import Question
from blueroom.core.room import RoomModel
from blueroom.store.journal import WriterStats
from blueroom.ui import theme
from blueroom.ui.widgets.sparkline import Sparkline
from blueroom.ui.widgets.text import single_line

QUEUE_COLUMNS = ("Received", "Author", "Followers", "Lang", "Support", "Question")
LOG_LINES = 400


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class QueueModel(QAbstractTableModel):
    """Pending questions for the table; rows are replaced per snapshot, never per post."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[Question, ...] = ()

    def set_rows(self, rows: tuple[Question, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def question(self, row: int) -> Question | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, tweet_id: str) -> int | None:
        for index, question in enumerate(self._rows):
            if question.tweet_id == tweet_id:
                return index
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QUEUE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QUEUE_COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        question = self.question(index.row())
        if question is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return time.strftime("%H:%M:%S", time.localtime(question.received_at))
            if column == 1:
                return single_line(question.handle or question.name)
            if column == 2:
                return f"{question.followers:,}"
            if column == 3:
                return question.lang
            if column == 4:
                return str(question.supporters) if question.supporters else ""
            return single_line(question.text)[:300]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            # Tooltips guess rich text: escape, so a post's markup is shown, not rendered.
            return f"<p style='white-space:pre-wrap'>{html.escape(question.text[:2000])}</p>"
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 2, 3):
            return theme.MUTED
        return None


class _Figure(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.value = _plain("0")
        self.value.setObjectName("figure")
        self.caption = _plain(caption.upper())
        self.caption.setObjectName("caption")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class OperatorConsole(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        model: RoomModel,
        actions: RoomActions,
        *,
        session_label: str,
        bus_stats: Callable[[], list[SubscriptionStats]],
        journal_stats: Callable[[], WriterStats],
        refresh_hz: float = 2.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blue Room — operator console")
        self.setStyleSheet(theme.CONSOLE_STYLE)
        self._model = model
        self._actions = actions
        self._bus_stats = bus_stats
        self._journal_stats = journal_stats
        self._started = time.monotonic()
        self._queue_version = -1
        self._metrics_version = -1
        self._session_version = -1

        root = QWidget()
        root.setObjectName("consoleRoot")
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(12)

        header = QHBoxLayout()
        title = _plain("BLUE ROOM")
        title.setObjectName("title")
        self.session_label = _plain(session_label)
        self.session_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.status = _plain("")
        self.status.setStyleSheet(f"color: {theme.MUTED.name()};")
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(self.session_label)
        header.addStretch(1)
        header.addWidget(self.status)
        outer.addLayout(header)

        figures = QHBoxLayout()
        self.posts = _Figure("posts")
        self.rate = _Figure("posts / s")
        self.per_minute = _Figure("per minute")
        self.questions = _Figure("questions")
        self.pending = _Figure("to moderate")
        self.located = _Figure("on the map")
        self.malformed = _Figure("malformed")
        self.shed = _Figure("shed")
        for figure in (
            self.posts,
            self.rate,
            self.per_minute,
            self.questions,
            self.pending,
            self.located,
            self.malformed,
            self.shed,
        ):
            figures.addWidget(figure)
        outer.addLayout(figures)

        body = QHBoxLayout()
        body.setSpacing(12)
        outer.addLayout(body, 1)

        queue_box = QVBoxLayout()
        queue_title = _plain("Moderation queue — A approve · R reject · O on air · D answered")
        queue_title.setObjectName("title")
        queue_box.addWidget(queue_title)
        self.queue_model = QueueModel()
        self.queue = QTableView()
        self.queue.setModel(self.queue_model)
        self.queue.setPalette(theme.table_palette(self.queue.palette()))
        self.queue.horizontalHeader().setPalette(theme.table_palette(self.queue.palette()))
        self.queue.setGridStyle(Qt.PenStyle.NoPen)
        self.queue.setShowGrid(False)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.verticalHeader().setVisible(False)
        # Fixed row heights: a reset of hundreds of rows must not measure every row.
        self.queue.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.queue.verticalHeader().setDefaultSectionSize(28)
        self.queue.setWordWrap(False)
        self.queue.setAlternatingRowColors(False)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in enumerate((80, 150, 80, 50, 70)):
            self.queue.setColumnWidth(column, width)
        queue_box.addWidget(self.queue, 1)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton("Approve  (A)")
        self.approve_button.setObjectName("approve")
        self.reject_button = QPushButton("Reject  (R)")
        self.reject_button.setObjectName("reject")
        self.on_air_button = QPushButton("Put on air  (O)")
        self.on_air_button.setObjectName("onair")
        self.answered_button = QPushButton("Answered  (D)")
        for button in (
            self.approve_button,
            self.reject_button,
            self.on_air_button,
            self.answered_button,
        ):
            buttons.addWidget(button)
        queue_box.addLayout(buttons)
        self.approved_list = QListWidget()
        self.approved_list.setMaximumHeight(150)
        approved_title = _plain("Approved — next on the wall")
        approved_title.setObjectName("title")
        queue_box.addWidget(approved_title)
        queue_box.addWidget(self.approved_list)
        body.addLayout(queue_box, 3)

        side = QVBoxLayout()
        side.setSpacing(10)
        rate_title = _plain("Ingest — posts per second, last two minutes")
        rate_title.setObjectName("title")
        side.addWidget(rate_title)
        self.rate_plot = Sparkline()
        self.rate_plot.setFixedHeight(120)
        side.addWidget(self.rate_plot)
        health_title = _plain("Feeds")
        health_title.setObjectName("title")
        side.addWidget(health_title)
        self.health = QGridLayout()
        side.addLayout(self.health)
        self._health_labels: dict[str, tuple[QLabel, QLabel]] = {}
        session_title = _plain("Session — Page Up / Page Down")
        session_title.setObjectName("title")
        side.addWidget(session_title)
        self.steps = QListWidget()
        self.steps.setMaximumHeight(170)
        side.addWidget(self.steps)
        step_buttons = QHBoxLayout()
        self.previous_button = QPushButton("◀  Previous step")
        self.next_button = QPushButton("Next step  ▶")
        step_buttons.addWidget(self.previous_button)
        step_buttons.addWidget(self.next_button)
        side.addLayout(step_buttons)
        log_title = _plain("Activity")
        log_title.setObjectName("title")
        side.addWidget(log_title)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(LOG_LINES)
        side.addWidget(self.log, 1)
        body.addLayout(side, 2)

        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.on_air_button.clicked.connect(self.on_air_selected)
        self.answered_button.clicked.connect(self.answered_current)
        self.previous_button.clicked.connect(lambda: self._actions.previous_step())
        self.next_button.clicked.connect(lambda: self._actions.next_step())
        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("A", self.approve_selected),
            ("R", self.reject_selected),
            ("O", self.on_air_selected),
            ("D", self.answered_current),
            ("PgDown", lambda: self._actions.next_step()),
            ("PgUp", lambda: self._actions.previous_step()),
        ]
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        self._timer = QTimer(self)
        self._timer.setInterval(int(1000 / refresh_hz))
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    # -- actions --------------------------------------------------------------------
    def selected_question(self) -> Question | None:
        """The question the operator picked; never an implicit one (rows move every refresh)."""
        rows = self.queue.selectionModel().selectedRows()
        if rows:
            return self.queue_model.question(rows[0].row())
        return None

    def _act_on_selected(self, act: Callable[[str], None]) -> None:
        question = self.selected_question()
        if question is None:
            return
        row = self.queue_model.row_of(question.tweet_id) or 0
        act(question.tweet_id)
        # Keep the operator's place: select the row that will slide into this one.
        next_question = self.queue_model.question(row + 1)
        self._keep_selected = next_question.tweet_id if next_question else None

    def approve_selected(self) -> None:
        self._act_on_selected(self._actions.approve)

    def reject_selected(self) -> None:
        self._act_on_selected(lambda tweet_id: self._actions.reject(tweet_id, reason="operator"))

    def on_air_selected(self) -> None:
        item = self.approved_list.currentItem()
        if item is not None and item.isSelected():
            self._actions.put_on_air(item.data(Qt.ItemDataRole.UserRole))
            self.approved_list.setCurrentItem(None)
            return
        self._act_on_selected(self._actions.put_on_air)

    def answered_current(self) -> None:
        on_air = self._model.questions.latest().on_air
        if on_air is not None:
            self._actions.mark_answered(on_air.tweet_id)

    # -- refresh --------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_metrics()
        self._refresh_queue()
        self._refresh_session()
        self._refresh_health()

    def _refresh_metrics(self) -> None:
        metrics = self._model.metrics.latest()
        board = self._model.questions.latest()
        self.posts.value.setText(f"{metrics.posts:,}")
        self.rate.value.setText(f"{metrics.rate_now:,.0f}")
        self.per_minute.value.setText(f"{metrics.rate_per_minute:,.0f}")
        self.questions.value.setText(f"{board.received:,}")
        self.pending.value.setText(f"{board.counts.get(QuestionState.PENDING, 0):,}")
        self.located.value.setText(f"{metrics.located:,}")
        self.malformed.value.setText(f"{metrics.malformed:,}")
        shed = sum(s.shed for s in self._bus_stats())
        self.shed.value.setText(f"{shed:,}")
        self.shed.value.setStyleSheet(f"color: {(theme.LIVE if shed else theme.TEXT).name()};")
        self.rate_plot.set_values(metrics.rate_history)
        elapsed = int(time.monotonic() - self._started)
        self.status.setText(
            f"up {elapsed // 3600:d}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}"
            f"   ·   {time.strftime('%H:%M:%S')}"
        )

    def _refresh_queue(self) -> None:
        board = self._model.questions.latest()
        if board.version == self._queue_version:
            return
        self._queue_version = board.version
        keep = getattr(self, "_keep_selected", None)
        selected = self.selected_question()
        keep_id = keep or (selected.tweet_id if selected else None)
        self._keep_selected = None
        self.queue_model.set_rows(board.pending)
        if keep_id is not None:
            row = self.queue_model.row_of(keep_id)
            if row is not None:
                self.queue.selectRow(row)
        current = self.approved_list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.approved_list.clear()
        entries = ([board.on_air] if board.on_air else []) + list(board.approved)
        for question in entries:
            prefix = "● ON AIR  " if board.on_air and question is board.on_air else ""
            self.approved_list.addItem(
                f"{prefix}{single_line(question.handle)} — {single_line(question.text)[:160]}"
            )
            item = self.approved_list.item(self.approved_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, question.tweet_id)
            if prefix:
                item.setForeground(theme.LIVE)
            if question.tweet_id == current_id:
                self.approved_list.setCurrentItem(item)

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

    def _health_row(self, key: str) -> tuple[QLabel, QLabel]:
        if key not in self._health_labels:
            row = len(self._health_labels)
            name, value = _plain(key), _plain("")
            name.setStyleSheet(f"color: {theme.MUTED.name()}; font-weight: 600;")
            value.setWordWrap(True)
            self.health.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.health.addWidget(value, row, 1)
            self._health_labels[key] = (name, value)
        return self._health_labels[key]

    def _refresh_health(self) -> None:
        metrics = self._model.metrics.latest()
        for source in metrics.sources:
            _, value = self._health_row(f"source · {source.name}")
            value.setText(f"{source.state.value} — {single_line(source.detail)}")
        _, camera = self._health_row("camera")
        state = metrics.camera.value if metrics.camera else "not started"
        camera.setText(f"{state} — {single_line(metrics.camera_detail)}")
        journal = self._journal_stats()
        _, journal_label = self._health_row("journal")
        if journal.healthy:
            journal_label.setText(
                f"ok — {journal.written:,} events written, last batch {journal.last_batch_ms:.1f} ms"
            )
            journal_label.setStyleSheet("")
        else:
            journal_label.setText(journal.error)
            journal_label.setStyleSheet(f"color: {theme.LIVE.name()};")
        for stats in self._bus_stats():
            _, label = self._health_row(f"bus · {stats.name}")
            label.setText(
                f"{stats.queued:,} queued, {stats.delivered:,} delivered, {stats.shed:,} shed"
                + (" — STALLED" if stats.stalled else "")
            )
            label.setStyleSheet(f"color: {theme.LIVE.name()};" if stats.shed else "")

    # -- activity log (fed by a BusPump, one call per frame) ---------------------------
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
                    lines.append(
                        f"{stamp}  {event.actor}: question {event.tweet_id} → {event.state.value}"
                    )
                case SessionStepChanged():
                    lines.append(f"{stamp}  {event.actor}: step {event.step + 1} ({event.step_id})")
                case _:
                    continue
        if lines:
            self.log.appendPlainText("\n".join(lines[-LOG_LINES:]))
