"""The programme drawn: burned into a recording read back by PyAV, the same layers at
every output's size, each overlay as approved, and the console's Programme tab."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benchmarks.programme import on_air_room
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.recorder import Recorder, RecordingOptions
from blueroom.core.actions import RoomActions
from blueroom.core.events import Event, PhotoOnWall, RecordingAsked
from blueroom.core.models import RoomModel
from blueroom.core.programme import Overlay, ProgrammeDirector
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.operator.programme_panel import ProgrammePanel
from blueroom.ui.programme import PhotoShelf, ProgrammeRenderer
from blueroom.ui.recording import RecordingDesk, programme_compose
from blueroom.ui.widgets.image_loader import ImageLoader
from blueroom.ui.widgets.prepared_frames import bgr_image
from tests.ui.test_approved_images import (  # noqa: F401
    fixed_time,
    looks_as_approved,
)

NOW = 1_796_421_600.0  # 2026-12-04 20:00:00 UTC
FPS = 30
BACKGROUND = (70, 40, 20)  # BGR: a dark blue picture


def camera(width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), BACKGROUND, dtype=np.uint8)


@pytest.fixture
def room() -> tuple[RoomModel, RoomActions]:
    model = on_air_room()

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    return model, RoomActions(publish, model.session, "programme")


def director(model: RoomModel, monotonic: float = 1_000.0) -> ProgrammeDirector:
    return ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand",
        wall_clock=lambda: NOW, monotonic=lambda: monotonic,
    )  # fmt: skip


def test_a_recording_has_every_frame_and_the_lower_third_burned_in(
    qapp: object, room: tuple[RoomModel, RoomActions], tmp_path: Path
) -> None:
    register_bundled_fonts()
    model, _ = room
    on_air = ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    options = RecordingOptions(width=640, height=360, fps=FPS, preset="ultrafast")
    slot = LatestFrameSlot()
    recorder = Recorder(slot, tmp_path, programme_compose(on_air, options), lambda e: None,
                        options=options)  # fmt: skip
    recorder.start()
    try:
        recorder.begin()
        assert recorder.wait_for(lambda s: s.recording, 5.0)
        start = time.monotonic()
        for n in range(45):  # the camera's own size: 1280×720, drawn at 640×360
            slot.put(camera(1280, 720), start + n / FPS)
            time.sleep(max(0.0, start + (n + 1) / FPS - time.monotonic()))
        recorder.end()
        assert recorder.wait_for(lambda s: not s.recording, 5.0)
    finally:
        recorder.stop()
    status = recorder.status()
    assert status.path is not None and (status.frames, status.dropped) == (45, 0)
    with av.open(str(status.path)) as container:
        frames = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
    assert len(frames) == 45
    renderer = ProgrammeRenderer(640, 360, hashtag="#AskBlueRoom")
    card = on_air.programme().lower[-1].content
    box = renderer.places(card)["lower_third"]
    last = frames[-1].astype(int)
    inside = last[round(box.center().y()), round(box.right()) - 20]
    above = last[round(box.top()) - 20, round(box.center().x())]
    assert inside.min() > 200, f"the question's light lower third, burned in: {inside}"
    assert np.abs(above - BACKGROUND).max() < 24, f"the camera's picture around it: {above}"


def render(renderer: ProgrammeRenderer, director: ProgrammeDirector) -> np.ndarray:
    return renderer.compose(camera(1920, 1080), director.programme())


def test_every_output_draws_the_same_layers_at_its_own_size(
    qapp: object,
    room: tuple[RoomModel, RoomActions],
    fixed_time: None,  # noqa: F811
) -> None:
    register_bundled_fonts()
    model, _ = room
    on_air = director(model)
    small = ProgrammeRenderer(1280, 720, hashtag="#AskBlueRoom")
    large = ProgrammeRenderer(3840, 2160, hashtag="#AskBlueRoom")
    card = on_air.programme().lower[-1].content
    for name, box in small.places(card).items():
        big = large.places(card)[name]
        assert (big.x(), big.y(), big.width(), big.height()) == pytest.approx(
            (box.x() * 3, box.y() * 3, box.width() * 3, box.height() * 3), rel=0.03, abs=1.5
        ), name  # text is measured at whole pixel sizes: within 3 %
    at_720 = render(small, on_air)[:, :, :3].astype(int)
    at_4k = render(large, on_air)[:, :, :3]
    assert at_4k.shape == (2160, 3840, 3), "drawn at 4K, not scaled up"
    shrunk = cv2.resize(at_4k, (1280, 720), interpolation=cv2.INTER_AREA).astype(int)
    assert np.abs(shrunk - at_720).mean() < 3, "the same picture, at each size"
    # A 720p render blown up to 4K is blurred; the 4K render's text edges are sharp.
    blown = cv2.resize(at_720.astype(np.uint8), (3840, 2160), interpolation=cv2.INTER_LINEAR)
    sharp = cv2.Laplacian(cv2.cvtColor(at_4k, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()
    blurred = cv2.Laplacian(cv2.cvtColor(blown, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var()
    assert sharp > 1.5 * blurred


def photo(path: Path) -> Path:
    image = np.zeros((800, 1200, 3), dtype=np.uint8)
    image[:, :, 2] = np.linspace(60, 250, 1200, dtype=np.uint8)[None, :]
    image[:, :, 0] = 140
    cv2.circle(image, (600, 400), 220, (240, 240, 240), -1)
    cv2.imwrite(str(path), image)
    return path


ONLY = {
    "question": Overlay.QUESTION,
    "name_strap": Overlay.NAME_STRAP,
    "hashtag": Overlay.HASHTAG,
    "clock": Overlay.CLOCK,
    "live_badge": Overlay.LIVE_BADGE,
    "photo": Overlay.PHOTO,
    "holding": None,
}


@pytest.mark.parametrize("name", ONLY)
def test_each_overlay_looks_as_approved(
    qapp: object,
    qtbot: QtBot,
    room: tuple[RoomModel, RoomActions],
    fixed_time: None,  # noqa: F811
    name: str,
    tmp_path: Path,
) -> None:
    register_bundled_fonts()
    model, actions = room
    if name == "name_strap":
        actions.mark_answered("1")  # the strap shows when no question is on air
    for overlay in Overlay:
        if overlay is not ONLY[name]:
            actions.show_overlay(overlay.value, False)
    if name == "holding":
        actions.hold_walls(True)
    on_air = director(model)
    on_air.set_streaming(True)
    shelf = PhotoShelf(on_air, ImageLoader("wall-photo"))
    if name == "photo":
        shelf.loader.start()
        try:
            shelf.on_events([PhotoOnWall(path=str(photo(tmp_path / "p1.jpg")), seconds=5)])
            qtbot.waitUntil(shelf.follow, timeout=3000)
        finally:
            shelf.loader.stop()
    renderer = ProgrammeRenderer(1920, 1080, hashtag="#AskBlueRoom", photos=shelf)
    on_air.programme()
    picture = renderer.compose(camera(1920, 1080), director_later(on_air))
    actual = bgr_image(picture).copy()
    changed = looks_as_approved(actual, f"programme_{name}", tmp_path)
    if changed:
        pytest.fail(f"{changed}; see {tmp_path}")


def director_later(on_air: ProgrammeDirector) -> object:
    """The programme a second on: whatever was coming in is in."""
    return on_air.programme(1_001.0)


@pytest.fixture
def recording(tmp_path: Path) -> Iterator[tuple[Recorder, LatestFrameSlot]]:
    slot = LatestFrameSlot()
    options = RecordingOptions(width=320, height=180, fps=FPS, preset="ultrafast")
    recorder = Recorder(slot, tmp_path / "videos", lambda f: np.asarray(f.image),
                        lambda e: None, options=options)  # fmt: skip
    recorder.start()
    yield recorder, slot
    recorder.stop()


def test_the_console_records_through_the_room_and_lists_each_recording(
    qtbot: QtBot,
    room: tuple[RoomModel, RoomActions],
    recording: tuple[Recorder, LatestFrameSlot],
) -> None:
    model, _ = room
    recorder, slot = recording
    desk = RecordingDesk(recorder)
    published: list[Event] = []

    def publish(event: Event) -> int:  # journalled, then back to the screens: the pump
        published.append(event)
        model.apply([event])
        desk.on_events([event])
        return 0

    actions = RoomActions(publish, model.session, "programme")
    panel = ProgrammePanel(model.session, actions, desk)
    qtbot.addWidget(panel)
    panel.resize(520, 420)
    panel.show()
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    assert published == [RecordingAsked(recording=True, at=published[0].at)]
    assert recorder.wait_for(lambda s: s.recording, 5.0)
    start = time.monotonic()
    for n in range(40):
        slot.put(camera(320, 180), start + n / FPS)
        time.sleep(max(0.0, start + (n + 1) / FPS - time.monotonic()))
    assert recorder.wait_for(lambda s: s.frames > 0, 3.0)
    panel.refresh()
    assert panel.record.text() == "■ Stop recording"
    assert "REC 0:0" in panel.state.text() and "0 dropped" in panel.state.text()
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    assert isinstance(published[-1], RecordingAsked) and not published[-1].recording
    assert recorder.wait_for(lambda s: not s.recording and len(s.files) == 1, 5.0)
    panel.refresh()
    assert len(panel.file_rows()) == 1
    cells = panel.file_rows()[0]
    assert cells[0].startswith("programme-") and cells[0].endswith(".mp4")
    assert cells[1] == "0:01" and cells[2].endswith(" MB")
    assert panel.record.text() == "● Record"
    panel.toggles[Overlay.CLOCK].click()
    assert model.session.latest().hidden == ("clock",)
    assert not panel.toggles[Overlay.CLOCK].isChecked()
