"""What each room switch looks like where a person sees it: the questions wall resting
or thanking instead of inviting, the guest's pick view closed, the booth saying it opens
in a moment, the video wall's badge (ON CAMERA without a stream, LIVE only with one),
and the console's row of switches."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    BoothStep,
    Event,
    OverlayToggled,
    QuestionState,
    QuestionStateChanged,
    RoomSwitch,
    RoomSwitched,
    SessionPlanned,
    StreamStateChanged,
    TweetReceived,
)
from blueroom.core.models import RoomModel
from blueroom.core.plan import Guest, plan_from_script
from blueroom.core.script import load_script
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet
from blueroom.paths import assets
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.picker import QuestionPicker
from blueroom.ui.operator.room_switches import RoomSwitchesRow
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall

RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}), guest_handles=frozenset(), room_handles=frozenset()
)


class Room:
    def __init__(self) -> None:
        self.model = RoomModel(RULES, default_script("Léa Marchand", "#AskBlueRoom"), 600.0)
        self.published: list[Event] = []
        self.actions = RoomActions(self.publish, self.model.session, "switches")

    def publish(self, event: Event) -> int:
        self.published.append(event)
        self.model.apply([event])
        return 0

    def plan(self, script: str = "chef") -> None:
        plan = plan_from_script(
            load_script(assets().scripts / f"{script}.toml"), Guest("Léa Marchand", "@lea")
        )
        self.publish(SessionPlanned(plan=plan))

    def switch(self, switch: RoomSwitch, on: bool) -> None:
        self.publish(RoomSwitched(switch=switch, on=on, actor="cue"))

    def question(self, tweet_id: str, approve: bool = True) -> None:
        tweet = Tweet(
            id=tweet_id,
            text="#AskBlueRoom <b>what</b> is your favourite dish?",
            author=Author(id=f"a{tweet_id}", username=f"fan{tweet_id}"),
            hashtags=("AskBlueRoom",),
        )
        self.publish(TweetReceived(tweet=tweet))
        if approve:
            self.publish(QuestionStateChanged(tweet_id=tweet_id, state=QuestionState.APPROVED))


@pytest.fixture
def room() -> Room:
    register_bundled_fonts()
    return Room()


def test_the_questions_wall_rests_on_the_hashtag_and_the_guest_while_off(
    qtbot: QtBot, room: Room
) -> None:
    room.plan()  # the chef's script turns the wall on with its questions: off until then
    room.question("1")
    wall = QuestionsWall(
        room.model.questions, room.model.metrics, hashtag="#AskBlueRoom",
        guest_name="Léa Marchand", session=room.model.session,
    )  # fmt: skip
    qtbot.addWidget(wall)
    wall.resize(960, 540)
    wall.show()
    qtbot.waitExposed(wall)
    assert not wall.shown and wall.resting.isVisible()
    assert wall.resting.geometry() == wall.rect()
    # closed Q&A: the resting screen does not invite questions either
    assert wall.resting.words() == ("#AskBlueRoom", "With Léa Marchand", "")
    image = wall.grab().toImage()
    assert len({image.pixel(x, 200) for x in range(0, 960, 4)}) > 3  # never blank
    room.switch(RoomSwitch.QUESTIONS_OPEN, True)
    wall.refresh()
    assert "post them with #AskBlueRoom" in wall.resting.words()[2]
    room.switch(RoomSwitch.QUESTIONS_WALL, True)
    wall.refresh()
    assert wall.shown and wall.resting.isHidden()
    assert wall.mode == "rotating" and "favourite dish" in wall.main_text.text()


def test_the_questions_wall_thanks_instead_of_inviting_while_the_q_and_a_is_closed(
    qtbot: QtBot, room: Room
) -> None:
    wall = QuestionsWall(
        room.model.questions, room.model.metrics, hashtag="#AskBlueRoom",
        guest_name="Léa Marchand", session=room.model.session,
    )  # fmt: skip
    qtbot.addWidget(wall)
    wall.resize(960, 540)
    wall.show()
    assert wall.mode == "invite" and wall.main_text.text() == "Ask Léa anything"
    room.switch(RoomSwitch.QUESTIONS_OPEN, False)
    wall.refresh()
    assert wall.mode == "closed" and wall.main_text.text() == "Thank you for your questions"
    assert "Post your question" not in wall.main_author.text()
    room.question("7", approve=False)  # a question still arrives, to be moderated
    wall.refresh()
    assert room.model.questions.snapshot().received == 1 and wall.mode == "closed"


def test_the_pick_view_says_the_questions_open_later_and_takes_no_tap(
    qtbot: QtBot, room: Room
) -> None:
    room.question("1")
    picker = QuestionPicker(room.model.questions, room.actions)
    qtbot.addWidget(picker)
    picker.resize(900, 700)
    picker.show()
    picker.refresh()
    assert [q.tweet_id for q in picker.shown] == ["1"]
    picker.set_open(False)
    card = picker._layout()["1"]
    picker.tap(card.center())
    picker.tap(card.center())
    assert room.model.questions.snapshot().on_air is None
    title, line = picker.closed_words()
    assert title == "The questions open a little later" and "the team reads" in line
    picker.set_open(True)
    picker.tap(card.center())
    yes, _ = picker._confirm_buttons(card)
    picker.tap(QPointF(yes.center()))
    assert room.model.questions.snapshot().on_air is not None


def test_the_booth_says_it_opens_in_a_moment_until_it_is_armed(qtbot: QtBot, room: Room) -> None:
    room.plan()
    view = BoothView(room.model.booth, room.model.outbox, room.actions)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.refresh()
    assert view.step is BoothStep.DISARMED and view.over_mirror
    assert view.headline.text() == "The mirror opens in a moment"
    assert not any(button.isVisible() for button in view.buttons.values())
    room.switch(RoomSwitch.BOOTH, True)
    view.refresh()
    assert view.step is BoothStep.ATTRACT and view.headline.isHidden()
    assert [a for a, b in view.buttons.items() if b.isVisible()] == ["start"]


def _badge(qtbot: QtBot, wall: VideoWall, words: str) -> None:
    qtbot.waitUntil(lambda: wall.badge_words == words, timeout=2000)
    time.sleep(0.4)  # the badge's fade in or out is over: it stays as it is
    assert wall.badge_words == words


def test_the_video_walls_badge_is_live_only_with_a_stream_and_on_camera_without(
    qtbot: QtBot, room: Room
) -> None:
    wall = VideoWall(
        LatestFrameSlot(), room.model.questions, room.model.metrics, hashtag="#AskBlueRoom",
        guest_name="Léa Marchand", session=room.model.session,
    )  # fmt: skip
    qtbot.addWidget(wall)
    wall.resize(960, 540)
    wall.show()
    _badge(qtbot, wall, "")
    room.switch(RoomSwitch.ON_CAMERA, True)  # the live step's cue, no stream
    _badge(qtbot, wall, "ON CAMERA")
    box = wall.renderer.on_camera_box()
    assert box.right() == pytest.approx(wall.overlay_rects()["badge"].right())
    assert not box.intersects(wall.overlay_rects()["clock"])
    room.publish(StreamStateChanged(state="live"))
    _badge(qtbot, wall, "LIVE")
    room.switch(RoomSwitch.ON_CAMERA, False)
    _badge(qtbot, wall, "LIVE")  # a stream that runs is never hidden by a cue
    room.publish(OverlayToggled(overlay="live_badge", shown=False))
    _badge(qtbot, wall, "")  # the operator's own toggle still can
    room.publish(OverlayToggled(overlay="live_badge", shown=True))
    room.publish(StreamStateChanged(state="stopped"))
    _badge(qtbot, wall, "")


def test_the_consoles_switches_show_the_room_and_turn_it(qtbot: QtBot, room: Room) -> None:
    room.plan()
    row = RoomSwitchesRow(room.model.session, room.actions)
    qtbot.addWidget(row)
    row.show()
    assert row.words() == ["Q wall", "Q&A", "Booth", "Badge"]
    assert [b.isChecked() for b in row.buttons.values()] == [False, False, False, False]
    qtbot.mouseClick(row.buttons[RoomSwitch.BOOTH], Qt.MouseButton.LeftButton)
    assert room.published[-1] == RoomSwitched(
        switch=RoomSwitch.BOOTH, on=True, at=room.published[-1].at
    )
    assert room.model.booth.latest().step is BoothStep.ATTRACT
    room.switch(RoomSwitch.QUESTIONS_WALL, True)  # a segment's cue
    row.refresh()
    assert [b.isChecked() for b in row.buttons.values()] == [True, False, True, False]
    room.publish(StreamStateChanged(state="live"))
    row.refresh()
    assert row.words()[-1] == "LIVE"
