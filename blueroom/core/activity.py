"""What happened, for the operator's activity log: committed events other than posts.

Fed by the journal's worker once a batch is written (so a line in the log is on disk),
read by the publisher. Bounded: past ``capacity`` the oldest waiting lines are dropped
and counted, never silently (the journal still holds every event).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable

from blueroom.core.events import Event, TweetReceived

CAPACITY = 20_000


class ActivityFeed:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._events: deque[Event] = deque()
        self._lock = threading.Lock()
        self.dropped = 0

    def add(self, events: Iterable[Event]) -> None:
        kept = [event for event in events if type(event) is not TweetReceived]
        if not kept:
            return
        with self._lock:
            self._events.extend(kept)
            excess = len(self._events) - self._capacity
            for _ in range(max(0, excess)):
                self._events.popleft()
            self.dropped += max(0, excess)

    def drain(self, limit: int) -> list[Event]:
        with self._lock:
            count = min(limit, len(self._events))
            return [self._events.popleft() for _ in range(count)]
