"""Everything the screens show, as one model fed by event batches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event
from blueroom.core.heatmap import HeatGrid, Locator, MapView
from blueroom.core.metrics import IngestMetrics
from blueroom.core.moderation import ModerationRules
from blueroom.core.questions import QuestionBoard
from blueroom.core.session import SessionScript, Step


class RoomModel:
    """The pure models of the room.

    ``apply`` and ``tick`` run on the model worker thread and leave fresh snapshots
    behind; views only read ``latest()`` snapshots, which never waits on a lock.
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
    ) -> None:
        self.metrics = IngestMetrics()
        self.questions = QuestionBoard(rules, moderation, ignored_words=ignored_words)
        self.changed = threading.Event()  # set when a person's decision was applied
        # Called on the model thread right after a decision is applied (the engine sends
        # the board from there: one thread hand-off less between a key and the walls).
        self.on_decision: Callable[[], None] | None = None
        self.heat = HeatGrid(half_life=half_life, locator=locator, view=view)
        self.session = SessionScript(steps)

    def apply(self, events: Sequence[Event]) -> None:
        self.metrics.apply(events)
        decisions = self.questions.decisions
        self.questions.apply(events)
        self.heat.apply(events)
        self.session.apply(events)
        self.questions.snapshot()
        self.tick()
        if self.questions.decisions != decisions:
            if self.on_decision is not None:
                self.on_decision()
            self.changed.set()

    def tick(self) -> None:
        """Keep the rates fresh when no event comes.

        The heat glow is not rendered here: OpenCV lets go of the GIL, and getting it
        back beside a busy parser thread would stall the journal. It is rendered by
        whoever reads it, at most once per frame (see ``HeatGrid.latest``).
        """
        self.metrics.snapshot()
