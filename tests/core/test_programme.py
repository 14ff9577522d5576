"""The programme's description: what is on air and how each overlay comes and goes."""

from __future__ import annotations

import pytest

from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.programme import IN_SECONDS, OUT_SECONDS, Overlay, ProgrammeDirector
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def room() -> tuple[RoomModel, RoomActions]:
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )
    for n in (1, 2):
        author = Author(id=f"a{n}", username=f"fan{n}", name="Fan", followers=1)
        text = f"Question {n}, Léa, tu viens à Lyon ? #AskBlueRoom"
        tweet = Tweet(id=str(n), text=text, author=author, hashtags=("AskBlueRoom",))
        model.apply([TweetReceived(tweet=tweet)])

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "programme")
    actions.approve("1")
    actions.approve("2")
    return model, actions


def director(model: RoomModel, clock: Clock) -> ProgrammeDirector:
    return ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand",
        monotonic=clock, wall_clock=lambda: 1_796_421_600.0,
    )  # fmt: skip


def test_what_is_on_at_the_start_is_simply_on(room: tuple[RoomModel, RoomActions]) -> None:
    model, _ = room
    shown = director(model, Clock()).programme()
    assert [(s.content.who, s.content.is_strap, s.presence) for s in shown.lower] == [
        ("Léa Marchand", True, 1.0)
    ]
    assert (shown.hashtag_shown, shown.clock, shown.badge, shown.held) == (1.0, 1.0, 0.0, 0.0)
    assert shown.photo is None


def test_the_lower_third_follows_arm_then_take_the_old_out_before_the_new_in(
    room: tuple[RoomModel, RoomActions],
) -> None:
    model, actions = room
    clock = Clock()
    on_air = director(model, clock)
    on_air.programme()
    actions.arm("1")
    assert [s.content.key for s in on_air.programme().lower] == [""], "armed: not on air yet"
    actions.take("1")
    on_air.programme()  # seen at the next frame: the strap starts to leave
    clock.now += OUT_SECONDS / 2
    leaving = on_air.programme().lower
    assert [s.content.key for s in leaving] == [""] and 0 < leaving[0].presence < 1
    clock.now += OUT_SECONDS / 2 + IN_SECONDS / 2
    coming = on_air.programme().lower
    assert [s.content.key for s in coming] == ["1"] and 0 < coming[0].presence < 1
    assert coming[0].content.who == "@fan1" and "Lyon" in coming[0].content.text
    clock.now += IN_SECONDS
    assert [(s.content.key, s.presence) for s in on_air.programme().lower] == [("1", 1.0)]
    actions.take("2")  # the next question replaces it the same way
    on_air.programme()
    clock.now += OUT_SECONDS + IN_SECONDS + 0.01
    assert [(s.content.key, s.presence) for s in on_air.programme().lower] == [("2", 1.0)]


def test_each_overlay_has_its_toggle_journalled_in_the_session(
    room: tuple[RoomModel, RoomActions],
) -> None:
    model, actions = room
    clock = Clock()
    on_air = director(model, clock)
    on_air.set_streaming(True)
    on_air.programme()
    clock.now += 1
    assert on_air.programme().badge == 1.0, "LIVE only while a stream runs: it runs"
    for overlay in (Overlay.HASHTAG, Overlay.CLOCK, Overlay.LIVE_BADGE, Overlay.NAME_STRAP):
        actions.show_overlay(overlay.value, False)
    on_air.programme()
    assert set(model.session.latest().hidden) == {"hashtag", "clock", "live_badge", "name_strap"}
    clock.now += OUT_SECONDS / 2
    going = on_air.programme()
    assert 0 < going.hashtag_shown < 1 and 0 < going.clock < 1 and 0 < going.badge < 1
    clock.now += OUT_SECONDS
    gone = on_air.programme()
    assert (gone.hashtag_shown, gone.clock, gone.badge, gone.lower) == (0.0, 0.0, 0.0, ())
    actions.take("1")
    on_air.programme()
    clock.now += 1
    assert [s.content.key for s in on_air.programme().lower] == ["1"], "the question's own toggle"
    actions.show_overlay(Overlay.QUESTION.value, False)
    on_air.programme()
    clock.now += 1
    assert on_air.programme().lower == (), "the question off, and the strap off too"
    actions.show_overlay(Overlay.HASHTAG.value, True)
    assert set(model.session.latest().hidden) == {"clock", "live_badge", "name_strap", "question"}
    state = model.session.capture()()
    restored = RoomModel(
        QuestionRules(), default_script("Léa Marchand", "#AskBlueRoom"), half_life=600.0
    )
    restored.session.restore(state)
    assert restored.session.latest().hidden == model.session.latest().hidden


def test_a_photo_is_on_for_its_seconds_and_the_slate_fades_for_a_break(
    room: tuple[RoomModel, RoomActions],
) -> None:
    model, actions = room
    clock = Clock()
    on_air = director(model, clock)
    on_air.programme()
    on_air.show_photo("/photos/p1-final.jpg", 5.0)
    clock.now += IN_SECONDS
    photo = on_air.programme().photo
    assert photo is not None and (photo.content, photo.presence) == ("/photos/p1-final.jpg", 1.0)
    clock.now += 5.0 + OUT_SECONDS
    assert on_air.programme().photo is None, "then the camera again"
    actions.hold_walls(True)
    on_air.programme()
    clock.now += 0.2
    assert 0 < on_air.programme().held < 1
    clock.now += 1
    assert on_air.programme().held == 1.0
    actions.show_overlay(Overlay.PHOTO.value, False)
    on_air.show_photo("/photos/p2-final.jpg", 5.0)
    clock.now += 1
    assert on_air.programme().photo is None, "photos off: none goes on air"
