"""The camera: one daemon thread reads OpenCV frames into a :class:`LatestFrameSlot`.

A video file stands in for a camera (demo, tests): it loops at its own frame rate.
Every failure (no device, missing or corrupt file, unplugged camera, an exception)
is a state, published once per change as :class:`CameraStateChanged`, then retried
with backoff. Nothing raises out of the thread. A file whose frames cannot be decoded
is lost, not looped; it is retried once it changes (a good copy put in its place).

OpenCV and FFmpeg print to the process's stderr, below Python: FFmpeg a line per
damaged frame, OpenCV a warning per failed open of a camera, at every retry. Importing
this module quiets both (the states say it all), unless the environment already says
otherwise: ``OPENCV_FFMPEG_LOGLEVEL`` (FFmpeg's level, read once, when the first
capture opens) and ``OPENCV_LOG_LEVEL`` (OpenCV's own).

A read on a stalled V4L2 camera blocks inside OpenCV for up to 10 s by default
(``OPENCV_VIDEOIO_V4L_SELECT_TIMEOUT``, read once by OpenCV; V4L2 ignores
``CAP_PROP_READ_TIMEOUT_MSEC``). The composition root may lower it before the first
capture opens; the watchdog can only report a stall once that read returns.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from blueroom.capture.latest_frame import Frame, LatestFrameSlot, SlotStats, to_bgr
from blueroom.core.events import CameraState, CameraStateChanged, Event
from blueroom.core.phrases import Phrase
from blueroom.workers import ErrorSink, Worker

__all__ = ["CameraCapture", "Frame", "LatestFrameSlot", "SlotStats", "to_bgr"]

log = logging.getLogger(__name__)

# The camera's details, read back by the screens (see core/phrases.py); a ``label`` is
# LABEL's sentence for a camera, else the file's path or the stream's URL.
LABEL = Phrase("camera_label", "camera {index}", numbers=("index",))
OPENING = Phrase("camera_opening", "opening {label}")
LIVE = Phrase(
    "camera_live", "{label} {width}x{height} @ {fps} fps", numbers=("width", "height", "fps")
)
LIVE_UNKNOWN_RATE = Phrase(
    "camera_live_unknown_rate",
    "{label} {width}x{height} @ fps unknown",
    numbers=("width", "height"),
)
STOPPED = Phrase("camera_stopped", "stopped")
STOPPED_BLOCKED = Phrase(
    "camera_stopped_blocked", "stopped (capture thread still blocked in a read)"
)
END_OF_FILE = Phrase("camera_end_of_file", "end of file {path}")
NO_FRAME = Phrase("camera_no_frame", "no frame for {seconds} s — unplugged?", numbers=("seconds",))
READ_FAILED = Phrase("camera_read_failed", "read failed on {label}")
FILE_NOT_FOUND = Phrase("camera_file_not_found", "file not found: {path}")
UNREADABLE = Phrase("camera_unreadable", "could not open {path} (unreadable or corrupt file)")
NOT_OPENED = Phrase("camera_not_opened", "camera {index} could not be opened", numbers=("index",))
STREAM_NOT_OPENED = Phrase("camera_stream_not_opened", "stream {path} could not be opened")
NOT_REOPENED = Phrase("camera_not_reopened", "could not reopen {path}")
BAD_FRAMES = Phrase(
    "camera_bad_frames",
    "{path}: cannot decode the video ({frames} bad frames)",
    numbers=("frames",),
)
NO_READABLE_FRAME = Phrase(
    "camera_no_readable_frame", "{path}: cannot decode the video (no readable frame)"
)
ERROR = Phrase("camera_error", "error: {error}")
DETAILS = (
    OPENING,
    LIVE,
    LIVE_UNKNOWN_RATE,
    STOPPED,
    STOPPED_BLOCKED,
    END_OF_FILE,
    NO_FRAME,
    READ_FAILED,
    FILE_NOT_FOUND,
    UNREADABLE,
    NOT_OPENED,
    STREAM_NOT_OPENED,
    NOT_REOPENED,
    BAD_FRAMES,
    NO_READABLE_FRAME,
    ERROR,
)

DEFAULT_FILE_FPS = 25.0
# A file read that fails before the file's last frames is a frame that cannot be
# decoded; this many in a row and the file is lost. Near the end (the frame count
# is an estimate in some containers) a failed read is the end of the file.
MAX_BAD_READS = 10
END_SLACK_FRAMES = 2
END_SLACK_SHARE = 0.02

AV_LOG_QUIET = -8  # FFmpeg's level for "print nothing"


def quiet_video_logs() -> None:
    """Keep FFmpeg and OpenCV from writing to stderr, unless the environment says.

    FFmpeg's level is read when the first capture opens: call before that (this
    module does, as it is imported).
    """
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", str(AV_LOG_QUIET))
    if "OPENCV_LOG_LEVEL" not in os.environ:
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


quiet_video_logs()


def _file_fps(cap: cv2.VideoCapture) -> float:
    fps = float(cap.get(cv2.CAP_PROP_FPS))
    return fps if 1.0 <= fps <= 240.0 else DEFAULT_FILE_FPS


def _is_empty(ok: bool, image: np.ndarray | None) -> bool:
    return not ok or image is None or image.size == 0


def _file_signature(path: str) -> tuple[int, int, int] | None:
    """What changes when a file is replaced or rewritten, None if it cannot be read."""
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class CameraCapture:
    """Reads ``device`` on its own daemon thread and keeps the newest frame in ``slot``.

    ``device`` is a camera index (``0``, or ``"0"`` from a settings file), a video file
    path, or a stream URL (``rtsp://...``). Nothing runs until :meth:`start`.
    """

    def __init__(
        self,
        device: int | str | os.PathLike[str],
        slot: LatestFrameSlot,
        publish: Callable[[Event], object],
        *,
        loop_file: bool = True,
        width: int | None = None,
        height: int | None = None,
        fps: float | None = None,
        reconnect_delay: float = 0.5,
        max_reconnect_delay: float = 5.0,
        no_frame_timeout: float = 2.0,
        on_error: ErrorSink | None = None,
    ) -> None:
        if isinstance(device, str) and device.strip().isdigit():
            device = int(device)
        self._index: int | None = device if isinstance(device, int) else None
        self._path: str | None = None if isinstance(device, int) else os.fspath(device)
        self._is_file = self._path is not None and "://" not in self._path
        self._slot = slot
        self._publish = publish
        self._loop_file = loop_file
        self._width = width
        self._height = height
        self._fps = fps
        self._reconnect_delay = reconnect_delay
        self._max_reconnect_delay = max(max_reconnect_delay, reconnect_delay)
        self._no_frame_timeout = no_frame_timeout

        self._worker = Worker(f"camera {self.device}", self._run, on_error=on_error, lowered=True)
        self._stop_event = self._worker.stopping
        # Held across "change state + publish" so the bus sees transitions in order;
        # re-entrant so a subscriber may call stop() from inside publish.
        self._transition_lock = threading.RLock()
        self._state_cond = threading.Condition(threading.Lock())
        self._state = CameraState.STOPPED
        self._detail = ""
        self._stopping = False
        # A file found undecodable, as it was then, and why: not decoded again unchanged.
        self._damaged: tuple[tuple[int, int, int] | None, str] | None = None
        # The views know from now on that a camera is coming (see LatestFrameSlot.status).
        slot.set_status(CameraState.STARTING, OPENING.say(label=self.label))

    # ── public API ────────────────────────────────────────────────────────────────

    @property
    def device(self) -> str:
        """The device as it appears in events: ``"0"`` or the file path / URL."""
        return str(self._index) if self._index is not None else str(self._path)

    @property
    def label(self) -> str:
        """A human name: ``"camera 0"`` or the file path / URL."""
        return LABEL.say(index=self._index) if self._index is not None else str(self._path)

    @property
    def state(self) -> CameraState:
        with self._state_cond:
            return self._state

    @property
    def detail(self) -> str:
        """Why the camera is in its state (the latest reason, even if not republished)."""
        with self._state_cond:
            return self._detail

    @property
    def running(self) -> bool:
        return self._worker.alive

    def start(self) -> None:
        """Start the capture worker. Call once; a stopped capture is not restarted."""
        with self._state_cond:
            if self._worker.started or self._stopping:
                raise RuntimeError(f"CameraCapture for {self.label} was already started")
        self._set_state(CameraState.STARTING, OPENING.say(label=self.label))
        self._worker.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop and join the worker (it releases the device). False if it did not end in time."""
        with self._state_cond:
            self._stopping = True
        joined = self._worker.stop(timeout)
        self._set_state(CameraState.STOPPED, (STOPPED if joined else STOPPED_BLOCKED).say())
        return joined

    def wait_for_frame(self, timeout: float, after_seq: int = 0) -> bool:
        """True once the slot holds a frame with ``seq > after_seq`` (any frame by default)."""
        return self._slot.wait_newer(after_seq, timeout) is not None

    def wait_for_state(self, state: CameraState, timeout: float) -> bool:
        """True once the capture is in ``state``; False on timeout."""
        with self._state_cond:
            return self._state_cond.wait_for(lambda: self._state == state, timeout)

    # ── state ─────────────────────────────────────────────────────────────────────

    def _set_state(self, state: CameraState, detail: str) -> None:
        with self._transition_lock:
            with self._state_cond:
                if self._stopping and state != CameraState.STOPPED:
                    return
                changed = state != self._state
                self._state = state
                self._detail = detail
                self._state_cond.notify_all()
            self._slot.set_status(state, detail, since=time.monotonic() if changed else None)
            if not changed:
                return
            log.info("%s: %s (%s)", self.label, state, detail)
            try:
                self._publish(CameraStateChanged(state=state, device=self.device, detail=detail))
            except Exception:
                log.exception("publishing the camera state failed")

    def _lost(self, reason: str) -> None:
        if reason != self.detail or self.state != CameraState.LOST:
            log.warning("%s lost: %s", self.label, reason)
        self._set_state(CameraState.LOST, reason)

    # ── thread ────────────────────────────────────────────────────────────────────

    def _run(self, stop: threading.Event) -> None:
        delay = self._reconnect_delay
        while not self._stop_event.is_set():
            cap: cv2.VideoCapture | None = None
            failure: str | None
            try:
                cap, failure = self._open()
                if cap is not None:
                    failure, went_live = self._stream(cap)
                    if failure is None:
                        return  # stopped, or a file that does not loop has ended
                    if went_live:
                        delay = self._reconnect_delay
                assert failure is not None
                self._lost(failure)
            except Exception as exc:  # a state, never a dead thread
                log.exception("camera loop error on %s", self.label)
                self._lost(ERROR.say(error=f"{type(exc).__name__}: {exc}"))
            finally:
                if cap is not None:
                    cap.release()
            if self._stop_event.wait(delay):
                return
            delay = min(delay * 2.0, self._max_reconnect_delay)

    def _open(self) -> tuple[cv2.VideoCapture | None, str]:
        if self._is_file:
            assert self._path is not None
            if not Path(self._path).is_file():
                return None, FILE_NOT_FOUND.say(path=self._path)
            if self._damaged is not None:
                signature, reason = self._damaged
                if signature is not None and signature == _file_signature(self._path):
                    return None, reason
                self._damaged = None
            cap = cv2.VideoCapture(self._path)
            if not cap.isOpened():
                cap.release()
                return None, UNREADABLE.say(path=self._path)
            return cap, ""
        if self._index is not None:
            cap = cv2.VideoCapture(self._index)
            failure = NOT_OPENED.say(index=self._index)
        else:
            cap = cv2.VideoCapture(str(self._path))
            failure = STREAM_NOT_OPENED.say(path=self._path)
        if not cap.isOpened():
            cap.release()
            return None, failure
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # keep latency out of the driver's queue
        if self._width:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self._width)
        if self._height:
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self._height)
        if self._fps:
            cap.set(cv2.CAP_PROP_FPS, self._fps)
        return cap, ""

    def _went_live(self, frame: Frame, fps: float) -> None:
        width, height = frame.size
        size = {"label": self.label, "width": width, "height": height}
        live = LIVE.say(fps=f"{fps:g}", **size) if fps > 0 else LIVE_UNKNOWN_RATE.say(**size)
        self._set_state(CameraState.LIVE, live)

    def _stream(self, cap: cv2.VideoCapture) -> tuple[str | None, bool]:
        """Read until stopped (None) or lost (the reason). Also says whether it went live."""
        if self._is_file:
            return self._stream_file(cap)
        return self._stream_camera(cap)

    def _stream_camera(self, cap: cv2.VideoCapture) -> tuple[str | None, bool]:
        went_live = False
        last_frame_at = time.monotonic()
        while not self._stop_event.is_set():
            ok, image = cap.read()
            now = time.monotonic()
            if self._stop_event.is_set():
                break
            if _is_empty(ok, image):
                silent = now - last_frame_at
                if silent >= self._no_frame_timeout:
                    return NO_FRAME.say(seconds=f"{silent:.1f}"), went_live
                return READ_FAILED.say(label=self.label), went_live
            frame = self._slot.put(image, now)
            last_frame_at = now
            if not went_live:
                went_live = True
                self._went_live(frame, float(cap.get(cv2.CAP_PROP_FPS)))
        return None, went_live

    def _stream_file(self, cap: cv2.VideoCapture) -> tuple[str | None, bool]:
        assert self._path is not None
        signature = _file_signature(self._path)  # before reading: what is being judged
        fps = _file_fps(cap)
        period = 1.0 / fps
        frame_count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))  # <= 0: unknown
        end_slack = max(END_SLACK_FRAMES, frame_count * END_SLACK_SHARE)
        went_live = False
        frames_since_rewind = 0
        bad_reads = 0  # failed reads in a row, before the end of the file
        deadline = time.monotonic()
        while not self._stop_event.is_set():
            ok, image = cap.read()
            if _is_empty(ok, image):
                position = cap.get(cv2.CAP_PROP_POS_FRAMES)
                if frame_count > 0 and position < frame_count - end_slack:
                    bad_reads += 1  # a frame that cannot be decoded: try the next ones
                    if bad_reads < MAX_BAD_READS:
                        continue
                    bad = frame_count - int(position)
                    reason = BAD_FRAMES.say(path=self._path, frames=bad)
                    return self._undecodable(signature, reason), went_live
                if frames_since_rewind == 0:
                    reason = NO_READABLE_FRAME.say(path=self._path)
                    return self._undecodable(signature, reason), went_live
                if not self._loop_file:
                    self._set_state(CameraState.STOPPED, END_OF_FILE.say(path=self._path))
                    return None, went_live
                frames_since_rewind = 0
                bad_reads = 0
                # Seek back without losing the pacing clock; reopen if the file can't seek.
                if not cap.set(cv2.CAP_PROP_POS_FRAMES, 0) and not cap.open(self._path):
                    return NOT_REOPENED.say(path=self._path), went_live
                continue
            bad_reads = 0
            now = time.monotonic()
            frame = self._slot.put(image, now)
            frames_since_rewind += 1
            if not went_live:
                went_live = True
                self._went_live(frame, fps)
            deadline += period
            if deadline < now - period:
                deadline = now  # fell behind (slow decode, busy machine): don't burst to catch up
            elif self._stop_event.wait(max(0.0, deadline - now)):
                break
        return None, went_live

    def _undecodable(self, signature: tuple[int, int, int] | None, reason: str) -> str:
        """The reason a file is lost; it is not decoded again until it changes."""
        self._damaged = (signature, reason)
        return reason
