"""The engine's clock: a few ticks a second on the model worker, posts or not.

A model with deadlines (a booth's countdown, an outbox's retry, a segment of the hour)
is a ``Timer``: at each tick it is asked what is due, and the events it returns are
published like any other (journalled, then applied), so a resumed session never fires
the same deadline twice. Ticks run on the model worker, between batches: a timer reads
its model without a lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from blueroom.core.events import Event


class Timer(Protocol):
    def due(self, now: float) -> Sequence[Event]:
        """The events whose time has come at ``now`` (wall-clock seconds); usually none."""
        ...


class EngineClock:
    """Calls ``tick`` (the models' refresh), then asks each timer what is due."""

    def __init__(
        self,
        publish_many: Callable[[Sequence[Event]], int],
        tick: Callable[[], None] | None = None,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._publish_many = publish_many
        self._tick = tick
        self._now = now
        self._timers: list[Timer] = []
        self.ticks = 0
        self.last_tick = 0.0

    def add(self, timer: Timer) -> None:
        """For the composition root, before the room starts."""
        self._timers.append(timer)

    def tick(self) -> None:
        now = self._now()
        self.ticks += 1
        self.last_tick = now
        if self._tick is not None:
            self._tick()
        for timer in self._timers:
            events = timer.due(now)
            if events:
                self._publish_many(events)
