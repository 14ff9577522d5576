"""The room's engine in its own process, and the client the screens talk to.

Why a process: PySide6 lets go of the GIL in its calls, so a GUI thread sharing the
interpreter with busy ingest threads waits for the GIL on almost every Qt call (measured
here: a 200-call paint takes 0.4 ms alone, 43 ms beside one busy thread, 230 ms beside
three). The engine (sources, bus, journal, models) therefore runs in a child process
with its own GIL; the GUI process keeps the camera and the windows, and receives ready
snapshots a few times a second over a pipe. Operator and guest actions go back as
events, are published on the engine's bus and journalled like everything else.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

from blueroom.core.actions import RoomActions
from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import AnyEvent, Event
from blueroom.core.heatmap import HeatMode, HeatSnapshot, MapView
from blueroom.core.metrics import MetricsSnapshot
from blueroom.core.processes import widen
from blueroom.core.questions import BoardSnapshot, QueuePage, QueueQuery, empty_board
from blueroom.core.session import SessionSnapshot, Step
from blueroom.room import Room, RoomError, RoomOptions
from blueroom.settings import Settings
from blueroom.sources.replay import ReplayStats
from blueroom.store.export import ExportResult
from blueroom.store.journal import WriterStats

HEAT_HZ = 20.0  # the heat wall composes at most 20 images a second
BOARD_HZ = 10.0
METRICS_HZ = 5.0
STATS_HZ = 2.0

# -- messages -------------------------------------------------------------------------


class Ready(msgspec.Struct, tag=True):
    session_id: str
    resumed: bool
    messages: list[str]
    steps: list[Step]


class Failed(msgspec.Struct, tag=True):
    reason: str


class Board(msgspec.Struct, tag=True):
    snapshot: BoardSnapshot


class Metrics(msgspec.Struct, tag=True):
    snapshot: MetricsSnapshot


class Heat(msgspec.Struct, tag=True):
    glow: bytes
    height: int
    width: int
    view: MapView
    mode: str
    half_life: float
    posts: int
    by_precision: list[tuple[str, int]]
    countries: int
    top_places: list[tuple[str, int]]
    version: int
    made_at: float


class Session(msgspec.Struct, tag=True):
    current: int
    version: int


class Stats(msgspec.Struct, tag=True):
    bus: list[SubscriptionStats]
    writer: WriterStats
    source: ReplayStats
    model_errors: list[str]


class Events(msgspec.Struct, tag=True):
    events: list[AnyEvent]  # type: ignore[valid-type]


class Stopped(msgspec.Struct, tag=True):
    pass


class Publish(msgspec.Struct, tag=True):
    event: AnyEvent  # type: ignore[valid-type]


class Stop(msgspec.Struct, tag=True):
    pass


class Query(msgspec.Struct, tag=True):
    """What the console's queue shows; the engine answers with a ``Page`` on each change."""

    query: QueueQuery


class Page(msgspec.Struct, tag=True):
    page: QueuePage


class Export(msgspec.Struct, tag=True):
    path: str


class Exported(msgspec.Struct, tag=True):
    result: ExportResult


ToClient = (
    Ready | Failed | Board | Page | Metrics | Heat | Session | Stats | Events | Exported | Stopped
)
ToEngine = Publish | Query | Export | Stop


# -- the engine process -----------------------------------------------------------------


ENGINE_NICENESS = 5


def _options_from(raw: dict[str, Any]) -> RoomOptions:
    for key in ("replay_file", "journal_path"):
        if raw.get(key) is not None:
            raw[key] = Path(raw[key])
    return RoomOptions(**raw)


def engine_main(config: bytes, outbox: Connection, inbox: Connection) -> None:
    """Entry point of the engine process: run the room until told to stop."""
    # Ctrl-C reaches the whole process group: the screens decide when the engine stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    terminated = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: terminated.set())
    # On two cores the screens come first: a paint must not wait behind the models.
    # A little below them only (a decision still reaches the walls within a frame);
    # the parser, its child, goes further down.
    with contextlib.suppress(OSError):
        os.nice(ENGINE_NICENESS)
    encoder = msgspec.msgpack.Encoder()
    settings_raw, options_raw = msgspec.msgpack.decode(config)
    settings = msgspec.convert(settings_raw, Settings)
    options = _options_from(options_raw)
    try:
        room = Room(settings, options)
    except RoomError as error:
        outbox.send_bytes(encoder.encode(Failed(str(error))))
        return
    except Exception as error:  # noqa: BLE001 - the screens show one line, not a traceback
        outbox.send_bytes(encoder.encode(Failed(f"{type(error).__name__}: {error}")))
        return
    steps = list(room.model.session.steps)
    report = room.report
    outbox.send_bytes(
        encoder.encode(Ready(report.session.id, report.resumed, report.messages, steps))
    )
    publisher = _SnapshotPublisher(room, outbox, encoder)
    room.start()
    publisher.start()
    decoder = msgspec.msgpack.Decoder(ToEngine)
    try:
        while not terminated.is_set():
            if not inbox.poll(0.1):
                continue
            message = decoder.decode(inbox.recv_bytes())
            if isinstance(message, Stop):
                break
            if isinstance(message, Query):
                publisher.ask(message.query)
            elif isinstance(message, Export):
                publisher.export(message.path)
            else:
                room.bus.publish(message.event)
    except (EOFError, OSError):
        pass  # the screens went away: stop cleanly, the journal is flushed below
    finally:
        room.stop()
        publisher.stop()
        with contextlib.suppress(BrokenPipeError, OSError):
            outbox.send_bytes(encoder.encode(Stopped()))


class _SnapshotPublisher:
    """Sends what changed to the screens, at a few hertz per kind of snapshot."""

    def __init__(self, room: Room, outbox: Connection, encoder: msgspec.msgpack.Encoder) -> None:
        self._room = room
        self._outbox = outbox
        self._encoder = encoder
        self._stop = threading.Event()
        self._query: QueueQuery | None = None
        self._exports: list[str] = []
        self._send_lock = threading.Lock()
        self._board_sent = -1  # the last board version sent, from either thread
        self._thread = threading.Thread(target=self._run, name="engine-publisher", daemon=True)

    def start(self) -> None:
        self._room.model.on_decision = self.send_board_now
        self._thread.start()

    def stop(self) -> None:
        self._room.model.on_decision = None
        self._stop.set()
        self._room.model.changed.set()
        self._thread.join(5.0)

    def ask(self, query: QueueQuery) -> None:
        self._query = query
        self._room.model.changed.set()

    def export(self, path: str) -> None:
        self._exports.append(path)
        self._room.model.changed.set()

    def _export(self, path: str) -> Exported:
        return Exported(self._room.export_csv(Path(path)))

    def _send(self, message: Any) -> None:
        data = self._encoder.encode(message)
        with self._send_lock:  # the model thread sends decisions' boards too
            self._outbox.send_bytes(data)

    def send_board_now(self) -> None:
        """On the model thread, right after a person's decision: the walls see it at once."""
        snapshot = self._room.model.questions.snapshot()
        with contextlib.suppress(BrokenPipeError, OSError):
            self._send(Board(snapshot))
            self._board_sent = snapshot.version

    def _run(self) -> None:
        model = self._room.model
        sent: dict[str, float] = {}
        versions: dict[str, object] = {}

        def due(kind: str, hz: float, now: float) -> bool:
            if now - sent.get(kind, 0.0) < 1.0 / hz:
                return False
            sent[kind] = now
            return True

        changed = model.changed
        shown_query: tuple[QueueQuery | None, int] = (None, -1)
        try:
            while not self._stop.is_set():
                # Woken at once by a person's decision: the walls answer within a frame.
                changed.wait(1.0 / HEAT_HZ)
                changed.clear()
                if self._stop.is_set():
                    break
                now = time.monotonic()
                while self._exports:
                    self._send(self._export(self._exports.pop(0)))
                questions = model.questions
                decided = questions.decisions != versions.get("decisions")
                if questions.version != versions.get("board") and (
                    decided or due("board", BOARD_HZ, now)
                ):
                    versions["board"], versions["decisions"] = (
                        questions.version,
                        questions.decisions,
                    )
                    board = questions.snapshot()
                    if board.version != self._board_sent:  # not already sent on a decision
                        self._send(Board(board))
                        self._board_sent = board.version
                    query = self._query
                    if query is not None and (query, questions.version) != shown_query:
                        shown_query = (query, questions.version)
                        self._send(Page(questions.page(query)))
                query = self._query
                if query is not None and query != shown_query[0]:
                    shown_query = (query, questions.version)
                    self._send(Page(questions.page(query)))
                # After the board: a decision must not wait behind a glow rendering.
                heat = model.heat.latest()
                if heat.made_at != versions.get("heat"):
                    versions["heat"] = heat.made_at
                    self._send(_heat_message(heat))
                if due("metrics", METRICS_HZ, now):
                    self._send(Metrics(model.metrics.latest()))
                session = model.session.latest()
                if session.version != versions.get("session"):
                    versions["session"] = session.version
                    self._send(Session(session.current, session.version))
                if due("stats", STATS_HZ, now):
                    self._send(
                        Stats(
                            self._room.bus.stats(),
                            self._room.writer.stats(),
                            self._room.source.stats(),
                            self._room.model_errors[-5:],
                        )
                    )
                events = self._room.drain_events()
                if events:
                    self._send(Events(events))
        except (BrokenPipeError, OSError):
            return


def _heat_message(heat: HeatSnapshot) -> Heat:
    return Heat(
        glow=heat.glow.tobytes(),
        height=heat.glow.shape[0],
        width=heat.glow.shape[1],
        view=heat.view,
        mode=heat.mode.value,
        half_life=heat.half_life,
        posts=heat.posts,
        by_precision=list(heat.by_precision),
        countries=heat.countries,
        top_places=list(heat.top_places),
        version=heat.version,
        made_at=heat.made_at,
    )


# -- the client, in the GUI process ------------------------------------------------------


class _Latest:
    """A model as the views see it: ``latest()`` returns the last snapshot received."""

    def __init__(self, initial: Any) -> None:
        self.value = initial

    def latest(self) -> Any:
        return self.value

    snapshot = latest


class _RemoteSession(_Latest):
    def __init__(self, steps: tuple[Step, ...]) -> None:
        super().__init__(SessionSnapshot(steps, 0, 0))
        self.steps = steps

    def step_event(self, index: int, actor: str) -> Any:
        from blueroom.core.events import SessionStepChanged

        index = max(0, min(len(self.steps) - 1, index))
        return SessionStepChanged(step=index, step_id=self.steps[index].id, actor=actor)


class RemoteBoard(_Latest):
    """The question board as last received; ``page`` asks the engine for a console page."""

    def __init__(self, ask: Callable[[QueueQuery], None]) -> None:
        super().__init__(empty_board())
        self._ask = ask
        self._asked: QueueQuery | None = None
        self.last_page: QueuePage | None = None

    def page(self, query: QueueQuery) -> QueuePage:
        """The latest page received (for this query once the engine has answered)."""
        if query != self._asked:
            self._asked = query
            self._ask(query)
        page = self.last_page
        return page if page is not None else QueuePage(query, (), 0, -1)


class RemoteModel:
    """The engine's models, as last received: same ``latest()`` API as ``RoomModel``."""

    def __init__(self, steps: tuple[Step, ...], ask: Callable[[QueueQuery], None]) -> None:
        self.metrics = _Latest(_empty_metrics())
        self.questions = RemoteBoard(ask)
        self.heat = _Latest(_empty_heat())
        self.session = _RemoteSession(steps)


class EngineClient:
    """Starts the engine process and keeps the latest snapshots for the screens."""

    def __init__(self, settings: Settings, options: RoomOptions) -> None:
        self._config = msgspec.msgpack.encode(
            (msgspec.to_builtins(settings), msgspec.to_builtins(_options_dict(options)))
        )
        context = multiprocessing.get_context("spawn")
        self._from_engine, engine_out = context.Pipe(duplex=False)
        widen(self._from_engine)  # a heat image is ~300 KB, thirty times a second
        engine_in, self._to_engine = context.Pipe(duplex=False)
        self._process = context.Process(
            target=engine_main,
            args=(self._config, engine_out, engine_in),
            name="blueroom-engine",
            daemon=False,  # it has a parsing child of its own; it stops when its pipe closes
        )
        self._engine_ends = (engine_out, engine_in)
        self._decoder = msgspec.msgpack.Decoder(ToClient)
        self._encoder = msgspec.msgpack.Encoder()
        self._send_lock = threading.Lock()
        self._board_sent = -1  # the last board version sent, from either thread
        self._receiver = threading.Thread(target=self._receive, name="engine-client", daemon=True)
        self._events: deque[Event] = deque(maxlen=5_000)
        self._bus_stats: list[SubscriptionStats] = []
        self._writer_stats = WriterStats(0, 0, 0, 0.0, True, "", 0)
        self.source_stats: ReplayStats | None = None
        self.model_errors: list[str] = []
        self.stopped = threading.Event()
        self.failure = ""
        self.model: RemoteModel
        self.actions: RoomActions
        self.session_id = ""
        self.resumed = False
        self.messages: list[str] = []
        self.last_export: ExportResult | None = None
        self.decision_listeners: list[Callable[[], None]] = []  # on the receiving thread

    def start(self, timeout: float = 300.0) -> None:
        """Start the engine and wait until it has opened (or resumed) the session."""
        self._process.start()
        for end in self._engine_ends:
            end.close()
        if not self._from_engine.poll(timeout):
            self._process.kill()
            raise RoomError(f"the engine did not start within {timeout:.0f} s")
        first = self._decoder.decode(self._from_engine.recv_bytes())
        if isinstance(first, Failed):
            self._process.join(5.0)
            raise RoomError(first.reason)
        assert isinstance(first, Ready)
        self.session_id, self.resumed, self.messages = (
            first.session_id,
            first.resumed,
            first.messages,
        )
        steps = tuple(first.steps)
        self.model = RemoteModel(steps, self._send_query)
        self.actions = RoomActions(self.publish, self.model.session, first.session_id)  # type: ignore[arg-type]
        self._receiver.start()

    def publish(self, event: Event) -> int:
        """Send an event to the engine's bus (an action, a camera state...)."""
        if not self.stopped.is_set():
            self._send(Publish(event))
        return 0

    def _send(self, message: Query | Export | Publish | Stop) -> None:
        data = self._encoder.encode(message)
        with self._send_lock:
            try:
                self._to_engine.send_bytes(data)
            except (BrokenPipeError, OSError):
                self.stopped.set()

    def _send_query(self, query: QueueQuery) -> None:
        if not self.stopped.is_set():
            self._send(Query(query))

    def export_csv(self, path: Path) -> None:
        """Ask the engine to write the questions CSV; the answer is ``last_export``."""
        if not self.stopped.is_set():
            self._send(Export(str(path)))

    def drain_events(self) -> list[Event]:
        events: list[Event] = []
        while self._events:  # popleft, not clear(): the receiver may be adding meanwhile
            events.append(self._events.popleft())
        return events

    def bus_stats(self) -> list[SubscriptionStats]:
        return self._bus_stats

    def writer_stats(self) -> WriterStats:
        return self._writer_stats

    @property
    def alive(self) -> bool:
        return self._process.is_alive() and not self.stopped.is_set()

    def stop(self, timeout: float = 15.0) -> None:
        with self._send_lock, contextlib.suppress(BrokenPipeError, OSError):
            self._to_engine.send_bytes(self._encoder.encode(Stop()))
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5.0)
        self.stopped.set()
        if self._receiver.is_alive():
            self._receiver.join(5.0)

    def _receive(self) -> None:
        handlers: dict[type, Callable[[Any], None]] = {
            Board: self._on_board,
            Page: lambda m: setattr(self.model.questions, "last_page", m.page),
            Exported: lambda m: setattr(self, "last_export", m.result),
            Metrics: lambda m: setattr(self.model.metrics, "value", m.snapshot),
            Heat: self._on_heat,
            Session: self._on_session,
            Stats: self._on_stats,
            Events: lambda m: self._events.extend(m.events),
        }
        try:
            while True:
                message = self._decoder.decode(self._from_engine.recv_bytes())
                if isinstance(message, Stopped | Failed):
                    if isinstance(message, Failed):
                        self.failure = message.reason
                    break
                handler = handlers.get(type(message))
                if handler is not None:
                    handler(message)
        except (EOFError, OSError):
            if not self.stopped.is_set():
                self.failure = "the engine stopped unexpectedly"
        finally:
            self.stopped.set()

    def _on_heat(self, message: Heat) -> None:
        glow = np.frombuffer(message.glow, dtype=np.uint8).reshape(message.height, message.width)
        self.model.heat.value = HeatSnapshot(
            glow=glow,
            view=message.view,
            mode=HeatMode(message.mode),
            half_life=message.half_life,
            flashes=(),
            posts=message.posts,
            by_precision=tuple(message.by_precision),
            countries=message.countries,
            top_places=tuple(message.top_places),
            version=message.version,
            made_at=message.made_at,
        )

    def _on_board(self, message: Board) -> None:
        board = self.model.questions
        previous = board.value
        board.value = message.snapshot
        decided = (
            previous.on_air != message.snapshot.on_air
            or previous.armed != message.snapshot.armed
            or previous.approved[:8] != message.snapshot.approved[:8]
        )
        if decided:
            for listener in self.decision_listeners:
                listener()

    def _on_session(self, message: Session) -> None:
        self.model.session.value = SessionSnapshot(
            self.model.session.steps, message.current, message.version
        )

    def _on_stats(self, message: Stats) -> None:
        self._bus_stats = message.bus
        self._writer_stats = message.writer
        self.source_stats = message.source
        self.model_errors = message.model_errors


def _options_dict(options: RoomOptions) -> dict[str, Any]:
    raw = asdict(options)
    for key in ("replay_file", "journal_path"):
        if raw[key] is not None:
            raw[key] = str(raw[key])
    return raw


def _empty_metrics() -> MetricsSnapshot:
    return MetricsSnapshot(
        posts=0, duplicates=0, retweets=0, replies=0, located=0, malformed=0,
        malformed_dropped=0, recent_problems=(), rate_now=0.0, rate_per_minute=0.0,
        rate_history=(), languages=(), sources=(), camera=None, camera_detail="", version=-1,
    )  # fmt: skip


def _empty_heat() -> HeatSnapshot:
    from blueroom.core.heatmap import PRESETS, glow_size

    view = PRESETS["world"]
    width, height = glow_size(view)
    glow = np.zeros((height, width), dtype=np.uint8)
    return HeatSnapshot(glow, view, HeatMode.LIVE, 600.0, (), 0, (), 0, (), -1, -1.0)
