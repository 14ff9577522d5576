"""Every post id of the session, once: a post delivered again counts nowhere.

The same post can arrive twice: a stream reconnecting, a search overlapping the
stream, a resumed replay playing again the lines after its last checkpoint, a
recording that repeats itself. It is let through the first time and counted as a
duplicate after that, before any model sees it, so the counters, the questions and the
heat map agree.

The ids live in an open-addressing hash table of 64-bit keys (numpy, a batch at a
time): 16 bytes an id at most, where a Python set of ints took ~70, and a snapshot or
a resume copies one array. X ids are numbers below 2**63 and are their own keys, so
they are told apart exactly. Anything else (a replay's later loops go past 64 bits, a
test's "abc") is keyed by a stable 63-bit hash with the top bit set, so it never meets
an X id; two such ids would share a key with a chance of about 1 in 10**7 in a session
of a million of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import msgspec
import numpy as np
import numpy.typing as npt

from blueroom.core.events import Event, TweetReceived

_HASHED = 1 << 63
_LOW = (1 << 63) - 1
START_SLOTS = 1 << 16
MAX_LOAD = 0.5


def key_of(post_id: str) -> int:
    """The table's key of a post id (never 0: the empty slot)."""
    if post_id.isascii() and post_id.isdigit() and post_id[0] != "0":
        number = int(post_id)
        if number < _HASHED:
            return number
    digest = hashlib.blake2b(post_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return _HASHED | (int.from_bytes(digest, "little") & _LOW)


def _slots_of(keys: npt.NDArray[np.uint64], mask: int) -> npt.NDArray[np.int64]:
    """A key's first slot: splitmix64's finaliser, so nearby ids spread over the table."""
    mixed = keys.copy()
    mixed ^= mixed >> np.uint64(30)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(27)
    mixed *= np.uint64(0x94D049BB133111EB)
    mixed ^= mixed >> np.uint64(31)
    return (mixed & np.uint64(mask)).astype(np.int64)


class SeenState(msgspec.Struct, frozen=True):
    """The table itself for a snapshot (little-endian uint64): restored in one copy."""

    table: bytes
    count: int
    duplicates: int


class SeenPosts:
    """Exact for X ids, for the whole session (not thread-safe: the model worker owns it)."""

    def __init__(self) -> None:
        self._table = np.zeros(START_SLOTS, dtype=np.uint64)
        self._count = 0
        self.duplicates = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, post_id: str) -> bool:
        keys = np.array([key_of(post_id)], dtype=np.uint64)
        return bool(self._find(keys)[0])

    def fresh(self, events: Sequence[Event]) -> Sequence[Event]:
        """``events`` without the posts seen before (the same list when there is none)."""
        positions = [i for i, event in enumerate(events) if type(event) is TweetReceived]
        if not positions:
            return events
        keys = np.array(
            [key_of(events[i].tweet.id) for i in positions],  # type: ignore[attr-defined]
            dtype=np.uint64,
        )
        seen = self._add(keys)
        if not seen.any():
            return events
        dropped = {positions[i] for i in np.flatnonzero(seen).tolist()}
        self.duplicates += len(dropped)
        return [event for i, event in enumerate(events) if i not in dropped]

    # -- the table ----------------------------------------------------------------------
    def _find(self, keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        table, mask = self._table, len(self._table) - 1
        slots = _slots_of(keys, mask)
        found = np.zeros(len(keys), dtype=bool)
        pending = np.arange(len(keys))
        while len(pending):
            held = table[slots[pending]]
            hit = held == keys[pending]
            found[pending[hit]] = True
            going = ~hit & (held != 0)
            pending = pending[going]
            slots[pending] = (slots[pending] + 1) & mask
        return found

    def _add(self, keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        """Put the keys in; True where a key was there already (or earlier in ``keys``)."""
        if (self._count + len(keys)) > MAX_LOAD * len(self._table):
            self._grow(self._count + len(keys))
        _, first = np.unique(keys, return_index=True)
        seen = np.ones(len(keys), dtype=bool)
        seen[first] = False  # a repeat within the batch is a duplicate of its first
        table, mask = self._table, len(self._table) - 1
        pending = first.astype(np.int64)
        slots = _slots_of(keys, mask)
        while len(pending):
            places = slots[pending]
            held = table[places]
            hit = held == keys[pending]
            seen[pending[hit]] = True
            empty = held == 0
            # Keys meeting at one empty slot: the first takes it, the others probe on.
            _, winners = np.unique(places[empty], return_index=True)
            taking = pending[empty][winners]
            table[slots[taking]] = keys[taking]
            self._count += len(taking)
            settled = np.zeros(len(pending), dtype=bool)
            settled[hit] = True
            settled[np.flatnonzero(empty)[winners]] = True
            pending = pending[~settled]
            slots[pending] = (slots[pending] + 1) & mask
        return seen

    def _grow(self, needed: int) -> None:
        size = len(self._table)
        while needed > MAX_LOAD * size:
            size *= 2
        keys = self._table[self._table != 0]
        self._table = np.zeros(size, dtype=np.uint64)
        self._count = 0
        if len(keys):
            self._add(keys)

    # -- snapshots ------------------------------------------------------------------------
    def capture(self, locked: bool = True) -> Callable[[], SeenState]:
        """A copy of the table now (one memory copy), made into a state later."""
        table, count, duplicates = self._table.copy(), self._count, self.duplicates
        return lambda: SeenState(table.astype("<u8").tobytes(), count, duplicates)

    def restore(self, state: SeenState) -> None:
        table = np.frombuffer(state.table, dtype="<u8").astype(np.uint64)
        if len(table) < START_SLOTS or len(table) & (len(table) - 1):
            raise ValueError(f"a table of {len(table)} slots is not a power of two")
        self._table = table
        self._count = state.count
        self.duplicates = state.duplicates
