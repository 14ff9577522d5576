"""Going live: the programme streamed to an RTMP(S) server, on two workers (no Qt).

The same camera frames as the recording (a ``FrameTap``: every frame, in order) are
composed with the programme's overlays at the stream's own size by ``compose`` (the
programme's renderer, on the compose worker), converted to YUV and handed to the
sender through a bounded queue; a frame that finds the queue full (the network or the
encoder fell behind) is dropped and counted, never silently. The sender encodes H.264
(libx264, ``zerolatency``, a keyframe every two seconds) and AAC (the microphone's
sound where one is set, silence otherwise: services expect a sound track), packs them
as FLV through PyAV and publishes them over RTMP (``capture/rtmp.py``).

States: idle → connecting → live → reconnecting (attempt n, next try in s) → live …
→ stopped, or failed with one line saying why ("no stream address in the settings",
"cannot reach rtmp://127.0.0.1:1935/live: connection refused", "the server refused
the key"). A first connection that fails is said at once (the operator presses again);
once live, a server that vanishes is tried again by itself, waiting 0.5 s, 1 s, 2 s …
up to 30 s between tries, until it answers or someone stops the stream; a server that
refuses the key is not tried again.

The key comes from the environment or the keyring (``x/credentials.py``) as a secret
that shows itself only to the ``publish`` command: no status, event or message here
holds it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

import av
import cv2
import numpy as np
import numpy.typing as npt

from blueroom.capture.latest_frame import Frame, FrameTap, LatestFrameSlot
from blueroom.capture.microphone import CHANNELS, LAYOUT, RATE, Microphone, Sound, SoundTap
from blueroom.capture.output_stats import OutputState, OutputStats
from blueroom.capture.rtmp import (
    Address,
    FlvTags,
    Refused,
    Revealing,
    RtmpError,
    RtmpPublisher,
    Unreachable,
    parse_address,
)
from blueroom.core.events import Event, StreamStateChanged
from blueroom.core.phrases import Phrase
from blueroom.workers import ErrorSink, Worker

VIDEO_TIME_BASE = Fraction(1, 1000)  # FLV's
AUDIO_TIME_BASE = Fraction(1, RATE)
TAP_SECONDS = 0.5  # camera frames that may wait for the compose worker
QUEUE_SECONDS = 0.5  # composed frames that may wait for the encoder
RATE_WINDOW = 2.0  # seconds the bitrate is measured over
STATUS_SECONDS = 0.5  # how often the figures are brought up to date
AUDIO_SLACK = 0.02
MIC_LAG = 0.25  # silence fills what the microphone has not delivered this far behind
# A camera this much faster than the stream's rate gives only the frames due; below it,
# every frame is sent (a camera's frames come with some jitter: none is skipped for it).
DECIMATE_ABOVE = 1.25

NO_ADDRESS = Phrase("stream_no_address", "no stream address in the settings ([stream] url)")
BAD_ADDRESS = Phrase("stream_bad_address", "the stream address is wrong: {problem}")
NO_KEY = Phrase(
    "stream_no_key",
    "no stream key: set BLUEROOM_STREAM_KEY in the environment or the keyring",
)
ENCODER_FAILED = Phrase("stream_encoder_failed", "the encoder failed: {error}")
PHRASES = (NO_ADDRESS, BAD_ADDRESS, NO_KEY, ENCODER_FAILED)


class StreamState(StrEnum):
    IDLE = "idle"
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"
    FAILED = "failed"


ACTIVE = frozenset({StreamState.CONNECTING, StreamState.LIVE, StreamState.RECONNECTING})
_AS_OUTPUT = {
    StreamState.IDLE: OutputState.STOPPED,
    StreamState.CONNECTING: OutputState.STARTING,
    StreamState.LIVE: OutputState.ACTIVE,
    StreamState.RECONNECTING: OutputState.RECONNECTING,
    StreamState.STOPPED: OutputState.STOPPED,
    StreamState.FAILED: OutputState.FAILED,
}


@dataclass(frozen=True, slots=True)
class StreamOptions:
    url: str = ""  # rtmp[s]://host[:port]/app, without the key
    width: int = 1280
    height: int = 720
    fps: float = 30.0
    preset: str = "ultrafast"
    bitrate_kbps: int = 4_500
    audio_kbps: int = 128
    keyframe_seconds: float = 2.0  # what services ask: a keyframe every 2 s
    timeout: float = 5.0  # every wait on the server
    retry_first: float = 0.5
    retry_longest: float = 30.0


@dataclass(frozen=True, slots=True)
class StreamStatus:
    """The stream as the console shows it (times are ``time.monotonic()``)."""

    state: StreamState = StreamState.IDLE
    address: str = ""  # where it goes, without the key
    reason: str = ""  # why it failed or stopped; while reconnecting, why it was lost
    attempt: int = 0  # the reconnection attempt under way (0: none)
    next_try_at: float | None = None
    live_since: float | None = None  # when this stream first went live
    frames_sent: int = 0
    frames_dropped: int = 0  # frames the network or the encoder could not keep up with
    bytes_sent: int = 0
    kbps: float = 0.0  # measured: what reached the server over the last seconds
    reconnects: int = 0  # times it came back after being lost
    audio: str = ""  # the microphone streamed, "" for silence

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    @property
    def live(self) -> bool:
        return self.state is StreamState.LIVE

    def uptime(self, now: float | None = None) -> float:
        if self.live_since is None:
            return 0.0
        return max(0.0, (time.monotonic() if now is None else now) - self.live_since)

    def next_try_in(self, now: float | None = None) -> float | None:
        if self.next_try_at is None:
            return None
        return max(0.0, self.next_try_at - (time.monotonic() if now is None else now))


class RetryDelays:
    """How long to wait before each try to reach a lost server again: ``first``,
    doubling, at most ``longest``; a good connection starts the count again."""

    def __init__(self, first: float = 0.5, longest: float = 30.0) -> None:
        self.first = first
        self.longest = longest
        self._next = first

    def next(self) -> float:
        wait = self._next
        self._next = min(self.longest, self._next * 2.0)
        return wait

    def succeeded(self) -> None:
        self._next = self.first


Compose = Callable[[Frame], npt.NDArray[np.uint8]]


class _Queue:
    """Composed frames waiting for the encoder: at most ``capacity``; a frame that finds
    it full pushes out the oldest, counted."""

    def __init__(self, capacity: int) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._items: deque[tuple[npt.NDArray[np.uint8], float]] = deque()
        self.capacity = max(1, capacity)
        self.dropped = 0

    def put(self, planes: npt.NDArray[np.uint8], captured_at: float) -> None:
        with self._cond:
            if len(self._items) >= self.capacity:
                self._items.popleft()
                self.dropped += 1
            self._items.append((planes, captured_at))
            self._cond.notify_all()

    def get(self, timeout: float) -> tuple[npt.NDArray[np.uint8], float] | None:
        with self._cond:
            if not self._cond.wait_for(lambda: bool(self._items), timeout):
                return None
            return self._items.popleft()

    def clear(self) -> None:
        with self._cond:
            self._items.clear()

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


class Streamer:
    """Streams the programme while asked (:meth:`begin`, :meth:`end`).

    Its two workers are built here and started by the composition root (:meth:`start`);
    they idle between streams. ``key`` gives the stream key when a stream begins (None:
    none is set up). ``on_state`` hears every change of state (the programme's LIVE
    badge follows it); ``publish`` gets a ``StreamStateChanged`` for each, journalled.
    """

    def __init__(
        self,
        slot: LatestFrameSlot,
        compose: Compose,
        publish: Callable[[Event], object],
        *,
        options: StreamOptions,
        key: Callable[[], Revealing | None],
        microphone: Microphone | None = None,
        on_state: Callable[[StreamStatus], None] | None = None,
        on_error: ErrorSink | None = None,
    ) -> None:
        self._slot = slot
        self._compose = compose
        self._publish = publish
        self.options = options
        self._key = key
        self.microphone = microphone
        self._on_state = on_state
        self._cond = threading.Condition(threading.Lock())
        self._asked: bool | None = None
        self._taking = False  # the compose worker feeds the encoder (the stream is live)
        address = ""
        with contextlib.suppress(ValueError):
            address = str(parse_address(options.url))
        self._status = StreamStatus(
            address=address, audio=microphone.spec if microphone is not None else ""
        )
        self._queue = _Queue(round(options.fps * QUEUE_SECONDS))
        self._tap_dropped = 0  # frames the compose worker could not keep up with (taps closed)
        self._tap: FrameTap | None = None  # the compose worker's, while the stream is live
        self.worker = Worker("streamer", self._run, on_error=on_error, wake=self._wake)
        self.compose_worker = Worker(
            "stream compose", self._run_compose, on_error=on_error, wake=self._wake
        )

    @property
    def set_up(self) -> bool:
        """An address is set (the key is looked for when the stream begins)."""
        return bool(self.options.url.strip())

    # -- the composition root ------------------------------------------------------------
    def start(self) -> None:
        self.worker.start()
        self.compose_worker.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ends a stream under way and the workers."""
        self.end()
        stopped = self.worker.stop(timeout)
        return self.compose_worker.stop(timeout) and stopped

    # -- asked by the console or a session step (any thread) -----------------------------
    def begin(self) -> None:
        with self._cond:
            self._asked = True
            self._cond.notify_all()

    def end(self) -> None:
        with self._cond:
            self._asked = False
            self._cond.notify_all()
        self._queue.wake()

    def status(self) -> StreamStatus:
        with self._cond:
            return self._status

    def output_stats(self) -> OutputStats:
        """The stream as an output of the programme (``ReportsOutput``)."""
        status = self.status()
        return OutputStats(
            state=_AS_OUTPUT[status.state], seconds=status.uptime(),
            bitrate_kbps=status.kbps if status.active else 0.0,
            frames_sent=status.frames_sent, frames_dropped=status.frames_dropped,
            reconnects=status.reconnects, size=status.bytes_sent, message=status.reason,
        )  # fmt: skip

    def wait_for(self, check: Callable[[StreamStatus], bool], timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: check(self._status), timeout)

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self._queue.wake()

    def _set(self, **changes: object) -> StreamStatus:
        with self._cond:
            before = self._status
            self._status = replace(before, **changes)  # type: ignore[arg-type]
            status = self._status
            self._cond.notify_all()
        if status.state is not before.state:
            self._changed(status)
        return status

    def _changed(self, status: StreamStatus) -> None:
        if self._on_state is not None:
            self._on_state(status)
        self._publish(
            StreamStateChanged(
                state=status.state.value,
                address=status.address,
                reason=status.reason,
                reconnects=status.reconnects,
                frames_sent=status.frames_sent,
                frames_dropped=status.frames_dropped,
                seconds=round(status.uptime(), 3),
            )
        )

    # -- the compose worker: camera frames → the programme → YUV → the queue -------------
    def _run_compose(self, stop: threading.Event) -> None:
        tap: FrameTap | None = None
        period = 1.0 / max(1.0, self.options.fps)
        due: float | None = None  # when the next frame is due, for a camera faster than this
        faster, measured_at = False, 0.0
        try:
            while not stop.is_set():
                with self._cond:
                    self._cond.wait_for(lambda: self._taking or stop.is_set(), 1.0)
                    taking = self._taking
                if not taking:
                    if tap is not None:
                        self._close_tap(tap)
                        tap, due = None, None
                    continue
                if tap is None:
                    tap = self._slot.tap(max(2, round(self.options.fps * TAP_SECONDS)))
                    self._tap = tap
                frame = tap.get(0.1)
                if frame is None:
                    continue
                if frame.captured_at - measured_at > 1.0:  # the camera's rate, now and then
                    measured_at = frame.captured_at
                    faster = self._slot.stats().fps > self.options.fps * DECIMATE_ABOVE
                if faster:  # a 60 fps camera, a 30 fps stream: the frames due, one in two
                    if due is not None and frame.captured_at < due - period / 2:
                        continue
                    if due is None or frame.captured_at - due >= period:
                        due = frame.captured_at + period  # the first, or after a gap
                    else:
                        due += period
                composed = self._compose(frame)
                code = cv2.COLOR_BGRA2YUV_I420 if composed.shape[2] == 4 else cv2.COLOR_BGR2YUV_I420
                planes = np.asarray(cv2.cvtColor(composed, code), dtype=np.uint8)
                self._queue.put(planes, frame.captured_at)
        finally:
            if tap is not None:
                self._close_tap(tap)

    def _close_tap(self, tap: FrameTap) -> None:
        with self._cond:
            self._tap = None
            self._tap_dropped += tap.dropped
        tap.close()

    def _dropped(self) -> int:
        with self._cond:
            tap = self._tap
            return self._tap_dropped + (tap.dropped if tap is not None else 0) + self._queue.dropped

    def _taking_frames(self, taking: bool) -> None:
        with self._cond:
            self._taking = taking
            self._cond.notify_all()
        if not taking:
            self._queue.clear()

    # -- the sender: the state machine ---------------------------------------------------
    def _ending(self, stop: threading.Event) -> bool:
        with self._cond:
            if self._asked is False:
                self._asked = None
                return True
            if self._asked is True:
                self._asked = None  # already streaming
        return stop.is_set()

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self._cond:
                self._cond.wait_for(lambda: self._asked is not None or stop.is_set(), 2.0)
                asked, self._asked = self._asked, None
            if stop.is_set():
                return
            if asked:
                self._stream(stop)

    def _checked(self) -> tuple[Address, Revealing] | None:
        """The address and the key, or the stream failed saying why."""
        url = self.options.url.strip()
        if not url:
            self._set(state=StreamState.FAILED, reason=NO_ADDRESS.say(), address="")
            return None
        try:
            address = parse_address(url)
        except ValueError as error:
            self._set(state=StreamState.FAILED, reason=BAD_ADDRESS.say(problem=error), address="")
            return None
        key = self._key()
        if key is None or not key.reveal().strip():
            self._set(state=StreamState.FAILED, reason=NO_KEY.say(), address=str(address))
            return None
        return address, key

    def _stream(self, stop: threading.Event) -> None:
        self._set(
            state=StreamState.CONNECTING, reason="", attempt=0, next_try_at=None,
            live_since=None, frames_sent=0, bytes_sent=0, kbps=0.0, reconnects=0,
            frames_dropped=0,
        )  # fmt: skip
        self._tap_dropped = 0
        self._queue.dropped = 0
        checked = self._checked()
        if checked is None:
            return
        address, key = checked
        self._set(address=str(address))
        delays = RetryDelays(self.options.retry_first, self.options.retry_longest)
        sound = self.microphone.listen() if self.microphone is not None else None
        been_live = False
        sent_before = 0  # bytes of the connections before this one
        try:
            while True:
                publisher = RtmpPublisher(address, key, timeout=self.options.timeout)
                try:
                    publisher.connect()
                except Refused as error:
                    self._set(state=StreamState.FAILED, reason=str(error), next_try_at=None)
                    return
                except RtmpError as error:
                    if not been_live:
                        self._set(state=StreamState.FAILED, reason=str(error))
                        return
                    if self._wait_to_retry(stop, delays.next(), str(error)):
                        self._set(state=StreamState.STOPPED, next_try_at=None, attempt=0)
                        return
                    continue
                delays.succeeded()
                status = self.status()
                self._set(
                    state=StreamState.LIVE, attempt=0, next_try_at=None,
                    reconnects=status.reconnects + (1 if been_live else 0),
                    live_since=status.live_since or time.monotonic(),
                )  # fmt: skip
                been_live = True
                outcome = self._send(publisher, sound, stop, sent_before)
                sent_before += publisher.sent
                if outcome is None:
                    self._set(state=StreamState.STOPPED, reason="", kbps=0.0)
                    return
                if isinstance(outcome, Refused) or not isinstance(outcome, Unreachable):
                    self._set(state=StreamState.FAILED, reason=str(outcome), kbps=0.0)
                    return
                if self._wait_to_retry(stop, delays.next(), str(outcome)):
                    self._set(state=StreamState.STOPPED, next_try_at=None, attempt=0, kbps=0.0)
                    return
        finally:
            self._taking_frames(False)
            if sound is not None:
                sound.close()

    def _wait_to_retry(self, stop: threading.Event, wait: float, why: str) -> bool:
        """Reconnecting: waits ``wait`` seconds; True when asked to end meanwhile."""
        status = self.status()
        self._set(
            state=StreamState.RECONNECTING, reason=why, attempt=status.attempt + 1,
            next_try_at=time.monotonic() + wait, kbps=0.0,
        )  # fmt: skip
        deadline = time.monotonic() + wait
        with self._cond:
            self._cond.wait_for(
                lambda: self._asked is False or stop.is_set() or time.monotonic() >= deadline,
                wait,
            )
        return self._ending(stop)

    def _send(
        self,
        publisher: RtmpPublisher,
        sound: SoundTap | None,
        stop: threading.Event,
        sent_before: int,
    ) -> RtmpError | None:
        """Frames to the server until asked to end (None) or the connection fails (the
        error saying why)."""
        encoder: _Encoder | None = None
        rates: deque[tuple[float, int]] = deque()
        checked = 0.0
        failure: RtmpError | None = None
        try:
            encoder = _Encoder(publisher, self.options, audio=True)
            self._queue.clear()
            if sound is not None:
                sound.take()  # the sound before this connection is not this stream's
            self._taking_frames(True)
            while not self._ending(stop):
                item = self._queue.get(0.1)
                if item is not None:
                    planes, captured_at = item
                    encoder.picture(planes, captured_at)
                    if sound is not None:
                        encoder.sound(sound.take(), captured_at, MIC_LAG)
                    else:
                        encoder.sound([], captured_at, 0.0)
                else:
                    publisher.poll()
                now = time.monotonic()
                if now - checked >= STATUS_SECONDS:
                    checked = now
                    self._figures(publisher, encoder, rates, now, sent_before)
            self._taking_frames(False)
            encoder.finish()
            encoder = None
        except RtmpError as error:
            failure = error
        except (OSError, av.FFmpegError) as error:
            failure = _transport_error(encoder, error)
        finally:
            self._taking_frames(False)
            publisher.close()  # first: an abandoned encoder's last words go nowhere
            if encoder is not None:
                encoder.abandon()
            self._figures(publisher, None, rates, time.monotonic(), sent_before)
        return failure

    def _figures(
        self,
        publisher: RtmpPublisher,
        encoder: _Encoder | None,
        rates: deque[tuple[float, int]],
        now: float,
        sent_before: int,
    ) -> None:
        sent = sent_before + publisher.sent
        rates.append((now, sent))
        while len(rates) > 2 and now - rates[0][0] > RATE_WINDOW:
            rates.popleft()
        first_at, first_sent = rates[0]
        kbps = (sent - first_sent) * 8 / 1000 / (now - first_at) if now > first_at else 0.0
        status = self.status()
        self._set(
            frames_sent=status.frames_sent + (encoder.take_frames() if encoder else 0),
            frames_dropped=self._dropped(),
            bytes_sent=sent,
            kbps=kbps if encoder is not None else status.kbps,
        )


def _transport_error(encoder: _Encoder | None, error: BaseException) -> RtmpError:
    """What the transport raised under PyAV (PyAV may give it back wrapped), or the
    encoder's own failure."""
    cause = encoder.tags.error if encoder is not None else None
    if isinstance(cause, RtmpError):
        return cause
    return RtmpError(ENCODER_FAILED.say(error=f"{type(error).__name__}: {error}"))


class _Encoder:
    """One connection's H.264 + AAC in FLV, each tag sent as it is written."""

    def __init__(self, publisher: RtmpPublisher, options: StreamOptions, audio: bool) -> None:
        self.tags = FlvTags(publisher.send)
        self._container = av.open(
            self.tags,
            "w",
            format="flv",
            options={"flush_packets": "1", "flvflags": "no_duration_filesize"},
        )
        fps = max(1, round(options.fps))
        video = self._container.add_stream("libx264", rate=fps)
        video.width, video.height = options.width, options.height
        video.pix_fmt = "yuv420p"
        video.codec_context.time_base = VIDEO_TIME_BASE
        video.codec_context.bit_rate = options.bitrate_kbps * 1000
        video.codec_context.options = {
            "preset": options.preset,
            "tune": "zerolatency",
            "g": str(max(1, round(fps * options.keyframe_seconds))),
            "maxrate": f"{options.bitrate_kbps}k",
            "bufsize": f"{options.bitrate_kbps * 2}k",
        }
        self._video = video
        self._audio = None
        if audio:
            sound = self._container.add_stream("aac", rate=RATE)
            sound.layout = LAYOUT
            sound.codec_context.bit_rate = options.audio_kbps * 1000
            self._audio = sound
        self._t0: float | None = None
        self._last_pts = -1
        self._next_sample = 0
        self._frames = 0

    def take_frames(self) -> int:
        frames, self._frames = self._frames, 0
        return frames

    def picture(self, planes: npt.NDArray[np.uint8], captured_at: float) -> None:
        if self._t0 is None:
            self._t0 = captured_at
        pts = max(round((captured_at - self._t0) / VIDEO_TIME_BASE), self._last_pts + 1)
        self._last_pts = pts
        frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
        frame.pts = pts
        frame.time_base = VIDEO_TIME_BASE
        for packet in self._video.encode(frame):
            self._container.mux(packet)
        self._frames += 1

    def sound(self, sounds: list[Sound], picture_at: float, lag: float) -> None:
        """The microphone's sound at its capture times; silence where there is none (or
        where it lags more than ``lag`` behind the picture)."""
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
        behind = round((picture_at - self._t0 - lag) * RATE) - self._next_sample
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
        frame.time_base = AUDIO_TIME_BASE
        self._next_sample += samples.shape[1]
        for packet in self._audio.encode(frame):
            self._container.mux(packet)

    def finish(self) -> None:
        """The encoders' last packets sent, the FLV closed."""
        for stream in (self._video, self._audio):
            if stream is not None:
                for packet in stream.encode(None):
                    self._container.mux(packet)
        self._container.close()

    def abandon(self) -> None:
        """A connection that failed: the container let go of without sending more."""
        with contextlib.suppress(Exception):
            self._container.close()
