"""The booth's boomerang: a burst of camera frames around the shutter, played forward then
backward, saved beside the photo as ``<id>-clip.mp4`` and ``<id>-clip.gif``.

Two workers of the screens' process, below the GUI thread's priority, so the preview
and the still never wait for them:

* the **collector** looks at the shared camera's slot (the frames the video wall and
  the still use: the device is opened once) only while the booth counts down or
  shoots, and keeps a frame every 1/``sample_fps`` s scaled to the clip's size (720p
  at most) in a ring of the last ``before`` seconds. The still capture tells it the
  photo's frame (``shutter``); it then keeps ``after`` seconds more and hands the
  burst to the builder. A boomerang is the guest moving: the second before the flash
  (settling into the pose) and the second after it (the laugh, the relief) are where
  the move is, so the photo's frame sits in the middle. Frames are taken at about
  half the camera's rate and played at twice that rate (``SPEED``): the quick,
  springy look of a boomerang, half the memory.
* the **builder** encodes the MP4 and the GIF (``capture/clip.py``) one burst at a
  time, writes each whole (a temporary file, then a rename) and publishes
  ``ClipSaved``, or ``ClipFailed`` with the reason. A disk that refuses a file keeps it
  in memory with the refused photos (``keep``), until the operator saves or discards
  them. At most ``MAX_WAITING`` bursts wait for it; an older one is shed (counted, and
  said as its photo's ``ClipFailed``).

Memory is bounded: the ring and one open burst (about (``before`` + ``after``) ×
``sample_fps`` frames of 1280×720, 2.8 MB each), and ``MAX_WAITING`` + 1 bursts.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np

from blueroom.capture.clip import build_boomerang, even_size, fit
from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.capture.still import KeptPhoto, why_not_saved, write_atomically
from blueroom.core.events import BoothStep, ClipFailed, ClipSaved, Event
from blueroom.core.readers import BoothReader
from blueroom.workers import ErrorSink, Worker

SPEED = 2.0  # played this many times faster than it was taken
CLIP_HEIGHT = 720  # the MP4's height at most (X plays 720p everywhere; 2.8 MB a frame kept)
GIF_WIDTH = 480  # the GIF's width at most (smaller when over its cap)
LOOPS = 2  # the MP4 plays the boomerang this many times (a GIF loops by itself)
MAX_WAITING = 1  # bursts waiting for the builder; an older one is shed
MIN_FRAMES = 4  # fewer and there is no move to show
COLLECTING = frozenset({BoothStep.COUNTDOWN, BoothStep.CAPTURE})
POLL_SECONDS = 0.05
LOST_AFTER = 1.0  # seconds past the burst's end with no frame: built with what there is


@dataclass(frozen=True, slots=True)
class BoomerangStats:
    made: int
    failed: int
    shed: int  # bursts never built: the builder was busy with another
    missed: int  # camera frames overwritten before the collector saw them, while collecting
    building: bool
    last_reason: str  # the last failure's reason
    last_mp4_ms: float
    last_gif_ms: float


@dataclass(slots=True)
class Burst:
    photo_id: str
    shutter_at: float  # the photo's frame's capture time (time.monotonic())
    frames: list[tuple[float, np.ndarray]] = field(default_factory=list)

    def rate(self) -> float:
        """Frames a second as kept (0.0 with fewer than two)."""
        if len(self.frames) < 2:
            return 0.0
        span = self.frames[-1][0] - self.frames[0][0]
        return (len(self.frames) - 1) / span if span > 0 else 0.0


class Boomerangs:
    """Collects a burst around each photo's shutter and builds its boomerang (two workers,
    started by the composition root)."""

    def __init__(
        self,
        booth: BoothReader,
        frames: LatestFrameSlot,
        folder: Path,
        publish: Callable[[Event], object],
        *,
        before: float = 1.0,
        after: float = 1.0,
        sample_fps: float = 15.0,
        gif_cap_bytes: int = 4_000_000,
        height: int = CLIP_HEIGHT,
        gif_width: int = GIF_WIDTH,
        keep: Callable[[KeptPhoto], None] | None = None,
        write: Callable[[Path, bytes], None] = write_atomically,
        on_error: ErrorSink | None = None,
    ) -> None:
        self._booth = booth
        self._frames = frames
        self.folder = folder
        self._publish = publish
        self.before, self.after = before, after
        self.sample_fps = sample_fps
        self.gif_cap_bytes = gif_cap_bytes
        self.height, self.gif_width = height, gif_width
        self._keep = keep
        self._write = write
        self._shutters: queue.SimpleQueue[tuple[str, Frame]] = queue.SimpleQueue()
        self._ring: deque[tuple[float, np.ndarray]] = deque(
            maxlen=max(2, math.ceil((before + 0.5) * sample_fps))
        )
        self._open: Burst | None = None
        self._last_seq = 0
        self._last_kept_at = -math.inf
        self._newest_at = -math.inf  # the newest camera frame's capture time
        self._waiting: deque[Burst] = deque()
        self._cond = threading.Condition()
        self._lock = threading.Lock()
        self._made = self._failed = self._shed = self._missed = 0
        self._building = False
        self._last_reason = ""
        self._last_ms = (0.0, 0.0)
        self.collector = Worker("gui-burst", self._collect, on_error=on_error, lowered=True)
        self.builder = Worker(
            "gui-clip", self._build_loop, on_error=on_error, wake=self._wake, lowered=True
        )

    # -- lifecycle (the composition root) ---------------------------------------------------
    def start(self) -> None:
        self.collector.start()
        self.builder.start()

    def stop(self) -> None:
        self.collector.stop()
        self.builder.stop()

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def shutter(self, photo_id: str, frame: Frame) -> None:
        """The photo ``photo_id`` was taken from ``frame`` (the still's worker): only noted."""
        self._shutters.put((photo_id, frame))

    def stats(self) -> BoomerangStats:
        with self._lock:
            return BoomerangStats(
                self._made,
                self._failed,
                self._shed,
                self._missed,
                self._building or bool(self._waiting),
                self._last_reason,
                *self._last_ms,
            )

    # -- the collector ------------------------------------------------------------------------
    def _collect(self, stop: threading.Event) -> None:
        while not stop.is_set():
            frame = self._frames.wait_newer(self._last_seq, POLL_SECONDS, mark_read=False)
            self.worker_step(frame)

    def worker_step(self, frame: Frame | None) -> None:
        """One look: shutters noted, ``frame`` (the slot's newest, or None) kept or not,
        a burst that has its second after the shutter handed to the builder."""
        now = time.monotonic()
        while True:
            try:
                photo_id, shot = self._shutters.get_nowait()
            except queue.Empty:
                break
            self._open_burst(photo_id, shot)
        burst = self._open
        if frame is not None:
            if self._last_seq and frame.seq > self._last_seq + 1 and self._collecting():
                with self._lock:
                    self._missed += frame.seq - self._last_seq - 1
            self._last_seq = frame.seq
            self._newest_at = frame.captured_at
            if self._collecting() or burst is not None:
                self._take(frame)
            else:
                self._ring.clear()  # nothing kept between visits
                self._last_kept_at = -math.inf
        if burst is not None:
            ended = self._newest_at >= burst.shutter_at + self.after
            lost = now - burst.shutter_at > self.after + LOST_AFTER
            if ended or lost:
                self._open = None
                self._hand_over(burst)

    def _collecting(self) -> bool:
        return self._booth.latest().step in COLLECTING

    def _size(self, image: np.ndarray) -> tuple[int, int]:
        return even_size(int(image.shape[1]), int(image.shape[0]), self.height)

    def _take(self, frame: Frame) -> None:
        at = frame.captured_at
        if at - self._last_kept_at < 0.9 / self.sample_fps:
            return
        self._last_kept_at = at
        kept = (at, fit(frame.image, self._size(frame.image)))
        burst = self._open
        if burst is not None and at > burst.shutter_at:
            burst.frames.append(kept)
        else:
            self._ring.append(kept)

    def _open_burst(self, photo_id: str, shot: Frame) -> None:
        if self._open is not None:
            self._hand_over(self._open)  # a second shutter ends the first's burst early
        at = shot.captured_at
        kept = [(t, image) for t, image in self._ring if at - self.before <= t <= at + self.after]
        if not any(t == at for t, _ in kept):
            kept.append((at, fit(shot.image, self._size(shot.image))))  # the photo's own frame
        kept.sort(key=lambda item: item[0])
        self._ring.clear()
        self._open = Burst(photo_id, at, kept)

    def _hand_over(self, burst: Burst) -> None:
        shed: Burst | None = None
        with self._cond:
            if len(self._waiting) >= MAX_WAITING:
                shed = self._waiting.popleft()
            self._waiting.append(burst)
            self._cond.notify_all()
        if shed is not None:
            with self._lock:
                self._shed += 1
            self._fail(shed.photo_id, "the clip maker was still busy with another clip: shed")

    # -- the builder ---------------------------------------------------------------------------
    def next_burst(self) -> Burst | None:
        """The oldest burst waiting for the builder, taken (None: none waits)."""
        with self._cond:
            return self._waiting.popleft() if self._waiting else None

    def _build_loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self._cond:
                while not self._waiting and not stop.is_set():
                    self._cond.wait(1.0)
                if stop.is_set():
                    return
                burst = self._waiting.popleft()
                with self._lock:
                    self._building = True
            try:
                self.builder.guarded(partial(self._build_one, burst))
            finally:
                with self._lock:
                    self._building = False

    def _build_one(self, burst: Burst) -> None:
        self.build(burst)

    def build(self, burst: Burst) -> ClipSaved | ClipFailed:
        """The burst's MP4 and GIF written and announced, or why not (announced too)."""
        if len(burst.frames) < MIN_FRAMES:
            return self._fail(
                burst.photo_id,
                f"too few camera frames around the shutter ({len(burst.frames)})",
            )
        rate = burst.rate() or self.sample_fps
        fps = min(60.0, rate * SPEED)
        try:
            made = build_boomerang(
                [image for _, image in burst.frames],
                fps,
                loops=LOOPS,
                gif_cap_bytes=self.gif_cap_bytes,
                gif_width=self.gif_width,
            )
        except ValueError as error:
            return self._fail(burst.photo_id, f"the clip could not be made: {error}")
        with self._lock:
            self._last_ms = (made.mp4_ms, made.gif_ms)
        mp4 = self.folder / f"{burst.photo_id}-clip.mp4"
        gif = self.folder / f"{burst.photo_id}-clip.gif"
        written: dict[Path, bool] = {}
        reason = ""
        for path, data, (width, height) in (
            (mp4, made.mp4, (made.width, made.height)),
            (gif, made.gif.data, (made.gif.width, made.gif.height)),
        ):
            try:
                self._write(path, data)
                written[path] = True
            except OSError as error:
                written[path] = False
                reason = reason or why_not_saved(error, "the clip")
                if self._keep is not None:
                    self._keep(KeptPhoto(burst.photo_id, data, width, height, reason, path.name))
        if not written[mp4]:
            return self._fail(burst.photo_id, reason)
        with self._lock:
            self._made += 1
            if reason:
                self._failed += 1
                self._last_reason = reason
        event = ClipSaved(
            photo_id=burst.photo_id,
            mp4=str(mp4),
            gif=str(gif) if written[gif] else "",
            frames=made.frames,
        )
        self._publish(event)
        return event

    def _fail(self, photo_id: str, reason: str) -> ClipFailed:
        with self._lock:
            self._failed += 1
            self._last_reason = reason
        event = ClipFailed(photo_id=photo_id, reason=reason)
        self._publish(event)
        return event
