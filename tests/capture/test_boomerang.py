"""The booth's boomerang from the shared camera's frames: a burst of a second before and
a second after the shutter, centred on the photo's own frame, kept only while the booth
counts down; written beside the photo and announced; a full disk keeps it in memory and
leaves the photo alone; a burst the builder cannot take is shed, counted and said.

Run with the real booth model, frame slot and still capture; the collector is stepped
frame by frame (each camera frame at its 25 fps time), the builder is its real worker.
"""

from __future__ import annotations

import errno
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest

from blueroom.capture.boomerang import Boomerangs
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.still import StillCapture
from blueroom.core.events import (
    BoothAction,
    BoothStep,
    BoothTouched,
    ClipFailed,
    ClipSaved,
    Event,
    PhotoCaptured,
)
from tests.capture.test_clip import read_gif
from tests.capture.test_still import BoothRoom

W, H = 1920, 1080
FPS = 25.0


def grey(level: int) -> np.ndarray:
    """A 1080p frame whose grey level tells which camera frame it is."""
    return np.full((H, W, 3), level, np.uint8)

    def of(self, kind: type[Event]) -> list[Event]:
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]


class Camera:
    """Frames into the shared slot at 25 fps camera times, each shown to the collector."""

    def __init__(self, frames: LatestFrameSlot, clips: Boomerangs) -> None:
        self.frames = frames
        self.clips = clips
        self.t0 = time.monotonic()
        self.n = 0

    def run(self, count: int, level: Callable[[int], int]) -> None:
        for _ in range(count):
            frame = self.frames.put(grey(level(self.n)), self.t0 + self.n / FPS)
            self.clips.worker_step(frame)
            self.n += 1


def wait_for(condition: Callable[[], object], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("never happened")


def decoded_levels(mp4: bytes) -> list[float]:
    with av.open(io.BytesIO(mp4)) as container:
        return [float(f.to_ndarray(format="gray").mean()) for f in container.decode(video=0)]


def setup(
    tmp_path: Path, write: Callable[[Path, bytes], None] | None = None
) -> tuple[BoothRoom, StillCapture, Boomerangs, Camera]:
    room = BoothRoom()
    frames = LatestFrameSlot()
    folder = tmp_path / "photos"
    still = StillCapture(room.booth, frames, folder, room.publish)
    extra = {"write": write} if write is not None else {}
    clips = Boomerangs(room.booth, frames, folder, room.publish, keep=still.keep, **extra)
    still.on_shutter = clips.shutter
    return room, still, clips, Camera(frames, clips)


def shoot(room: BoothRoom, still: StillCapture, camera: Camera, countdown_frames: int) -> str:
    """Start, shoot, count down for ``countdown_frames``, take the photo; its id."""
    for action in (BoothAction.START, BoothAction.SHOOT):
        room.publish(BoothTouched(action=action))
    camera.run(countdown_frames, lambda n: 20 + n)
    room.booth.apply(room.booth.due(time.time() + 3.5))  # the countdown ended
    assert room.booth.latest().step is BoothStep.CAPTURE
    taken = still.take(time.time() + 1.0)
    assert isinstance(taken, PhotoCaptured)
    return taken.photo_id


def test_a_boomerang_of_the_second_before_and_after_the_shutter_beside_the_photo(
    tmp_path: Path,
) -> None:
    room, still, clips, camera = setup(tmp_path)
    camera.run(50, lambda n: 5)  # attract: the camera runs, nothing is kept
    photo_id = shoot(room, still, camera, 75)  # a 3-second countdown
    shutter = camera.n - 1  # the photo's frame: the newest at the shutter
    camera.run(30, lambda n: 20 + n)  # after the shutter (the booth is on review)
    clips.builder.start()
    try:
        wait_for(lambda: room.of(ClipSaved) or room.of(ClipFailed))
    finally:
        clips.builder.stop()
    (saved,) = room.of(ClipSaved)
    assert isinstance(saved, ClipSaved) and saved.photo_id == photo_id
    folder = tmp_path / "photos"
    assert Path(saved.mp4) == folder / f"{photo_id}-clip.mp4"
    assert Path(saved.gif) == folder / f"{photo_id}-clip.gif"
    assert (folder / f"{photo_id}.jpg").is_file()
    assert not list(folder.glob(".*.tmp"))  # written whole
    photo = room.booth.photos[photo_id]
    assert photo.clip_mp4 == saved.mp4 and photo.clip_gif == saved.gif
    assert room.booth.latest().step is BoothStep.REVIEW  # the guest never waited for it

    levels = decoded_levels(Path(saved.mp4).read_bytes())
    once = len(levels) // 2  # played twice
    assert levels[:once] == pytest.approx(levels[once:], abs=2)
    first, peak = levels[0], max(levels)
    # a second either side of the photo's frame (frames kept every 80 ms: 12.5 a second)
    assert first == pytest.approx(20 + shutter - FPS, abs=3)
    assert peak == pytest.approx(20 + shutter + FPS, abs=3)
    turn = levels.index(peak)
    assert levels[: turn + 1] == sorted(levels[: turn + 1])  # forward...
    assert levels[turn:once] == sorted(levels[turn:once], reverse=True)  # ...then back
    assert saved.frames == turn + 1 and 24 <= saved.frames <= 28
    with av.open(saved.mp4) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1280, 720)
        assert float(stream.average_rate or 0) == pytest.approx(25.0, abs=0.5)  # twice as fast

    gif = read_gif(Path(saved.gif).read_bytes())
    assert gif.local_tables == 0 and gif.frames == 2 * saved.frames - 2
    assert Path(saved.gif).stat().st_size <= clips.gif_cap_bytes
    stats = clips.stats()
    assert (stats.made, stats.failed, stats.shed, stats.missed) == (1, 0, 0, 0)


def test_frames_before_the_countdown_are_never_kept(tmp_path: Path) -> None:
    room, still, clips, camera = setup(tmp_path)
    room.publish(BoothTouched(action=BoothAction.START))
    camera.run(50, lambda n: 5)  # posing (preview): not kept
    photo_id = shoot(room, still, camera, 10)  # shot 0.4 s into the countdown
    camera.run(30, lambda n: 20 + n)
    clips.builder.start()
    try:
        wait_for(lambda: room.of(ClipSaved))
    finally:
        clips.builder.stop()
    (saved,) = room.of(ClipSaved)
    assert isinstance(saved, ClipSaved) and saved.photo_id == photo_id
    levels = decoded_levels(Path(saved.mp4).read_bytes())
    assert min(levels) > 60  # no frame of the preview (grey 5)


def test_a_full_disk_keeps_the_clip_in_memory_says_so_and_the_photo_is_saved(
    tmp_path: Path,
) -> None:
    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    room, still, clips, camera = setup(tmp_path, write=full_disk)
    photo_id = shoot(room, still, camera, 75)
    camera.run(30, lambda n: 20 + n)
    clips.builder.start()
    try:
        wait_for(lambda: room.of(ClipFailed))
    finally:
        clips.builder.stop()
    (failed,) = room.of(ClipFailed)
    assert isinstance(failed, ClipFailed) and failed.photo_id == photo_id
    assert failed.reason == "the disk is full: the clip is kept in memory"
    assert room.of(ClipSaved) == []
    assert (tmp_path / "photos" / f"{photo_id}.jpg").is_file()  # the photo itself is saved
    assert room.booth.latest().step is BoothStep.REVIEW  # no "one moment" for a clip
    photo = room.booth.photos[photo_id]
    assert photo.clip_problem == failed.reason and photo.clip_mp4 == ""
    assert sorted(k.name for k in still.kept) == [f"{photo_id}-clip.gif", f"{photo_id}-clip.mp4"]
    stats = clips.stats()
    assert stats.failed == 1 and stats.made == 0 and stats.last_reason == failed.reason
    elsewhere = tmp_path / "elsewhere"
    saved = still.save_kept(elsewhere)  # the operator's "Save them elsewhere…"
    assert len(saved) == 2 and still.kept == []
    assert len(decoded_levels((elsewhere / f"{photo_id}-clip.mp4").read_bytes())) > 40


def test_a_burst_the_busy_builder_cannot_take_is_shed_and_said(tmp_path: Path) -> None:
    room, still, clips, camera = setup(tmp_path)
    first = shoot(room, still, camera, 75)
    camera.run(30, lambda n: 20 + n)
    room.publish(BoothTouched(action=BoothAction.RETAKE))  # the builder has not started
    camera.run(75, lambda n: 20 + n % 200)
    room.booth.apply(room.booth.due(time.time() + 10.0))
    taken = still.take(time.time() + 1.0)
    assert isinstance(taken, PhotoCaptured)
    camera.run(30, lambda n: 20 + n % 200)
    (shed,) = room.of(ClipFailed)
    assert isinstance(shed, ClipFailed) and shed.photo_id == first
    assert "shed" in shed.reason and clips.stats().shed == 1
    clips.builder.start()
    try:
        wait_for(lambda: room.of(ClipSaved))
    finally:
        clips.builder.stop()
    (saved,) = room.of(ClipSaved)
    assert isinstance(saved, ClipSaved) and saved.photo_id == taken.photo_id
