"""The event bus: any thread publishes, every subscriber drains its own bounded buffer.

Ingest rate is not render rate, so nothing is pushed to a subscriber one event at a
time: each subscription buffers events and its owner drains them in batches (a worker
thread such as the journal writer, or a GUI timer once per frame).

A full buffer never loses anything silently. A ``SHED`` subscription drops incoming
*sheddable* events (plain tweets, rejected records) and counts them; a ``BLOCK``
subscription makes publishers wait for room (backpressure), and sheds with a count
only if its consumer stays stuck past ``block_timeout``. Critical events (questions,
decisions, session, photos, camera and source state) are always queued.

A person's decisions (``Event.urgent``) jump the queue: each subscription hands them
out before the posts already waiting, in their own order, so a key pressed while ten
thousand posts wait for the journal reaches the walls in milliseconds. Every event gets
a sequence number at publish.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from blueroom.core.events import Event


class Overflow(StrEnum):
    SHED = "shed"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class SubscriptionStats:
    name: str
    overflow: Overflow
    capacity: int
    queued: int
    delivered: int
    shed: int
    high_water: int
    stalled: bool


class Subscription:
    """One subscriber's buffer. Created by :meth:`Bus.subscribe`; drained by its owner."""

    def __init__(
        self,
        name: str,
        capacity: int,
        overflow: Overflow,
        block_timeout: float,
        accepts: Callable[[Event], bool] | None,
    ) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.name = name
        self.capacity = capacity
        self.overflow = overflow
        self.block_timeout = block_timeout
        self._accepts = accepts
        # Two parallel deques, not one of (seq, event) tuples: nothing here for the GC to walk.
        self._seqs: deque[int] = deque()
        self._items: deque[Event] = deque()
        self._urgent: deque[Event] = deque()  # a person's decisions: out first, never shed
        self._urgent_seqs: deque[int] = deque()
        self._cond = threading.Condition(threading.Lock())
        self._delivered = 0
        self._shed = 0
        self._high_water = 0
        self._stalled = False
        self._closed = False
        self.last_taken_seq = 0

    # -- publisher side (called by the bus) ---------------------------------------
    def _wait_for_room(self) -> None:
        """Backpressure for BLOCK subscriptions; called without the bus lock held."""
        with self._cond:
            if self._stalled or len(self._items) < self.capacity:
                return
            deadline = time.monotonic() + self.block_timeout
            while len(self._items) >= self.capacity and not self._closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._stalled = True
                    return
                self._cond.wait(remaining)

    def _offer(self, first_seq: int, events: Sequence[Event], urgent: bool) -> None:
        """Queue a published batch (numbered from ``first_seq``), under one lock.

        ``urgent``: the batch holds at least one urgent event.
        """
        accepts = self._accepts
        with self._cond:
            if self._closed:
                return
            items, seqs = self._items, self._seqs
            if not urgent and accepts is None and len(items) + len(events) <= self.capacity:
                items.extend(events)  # the common case: room for all, nothing filtered
                seqs.extend(range(first_seq, first_seq + len(events)))
            else:
                shedding = self.overflow is Overflow.SHED or self._stalled
                for seq, event in enumerate(events, first_seq):
                    if accepts is not None and not accepts(event):
                        continue
                    if event.urgent:
                        self._urgent_seqs.append(seq)
                        self._urgent.append(event)
                        continue
                    if len(items) >= self.capacity and shedding and event.sheddable:
                        self._shed += 1
                        continue
                    seqs.append(seq)
                    items.append(event)
            self._high_water = max(self._high_water, len(items))

    def _poke(self) -> None:
        with self._cond:
            self._cond.notify_all()

    _wake = _poke

    # -- consumer side ------------------------------------------------------------
    def drain(self, max_items: int | None = None) -> list[Event]:
        """Take what is ready now (up to ``max_items``), without waiting."""
        with self._cond:
            return self._take(max_items)

    def get_batch(self, timeout: float, max_items: int | None = None) -> list[Event]:
        """Wait up to ``timeout`` seconds for at least one event, then drain.

        Urgent events come out alone, ahead of the others: a batch is all urgent or none.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._closed:
                if self._items or self._urgent:
                    return self._take(max_items)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)
            return self._take(max_items)

    def _take(self, max_items: int | None) -> list[Event]:
        if self._urgent:
            urgent, urgent_seqs = self._urgent, self._urgent_seqs
            count = len(urgent) if max_items is None else min(max_items, len(urgent))
            batch = [urgent.popleft() for _ in range(count)]
            for _ in range(count):
                self.last_taken_seq = urgent_seqs.popleft()
            self._delivered += count
            return batch
        items, seqs = self._items, self._seqs
        limit = len(items) if max_items is None else min(max_items, len(items))
        if limit == 0:
            return []
        batch = [items.popleft() for _ in range(limit)]
        for _ in range(limit - 1):
            seqs.popleft()
        self.last_taken_seq = seqs.popleft()
        self._delivered += limit
        if self._stalled and len(items) < self.capacity // 2:
            self._stalled = False
        if self.overflow is Overflow.BLOCK:
            self._cond.notify_all()  # publishers may be waiting for room
        return batch

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed

    def stats(self) -> SubscriptionStats:
        with self._cond:
            return SubscriptionStats(
                name=self.name,
                overflow=self.overflow,
                capacity=self.capacity,
                queued=len(self._items) + len(self._urgent),
                delivered=self._delivered,
                shed=self._shed,
                high_water=self._high_water,
                stalled=self._stalled,
            )


class Bus:
    """Thread-safe publish; ordered delivery to every subscription."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: tuple[Subscription, ...] = ()
        self._last_seq = 0
        self._published = 0

    def subscribe(
        self,
        name: str,
        *,
        capacity: int = 100_000,
        overflow: Overflow = Overflow.SHED,
        block_timeout: float = 5.0,
        accepts: Callable[[Event], bool] | None = None,
    ) -> Subscription:
        subscription = Subscription(name, capacity, overflow, block_timeout, accepts)
        with self._lock:
            self._subscriptions = (*self._subscriptions, subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        subscription.close()
        with self._lock:
            self._subscriptions = tuple(s for s in self._subscriptions if s is not subscription)

    def publish(self, event: Event) -> int:
        """Queue ``event`` for every subscriber; return its sequence number."""
        return self.publish_many((event,))

    def publish_many(self, events: Sequence[Event] | Iterable[Event]) -> int:
        """Queue several events in order with one lock; return the last sequence number."""
        batch = events if isinstance(events, Sequence) else list(events)
        if not batch:
            return self._last_seq
        if not all(e.critical for e in batch):
            for subscription in self._subscriptions:
                if subscription.overflow is Overflow.BLOCK:
                    subscription._wait_for_room()
        urgent = any(e.urgent for e in batch)
        with self._lock:
            subscriptions = self._subscriptions
            first, last = self._last_seq + 1, self._last_seq + len(batch)
            for subscription in subscriptions:
                subscription._offer(first, batch, urgent)
            self._last_seq = last
            self._published += len(batch)
        for subscription in subscriptions:
            subscription._wake()  # once per batch, not once per event
        return last

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def published(self) -> int:
        return self._published

    def stats(self) -> list[SubscriptionStats]:
        return [s.stats() for s in self._subscriptions]
