"""The operator console: a frame around the panels that show the room to its operator.

The header (session, clock) and the figure strip sit above three columns: the moderation
queue; the running order (program and preview, the approved list, rules and export);
the feeds, the session steps, the heat-map wall's controls and the activity log. Each
panel lives in its own file, reads what it shows and acts through ``RoomActions``; the
console lays them out, owns the keyboard (see ``keys_help``; Page Up/Down move the
session step, as a presenter's clicker does), the status bar, and the refresh tick that
asks each panel to refresh, staggered so that no tick paints much of the console.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.capture.handoff import PhotoHandoff
from blueroom.core.actions import RoomActions
from blueroom.core.broadcast_stats import FrameMeter, Level
from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import PostKind
from blueroom.core.moderation import ModerationRules
from blueroom.core.plan import Plan
from blueroom.core.questions import QueueView
from blueroom.core.readers import ModelsReader
from blueroom.paths import assets
from blueroom.problems import Problem
from blueroom.sources.source import SourceStats
from blueroom.store.export import ExportResult
from blueroom.store.journal import WriterStats
from blueroom.ui import theme
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import duration, number, translate
from blueroom.ui.operator.activity_log import ActivityLog
from blueroom.ui.operator.broadcast import BroadcastPanel
from blueroom.ui.operator.composer import BANNER_STYLE, Warnings, no_warnings
from blueroom.ui.operator.feeds import Feeds
from blueroom.ui.operator.figures import FigureStrip
from blueroom.ui.operator.gallery import ClipMaker, GalleryPanel, KeptPhotos
from blueroom.ui.operator.guest_cues import GuestCuesRow, HelpAlert
from blueroom.ui.operator.heat_controls import HeatMapControls
from blueroom.ui.operator.keys_sheet import KeysSheet
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.moderation_queue import ModerationQueue
from blueroom.ui.operator.monitors import Monitors
from blueroom.ui.operator.outbox import OutboxPanel
from blueroom.ui.operator.planning import PlanningDialog
from blueroom.ui.operator.programme_panel import ProgrammePanel, RecordingSource, StreamSource
from blueroom.ui.operator.room_switches import RoomSwitchesRow
from blueroom.ui.operator.run_of_show import RunOfShowPanel
from blueroom.ui.operator.running_order import RunningOrder
from blueroom.ui.operator.selection import QuestionSelection
from blueroom.ui.pacing import FrameTimer, MeteredWindow

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


def figure_caption(figure: str) -> str:
    """A figure's caption under its number (``FIGURES`` name the figures)."""
    match figure:
        case "posts":
            return translate("OperatorConsole", "posts")
        case "posts / s":
            return translate("OperatorConsole", "posts / s")
        case "per minute":
            return translate("OperatorConsole", "per minute")
        case "questions":
            return translate("OperatorConsole", "questions")
        case "to moderate":
            return translate("OperatorConsole", "to moderate")
        case "flagged":
            return translate("OperatorConsole", "flagged")
        case "on the map":
            return translate("OperatorConsole", "on the map")
        case "malformed":
            return translate("OperatorConsole", "malformed")
        case "shed":
            return translate("OperatorConsole", "shed")
        case _:
            return figure


def shipped_scripts() -> dict[str, Path]:
    """The session scripts that ship, by id (their file's name)."""
    return {path.stem: path for path in sorted(assets().scripts.glob("*.toml"))}


def _clock(up: str, now: str) -> str:
    """The header's clock: how long the console has been up ("1:02:03"), and the time."""
    return translate("OperatorConsole", "up {elapsed}   ·   {time}").format(elapsed=up, time=now)


def _show(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes: each change costs the console a style and
    layout pass on the GUI thread."""
    if label.text() != text:
        label.setText(text)


def _show_text(button: QPushButton, text: str) -> None:
    if button.text() != text:
        button.setText(text)


class OperatorConsole(MeteredWindow, QMainWindow):
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
        reject_reasons: Sequence[str] = (),
        hashtag: str = "#AskBlueRoom",
        photos_folder: Path | None = None,
        post_warnings: Warnings = no_warnings,
        handoff: PhotoHandoff | None = None,
        kept_photos: KeptPhotos | None = None,  # photos the disk refused (the still capture)
        scripts: Mapping[str, Path] | None = None,  # the planning's scripts (None: shipped)
        clips: ClipMaker | None = None,  # the booth's boomerangs (how they go)
        recording: RecordingSource | None = None,  # the programme's recorder (None: no camera)
        stream: StreamSource | None = None,  # the programme's stream (None: no camera)
        refresh_hz: float = 4.0,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self.setWindowTitle(translate("OperatorConsole", "Blue Room — operator console"))
        self.setStyleSheet(theme.CONSOLE_STYLE)
        self._model = model
        self._actions = actions
        self._bus_stats = bus_stats
        self._started = self._clock.monotonic()
        self._ticks = 0

        root = QWidget()
        root.setObjectName("consoleRoot")
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        header = QHBoxLayout()
        header.addWidget(title_label(translate("OperatorConsole", "BLUE ROOM")))
        header.addSpacing(12)
        self.session_label = plain_label(session_label)
        self.session_label.setStyleSheet(f"color: {theme.MUTED.name()};")
        header.addWidget(self.session_label)
        header.addSpacing(16)
        # the team's cues to the guest: a menu and the last cue's state (no height taken)
        self.guest_cues = GuestCuesRow(model.cues, actions, self.say)
        header.addWidget(self.guest_cues, 1)
        self.rehearsal_banner = plain_label(
            translate("OperatorConsole", "REHEARSAL — nothing is posted")
        )
        self.rehearsal_banner.setObjectName("rehearsalBanner")
        self.rehearsal_banner.setStyleSheet(BANNER_STYLE)
        self.rehearsal_banner.setVisible(model.outbox.latest().posting.rehearsal)
        header.addWidget(self.rehearsal_banner)
        header.addSpacing(12)
        # the guest's call for help: red, in the header, until a staff member answers it
        self.help_alert = HelpAlert(model.cues, actions, self.say)
        header.addWidget(self.help_alert)
        header.addSpacing(12)
        # the questions wall, the Q&A, the booth, the badge: what the segments' cues turn,
        # beside the panic key (all of them say what the room shows)
        self.switches = RoomSwitchesRow(model.session, actions, clock=self._clock, say=self.say)
        header.addWidget(self.switches)
        header.addSpacing(8)
        self.hold_button = QPushButton(translate("OperatorConsole", "Hold the walls  F12"))
        self.hold_button.setObjectName("hold")
        self.hold_button.setCheckable(True)
        self.hold_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hold_button.setToolTip(
            translate(
                "OperatorConsole",
                "Every wall and the guest panel on a calm holding slate at once, and back"
                " (F12, from any window)",
            )
        )
        self.hold_button.clicked.connect(self.hold)  # checked: the state clicked to
        header.addWidget(self.hold_button)
        header.addSpacing(12)
        self.status = plain_label("")
        self.status.setStyleSheet(f"color: {theme.MUTED.name()};")
        # A fixed size: the clock ticking never asks the console to lay out again.
        metrics = QFontMetrics(theme.font(14))
        self.status.setFixedSize(
            metrics.horizontalAdvance(_clock("000:00:00", "00:00:00")) + 8, metrics.height() + 6
        )
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.status)
        outer.addLayout(header)

        self.figures = FigureStrip(FIGURES, {name: figure_caption(name) for name in FIGURES})
        outer.addWidget(self.figures)

        self.selection = QuestionSelection(self)  # the queue's list first: asked first
        self.moderation = ModerationQueue(
            model.questions,
            actions,
            self.selection,
            self.say,
            reject_reasons=reject_reasons,
            clock=self._clock,
        )
        self.keys_sheet: KeysSheet | None = None
        self._named_rows: tuple[object, ...] = ()
        self._hold_asked = (False, -10.0)  # (held, when): the engine answers a moment later
        self._focused_once = False
        self.running_order = RunningOrder(
            model.questions,
            actions,
            self.selection,
            self.say,
            export_csv=export_csv,
            last_export=last_export,
            export_folder=export_folder,
            save_rules=save_rules,
            clock=self._clock,
        )
        self.feeds = Feeds(
            model.metrics,
            bus_stats=bus_stats,
            journal_stats=journal_stats,
            sources=sources,
            problems=problems,
            say=self.say,
            cost=model.cost,
        )
        self._scripts = dict(scripts) if scripts is not None else shipped_scripts()
        self.planning: PlanningDialog | None = None
        self.run_of_show = RunOfShowPanel(
            model.show, actions, clock=self._clock, open_planning=self.open_planning, say=self.say
        )
        self.heat_controls = HeatMapControls(model.heat, actions)
        self.heat_controls.message.connect(self.say)
        self.activity = ActivityLog(dropped_events, self._clock)
        self.outbox = OutboxPanel(
            model.outbox,
            model.questions,
            actions,
            hashtag=hashtag,
            photos_folder=photos_folder,
            say=self.say,
            extra_warnings=post_warnings,
        )
        self.gallery = GalleryPanel(
            model.outbox,
            actions,
            folder=photos_folder,
            handoff=handoff,
            compose_photo=self.compose_photo,
            say=self.say,
            kept=kept_photos,
            clips=clips,
        )
        self.programme = ProgrammePanel(
            model.session, actions, recording, stream=stream, say=self.say
        )
        # the composition root gives it the windows, the outputs and the machine to watch
        self.broadcast = BroadcastPanel()

        body = QHBoxLayout()
        body.setSpacing(14)
        outer.addLayout(body, 1)
        body.addWidget(self.moderation, 6)
        body.addWidget(self.running_order, 3)
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(self.run_of_show)
        side.addWidget(self.feeds)
        # The walls' panels share one place, as tabs: on a laptop there is room for one.
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.tabBar().setDrawBase(False)
        self.monitors = Monitors()  # the composition root gives it the windows to watch
        for panel, label in (
            (self.monitors, translate("OperatorConsole", "Walls")),
            (self.heat_controls, translate("OperatorConsole", "Heat map")),
            (self.activity, translate("OperatorConsole", "Activity")),
            (self.outbox, translate("OperatorConsole", "Outbox")),
            (self.gallery, translate("OperatorConsole", "Photos")),
            (self.programme, translate("OperatorConsole", "Programme")),
            (self.broadcast, translate("OperatorConsole", "Broadcast")),
        ):
            for title in panel.findChildren(
                QLabel, "title", Qt.FindChildOption.FindDirectChildrenOnly
            ):
                title.hide()  # the tab says it
            page = QScrollArea()
            page.setObjectName("sidePage")
            page.setWidget(panel)
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setStyleSheet(
                "QScrollArea#sidePage, QScrollArea#sidePage > QWidget > QWidget"
                " { background: transparent; }"
            )
            index = self.side_tabs.addTab(page, label)
            if panel is self.outbox:
                self._outbox_tab = index
            if panel is self.broadcast:
                self.broadcast_tab = index
        # On a laptop the tabs get five lines: F10 (or the corner's button) gives them the
        # feeds' place too, and back.
        self.widen_tabs = QToolButton()
        self.widen_tabs.setObjectName("widenTabs")
        self.widen_tabs.setCheckable(True)
        self.widen_tabs.setAutoRaise(True)
        self.widen_tabs.toggled.connect(self._widen_tabs)
        self.side_tabs.setCornerWidget(self.widen_tabs, Qt.Corner.TopRightCorner)
        self._widen_tabs(False)
        side.addWidget(self.side_tabs, 1)
        body.addLayout(side, 3)

        self._install_shortcuts()
        self.frame_meter = FrameMeter()  # its own broadcast stats
        self._frames_timer = FrameTimer(self, refresh_hz, self.refresh, meter=self.frame_meter)
        self.refresh()

    def _install_shortcuts(self) -> None:
        moderation = self.moderation
        shortcuts: list[tuple[str, Callable[[], None]]] = [
            ("A", moderation.approve_selected),
            ("Shift+A", moderation.approve_and_arm),
            ("F1", self.show_keys),
            ("?", self.show_keys),
            ("R", moderation.reject_selected),
            ("S", moderation.star_selected),
            ("H", moderation.stash_selected),
            ("Q", moderation.requeue_selected),
            ("N", moderation.demote_selected),
            ("P", moderation.arm_selected),
            ("T", moderation.take),
            ("O", moderation.on_air_selected),
            ("D", moderation.answered_current),
            ("Ctrl+Z", moderation.undo),
            ("/", moderation.focus_search),
            ("Ctrl+F", moderation.focus_search),
            ("PgDown", self.run_of_show.next_segment),
            ("PgUp", self.run_of_show.back),
            ("F5", self.run_of_show.start),
            ("F6", self.run_of_show.pause),
            ("F7", self.run_of_show.skip),
            ("F8", self.run_of_show.extend),
            ("F9", self.open_planning),
            ("F10", self.widen_tabs.toggle),
        ]
        for index in range(len(QueueView)):
            shortcuts.append((str(index + 1), partial(moderation.show_view, index)))
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        # The panic key works whatever has focus, in any of the room's windows.
        panic = QShortcut(QKeySequence(Qt.Key.Key_F12), self)
        panic.setContext(Qt.ShortcutContext.ApplicationShortcut)
        panic.activated.connect(self.toggle_hold)

    def _widen_tabs(self, wide: bool) -> None:
        """The tabs in the feeds' place too (``wide``), or under them."""
        self.feeds.setVisible(not wide)
        self.widen_tabs.setText("▼" if wide else "▲")
        self.widen_tabs.setToolTip(
            translate("OperatorConsole", "Show the ingest rate and the feeds again  F10")
            if wide
            else translate("OperatorConsole", "Give the tabs the feeds' place  F10")
        )

    def _show_hold(self, held: bool) -> None:
        self.hold_button.setChecked(held)
        _show_text(
            self.hold_button,
            translate("OperatorConsole", "Walls held — release  F12")
            if held
            else translate("OperatorConsole", "Hold the walls  F12"),
        )

    def toggle_hold(self) -> None:
        self.hold(not self.hold_button.isChecked())

    def hold(self, held: bool) -> None:
        """The walls to their holding slate, or back (journalled: a restart keeps it)."""
        self._actions.hold_walls(held)
        self._hold_asked = (held, self._clock.monotonic())
        self._show_hold(held)
        self.say(
            translate("OperatorConsole", "Walls held: the holding slate is on every screen")
            if held
            else translate("OperatorConsole", "Walls back")
        )

    def open_planning(self) -> None:
        """The planning dialog on the session's plan as it is now."""
        state = self._model.show.latest()
        if state.plan is None:
            return
        if self.planning is not None:
            self.planning.close()
        self.planning = PlanningDialog(
            state.plan,
            self._scripts,
            self._planned,
            began_at=state.began_at,
            clock=self._clock,
            parent=self,
        )
        self.planning.resize(1200, 700)
        self.planning.show()
        self.planning.raise_()

    def _planned(self, plan: Plan) -> None:
        self._actions.plan(plan)
        self.say(translate("OperatorConsole", "The hour is planned: the guest panel follows"))

    def show_keys(self) -> None:
        if self.keys_sheet is None:
            self.keys_sheet = KeysSheet(self)
            self.keys_sheet.setStyleSheet(theme.CONSOLE_STYLE)
        self.keys_sheet.show()
        self.keys_sheet.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:  # the first J or K moves in the queue
            self._focused_once = True
            self.moderation.queue.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.monitors.stop()
        super().closeEvent(event)
        self.closed.emit()

    def compose_photo(self, path: Path) -> None:
        """A new post of a photo of the gallery: the composer, with the photo chosen."""
        composer = self.outbox.compose(PostKind.PHOTO)
        if composer is not None:
            composer.set_photo(path)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- refresh --------------------------------------------------------------------
    def refresh(self) -> None:
        """The figures, the running order, the queue, the session and new failures at
        every tick (each cheap when nothing changed); the slower panels once a second
        (each label change costs a layout pass of the console on the GUI thread), each
        on its own tick, so that no tick paints much of the console at once: the feeds'
        states and the heat map's on one, the tabs' counts on another (see
        ``ModerationQueue.refresh_tabs``), the per-second rate plot on a third."""
        self._ticks += 1
        tick = self._ticks % 4
        self._refresh_figures()
        self.running_order.refresh()
        self.moderation.refresh()
        self._name_questions_for_the_log()
        self.moderation.refresh_tabs(on_their_tick=tick == 2)
        if tick == 2:
            self.gallery.refresh()
        self.run_of_show.refresh()
        self.switches.refresh()
        self.guest_cues.refresh()
        self.help_alert.refresh()
        self.programme.refresh()
        held = self._model.session.latest().held
        asked, when = self._hold_asked
        if held != asked and self._clock.monotonic() - when < 2.0:
            held = asked  # asked a moment ago: the engine has not answered yet
        self._show_hold(held)
        self.feeds.refresh_problems()
        if tick == 0:
            self._refresh_outbox()
            self._refresh_broadcast()
        if tick == 1:
            self.heat_controls.refresh()
            self.feeds.refresh_states()
            self.feeds.refresh_cost()
        elif tick == 3:
            self.feeds.refresh_rate()

    def _refresh_outbox(self) -> None:
        self.outbox.refresh()
        self.rehearsal_banner.setVisible(self.outbox.snapshot().posting.rehearsal)
        waiting = self.outbox.needing_attention()
        label = translate("OperatorConsole", "Outbox")
        if waiting:
            label = translate("OperatorConsole", "Outbox ⚠ {count}").format(count=waiting)
        if self.side_tabs.tabText(self._outbox_tab) != label:
            self.side_tabs.setTabText(self._outbox_tab, label)

    def _refresh_broadcast(self) -> None:
        """The statistics, once a second; the tab says when a figure is amber or red."""
        self.broadcast.refresh()
        label = translate("OperatorConsole", "Broadcast")
        if self.broadcast.level in (Level.WARN, Level.BAD):
            label = translate("OperatorConsole", "Broadcast ⚠")
        if self.side_tabs.tabText(self.broadcast_tab) != label:
            self.side_tabs.setTabText(self.broadcast_tab, label)

    def _name_questions_for_the_log(self) -> None:
        """The questions on screen, for the activity log to say who and what it decides
        (once per page shown: the rows are the same tuple until the page changes)."""
        shown = (self.moderation.queue.rows, self.running_order.approved.rows)
        if shown != self._named_rows:
            self._named_rows = shown
            board = self._model.questions.latest()
            extra = [q for q in (board.on_air, board.armed) if q is not None]
            self.activity.know([*extra, *shown[0], *shown[1]])

    def _refresh_figures(self) -> None:
        metrics = self._model.metrics.latest()
        board = self._model.questions.latest()
        shed = sum(s.shed for s in self._bus_stats())
        self.figures.set_values(
            {
                "posts": number(metrics.posts),
                "posts / s": number(round(metrics.rate_now)),
                "per minute": number(round(metrics.rate_per_minute)),
                "questions": number(board.received),
                "to moderate": number(board.count(QueueView.PENDING)),
                "flagged": number(board.count(QueueView.FLAGGED)),
                "on the map": number(self._model.heat.latest().located),
                "malformed": number(metrics.malformed),
                "shed": number(shed),
            },
            alerts=("shed",) if shed else (),
        )
        up = duration(int(self._clock.monotonic() - self._started))
        _show(self.status, _clock(up, clock_text(self._clock)))
