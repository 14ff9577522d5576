"""The windows driven through the real engine process, as production runs them: the
console's keys go over the pipe as events, the engine journals and applies them, and the
walls and the guest panel paint what it sends back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from blueroom.app import Studio
from blueroom.engine.client import EngineClient
from blueroom.engine.room import RoomOptions
from blueroom.settings import load_settings
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from tests.conftest import post, write_recording
from tests.ui.test_views import _click_row

QUESTIONS = {
    "201": "#AskBlueRoom Léa, quel est ton album préféré ?",
    "202": "#AskBlueRoom What was your first concert like? <b>not bold</b>",
    "203": "#AskBlueRoom Tu chantes Les Lilas ce soir ?",
}


@pytest.fixture
def studio(tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[EngineClient, Studio]]:
    recording = write_recording(
        tmp_path / "qa.jsonl",
        [
            post(tweet_id, text, created_at=f"2026-11-24T18:00:0{n}.000Z")
            for n, (tweet_id, text) in enumerate(QUESTIONS.items())
        ],
    )
    settings = load_settings(
        environ={
            "BLUEROOM_JOURNAL__PATH": str(tmp_path / "j.sqlite"),
            "BLUEROOM_HANDOFF__HOST": "127.0.0.1",
            "BLUEROOM_HANDOFF__PORT": "0",
        }
    )
    engine = EngineClient(
        settings,
        RoomOptions(
            replay_file=recording, speed=None, loop=False, journal_path=tmp_path / "j.sqlite"
        ),
    )
    engine.start()
    studio = Studio(settings, engine, session_label="test", camera=False)
    for window in studio.windows.values():
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
    studio.start()
    try:
        yield engine, studio
    finally:
        studio.stop()
        engine.stop()


def test_a_question_approved_and_put_on_air_on_the_console_reaches_the_walls(
    qtbot: QtBot, studio: tuple[EngineClient, Studio]
) -> None:
    engine, running = studio
    console = running.windows["operator_console"]
    wall = running.windows["questions_wall"]
    guest = running.windows["guest_panel"]
    assert isinstance(console, OperatorConsole) and isinstance(wall, QuestionsWall)
    assert isinstance(guest, GuestPanel)
    queue = console.moderation.queue
    qtbot.waitUntil(lambda: len(queue.rows) == 3, timeout=10_000)  # the engine's page
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=2_000)

    def click(tweet_id: str) -> None:
        row = [q.tweet_id for q in queue.rows].index(tweet_id)
        _click_row(qtbot, queue, row)

    click("202")
    qtbot.keyClick(queue, Qt.Key.Key_A)  # approve, through the pipe and the journal
    qtbot.waitUntil(lambda: [q.tweet_id for q in queue.rows] == ["203", "201"], timeout=10_000)
    click("201")
    qtbot.keyClick(queue, Qt.Key.Key_O)  # on air now
    expected = "Léa, quel est ton album préféré ?"  # the hashtag is the wall's title
    qtbot.waitUntil(lambda: wall.main_text.text() == expected, timeout=10_000)
    board = engine.model.questions.latest()
    assert board.on_air is not None and board.on_air.tweet_id == "201"
    assert [q.tweet_id for q in board.approved] == ["202"]

    engine.actions.go_to_step(2)  # the questions step: the guest's pick view
    picker = guest.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.isVisible() and len(picker.shown) == 2, timeout=10_000)
    assert [q.tweet_id for q in picker.shown] == ["201", "202"]
    assert "<b>not bold</b>" in picker.shown[1].text, "outside text arrives as plain text"


def test_without_a_camera_the_video_wall_and_the_mirror_say_so_within_a_second(
    qtbot: QtBot, studio: tuple[EngineClient, Studio]
) -> None:
    """`--no-camera`: the room runs without one, and its camera views say so."""
    _, running = studio
    wall, guest = running.windows["video_wall"], running.windows["guest_panel"]
    assert isinstance(wall, VideoWall) and isinstance(guest, GuestPanel)
    qtbot.waitUntil(
        lambda: (
            (wall.slate_words() or ("",))[0] == "No camera"
            and (guest.slate_words() or ("",))[0] == "No camera"
        ),
        timeout=1_000,
    )


def test_the_panic_key_holds_the_walls_through_the_engine_and_the_monitors_watch_them(
    qtbot: QtBot, studio: tuple[EngineClient, Studio]
) -> None:
    engine, running = studio
    console = running.windows["operator_console"]
    assert isinstance(console, OperatorConsole)
    public = ("questions_wall", "video_wall", "heatmap_wall", "guest_panel")
    assert list(console.monitors.monitors) == list(public), "each public window watched"
    for name in public:
        console.monitors.refresh(name)
        assert console.monitors.monitors[name].picture is not None
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=2_000)
    qtbot.keyClick(console, Qt.Key.Key_F12)  # over the pipe, into the journal, and back
    qtbot.waitUntil(lambda: engine.model.session.latest().held, timeout=10_000)
    qtbot.waitUntil(lambda: all(s.isVisible() for s in running.slates.slates), timeout=2_000)
    qtbot.keyClick(console, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: not any(s.isVisible() for s in running.slates.slates), timeout=10_000)


def test_a_photo_sent_from_the_gallery_reaches_the_video_wall_through_the_engine(
    qtbot: QtBot, studio: tuple[EngineClient, Studio], tmp_path: Path
) -> None:
    """The gallery's "On the wall" goes over the pipe as a PhotoOnWall, is journalled,
    comes back to the screens and the wall shows the photo, decoded on its worker; the
    take-home link of the same photo is served by the studio's photo server."""
    _, running = studio
    console = running.windows["operator_console"]
    wall = running.windows["video_wall"]
    assert isinstance(console, OperatorConsole) and isinstance(wall, VideoWall)
    photos = tmp_path / "photos"
    photos.mkdir()
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    assert image.save(str(photos / "b1.jpg"), "JPEG", 85)
    gallery = console.gallery
    gallery.wall_seconds = 30.0
    gallery.refresh(force=True)
    row = gallery.row_for(photos / "b1.jpg")
    assert row is not None

    def thumbnail_in() -> bool:
        gallery.refresh()  # the console's tick
        return gallery.rows[0].has_thumbnail

    qtbot.waitUntil(thumbnail_in, timeout=5_000)
    qtbot.mouseClick(row.buttons["wall"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wall.showing_photo, timeout=10_000)
    assert wall.photos.decoded_on == {"wall-photo"}
    assert gallery.thumbnails.decoded_on == {"gallery-thumbnails"}
    assert running.handoff.running
    link = running.handoff.offer(photos / "b1.jpg")
    assert requests.get(link.file_url, timeout=5).content == (photos / "b1.jpg").read_bytes()
