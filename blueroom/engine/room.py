"""The engine half of the composition root: bus, journal, models and source, wired.

Read with ``app.py`` (the screens' half), this module says how the room is built.
Everything here runs in the engine process (``engine/process.py``); the headless
``blueroom replay --headless``, the export and the benchmarks use it alone.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from blueroom.core.actions import RoomActions
from blueroom.core.activity import ActivityFeed
from blueroom.core.bus import Bus, SubscriptionStats
from blueroom.core.clock import EngineClock
from blueroom.core.cost import budget_message, resumed_over_budget
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    BudgetReached,
    BudgetWarning,
    Event,
    SessionPlanned,
    SessionStarted,
    SourceState,
    SourceStateChanged,
)
from blueroom.core.geocode import Geocoder
from blueroom.core.models import STATE_VERSION, RoomModel, RoomState
from blueroom.core.outbox import OutboxSender, PostingInfo, RetryPolicy
from blueroom.core.posting import Poster, SavingPoster
from blueroom.core.questions import QuestionBoard
from blueroom.core.seen import SeenPosts
from blueroom.core.wire import WireReport
from blueroom.engine.parser import ParserProcess
from blueroom.paths import assets
from blueroom.problems import Problem, ProblemLog
from blueroom.runtime import SettledCollector, collector_paused, tune_engine_runtime
from blueroom.settings import Settings, SourceSettings
from blueroom.sources.kinds import SourceError, SourceRequest, make_source
from blueroom.sources.recording import recording_problem
from blueroom.sources.source import Source, SourceStats
from blueroom.store.export import ExportResult, export_questions
from blueroom.store.journal import (
    MAX_BACKLOG_EVENTS,
    Journal,
    JournalError,
    JournalWriter,
    SessionInfo,
    WriterStats,
)
from blueroom.store.purge import PurgeReport, due_for_purge, purge_sessions
from blueroom.store.snapshots import SnapshotWriter
from blueroom.workers import Worker
from blueroom.x.guest_poster import GuestPoster

TICK_SECONDS = 0.2  # the engine's clock: timers fire within this, posts or not
# A resume replays at most this many events after the newest snapshot (~0.6 s here)...
SNAPSHOT_EVERY = 30_000
# ...and fewer (not under SNAPSHOT_FEWEST) once the models have spent this much CPU time
# on them, what replaying them would cost: ~45 µs an event while the texts are new, two to
# three times the cost once they were read before (a snapshot carries what was read).
SNAPSHOT_TAIL_SECONDS = 0.4
SNAPSHOT_FEWEST = 5_000
# ...taken when no person has decided anything for a moment: the fork, and the child's
# work beside the models, would delay their next key by 10-30 ms at full speed. While
# they keep deciding, it waits, at most this long, then goes right after a decision
# (the furthest from the next one).
SNAPSHOT_QUIET_SECONDS = 2.0
SNAPSHOT_LONGEST_WAIT = 60.0

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PosterFactory = Callable[[Settings], Poster]


def default_poster(settings: Settings, publish: Callable[[Event], int] | None = None) -> Poster:
    """The room's X account (``x/poster.py``) when posting credentials are found (the
    environment, else the keyring), else a poster that saves and says why; its reads of
    the account (to settle an unknown outcome) are billed through ``publish``."""
    from blueroom.x.auth import room_account
    from blueroom.x.credentials import load_credentials, system_keyring

    store = system_keyring()
    account = room_account(load_credentials(store=store), settings.x.api_base, store)
    if account.auth is None:
        return SavingPoster(account.problem)
    from blueroom.x.poster import XPoster  # tweepy is loaded only for a room that posts

    return XPoster(account, settings.x.api_base, on_usage=publish)


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
    snapshot_every: int = SNAPSHOT_EVERY  # events between two snapshots of the models
    snapshot_tail_seconds: float = SNAPSHOT_TAIL_SECONDS  # or the models' time on them
    use_snapshots: bool = True  # False: a resume replays the whole journal
    rehearsal: bool | None = None  # None: the settings' ``outbox.rehearsal``


@dataclass(slots=True)
class RoomReport:
    session: SessionInfo
    resumed: bool
    replayed_events: int = 0
    from_snapshot: int = 0  # events a snapshot stood for (not replayed)
    seconds: float = 0.0  # how long the resume took
    bad_rows: int = 0
    skipped_events: int = 0  # of kinds this release cannot read
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
        guest_name=event.guest_name,
    )


def question_board(settings: Settings, *, keep_posts: bool = True) -> QuestionBoard:
    """An empty question board reading posts as the settings say (``keep_posts=False``:
    the cards only, to count a session's questions)."""
    return QuestionBoard(
        question_rules(settings),
        settings.moderation,
        ignored_words=settings.event.guest_words(),
        keep_posts=keep_posts,
    )


def rebuild_board(
    settings: Settings, journal_path: Path, session_id: str | None = None
) -> tuple[SessionInfo, QuestionBoard]:
    """A session's question board, replayed from its journal (read-only, even in use)."""
    journal = Journal.reader(journal_path)
    try:
        sessions = journal.sessions()
        chosen = [s for s in sessions if session_id in (None, s.id)]
        if not chosen:
            known = ", ".join(s.id for s in sessions[-5:]) or "none"
            wanted = f"session {session_id}" if session_id else "any session"
            raise RoomError(f"{journal_path}: no {wanted} in this journal (latest: {known})")
        session = chosen[-1]
        board = question_board(settings)
        seen = SeenPosts()
        for batch in journal.read(session.id):
            board.apply(seen.fresh(batch))
        return session, board
    finally:
        journal.close()


class Room:
    """Builds everything from the settings; ``start``/``stop`` own every worker.

    The parts, in the order they are built: the bus; the models; the journal, whose
    unfinished session is resumed into the models; the journal writer, whose worker
    writes each batch and then hands it to the models (so what the screens show is on
    disk) and runs the engine's clock; the activity log; the source the settings name.
    """

    def __init__(
        self,
        settings: Settings,
        options: RoomOptions | None = None,
        *,
        progress: Progress | None = None,
        poster: PosterFactory | None = None,  # None: ``default_poster``
    ) -> None:
        options = options or RoomOptions()
        self._progress = progress
        self.settings = settings
        journal_path = options.journal_path or settings.journal_path()
        self.problems = ProblemLog(journal_path.parent)
        self.bus = Bus()
        self.model = RoomModel(
            question_rules(settings),
            settings.session.steps(settings.event),
            half_life=settings.heatmap.half_life_minutes * 60.0,
            moderation=settings.moderation,
            ignored_words=settings.event.guest_words(),
            view=settings.heatmap.view(),
            locator=_geocoder(settings),
            on_error=self.problems.record_model,
            keep_posts=False,  # re-asked posts stay in the journal: the export reads it
            prices=settings.cost,
            booth=settings.booth.timings(),
            hashtag=settings.event.hashtag,
        )
        self._snapshot_every = options.snapshot_every
        self._snapshot_tail_seconds = options.snapshot_tail_seconds
        self._tail_seconds = 0.0  # the models' CPU time on the events since the last snapshot
        self._use_snapshots = options.use_snapshots
        self._events_in_journal = 0  # of this session, as far as the models have taken
        self._snapshot_events = 0  # what the last snapshot stands for
        self.capture_ms = 0.0  # what the last snapshot cost the model worker
        self._decided_at = 0.0  # when the last decision was applied
        self._snapshot_at = time.monotonic()  # when the last snapshot was taken
        source_settings = _source_settings(settings, options)
        self.recording = (
            _recording(source_settings, options) if source_settings.kind == "replay" else None
        )
        try:
            self.journal = Journal(journal_path)
        except Exception as error:
            raise RoomError(str(error)) from error
        try:
            self.purged = self._apply_retention()
            self.report = self._open_session(options.new_session)
        except sqlite3.Error as error:
            self.journal.close()
            raise RoomError(f"journal {journal_path}: {error}") from error
        if self.purged.sessions:
            self.report.messages.insert(
                0, f"{self.purged.describe()} (privacy.retention_days = {self._retention_days})"
            )
        self.clock = EngineClock(self.bus.publish_many, self.model.tick)
        self.clock.add(self)  # the cost meter's budget: ``due``
        self.clock.add(self.model.booth)  # the booth's deadlines, and the posts it was asked
        self.clock.add(self.model.show)  # the run-of-show: moves that fall due, cues owed
        self.writer = JournalWriter(
            journal_path,
            self.bus,
            self.report.session.id,
            after_commit=self._apply,
            on_tick=self._tick,
            tick_interval=TICK_SECONDS,
            on_error=lambda error: self.problems.record("journal writer", error),
        )
        self.snapshots = SnapshotWriter(
            journal_path,
            self.report.session.id,
            msgspec.msgpack.encode,
            on_error=self.problems.record_worker,
        )
        self.last_export: ExportResult | None = None
        self._exporter: Worker | None = None
        self._settle_collector = SettledCollector(every=2.0)
        self.activity = ActivityFeed()
        if not self.report.resumed:
            session = self.report.session
            self.bus.publish(SessionStarted(session_id=session.id, label=session.label))
        if not self.model.show.latest().plans:  # a new session (or one from before plans)
            plan = settings.session.plan(settings.event, time.time())
            self.bus.publish(SessionPlanned(plan=plan, actor="settings"))
        self.actions = RoomActions(self.bus.publish, self.model.session, self.report.session.id)
        try:
            self.source: Source = make_source(
                SourceRequest(
                    settings=source_settings,
                    recording=self.recording or Path(),
                    publish_many=self.bus.publish_many,
                    skip_seconds=options.skip_minutes * 60.0 if not self.report.resumed else 0.0,
                    parser=ParserProcess,
                    on_error=self.problems.record_worker,
                    event=settings.event,
                    x=settings.x,
                    data_dir=journal_path.parent,
                )
            )
        except (SourceError, ValueError) as error:
            self.journal.close()
            raise RoomError(str(error)) from error
        if self.model.checkpoint is not None:
            self.source.resume_from(self.model.checkpoint)
        # X is pay-per-use: at the budget the source stops (posting goes on)
        self.reading_stopped = ""
        if self.report.resumed and self.model.cost.over_budget():
            self.reading_stopped = resumed_over_budget(self.model.cost.amount, settings.cost)
            self.report.messages.append(self.reading_stopped)
            self.problems.record_note("X budget", self.reading_stopped)
        make_poster = poster or functools.partial(default_poster, publish=self.bus.publish)
        # the guest's own account, for their own posts: a token once they sign in (the
        # screens' process runs the login and hands each token over: ``set_guest_account``)
        self.guest_poster = GuestPoster(settings.x.api_base, on_usage=self.bus.publish)
        self.outbox_sender, self._outbox_worker = self._outbox(settings, options, make_poster)
        self._started = False
        self._stopped = threading.Event()

    # -- building -------------------------------------------------------------------
    @property
    def _retention_days(self) -> int:
        return self.settings.privacy.retention_days

    def _apply_retention(self) -> PurgeReport:
        """Finished sessions older than the retention lose their fans' data, now."""
        if self._retention_days <= 0:
            return PurgeReport()
        due = due_for_purge(self.journal, self._retention_days)
        if not due:
            return PurgeReport()
        settings = self.settings
        return purge_sessions(
            self.journal,
            due,
            lambda: question_board(settings, keep_posts=False),
            settings.cost,
        )

    def _outbox(
        self, settings: Settings, options: RoomOptions, make_poster: PosterFactory
    ) -> tuple[OutboxSender, Worker]:
        """The outbox: its timer on the engine's clock, its sender on a worker of its own."""
        rehearsal = settings.outbox.rehearsal if options.rehearsal is None else options.rehearsal
        try:
            poster = make_poster(settings)
        except Exception as error:  # noqa: BLE001 - the room runs; its posts are kept, said why
            self.problems.record("outbox · poster", error)
            poster = SavingPoster(
                f"cannot post ({type(error).__name__}: {error}): saved, not posted"
            )
        outbox = self.model.outbox
        outbox.set_posting(PostingInfo(poster.account, poster.cannot_post(), rehearsal))
        self.clock.add(outbox)
        sender = OutboxSender(
            outbox,
            poster,
            self.bus.publish,
            journalled=self._journalled,
            policy=RetryPolicy(
                first_retry=settings.outbox.first_retry_seconds,
                longest_retry=settings.outbox.longest_retry_seconds,
                max_attempts=settings.outbox.max_attempts,
                check_after=settings.outbox.check_after_seconds,
            ),
            rehearsal=rehearsal,
            on_error=self.problems.record,
            guest_poster=self.guest_poster,
        )
        worker = Worker(
            "engine-outbox",
            sender.run,
            wake=outbox.handoff.wake,
            on_error=self.problems.record_worker,
        )
        return sender, worker

    def _journalled(self) -> bool:
        """Every event the models have taken is on disk (none waits in the writer's
        backlog, none was lost): the outbox sends nothing before its "sending" is."""
        return self.writer.caught_up and self.writer.stats().lost == 0

    def _open_session(self, new_session: bool) -> RoomReport:
        put_back = self.journal.put_back_rescued()
        unfinished = self.journal.unfinished_session()
        if unfinished is not None and new_session:
            self.journal.end_session(unfinished.id)
            unfinished = None
        if unfinished is None:
            session = self.journal.new_session(label=self.settings.event.hashtag)
            return RoomReport(session=session, resumed=False, messages=put_back)
        report = RoomReport(session=unfinished, resumed=True, messages=put_back)
        started = time.monotonic()

        def bad_row(seq: int, reason: str) -> None:
            report.bad_rows += 1

        progress = self._progress
        wire = WireReport()
        with collector_paused():
            after_seq = self._restore_snapshot(unfinished, report)
            tail = self.journal.count(unfinished.id, after_seq)
            for batch in self.journal.read(
                unfinished.id, on_bad_row=bad_row, wire=wire, after_seq=after_seq
            ):
                applying = time.thread_time()
                self.model.apply(batch)
                self._tail_seconds += time.thread_time() - applying
                report.replayed_events += len(batch)
                if progress is not None:
                    progress("resuming", report.replayed_events, tail)
        self._events_in_journal = report.from_snapshot + report.replayed_events
        report.seconds = time.monotonic() - started
        restored = (
            f"{report.from_snapshot:,} events from a snapshot, " if report.from_snapshot else ""
        )
        report.messages.append(
            f"resumed session {unfinished.id}: {restored}{report.replayed_events:,} events"
            f" replayed in {report.seconds:.1f} s"
            + (f", {report.bad_rows} unreadable rows skipped" if report.bad_rows else "")
            + (f", {wire.upgraded:,} from an older release" if wire.upgraded else "")
        )
        report.skipped_events = wire.skipped_total
        if wire.skipped:
            report.messages.append(wire.summary())
            for kind, count in wire.skipped.items():
                self.problems.record_note(
                    "journal · resume", f"{count:,} × {kind} skipped: {wire.reasons[kind]}", count
                )
        return report

    def _restore_snapshot(self, session: SessionInfo, report: RoomReport) -> int:
        """The models as in the session's newest snapshot; the batch it ends with (0: none)."""
        if not self._use_snapshots:
            return 0
        stored = self.journal.latest_snapshot(session.id, STATE_VERSION)
        if stored is None:
            return 0
        try:
            state = msgspec.msgpack.decode(stored.body, type=RoomState)
            self.model.restore(state)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, KeyError) as error:
            self.problems.record_note(
                "journal · resume", f"a snapshot could not be read ({error}): replayed it all"
            )
            self.model = self._fresh_model()
            return 0
        self._snapshot_events = report.from_snapshot = stored.events
        return stored.upto_seq

    def _fresh_model(self) -> RoomModel:
        settings = self.settings
        return RoomModel(
            question_rules(settings),
            settings.session.steps(settings.event),
            half_life=settings.heatmap.half_life_minutes * 60.0,
            moderation=settings.moderation,
            ignored_words=settings.event.guest_words(),
            view=settings.heatmap.view(),
            locator=self.model.heat._locator,
            on_error=self.problems.record_model,
            keep_posts=False,
            prices=settings.cost,
            booth=settings.booth.timings(),
            hashtag=settings.event.hashtag,
        )

    # -- what the screens read (the same calls as the engine client's) ----------------
    @property
    def session_id(self) -> str:
        return self.report.session.id

    def set_guest_account(
        self, handle: str, access: str, expires_at: float = 0.0, scopes: tuple[str, ...] = ()
    ) -> None:
        """The signed-in guest's access token for their own posts ("": signed out)."""
        self.guest_poster.set_token(handle, access, expires_at, scopes)

    def publish(self, event: Event) -> int:
        return self.bus.publish(event)

    def bus_stats(self) -> list[SubscriptionStats]:
        return self.bus.stats()

    def writer_stats(self) -> WriterStats:
        return self.writer.stats()

    def current_problems(self) -> list[Problem]:
        return self.problems.problems()

    def sources(self) -> list[SourceStats]:
        return [self.source.stats()]

    def dropped_events(self) -> int:
        return self.activity.dropped

    def export_csv(self, path: Path) -> None:
        """Every question post of the session, with its decisions, as CSV: read from the
        journal on a worker (the models keep cards, not every re-asked post); the result
        is ``last_export``."""
        if self._exporter is not None and self._exporter.alive:
            self.last_export = ExportResult(str(path), 0, "an export is already being written")
            return
        journal_path, session_id = self.journal.path, self.report.session.id

        def export(stop: threading.Event) -> None:
            try:
                _, board = rebuild_board(self.settings, journal_path, session_id)
            except (RoomError, JournalError, sqlite3.Error) as error:
                self.last_export = ExportResult(str(path), 0, str(error))
                return
            self.last_export = export_questions(path, board.export_rows())

        self._exporter = Worker("engine-export", export, on_error=self.problems.record_worker)
        self._exporter.start()

    def _apply(self, batch: list[Event]) -> None:
        """On the journal's worker: the models and the activity log take a committed batch;
        every so many events, the models' state goes to the snapshot writer."""
        applying = time.thread_time()
        self.model.apply(batch)
        self._tail_seconds += time.thread_time() - applying
        if self.model.show.latest().owed:
            # a move's cues go out at once, not at the next tick: the wall and the guest
            # panel change with the segment (the clock would send them within 0.2 s)
            cues = self.model.show.due(time.time())
            if cues:
                self.bus.publish_many(cues)
        self.activity.add(batch)
        self._events_in_journal += len(batch)
        now = time.monotonic()
        decided = bool(batch) and batch[0].urgent  # the lane of decisions: all urgent or none
        if decided:
            self._decided_at = now
        self._maybe_snapshot(now, decided)
        self._settle_collector()

    def _tick(self) -> None:
        """On the journal's worker, a few times a second, posts or not: the engine's
        clock, and a snapshot that fell due while the writer was busy (a stream that ends
        or pauses would otherwise keep its tail unsnapshotted)."""
        self.clock.tick()
        self._maybe_snapshot(time.monotonic(), decided=False)

    def _maybe_snapshot(self, now: float, decided: bool) -> None:
        # ``writer.last_row`` names the batch the models have taken last once this process
        # has written one (0 before: a snapshot then would claim the whole journal)
        tail = self._events_in_journal - self._snapshot_events
        if (
            self.writer.last_row > 0
            and (
                tail >= self._snapshot_every
                or (tail >= SNAPSHOT_FEWEST and self._tail_seconds >= self._snapshot_tail_seconds)
            )
            and self.writer.caught_up
            and not self.snapshots.busy
            and (
                now - self._decided_at >= SNAPSHOT_QUIET_SECONDS
                or (decided and now - self._snapshot_at >= SNAPSHOT_LONGEST_WAIT)
            )
        ):
            self._snapshot_at = now
            self._snapshot()

    def _snapshot(self) -> None:
        started = time.perf_counter()
        taken = self.snapshots.offer(
            self.writer.last_row, self._events_in_journal, STATE_VERSION, self.model.capture
        )
        self.capture_ms = (time.perf_counter() - started) * 1000.0
        if taken:
            self._snapshot_events = self._events_in_journal
            self._tail_seconds = 0.0

    def due(self, now: float) -> list[BudgetWarning | BudgetReached]:
        """On the engine's clock: the budget's warning or end, once each. At the end the
        source is asked to stop, without waiting here (the model worker must never wait
        for a source that may be waiting for it)."""
        events = self.model.cost.due(now)
        for event in events:
            message = budget_message(event)
            self.problems.record_note("X budget", message)
            if isinstance(event, BudgetReached):
                self.reading_stopped = message
                self.source.stop(0.0)
        return events

    def drain_events(self) -> list[Event]:
        """Committed events other than posts, for the operator's activity log."""
        return self.activity.drain(2_000)

    def drain_activity(self) -> tuple[list[Event], int]:
        """``drain_events`` and how many the log has had to drop so far."""
        return self.activity.drain(2_000), self.activity.dropped

    def losses(self) -> list[str]:
        """What the journal could not take, once stopped: one line each (empty: nothing).

        Events kept in a rescue file count too: they are not in the journal yet.
        """
        said = []
        rescued = self.writer.rescued
        if rescued is not None:
            said.append(rescued.describe())
        dropped = self.writer.stats().lost - (rescued.events if rescued and not rescued.path else 0)
        if dropped:
            said.append(
                f"LOST: {dropped:,} events the disk refused while more than"
                f" {MAX_BACKLOG_EVENTS:,} were waiting for it"
            )
        return said

    # -- running --------------------------------------------------------------------
    def start(self) -> None:
        if self._started:
            return
        self._started = True
        tune_engine_runtime()
        self.snapshots.start()
        self.writer.start()
        self._outbox_worker.start()
        if self.reading_stopped:
            self.bus.publish(
                SourceStateChanged(
                    source=self.source.name, state=SourceState.STOPPED, detail=self.reading_stopped
                )
            )
        else:
            self.source.start()

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        self._outbox_worker.stop()
        self.source.stop()
        self.writer.stop()
        self.snapshots.stop()
        if self._exporter is not None:
            self._exporter.stop(60.0)
        self.journal.close()


def _source_settings(settings: Settings, options: RoomOptions) -> SourceSettings:
    """The settings' source, with what the command line says instead."""
    source = settings.source
    changes: dict[str, object] = {}
    if options.replay_file is not None:
        changes["kind"] = "replay"
    if options.speed != "settings":
        changes["speed"] = "max" if options.speed is None else options.speed
    if options.loop is not None:
        changes["loop"] = options.loop
    return msgspec.structs.replace(source, **changes) if changes else source


def _recording(source: SourceSettings, options: RoomOptions) -> Path:
    """The replay's file: the command line's, the settings', or the embedded demo."""
    if options.replay_file is not None:
        path = options.replay_file
    elif source.replay_file:
        path = Path(source.replay_file).expanduser()
    else:
        path = assets().demo_event
    problem = recording_problem(path)
    if problem is not None:
        raise RoomError(problem)
    return path
