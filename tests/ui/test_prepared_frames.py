"""Every camera frame on the screens, once and in order; frames a slow screen loses, counted.

A real camera (OpenCV reading a video file at its rate), the real preparer thread and
the real views, shown offscreen: what reached the screen is what each view's frames say
reached it after the window's update.
"""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.core.detect import QuestionRules
from blueroom.core.events import CameraState
from blueroom.core.models import RoomModel
from blueroom.core.session import default_script
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.prepared_frames import (
    FramePreparer,
    Prepared,
    PreparedFrames,
    cover,
    cover_into,
    prepared_shape,
)

WIDTH, HEIGHT = 320, 180


def write_video(path: Path, frames: int, fps: int) -> Path:
    """Frame i is a flat grey of level 4·i (so the order can be read back too)."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (WIDTH, HEIGHT))
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((HEIGHT, WIDTH, 3), 4 * i, np.uint8))
    writer.release()
    return path


def room() -> RoomModel:
    return RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )


class SlowWall(VideoWall):
    """A wall whose every paint takes 120 ms: it cannot keep up with 25 frames a second."""

    def paintEvent(self, event: object) -> None:  # type: ignore[override]
        time.sleep(0.12)
        super().paintEvent(event)  # type: ignore[arg-type]


def shown_at_its_size(qtbot: QtBot, view: VideoWall | GuestPanel, preparer: FramePreparer) -> None:
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for frames in (view.prepared, getattr(view, "on_camera", None)):
        if isinstance(frames, PreparedFrames):
            preparer.register(frames)
    view._tick()  # the size it wants, before the camera's first frame
    assert view.prepared.size is not None


def test_every_frame_of_a_video_file_is_painted_once_in_order_on_both_views(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """40 frames at 10 a second through the real camera: the video wall and the guest's
    mirror (another size, mirrored) each put all 40 on the screen, once each, in order."""
    video = write_video(tmp_path / "camera.mp4", 40, 10)
    model = room()
    slot = LatestFrameSlot()
    camera = CameraCapture(video, slot, lambda event: None, loop_file=False)
    preparer = FramePreparer(slot)
    wall = VideoWall(slot, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa")
    panel = GuestPanel(model.session, slot, guest_name="Léa")
    wall.resize(640, 360)
    panel.resize(800, 500)
    shown: dict[str, list[int]] = {"wall": [], "mirror": []}
    wall.prepared.on_shown = lambda prepared: shown["wall"].append(prepared.seq)
    panel.prepared.on_shown = lambda prepared: shown["mirror"].append(prepared.seq)
    for view in (wall, panel):
        shown_at_its_size(qtbot, view, preparer)
    preparer.start()
    camera.start()
    try:
        qtbot.waitUntil(lambda: camera.state is CameraState.STOPPED, timeout=30_000)
        given = slot.frames_put
        qtbot.waitUntil(
            lambda: shown["wall"][-1:] == [given] and shown["mirror"][-1:] == [given],
            timeout=10_000,
        )
    finally:
        camera.stop()
        preparer.stop()
    assert given == 40
    assert shown["wall"] == list(range(1, 41)), "every frame, once, in order"
    assert shown["mirror"] == list(range(1, 41))
    assert (wall.frames_shed, panel.frames_shed, preparer.missed) == (0, 0, 0)
    assert wall.painted_frames >= 40


def test_a_view_too_slow_for_the_camera_sheds_frames_and_counts_every_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A wall that needs 120 ms a paint, fed 25 frames a second: it shows fewer, still in
    order, and every frame it did not show is counted in its shed."""
    video = write_video(tmp_path / "camera.mp4", 50, 25)
    model = room()
    slot = LatestFrameSlot()
    camera = CameraCapture(video, slot, lambda event: None, loop_file=False)
    wall = SlowWall(slot, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa")
    wall.resize(640, 360)
    preparer = FramePreparer(slot)
    shown: list[int] = []
    wall.prepared.on_shown = lambda prepared: shown.append(prepared.seq)
    shown_at_its_size(qtbot, wall, preparer)
    preparer.start()
    camera.start()
    try:
        qtbot.waitUntil(lambda: camera.state is CameraState.STOPPED, timeout=30_000)
        given = slot.frames_put
        qtbot.waitUntil(lambda: shown[-1:] == [given], timeout=10_000)
    finally:
        camera.stop()
        preparer.stop()
    assert given == 50
    assert shown == sorted(set(shown)), "in order, none twice"
    assert wall.frames_shed > 0 and len(shown) < given
    assert len(shown) + wall.frames_shed == given, "every frame shown or counted"


def frame(seq: int, image: np.ndarray) -> Frame:
    image.flags.writeable = False
    return Frame(seq=seq, image=image, captured_at=float(seq))


def test_views_of_one_size_share_one_made_frame_and_buffers_are_reused() -> None:
    """Two views of one size and orientation: one frame made for both. Once shown and
    released, the buffers come round again: no new array a frame."""
    slot = LatestFrameSlot()
    preparer = FramePreparer(slot)
    one, two, mirrored = (
        PreparedFrames(slot),
        PreparedFrames(slot),
        PreparedFrames(slot, mirror=True),
    )
    for view in (one, two, mirrored):
        preparer.register(view)
        view.set_size(640, 360)
    buffers: set[int] = set()
    for seq in range(1, 31):
        preparer.prepare(frame(seq, np.full((180, 320, 3), seq, np.uint8)))
        taken = [view.take() for view in (one, two, mirrored)]
        assert all(t is not None and t.seq == seq for t in taken)
        a, b, c = taken
        assert a is b and c is not a, "one frame for the two alike, one for the mirror"
        assert a is not None
        buffers.add(a.pixels.ctypes.data)
        for view in (one, two, mirrored):
            view.on_screen()
    assert preparer.prepared == 60
    assert len(buffers) <= 4, f"{len(buffers)} buffers for 30 frames"


def test_a_view_behind_keeps_the_newest_frames_in_order_and_counts_the_rest() -> None:
    slot = LatestFrameSlot()
    preparer = FramePreparer(slot)
    view = PreparedFrames(slot, depth=3)
    preparer.register(view)
    view.set_size(64, 36)
    for seq in range(1, 8):
        preparer.prepare(frame(seq, np.zeros((36, 64, 3), np.uint8)))
    taken: list[Prepared] = []
    while (next_frame := view.take()) is not None:
        taken.append(next_frame)
        assert view.take() is None, "not before the frame taken is on the screen"
        view.on_screen()
    assert [t.seq for t in taken] == [5, 6, 7] and view.shed == 4


def test_a_paused_view_is_not_prepared_for_and_sheds_nothing() -> None:
    slot = LatestFrameSlot()
    preparer = FramePreparer(slot)
    view = PreparedFrames(slot)
    preparer.register(view)
    view.set_size(64, 36)
    view.pause()
    preparer.prepare(frame(1, np.zeros((36, 64, 3), np.uint8)))
    view.missed(3)
    assert (preparer.prepared, view.waiting(), view.shed) == (0, 0, 0)


@pytest.mark.parametrize(
    ("source", "view"),
    [((1920, 1080), (1190, 669)), ((960, 540), (1920, 1080)), ((1920, 1080), (1920, 1080)),
     ((1280, 720), (600, 600)), ((3840, 2160), (960, 540))],
)  # fmt: skip
def test_cover_fills_the_view_with_the_centre_of_the_picture(
    source: tuple[int, int], view: tuple[int, int]
) -> None:
    """Shrinking, growing or the same size, mirrored or not: the picture's centre fills the
    view, as a reference resize of the centre crop does (within a few levels)."""
    width, height = source
    rng = np.random.default_rng(3)
    coarse = rng.integers(0, 255, (height // 20, width // 20, 3), np.uint8)
    image = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_LINEAR)
    scale = max(view[0] / width, view[1] / height)
    crop_w, crop_h = round(view[0] / scale), round(view[1] / scale)
    left, top = (width - crop_w) // 2, (height - crop_h) // 2
    expected = cv2.resize(
        image[top : top + crop_h, left : left + crop_w], view, interpolation=cv2.INTER_AREA
    )
    made = cover(image, *view)
    assert made.shape == (view[1], view[0], 4) and (made[:, :, 3] == 255).all()
    assert np.abs(made[:, :, :3].astype(int) - expected).mean() < 3.0
    mirrored = cover_into(image, np.empty_like(made), mirror=True)
    assert np.abs(mirrored[:, ::-1].astype(int) - made).mean() < 1.0


def test_a_4k_view_shows_a_1080p_camera_at_its_own_size_painted_doubled() -> None:
    assert prepared_shape((3840, 2160), (1920, 1080)) == (1920, 1080, 2)
    assert prepared_shape((3840, 2160), (960, 540)) == (1920, 1080, 2)
    assert prepared_shape((3840, 2160), (3840, 2160)) == (3840, 2160, 1)
    assert prepared_shape((3840, 2160), (2560, 1440)) == (3840, 2160, 1), "more detail: kept"
    assert prepared_shape((1920, 1080), (960, 540)) == (1920, 1080, 1), "a 1080p wall: smooth"


def test_the_heat_composer_never_writes_the_frame_the_wall_shows() -> None:
    """The composer makes frame after frame in three buffers in turn: the one the wall
    took stays as it was, whatever is composed meanwhile, and no fourth buffer is made."""
    from blueroom.core.heatmap import HeatGrid
    from blueroom.paths import assets
    from blueroom.ui.walls.heat_basemap import MapData
    from blueroom.ui.walls.heatmap_wall import HeatComposerThread, HeatFrameComposer, Target

    now = [1000.0]
    grid = HeatGrid(clock=lambda: now[0])

    class Fresh:  # the real grid, rendered anew at each look (as at 20 a second)
        def latest(self) -> object:
            now[0] += 0.05
            return grid.snapshot()

    thread = HeatComposerThread(Fresh(), HeatFrameComposer(MapData(assets().land_mask)))  # type: ignore[arg-type]
    thread.set_target(Target(640, 360))
    thread._compose()
    shown = thread.take(lambda made: True)
    assert shown is not None
    x, y, w, h = Target(640, 360).map_rect(grid.view)
    shown[2][y + h // 2, x + w // 2] = (1, 2, 3, 4)  # a mark where every frame is written
    kept = shown[2].copy()
    made = set()
    for _ in range(8):
        thread._compose()
        latest = thread.latest()
        assert latest is not None
        made.add(id(latest[2]))
    assert np.array_equal(shown[2], kept), "the frame on the wall was written over"
    assert id(shown[2]) not in made and len(made | {id(shown[2])}) == 3
