"""The booth's still photo: the full frame (not the preview), not mirrored unless set,
written whole, announced; a missing picture or a refusing disk is a calm trouble and
the photo stays in memory. Run with the real booth model and the real frame slot."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.still import StillCapture
from blueroom.core.booth import Booth, BoothTimings
from blueroom.core.events import (
    BoothAction,
    BoothStep,
    BoothTouched,
    BoothTrouble,
    Event,
    PhotoCaptured,
)

W, H = 1920, 1080


def marked_frame() -> np.ndarray:
    """A 1080p frame, red on its left tenth: tells a mirrored photo from a straight one."""
    image = np.full((H, W, 3), 90, np.uint8)
    image[:, : W // 10] = (0, 0, 255)
    return image


class BoothRoom:
    """The booth model applying what the still capture and the boomerangs publish (from
    their workers)."""

    def __init__(self) -> None:
        self.booth = Booth(BoothTimings(capture=1.0))
        self.events: list[Event] = []
        self._lock = threading.Lock()

    def publish(self, event: Event) -> int:
        with self._lock:
            self.events.append(event)
            self.booth.apply([event])
        return 1

    def of(self, kind: type[Event]) -> list[Event]:
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]

    def to_capture(self) -> None:
        for action in (BoothAction.START, BoothAction.SHOOT):
            self.publish(BoothTouched(action=action))
        self.booth.apply(self.booth.due(time.time() + 3.5))  # the countdown ended
        assert self.booth.latest().step is BoothStep.CAPTURE


def wait_for(condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.01)
    raise AssertionError("never happened")


@pytest.mark.parametrize("mirror", [False, True])
def test_the_booth_takes_the_full_frame_unmirrored_unless_set(tmp_path: Path, mirror: bool) -> None:
    frames = LatestFrameSlot()
    frames.put(marked_frame())
    room = BoothRoom()
    still = StillCapture(room.booth, frames, tmp_path / "photos", room.publish, mirror=mirror)
    still.start()
    try:
        room.to_capture()
        wait_for(lambda: room.booth.latest().step is BoothStep.REVIEW)
    finally:
        still.stop()
    (captured,) = [e for e in room.events if isinstance(e, PhotoCaptured)]
    assert (captured.width, captured.height) == (W, H)
    image = cv2.imread(captured.path)
    assert image.shape == (H, W, 3)
    left, right = image[H // 2, 20], image[H // 2, W - 20]
    red_side = right if mirror else left
    assert red_side[2] > 200 and red_side[0] < 60
    assert not list((tmp_path / "photos").glob(".*.tmp"))  # nothing half-written left
    assert still.taken == 1 and still.failures == 0


def test_no_picture_within_the_deadline_is_one_moment(tmp_path: Path) -> None:
    room = BoothRoom()
    still = StillCapture(room.booth, LatestFrameSlot(), tmp_path, room.publish)
    room.to_capture()
    trouble = still.take(time.time() + 0.2)
    assert isinstance(trouble, BoothTrouble) and trouble.reason == "the camera gave no picture"
    assert room.booth.latest().step is BoothStep.ONE_MOMENT
    room.booth.apply(room.booth.due(time.time() + 10.0))
    assert room.booth.latest().step is BoothStep.ATTRACT  # recovers by itself


def test_an_unwritable_folder_keeps_the_photo_in_memory_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the photos folder should be")
    frames = LatestFrameSlot()
    frames.put(marked_frame())
    room = BoothRoom()
    still = StillCapture(room.booth, frames, blocker / "photos", room.publish)
    room.to_capture()
    trouble = still.take(time.time() + 1.0)
    assert isinstance(trouble, BoothTrouble) and "kept in memory" in trouble.reason
    assert room.booth.latest().step is BoothStep.ONE_MOMENT
    assert room.booth.latest().trouble == trouble.reason
    (kept,) = still.kept
    assert (kept.width, kept.height) == (W, H) and still.failures == 1
    (saved,) = still.save_kept(tmp_path / "elsewhere")
    assert cv2.imread(str(saved)).shape == (H, W, 3) and still.kept == []
