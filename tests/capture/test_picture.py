"""What a camera view shows, decided from the slot: the picture, or why there is none."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import CameraStatus, LatestFrameSlot
from blueroom.capture.picture import STALLED_SECONDS, STARTING_SECONDS, Picture, picture
from blueroom.core.events import CameraState
from tests.capture.test_camera import N_FRAMES, WAIT, Recorder, damage, write_clip

T = 1_000.0


def status(state: CameraState, since: float = T) -> CameraStatus:
    return CameraStatus(state, "", since)


@pytest.mark.parametrize(
    ("camera", "last_frame_at", "now", "shown"),
    [
        # --no-camera: nothing ever writes to the slot
        (None, None, T, Picture.NO_CAMERA),
        (None, T, T + 60, Picture.LIVE),  # frames put by hand (tests, tools) are shown
        # opening: said for a second, then "No camera", never "Starting…" forever
        (status(CameraState.STARTING), None, T + 0.2, Picture.STARTING),
        (status(CameraState.STARTING), None, T + STARTING_SECONDS + 0.01, Picture.NO_CAMERA),
        (status(CameraState.STARTING), None, T + 3_600, Picture.NO_CAMERA),
        # a camera that never opened
        (status(CameraState.LOST), None, T, Picture.NO_CAMERA),
        # live
        (status(CameraState.LIVE), T + 5, T + 5.04, Picture.LIVE),
        # lost after it gave pictures, or frames that stopped coming (a stalled read)
        (status(CameraState.LOST), T + 5, T + 5.1, Picture.RECONNECTING),
        (status(CameraState.LIVE), T + 5, T + 5 + STALLED_SECONDS + 0.1, Picture.RECONNECTING),
        # stopped on purpose
        (status(CameraState.STOPPED), T + 5, T + 6, Picture.OFF),
        (status(CameraState.STOPPED), None, T + 6, Picture.OFF),
    ],
)
def test_what_a_view_shows(
    camera: CameraStatus | None, last_frame_at: float | None, now: float, shown: Picture
) -> None:
    assert picture(camera, last_frame_at, now) is shown


def test_a_slot_keeps_the_time_of_a_state_while_it_lasts() -> None:
    slot = LatestFrameSlot()
    assert slot.status() is None and slot.last_put_at() is None
    first = slot.set_status(CameraState.LOST, "camera 0 could not be opened", since=T)
    again = slot.set_status(CameraState.LOST, "camera 0 could not be opened (again)")
    assert again.since == first.since == T and again.detail.endswith("(again)")
    assert slot.set_status(CameraState.LIVE, "live").since > T
    slot.put(np.zeros((4, 4, 3), np.uint8), captured_at=T + 7)
    assert slot.last_put_at() == T + 7


Make = Callable[..., tuple[CameraCapture, LatestFrameSlot, Recorder]]


@pytest.fixture
def make() -> Iterator[Make]:
    """A capture of ``device`` on a fresh slot, quick to retry; stopped after the test."""
    captures: list[CameraCapture] = []

    def build(device: Path, **options: float) -> tuple[CameraCapture, LatestFrameSlot, Recorder]:
        slot, recorder = LatestFrameSlot(), Recorder()
        options = {"reconnect_delay": 0.02, "max_reconnect_delay": 0.05, **options}
        captures.append(CameraCapture(device, slot, recorder, **options))
        return captures[-1], slot, recorder

    yield build
    for camera in captures:
        assert camera.stop(timeout=WAIT)


def shown(slot: LatestFrameSlot) -> Picture:
    return picture(slot.status(), slot.last_put_at(), time.monotonic())


def test_a_capture_tells_its_slot_a_camera_is_coming_from_its_construction(
    make: Make, tmp_path: Path
) -> None:
    """Built, not yet started: its views say "Starting the camera…" (for a second at
    most), not "No camera" as for a room without one."""
    _, slot, _ = make(tmp_path / "clip.mp4")
    told = slot.status()
    assert told is not None and told.state is CameraState.STARTING
    assert shown(slot) is Picture.STARTING


def test_a_camera_that_never_opens_is_no_camera(make: Make, tmp_path: Path) -> None:
    camera, slot, recorder = make(tmp_path / "missing.mp4")
    camera.start()
    assert recorder.wait_for(CameraState.LOST, WAIT)
    told = slot.status()
    assert told is not None and told.detail == f"file not found: {tmp_path / 'missing.mp4'}"
    assert shown(slot) is Picture.NO_CAMERA


def test_a_camera_lost_after_giving_pictures_is_reconnecting(make: Make, tmp_path: Path) -> None:
    path = damage(write_clip(tmp_path / "half.mp4", fps=100), 0.5)
    camera, slot, recorder = make(path)
    camera.start()
    assert recorder.wait_for(CameraState.LOST, WAIT)
    assert 0 < slot.frames_put < N_FRAMES
    assert shown(slot) is Picture.RECONNECTING
    assert camera.stop(WAIT)
    assert shown(slot) is Picture.OFF
