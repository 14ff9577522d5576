"""The programme's recording: H.264 in a fragmented MP4, written by PyAV on a worker.

Every camera frame reaches the recording (a ``FrameTap`` on the latest-frame slot, not
the slot's newest-only view), is composed with the programme's overlays at the
recording's size by ``compose`` (``ui/programme.py``'s renderer, drawn on this worker),
encoded by libx264 and written at once: the MP4 is fragmented (``frag_keyframe``, a
keyframe every half second) and every packet flushed, so a crash or ``kill -9`` leaves
a file that plays up to its last half second. Timestamps are the frames' capture times,
so the file runs at the camera's rate; the microphone's sound (``capture/microphone.py``)
is placed by its own capture times, within a few milliseconds of the pictures.

The disk is checked before a recording starts and every second while it runs: a
warning when less than ``warn_minutes`` of recording is left, and below
``reserve_mb`` the recording stops cleanly (closed, playable) and says so. A disk that
refuses a write (ENOSPC) stops it too: the file is cut after its last whole fragment,
so everything written before plays.
"""

from __future__ import annotations

import contextlib
import errno
import io
import shutil
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO, NamedTuple

import av
import cv2
import numpy as np
import numpy.typing as npt

from blueroom.capture.latest_frame import Frame, FrameTap, LatestFrameSlot
from blueroom.capture.microphone import CHANNELS, LAYOUT, RATE, Microphone, Sound
from blueroom.capture.output_stats import OutputState, OutputStats
from blueroom.core.events import Event, RecordingStarted, RecordingStopped
from blueroom.core.phrases import Phrase
from blueroom.workers import ErrorSink, Worker

MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof"
KEYFRAME_SECONDS = 0.5  # a fragment each: what a crash can lose at most
VIDEO_TIME_BASE = Fraction(1, 90_000)
TAP_SECONDS = 1.0  # frames that may wait for the encoder before one is dropped
DISK_CHECK_SECONDS = 1.0
AUDIO_SLACK = 0.02  # seconds the sound may stray from its capture time before it is put back
AUDIO_LAG = 0.25  # silence fills what the microphone has not delivered this far behind

# What the recording says (core/phrases.py: the console words them in its language).
NOT_ENOUGH_DISK = Phrase(
    "recording_not_enough_disk",
    "not started: {free} MB free in {folder}, {needed} MB needed",
    numbers=("free", "needed"),
)
DISK_NEARLY_FULL = Phrase(
    "recording_disk_nearly_full",
    "stopped: the disk is nearly full ({free} MB left); the file is complete",
    numbers=("free",),
)
DISK_REFUSED = Phrase(
    "recording_disk_refused",
    "stopped: the disk refused to write ({error}); the file plays up to {seconds} s",
)
CANNOT_START = Phrase("recording_cannot_start", "not started: {error}")
FAILED = Phrase("recording_failed", "stopped: {error}; the file plays up to {seconds} s")
TIME_LEFT = Phrase(
    "recording_time_left",
    "disk: about {minutes} min of recording left",
    numbers=("minutes",),
)
NO_MICROPHONE = Phrase("recording_no_microphone", "no sound: {problem}")
PHRASES = (
    NOT_ENOUGH_DISK,
    DISK_NEARLY_FULL,
    DISK_REFUSED,
    CANNOT_START,
    FAILED,
    TIME_LEFT,
    NO_MICROPHONE,
)


Reason = tuple[Phrase, dict[str, object]]
REFUSED = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class DiskUsage(NamedTuple):
    total: int
    used: int
    free: int


@dataclass(frozen=True, slots=True)
class RecordingOptions:
    width: int = 1920
    height: int = 1080
    fps: float = 30.0  # the camera's nominal rate (the timestamps are the frames' own)
    preset: str = (
        "ultrafast"  # veryfast does not fit two cores at 1080p30 (benchmarks/programme.py)
    )
    bitrate_kbps: int = 6_000
    audio_kbps: int = 128
    reserve_mb: int = 500  # below this free, the recording stops
    start_mb: int = 1_000  # free space needed to start
    warn_minutes: float = 10.0  # warn when this little recording time is left


@dataclass(frozen=True, slots=True)
class RecordingFile:
    path: Path
    seconds: float
    size: int


@dataclass(frozen=True, slots=True)
class RecordingStatus:
    """The recording as the console shows it."""

    recording: bool = False
    path: Path | None = None
    seconds: float = 0.0
    frames: int = 0
    dropped: int = 0  # frames the app lost (the encoder fell behind), counted
    size: int = 0
    bitrate_kbps: float = 0.0  # what reached the file over the last second
    free: int = 0  # bytes free on the recordings' disk
    minutes_left: float | None = None
    warning: str = ""  # the disk running low
    message: str = ""  # why the last recording stopped or did not start
    audio: str = ""  # the microphone recorded, "" for none
    audio_problem: str = ""
    files: tuple[RecordingFile, ...] = field(default_factory=tuple)


class _Counted(io.RawIOBase):
    """The file the muxer writes to, counting what reached it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.written = 0

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        count = self.raw.write(data)
        self.written += len(data) if count is None else count
        return len(data) if count is None else count

    def flush(self) -> None:
        if not self.raw.closed:
            self.raw.flush()

    def close(self) -> None:  # the muxer closes it; the recorder again, to be sure
        if self.closed:
            return
        try:
            self.raw.close()
        finally:
            super().close()


def whole_fragments(path: Path) -> int:
    """The length of ``path`` up to the end of its last whole box (an MP4's top-level
    boxes: ftyp, moov, then a moof and an mdat per fragment); a fragment whose mdat was
    cut short by a refused write is left out."""
    end = 0
    last_whole = 0
    with path.open("rb") as handle:
        size_on_disk = path.stat().st_size
        while True:
            header = handle.read(8)
            if len(header) < 8:
                break
            size, kind = struct.unpack(">I4s", header)
            if size == 1:
                large = handle.read(8)
                if len(large) < 8:
                    break
                size = struct.unpack(">Q", large)[0]
            if size < 8 or end + size > size_on_disk:
                break
            end += size
            handle.seek(end)
            if kind != b"moof":  # a moof alone is not a fragment: its mdat must follow
                last_whole = end
    return last_whole


def probe(path: Path) -> float:
    """The seconds a recording plays (its last video packet's end), 0 when unreadable."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return 0.0
            stream = container.streams.video[0]
            last = 0.0
            for packet in container.demux(stream):
                if packet.pts is not None and stream.time_base is not None:
                    duration = packet.duration or 0
                    last = max(last, float((packet.pts + duration) * stream.time_base))
            return last
    except (av.FFmpegError, OSError, ValueError):
        return 0.0


Compose = Callable[[Frame], npt.NDArray[np.uint8]]


class Recorder:
    """Records the programme while asked (:meth:`begin`, :meth:`end`), on its worker.

    The worker is built here and started by the composition root; it idles between
    recordings and lists the folder's recordings (their length and size).
    """

    def __init__(
        self,
        slot: LatestFrameSlot,
        folder: Path,
        compose: Compose,
        publish: Callable[[Event], object],
        *,
        options: RecordingOptions | None = None,
        microphone: Microphone | None = None,
        disk_usage: Callable[[Path], DiskUsage] = lambda p: DiskUsage(*shutil.disk_usage(p)),
        open_file: Callable[[Path], BinaryIO] = lambda p: p.open("xb"),
        on_error: ErrorSink | None = None,
    ) -> None:
        self._slot = slot
        self.folder = folder
        self._compose = compose
        self._publish = publish
        self.options = options or RecordingOptions()
        self.microphone = microphone
        self._disk_usage = disk_usage
        self._open_file = open_file
        self._cond = threading.Condition(threading.Lock())
        self._asked: bool | None = None  # True: begin, False: end; None: nothing asked
        self._status = RecordingStatus(audio=microphone.spec if microphone else "")
        self._listed: dict[Path, tuple[tuple[int, float], RecordingFile]] = {}
        self.worker = Worker("recorder", self._run, on_error=on_error, wake=self._wake)

    # -- the composition root ------------------------------------------------------------
    def start(self) -> None:
        self.worker.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ends a recording under way (closed whole) and the worker."""
        self.end()
        return self.worker.stop(timeout)

    # -- asked by the console or a session step (any thread) -----------------------------
    def begin(self) -> None:
        with self._cond:
            self._asked = True
            self._cond.notify_all()

    def end(self) -> None:
        with self._cond:
            self._asked = False
            self._cond.notify_all()

    def status(self) -> RecordingStatus:
        with self._cond:
            return self._status

    def output_stats(self) -> OutputStats:
        """The recording as an output of the programme (``ReportsOutput``)."""
        status = self.status()
        return OutputStats(
            state=OutputState.ACTIVE if status.recording else OutputState.STOPPED,
            seconds=status.seconds, bitrate_kbps=status.bitrate_kbps if status.recording else 0.0,
            frames_sent=status.frames, frames_dropped=status.dropped, size=status.size,
            minutes_left=status.minutes_left if status.recording else None,
            message="" if status.recording else status.message,
        )  # fmt: skip

    def wait_for(self, check: Callable[[RecordingStatus], bool], timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: check(self._status), timeout)

    def _set(self, **changes: object) -> None:
        with self._cond:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            self._cond.notify_all()

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # -- the worker ----------------------------------------------------------------------
    def _run(self, stop: threading.Event) -> None:
        self._list_files()
        while not stop.is_set():
            with self._cond:
                self._cond.wait_for(lambda: self._asked is not None or stop.is_set(), 2.0)
                asked, self._asked = self._asked, None
            if stop.is_set():
                return
            if asked:
                self._record(stop)
            self._list_files()

    def _list_files(self) -> None:
        """The folder's recordings, newest first (each probed once per size and time)."""
        files: list[RecordingFile] = []
        try:
            paths = sorted(self.folder.glob("*.mp4"), reverse=True)
        except OSError:
            paths = []
        current = self._status.path if self._status.recording else None
        listed: dict[Path, tuple[tuple[int, float], RecordingFile]] = {}
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            if path == current:
                files.append(RecordingFile(path, self._status.seconds, self._status.size))
                continue
            key = (info.st_size, info.st_mtime)
            known = self._listed.get(path)
            if known is None or known[0] != key:
                known = (key, RecordingFile(path, probe(path), info.st_size))
            listed[path] = known
            files.append(known[1])
        self._listed = listed
        free = self._free()
        self._set(files=tuple(files), free=free)

    def _free(self) -> int:
        try:
            return self._disk_usage(
                self.folder if self.folder.exists() else self.folder.parent
            ).free
        except OSError:
            return 0

    def _ending(self, stop: threading.Event) -> bool:
        with self._cond:
            if self._asked is False:
                self._asked = None
                return True
            if self._asked is True:
                self._asked = None  # already recording
        return stop.is_set()

    def _record(self, stop: threading.Event) -> None:
        options = self.options
        mb = 1024 * 1024
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._set(message=CANNOT_START.say(error=error.strerror or str(error)))
            return
        free = self._free()
        if free < options.start_mb * mb:
            said = NOT_ENOUGH_DISK.say(
                free=free // mb, folder=str(self.folder), needed=options.start_mb
            )
            self._set(message=said, free=free)
            return
        path = self.folder / time.strftime("programme-%Y%m%d-%H%M%S.mp4")
        n = 1
        while path.exists():
            n += 1
            path = self.folder / time.strftime(f"programme-%Y%m%d-%H%M%S-{n}.mp4")
        measured = self._slot.stats().fps  # the camera's rate, as it runs
        if measured >= 1.0:
            options = replace(options, fps=round(measured))
        try:
            writer = _Writer(path, self._open_file(path), options, self.microphone is not None)
        except (OSError, av.FFmpegError) as error:
            self._set(message=CANNOT_START.say(error=error))
            return
        tap = self._slot.tap(max(2, round(options.fps * TAP_SECONDS)))
        if self.microphone is not None:
            self.microphone.open()
        self._set(
            recording=True, path=path, seconds=0.0, frames=0, dropped=0, size=0, bitrate_kbps=0.0,
            warning="", message="", minutes_left=None, audio_problem="",
        )  # fmt: skip
        self._publish(
            RecordingStarted(
                path=str(path),
                width=options.width,
                height=options.height,
                fps=options.fps,
                audio=self.microphone.spec if self.microphone else "",
            )
        )
        reason: Reason | None = None
        try:
            reason = self._frames(writer, tap, stop)
        finally:
            tap.close()
            if self.microphone is not None:
                self.microphone.close()
            try:
                closing = writer.finish()
            except Exception as error:  # noqa: BLE001 - said, and the recorder goes on
                closing = FAILED, {"error": f"{type(error).__name__}: {error}"}
            self._finished(writer, tap, reason or closing)

    def _frames(self, writer: _Writer, tap: FrameTap, stop: threading.Event) -> Reason | None:
        """Frames until asked to end; the reason when something else ended it."""
        mb = 1024 * 1024
        checked = time.monotonic()
        started = checked
        written_then = 0
        ended_at: float | None = None
        while True:
            if ended_at is None and self._ending(stop):
                ended_at = time.monotonic()
            # Asked to end: the frames captured before are still recorded (a second of
            # them at most), then it ends.
            frame = tap.get(0.0 if ended_at is not None else 0.1)
            if ended_at is not None and (frame is None or frame.captured_at > ended_at):
                break
            try:
                if frame is not None:
                    writer.picture(self._compose(frame), frame.captured_at)
                if self.microphone is not None:
                    writer.sound(self.microphone.take(), frame.captured_at if frame else None)
            except (OSError, av.FFmpegError) as error:
                return writer.failed(error)
            now = time.monotonic()
            if now - checked < DISK_CHECK_SECONDS:
                continue
            bitrate = (writer.written - written_then) * 8 / 1000 / (now - checked)
            checked, written_then = now, writer.written
            free = self._free()
            rate = writer.written / max(0.5, now - started)  # bytes a second
            left = max(0.0, free - self.options.reserve_mb * mb) / max(rate, 1.0) / 60
            warning = TIME_LEFT.say(minutes=int(left)) if left < self.options.warn_minutes else ""
            problem = self.microphone.problem if self.microphone else ""
            self._set(
                seconds=writer.seconds, frames=writer.frames, dropped=tap.dropped,
                size=writer.written, bitrate_kbps=bitrate, free=free, minutes_left=left,
                warning=warning, audio_problem=NO_MICROPHONE.say(problem=problem) if problem else "",
            )  # fmt: skip
            if free < self.options.reserve_mb * mb:
                return DISK_NEARLY_FULL, {"free": free // mb}
        return None

    def _finished(self, writer: _Writer, tap: FrameTap, why: Reason | None) -> None:
        reason = ""
        if why is not None:
            phrase, values = why
            reason = phrase.say(**values, **{"seconds": f"{writer.seconds:.1f}"})
        self._set(
            recording=False, seconds=writer.seconds, frames=writer.frames,
            dropped=tap.dropped, size=writer.size_on_disk(), message=reason, warning="",
        )  # fmt: skip
        self._publish(
            RecordingStopped(
                path=str(writer.path),
                seconds=writer.seconds,
                frames=writer.frames,
                dropped=tap.dropped,
                size=writer.size_on_disk(),
                reason=reason,
            )
        )


class _Writer:
    """One recording's MP4: the streams, the encoders and the file."""

    def __init__(self, path: Path, raw: BinaryIO, options: RecordingOptions, audio: bool) -> None:
        self.path = path
        self._file = _Counted(raw)
        self.refused = False  # the disk refused a write (full)
        self.broken = False  # another failure: the file is cut after its last fragment
        self.frames = 0
        self.seconds = 0.0
        self._t0: float | None = None
        self._last_pts = -1
        try:
            self._container = av.open(
                self._file,
                "w",
                format="mp4",
                options={"movflags": MOVFLAGS, "flush_packets": "1"},
            )
            video = self._container.add_stream("libx264", rate=round(options.fps))
            video.width, video.height = options.width, options.height
            video.pix_fmt = "yuv420p"
            video.codec_context.time_base = VIDEO_TIME_BASE
            video.codec_context.bit_rate = options.bitrate_kbps * 1000
            video.codec_context.options = {
                "preset": options.preset,
                "tune": "zerolatency",
                "g": str(max(1, round(options.fps * KEYFRAME_SECONDS))),
            }
            self._video = video
            self._audio = None
            if audio:
                sound = self._container.add_stream("aac", rate=RATE)
                sound.layout = LAYOUT
                sound.codec_context.bit_rate = options.audio_kbps * 1000
                self._audio = sound
        except BaseException:
            self._file.close()
            raise
        self._size = (options.width, options.height)
        self._next_sample = 0  # the audio's next sample, counted from the first picture

    @property
    def written(self) -> int:
        return self._file.written

    def picture(self, composed: npt.NDArray[np.uint8], captured_at: float) -> None:
        if self._t0 is None:
            self._t0 = captured_at
        pts = round((captured_at - self._t0) / VIDEO_TIME_BASE)
        pts = max(pts, self._last_pts + 1)
        self._last_pts = pts
        code = cv2.COLOR_BGRA2YUV_I420 if composed.shape[2] == 4 else cv2.COLOR_BGR2YUV_I420
        planes = np.asarray(cv2.cvtColor(composed, code), dtype=np.uint8)
        frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
        frame.pts = pts
        frame.time_base = VIDEO_TIME_BASE
        for packet in self._video.encode(frame):
            self._container.mux(packet)
        self.frames += 1
        self.seconds = float(pts * VIDEO_TIME_BASE)

    def sound(self, sounds: list[Sound], picture_at: float | None) -> None:
        """The microphone's sound at its capture times; silence where it lags far behind."""
        if self._audio is None or self._t0 is None:
            return
        for sound in sounds:
            expected = round((sound.captured_at - self._t0) * RATE)
            samples = sound.samples
            gap = expected - self._next_sample
            if gap > AUDIO_SLACK * RATE:
                self._silence(gap)
            elif gap < -AUDIO_SLACK * RATE:  # already covered (late, or before the start)
                samples = samples[:, min(samples.shape[1], -gap) :]
            if samples.shape[1]:
                self._encode_sound(samples)
        if picture_at is not None:
            behind = round((picture_at - self._t0 - AUDIO_LAG) * RATE) - self._next_sample
            if behind > 0:
                self._silence(behind)

    def _silence(self, count: int) -> None:
        while count > 0:
            chunk = min(count, RATE // 10)
            self._encode_sound(np.zeros((CHANNELS, chunk), dtype=np.float32))
            count -= chunk

    def _encode_sound(self, samples: npt.NDArray[np.float32]) -> None:
        assert self._audio is not None
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples), format="fltp", layout=LAYOUT
        )
        frame.sample_rate = RATE
        frame.pts = self._next_sample
        frame.time_base = Fraction(1, RATE)
        self._next_sample += samples.shape[1]
        for packet in self._audio.encode(frame):
            self._container.mux(packet)

    def failed(self, error: OSError | av.FFmpegError) -> Reason:
        """Why a write or an encode failed, said once; a refusing disk is remembered."""
        if isinstance(error, OSError) and error.errno in REFUSED:
            self.refused = True
            return DISK_REFUSED, {"error": error.strerror or str(error)}
        self.broken = True
        return FAILED, {"error": str(error)}

    def finish(self) -> Reason | None:
        """Closes the file whole; after a failed write, cuts it after its last whole
        fragment (what was written before plays). A reason when closing failed."""
        said: Reason | None = None
        try:
            if not (self.refused or self.broken):
                for stream in (self._video, self._audio):
                    if stream is not None:
                        for packet in stream.encode(None):
                            self._container.mux(packet)
            self._container.close()
        except (OSError, av.FFmpegError) as error:
            if not (self.refused or self.broken):
                said = self.failed(error)
        with contextlib.suppress(OSError, ValueError):  # what reached the disk is judged below
            self._file.close()
        if self.refused or self.broken:
            self._cut()
        return said

    def _cut(self) -> None:
        try:
            whole = whole_fragments(self.path)
            with self.path.open("r+b") as handle:
                handle.truncate(whole)
        except OSError:
            pass

    def size_on_disk(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return self._file.written
