"""The engine process: the room without its screens, and the publisher of what they show.

Why a process: PySide6 lets go of the GIL in its calls, so a GUI thread sharing the
interpreter with busy ingest threads waits for the GIL on almost every Qt call (measured
here: a 200-call paint takes 0.4 ms alone, 43 ms beside one busy thread, 230 ms beside
three). The engine (sources, bus, journal, models) therefore runs in a child process
with its own GIL; the screens' process keeps the camera and the windows and receives
ready snapshots a few times a second. Operator and guest actions come back as events,
are published on the engine's bus and journalled like everything else.

What is sent is a table of feeds (``SnapshotPublisher.feeds``): a name, what to send
when something is new, and how often at most. A new feed for the screens (the outbox,
the booth, the guest's cues, the run-of-show clock) is one more entry.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, cast

import msgspec

from blueroom.core.events import AnyEvent
from blueroom.core.heatmap import HeatSnapshot
from blueroom.core.questions import QueueQuery
from blueroom.engine.protocol import (
    PROTOCOL_VERSION,
    Board,
    Booth,
    Cost,
    Cues,
    Events,
    Export,
    Exported,
    Failed,
    GuestAccount,
    Heat,
    Metrics,
    Outbox,
    Page,
    Problems,
    Progress,
    ProtocolMismatch,
    Publish,
    Query,
    Ready,
    Session,
    Show,
    Stats,
    Stop,
    Stopped,
    ToClient,
    ToEngine,
    check_start,
)
from blueroom.engine.room import Room, RoomError, RoomOptions
from blueroom.runtime import ENGINE_NICENESS, lower_this_process
from blueroom.settings import Settings
from blueroom.workers import Worker

HEAT_HZ = 20.0  # the heat wall composes at most 20 images a second
BOARD_HZ = 10.0
METRICS_HZ = 5.0
STATS_HZ = 2.0
COST_HZ = 1.0
PROGRESS_HZ = 5.0

Send = Callable[[ToClient], None]


def options_from(raw: dict[str, Any]) -> RoomOptions:
    for key in ("replay_file", "journal_path"):
        if raw.get(key) is not None:
            raw[key] = Path(raw[key])
    return RoomOptions(**raw)


def engine_main(start: bytes, outbox: Connection, inbox: Connection) -> None:
    """Entry point of the engine process: run the room until told to stop."""
    # Ctrl-C reaches the whole process group: the screens decide when the engine stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    terminated = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: terminated.set())
    lower_this_process(ENGINE_NICENESS)
    encoder = msgspec.msgpack.Encoder()
    send_lock = threading.Lock()

    def send(message: ToClient) -> None:
        data = encoder.encode(message)
        with send_lock:  # the model thread sends decisions' boards too
            outbox.send_bytes(data)

    try:
        config = check_start(start)
        settings = msgspec.convert(config.settings, Settings)
        room = Room(settings, options_from(config.options), progress=_progress_sender(send))
    except (ProtocolMismatch, RoomError) as error:
        send(Failed(str(error)))
        return
    except Exception as error:  # noqa: BLE001 - the screens show one line, not a traceback
        send(Failed(f"{type(error).__name__}: {error}"))
        return
    report = room.report
    steps = list(room.model.session.steps)
    send(Ready(PROTOCOL_VERSION, report.session.id, report.resumed, report.messages, steps))
    publisher = SnapshotPublisher(room, send)
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
            elif isinstance(message, Publish):
                room.publish(message.event)
            elif isinstance(message, GuestAccount):
                room.set_guest_account(
                    message.handle, message.access, message.expires_at, tuple(message.scopes)
                )
    except (EOFError, OSError):
        pass  # the screens went away: stop cleanly, the journal is flushed below
    finally:
        publisher.stop()
        room.stop()
        with contextlib.suppress(BrokenPipeError, OSError):
            send(Stopped(room.losses()))


def _progress_sender(send: Send) -> Callable[[str, int, int], None]:
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 1.0 / PROGRESS_HZ or done >= total:
            last[0] = now
            send(Progress(stage, done, total))

    return progress


@dataclass(frozen=True, slots=True)
class Feed:
    """One kind of message for the screens.

    ``messages`` returns what to send now (nothing when nothing is new); it is asked at
    most ``hz`` times a second (0: at every wake), or at once when ``urgent`` says so.
    """

    name: str
    messages: Callable[[], Sequence[ToClient]]
    hz: float = 0.0
    urgent: Callable[[], bool] | None = None


class SnapshotPublisher:
    """Sends what changed to the screens, feed by feed, on a worker of its own.

    Woken at once by a person's decision (the models set ``changed``), else 20 times a
    second. A feed that raises is reported and the others go on.
    """

    def __init__(self, room: Room, send: Send) -> None:
        self._room = room
        self._send = send
        self._query: QueueQuery | None = None
        self._shown_query: tuple[QueueQuery | None, int] = (None, -1)
        self._exports: list[str] = []
        self._export_sent: object = None
        self._board_sent = -1  # the last board version sent, from either thread
        self._decisions = -1
        self._heat_made = -1.0
        self._session_version = -1
        self._session_steps: object = None
        self._show_sent: object = None
        self._cost_version = -1
        self._outbox_version = -1
        self._booth_sent: object = None
        self._cues_version = -1
        self._problems_version = 0
        self._gone = False
        self.feeds: tuple[Feed, ...] = (
            Feed("board", self._board, BOARD_HZ, urgent=self._decided),
            Feed("page", self._page, BOARD_HZ, urgent=self._query_changed),
            Feed("exports", self._export_results),
            # After the board: a decision must not wait behind a glow rendering.
            Feed("heat", self._heat),
            Feed("metrics", self._metrics, METRICS_HZ),
            Feed("session", self._session),
            Feed("show", self._show),
            Feed("cost", self._cost, COST_HZ),
            Feed("outbox", self._outbox),
            Feed("booth", self._booth),
            Feed("cues", self._cues),
            Feed("stats", self._stats, STATS_HZ),
            Feed("problems", self._problems),
            Feed("events", self._events),
        )
        self._worker = Worker(
            "engine-publisher",
            self._run,
            wake=room.model.changed.set,
            on_error=room.problems.record_worker,
        )

    def start(self) -> None:
        self._room.model.on_decision = self.send_board_now
        self._worker.start()

    def stop(self) -> None:
        self._room.model.on_decision = None
        self._worker.stop()

    def ask(self, query: QueueQuery) -> None:
        self._query = query
        self._room.model.changed.set()

    def export(self, path: str) -> None:
        self._exports.append(path)
        self._room.model.changed.set()

    def send_board_now(self) -> None:
        """On the model thread, right after a person's decision: the walls see it at once."""
        snapshot = self._room.model.questions.snapshot()
        self._deliver((Board(snapshot),))
        self._board_sent = snapshot.version

    # -- the feeds ---------------------------------------------------------------------
    def _decided(self) -> bool:
        return self._room.model.questions.decisions != self._decisions

    def _board(self) -> Sequence[ToClient]:
        questions = self._room.model.questions
        self._decisions = questions.decisions
        if questions.version == self._board_sent:
            return ()
        board = questions.snapshot()
        self._board_sent = board.version
        return (Board(board),)

    def _query_changed(self) -> bool:
        return self._query != self._shown_query[0]

    def _page(self) -> Sequence[ToClient]:
        query, questions = self._query, self._room.model.questions
        if query is None or (query, questions.version) == self._shown_query:
            return ()
        self._shown_query = (query, questions.version)
        return (Page(questions.page(query)),)

    def _export_results(self) -> Sequence[ToClient]:
        while self._exports:
            self._room.export_csv(Path(self._exports.pop(0)))  # written by a worker
        result = self._room.last_export
        if result is None or result is self._export_sent:
            return ()
        self._export_sent = result
        return (Exported(result),)

    def _heat(self) -> Sequence[ToClient]:
        heat = self._room.model.heat.latest()
        if heat.made_at == self._heat_made:
            return ()
        self._heat_made = heat.made_at
        return (heat_message(heat),)

    def _metrics(self) -> Sequence[ToClient]:
        return (Metrics(self._room.model.metrics.latest()),)

    def _session(self) -> Sequence[ToClient]:
        session = self._room.model.session.latest()
        if session.version == self._session_version:
            return ()
        self._session_version = session.version
        steps = list(session.steps) if session.steps is not self._session_steps else None
        self._session_steps = session.steps
        return (
            Session(
                session.current, session.version, session.held, steps, session.hidden,
                session.switches, session.streaming,
            ),
        )  # fmt: skip

    def _show(self) -> Sequence[ToClient]:
        state = self._room.model.show.latest()  # replaced whole at each change
        if state is self._show_sent:
            return ()
        self._show_sent = state
        return (Show(state),)

    def _cost(self) -> Sequence[ToClient]:
        cost = self._room.model.cost.latest()
        if cost.version == self._cost_version:
            return ()
        self._cost_version = cost.version
        return (Cost(cost),)

    def _outbox(self) -> Sequence[ToClient]:
        outbox = self._room.model.outbox.latest()
        if outbox.version == self._outbox_version:
            return ()
        self._outbox_version = outbox.version
        return (Outbox(outbox),)

    def _booth(self) -> Sequence[ToClient]:
        state = self._room.model.booth.latest()  # replaced whole at each change
        if state is self._booth_sent:
            return ()
        self._booth_sent = state
        return (Booth(state),)

    def _cues(self) -> Sequence[ToClient]:
        cues = self._room.model.cues.latest()
        if cues.version == self._cues_version:
            return ()
        self._cues_version = cues.version
        return (Cues(cues),)

    def _stats(self) -> Sequence[ToClient]:
        room = self._room
        return (Stats(room.bus.stats(), room.writer.stats(), [room.source.stats()]),)

    def _problems(self) -> Sequence[ToClient]:
        problems = self._room.problems
        if problems.version == self._problems_version:
            return ()
        self._problems_version = problems.version
        return (Problems(problems.problems(), str(problems.path or "")),)

    def _events(self) -> Sequence[ToClient]:
        events, lost = self._room.drain_activity()
        return (Events(cast("list[AnyEvent]", events), lost),) if events else ()

    # -- the worker --------------------------------------------------------------------
    def _deliver(self, messages: Sequence[ToClient]) -> None:
        if self._gone:
            return
        try:
            for message in messages:
                self._send(message)
        except (BrokenPipeError, OSError):
            self._gone = True  # the screens went away: the engine is being stopped

    def _run(self, stop: threading.Event) -> None:
        changed = self._room.model.changed
        sent: dict[str, float] = {}
        while not stop.is_set() and not self._gone:
            changed.wait(1.0 / HEAT_HZ)
            changed.clear()
            if stop.is_set():
                break
            now = time.monotonic()
            for feed in self.feeds:
                urgent = feed.urgent is not None and feed.urgent()
                if not urgent and feed.hz and now - sent.get(feed.name, 0.0) < 1.0 / feed.hz:
                    continue
                try:
                    messages = feed.messages()
                except Exception as error:  # noqa: BLE001 - reported; the other feeds go on
                    self._room.problems.record(f"feed · {feed.name}", error)
                    continue
                if messages:
                    sent[feed.name] = now
                    self._deliver(messages)


def heat_message(heat: HeatSnapshot) -> Heat:
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
        in_view=heat.in_view,
    )
