"""Every view, fed hostile text from outside: shown literally, laid out, never as markup.

The views get real models (no Qt in them) and real actions; the console is driven with
clicks and shortcuts as an operator would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from blueroom.capture.frames import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.bus import Bus
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, QuestionState, TweetReceived
from blueroom.core.room import RoomModel
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, GeoPoint, Tweet
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.walls.heatmap_wall import HeatmapWall
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.text import WALL_TEXT_LIMIT, FittedText

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = {
    "html": '<img src="http://evil.example/x.png" onerror=alert(1)><a href="x">click</a> <b>why</b>?',
    "control": "why\x00 \x1b[31mred\x1b[0m ?",
    "long": "pourquoi " * 1_200 + "?",
    "rtl": "لماذا تحب باريس؟ \u202eevil\u202c ?",
    "hebrew": "למה את שרה? 🎤",
    "zalgo": "Z̷̡̢̛̹̺̖a̸̧̛͈̖l̶̢̨̛g̸̢̛̞o̵̧̞ ?",
    "emoji": "🎉" * 60 + " ?",
}


def hostile_posts() -> list[Event]:
    return [
        TweetReceived(
            tweet=Tweet(
                id=str(n),
                text=text,
                author=Author(
                    id=f"a{n}", username=f"<b>fan{n}</b>", name="<i>Name</i>", followers=n
                ),
                hashtags=("AskBlueRoom",),
                coordinates=GeoPoint(2.35, 48.85),
                lang="fr",
            )
        )
        for n, text in enumerate(HOSTILE.values())
    ]


@pytest.fixture
def model() -> RoomModel:
    rules = QuestionRules(hashtags=frozenset({"askblueroom"}))
    room = RoomModel(rules, default_script("Léa Marchand", "#AskBlueRoom"), half_life=600.0)
    room.apply(hostile_posts())
    return room


@pytest.fixture
def actions(model: RoomModel) -> RoomActions:
    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    return RoomActions(publish, model.session, "test-session")


@pytest.fixture
def frames() -> LatestFrameSlot:
    slot = LatestFrameSlot()
    image = np.zeros((180, 320, 3), dtype=np.uint8)
    image[:, :, 0] = np.linspace(0, 255, 320, dtype=np.uint8)
    slot.put(image)
    return slot


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


def show(qtbot: QtBot, widget: QWidget, width: int = 1280, height: int = 720) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


def labels_of(widget: QWidget) -> Iterator[QLabel]:
    yield from widget.findChildren(QLabel)


def test_every_label_of_every_window_is_plain_text(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    windows: list[QWidget] = [
        OperatorConsole(
            model,
            actions,
            session_label="<b>s</b>",
            bus_stats=Bus().stats,
            journal_stats=_journal_stats,
        ),
        QuestionsWall(model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa"),
        VideoWall(frames, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa"),
        HeatmapWall(
            model.heat,
            model.metrics,
            hashtag="#AskBlueRoom",
            land_mask=ROOT / "assets" / "map" / "land_0p25.npz",
        ),
        GuestPanel(model.session, frames, guest_name="Léa"),
    ]
    for window in windows:
        show(qtbot, window)
        for label in labels_of(window):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_markup_in_a_question_is_drawn_literally(qtbot: QtBot) -> None:
    literal = FittedText("<b>Hello</b>", max_px=40, wrap=False)
    plain = FittedText("Hello", max_px=40, wrap=False)
    ink = [_ink_width(show(qtbot, w, 600, 80)) for w in (literal, plain)]
    assert ink[0] > ink[1] * 1.6, "the tags were interpreted instead of shown"


def test_the_questions_wall_shows_the_on_air_question_literally_and_clips_long_ones(
    qtbot: QtBot, model: RoomModel, actions: RoomActions
) -> None:
    wall = QuestionsWall(
        model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    image = show(qtbot, wall, 1920, 1080)
    assert wall.mode == "invite", "nothing is approved: the wall invites, it shows no post"
    assert wall.main_text.text() == "Ask Léa anything"
    assert _ink_width(image) > 0
    for tweet_id in ("0", "2", "3", "5"):
        actions.approve(tweet_id)
    actions.put_on_air("0")
    wall.refresh()
    assert wall.mode == "on_air"
    assert wall.main_text.text() == HOSTILE["html"]
    assert "<b>fan0</b>" in wall.main_author.text()
    actions.put_on_air("2")
    wall.refresh()
    assert len(wall.main_text.text()) <= WALL_TEXT_LIMIT + 1
    for text_widget in [wall.main_text, *wall.next_texts]:
        font, _drawn = text_widget.fitted(text_widget.width(), text_widget.height())
        assert font.pixelSize() >= 11
    wall.grab()


def test_unapproved_posts_never_reach_the_walls(
    qtbot: QtBot, model: RoomModel, frames: LatestFrameSlot
) -> None:
    wall = QuestionsWall(model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa")
    video = VideoWall(
        frames, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa"
    )
    show(qtbot, wall)
    show(qtbot, video)
    shown = [wall.main_text.text(), wall.main_author.text(), *(t.text() for t in wall.next_texts)]
    for text in HOSTILE.values():
        assert all(text[:20] not in s for s in shown)
    assert model.questions.snapshot().on_air is None
    strap = video.grab().toImage().pixelColor(int(video.width() * 0.5), int(video.height() * 0.83))
    assert strap.lightness() < 160, "no question box on the video wall, only the name strap"


def test_the_video_wall_paints_camera_frames_with_its_overlays(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    wall = VideoWall(
        frames, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    show(qtbot, wall, 1280, 720)
    qtbot.waitUntil(lambda: wall.frame_seq == 1, timeout=2000)
    actions.approve("4")
    actions.put_on_air("4")
    image = wall.grab().toImage()
    centre = image.pixelColor(640, 300)
    assert centre.blue() > 0 or centre.red() > 0, "the frame is drawn"
    lower_third = image.pixelColor(900, 600)
    assert lower_third.lightness() > 200, "the on-air question sits on a light lower third"


def test_the_console_approves_rejects_and_puts_on_air_with_clicks_and_shortcuts(
    qtbot: QtBot, model: RoomModel, actions: RoomActions
) -> None:
    console = OperatorConsole(
        model, actions, session_label="s", bus_stats=Bus().stats, journal_stats=_journal_stats
    )
    show(qtbot, console, 1400, 900)
    console.activateWindow()
    qtbot.waitUntil(lambda: console.isActiveWindow(), timeout=2000)
    assert console.queue_model.rowCount() == len(HOSTILE)
    shown = {
        console.queue_model.data(console.queue_model.index(r, 5), Qt.ItemDataRole.DisplayRole)
        for r in range(console.queue_model.rowCount())
    }
    assert any("<img src=" in text for text in shown), "markup is listed literally"
    assert all("\x00" not in text and "\n" not in text for text in shown)

    (html_row,) = [
        r for r in range(console.queue_model.rowCount())
        if "<img" in console.queue_model.question(r).text  # type: ignore[union-attr]
    ]  # fmt: skip
    index = console.queue_model.index(html_row, 5)
    tooltip = console.queue_model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip, "tooltips guess rich text: escaped"

    qtbot.keyClick(console.queue, Qt.Key.Key_A)
    assert not model.questions.snapshot().approved, "nothing selected: a key approves nothing"

    first = console.queue_model.question(0)
    assert first is not None
    console.queue.selectRow(0)
    qtbot.mouseClick(console.approve_button, Qt.MouseButton.LeftButton)
    assert model.questions.question(first.tweet_id).state is QuestionState.APPROVED
    console.refresh()

    second = console.selected_question()
    assert second is not None and second.tweet_id != first.tweet_id
    qtbot.keyClick(console.queue, Qt.Key.Key_R)
    assert model.questions.question(second.tweet_id).state is QuestionState.REJECTED
    console.refresh()

    third = console.selected_question()
    assert third is not None
    qtbot.keyClick(console.queue, Qt.Key.Key_A)
    console.refresh()
    assert [q.tweet_id for q in model.questions.snapshot().approved] == [
        first.tweet_id,
        third.tweet_id,
    ]

    console.approved_list.setCurrentRow(1)
    qtbot.keyClick(console.queue, Qt.Key.Key_O)
    assert model.questions.snapshot().on_air.tweet_id == third.tweet_id
    qtbot.keyClick(console.queue, Qt.Key.Key_D)
    assert model.questions.question(third.tweet_id).state is QuestionState.ANSWERED

    qtbot.keyClick(console.queue, Qt.Key.Key_PageDown)
    qtbot.keyClick(console.queue, Qt.Key.Key_PageDown)
    assert model.session.snapshot().current == 2
    qtbot.mouseClick(console.previous_button, Qt.MouseButton.LeftButton)
    assert model.session.snapshot().current == 1


def test_the_guest_panel_follows_the_session_and_mirrors_the_camera(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    panel = GuestPanel(model.session, frames, guest_name="Léa Marchand")
    show(qtbot, panel, 1280, 800)
    actions.go_to_step(2)
    qtbot.waitUntil(lambda: panel.current_step == 2, timeout=2000)
    image = panel.grab().toImage()
    mirror_left = image.pixelColor(int(1280 * 0.62), 400)
    mirror_right = image.pixelColor(int(1280 * 0.93), 400)
    assert mirror_left.blue() > mirror_right.blue(), "the preview is mirrored (blue ramp reversed)"


def test_the_heat_map_lights_up_where_posts_are(qtbot: QtBot, model: RoomModel) -> None:
    wall = HeatmapWall(
        model.heat,
        model.metrics,
        hashtag="#AskBlueRoom",
        land_mask=ROOT / "assets" / "map" / "land_0p25.npz",
    )
    show(qtbot, wall, 1920, 1080)
    wall.refresh()
    image = wall.grab().toImage()
    paris = wall.to_widget(2.35, 48.85)
    atlantic = wall.to_widget(-40.0, 48.85)
    lit = image.pixelColor(paris.toPoint())
    dark = image.pixelColor(atlantic.toPoint())
    assert lit.lightness() > dark.lightness() + 100, (lit.name(), dark.name())


def _ink_width(image: QImage) -> int:
    background = image.pixelColor(0, 0)
    columns = set()
    for x in range(image.width()):
        for y in range(0, image.height(), 2):
            color = image.pixelColor(x, y)
            if abs(color.lightness() - background.lightness()) > 60:
                columns.add(x)
                break
    return len(columns)


def _journal_stats() -> object:
    from blueroom.store.journal import WriterStats

    return WriterStats(
        written=0, batches=0, committed_seq=0, last_batch_ms=0.0, healthy=True, error="", lost=0
    )
