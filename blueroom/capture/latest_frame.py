"""The latest-frame slot: the one place camera frames meet their viewers.

The capture thread puts; any thread reads the newest frame: a frame overwritten before
anyone read it is stale and simply dropped (and counted). A consumer that must see every
frame in order (the recording, the frames prepared for the screens) opens a
:class:`FrameTap`: a short queue of its own, bounded, whose overflow is counted too.

The capture also leaves its state here (:class:`CameraStatus`), so that a view says
"No camera" or "Reconnecting…" within a frame of knowing it, without waiting for the
event to go round the engine. A slot no capture ever wrote to has no status: the room
runs without a camera.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

import cv2
import numpy as np

from blueroom.core.events import CameraState

__all__ = ["CameraStatus", "Frame", "FrameTap", "LatestFrameSlot", "SlotStats", "to_bgr"]


@dataclass(frozen=True, slots=True)
class Frame:
    """One captured image: BGR, uint8, C-contiguous, read-only (shared by every viewer)."""

    seq: int
    image: np.ndarray
    captured_at: float  # time.monotonic() seconds

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels, the order Qt uses."""
        return int(self.image.shape[1]), int(self.image.shape[0])


@dataclass(frozen=True, slots=True)
class CameraStatus:
    """What the capture last said of itself, and since when (``time.monotonic()``)."""

    state: CameraState
    detail: str
    since: float


@dataclass(frozen=True, slots=True)
class SlotStats:
    frames_put: int
    frames_dropped: int  # overwritten before any reader saw them: normal when viewers are slower
    fps: float  # measured put rate over the slot's window; 0.0 when frames stopped coming


def to_bgr(image: np.ndarray) -> np.ndarray:
    """Return ``image`` as 3-channel BGR uint8, C-contiguous (a no-op for such frames)."""
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype != np.uint8:
        raise ValueError(f"unsupported frame dtype {image.dtype}")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    elif image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"unsupported frame shape {image.shape}")
    return np.ascontiguousarray(image)


class FrameTap:
    """Every frame put in the slot while the tap is open, in order, for one consumer that
    must see them all (the recording, the screens' preparer). At most ``capacity`` wait: beyond that the oldest
    is dropped and counted (the consumer fell behind), never silently."""

    def __init__(self, slot: LatestFrameSlot, capacity: int) -> None:
        self._slot = slot
        self._cond = threading.Condition(threading.Lock())
        self._frames: deque[Frame] = deque()
        self._capacity = max(1, capacity)
        self.dropped = 0
        self.taken = 0

    def _offer(self, frame: Frame) -> None:
        with self._cond:
            if len(self._frames) >= self._capacity:
                self._frames.popleft()
                self.dropped += 1
            self._frames.append(frame)
            self._cond.notify_all()

    def get(self, timeout: float) -> Frame | None:
        """The oldest frame not yet taken; None when none came within ``timeout``."""
        with self._cond:
            if not self._cond.wait_for(lambda: bool(self._frames), timeout):
                return None
            self.taken += 1
            frame = self._frames.popleft()
        self._slot._seen(frame.seq)
        return frame

    def waiting(self) -> int:
        with self._cond:
            return len(self._frames)

    def close(self) -> None:
        """No more frames: the slot forgets this tap."""
        self._slot._untap(self)


class LatestFrameSlot:
    """Holds only the newest frame. ``put`` from one producer, ``latest`` from anyone.

    The lock is held only to swap a reference and bump counters; conversion happens
    before it. Each ``put`` must hand over a new array: the slot owns it from then on
    and marks it read-only, so a viewer drawing on a shared frame fails loudly.
    """

    def __init__(self, fps_window: float = 1.0) -> None:
        self._fps_window = fps_window
        self._cond = threading.Condition(threading.Lock())
        self._frame: Frame | None = None
        self._frame_read = True
        self._seq = 0
        self._frames_put = 0
        self._frames_dropped = 0
        self._put_times: deque[float] = deque(maxlen=1024)
        self._status: CameraStatus | None = None
        self._taps: tuple[FrameTap, ...] = ()

    def tap(self, capacity: int) -> FrameTap:
        """Every frame from now on, in order (``FrameTap``), until the tap is closed."""
        tap = FrameTap(self, capacity)
        with self._cond:
            self._taps = (*self._taps, tap)
        return tap

    def _untap(self, tap: FrameTap) -> None:
        with self._cond:
            self._taps = tuple(t for t in self._taps if t is not tap)

    def _seen(self, seq: int) -> None:
        """A tap handed the frame ``seq`` on: if it is still the newest, it was read."""
        with self._cond:
            if self._frame is not None and self._frame.seq == seq:
                self._frame_read = True

    def put(self, image: np.ndarray, captured_at: float | None = None) -> Frame:
        """Store ``image`` as the newest frame and return it."""
        bgr = to_bgr(image)
        bgr.flags.writeable = False
        at = time.monotonic() if captured_at is None else captured_at
        with self._cond:
            self._seq += 1
            frame = Frame(seq=self._seq, image=bgr, captured_at=at)
            if not self._frame_read:
                self._frames_dropped += 1
            self._frame = frame
            self._frame_read = False
            self._frames_put += 1
            self._put_times.append(at)
            self._cond.notify_all()
            taps = self._taps
        for tap in taps:
            tap._offer(frame)
        return frame

    def latest(self) -> Frame | None:
        """The newest frame, or None before the first one."""
        with self._cond:
            self._frame_read = True
            return self._frame

    def wait_newer(
        self, after_seq: int = 0, timeout: float | None = None, *, mark_read: bool = True
    ) -> Frame | None:
        """Block until a frame with ``seq > after_seq`` is in the slot; None on timeout.

        ``mark_read=False`` looks without counting as a viewer (the boomerang's burst
        collector): a frame the screens never saw is still counted dropped."""
        with self._cond:
            ok = self._cond.wait_for(
                lambda: self._frame is not None and self._frame.seq > after_seq, timeout
            )
            if not ok:
                return None
            if mark_read:
                self._frame_read = True
            return self._frame

    def last_put_at(self) -> float | None:
        """When the newest frame was captured, None before the first (it is not read)."""
        with self._cond:
            return self._frame.captured_at if self._frame is not None else None

    def set_status(
        self, state: CameraState, detail: str = "", *, since: float | None = None
    ) -> CameraStatus:
        """The capture's state; ``since`` stays that of the state while it does not change."""
        with self._cond:
            current = self._status
            if since is None:
                same = current is not None and current.state == state
                since = current.since if same and current is not None else time.monotonic()
            self._status = CameraStatus(state, detail, since)
            return self._status

    def status(self) -> CameraStatus | None:
        """The capture's last word, None if no capture writes here."""
        with self._cond:
            return self._status

    def stats(self, now: float | None = None) -> SlotStats:
        now = time.monotonic() if now is None else now
        with self._cond:
            put, dropped = self._frames_put, self._frames_dropped
            times = list(self._put_times)
        recent = [t for t in times if t > now - self._fps_window]
        fps = 0.0
        if len(recent) >= 2 and recent[-1] > recent[0]:
            fps = (len(recent) - 1) / (recent[-1] - recent[0])
        return SlotStats(frames_put=put, frames_dropped=dropped, fps=fps)

    @property
    def frames_put(self) -> int:
        return self.stats().frames_put

    @property
    def frames_dropped(self) -> int:
        return self.stats().frames_dropped

    @property
    def fps(self) -> float:
        return self.stats().fps
