"""Where posts come from: the ``Source`` protocol every source implements.

A source publishes events (posts, malformed records, its own state, checkpoints) on the
bus from a worker of its own. The engine knows sources only through this protocol and
``sources.kinds.make_source``, chosen by ``source.kind``: the replay of a recording
today, the live X stream and search with their issue, without touching the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import msgspec

from blueroom.core.events import Event, SourceCheckpoint, SourceState

PublishMany = Callable[[Sequence[Event]], int]


class SourceStats(msgspec.Struct, frozen=True):
    """How a source is doing, for the console: the same shape for every kind."""

    name: str
    kind: str  # "replay", "none"; later "live", "search"
    state: SourceState
    detail: str
    posts: int
    problems: int  # malformed records so far
    position: str = ""  # where it is, for a person ("loop 2, line 1,234")
    figures: tuple[tuple[str, float], ...] = ()  # what only this kind measures


class Source(Protocol):
    """A feed of posts, started and stopped by the engine's composition root."""

    @property
    def name(self) -> str: ...

    def resume_from(self, checkpoint: SourceCheckpoint) -> None:
        """Before ``start``: carry on from where a resumed session's source had got to
        (a checkpoint of another kind or source is ignored)."""
        ...

    def start(self) -> None: ...

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop publishing and join the worker; False if it did not end in time."""
        ...

    def stats(self) -> SourceStats: ...

    def wait_finished(self, timeout: float | None = None) -> bool:
        """True once the source has nothing more to give (a recording played out, a
        failure); a live source only finishes when it fails."""
        ...
