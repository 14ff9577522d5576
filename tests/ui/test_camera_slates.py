"""Without a camera: the video wall and the guest's mirror say what is happening ("No
camera", "Reconnecting…") within a second, never "Starting…" forever.

A video file stands in for a camera; a missing file for a camera that never opens; a file
damaged halfway (it plays, then cannot be decoded) for a camera lost; a file that ends
for a capture stopped.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.picture import Picture
from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import CameraState, Event
from blueroom.core.models import RoomModel
from blueroom.core.session import default_script
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.walls.video_wall import VideoWall
from tests.capture.test_camera import Recorder, damage, write_clip

SECOND = 1_000  # ms: what the room is promised
WAIT = 10.0


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


@pytest.fixture
def model() -> RoomModel:
    rules = QuestionRules(hashtags=frozenset({"askblueroom"}))
    return RoomModel(rules, default_script("Léa Marchand", "#AskBlueRoom"), half_life=600.0)


@pytest.fixture
def cameras() -> Iterator[list[CameraCapture]]:
    started: list[CameraCapture] = []
    yield started
    for camera in started:
        assert camera.stop(timeout=WAIT)


def views(qtbot: QtBot, model: RoomModel, frames: LatestFrameSlot) -> tuple[VideoWall, GuestPanel]:
    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "slates")
    wall = VideoWall(
        frames, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa"
    )
    mirror = GuestPanel(
        model.session, frames, guest_name="Léa", board=model.questions, actions=actions
    )
    for window, size in ((wall, (1280, 720)), (mirror, (1280, 800))):
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
    return wall, mirror


def capture(device: Path, frames: LatestFrameSlot, cameras: list[CameraCapture]) -> Recorder:
    recorder = Recorder()
    camera = CameraCapture(
        device, frames, recorder, reconnect_delay=0.05, max_reconnect_delay=0.2, loop_file=False
    )
    cameras.append(camera)
    camera.start()
    return recorder


def says(wall: VideoWall, mirror: GuestPanel, title: str) -> bool:
    words = wall.slate_words(), mirror.slate_words()
    return all(w is not None and w[0] == title for w in words)


def ink(image: QImage, box: QRectF) -> int:
    """Pixels of ``box`` clearly brighter than its darkest: words drawn there."""
    rect = box.toRect().intersected(image.rect())
    part = image.copy(rect).convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(part.constBits(), np.uint8, part.sizeInBytes()).copy()
    return int((data > int(np.percentile(data, 5)) + 120).sum())


def test_without_a_camera_both_views_say_no_camera_at_once(qtbot: QtBot, model: RoomModel) -> None:
    """--no-camera: nothing writes to the slot."""
    wall, mirror = views(qtbot, model, LatestFrameSlot())
    qtbot.waitUntil(lambda: says(wall, mirror, "No camera"), timeout=SECOND)
    assert wall.picture is Picture.NO_CAMERA and not wall.live
    assert wall.slate_words() == ("No camera", "This room runs without a camera")
    image = wall.grab().toImage()
    assert ink(image, wall.overlay_rects()["slate"]) > 500, "the slate says it, on screen"
    time.sleep(1.2)
    qtbot.wait(100)
    assert says(wall, mirror, "No camera"), "and keeps saying it: never 'Starting…' forever"


def test_a_camera_that_never_opens_says_no_camera_within_a_second(
    qtbot: QtBot, model: RoomModel, tmp_path: Path, cameras: list[CameraCapture]
) -> None:
    frames = LatestFrameSlot()
    missing = tmp_path / "no-such-camera.mp4"
    wall, mirror = views(qtbot, model, frames)
    started = time.monotonic()
    capture(missing, frames, cameras)
    qtbot.waitUntil(lambda: says(wall, mirror, "No camera"), timeout=SECOND)
    assert time.monotonic() - started < 1.0
    words = wall.slate_words()
    assert words is not None and str(missing) in words[1] and "trying again" in words[1]
    time.sleep(1.2)
    qtbot.wait(100)
    assert says(wall, mirror, "No camera"), "still saying why, while it retries"


def test_a_camera_lost_after_giving_pictures_says_reconnecting_within_a_second(
    qtbot: QtBot, model: RoomModel, tmp_path: Path, cameras: list[CameraCapture]
) -> None:
    frames = LatestFrameSlot()
    damaged = damage(write_clip(tmp_path / "half.mp4", n_frames=150, fps=25), 0.5)
    wall, mirror = views(qtbot, model, frames)
    recorder = capture(damaged, frames, cameras)
    qtbot.waitUntil(
        lambda: wall.slate_words() is None and mirror.slate_words() is None, timeout=3 * SECOND
    )
    assert wall.live and frames.frames_put > 0, "the picture, live"
    assert recorder.wait_for(CameraState.LOST, WAIT)
    qtbot.waitUntil(lambda: says(wall, mirror, "Reconnecting…"), timeout=SECOND)
    assert wall.picture is Picture.RECONNECTING and not wall.live
    image = wall.grab().toImage()
    assert ink(image, wall.overlay_rects()["slate"]) > 500


def test_frames_that_stop_coming_say_reconnecting_within_a_second(
    qtbot: QtBot, model: RoomModel
) -> None:
    """A read stalled in the driver: the capture cannot say it until the read returns."""
    frames = LatestFrameSlot()
    frames.set_status(CameraState.LIVE, "camera 0 1280x720 @ 30 fps")
    frames.put(np.full((72, 128, 3), 120, np.uint8))
    wall, mirror = views(qtbot, model, frames)
    qtbot.waitUntil(lambda: wall.live, timeout=SECOND)
    qtbot.waitUntil(lambda: says(wall, mirror, "Reconnecting…"), timeout=2 * SECOND)
    assert time.monotonic() - (frames.last_put_at() or 0) < 2.0
    frames.put(np.full((72, 128, 3), 120, np.uint8))
    qtbot.waitUntil(lambda: wall.live and mirror.slate_words() is None, timeout=SECOND)


def test_a_file_that_ends_leaves_a_slate_not_a_frozen_picture(
    qtbot: QtBot, model: RoomModel, tmp_path: Path, cameras: list[CameraCapture]
) -> None:
    frames = LatestFrameSlot()
    clip = write_clip(tmp_path / "short.mp4", n_frames=10, fps=25)
    wall, mirror = views(qtbot, model, frames)
    recorder = capture(clip, frames, cameras)
    assert recorder.wait_for(CameraState.STOPPED, WAIT)
    qtbot.waitUntil(lambda: says(wall, mirror, "Camera off"), timeout=SECOND)
    assert frames.frames_put == 10 and not wall.live
