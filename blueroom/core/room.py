"""Everything the screens show, as one model fed by event batches."""

from __future__ import annotations

from collections.abc import Sequence

from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event
from blueroom.core.heatmap import HeatGrid
from blueroom.core.metrics import IngestMetrics
from blueroom.core.questions import QuestionBoard
from blueroom.core.session import SessionScript, Step


class RoomModel:
    """The pure models of the room.

    ``apply`` and ``tick`` run on the model worker thread and leave fresh snapshots
    behind; views only read ``latest()`` snapshots, which never waits on a lock.
    """

    def __init__(self, rules: QuestionRules, steps: tuple[Step, ...], half_life: float) -> None:
        self.metrics = IngestMetrics()
        self.questions = QuestionBoard(rules)
        self.heat = HeatGrid(half_life=half_life)
        self.session = SessionScript(steps)

    def apply(self, events: Sequence[Event]) -> None:
        self.metrics.apply(events)
        self.questions.apply(events)
        self.heat.apply(events)
        self.session.apply(events)
        self.questions.snapshot()
        self.tick()

    def tick(self) -> None:
        """Keep time-based snapshots (rates, fading heat) fresh when no event comes."""
        self.metrics.snapshot()
        if self.heat.refresh_due():
            self.heat.snapshot()
