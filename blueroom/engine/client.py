"""The screens' side of the engine: a process handle, a sender, and what was received.

``EngineClient`` starts the engine process, waits until it has opened (or resumed) the
session, then keeps the last snapshot of each feed in the remote stand-ins of the
models (``engine/remote.py``), which the views read. Actions go back as events.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol, cast

import msgspec

from blueroom.core.actions import RoomActions
from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import AnyEvent, Event
from blueroom.core.questions import QueueQuery
from blueroom.core.readers import ModelsReader
from blueroom.engine.process import engine_main
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
    Publish,
    Query,
    Session,
    Show,
    Start,
    Stats,
    Stop,
    Stopped,
    ToClient,
    ToEngine,
    first_from_engine,
)
from blueroom.engine.remote import RemoteModels
from blueroom.engine.room import RoomError, RoomOptions
from blueroom.problems import Problem
from blueroom.runtime import widen
from blueroom.settings import Settings
from blueroom.sources.source import SourceStats
from blueroom.store.export import ExportResult
from blueroom.store.journal import WriterStats
from blueroom.workers import Worker

ACTIVITY_KEPT = 5_000  # events waiting for the console's log; beyond, counted as lost


class RoomLink(Protocol):
    """What the windows need of the room: the engine's client, or the room in-process."""

    @property
    def model(self) -> ModelsReader: ...

    @property
    def actions(self) -> RoomActions: ...

    def bus_stats(self) -> list[SubscriptionStats]: ...

    def writer_stats(self) -> WriterStats: ...

    def drain_events(self) -> list[Event]: ...

    def current_problems(self) -> list[Problem]: ...

    def dropped_events(self) -> int:
        """Activity-log events dropped on their way to the console so far."""
        ...

    def sources(self) -> list[SourceStats]: ...

    def publish(self, event: Event) -> int: ...

    def set_guest_account(
        self, handle: str, access: str, expires_at: float = 0.0, scopes: tuple[str, ...] = ()
    ) -> None:
        """The signed-in guest's access token for their own posts ("": signed out)."""
        ...

    def export_csv(self, path: Path) -> object: ...

    @property
    def last_export(self) -> ExportResult | None: ...


class EngineClient:
    """Starts the engine process and keeps the latest snapshots for the screens."""

    def __init__(self, settings: Settings, options: RoomOptions) -> None:
        self._start = msgspec.msgpack.encode(
            Start(PROTOCOL_VERSION, msgspec.to_builtins(settings), _options_dict(options))
        )
        context = multiprocessing.get_context("spawn")
        self._from_engine, engine_out = context.Pipe(duplex=False)
        widen(self._from_engine)  # a heat image is ~300 KB, thirty times a second
        engine_in, self._to_engine = context.Pipe(duplex=False)
        self._process = context.Process(
            target=engine_main,
            args=(self._start, engine_out, engine_in),
            name="blueroom-engine",
            daemon=False,  # it has a parsing child of its own; it stops when its pipe closes
        )
        self._engine_ends = (engine_out, engine_in)
        self._decoder = msgspec.msgpack.Decoder(ToClient)
        self._encoder = msgspec.msgpack.Encoder()
        self._send_lock = threading.Lock()
        self._receiver = Worker("engine-client", self._receive)
        self._events: deque[Event] = deque()
        self.events_lost = 0  # activity-log events dropped here or by the engine
        self._engine_lost = 0
        self._bus_stats: list[SubscriptionStats] = []
        self._writer_stats = WriterStats(0, 0, 0, 0.0, True, "", 0)
        self.source_stats: list[SourceStats] = []
        self._problems: list[Problem] = []
        self.problems_log = ""
        self.progress: Progress | None = None
        self.stopped = threading.Event()
        self.failure = ""
        self.losses: list[str] = []  # what the engine could not keep, said when it stopped
        self._model: RemoteModels | None = None
        self._actions: RoomActions | None = None
        self.session_id = ""
        self.resumed = False
        self.messages: list[str] = []
        self.last_export: ExportResult | None = None
        self.decision_listeners: list[Callable[[], None]] = []  # on the receiving worker

    @property
    def model(self) -> RemoteModels:
        if self._model is None:
            raise RuntimeError("the engine has not started yet")
        return self._model

    @property
    def actions(self) -> RoomActions:
        if self._actions is None:
            raise RuntimeError("the engine has not started yet")
        return self._actions

    def start(
        self, timeout: float = 300.0, on_progress: Callable[[Progress], None] | None = None
    ) -> None:
        """Start the engine and wait until it has opened (or resumed) the session.

        ``timeout`` is for the engine's silence: a resume that reports progress may
        take longer. Raises ``RoomError`` with the engine's one line when it cannot run.
        """
        self._process.start()
        for end in self._engine_ends:
            end.close()
        while True:
            if not self._from_engine.poll(timeout):
                self._process.kill()
                raise RoomError(f"the engine said nothing for {timeout:.0f} s")
            try:
                data = self._from_engine.recv_bytes()
            except (EOFError, OSError):
                self._process.join(5.0)
                raise RoomError("the engine stopped before the room was ready") from None
            with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError):
                progress = msgspec.msgpack.decode(data, type=Progress)
                self.progress = progress
                if on_progress is not None:
                    on_progress(progress)
                continue
            break
        first = first_from_engine(data)
        if isinstance(first, Failed):
            self._process.join(5.0)
            if self._process.is_alive():
                self._process.kill()
            raise RoomError(first.reason)
        self.session_id, self.resumed, self.messages = (
            first.session_id,
            first.resumed,
            first.messages,
        )
        self._model = RemoteModels(tuple(first.steps), self._send_query)
        self._actions = RoomActions(self.publish, self._model.session, first.session_id)
        self._receiver.start()

    def publish(self, event: Event) -> int:
        """Send an event to the engine's bus (an action, a camera state...)."""
        if not self.stopped.is_set():
            self._send(Publish(cast(AnyEvent, event)))
        return 0

    def set_guest_account(
        self, handle: str, access: str, expires_at: float = 0.0, scopes: tuple[str, ...] = ()
    ) -> None:
        """The signed-in guest's access token to the engine's outbox ("": signed out)."""
        if not self.stopped.is_set():
            self._send(GuestAccount(handle, access, expires_at, list(scopes)))

    def _send(self, message: ToEngine) -> None:
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

    def current_problems(self) -> list[Problem]:
        """The engine's failures so far (models, workers, feeds, the journal)."""
        return self._problems

    def sources(self) -> list[SourceStats]:
        return self.source_stats

    def dropped_events(self) -> int:
        return self.events_lost

    def writer_stats(self) -> WriterStats:
        return self._writer_stats

    @property
    def pid(self) -> int:
        """The engine process's id (0 before it started)."""
        return self._process.pid or 0

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
            self.losses.append("the engine did not stop in time and was killed")
        self.stopped.set()
        self._receiver.join(5.0)

    # -- receiving --------------------------------------------------------------------
    def _receive(self, stop: threading.Event) -> None:
        model = self.model
        handlers: dict[type, Callable[[Any], None]] = {
            Board: self._on_board,
            Page: lambda m: setattr(model.questions, "last_page", m.page),
            Exported: lambda m: setattr(self, "last_export", m.result),
            Metrics: lambda m: setattr(model.metrics, "value", m.snapshot),
            Cost: lambda m: setattr(model.cost, "value", m.snapshot),
            Heat: model.heat.receive,
            Session: lambda m: model.session.receive(
                m.current, m.version, m.held, m.steps, m.hidden, m.switches, m.streaming
            ),
            Show: lambda m: setattr(model.show, "value", m.state),
            Outbox: lambda m: setattr(model.outbox, "value", m.snapshot),
            Booth: lambda m: setattr(model.booth, "value", m.state),
            Cues: lambda m: setattr(model.cues, "value", m.snapshot),
            Stats: self._on_stats,
            Problems: self._on_problems,
            Events: self._on_events,
        }
        try:
            while True:
                message = self._decoder.decode(self._from_engine.recv_bytes())
                if isinstance(message, Stopped | Failed):
                    if isinstance(message, Failed):
                        self.failure = message.reason
                    else:
                        self.losses.extend(message.problems)
                    break
                handler = handlers.get(type(message))
                if handler is not None:
                    handler(message)
        except (EOFError, OSError):
            if not self.stopped.is_set():
                self.failure = "the engine stopped unexpectedly"
        finally:
            self.stopped.set()

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

    def _on_stats(self, message: Stats) -> None:
        self._bus_stats = message.bus
        self._writer_stats = message.writer
        self.source_stats = message.sources

    def _on_problems(self, message: Problems) -> None:
        self._problems = message.problems
        self.problems_log = message.log_path

    def _on_events(self, message: Events) -> None:
        room = ACTIVITY_KEPT - len(self._events)
        kept = message.events[:room] if room > 0 else []
        self._events.extend(kept)
        self.events_lost += len(message.events) - len(kept) + (message.lost - self._engine_lost)
        self._engine_lost = message.lost


def _options_dict(options: RoomOptions) -> dict[str, Any]:
    raw = asdict(options)
    for key in ("replay_file", "journal_path"):
        if raw[key] is not None:
            raw[key] = str(raw[key])
    return raw
