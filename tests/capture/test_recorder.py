"""The programme's recording, read back by PyAV: every frame, a crash, a full disk, sound."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np
import pytest

from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.capture.microphone import Microphone
from blueroom.capture.recorder import (
    DISK_NEARLY_FULL,
    DISK_REFUSED,
    NOT_ENOUGH_DISK,
    TIME_LEFT,
    DiskUsage,
    Recorder,
    RecordingOptions,
    whole_fragments,
)
from blueroom.core.events import Event, RecordingStarted, RecordingStopped

ROOT = Path(__file__).resolve().parents[2]
SIZE = (320, 180)
FPS = 30
GB = 1024**3


def picture(n: int, white: bool = False) -> np.ndarray:
    image = np.full((SIZE[1], SIZE[0], 3), 255 if white else 20, dtype=np.uint8)
    image[:, :, 1] = 255 if white else (n * 7) % 200
    return image


def same(frame: Frame) -> np.ndarray:
    return np.asarray(frame.image)


def options(**changes: object) -> RecordingOptions:
    settings = {"width": SIZE[0], "height": SIZE[1], "fps": FPS, "preset": "ultrafast"}
    return RecordingOptions(**{**settings, **changes})  # type: ignore[arg-type]


def frames_in(path: Path) -> list[av.VideoFrame]:
    with av.open(str(path)) as container:
        return list(container.decode(video=0))


@pytest.fixture
def published() -> list[Event]:
    return []


@pytest.fixture
def recorder(tmp_path: Path, published: list[Event]) -> Iterator[tuple[Recorder, LatestFrameSlot]]:
    slot = LatestFrameSlot()
    made = Recorder(slot, tmp_path / "videos", same, published.append, options=options())
    made.start()
    yield made, slot
    made.stop()


def play(slot: LatestFrameSlot, count: int, start: float | None = None) -> float:
    """``count`` frames at the camera's pace; returns the first one's capture time."""
    start = time.monotonic() if start is None else start
    for n in range(count):
        slot.put(picture(n), start + n / FPS)
        time.sleep(max(0.0, start + (n + 1) / FPS - time.monotonic()))
    return start


def test_every_frame_is_recorded_and_listed_with_its_length_and_size(
    recorder: tuple[Recorder, LatestFrameSlot], published: list[Event]
) -> None:
    rec, slot = recorder
    rec.begin()
    assert rec.wait_for(lambda s: s.recording, 5.0)
    play(slot, 90)
    rec.end()
    assert rec.wait_for(lambda s: not s.recording, 5.0)
    status = rec.status()
    assert status.path is not None and status.message == ""
    assert (status.frames, status.dropped) == (90, 0)
    decoded = frames_in(status.path)
    assert len(decoded) == 90, "every camera frame is in the file"
    assert decoded[-1].time == pytest.approx(89 / FPS, abs=0.005), "at the camera's rate"
    assert [type(e) for e in published] == [RecordingStarted, RecordingStopped]
    stopped = published[-1]
    assert isinstance(stopped, RecordingStopped) and stopped.frames == 90
    assert rec.wait_for(lambda s: len(s.files) == 1, 5.0)
    listed = rec.status().files[0]
    assert listed.path == status.path and listed.size == status.path.stat().st_size
    assert listed.seconds == pytest.approx(90 / FPS, abs=0.05)


def test_a_recording_cut_by_kill_9_plays_to_within_a_second_of_the_kill(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.capture.recorder_child", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().startswith("FRAME 0")
        first = time.monotonic()
        while time.monotonic() - first < 3.5:
            child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    (path,) = list(tmp_path.glob("*.mp4"))
    with av.open(str(path)) as container:
        decoded = []
        try:
            for frame in container.decode(video=0):
                decoded.append(frame)
        except av.error.InvalidDataError:
            pass  # a fragment cut mid-write by the kill: what comes before plays
    played = decoded[-1].time + 1 / FPS
    assert played >= (killed - first) - 1.0, f"plays {played:.2f} s of {killed - first:.2f} s"


class FillingDisk:
    """The disk as the recorder reads it: plenty; then a few MB above the reserve after
    ``low`` s (seconds of recording left); then under it after ``full`` s."""

    def __init__(self, low: float, full: float) -> None:
        self.low, self.full = low, full
        self.start = time.monotonic()

    def __call__(self, path: Path) -> DiskUsage:
        elapsed = time.monotonic() - self.start
        mb = 1024 * 1024
        low = 500 * mb + 100_000  # the reserve, and a few seconds of these small frames
        free = 50 * GB if elapsed < self.low else low if elapsed < self.full else 200 * mb
        return DiskUsage(100 * GB, 100 * GB - free, free)


def test_a_disk_running_out_warns_then_stops_the_recording_whole_with_a_message(
    tmp_path: Path,
) -> None:
    slot = LatestFrameSlot()
    disk = FillingDisk(low=1.0, full=3.0)
    rec = Recorder(slot, tmp_path, same, lambda e: None, options=options(), disk_usage=disk)
    rec.start()
    try:
        rec.begin()
        assert rec.wait_for(lambda s: s.recording, 5.0)
        disk.start = time.monotonic()
        play(slot, 75)  # 2.5 s: the disk is low from 1 s on
        warned = rec.status()
        assert warned.recording and TIME_LEFT.read(warned.warning) is not None, warned
        assert warned.minutes_left is not None and warned.minutes_left < 1
        play(slot, 60)
        assert rec.wait_for(lambda s: not s.recording, 5.0), "stopped by itself"
        status = rec.status()
        assert DISK_NEARLY_FULL.read(status.message) is not None, status.message
        assert status.path is not None
        decoded = frames_in(status.path)  # closed whole: plays to its end, no error
        assert len(decoded) == status.frames >= 75
    finally:
        rec.stop()


def test_a_recording_does_not_start_on_a_disk_without_room(tmp_path: Path) -> None:
    def full(path: Path) -> DiskUsage:
        return DiskUsage(100 * GB, 100 * GB - 10 * 1024 * 1024, 10 * 1024 * 1024)

    rec = Recorder(LatestFrameSlot(), tmp_path, same, lambda e: None, disk_usage=full)
    rec.start()
    try:
        rec.begin()
        assert rec.wait_for(lambda s: s.message != "", 5.0)
        values = NOT_ENOUGH_DISK.read(rec.status().message)
        assert values is not None and values["free"] == "10"
        assert not rec.status().recording and list(tmp_path.glob("*.mp4")) == []
    finally:
        rec.stop()


class RefusingFile(io.RawIOBase):
    """A file on a disk that fills up: writes past ``room`` bytes raise ENOSPC."""

    def __init__(self, path: Path, room: int) -> None:
        self.raw = path.open("xb")
        self.room = room
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.written + len(data) > self.room:
            part = self.room - self.written  # the disk takes what it can, then refuses
            self.raw.write(bytes(data[:part]))
            self.written = self.room
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.written += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        if not self.raw.closed:
            self.raw.flush()

    def close(self) -> None:
        self.raw.close()
        super().close()


def test_a_disk_refusing_a_write_stops_cleanly_and_keeps_what_was_written(
    tmp_path: Path,
) -> None:
    slot = LatestFrameSlot()

    def refusing(path: Path) -> BinaryIO:
        return RefusingFile(path, room=1_000_000)  # type: ignore[return-value]

    noisy = np.random.default_rng(1)

    def compose(frame: Frame) -> np.ndarray:  # noise: fragments of a few kB each
        return noisy.integers(0, 255, (SIZE[1], SIZE[0], 3), dtype=np.uint8)

    rec = Recorder(slot, tmp_path, compose, lambda e: None, options=options(), open_file=refusing)
    rec.start()
    try:
        rec.begin()
        assert rec.wait_for(lambda s: s.recording, 5.0)
        play(slot, 150)
        assert rec.wait_for(lambda s: not s.recording, 5.0), "stopped by itself"
        status = rec.status()
        assert DISK_REFUSED.read(status.message) is not None, status.message
        assert status.path is not None
        size = status.path.stat().st_size
        assert 0 < size <= 1_000_000 and whole_fragments(status.path) == size
        decoded = frames_in(status.path)  # every whole fragment, and no error at the end
        assert len(decoded) >= 15, "at least the first fragment (half a second)"
    finally:
        rec.stop()


def beep_wav(path: Path, at: float, seconds: float = 3.0, rate: int = 44_100) -> Path:
    samples = np.zeros(int(seconds * rate), dtype=np.int16)
    start = int(at * rate)
    t = np.arange(int(0.2 * rate)) / rate
    samples[start : start + len(t)] = (np.sin(2 * np.pi * 1000 * t) * 20_000).astype(np.int16)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def test_the_microphone_is_recorded_within_40_ms_of_the_picture(tmp_path: Path) -> None:
    """A sound file stands in for the microphone: its beep and a white frame were
    captured at the same moment, and they play at the same moment."""
    microphone = Microphone(str(beep_wav(tmp_path / "mic.wav", at=1.2)))
    slot = LatestFrameSlot()
    rec = Recorder(slot, tmp_path / "videos", same, lambda e: None, options=options(),
                   microphone=microphone)  # fmt: skip
    microphone.start()
    rec.start()
    try:
        rec.begin()
        assert rec.wait_for(lambda s: s.recording, 5.0)
        deadline = time.monotonic() + 5
        while microphone.opened_at is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert microphone.opened_at is not None
        start = microphone.opened_at + 0.2  # the pictures begin a little after the sound
        time.sleep(max(0.0, start - time.monotonic()))
        for n in range(75):
            white = n == 30  # captured 1.2 s after the sound file began: the beep
            slot.put(picture(n, white), start + n / FPS)
            time.sleep(max(0.0, start + (n + 1) / FPS - time.monotonic()))
        rec.end()
        assert rec.wait_for(lambda s: not s.recording, 5.0)
        path = rec.status().path
        assert path is not None and rec.status().message == ""
    finally:
        rec.stop()
        microphone.stop()
    with av.open(str(path)) as container:
        flash = next(
            f.time for f in container.decode(video=0) if f.to_ndarray(format="gray").mean() > 200
        )
    with av.open(str(path)) as container:
        sound = np.concatenate([f.to_ndarray()[0] for f in container.decode(audio=0)])
        rate = container.streams.audio[0].rate
    loud = np.flatnonzero(np.abs(sound) > 0.2)
    assert loud.size, "the beep is in the file"
    beep = loud[0] / rate
    assert abs(beep - flash) <= 0.040, f"sound at {beep:.3f} s, picture at {flash:.3f} s"
