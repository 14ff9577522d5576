"""The room's switches: where the plan starts them, what each cue does, what is kept."""

from __future__ import annotations

import msgspec
import pytest

from blueroom.core.booth import PhotoFate
from blueroom.core.cues import CueActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    BoothAction,
    BoothStep,
    BoothTouched,
    CueSent,
    Event,
    PhotoCaptured,
    QuestionState,
    QuestionStateChanged,
    RoomSwitch,
    RoomSwitched,
    RunOfShowMoved,
    SessionPlanned,
    ShowAction,
    StreamStateChanged,
    TweetReceived,
)
from blueroom.core.geocode import Geocoder
from blueroom.core.models import STATE_VERSION, RoomModel, RoomState
from blueroom.core.plan import Guest, Plan, plan_from_script, plan_from_steps
from blueroom.core.programme import BadgeLook, badge_look
from blueroom.core.questions import QueueView
from blueroom.core.script import load_script
from blueroom.core.session import default_script
from blueroom.core.switches import CUE_SWITCHES, Switches, plan_defaults
from blueroom.core.tweet import Author, Tweet
from blueroom.paths import assets

T0 = 1_800_000_000.0
RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}),
    guest_handles=frozenset({"leamarchand"}),
    room_handles=frozenset({"blueroomfr"}),
)
SCRIPTS = ("musician-first-visit", "chief-executive", "chef")


def shipped(name: str, level: str = "first-timer") -> Plan:
    script = load_script(assets().scripts / f"{name}.toml")
    return plan_from_script(script, Guest("Léa Marchand", "@lea", level), hashtag="#AskBlueRoom")


def model(locator: Geocoder | None = None) -> RoomModel:
    steps = default_script("Léa Marchand", "#AskBlueRoom")
    return RoomModel(RULES, steps, half_life=600.0, clock=lambda: T0, locator=locator)


def switched(switch: RoomSwitch, on: bool, at: float = T0) -> RoomSwitched:
    return RoomSwitched(switch=switch, on=on, at=at)


@pytest.mark.parametrize("name", SCRIPTS)
@pytest.mark.parametrize("level", ["first-timer", "regular", "expert"])
def test_a_shipped_script_starts_what_it_turns_on_off(name: str, level: str) -> None:
    """Each shipped script opens the questions wall and the Q&A with its questions
    segment and arms the booth with its first booth segment: they start off."""
    assert plan_defaults(shipped(name, level)) == Switches(
        questions_wall=False, questions_open=False, booth=False, on_camera=False
    )


def test_a_plan_without_cues_leaves_everything_open_as_the_room_always_was() -> None:
    built_in = plan_from_steps(default_script("Léa", "#AskBlueRoom"), Guest())
    assert plan_defaults(built_in) == Switches() == plan_defaults(None)
    assert Switches().on_camera is False  # the badge is never asked by default


def test_a_switch_whose_first_cue_turns_it_off_starts_on() -> None:
    plan = shipped("musician-first-visit")
    # the questions segment skipped: the wall's first cue is the goodbye's "off"
    index = plan.index_of("questions")
    assert index is not None
    segments = list(plan.segments)
    segments[index] = msgspec.structs.replace(segments[index], skipped=True)
    defaults = plan_defaults(msgspec.structs.replace(plan, segments=tuple(segments)))
    assert defaults.questions_wall is True and defaults.questions_open is True
    assert defaults.booth is False


@pytest.mark.parametrize("cue", sorted(CUE_SWITCHES))
def test_every_switch_cue_is_acted_on_as_the_consoles_own_event(cue: str) -> None:
    outcome = CueActions().act(cue, shipped("chef"), T0)
    switch, on = CUE_SWITCHES[cue]
    assert outcome.acted, outcome.how
    assert outcome.events == (RoomSwitched(switch=switch, on=on, actor="cue", at=T0),)


def test_the_badge_cue_without_a_stream_asks_for_on_camera_and_says_so() -> None:
    streaming = [False]
    cues = CueActions(streaming=lambda: streaming[0])
    off_air = cues.act("live-badge.on", None, T0)
    assert off_air.acted and off_air.how == "no stream: on camera"
    streaming[0] = True
    on_air = cues.act("live-badge.on", None, T0)
    assert on_air.acted and on_air.how == "LIVE: the stream is live"


def test_the_live_badge_says_live_only_while_a_stream_is_live() -> None:
    assert badge_look(asked=True, streaming=True) is BadgeLook.LIVE
    assert badge_look(asked=False, streaming=True) is BadgeLook.LIVE  # never hidden
    assert badge_look(asked=True, streaming=False) is BadgeLook.ON_CAMERA
    assert badge_look(asked=False, streaming=False) is BadgeLook.NONE


def test_a_planned_hour_walks_the_switches_through_its_cues_once_each() -> None:
    """The musician's hour on the room's models, its cues sent by the clock: each switch
    where its segment says, and every CueSent acted on (none left to do by hand)."""
    room = model(Geocoder())  # the map's "guest-city" cue places the guest's town
    journal: list[Event] = []

    def publish(*events: Event) -> None:
        journal.extend(events)
        room.apply(events)

    plan = msgspec.structs.replace(
        shipped("musician-first-visit"), guest=Guest("Léa Marchand", "@lea", city="Lyon")
    )
    publish(SessionPlanned(plan=plan, at=T0 - 60))
    seen: dict[str, Switches] = {}
    booth: dict[str, BoothStep] = {}
    now = T0
    ids = [s.id for s in plan.active]
    for index, segment_id in enumerate(ids):
        action = ShowAction.START if index == 0 else ShowAction.NEXT
        publish(RunOfShowMoved(action=action, at=now))
        publish(*room.show.due(now))
        assert room.show.latest().current == segment_id
        seen[segment_id] = room.session.latest().switches
        booth[segment_id] = room.booth.latest().step
        now += 60.0
    publish(RunOfShowMoved(action=ShowAction.NEXT, at=now))
    publish(*room.show.due(now))
    assert room.show.latest().finished
    off = Switches(questions_wall=False, questions_open=False, booth=False)
    assert seen["welcome"] == off and booth["welcome"] is BoothStep.DISARMED
    assert seen["first-post"] == off
    assert seen["questions"] == Switches(True, True, False, False)
    assert seen["live-video"] == Switches(True, False, False, True)
    assert seen["mirror"] == Switches(True, False, True, False)
    assert booth["mirror"] is BoothStep.ATTRACT
    assert seen["map"].booth is False and booth["map"] is BoothStep.DISARMED
    assert booth["final-selfie"] is BoothStep.ATTRACT
    assert room.session.latest().switches == Switches(False, False, False, False)
    state = room.show.latest()
    sent = [e for e in journal if isinstance(e, CueSent)]
    cues = sum(len(s.on_enter) + len(s.on_leave) for s in plan.active)
    assert len(sent) == state.cues_sent == cues
    assert state.not_acted == ()  # nothing left to do by hand
    # each switch cue's event is in the same batch as its CueSent (handed out together)
    for event in sent:
        if event.cue in CUE_SWITCHES:
            position = journal.index(event)
            follower = journal[position + 1]
            assert isinstance(follower, RoomSwitched)
            assert (follower.switch, follower.on) == CUE_SWITCHES[event.cue]


def test_the_switches_and_the_stream_are_kept_in_a_snapshot() -> None:
    room = model()
    room.apply([SessionPlanned(plan=shipped("chef"), at=T0)])
    room.apply([switched(RoomSwitch.QUESTIONS_WALL, True), switched(RoomSwitch.ON_CAMERA, True)])
    room.apply([StreamStateChanged(state="live", at=T0)])
    state = msgspec.msgpack.decode(msgspec.msgpack.encode(room.capture()()), type=RoomState)
    assert state.version == STATE_VERSION
    again = model()
    again.restore(state)
    assert again.session.latest().switches == Switches(True, False, False, True)
    assert again.session.latest().streaming is True
    assert again.booth.latest().step is BoothStep.DISARMED
    # a switch set by an event keeps its value whatever plan follows
    again.apply([SessionPlanned(plan=shipped("musician-first-visit"), at=T0 + 1)])
    assert again.session.latest().switches.questions_wall is True
    again.apply([StreamStateChanged(state="stopped", at=T0 + 2)])
    assert again.session.latest().streaming is False


def test_the_q_and_a_closed_still_takes_and_moderates_every_question() -> None:
    room = model()
    room.apply([SessionPlanned(plan=shipped("chief-executive"), at=T0)])
    assert room.session.latest().switches.questions_open is False
    questions = [
        TweetReceived(
            tweet=Tweet(
                id=str(n),
                text=f"#AskBlueRoom how do you see the year {n}?",
                author=Author(id=f"a{n}", username=f"fan{n}"),
                hashtags=("AskBlueRoom",),
            ),
            at=T0 + n,
        )
        for n in range(5)
    ]
    room.apply(questions)
    board = room.questions.snapshot()
    assert board.received == 5 and board.count(QueueView.PENDING) == 5
    room.apply([QuestionStateChanged(tweet_id="3", state=QuestionState.APPROVED, at=T0 + 9)])
    assert [q.tweet_id for q in room.questions.snapshot().approved] == ["3"]


def test_a_disarmed_booth_ignores_touches_and_arming_opens_it() -> None:
    room = model()
    room.apply([SessionPlanned(plan=shipped("chef"), at=T0)])
    assert room.booth.latest().step is BoothStep.DISARMED
    room.apply([BoothTouched(action=BoothAction.START, at=T0 + 1)])
    state = room.booth.latest()
    assert state.step is BoothStep.DISARMED and state.ignored == 1
    assert room.booth.due(T0 + 3600) == ()  # it waits for its cue, no deadline
    room.apply([switched(RoomSwitch.BOOTH, True, T0 + 2)])
    assert room.booth.latest().step is BoothStep.ATTRACT


def test_disarming_never_cuts_a_guests_visit_short() -> None:
    room = model()
    room.apply([switched(RoomSwitch.BOOTH, True)])
    room.apply([BoothTouched(action=BoothAction.START, at=T0 + 1)])
    room.apply([BoothTouched(action=BoothAction.SHOOT, at=T0 + 2)])
    room.apply(room.booth.due(T0 + 5.1))  # the countdown's end: capture
    room.apply([PhotoCaptured(photo_id="p1", path="/tmp/p1.jpg", width=4, height=3, at=T0 + 6)])
    assert room.booth.latest().step is BoothStep.REVIEW
    room.apply([switched(RoomSwitch.BOOTH, False, T0 + 7)])  # the segment left
    assert room.booth.latest().step is BoothStep.REVIEW and not room.booth.latest().armed
    room.apply([BoothTouched(action=BoothAction.KEEP, at=T0 + 8)])
    assert room.booth.latest().step is BoothStep.SIGN
    # left alone: back towards attract, which is now the disarmed rest; the photo kept
    for minutes in range(1, 6):
        room.apply(room.booth.due(T0 + 60.0 * minutes + 10))
    assert room.booth.latest().step is BoothStep.DISARMED
    assert room.booth.photo("p1") is not None
    assert room.booth.photo("p1").fate is PhotoFate.LEFT  # type: ignore[union-attr]
    assert room.booth.posts_asked == []
