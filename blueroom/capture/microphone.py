"""The microphone recorded with the programme: PyAV's capture input on a worker of its own.

``recording.microphone`` names it: ``"pulse:default"`` (PulseAudio or PipeWire's pulse
server), ``"alsa:hw:1,0"`` (an ALSA device), or the path of a sound file, which stands
in for a microphone (tests, rehearsals): it is played at its own pace, as a device
would deliver it. Each chunk comes with the ``time.monotonic()`` moment of its first
sample, so the recording places it beside the pictures of the same moment.

The worker idles until someone listens (the recording with :meth:`Microphone.open`,
the stream with :meth:`Microphone.listen`) and lets go of the device when the last one
stops; each listener gets every chunk from when it began (the recording and the stream
hear the same sound). Nothing raises out of the thread: a device that cannot be opened
or stops is said in :attr:`Microphone.problem` and retried when listening begins again.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from blueroom.workers import ErrorSink, Worker

RATE = 48_000  # what the recording's AAC gets, whatever the device gives
LAYOUT = "stereo"
CHANNELS = 2
KEEP_SECONDS = 5.0  # sound waiting for the recording beyond this is dropped (counted)
DEVICE_FORMATS = ("pulse", "alsa")


@dataclass(frozen=True, slots=True)
class Sound:
    """A run of samples, planar float32 (channels × samples) at ``RATE``."""

    samples: npt.NDArray[np.float32]
    captured_at: float  # time.monotonic() of the first sample

    @property
    def count(self) -> int:
        return int(self.samples.shape[1])


def describe(spec: str) -> tuple[str | None, str]:
    """(FFmpeg input format or None for a file, the device or path)."""
    kind, _, device = spec.partition(":")
    if kind in DEVICE_FORMATS and device:
        return kind, device
    return None, spec


class SoundTap:
    """One listener's sound: every chunk captured since it began, up to ``KEEP_SECONDS``
    waiting (older ones are dropped and counted in ``dropped_samples``)."""

    def __init__(self, microphone: Microphone) -> None:
        self._microphone = microphone
        self._sounds: deque[Sound] = deque()
        self.dropped_samples = 0

    @property
    def spec(self) -> str:
        return self._microphone.spec

    @property
    def problem(self) -> str:
        return self._microphone.problem

    def take(self) -> list[Sound]:
        with self._microphone._cond:
            sounds = list(self._sounds)
            self._sounds.clear()
            return sounds

    def close(self) -> None:
        self._microphone._unlisten(self)

    def _keep(self, sound: Sound) -> None:  # under the microphone's lock
        self._sounds.append(sound)
        waiting = sum(s.count for s in self._sounds)
        while waiting > KEEP_SECONDS * RATE and len(self._sounds) > 1:
            old = self._sounds.popleft()
            waiting -= old.count
            self.dropped_samples += old.count


class Microphone:
    """Reads ``spec`` while someone listens: the recording (:meth:`open`, :meth:`take`,
    :meth:`close`) and any other listener (:meth:`listen`, a :class:`SoundTap`)."""

    def __init__(self, spec: str, *, on_error: ErrorSink | None = None) -> None:
        self.spec = spec
        self._format, self._device = describe(spec)
        self._cond = threading.Condition(threading.Lock())
        self._taps: tuple[SoundTap, ...] = ()
        self._own: SoundTap | None = None  # the recording's
        self._session = 0  # which opening the sound belongs to
        self.problem = ""
        self.opened_at: float | None = None  # when the device (or file) last opened
        self.worker = Worker(f"microphone {spec}", self._run, on_error=on_error, wake=self._wake)

    @property
    def _wanted(self) -> bool:
        return bool(self._taps)

    @property
    def dropped_samples(self) -> int:
        return self._own.dropped_samples if self._own is not None else 0

    # -- the composition root ------------------------------------------------------------
    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop(3.0)

    # -- the listeners -------------------------------------------------------------------
    def listen(self) -> SoundTap:
        """Every chunk from now on, until the tap is closed (the device opens with the
        first listener)."""
        tap = SoundTap(self)
        with self._cond:
            if not self._taps:
                self._session += 1
                self.problem = ""
                self.opened_at = None
            self._taps = (*self._taps, tap)
            self._cond.notify_all()
        return tap

    def _unlisten(self, tap: SoundTap) -> None:
        with self._cond:
            self._taps = tuple(t for t in self._taps if t is not tap)
            tap._sounds.clear()
            self._cond.notify_all()

    def open(self) -> None:
        """The recording listens (again: its sound starts afresh)."""
        if self._own is not None:
            self._own.close()
        self._own = self.listen()

    def close(self) -> None:
        own, self._own = self._own, None
        if own is not None:
            own.close()

    def take(self) -> list[Sound]:
        own = self._own
        return own.take() if own is not None else []

    # -- the worker ----------------------------------------------------------------------
    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _still_wanted(self, session: int) -> bool:
        with self._cond:
            return self._wanted and self._session == session and not self.worker.stopping.is_set()

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self._cond:
                self._cond.wait_for(lambda: self._wanted or stop.is_set(), 1.0)
                if stop.is_set() or not self._wanted:
                    continue
                session = self._session
            try:
                self._capture(session)
            except (av.FFmpegError, OSError, ValueError) as error:
                with self._cond:
                    self.problem = f"{self.spec}: {error}"
            with self._cond:  # a file that ended, a device lost: until the next opening
                self._cond.wait_for(partial(self._moved_on, session, stop))

    def _moved_on(self, session: int, stop: threading.Event) -> bool:
        return self._session != session or not self._wanted or stop.is_set()

    def _capture(self, session: int) -> None:
        is_file = self._format is None
        if is_file and not Path(self._device).is_file():
            raise OSError(f"no such sound file: {self._device}")
        container = av.open(self._device, format=self._format, mode="r")
        try:
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="fltp", layout=LAYOUT, rate=RATE)
            opened_at = time.monotonic()
            self.opened_at = opened_at
            delivered = 0  # samples, for a file's pace
            for frame in container.decode(stream):
                if not self._still_wanted(session):
                    return
                for out in resampler.resample(frame):
                    samples = np.ascontiguousarray(out.to_ndarray(), dtype=np.float32)
                    count = samples.shape[1]
                    if is_file:  # delivered when a device would have: once recorded
                        captured_at = opened_at + delivered / RATE
                        delivered += count
                        wait = opened_at + delivered / RATE - time.monotonic()
                        if wait > 0 and self.worker.stopping.wait(wait):
                            return
                    else:
                        captured_at = time.monotonic() - count / RATE
                    self._keep(Sound(samples, captured_at), session)
        finally:
            container.close()

    def _keep(self, sound: Sound, session: int) -> None:
        with self._cond:
            if self._session != session:
                return
            for tap in self._taps:
                tap._keep(sound)
