"""Every view, fed hostile text from outside: shown literally, laid out, never as markup.

The views get real models (no Qt in them) and real actions; the console is driven with
clicks and shortcuts as an operator would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.bus import Bus
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, HeatMapChanged, QuestionState, TweetReceived
from blueroom.core.heatmap import HeatGrid
from blueroom.core.metrics import IngestMetrics
from blueroom.core.models import RoomModel
from blueroom.core.moderation import Action, ModerationRules
from blueroom.core.questions import QueueQuery, QueueView
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, GeoPoint, Tweet
from blueroom.paths import assets
from blueroom.store.export import ExportResult, export_questions
from blueroom.ui import words
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.operator.program import ProgramPanel
from blueroom.ui.operator.queue_list import ROW_HEIGHT, QueueList
from blueroom.ui.operator.rules_dialog import RulesDialog
from blueroom.ui.walls.heatmap_wall import HeatmapWall
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.text import WALL_TEXT_LIMIT, FittedText, displayable

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = {
    "html": '<img src="http://evil.example/x.png" onerror=alert(1)><a href="x">Léa</a> <b>why</b> u?',
    "control": "why\x00 \x1b[31mred\x1b[0m ?",
    "long": "pourquoi " * 1_200 + "?",
    "rtl": "لماذا تحب باريس؟ \u202eevil\u202c ?",
    "hebrew": "למה את שרה? 🎤",
    "zalgo": "Z̷̡̢̛̹̺̖a̸̧̛͈̖l̶̢̨̛g̸̢̛̞o̵̧̞ ?",
    "emoji": "🎉" * 60 + " tu viens ?",
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
            land_mask=assets().land_mask,
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
    # The name strap slides out, then the question slides in (0.6 s in all).
    qtbot.waitUntil(
        lambda: wall.grab().toImage().pixelColor(900, 600).lightness() > 200, timeout=2000
    )  # the on-air question sits on a light lower third


def _click_row(qtbot: QtBot, queue: QueueList, row: int) -> None:
    queue._scroll_to(row)
    y = row * ROW_HEIGHT - queue.verticalScrollBar().value() + ROW_HEIGHT // 2
    qtbot.mouseClick(queue.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, y))


def _state(model: RoomModel, tweet_id: str) -> QuestionState:
    question = model.questions.question(tweet_id)
    assert question is not None
    return question.state


# A popup menu offscreen: the platform cannot raise it or grab the keyboard (it still works).
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_console_moderates_with_clicks_and_shortcuts(
    qtbot: QtBot, model: RoomModel, actions: RoomActions
) -> None:
    console = OperatorConsole(
        model, actions, session_label="s", bus_stats=Bus().stats, journal_stats=_journal_stats
    )
    image = show(qtbot, console, 1600, 1000)
    console.activateWindow()
    qtbot.waitUntil(lambda: console.isActiveWindow(), timeout=2000)
    assert _ink_width(image) > 0
    queue, search = console.moderation.queue, console.moderation.search
    qtbot.waitUntil(lambda: bool(queue.rows), timeout=2000)  # painted, then shown
    rows = queue.rows
    trash = model.questions.page(QueueQuery(view=QueueView.TRASH)).rows
    assert len(rows) + len(trash) == len(HOSTILE), "every question is a card, queued or trashed"
    assert any("<img src=" in q.text for q in rows), "markup is kept, to be drawn literally"

    qtbot.keyClick(queue, Qt.Key.Key_A)
    assert not model.questions.snapshot().approved, "nothing selected: a key approves nothing"
    assert "Select a question" in console.statusBar().currentMessage()

    _click_row(qtbot, queue, 0)
    first = console.selection.question()
    assert first is not None and first.tweet_id == rows[0].tweet_id
    assert console.moderation.detail.toPlainText() == (
        f"{displayable(first.text)}\n— {words.asks(first.asks)}"
    ), "the full text, as text, and why it was taken for a question"
    qtbot.mouseClick(console.moderation.buttons["approve"], Qt.MouseButton.LeftButton)
    assert _state(model, first.tweet_id) is QuestionState.APPROVED
    console.refresh()

    second = console.selection.question()
    assert second is not None and second.tweet_id == rows[1].tweet_id, "the next slid in"
    qtbot.keyClick(queue, Qt.Key.Key_R)
    assert _state(model, second.tweet_id) is QuestionState.PENDING, "R asks why first"
    menu = console.moderation.reject_menu
    assert menu is not None and menu.isVisible()
    qtbot.keyClick(menu, Qt.Key.Key_1)  # the first preset: off topic
    assert _state(model, second.tweet_id) is QuestionState.REJECTED
    assert model.questions.question(second.tweet_id).reason == "off topic"  # type: ignore[union-attr]
    console.refresh()
    third = console.selection.question()
    assert third is not None
    qtbot.keyClick(queue, Qt.Key.Key_S)
    assert model.questions.question(third.tweet_id).starred  # type: ignore[union-attr]
    qtbot.keyClick(queue, Qt.Key.Key_H)
    assert _state(model, third.tweet_id) is QuestionState.STASHED
    qtbot.keyClick(queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(model, third.tweet_id) is QuestionState.PENDING, "undo the stash"
    console.refresh()
    queue.select(third.tweet_id)

    # Preview, then take: as on a vision mixer.
    qtbot.keyClick(queue, Qt.Key.Key_P)
    assert model.questions.snapshot().armed.tweet_id == third.tweet_id  # type: ignore[union-attr]
    qtbot.keyClick(queue, Qt.Key.Key_T)
    assert model.questions.snapshot().on_air.tweet_id == third.tweet_id  # type: ignore[union-attr]
    console.refresh()
    assert console.running_order.approved.rows[0].tweet_id == third.tweet_id
    qtbot.keyClick(queue, Qt.Key.Key_D)
    assert _state(model, third.tweet_id) is QuestionState.ANSWERED

    # Typing in the search box searches; it never moderates.
    before = model.questions.snapshot().counts
    search.setFocus()
    qtbot.keyClicks(search, "POURQUOI")  # P, O, R, Q are shortcuts elsewhere
    assert search.text() == "POURQUOI" and model.questions.snapshot().counts == before
    console.refresh()
    assert [q.text for q in queue.rows] == [HOSTILE["long"]]
    search.clear()

    # The trash, and back.
    qtbot.keyClick(queue, Qt.Key.Key_7)
    console.refresh()
    assert second.tweet_id in [q.tweet_id for q in queue.rows]
    queue.select(second.tweet_id)
    qtbot.keyClick(queue, Qt.Key.Key_Q)
    assert _state(model, second.tweet_id) is QuestionState.PENDING

    # Page Down starts the hour on its first segment, then moves on, as a clicker does
    qtbot.keyClick(queue, Qt.Key.Key_PageDown)
    assert model.session.snapshot().current == 0 and model.show.latest().current
    qtbot.keyClick(queue, Qt.Key.Key_PageDown)
    qtbot.keyClick(queue, Qt.Key.Key_PageDown)
    assert model.session.snapshot().current == 2
    qtbot.mouseClick(console.run_of_show.back_button, Qt.MouseButton.LeftButton)
    assert model.session.snapshot().current == 1


def test_the_console_exports_and_reports_where(
    qtbot: QtBot, model: RoomModel, tmp_path: Path
) -> None:
    results: list[ExportResult] = []

    def export(path: Path) -> None:
        results.append(export_questions(path, model.questions.export_rows()))

    console = OperatorConsole(
        model,
        RoomActions(lambda e: 0, model.session, "s"),
        session_label="s",
        bus_stats=Bus().stats,
        journal_stats=_journal_stats,
        export_csv=export,
        last_export=lambda: results[-1] if results else None,
    )
    show(qtbot, console, 1400, 900)
    console.running_order.export_to(tmp_path / "q.csv")
    console.refresh()
    assert (tmp_path / "q.csv").exists()
    assert f"Exported {len(HOSTILE)} posts" in console.statusBar().currentMessage()


def test_the_rules_dialog_refuses_invalid_rules_and_returns_valid_ones(qtbot: QtBot) -> None:
    dialog = RulesDialog(ModerationRules())
    qtbot.addWidget(dialog)
    dialog.blocked_users.setPlainText("good_handle\nbad handle")
    dialog.accept()
    assert dialog.result_rules is None and "blocked_users" in dialog.problem.text()
    dialog.blocked_users.setPlainText("@spammer")
    dialog.auto_approve.setChecked(True)
    dialog.accept()
    assert dialog.result_rules is not None
    assert dialog.result_rules.blocked_users == ("@spammer",)
    assert dialog.result_rules.auto_approve_clean
    dialog.insults.setCurrentIndex(dialog.insults.findData("reject"))
    dialog.accept()
    assert dialog.result_rules.insults == "reject", "every rule is editable"


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


def test_a_new_mirror_frame_repaints_the_mirror_and_leaves_the_backdrop_whole(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    panel = GuestPanel(model.session, frames, guest_name="Léa Marchand")
    show(qtbot, panel, 1280, 800)
    screen = panel.screen()

    def on_screen() -> QImage:  # what the window shows, not a fresh render of it
        return screen.grabWindow(panel.winId()).toImage()

    box = panel._mirror_box().toRect()
    centre = box.center()
    qtbot.waitUntil(lambda: on_screen().size() == panel.size(), timeout=2000)  # laid out
    qtbot.waitUntil(lambda: on_screen().pixelColor(centre).blue() > 60, timeout=2000)
    before = on_screen()
    green = np.zeros((180, 320, 3), dtype=np.uint8)
    green[:, :, 1] = 220
    frames.put(green)
    qtbot.waitUntil(lambda: on_screen().pixelColor(centre).green() > 180, timeout=2000)
    after = on_screen()
    outside = [
        QPoint(box.left() - 20, box.top() + 40),  # the step text's side
        QPoint(box.left() + 1, box.top() + 1),  # outside the rounded corner
        QPoint(box.right() - 1, box.bottom() - 1),
        QPoint(box.center().x(), box.bottom() + 10),
    ]
    for point in outside:
        assert after.pixelColor(point) == before.pixelColor(point), point
    assert after.pixelColor(box.left() + 40, box.top() + 5).green() > 180, "frame fills its box"
    left = QRect(0, 0, box.left() - 10, panel.height())
    actions.go_to_step(1)  # a new step redraws the backdrop beside the live mirror
    qtbot.waitUntil(lambda: on_screen().copy(left) != after.copy(left), timeout=2000)


CITIES = {"Paris": (2.35, 48.85), "Montréal": (-73.57, 45.50), "Dakar": (-17.44, 14.69)}


def _hot_spot(image: QImage, centre: QPointF, radius: int) -> tuple[QPoint, int]:
    """The brightest pixel around ``centre``, and its lightness."""
    best, best_light = centre.toPoint(), -1
    for dx in range(-radius, radius + 1, 2):
        for dy in range(-radius, radius + 1, 2):
            point = QPoint(round(centre.x()) + dx, round(centre.y()) + dy)
            light = image.pixelColor(point).lightness()
            if light > best_light:
                best, best_light = point, light
    return best, best_light


@pytest.mark.parametrize("preset", ["world", "france"])
def test_the_heat_map_hot_spots_land_on_the_cities(qtbot: QtBot, preset: str) -> None:
    grid = HeatGrid(half_life=600.0)
    grid.apply(
        [
            TweetReceived(tweet=Tweet(id=f"{name}{n}", text="x", coordinates=GeoPoint(lon, lat)))
            for name, (lon, lat) in CITIES.items()
            for n in range(20)
        ]
    )
    grid.apply([HeatMapChanged(preset=preset)])
    wall = HeatmapWall(
        grid,
        IngestMetrics(),
        hashtag="#AskBlueRoom",
        land_mask=assets().land_mask,
    )
    show(qtbot, wall, 1920, 1080)
    wall.refresh()
    image = wall.grab().toImage()
    ocean = image.pixelColor(wall.to_widget(-40.0 if preset == "world" else -4.0, 45.0).toPoint())
    shown = [name for name, (lon, lat) in CITIES.items() if wall.view.contains(lon, lat)]
    assert shown == (["Paris", "Montréal", "Dakar"] if preset == "world" else ["Paris"])
    for name in shown:
        expected = wall.to_widget(*CITIES[name])
        spot, light = _hot_spot(image, expected, 40)
        assert light > ocean.lightness() + 100, (name, light, ocean.lightness())
        assert abs(spot.x() - expected.x()) <= 12 and abs(spot.y() - expected.y()) <= 12, (
            name,
            spot,
            expected,
        )


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


def test_the_guest_taps_then_confirms_to_put_a_question_on_air(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    panel = GuestPanel(
        model.session, frames, guest_name="Léa", board=model.questions, actions=actions
    )
    show(qtbot, panel, 1280, 800)
    assert panel.picker is not None and not panel.picker.isVisible()
    actions.go_to_step(2)  # the questions step
    qtbot.waitUntil(lambda: panel.picking and panel.picker.isVisible(), timeout=2000)
    picker = panel.picker
    for tweet_id in ("0", "1", "3"):
        actions.approve(tweet_id)
    qtbot.waitUntil(lambda: len(picker.cards()) == 3, timeout=2000)
    picker.grab()  # lays the cards out, as the first paint does
    first = picker.cards()[0]
    card = picker._rects[first.tweet_id]
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=card.center().toPoint())
    assert model.questions.snapshot().on_air is None, "one touch only opens the confirmation"
    yes, _no = picker._confirm_buttons(card)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=yes.center().toPoint())
    on_air = model.questions.snapshot().on_air
    assert on_air is not None and on_air.tweet_id == first.tweet_id and on_air.actor == "guest"
    picker.refresh()
    image = picker.grab().toImage()
    assert image.pixelColor(int(card.left()) + 1, int(card.center().y())).red() > 150, (
        "the on-air card is outlined in red"
    )
    actions.mark_answered(first.tweet_id)
    qtbot.waitUntil(
        lambda: first.tweet_id not in {q.tweet_id for q in picker.cards()}, timeout=2000
    )
    assert picker._leaving, "the answered card leaves with an animation"


def test_with_operator_confirmation_the_guest_pick_goes_to_preview(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    panel = GuestPanel(
        model.session,
        frames,
        guest_name="Léa",
        board=model.questions,
        actions=actions,
        confirm_with_operator=True,
    )
    show(qtbot, panel, 1280, 800)
    actions.go_to_step(2)
    actions.approve("1")
    picker = panel.picker
    assert picker is not None
    qtbot.waitUntil(lambda: len(picker.cards()) == 1, timeout=2000)
    picker.grab()
    card = picker._rects["1"]
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=card.center().toPoint())
    yes, _no = picker._confirm_buttons(card)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=yes.center().toPoint())
    snapshot = model.questions.snapshot()
    assert snapshot.on_air is None and snapshot.armed is not None
    assert snapshot.armed.tweet_id == "1"


def test_hostile_questions_on_the_pick_view_and_the_program_panel(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    for question in model.questions.page(QueueQuery(limit=100)).rows:
        actions.approve(question.tweet_id)
    approved = model.questions.snapshot().approved
    assert len(approved) >= 5
    actions.put_on_air(approved[0].tweet_id)
    actions.arm(approved[1].tweet_id)
    panel = GuestPanel(
        model.session, frames, guest_name="Léa", board=model.questions, actions=actions
    )
    show(qtbot, panel, 1280, 800)
    actions.go_to_step(2)
    picker = panel.picker
    assert picker is not None
    qtbot.waitUntil(lambda: len(picker.cards()) == min(6, len(approved)), timeout=2000)
    assert _ink_width(picker.grab().toImage()) > 0
    program = ProgramPanel()
    snapshot = model.questions.snapshot()
    program.set_questions(snapshot.on_air, snapshot.armed)
    assert _ink_width(show(qtbot, program, 500, 268)) > 0
    program.set_questions(None, None)
    assert _ink_width(program.grab().toImage()) > 0, "empty boxes say what to do"


def test_the_rules_dialog_keeps_every_rule_it_was_given(qtbot: QtBot) -> None:
    unusual = ModerationRules(
        blocked_words=("spoiler*",),
        blocked_users=("troll",),
        trusted_users=("blueroomfr",),
        allowed_domains=("example.org",),
        profanity=Action.FLAG,
        slurs=Action.FLAG,
        insults=Action.REJECT,
        links=Action.PASS,
        hashbomb=Action.FLAG,
        max_mentions=7,
        flood_posts=9,
        flood_seconds=12.5,
        new_account_days=30,
        auto_approve_clean=True,
    )
    defaults = ModerationRules()
    changed = [
        f for f in ModerationRules.__struct_fields__ if getattr(unusual, f) == getattr(defaults, f)
    ]
    assert changed == [], f"give these fields an unusual value here: {changed}"
    dialog = RulesDialog(unusual)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result_rules == unusual


def test_the_console_drives_the_heat_map_wall(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, tmp_path: Path
) -> None:
    console = OperatorConsole(
        model, actions, session_label="s", bus_stats=Bus().stats, journal_stats=_journal_stats
    )
    show(qtbot, console, 1600, 1000)
    controls = console.heat_controls
    controls.preset.setCurrentIndex(controls.preset.findData("france"))
    controls.mode.setCurrentIndex(controls.mode.findData("cumulative"))
    controls.half_life.setValue(3.0)
    controls.apply()
    heat = model.heat.snapshot()
    assert heat.view.name == "france" and heat.mode.value == "cumulative"
    assert heat.half_life == 180.0
    controls.preset.setCurrentIndex(controls.preset.findData("custom"))
    controls.box.setText("1, 2, 3")
    controls.apply()
    assert "four numbers" in console.statusBar().currentMessage()
    assert model.heat.snapshot().view.name == "france", "a bad box changes nothing"
    controls.box.setText("-10, 35, 20, 55")
    controls.apply()
    assert model.heat.snapshot().view.west == -10.0
    located_before = model.heat.snapshot().located
    assert located_before > 0
    controls.reset_now()
    assert model.heat.snapshot().located == 0
    wall = HeatmapWall(
        model.heat,
        model.metrics,
        hashtag="#AskBlueRoom",
        land_mask=assets().land_mask,
    )
    show(qtbot, wall, 960, 540)
    controls.paused.connect(wall.set_paused)
    controls.counters.connect(wall.set_show_counters)
    qtbot.mouseClick(controls.pause, Qt.MouseButton.LeftButton)
    assert wall.paused and controls.pause.text() == "Resume"
    controls.show_counters.setChecked(False)
    assert not wall.show_counters
    saved = wall.save_png(tmp_path / "snaps" / "wall.png")
    assert QImage(str(saved)).width() == 960


def test_the_glow_colour_map_is_perceptually_uniform() -> None:
    from blueroom.ui.walls.heatmap_wall import _srgb_to_oklab, glow_lut

    lut = glow_lut()
    lightness = _srgb_to_oklab(lut[:, :3] / 255.0)[:, 0]
    ramp = np.linspace(lightness[0], lightness[-1], 256)
    assert np.all(np.diff(lightness) > 0), "lightness always rises"
    assert np.abs(lightness - ramp).max() < 0.005, "and rises evenly (OKLab, within 8-bit steps)"
    assert lut[0, 3] == 0 and lut[-1, 3] == 255 and tuple(lut[-1, :3]) == (255, 255, 255)


def test_the_pick_view_shows_questions_approved_before_it_opened(
    qtbot: QtBot, model: RoomModel, actions: RoomActions, frames: LatestFrameSlot
) -> None:
    """After a restart the board already holds approved questions: no change will come."""
    actions.go_to_step(2)
    for tweet_id in ("0", "1", "3"):
        actions.approve(tweet_id)
    panel = GuestPanel(
        model.session, frames, guest_name="Léa", board=model.questions, actions=actions
    )
    show(qtbot, panel, 1280, 800)
    picker = panel.picker
    assert picker is not None and panel.picking and picker.isVisible()
    assert [q.tweet_id for q in picker.shown] == ["0", "1", "3"]
    picker.grab()
    assert set(picker._rects) == {"0", "1", "3"}, "painted as cards at once"
