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
MOVED_PER_BATCH = 1 << 15  # slots of a table outgrown, moved into the new one a batch at a time


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
        # A table outgrown is moved into the new one a slice per batch, not in one go (a
        # million keys took 150 ms: a decision would have waited): until then both are read.
        self._outgrown: npt.NDArray[np.uint64] | None = None
        self._moved = 0
        self.duplicates = 0

    def __len__(self) -> int:
        outgrown = self._outgrown
        left = 0 if outgrown is None else int(np.count_nonzero(outgrown[self._moved :]))
        return self._count + left

    def __contains__(self, post_id: str) -> bool:
        keys = np.array([key_of(post_id)], dtype=np.uint64)
        found = self._find(self._table, keys)
        if self._outgrown is not None:
            found |= self._find(self._outgrown, keys)
        return bool(found[0])

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
        self._move_some()
        if not seen.any():
            return events
        dropped = {positions[i] for i in np.flatnonzero(seen).tolist()}
        self.duplicates += len(dropped)
        return [event for i, event in enumerate(events) if i not in dropped]

    # -- the table ----------------------------------------------------------------------
    @staticmethod
    def _find(table: npt.NDArray[np.uint64], keys: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        mask = len(table) - 1
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
        if (self._count + len(keys)) > MAX_LOAD * len(self._table) and self._outgrown is None:
            self._grow()
        _, first = np.unique(keys, return_index=True)
        seen = np.ones(len(keys), dtype=bool)
        seen[first] = False  # a repeat within the batch is a duplicate of its first
        if self._outgrown is not None:
            old = self._find(self._outgrown, keys[first])
            seen[first[old]] = True
            first = first[~old]
        self._insert(keys, first, seen)
        return seen

    def _insert(
        self, keys: npt.NDArray[np.uint64], first: npt.NDArray[np.intp], seen: npt.NDArray[np.bool_]
    ) -> None:
        """Put ``keys[first]`` (distinct) in the table; mark in ``seen`` those already there."""
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

    def _grow(self) -> None:
        self._outgrown, self._moved = self._table, 0
        self._table = np.zeros(len(self._table) * 2, dtype=np.uint64)
        self._count = 0
        self._move_some()

    def _move_some(self) -> None:
        outgrown = self._outgrown
        if outgrown is None:
            return
        part = outgrown[self._moved : self._moved + MOVED_PER_BATCH]
        keys = part[part != 0]
        self._moved += len(part)
        if len(keys):  # distinct, and never in the new table (found in the old one first)
            self._insert(keys, np.arange(len(keys)), np.zeros(len(keys), dtype=bool))
        if self._moved >= len(outgrown):
            self._outgrown = None

    # -- snapshots ------------------------------------------------------------------------
    def capture(self, locked: bool = True) -> Callable[[], SeenState]:
        """A copy of the table now (one memory copy), made into a state later."""
        table, duplicates = self._table.copy(), self.duplicates
        outgrown = self._outgrown
        left = outgrown[self._moved :].copy() if outgrown is not None else None

        def build() -> SeenState:
            whole = SeenPosts()
            whole._table, whole._count = table, int(np.count_nonzero(table))
            if left is not None:
                moved = left[left != 0]
                whole._insert(moved, np.arange(len(moved)), np.zeros(len(moved), dtype=bool))
            return SeenState(whole._table.astype("<u8").tobytes(), whole._count, duplicates)

        return build

    def restore(self, state: SeenState) -> None:
        table = np.frombuffer(state.table, dtype="<u8").astype(np.uint64)
        if len(table) < START_SLOTS or len(table) & (len(table) - 1):
            raise ValueError(f"a table of {len(table)} slots is not a power of two")
        self._table = table
        self._count = state.count
        self._outgrown = None
        self.duplicates = state.duplicates
