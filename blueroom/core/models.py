"""Everything the screens show, as one model fed by event batches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event
from blueroom.core.heatmap import HeatGrid, Locator, MapView
from blueroom.core.metrics import IngestMetrics
from blueroom.core.moderation import ModerationRules
from blueroom.core.questions import QuestionBoard
from blueroom.core.seen import SeenPosts
from blueroom.core.session import SessionScript, Step

ModelErrorSink = Callable[[str, BaseException], None]


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
    ) -> None:
        self.seen = SeenPosts()
        self.metrics = IngestMetrics()
        self.questions = QuestionBoard(rules, moderation, ignored_words=ignored_words)
        self.changed = threading.Event()  # set when a person's decision was applied
        # Called on the model thread right after a decision is applied (the engine sends
        # the board from there: one thread hand-off less between a key and the walls).
        self.on_decision: Callable[[], None] | None = None
        self.heat = HeatGrid(half_life=half_life, locator=locator, view=view)
        self.session = SessionScript(steps)
        self._on_error = on_error or _raise
        self.parts: tuple[tuple[str, _Part], ...] = (
            ("metrics", self.metrics),
            ("questions", self.questions),
            ("heat map", self.heat),
            ("session", self.session),
        )

    def apply(self, events: Sequence[Event]) -> None:
        duplicates = self.seen.duplicates
        events = self.seen.fresh(events)  # a post counts once per session, everywhere
        self.metrics.count_duplicates(self.seen.duplicates - duplicates)
        decisions = self.questions.decisions
        for name, part in self.parts:
            try:
                part.apply(events)
            except Exception as error:  # noqa: BLE001 - one model's bug must not stop the others
                self._on_error(name, error)
        self._guarded("questions", self.questions.snapshot)
        self.tick()
        if self.questions.decisions != decisions:
            if self.on_decision is not None:
                self.on_decision()
            self.changed.set()

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
