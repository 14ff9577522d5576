"""The console's Photos tab with qtbot, on a real photos folder and the real outbox model:
each photo with what the outbox did with it, thumbnails made on their worker, a post only
through the composer's confirmation, a delete that moves the file, the folder opened,
the take-home QR read back, and a photo on the video wall for its seconds."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from blueroom.capture.handoff import PhotoHandoff
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.events import (
    OutboxFailed,
    OutboxPosted,
    OutboxQueued,
    OutboxSending,
    PhotoOnWall,
    PostKind,
)
from blueroom.core.posting import Draft
from blueroom.store.journal import WriterStats
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.operator.gallery import GalleryPanel
from blueroom.ui.walls.video_wall import VideoWall
from tests.ui.test_guest_sign_in import read_qr
from tests.ui.test_outbox_panel import Room


def write_photo(path: Path, colour: str, size: tuple[int, int] = (1600, 1200)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPEG", 85)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    photos = tmp_path / "photos"
    photos.mkdir()
    stamp = time.time() - 100
    for n, (name, colour) in enumerate(
        (("b1.jpg", "red"), ("b1-signed.jpg", "green"), ("b2.jpg", "blue"))
    ):
        write_photo(photos / name, colour)
        os.utime(photos / name, (stamp + n, stamp + n))
    (photos / "notes.txt").write_text("not a photo")
    return photos


def posted_and_failed(room: Room, folder: Path) -> None:
    signed = str(folder / "b1-signed.jpg")
    room.model.apply(
        [
            OutboxQueued(
                entry_id="e1", draft=Draft(text="Léa!", media=(signed,)), post_kind=PostKind.PHOTO
            ),
            OutboxSending(entry_id="e1", attempt=1),
            OutboxPosted(entry_id="e1", post_id="10", url="https://x.com/BlueRoomFR/status/10"),
            OutboxQueued(
                entry_id="e2",
                draft=Draft(text="Encore", media=(str(folder / "b2.jpg"),)),
                post_kind=PostKind.PHOTO,
            ),
            OutboxSending(entry_id="e2", attempt=1),
            OutboxFailed(entry_id="e2", reason="X said 503", retry_at=time.time() + 60),
        ]
    )


def console_for(qtbot: QtBot, room: Room, folder: Path, **more: object) -> OperatorConsole:
    console = OperatorConsole(
        room.model,
        room.actions,
        session_label="test",
        bus_stats=list,
        journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
        photos_folder=folder,
        **more,  # type: ignore[arg-type]
    )
    qtbot.addWidget(console)
    return console


def test_each_photo_shows_what_the_outbox_did_with_it(qtbot: QtBot, folder: Path) -> None:
    room = Room()
    posted_and_failed(room, folder)
    console = console_for(qtbot, room, folder)
    gallery = console.gallery
    tabs = [console.side_tabs.tabText(i) for i in range(console.side_tabs.count())]
    assert "Photos" in tabs
    assert [row.photo.path.name for row in gallery.rows] == ["b2.jpg", "b1-signed.jpg", "b1.jpg"]
    b2, signed, b1 = gallery.rows
    assert signed.state_label.text().startswith("POSTED")
    assert signed.detail.text() == "https://x.com/BlueRoomFR/status/10"
    assert signed.buttons["post"].text() == "Post again…"
    assert b2.state_label.text().startswith("FAILED") and b2.detail.text() == "X said 503"
    assert b1.state_label.text() == "SAVED — not posted" and b1.buttons["post"].text() == "Post…"
    assert "signed" in signed.name.text() and "original" in b1.name.text()
    assert "3 photos" in gallery.summary.text() and "1 posted" in gallery.summary.text()


def test_thumbnails_are_made_on_their_worker_once(qtbot: QtBot, folder: Path) -> None:
    room = Room()
    gallery = GalleryPanel(room.model.outbox, room.actions, folder=folder)
    qtbot.addWidget(gallery)
    gallery.thumbnails.start()
    try:
        gallery.refresh(force=True)

        def all_shown() -> bool:
            gallery.refresh()  # the console's tick: the thumbnails ready are put in
            return all(row.has_thumbnail for row in gallery.rows)

        qtbot.waitUntil(all_shown, timeout=5000)
        for row in gallery.rows:
            pixmap = row.thumbnail.pixmap()
            assert not pixmap.isNull() and pixmap.width() <= 96 and pixmap.height() <= 72
        assert gallery.thumbnails.decoded_on == {"gallery-thumbnails"}
        assert gallery.thumbnails.decoded == 3
        gallery.refresh(force=True)  # rebuilt: the thumbnails come from the cache
        qtbot.waitUntil(all_shown, timeout=5000)
        assert gallery.thumbnails.decoded == 3
    finally:
        gallery.thumbnails.stop()


def test_post_again_is_a_new_post_only_after_the_composer_s_confirmation(
    qtbot: QtBot, folder: Path
) -> None:
    room = Room()
    posted_and_failed(room, folder)
    console = console_for(qtbot, room, folder)
    asked: list[str] = []
    console.outbox._confirm = lambda _parent, _title, text: asked.append(text) or True
    row = console.gallery.row_for(folder / "b1-signed.jpg")
    assert row is not None
    before = len(room.model.outbox.latest().entries)
    qtbot.mouseClick(row.buttons["post"], Qt.MouseButton.LeftButton)
    composer = console.outbox.composer
    assert composer is not None and composer.photo == folder / "b1-signed.jpg"
    assert len(room.model.outbox.latest().entries) == before  # nothing until Send
    composer.text.setPlainText("Encore une fois")
    assert composer.send()
    assert asked and "With the photo b1-signed.jpg" in asked[0]
    entries = room.model.outbox.latest().entries
    assert len(entries) == before + 1
    assert entries[0].draft.media == (str(folder / "b1-signed.jpg"),)
    assert entries[0].id not in ("e1", "e2")


def test_delete_moves_the_file_after_a_confirmation(qtbot: QtBot, folder: Path) -> None:
    room = Room()
    answers = [False, True]
    gallery = GalleryPanel(
        room.model.outbox, room.actions, folder=folder, confirm=lambda *_: answers.pop(0)
    )
    qtbot.addWidget(gallery)
    data = (folder / "b2.jpg").read_bytes()
    row = gallery.row_for(folder / "b2.jpg")
    assert row is not None
    qtbot.mouseClick(row.buttons["delete"], Qt.MouseButton.LeftButton)
    assert (folder / "b2.jpg").exists()  # said no
    qtbot.mouseClick(row.buttons["delete"], Qt.MouseButton.LeftButton)
    assert not (folder / "b2.jpg").exists()
    assert (folder / "deleted" / "b2.jpg").read_bytes() == data
    assert [r.photo.path.name for r in gallery.rows] == ["b1-signed.jpg", "b1.jpg"]
    write_photo(folder / "b2.jpg", "yellow")  # a new b2 deleted too: nothing overwritten
    gallery.refresh(force=True)
    answers.append(True)
    gallery.delete(gallery.rows[0].photo)
    assert (folder / "deleted" / "b2-2.jpg").exists()
    assert (folder / "deleted" / "b2.jpg").read_bytes() == data


def test_open_folder_opens_the_photos_folder(qtbot: QtBot, folder: Path, tmp_path: Path) -> None:
    room = Room()
    opened: list[QUrl] = []
    said: list[str] = []
    gallery = GalleryPanel(
        room.model.outbox, room.actions, folder=folder, open_url=opened.append, say=said.append
    )
    qtbot.addWidget(gallery)
    qtbot.mouseClick(gallery.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    missing = GalleryPanel(
        room.model.outbox,
        room.actions,
        folder=tmp_path / "none",
        open_url=opened.append,
        say=said.append,
    )
    qtbot.addWidget(missing)
    missing.open_folder()
    assert len(opened) == 1 and "does not exist" in said[-1]
    assert missing.rows == [] and "No photos yet" in missing.summary.text()


@pytest.fixture
def handoff(folder: Path) -> Iterator[PhotoHandoff]:
    server = PhotoHandoff(folder, host="127.0.0.1", port=0, wifi_ssid="BlueRoom")
    assert server.start() == ""
    yield server
    server.stop()


def test_the_take_home_qr_opens_the_photo_for_the_staff(
    qtbot: QtBot, folder: Path, handoff: PhotoHandoff
) -> None:
    room = Room()
    posted_and_failed(room, folder)
    gallery = GalleryPanel(room.model.outbox, room.actions, folder=folder, handoff=handoff)
    qtbot.addWidget(gallery)
    row = gallery.row_for(folder / "b1-signed.jpg")
    assert row is not None
    qtbot.mouseClick(row.buttons["qr"], Qt.MouseButton.LeftButton)
    dialog = gallery.dialog
    assert dialog is not None and dialog.isVisible()
    url = read_qr(dialog.take_home.photo_code.grab().toImage())
    photo = requests.get(url + "/photo.jpg", timeout=5)
    assert photo.content == (folder / "b1-signed.jpg").read_bytes()
    assert dialog.take_home.post_url == "https://x.com/BlueRoomFR/status/10"
    assert read_qr(dialog.take_home.wifi_code.grab().toImage()) == "WIFI:T:nopass;S:BlueRoom;;"
    dialog.close()


def test_a_photo_goes_on_the_video_wall_for_its_seconds(qtbot: QtBot, folder: Path) -> None:
    room = Room()
    gallery = GalleryPanel(room.model.outbox, room.actions, folder=folder, wall_seconds=0.6)
    qtbot.addWidget(gallery)
    wall = VideoWall(
        LatestFrameSlot(),
        room.model.questions,
        room.model.metrics,
        hashtag="#AskBlueRoom",
        guest_name="Léa",
    )
    qtbot.addWidget(wall)
    wall.resize(640, 360)
    wall.show()
    wall.photos.start()
    try:
        row = gallery.row_for(folder / "b2.jpg")
        assert row is not None
        qtbot.mouseClick(row.buttons["wall"], Qt.MouseButton.LeftButton)
        sent = [e for e in room.published if isinstance(e, PhotoOnWall)]
        assert sent == [PhotoOnWall(path=str(folder / "b2.jpg"), seconds=0.6, at=sent[0].at)]
        wall.on_events(sent)
        qtbot.waitUntil(lambda: wall.showing_photo, timeout=3000)

        def photo_in_full() -> bool:  # it fades in
            centre = wall.grab().toImage().pixelColor(320, 180)
            return centre.blue() > 200 and centre.red() < 50  # the blue photo, full screen

        qtbot.waitUntil(photo_in_full, timeout=1000)
        assert wall.photos.decoded_on == {"wall-photo"}
        qtbot.waitUntil(lambda: not wall.showing_photo, timeout=3000)
        wall.on_events([PhotoOnWall(path=str(folder / "missing.jpg"), seconds=5)])
        qtbot.waitUntil(lambda: wall.photos_missed == 1, timeout=3000)
        assert not wall.showing_photo and wall.photos_shown == 1
    finally:
        wall.photos.stop()


def test_photos_the_disk_refused_are_said_in_red_then_saved_elsewhere_or_discarded(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """The booth's still capture kept two photos in memory (a file where its folder should
    be): the console says so until the operator saves them elsewhere or discards them."""
    import time

    import cv2

    from blueroom.capture.still import StillCapture
    from tests.capture.test_still import BoothRoom, marked_frame

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the photos folder should be")
    frames = LatestFrameSlot()
    frames.put(marked_frame())
    booth = BoothRoom()
    still = StillCapture(booth.booth, frames, blocker / "photos", booth.publish)

    def refused_photo() -> None:
        frames.put(marked_frame())  # the camera's newest frame (the still wants it fresh)
        booth.to_capture()
        still.take(time.time() + 1.0)  # the disk refuses it: "one moment", kept
        booth.booth.apply(booth.booth.due(time.time() + 30.0))  # back to attract

    refused_photo()
    refused_photo()
    assert len(still.kept) == 2
    room = Room()
    chosen: list[Path | None] = [tmp_path / "unwritable-too" / "x", tmp_path / "rescued"]
    (tmp_path / "unwritable-too").write_text("a file again")
    answers = [False, True]
    said: list[str] = []
    gallery = GalleryPanel(
        room.model.outbox, room.actions, folder=folder, kept=still, say=said.append,
        choose=lambda parent: chosen.pop(0), confirm=lambda *_: answers.pop(0),
    )  # fmt: skip
    qtbot.addWidget(gallery)
    gallery.show()
    gallery.refresh(force=True)
    assert gallery.kept_line.isVisible() and gallery.save_kept_button.isVisible()
    assert gallery.kept_line.text().startswith("⚠ 2 photos kept in memory, not on disk: ")
    qtbot.mouseClick(gallery.save_kept_button, Qt.MouseButton.LeftButton)
    assert said[-1].startswith("Could not save them in ") and len(still.kept) == 2  # kept
    (tmp_path / "rescued").mkdir()
    qtbot.mouseClick(gallery.save_kept_button, Qt.MouseButton.LeftButton)
    assert said[-1] == f"2 photos saved in {tmp_path / 'rescued'}"
    assert [cv2.imread(str(p)).shape[:2] for p in sorted((tmp_path / "rescued").iterdir())] == [
        (marked_frame().shape[0], marked_frame().shape[1])
    ] * 2
    assert still.kept == [] and not gallery.kept_line.isVisible()
    refused_photo()
    gallery.refresh()
    qtbot.mouseClick(gallery.discard_kept_button, Qt.MouseButton.LeftButton)
    assert len(still.kept) == 1  # said no
    qtbot.mouseClick(gallery.discard_kept_button, Qt.MouseButton.LeftButton)
    assert still.kept == [] and not gallery.discard_kept_button.isVisible()


def test_clips_are_listed_played_posted_again_and_how_they_go_is_said(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """The booth's boomerang (real files from the real clip maker) in the Photos tab: its
    state from the outbox, Play opens it in the system's player, Post again goes through
    the composer's confirmation as a new post, the GIF is the MP4's thumbnail, and a line
    says how the boomerangs go (made, failed and why)."""
    import errno

    import numpy as np

    from blueroom.capture.boomerang import Boomerangs, Burst

    room = Room()
    published: list[object] = []
    clips = Boomerangs(room.model.booth, LatestFrameSlot(), folder, published.append)
    frames = [(float(n), np.full((360, 640, 3), 40 + 10 * n, np.uint8)) for n in range(8)]
    clips.build(Burst("b3", 0.5, frames))
    mp4, gif = folder / "b3-clip.mp4", folder / "b3-clip.gif"
    room.model.apply(
        [
            OutboxQueued(
                entry_id="booth-b3",
                draft=Draft(text="#AskBlueRoom", media=(str(mp4),)),
                post_kind=PostKind.PHOTO,
            ),
            OutboxSending(entry_id="booth-b3", attempt=1),
            OutboxPosted(
                entry_id="booth-b3", post_id="11", url="https://x.com/BlueRoomFR/status/11"
            ),
        ]
    )
    opened: list[QUrl] = []
    console = console_for(qtbot, room, folder, clips=clips)
    gallery = console.gallery
    gallery._open_url = opened.append
    gallery.thumbnails.start()
    try:
        gallery.refresh(force=True)
        clip_row, gif_row = gallery.row_for(mp4), gallery.row_for(gif)
        assert clip_row is not None and gif_row is not None
        assert clip_row.state_label.text().startswith("POSTED")
        assert clip_row.detail.text() == "https://x.com/BlueRoomFR/status/11"
        assert "clip" in clip_row.name.text() and "wall" not in clip_row.buttons
        assert gif_row.state_label.text() == "SAVED — not posted"

        def shown() -> bool:
            gallery.refresh()  # the console's tick: the thumbnails ready are put in
            return clip_row.has_thumbnail and gif_row.has_thumbnail

        qtbot.waitUntil(shown, timeout=5000)
        assert not clip_row.thumbnail.pixmap().isNull()  # the GIF's first frame
    finally:
        gallery.thumbnails.stop()
    qtbot.mouseClick(clip_row.buttons["open"], Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(mp4)]

    asked: list[str] = []
    console.outbox._confirm = lambda _parent, _title, text: asked.append(text) or True
    before = len(room.model.outbox.latest().entries)
    qtbot.mouseClick(clip_row.buttons["post"], Qt.MouseButton.LeftButton)
    composer = console.outbox.composer
    assert composer is not None and composer.problem() == ""
    assert len(room.model.outbox.latest().entries) == before  # nothing until Send
    assert composer.send()
    assert "With the clip b3-clip.mp4" in asked[0]
    entries = room.model.outbox.latest().entries
    assert len(entries) == before + 1 and entries[0].draft.media == (str(mp4),)

    assert not gallery.clips_line.isHidden()
    assert gallery.clips_line.text() == "Boomerangs: 1 made"

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    clips._write = full_disk
    clips.build(Burst("b4", 0.5, frames))
    gallery.refresh(force=True)
    assert gallery.clips_line.text() == (
        "Boomerangs: 1 made · 1 failed, the last: the disk is full: the clip is kept in memory"
    )
