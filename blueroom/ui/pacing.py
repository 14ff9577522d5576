"""Frame ticks of the windows: each window's own timer, or one clock for all of them.

Five windows paint on the one GUI thread. With a timer each, their ticks fall due in the
same event-loop pass, and the paints they ask for then run back to back: the video wall,
the mirror and the heat map in one pass is 5 ms here and three times that when both
cores are busy, and a touch on the guest panel waits for all of it. The composition
root hands every window's ticks to one ``FrameClock``, which serves one window at a
time, at least ``MIN_GAP_S`` apart, so a pass holds one window's paint at most.

Each window also measures itself for the console's broadcast statistics: a
:class:`MeteredWindow` times every update it gets (its paint, its children's and the copy
to the screen) into its ``FrameMeter``, and a frame timer given that meter counts the
ticks that came too late (skipped to stay on the grid) as missed frames.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from blueroom.core.broadcast_stats import FrameMeter

MIN_GAP_S = 0.002  # between two windows' ticks: the event loop paints and reads input
LATE_TICKS = 1.5  # a tick this many periods after the last one skipped the ones between


class FrameTimer(QObject):
    """Calls ``tick`` ``hz`` times a second on the GUI thread, until a clock takes over.

    A child of the view it drives: the clock finds it with ``findChildren``.
    """

    def __init__(
        self,
        parent: QObject,
        hz: float,
        tick: Callable[[], None],
        *,
        meter: FrameMeter | None = None,
    ) -> None:
        super().__init__(parent)
        self.tick = tick
        self.interval_ms = max(1, int(1000 / hz))
        self.meter = meter
        if meter is not None:
            meter.tick_ms = 1000 / hz
        # a window showing the camera counts camera frames missed, not its own ticks
        self._counting = meter is not None and not meter.shows_camera
        self._ticked_at = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.interval_ms)
        self._timer.timeout.connect(self._own_tick)
        self._timer.start()

    def _own_tick(self) -> None:
        now = time.monotonic()
        if self._ticked_at:
            periods = (now - self._ticked_at) * 1000.0 / self.interval_ms
            if periods >= LATE_TICKS:
                self.skipped(round(periods) - 1)
        self._ticked_at = now
        self.fire()

    def fire(self) -> None:
        """One tick: counted, then the window's."""
        if self._counting and self.meter is not None:
            self.meter.tick()
        self.tick()

    def skipped(self, count: int) -> None:
        """``count`` ticks came too late and were skipped (the window missed those frames)."""
        if self._counting and self.meter is not None and count > 0:
            self.meter.miss(count, time.perf_counter())

    @property
    def running(self) -> bool:
        """Whether its own timer drives it (not a clock)."""
        return self._timer.isActive()

    def hand_over(self) -> None:
        self._timer.stop()


class _Beat:
    __slots__ = ("due", "interval", "lane", "timer")

    def __init__(self, timer: FrameTimer, lane: QWidget, due: float) -> None:
        self.timer = timer
        self.lane = lane
        self.interval = timer.interval_ms / 1000.0
        self.due = due


class FrameClock(QObject):
    """Drives the frame timers of several windows, one window per event-loop pass."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._beats: list[_Beat] = []
        self._served_at = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._serve)

    def take(self, window: QWidget) -> int:
        """Drive every frame timer of ``window`` and its children; returns how many."""
        now = time.monotonic()
        taken = 0
        for timer in window.findChildren(FrameTimer):
            if not timer.running:
                continue  # another clock has it, or it was stopped
            timer.hand_over()
            beat = _Beat(timer, window, now + timer.interval_ms / 1000.0)
            self._beats.append(beat)
            timer.destroyed.connect(partial(self._drop, beat))  # a window deleted early
            taken += 1
        self._arm(now)
        return taken

    def stop(self) -> None:
        self._timer.stop()
        self._beats.clear()

    def _drop(self, beat: _Beat, *_: object) -> None:
        if beat in self._beats:
            self._beats.remove(beat)

    def _serve(self) -> None:
        try:
            self._serve_one_window()
        finally:  # whatever a window did, the others keep their frames
            self._arm(time.monotonic())

    def _serve_one_window(self) -> None:
        now = time.monotonic()
        if not self._beats:
            return
        first = min(self._beats, key=lambda beat: beat.due)
        if first.due > now:
            return
        lane = first.lane
        for beat in [beat for beat in self._beats if beat.lane is lane and beat.due <= now]:
            # On its own grid: a late window skips the frames it missed.
            periods = math.ceil((now - beat.due) / beat.interval + 1e-9)
            beat.due += periods * beat.interval
            beat.timer.skipped(periods - 1)
            try:
                beat.timer.fire()
            except Exception:  # noqa: BLE001 - reported as Qt reports a failing slot
                sys.excepthook(*sys.exc_info())
        self._served_at = time.monotonic()

    def _arm(self, now: float) -> None:
        if not self._beats:
            return
        due = min(beat.due for beat in self._beats)
        wait = max(due - now, self._served_at + MIN_GAP_S - now, 0.0)
        self._timer.start(math.ceil(wait * 1000.0))


class MeteredWindow:
    """A top-level window that times each of its updates into ``frame_meter``.

    Mixed in before the Qt class (``class VideoWall(MeteredWindow, QWidget)``). An update
    is Qt's UpdateRequest: the window's paint, its children's and the copy to the
    screen, as one. A window showing the camera says which frame it shows after each
    (``camera_frame_shown``): the frames it never painted are counted missed.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.UpdateRequest:
            return bool(super().event(event))  # type: ignore[misc]
        meter = getattr(self, "frame_meter", None)  # None while the window is being built
        if meter is None:
            return bool(super().event(event))  # type: ignore[misc]
        started = time.perf_counter()
        handled = bool(super().event(event))  # type: ignore[misc]
        meter.paint(started, time.perf_counter())
        if meter.shows_camera:
            meter.shown_frame(self.camera_frame_shown())
        return handled

    def camera_frame_shown(self) -> int:
        """The camera frame on screen now (its number in the slot), 0 for none."""
        return 0
