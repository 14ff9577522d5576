"""The booth's still photo, taken in the screens' process where the camera is.

When the booth enters ``capture`` (its snapshot, as the engine last sent it), the
newest full-resolution camera frame is taken from the slot (never the preview's
scaled image), not mirrored unless ``mirror`` says so (the preview is mirrored, as a
camera app's; the photo is not), encoded as a JPEG and written atomically (a temporary
file, then a rename) to ``<folder>/<photo id>.jpg`` on this worker, never the GUI
thread; then ``PhotoCaptured`` is published.

Nothing is lost: no frame within the capture's deadline, a full disk or an unwritable
folder publishes ``BoothTrouble`` with a calm reason (the booth says "one moment" and
recovers by itself) and keeps the encoded photo in memory (``kept``), counted, until
the operator saves it elsewhere (``save_kept``) or discards it.

The shutter is local (``shoot``): at the countdown's deadline the guest panel takes the
newest full frame at once and shows it, without waiting for the engine's clock to reach
``capture`` and the snapshot to come back (up to a tick and a trip, a few hundred ms).
This worker encodes and writes it, then publishes ``PhotoCaptured`` once the booth's
snapshot says ``capture`` for that countdown: the state machine stays the authority and
the journal has the photo as before. A shot the booth refused (the guest cancelled as
the countdown ended, the camera was lost) is still written and announced: the booth
keeps it among its photos (taken, never shown nor posted), counted in ``refused``.

The same worker runs the booth's other disk work (``submit``: the signed photo), one
job at a time.
"""

from __future__ import annotations

import errno
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import cv2
import numpy as np

from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.core.events import BoothStep, BoothTrouble, Event, PhotoCaptured
from blueroom.core.readers import BoothReader
from blueroom.workers import ErrorSink, Worker

JPEG_QUALITY = 95
FRESH_SECONDS = 0.5  # a frame older than this at the shutter is not "the newest"
POLL_SECONDS = 0.02  # how often the worker looks at the booth's snapshot


@dataclass(frozen=True, slots=True)
class Shot:
    """A photo taken by the local shutter at the end of a countdown (``move``): the full
    frame as it will be saved (read-only BGR), and when the shutter fell."""

    photo_id: str
    move: int  # the countdown's move in the booth: the capture it belongs to is move + 1
    image: np.ndarray
    taken_at: float  # wall-clock seconds


@dataclass(slots=True)
class _Pending:
    shot: Shot
    outcome: PhotoCaptured | BoothTrouble | None = None  # None: not written yet


@dataclass(frozen=True, slots=True)
class KeptPhoto:
    """A photo (or its boomerang) the disk refused, held in memory until saved elsewhere
    or discarded; ``name`` is its file's name (``<photo id>.jpg`` unless said)."""

    photo_id: str
    jpeg: bytes  # the file's bytes (a JPEG, or the boomerang's MP4 or GIF)
    width: int
    height: int
    reason: str
    file_name: str = ""

    @property
    def name(self) -> str:
        return self.file_name or f"{self.photo_id}.jpg"


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path``, whole or not at all (a temporary file beside it, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def why_not_saved(error: OSError, what: str = "the photo") -> str:
    """A calm reason for the guest's "one moment" (the details go to the console)."""
    if error.errno == errno.ENOSPC:
        return f"the disk is full: {what} is kept in memory"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the photos folder cannot be written: {what} is kept in memory"
    return f"{what} could not be saved ({error.strerror or error}): it is kept in memory"


def encode_jpeg(image: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("the camera's frame could not be encoded as JPEG")
    return data.tobytes()


Shutter = Callable[[str, Frame], None]  # (photo id, the photo's frame): the boomerang's


class StillCapture:
    """Watches the booth; takes, writes and announces its photo; runs its disk jobs.

    ``on_shutter`` hears of each photo's frame as it is taken (the boomerang's burst
    centres on it); it must only hand the frame over, never work on this worker."""

    def __init__(
        self,
        booth: BoothReader,
        frames: LatestFrameSlot,
        folder: Path,
        publish: Callable[[Event], int],
        *,
        mirror: bool = False,
        on_error: ErrorSink | None = None,
        clock: Callable[[], float] = time.time,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex[:12],
        on_shutter: Shutter | None = None,
    ) -> None:
        self._booth = booth
        self._frames = frames
        self.folder = folder
        self._publish = publish
        self.mirror = mirror
        self._clock = clock
        self._new_id = new_id
        self.on_shutter = on_shutter
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._handled_move = -1  # the capture step already taken (a move number)
        self._lock = threading.Lock()
        self.kept: list[KeptPhoto] = []  # refused by the disk, held in memory
        self._pending: list[_Pending] = []  # local shots not yet announced (under the lock)
        self.taken = 0
        self.failures = 0
        self.refused = 0  # local shots the booth did not take as its capture (kept, announced)
        self.last_ms = 0.0  # the shutter → the file written, the last photo
        self.worker = Worker(
            "gui-still", self._run, on_error=on_error, wake=lambda: self._jobs.put(None)
        )

    # -- lifecycle (the composition root) ----------------------------------------------
    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` on this worker, after what is already asked (any thread)."""
        self._jobs.put(job)

    def drain(self) -> None:
        """The jobs asked so far, then one look at the booth, on the caller's thread (the
        worker not started: tests and tools, deterministic)."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job()
        self.step()

    # -- the worker -------------------------------------------------------------------
    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                job = self._jobs.get(timeout=POLL_SECONDS)
            except queue.Empty:
                job = None
            if job is not None:
                self.worker.guarded(job)
            if not stop.is_set():
                self.worker.guarded(self.step)
        while True:  # the room quits: what was asked is still written (a shot, a signature)
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                self.worker.guarded(job)

    def step(self) -> None:
        """One look at the booth: a local shot is announced once its capture step comes
        (or the booth went elsewhere); a capture step no shot is waiting for is taken now."""
        state = self._booth.latest()
        with self._lock:
            pending = list(self._pending)
        for waiting in pending:
            shot = waiting.shot
            if state.move <= shot.move:
                continue  # the engine's countdown is not over yet
            if state.step is BoothStep.CAPTURE and state.move == shot.move + 1:
                self._handled_move = state.move  # this capture is the shot's
            if waiting.outcome is None:
                continue  # being written
            with self._lock:
                self._pending.remove(waiting)
            if self._handled_move != shot.move + 1:
                self.refused += 1
                if isinstance(waiting.outcome, BoothTrouble):
                    continue  # kept in memory, said on the console: the booth moved on
            self._publish(waiting.outcome)
        if state.step is not BoothStep.CAPTURE or state.move == self._handled_move:
            return
        self._handled_move = state.move
        self.take(state.deadline)

    # -- the local shutter ---------------------------------------------------------------
    def shoot(self, move: int) -> Shot | None:
        """The shutter at the end of the countdown ``move`` (any thread, at once): the
        newest full frame, mirrored as set, handed back to be shown, then written and
        announced by the worker. None when the booth's countdown is not that one or no
        fresh frame is there (the worker then takes the photo at ``capture``, waiting)."""
        state = self._booth.latest()
        if state.step is not BoothStep.COUNTDOWN or state.move != move:
            return None
        frame = self._frames.latest()
        if frame is None or time.monotonic() - frame.captured_at > FRESH_SECONDS:
            return None
        image = cv2.flip(frame.image, 1) if self.mirror else frame.image
        image.flags.writeable = False
        shot = Shot(self._new_id(), move, image, self._clock())
        waiting = _Pending(shot)
        with self._lock:
            self._pending.append(waiting)
        self._jobs.put(partial(self._write_shot, waiting))
        return shot

    def _write_shot(self, waiting: _Pending) -> None:
        started = time.perf_counter()
        shot = waiting.shot
        waiting.outcome = self._write(shot.photo_id, shot.image)
        self.last_ms = (time.perf_counter() - started) * 1000.0

    def take(self, deadline: float) -> PhotoCaptured | BoothTrouble:
        """The newest full frame (waiting for one until ``deadline``, wall clock), written
        and announced; or the trouble, announced, and the photo kept in memory."""
        started = time.perf_counter()
        frame = self._newest_frame(deadline)
        photo_id = self._new_id()
        if frame is None:
            self.failures += 1
            return self._say(BoothTrouble(reason="the camera gave no picture"))
        if self.on_shutter is not None:
            self.on_shutter(photo_id, frame)
        image = cv2.flip(frame.image, 1) if self.mirror else frame.image
        outcome = self._write(photo_id, image)
        self.last_ms = (time.perf_counter() - started) * 1000.0
        return self._say(outcome)

    def _write(self, photo_id: str, image: np.ndarray) -> PhotoCaptured | BoothTrouble:
        """The photo encoded and written (counted); or the trouble, the photo kept in memory."""
        height, width = int(image.shape[0]), int(image.shape[1])
        jpeg = encode_jpeg(image)
        path = self.folder / f"{photo_id}.jpg"
        try:
            write_atomically(path, jpeg)
        except OSError as error:
            reason = why_not_saved(error)
            with self._lock:
                self.kept.append(KeptPhoto(photo_id, jpeg, width, height, reason))
            self.failures += 1
            return BoothTrouble(reason=reason)
        self.taken += 1
        return PhotoCaptured(photo_id=photo_id, path=str(path), width=width, height=height)

    def _newest_frame(self, deadline: float) -> Frame | None:
        frames = self._frames
        frame = frames.latest()
        if frame is not None and time.monotonic() - frame.captured_at <= FRESH_SECONDS:
            return frame
        wait = max(0.0, (deadline - self._clock()) if deadline else 1.0)
        return frames.wait_newer(frame.seq if frame is not None else 0, timeout=wait)

    def _say(self, event: PhotoCaptured | BoothTrouble) -> PhotoCaptured | BoothTrouble:
        self._publish(event)
        return event

    # -- photos kept in memory -------------------------------------------------------------
    def keep(self, photo: KeptPhoto) -> None:
        """Hold a file the disk refused (the boomerang's, from its worker) with the photos."""
        with self._lock:
            self.kept.append(photo)

    def save_kept(self, folder: Path) -> list[Path]:
        """Every photo kept in memory, written to ``folder`` (raises what the disk says);
        those written are no longer kept."""
        written = []
        with self._lock:
            kept = list(self.kept)
        for photo in kept:
            path = folder / photo.name
            write_atomically(path, photo.jpeg)
            written.append(path)
            with self._lock:
                self.kept.remove(photo)
        return written

    def discard_kept(self) -> int:
        with self._lock:
            count, self.kept = len(self.kept), []
        return count
