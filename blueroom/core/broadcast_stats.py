"""Broadcast statistics, as OBS's stats dock shows them: what each window paints, and the
thresholds that colour every figure green, amber or red.

A :class:`FrameMeter` keeps a window's last paints in a ring (when each ended and what it
cost), allocated once: recording a paint writes two numbers. Its figures are read once a
second: paints a second and the paint time's median and 95th percentile over the last
``WINDOW_SECONDS``, against the window's frame budget (the camera's frame period for a
window showing the camera, the window's own tick for the others); camera frames never
painted (or, for a window without the camera, ticks the event loop was too late for) are
*missed*. The levels below are pure functions of those numbers (no Qt here).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np

WINDOW_SECONDS = 5.0  # the figures are those of the last five seconds
RING = 512  # paints kept: five seconds at 100 a second
MOTION_TICKS = 2  # a window that painted this many ticks before a late one was moving

# Render time against the frame budget (OBS: render lag).
RENDER_WARN_SHARE = 0.5  # amber above half the budget
RENDER_BAD_SHARE = 1.0  # red above the whole budget
# CPU of the room's processes, as a share of the machine.
CPU_WARN_PERCENT = 70.0
CPU_BAD_PERCENT = 90.0
# Memory the machine has left.
MEMORY_WARN_AVAILABLE = 0.10
MEMORY_BAD_AVAILABLE = 0.05
# Frames missed or dropped: any is amber, above this share of the frames red.
LOST_BAD_SHARE = 0.01


class Level(enum.Enum):
    """How a figure is coloured: plain (a count, a name), good, warning, bad."""

    PLAIN = "plain"
    GOOD = "good"
    WARN = "warn"
    BAD = "bad"


def worst(*levels: Level) -> Level:
    """The most alarming of ``levels`` (PLAIN when none)."""
    order = (Level.PLAIN, Level.GOOD, Level.WARN, Level.BAD)
    return max(levels, key=order.index, default=Level.PLAIN)


def render_level(render_ms: float | None, budget_ms: float) -> Level:
    """A paint time against the frame budget: amber above half of it, red above it all."""
    if render_ms is None or budget_ms <= 0:
        return Level.PLAIN
    if render_ms > budget_ms * RENDER_BAD_SHARE:
        return Level.BAD
    if render_ms > budget_ms * RENDER_WARN_SHARE:
        return Level.WARN
    return Level.GOOD


def cpu_level(percent: float) -> Level:
    """The room's CPU, as a share of the whole machine (0-100)."""
    if percent > CPU_BAD_PERCENT:
        return Level.BAD
    if percent > CPU_WARN_PERCENT:
        return Level.WARN
    return Level.GOOD


def memory_level(available: int, total: int) -> Level:
    """The machine's memory left."""
    if total <= 0:
        return Level.PLAIN
    share = available / total
    if share < MEMORY_BAD_AVAILABLE:
        return Level.BAD
    if share < MEMORY_WARN_AVAILABLE:
        return Level.WARN
    return Level.GOOD


def lost_level(lost: int, total: int) -> Level:
    """Frames missed or dropped out of ``total``: none green, some amber, over 1 % red."""
    if lost <= 0:
        return Level.GOOD
    if total <= 0 or lost / total > LOST_BAD_SHARE:
        return Level.BAD
    return Level.WARN


@dataclass(frozen=True, slots=True)
class DiskRule:
    """What the recordings' disk must keep: the recorder's own thresholds."""

    bytes_per_second: float  # the recording's rate (video and sound)
    reserve_bytes: int  # below this free, a recording stops
    start_bytes: int  # free space a recording needs to start
    warn_minutes: float  # warn when this little recording time is left

    def minutes_left(self, free: int) -> float:
        """Minutes of recording the free space holds before the recording must stop."""
        usable = max(0, free - self.reserve_bytes)
        return usable / max(1.0, self.bytes_per_second) / 60.0

    def level(self, free: int) -> Level:
        """Red when a recording could not start (or is about to stop), amber when less
        than ``warn_minutes`` of recording is left."""
        if free < self.start_bytes:
            return Level.BAD
        if self.minutes_left(free) < self.warn_minutes:
            return Level.WARN
        return Level.GOOD


@dataclass(frozen=True, slots=True)
class PaintStats:
    """A window's paints over the last seconds."""

    fps: float  # paints a second
    median_ms: float | None  # None: no paint in the window
    p95_ms: float | None
    painted: int  # paints since the meter began
    missed: int
    frames: int  # the frames it could have shown: camera frames, or ticks of its own
    shows_camera: bool


class FrameMeter:
    """A window's paints in a ring allocated once, and the frames it missed.

    Written and read on the GUI thread: ``painted`` after each update of the window,
    ``shown_frame`` with the camera frame it shows then (a window with the camera),
    ``miss`` when its tick came too late (a window without: only while it moves); ``stats``
    once a second.
    """

    def __init__(self, *, shows_camera: bool = False, capacity: int = RING) -> None:
        self.shows_camera = shows_camera
        self.tick_ms = 0.0  # the window's own frame period (its frame timer sets it)
        self._ended = np.zeros(capacity, dtype=np.float64)
        self._ms = np.zeros(capacity, dtype=np.float64)
        self._next = 0
        self._first: float | None = None
        self.painted = 0
        self.missed = 0
        self.ticks = 0  # ticks of the window's frame timer (those missed included)
        self.camera_frames = 0  # camera frames shown (those missed included)
        self._last_seq = 0

    def paint(self, started: float, ended: float) -> None:
        """One update of the window: when it began and ended (``time.perf_counter()``)."""
        index = self._next
        self._ended[index] = ended
        self._ms[index] = (ended - started) * 1000.0
        self._next = index + 1 if index + 1 < len(self._ended) else 0
        self.painted += 1
        if self._first is None:
            self._first = ended

    def shown_frame(self, seq: int) -> None:
        """The camera frame on screen after an update (0: none, the camera not shown):
        the frames between the last one shown and this one were never painted."""
        if seq <= 0:
            self._last_seq = 0
            return
        last = self._last_seq
        if last and seq > last + 1:
            self.missed += seq - last - 1
            self.camera_frames += seq - last - 1
        if seq != last:
            self.camera_frames += 1
            self._last_seq = seq

    def tick(self) -> None:
        """The window's frame timer ticked."""
        self.ticks += 1

    def miss(self, count: int = 1, now: float | None = None) -> None:
        """Ticks of the window's frame timer that came too late (skipped), at ``now``
        (``time.perf_counter()``; None: counted whatever the window was doing). They are
        missed frames only for a window in motion: one that painted in the ``MOTION_TICKS``
        ticks before they were due. A still wall (a question shown for minutes) loses
        nothing to a late tick, and a busy event loop would otherwise paint it red."""
        self.ticks += count
        if now is None or self.moving(now - (count + 1) * self.tick_ms / 1000.0):
            self.missed += count

    def moving(self, at: float) -> bool:
        """Whether the window painted in the ``MOTION_TICKS`` ticks before ``at``."""
        if not self.painted:
            return False
        last = self._ended[self._next - 1 if self._next else len(self._ended) - 1]
        return bool(last >= at - MOTION_TICKS * self.tick_ms / 1000.0)

    def stats(self, now: float, seconds: float = WINDOW_SECONDS) -> PaintStats:
        """The paints that ended in the last ``seconds`` before ``now`` (perf_counter)."""
        kept = min(self.painted, len(self._ended))
        ended = self._ended[:kept]
        recent = (ended > now - seconds) & (ended <= now)
        count = int(np.count_nonzero(recent))
        median = p95 = None
        if count:
            median, p95 = (float(v) for v in np.percentile(self._ms[:kept][recent], (50, 95)))
        span = seconds
        if self._first is not None and now - self._first < seconds:
            span = now - self._first  # younger than the window
        if count == len(self._ended):  # the ring holds less than the window: its own span
            span = min(span, now - float(ended.min()))
        span = max(span, 1e-3)
        fps = count / span if count else 0.0
        frames = self.camera_frames if self.shows_camera else self.ticks
        return PaintStats(fps, median, p95, self.painted, self.missed, frames, self.shows_camera)
