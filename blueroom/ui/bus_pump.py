"""Room events on the GUI thread: drained once per frame, one Qt signal per batch."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Signal

from blueroom.core.events import Event
from blueroom.ui.pacing import FrameTimer


class EventPump(QObject):
    """Never one signal per event: ``batch`` carries everything that arrived this frame."""

    batch = Signal(list)

    def __init__(
        self,
        drain: Callable[[], list[Event]],
        frame_rate: int = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._drain = drain
        self.batches = 0
        self.events = 0
        self._frames_timer = FrameTimer(self, frame_rate, self.pump)

    def pump(self) -> None:
        events = self._drain()
        if events:
            self.batches += 1
            self.events += len(events)
            self.batch.emit(events)


class DecisionWake(QObject):
    """Wakes the views as soon as a board with a person's decision arrives.

    The engine client calls ``notify`` from its receiving thread (a few times a second
    at most: decisions, not posts); the signal is queued to the GUI thread, so the walls
    answer a key press without waiting for their next timer tick.
    """

    woke = Signal()

    def notify(self) -> None:
        with suppress(RuntimeError):  # the windows were closed while a board came in
            self.woke.emit()
