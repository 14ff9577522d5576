"""Every message between the room's processes, in one place, under one version.

Three processes talk over pipes in MessagePack: the screens (GUI), the engine, and the
engine's parser (a replay at full speed). Each message is a tagged msgspec Struct. The
processes are spawned from the same installation, but an upgrade while the room runs
can put two releases face to face: the first message each way carries
``PROTOCOL_VERSION`` and a mismatch ends the meeting with one clear line (``Failed``,
whose shape never changes) instead of a hang or a decoding error.

Bump ``PROTOCOL_VERSION`` whenever a message below changes shape.
"""

from __future__ import annotations

from typing import Any

import msgspec

from blueroom.core.booth import BoothState
from blueroom.core.bus import SubscriptionStats
from blueroom.core.cost import CostSnapshot
from blueroom.core.events import AnyEvent
from blueroom.core.guest_cues import CuesSnapshot
from blueroom.core.heatmap import MapView, ViewFigures
from blueroom.core.metrics import MetricsSnapshot
from blueroom.core.outbox import OutboxSnapshot
from blueroom.core.questions import BoardSnapshot, QueuePage, QueueQuery
from blueroom.core.run_of_show import ShowState
from blueroom.core.session import Step
from blueroom.core.switches import Switches
from blueroom.core.tweet import Tweet
from blueroom.problems import Problem
from blueroom.sources.source import SourceStats
from blueroom.store.export import ExportResult
from blueroom.store.journal import WriterStats

# 3: Session says whether the walls are held; Heat the view's figures
# 4: Cost, what X costs the session; 5: events GuestSignedIn and GuestSignedOut
# 6: events XCheckpoint and PostDeleted, a tweet's "replaces", Chunk.deleted
# 7: the outbox's feed (Outbox) and its events; 8: the event PhotoOnWall
# 9: the booth's feed (Booth) and its events
# 10: a step says what the guest panel shows
# 11: the booth's frame and caption (BoothStyled, BoothCaptionOffered, PhotoComposed)
# 12: the run-of-show (Show, SessionPlanned, RunOfShowMoved, CueSent); Session's steps
# 13: the booth's boomerang (ClipSaved, ClipFailed, BoothClipChosen; BoothPhoto's clip)
# 14: the guest's cues and call for help (Cues, their events), whose account a post goes
#     out from (OutboxQueued.post_as), the guest's token for their own posts (GuestAccount)
# 15: Session says which overlays are off; events OverlayToggled and Recording*
# 16: Session's switches and stream; events RoomSwitched, StreamAsked, StreamStateChanged;
#     BoothState.armed
PROTOCOL_VERSION = 16


class ProtocolMismatch(Exception):
    """The other process speaks another version of the protocol."""


def mismatch(other: object, who: str) -> str:
    return (
        f"the {who} speaks protocol {other!r}, this Blue Room speaks {PROTOCOL_VERSION}:"
        " two releases are mixed (was Blue Room upgraded while it ran?); start it again"
    )


# -- GUI → engine: how to start (the engine process's argument) ---------------------------


class Start(msgspec.Struct, tag=True):
    protocol: int
    settings: dict[str, Any]
    options: dict[str, Any]


# -- engine → GUI ----------------------------------------------------------------------------


class Ready(msgspec.Struct, tag=True):
    protocol: int
    session_id: str
    resumed: bool
    messages: list[str]
    steps: list[Step]


class Failed(msgspec.Struct, tag=True):
    """The engine cannot run; ``reason`` is one line. Its shape never changes."""

    reason: str


class Progress(msgspec.Struct, tag=True):
    """Resuming: ``done`` of ``total`` events replayed (sent a few times a second)."""

    stage: str
    done: int
    total: int


class Board(msgspec.Struct, tag=True):
    snapshot: BoardSnapshot


class Page(msgspec.Struct, tag=True):
    page: QueuePage


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
    in_view: ViewFigures | None = None  # the posts inside the view, for a regional map


class Cost(msgspec.Struct, tag=True):
    """What X costs the session so far, against its budget (sent when it changes)."""

    snapshot: CostSnapshot


class Session(msgspec.Struct, tag=True):
    current: int
    version: int
    held: bool = False
    steps: list[Step] | None = None  # sent when a plan changed them
    hidden: tuple[str, ...] = ()  # the programme's overlays turned off
    switches: Switches = Switches()  # the questions wall, the Q&A, the booth, the badge
    streaming: bool = False  # the programme's stream is live


class Show(msgspec.Struct, tag=True):
    """The run-of-show clock's state at each change (the screens compute the times)."""

    state: ShowState


class Outbox(msgspec.Struct, tag=True):
    """The outbox, whole, at each change (a session's posts are a few dozen)."""

    snapshot: OutboxSnapshot


class Booth(msgspec.Struct, tag=True):
    """The mirror's booth at each change (its step, deadline and photo)."""

    state: BoothState


class Cues(msgspec.Struct, tag=True):
    """The operator's cues to the guest and the guest's call for help, at each change."""

    snapshot: CuesSnapshot


class Stats(msgspec.Struct, tag=True):
    """How every feed is doing, twice a second: bus, journal, sources."""

    bus: list[SubscriptionStats]
    writer: WriterStats
    sources: list[SourceStats]


class Problems(msgspec.Struct, tag=True):
    """Sent at once when a new problem happens (and with every change of the counts)."""

    problems: list[Problem]
    log_path: str


class Events(msgspec.Struct, tag=True):
    """Committed events other than posts, for the activity log; ``lost``: dropped so far."""

    events: list[AnyEvent]
    lost: int = 0


class Exported(msgspec.Struct, tag=True):
    result: ExportResult


class Stopped(msgspec.Struct, tag=True):
    """The engine has stopped; ``problems`` says what it could not keep (empty: nothing)."""

    problems: list[str] = []


ToClient = (
    Ready
    | Failed
    | Progress
    | Board
    | Page
    | Metrics
    | Heat
    | Cost
    | Session
    | Show
    | Outbox
    | Booth
    | Cues
    | Stats
    | Problems
    | Events
    | Exported
    | Stopped
)


# -- GUI → engine -----------------------------------------------------------------------------


class Publish(msgspec.Struct, tag=True):
    event: AnyEvent


class Query(msgspec.Struct, tag=True):
    """What the console's queue shows; the engine answers with a ``Page`` on each change."""

    query: QueueQuery


class Export(msgspec.Struct, tag=True):
    path: str


class GuestAccount(msgspec.Struct, tag=True):
    """The signed-in guest's access token, for the outbox's posts as the guest (never
    journalled, never logged); ``access`` "": the guest signed out."""

    handle: str
    access: str = ""
    expires_at: float = 0.0
    scopes: list[str] = []

    def __repr__(self) -> str:
        return f"GuestAccount({self.handle!r}, access={'***' if self.access else ''!r})"


class Stop(msgspec.Struct, tag=True):
    pass


ToEngine = Publish | Query | Export | GuestAccount | Stop


# -- engine → parser and back ------------------------------------------------------------------


class Play(msgspec.Struct, tag=True):
    """Parse the recording's lines after ``start_line``, as on loop ``loop``."""

    path: str
    start_line: int
    loop: int
    duration: float


class Cancel(msgspec.Struct, tag=True):
    pass


class Quit(msgspec.Struct, tag=True):
    pass


ToParser = Play | Cancel | Quit


class Chunk(msgspec.Struct, gc=False):
    """Consecutive lines from ``first_line`` (or, with ``done``, the end of a play)."""

    first_line: int = 0
    tweets: list[list[Tweet]] = []  # a list per line
    problems: list[tuple[int, str, str, bool]] = []  # (line's index, reason, excerpt, dropped)
    done: bool = False
    error: str = ""
    deleted: list[tuple[int, str]] = []  # (line's index, post id) of compliance deletions


class ParserHello(msgspec.Struct):
    """The parser's first message: the protocol it speaks."""

    protocol: int


# -- the version check, where two processes meet -----------------------------------------------


def check_start(data: bytes) -> Start:
    """The engine reads its ``Start``; raises ``ProtocolMismatch`` for another release's."""
    raw = msgspec.msgpack.decode(data)
    protocol = raw.get("protocol") if isinstance(raw, dict) else None
    if protocol != PROTOCOL_VERSION:
        raise ProtocolMismatch(mismatch(protocol, "screens' process"))
    return msgspec.convert(raw, Start)


def first_from_engine(data: bytes) -> Ready | Failed:
    """The GUI reads the engine's first message: ``Ready`` of this release, or ``Failed``."""
    raw = msgspec.msgpack.decode(data)
    kind = raw.get("type") if isinstance(raw, dict) else None
    if kind == "Failed":
        return msgspec.convert(raw, Failed)
    if kind == "Ready" and raw.get("protocol") == PROTOCOL_VERSION:
        return msgspec.convert(raw, Ready)
    protocol = raw.get("protocol") if isinstance(raw, dict) else None
    return Failed(mismatch(protocol, "engine"))
