"""Everything the screens show, as one model fed by event batches."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol, cast

import msgspec

from blueroom.core.booth import Booth, BoothModelState, BoothTimings
from blueroom.core.cost import CostMeter, CostSettings, CostState
from blueroom.core.cues import CueActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import AnyCheckpoint, Event, SourceCheckpoint, TweetReceived
from blueroom.core.guest_cues import CuesState, GuestCues
from blueroom.core.heatmap import HeatGrid, HeatState, Locator, MapView
from blueroom.core.metrics import IngestMetrics, MetricsState
from blueroom.core.moderation import ModerationRules
from blueroom.core.outbox import Outbox, OutboxModelState
from blueroom.core.plan import Guest, plan_from_steps
from blueroom.core.questions import BoardState, QuestionBoard
from blueroom.core.run_of_show import RunOfShow, ShowState
from blueroom.core.seen import SeenPosts, SeenState
from blueroom.core.session import SessionScript, SessionState, Step

ModelErrorSink = Callable[[str, BaseException], None]

# The shape of ``RoomState``: bump it when any model's state changes, and a snapshot
# written before is ignored (the journal is replayed instead).
# 2: the cost meter; 3: the outbox; 4: the booth; 5: the run-of-show; 6: the guest's
# cues, whose account a post goes out from; 7: the session's overlays turned off; 8: the
# room's switches (the questions wall, the Q&A, the booth armed, the badge) and the stream
STATE_VERSION = 8


class RoomState(msgspec.Struct, frozen=True):
    """Every model as it was after a given journal batch: what a snapshot holds."""

    version: int
    seen: SeenState
    metrics: MetricsState
    questions: BoardState
    heat: HeatState
    session: SessionState
    checkpoint: AnyCheckpoint | None  # the source's last position
    cost: CostState
    outbox: OutboxModelState = OutboxModelState()
    booth: BoothModelState = BoothModelState()
    show: ShowState = ShowState()
    cues: CuesState = CuesState()


class _Part(Protocol):
    def apply(self, events: Sequence[Event]) -> None: ...


def _raise(name: str, error: BaseException) -> None:
    raise error


class RoomModel:
    """The pure models of the room.

    ``apply`` and ``tick`` run on the model worker thread and leave fresh snapshots
    behind; views only read ``latest()`` snapshots, which never waits on a lock.

    Each model takes each batch on its own: one that raises is reported to ``on_error``
    (by name) and the others, and the batches after, go on. Without a sink the error
    is raised, as a test wants.
    """

    def __init__(
        self,
        rules: QuestionRules,
        steps: tuple[Step, ...],
        half_life: float,
        moderation: ModerationRules | None = None,
        *,
        ignored_words: tuple[str, ...] = (),
        locator: Locator | None = None,
        view: MapView | None = None,
        on_error: ModelErrorSink | None = None,
        keep_posts: bool = True,
        clock: Callable[[], float] = time.time,
        prices: CostSettings | None = None,
        booth: BoothTimings | None = None,
        hashtag: str = "",
    ) -> None:
        self.seen = SeenPosts()
        self.edits = 0  # later versions of posts seen before (counted once)
        self.metrics = IngestMetrics(clock=clock)
        self.questions = QuestionBoard(
            rules, moderation, ignored_words=ignored_words, keep_posts=keep_posts
        )
        self.checkpoint: AnyCheckpoint | None = None  # where the source had got to
        self.changed = threading.Event()  # set when a person's decision was applied
        # Called on the model thread right after a decision is applied (the engine sends
        # the board from there: one thread hand-off less between a key and the walls).
        self.on_decision: Callable[[], None] | None = None
        self.heat = HeatGrid(half_life=half_life, locator=locator, view=view)
        self.session = SessionScript(steps)
        self.cost = CostMeter(prices)
        self.outbox = Outbox()  # also the clock's posting timer (the room adds it)
        self.booth = Booth(booth, hashtag=hashtag)  # also a timer: deadlines, posts asked
        # The run-of-show clock: also a timer (moves that fall due, cues to send)
        self.show = RunOfShow(
            CueActions(
                lambda: (self.heat.mode.value, self.heat.half_life),
                locator,
                streaming=lambda: self.session.latest().streaming,
            ),
            plan_from_steps(steps, Guest(), hashtag=hashtag),
        )
        self.cues = GuestCues()  # the operator's cues to the guest, the guest's call for help
        self._on_error = on_error or _raise
        self.parts: tuple[tuple[str, _Part], ...] = (
            ("metrics", self.metrics),
            ("questions", self.questions),
            ("heat map", self.heat),
            ("session", self.session),
            ("cost", self.cost),
            ("outbox", self.outbox),
            ("booth", self.booth),
            ("run-of-show", self.show),
            ("cues", self.cues),
        )

    def apply(self, events: Sequence[Event]) -> None:
        duplicates = self.seen.duplicates
        events = self.seen.fresh(events)  # a post counts once per session, everywhere
        self.metrics.count_duplicates(self.seen.duplicates - duplicates)
        decisions = self.questions.decisions
        for event in reversed(events):
            if isinstance(event, SourceCheckpoint):
                self.checkpoint = cast(AnyCheckpoint, event)
                break
        counted = self._without_edits(events)
        for name, part in self.parts:
            try:
                part.apply(events if part is self.questions else counted)
            except Exception as error:  # noqa: BLE001 - one model's bug must not stop the others
                self._on_error(name, error)
        self._guarded("questions", self.questions.snapshot)
        self._guarded("session", self._follow_show)
        self.tick()
        if self.questions.decisions != decisions:
            if self.on_decision is not None:
                self.on_decision()
            self.changed.set()

    def _follow_show(self) -> None:
        """The guest's current step is the run-of-show's current segment."""
        current = self.show.latest().current
        if current:
            self.session.follow(current)

    def _without_edits(self, events: Sequence[Event]) -> Sequence[Event]:
        """``events`` without the later versions of posts already seen (an edit arrives
        with a new id): the board shows the newest version, the counters and the heat map
        count the post once."""
        edits = [
            i
            for i, event in enumerate(events)
            if type(event) is TweetReceived
            and event.tweet.replaces
            and any(old in self.seen for old in event.tweet.replaces)
        ]
        if not edits:
            return events
        skipped = set(edits)
        self.edits += len(edits)
        return [event for i, event in enumerate(events) if i not in skipped]

    def capture(self, locked: bool = True) -> Callable[[], RoomState]:
        """Every model's state, copied now; ``build()`` the returned function (on another
        thread) to get the state. ``locked=False`` in a process forked from the model
        worker (nothing else runs there, and a reader's lock may have been copied held)."""
        seen, metrics = self.seen.capture(locked), self.metrics.capture(locked)
        questions, heat = self.questions.capture(locked), self.heat.capture(locked)
        session, checkpoint = self.session.capture(locked), self.checkpoint
        cost = self.cost.capture(locked)
        outbox = self.outbox.capture(locked)
        booth = self.booth.capture(locked)
        show = self.show.capture(locked)
        cues = self.cues.capture(locked)

        def build() -> RoomState:
            return RoomState(
                STATE_VERSION, seen(), metrics(), questions(), heat(), session(), checkpoint,
                cost(), outbox(), booth(), show(), cues(),
            )  # fmt: skip

        return build

    def restore(self, state: RoomState) -> None:
        """Every model as in ``state`` (of this ``STATE_VERSION``)."""
        if state.version != STATE_VERSION:
            raise ValueError(
                f"a state of version {state.version}, this release reads {STATE_VERSION}"
            )
        self.seen.restore(state.seen)
        self.metrics.restore(state.metrics)
        self.questions.restore(state.questions)
        self.heat.restore(state.heat)
        self.session.restore(state.session)
        self.outbox.restore(state.outbox)
        self.booth.restore(state.booth)
        self.show.restore(state.show)
        self.cues.restore(state.cues)
        self.checkpoint = state.checkpoint
        self.cost.restore(state.cost)
        self.questions.snapshot()

    def tick(self) -> None:
        """The engine's clock: keep the rates fresh when no event comes.

        The heat glow is not rendered here: OpenCV lets go of the GIL, and getting it
        back beside a busy parser thread would stall the journal. It is rendered by
        whoever reads it, at most once per frame (see ``HeatGrid.latest``).
        """
        self._guarded("metrics", self.metrics.snapshot)

    def _guarded(self, name: str, call: Callable[[], object]) -> None:
        try:
            call()
        except Exception as error:  # noqa: BLE001 - reported by name, the room goes on
            self._on_error(name, error)
