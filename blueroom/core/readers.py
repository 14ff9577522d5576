"""What the views read of the models: ``typing.Protocol``s, so a view never knows where
its model lives.

The pure models (``core/``) implement them in one process (tests, the headless room);
the engine client's remote stand-ins implement them in the screens' process, holding
the last snapshot the engine sent. Views are typed against these and only ever read.
"""

from __future__ import annotations

from typing import Protocol

from blueroom.core.booth import BoothState
from blueroom.core.cost import CostSnapshot
from blueroom.core.events import SessionStepChanged
from blueroom.core.guest_cues import CuesSnapshot
from blueroom.core.heatmap import HeatSnapshot
from blueroom.core.metrics import MetricsSnapshot
from blueroom.core.outbox import OutboxSnapshot
from blueroom.core.questions import BoardSnapshot, QueuePage, QueueQuery
from blueroom.core.run_of_show import ShowState
from blueroom.core.session import SessionSnapshot, Step


class MetricsReader(Protocol):
    def latest(self) -> MetricsSnapshot: ...


class CostReader(Protocol):
    def latest(self) -> CostSnapshot: ...


class BoardReader(Protocol):
    def latest(self) -> BoardSnapshot: ...

    def page(self, query: QueueQuery) -> QueuePage:
        """The console's page for ``query`` (remotely: the last one the engine answered)."""
        ...


class HeatReader(Protocol):
    def latest(self) -> HeatSnapshot: ...


class SessionReader(Protocol):
    @property
    def steps(self) -> tuple[Step, ...]: ...

    def latest(self) -> SessionSnapshot: ...

    def step_event(self, index: int, actor: str) -> SessionStepChanged: ...


class OutboxReader(Protocol):
    def latest(self) -> OutboxSnapshot: ...


class BoothReader(Protocol):
    def latest(self) -> BoothState: ...


class ShowReader(Protocol):
    """The run-of-show clock's state (``core/run_of_show.py``: ``clock_view`` reads it)."""

    def latest(self) -> ShowState: ...


class CuesReader(Protocol):
    def latest(self) -> CuesSnapshot: ...


class ModelsReader(Protocol):
    """Every model the screens show, by name."""

    @property
    def metrics(self) -> MetricsReader: ...

    @property
    def questions(self) -> BoardReader: ...

    @property
    def heat(self) -> HeatReader: ...

    @property
    def session(self) -> SessionReader: ...

    @property
    def cost(self) -> CostReader: ...

    @property
    def outbox(self) -> OutboxReader: ...

    @property
    def booth(self) -> BoothReader: ...

    @property
    def show(self) -> ShowReader: ...

    @property
    def cues(self) -> CuesReader: ...
