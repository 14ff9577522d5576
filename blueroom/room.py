"""The room without its screens: bus, journal, models and sources, wired and run.

This is the non-Qt half of the composition root (``app.py`` adds the windows); the
headless ``blueroom replay --headless`` and the benchmarks use it alone.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import cv2

from blueroom.core.actions import RoomActions
from blueroom.core.bus import Bus, SubscriptionStats
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, ReplayCheckpoint, SessionStarted, TweetReceived
from blueroom.core.geocode import Geocoder
from blueroom.core.questions import QuestionBoard
from blueroom.core.room import RoomModel
from blueroom.core.session import default_script
from blueroom.settings import Settings
from blueroom.sources.replay import ReplaySource
from blueroom.store.export import ExportResult, export_questions
from blueroom.store.journal import Journal, JournalWriter, SessionInfo, WriterStats

ASSETS = Path(os.environ.get("BLUEROOM_ASSETS", Path(__file__).resolve().parent.parent / "assets"))
DEMO_EVENT = ASSETS / "demo" / "askblueroom.jsonl.gz"
DEMO_VIDEO = ASSETS / "demo" / "studio.mp4"


class RoomError(Exception):
    """The room cannot start; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class RoomOptions:
    replay_file: Path | None = None  # None: from the settings (or the embedded demo)
    speed: float | str | None = "settings"  # a number, None for max, or "settings"
    loop: bool | None = None
    new_session: bool = False
    journal_path: Path | None = None
    skip_minutes: float = 0.0  # start the recording this far in (a fresh session only)


@dataclass(slots=True)
class RoomReport:
    session: SessionInfo
    resumed: bool
    replayed_events: int = 0
    bad_rows: int = 0
    messages: list[str] = field(default_factory=list)


def _geocoder(settings: Settings) -> Geocoder | None:
    """The offline gazetteer for profile locations (about a second to build)."""
    if not settings.heatmap.geocode_profiles:
        return None
    return Geocoder(prefer=tuple(settings.heatmap.prefer_countries))


def question_rules(settings: Settings) -> QuestionRules:
    event = settings.event
    return QuestionRules(
        hashtags=frozenset({event.hashtag.lstrip("#").lower()}),
        guest_handles=frozenset({event.guest_handle.lstrip("@").lower()}),
        room_handles=frozenset({event.room_handle.lstrip("@").lower()}),
    )


def rebuild_board(
    settings: Settings, journal_path: Path, session_id: str | None = None
) -> tuple[SessionInfo, QuestionBoard]:
    """A session's question board, replayed from its journal (read-only, even in use)."""
    journal = Journal(journal_path, lock=False)
    try:
        sessions = journal.sessions()
        chosen = [s for s in sessions if session_id in (None, s.id)]
        if not chosen:
            known = ", ".join(s.id for s in sessions[-5:]) or "none"
            wanted = f"session {session_id}" if session_id else "any session"
            raise RoomError(f"{journal_path}: no {wanted} in this journal (latest: {known})")
        session = chosen[-1]
        board = QuestionBoard(
            question_rules(settings),
            settings.moderation,
            ignored_words=tuple(settings.event.guest_name.split()),
        )
        for batch in journal.read(session.id):
            board.apply(batch)
        return session, board
    finally:
        journal.close()


def tune_runtime() -> None:
    """Interpreter settings for a process of the live room, once its start-up is done.

    Freezing what start-up built (settings, a resumed journal) keeps the collector
    from walking it again in every full collection, and fewer young collections
    keep the pauses rare. OpenCV runs single-threaded: each of its callers already
    has a thread of its own, and its worker pool would only fight them for two cores.
    """
    cv2.setNumThreads(1)
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


class SettledCollector:
    """Every few seconds, moves what the models have kept into the collector's permanent
    generation (after a young collection).

    The models hold hundreds of thousands of objects (cards, clusters, ids seen); a full
    collection walked them all, 100–160 ms during which the engine held the GIL and no
    decision moved. They hold no reference cycle, so nothing is lost by never walking
    them again; objects that die are still freed at once by their reference counts.
    """

    def __init__(self, every: float = 10.0) -> None:
        self._every = every
        self._last = time.monotonic()

    def __call__(self) -> None:
        now = time.monotonic()
        if now - self._last >= self._every:
            self._last = now
            gc.collect(1)
            gc.freeze()


class Room:
    """Builds everything from the settings; ``start``/``stop`` own every thread."""

    def __init__(self, settings: Settings, options: RoomOptions | None = None) -> None:
        options = options or RoomOptions()
        self.settings = settings
        self.bus = Bus()
        self.model = RoomModel(
            question_rules(settings),
            default_script(settings.event.guest_name, settings.event.hashtag),
            half_life=settings.heatmap.half_life_minutes * 60.0,
            moderation=settings.moderation,
            ignored_words=tuple(settings.event.guest_name.split()),
            view=settings.heatmap.view(),
            locator=_geocoder(settings),
        )
        self.replay_path = self._replay_path(settings, options)
        journal_path = options.journal_path or settings.journal_path()
        try:
            self.journal = Journal(journal_path)
        except Exception as error:
            raise RoomError(str(error)) from error
        self._checkpoint: ReplayCheckpoint | None = None
        try:
            self.report = self._open_session(options.new_session)
        except sqlite3.Error as error:
            self.journal.close()
            raise RoomError(f"journal {journal_path}: {error}") from error
        # The models take each batch once it is committed: what they hold (and so what
        # the screens show) is on disk, and survives a kill -9.
        self.writer = JournalWriter(
            journal_path,
            self.bus,
            self.report.session.id,
            after_commit=self._apply,
            on_idle=self.model.tick,
            on_error=self._model_error,
        )
        self.model_errors: list[str] = []
        self.last_export: ExportResult | None = None
        self._settle_collector = SettledCollector()
        self._log = self.bus.subscribe(
            "activity-log",
            capacity=20_000,
            gate=self.writer.watermark,
            accepts=lambda event: not isinstance(event, TweetReceived),
        )
        if not self.report.resumed:
            session = self.report.session
            self.bus.publish(SessionStarted(session_id=session.id, label=session.label))
        self.actions = RoomActions(self.bus.publish, self.model.session, self.report.session.id)
        start_loop, start_line = self._replay_position()
        speed = settings.replay_speed if options.speed == "settings" else options.speed
        self.source = ReplaySource(
            self.replay_path,
            self.bus.publish_many,
            speed=speed if not isinstance(speed, str) else None,
            loop=settings.source.loop if options.loop is None else options.loop,
            start_loop=start_loop,
            start_line=start_line,
            skip_seconds=options.skip_minutes * 60.0 if not self.report.resumed else 0.0,
        )
        self._started = False
        self._stopped = threading.Event()

    # -- building -------------------------------------------------------------------
    @staticmethod
    def _replay_path(settings: Settings, options: RoomOptions) -> Path:
        if options.replay_file is not None:
            path = options.replay_file
        elif settings.source.replay_file:
            path = Path(settings.source.replay_file).expanduser()
        else:
            path = DEMO_EVENT
        if not path.is_file():
            raise RoomError(f"replay file not found: {path}")
        return path

    def _open_session(self, new_session: bool) -> RoomReport:
        unfinished = self.journal.unfinished_session()
        if unfinished is not None and new_session:
            self.journal.end_session(unfinished.id)
            unfinished = None
        if unfinished is None:
            session = self.journal.new_session(label=self.settings.event.hashtag)
            return RoomReport(session=session, resumed=False)
        report = RoomReport(session=unfinished, resumed=True)

        def bad_row(seq: int, reason: str) -> None:
            report.bad_rows += 1

        for batch in self.journal.read(unfinished.id, on_bad_row=bad_row):
            self.model.apply(batch)
            report.replayed_events += len(batch)
            for event in batch:
                if isinstance(event, ReplayCheckpoint):
                    self._checkpoint = event
        report.messages.append(
            f"resumed session {unfinished.id}: {report.replayed_events} events replayed"
            + (f", {report.bad_rows} unreadable rows skipped" if report.bad_rows else "")
        )
        return report

    def _replay_position(self) -> tuple[int, int]:
        checkpoint = self._checkpoint
        if checkpoint is None or Path(checkpoint.path) != self.replay_path:
            return 0, 0
        return checkpoint.loop, checkpoint.line

    def _model_error(self, error: BaseException) -> None:
        self.model_errors.append(f"{type(error).__name__}: {error}")

    # -- what the screens read (the same calls as the engine client's) ----------------
    def publish(self, event: Event) -> int:
        return self.bus.publish(event)

    def bus_stats(self) -> list[SubscriptionStats]:
        return self.bus.stats()

    def writer_stats(self) -> WriterStats:
        return self.writer.stats()

    def export_csv(self, path: Path) -> ExportResult:
        """Every question post of the session, with its decisions, as CSV."""
        self.last_export = export_questions(path, self.model.questions.export_rows())
        return self.last_export

    def _apply(self, batch: list[Event]) -> None:
        """On the journal's thread: the models take a committed batch."""
        self.model.apply(batch)
        self._settle_collector()

    def drain_events(self) -> list[Event]:
        """Committed events other than posts, for the operator's activity log."""
        return self._log.drain(2_000)

    # -- running --------------------------------------------------------------------
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        tune_runtime()
        self.writer.start()
        self.source.start()

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        self.source.stop()
        self.writer.stop()
        self.journal.close()
