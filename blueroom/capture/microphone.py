"""The microphone recorded with the programme: PyAV's capture input on a worker of its own.

``recording.microphone`` names it: ``"pulse:default"`` (PulseAudio or PipeWire's pulse
server), ``"alsa:hw:1,0"`` (an ALSA device), or the path of a sound file, which stands
in for a microphone (tests, rehearsals): it is played at its own pace, as a device
would deliver it. Each chunk comes with the ``time.monotonic()`` moment of its first
sample, so the recording places it beside the pictures of the same moment.

The worker idles until the recording opens the microphone and lets go of the device
when it closes it. Nothing raises out of the thread: a device that cannot be opened
or stops is said in :attr:`Microphone.problem` and retried at the next recording.
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


class Microphone:
    """Reads ``spec`` while :meth:`open`; the recording takes the sound with :meth:`take`."""

    def __init__(self, spec: str, *, on_error: ErrorSink | None = None) -> None:
        self.spec = spec
        self._format, self._device = describe(spec)
        self._cond = threading.Condition(threading.Lock())
        self._wanted = False
        self._session = 0  # which opening the sound belongs to
        self._sounds: deque[Sound] = deque()
        self.dropped_samples = 0
        self.problem = ""
        self.opened_at: float | None = None  # when the device (or file) last opened
        self.worker = Worker(f"microphone {spec}", self._run, on_error=on_error, wake=self._wake)

    # -- the composition root ------------------------------------------------------------
    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop(3.0)

    # -- the recording -------------------------------------------------------------------
    def open(self) -> None:
        with self._cond:
            self._wanted = True
            self._session += 1
            self._sounds.clear()
            self.problem = ""
            self.opened_at = None
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._wanted = False
            self._sounds.clear()
            self._cond.notify_all()

    def take(self) -> list[Sound]:
        with self._cond:
            sounds = list(self._sounds)
            self._sounds.clear()
            return sounds

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
            if self._session != session or not self._wanted:
                return
            self._sounds.append(sound)
            waiting = sum(s.count for s in self._sounds)
            while waiting > KEEP_SECONDS * RATE and len(self._sounds) > 1:
                old = self._sounds.popleft()
                waiting -= old.count
                self.dropped_samples += old.count
