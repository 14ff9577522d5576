"""The engine's models as the screens' process sees them: the last snapshots received.

Each stand-in implements the reader protocol of its model (``core/readers.py``), so a
view cannot tell it from the model itself. The engine client fills them from its
receiving worker; views read them from the GUI thread (a reference swap each time).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from blueroom.core.booth import BoothState, idle_booth
from blueroom.core.cost import CostSnapshot
from blueroom.core.events import SessionStepChanged
from blueroom.core.guest_cues import CuesSnapshot, empty_cues
from blueroom.core.heatmap import PRESETS, HeatMode, HeatSnapshot, glow_size
from blueroom.core.metrics import MetricsSnapshot
from blueroom.core.outbox import OutboxSnapshot, empty_outbox
from blueroom.core.questions import BoardSnapshot, QueuePage, QueueQuery, empty_board
from blueroom.core.run_of_show import ShowState
from blueroom.core.session import SessionSnapshot, Step
from blueroom.core.switches import Switches
from blueroom.engine.protocol import Heat


class RemoteMetrics:
    def __init__(self) -> None:
        self.value = empty_metrics()

    def latest(self) -> MetricsSnapshot:
        return self.value


class RemoteCost:
    def __init__(self) -> None:
        self.value = CostSnapshot()

    def latest(self) -> CostSnapshot:
        return self.value


class RemoteHeat:
    def __init__(self) -> None:
        self.value = empty_heat()

    def latest(self) -> HeatSnapshot:
        return self.value

    def receive(self, message: Heat) -> None:
        glow = np.frombuffer(message.glow, dtype=np.uint8).reshape(message.height, message.width)
        self.value = HeatSnapshot(
            glow=glow,
            view=message.view,
            mode=HeatMode(message.mode),
            half_life=message.half_life,
            flashes=(),
            posts=message.posts,
            by_precision=tuple(message.by_precision),
            countries=message.countries,
            top_places=tuple(message.top_places),
            version=message.version,
            made_at=message.made_at,
            in_view=message.in_view,
        )


class RemoteSession:
    def __init__(self, steps: tuple[Step, ...]) -> None:
        self._steps = steps
        self.value = SessionSnapshot(steps, 0, 0)

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def latest(self) -> SessionSnapshot:
        return self.value

    def snapshot(self) -> SessionSnapshot:
        return self.value

    def receive(
        self,
        current: int,
        version: int,
        held: bool = False,
        steps: list[Step] | None = None,
        hidden: tuple[str, ...] = (),
        switches: Switches | None = None,
        streaming: bool = False,
    ) -> None:
        if steps:  # a plan changed them
            self._steps = tuple(steps)
        self.value = SessionSnapshot(
            self._steps, current, version, held, hidden, switches or Switches(), streaming
        )

    def step_event(self, index: int, actor: str) -> SessionStepChanged:
        index = max(0, min(len(self._steps) - 1, index))
        return SessionStepChanged(step=index, step_id=self._steps[index].id, actor=actor)


class RemoteShow:
    def __init__(self) -> None:
        self.value = ShowState()

    def latest(self) -> ShowState:
        return self.value


class RemoteBoard:
    """The question board as last received; ``page`` asks the engine for a console page."""

    def __init__(self, ask: Callable[[QueueQuery], None]) -> None:
        self.value = empty_board()
        self._ask = ask
        self._asked: QueueQuery | None = None
        self.last_page: QueuePage | None = None

    def latest(self) -> BoardSnapshot:
        return self.value

    def page(self, query: QueueQuery) -> QueuePage:
        """The latest page received (for this query once the engine has answered)."""
        if query != self._asked:
            self._asked = query
            self._ask(query)
        page = self.last_page
        return page if page is not None else QueuePage(query, (), 0, -1)


class RemoteOutbox:
    def __init__(self) -> None:
        self.value = empty_outbox()

    def latest(self) -> OutboxSnapshot:
        return self.value


class RemoteBooth:
    def __init__(self) -> None:
        self.value = idle_booth()

    def latest(self) -> BoothState:
        return self.value


class RemoteCues:
    def __init__(self) -> None:
        self.value = empty_cues()

    def latest(self) -> CuesSnapshot:
        return self.value


class RemoteModels:
    """Every model of the engine, as last received (a ``ModelsReader``)."""

    def __init__(self, steps: tuple[Step, ...], ask: Callable[[QueueQuery], None]) -> None:
        self.metrics = RemoteMetrics()
        self.questions = RemoteBoard(ask)
        self.heat = RemoteHeat()
        self.session = RemoteSession(steps)
        self.cost = RemoteCost()
        self.outbox = RemoteOutbox()
        self.booth = RemoteBooth()
        self.show = RemoteShow()
        self.cues = RemoteCues()


def empty_metrics() -> MetricsSnapshot:
    return MetricsSnapshot(
        posts=0, duplicates=0, retweets=0, replies=0, located=0, malformed=0,
        malformed_dropped=0, recent_problems=(), rate_now=0.0, rate_per_minute=0.0,
        rate_history=(), languages=(), sources=(), camera=None, camera_detail="", version=-1,
    )  # fmt: skip


def empty_heat() -> HeatSnapshot:
    view = PRESETS["world"]
    width, height = glow_size(view)
    glow = np.zeros((height, width), dtype=np.uint8)
    return HeatSnapshot(glow, view, HeatMode.LIVE, 600.0, (), 0, (), 0, (), -1, -1.0)
