"""The run-of-show clock with a fake clock: moves, re-timing, resume, down time, cues."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import msgspec
import pytest

from blueroom.core.cues import CueActions
from blueroom.core.events import (
    CueSent,
    Event,
    HeatMapChanged,
    RoomSwitch,
    RoomSwitched,
    RunOfShowMoved,
    SessionPlanned,
    ShowAction,
    WallsHeld,
    decode_event,
    encode_event,
)
from blueroom.core.plan import Guest, Plan, PlanSegment, Words, plan_from_script, schedule
from blueroom.core.run_of_show import (
    FLOOR_SECONDS,
    RunOfShow,
    ShowState,
    clock_view,
    floor_of,
    forecast,
    retime,
)
from blueroom.core.script import load_script
from blueroom.paths import assets

T0 = 1_800_000_000.0  # a fixed wall-clock second
MIN = 60.0


class Room:
    """The run-of-show as the room runs it: every event journalled, then applied; the
    engine's clock asks ``due`` at each tick."""

    def __init__(self, cues: CueActions | None = None) -> None:
        self.cues = cues
        self.show = RunOfShow(cues)
        self.journal: list[Event] = []

    def publish(self, *events: Event) -> None:
        # through the wire, as the journal keeps them
        events = tuple(decode_event(encode_event(e)) for e in events)
        self.journal.extend(events)
        self.show.apply(events)

    def tick(self, now: float) -> Sequence[Event]:
        events = self.show.due(now)
        if events:
            self.publish(*events)
        return events

    def move(self, action: ShowAction, at: float, **fields: object) -> None:
        self.publish(RunOfShowMoved(action=action, at=at, **fields))  # type: ignore[arg-type]

    def resumed(self, journal: Sequence[Event] | None = None) -> Room:
        """A new room replaying this one's journal (a crash, then a restart)."""
        room = Room(self.cues)
        room.journal = list(journal if journal is not None else self.journal)
        room.show.apply(room.journal)
        return room

    @property
    def state(self) -> ShowState:
        return self.show.latest()


def segment(sid: str, minutes: float, trigger: str = "manual", **more: object) -> PlanSegment:
    words = Words(sid, sid)
    return PlanSegment(sid, words, words, words, minutes, trigger=trigger, **more)  # type: ignore[arg-type]


def hour(hard_end: float = 0.0) -> Plan:
    """60 minutes: a, b (follows), c, d (follows), e (the goodbye)."""
    return Plan(
        "test",
        Words("t", "t"),
        Guest("Léa Marchand", "@lea"),
        (
            segment("a", 10, wrap_up=2, danger=1, on_enter=("walls.release", "map.world")),
            segment("b", 10, "follow", wrap_up=2),
            segment("c", 20, wrap_up=4, on_enter=("qa.open",), on_leave=("qa.close",)),
            segment("d", 15, "follow", wrap_up=2, on_leave=("walls.hold",)),
            segment("e", 5, wrap_up=1),
        ),
        hard_end=hard_end,
    )


def planned_room(plan: Plan | None = None) -> Room:
    room = Room()
    room.publish(SessionPlanned(plan=plan or hour(T0 + 60 * MIN), at=T0 - 60))
    return room


def test_a_segment_counts_down_turns_amber_then_red_and_overruns() -> None:
    room = planned_room()
    room.move(ShowAction.START, T0)
    assert clock_view(room.state, T0 + 1).phase == "normal"
    assert clock_view(room.state, T0 + 1).remaining == 9 * MIN + 59
    assert clock_view(room.state, T0 + 8 * MIN + 1).phase == "wrap_up"
    assert clock_view(room.state, T0 + 9 * MIN + 1).phase == "danger"
    late = clock_view(room.state, T0 + 11 * MIN)
    assert late.phase == "over" and late.remaining == -MIN
    # b follows a: at a's end, b starts by itself, timed at a's end (not at the tick)
    room.tick(T0 + 11 * MIN)
    assert room.state.current == "b" and room.state.started_at == T0 + 10 * MIN


def test_follow_moves_after_down_time_each_at_its_own_time() -> None:
    room = planned_room(hour())
    room.move(ShowAction.START, T0)
    room.move(ShowAction.NEXT, T0 + 10 * MIN)  # b
    room.move(ShowAction.NEXT, T0 + 20 * MIN)  # c (manual)
    crashed = room.resumed()
    # down from 30 to 70 minutes in: c ends at 40, d follows until 55, e is manual
    moves = [e for e in crashed.tick(T0 + 70 * MIN) if isinstance(e, RunOfShowMoved)]
    assert [(m.action, m.at) for m in moves] == [(ShowAction.FOLLOW, T0 + 40 * MIN)]
    assert crashed.state.current == "d" and crashed.state.started_at == T0 + 40 * MIN
    view = clock_view(crashed.state, T0 + 70 * MIN)
    assert view.remaining == -15 * MIN  # time spent down counts as time passed
    assert crashed.tick(T0 + 70 * MIN) == ()  # handed out once


def test_resume_mid_segment_keeps_the_clocks_to_the_second() -> None:
    room = planned_room()
    room.move(ShowAction.START, T0)
    room.move(ShowAction.EXTEND, T0 + 3 * MIN, minutes=2)
    room.move(ShowAction.PAUSE, T0 + 4 * MIN)
    room.move(ShowAction.RESUME, T0 + 4 * MIN + 37)
    room.tick(T0 + 5 * MIN)
    later = T0 + 6 * MIN + 13.5
    before = clock_view(room.state, later)
    replayed = room.resumed()
    restored = Room()
    restored.show.restore(
        msgspec.msgpack.decode(msgspec.msgpack.encode(room.state), type=ShowState)
    )
    for other in (replayed, restored):
        after = clock_view(other.state, later)
        assert after.segment == before.segment
        assert after.remaining == before.remaining == (12 * MIN - (6 * MIN + 13.5 - 37))
        assert after.offset == before.offset and after.projected_end == before.projected_end


def test_pause_freezes_the_segment_and_moves_the_hour_later() -> None:
    room = planned_room()
    room.move(ShowAction.START, T0)
    room.move(ShowAction.PAUSE, T0 + 2 * MIN)
    frozen = clock_view(room.state, T0 + 5 * MIN)
    assert frozen.paused and frozen.remaining == 8 * MIN
    assert frozen.offset == 3 * MIN  # three minutes paused: three behind
    moves = [e for e in room.tick(T0 + 30 * MIN) if isinstance(e, RunOfShowMoved)]
    assert moves == []  # a paused segment never ends by itself
    room.move(ShowAction.RESUME, T0 + 5 * MIN)
    assert clock_view(room.state, T0 + 6 * MIN).remaining == 7 * MIN


def test_an_overrun_re_times_what_follows_and_keeps_the_hard_end() -> None:
    hard_end = T0 + 60 * MIN
    room = planned_room(hour(hard_end))
    room.move(ShowAction.START, T0)
    room.move(ShowAction.NEXT, T0 + 10 * MIN)
    room.move(ShowAction.NEXT, T0 + 20 * MIN)  # c: 20 minutes planned, overruns by 8
    now = T0 + 48 * MIN
    view = clock_view(room.state, now)
    assert view.offset == 8 * MIN and view.phase == "over"
    ahead = view.forecast
    assert ahead.late_by == 8 * MIN and ahead.end <= hard_end and ahead.over == 0
    d, e = ahead.items
    assert d.change == "shorten" and e.change != "drop"  # e is the goodbye: never dropped
    assert d.seconds + e.seconds == hard_end - now
    room.move(ShowAction.NEXT, now)  # d is entered with its re-timed duration
    assert room.state.allotted == d.seconds
    room.tick(now + d.seconds)  # e is manual: d overruns until someone moves
    room.move(ShowAction.NEXT, now + d.seconds)
    assert room.state.current == "e" and room.state.allotted == hard_end - (now + d.seconds)
    room.move(ShowAction.NEXT, hard_end)
    view = clock_view(room.state, hard_end)
    assert view.phase == "finished" and view.projected_end == hard_end
    record = {r.segment_id: r for r in room.state.records}
    assert record["c"].seconds == 28 * MIN and record["c"].planned_seconds == 20 * MIN
    assert record["d"].allotted_seconds < record["d"].planned_seconds


def test_far_too_late_suggests_drops_the_shortest_first_never_the_last() -> None:
    plan = hour()
    segments = plan.active[1:]  # b 10, c 20, d 15, e 5
    ahead = retime(segments, T0, T0 + 20 * MIN)
    changes = {i.segment_id: i.change for i in ahead.items}
    assert changes["e"] != "drop"
    assert changes["b"] == "drop"  # the shortest droppable (10) before d (15) and c (20)
    kept = [i for i in ahead.items if i.change != "drop"]
    assert sum(i.seconds for i in kept) <= 20 * MIN and ahead.over == 0
    assert all(i.seconds >= floor_of(i.planned_seconds) for i in kept)
    # an impossible end: everything droppable dropped, the rest at its floor, said late
    hopeless = retime(segments, T0, T0 + 30)
    assert [i.change for i in hopeless.items] == ["drop", "drop", "drop", "shorten"]
    assert hopeless.over == floor_of(5 * MIN) - 30 and floor_of(0.5 * MIN) == 0.5 * MIN
    assert floor_of(1.5 * MIN) == FLOOR_SECONDS
    # on time: nothing changes, and a late hour is never stretched
    assert all(i.change == "keep" for i in retime(segments, T0, T0 + 3 * 3600).items)


def test_skip_back_and_goto() -> None:
    room = planned_room()
    room.move(ShowAction.START, T0)
    room.move(ShowAction.SKIP, T0 + MIN)  # the next one: b
    room.move(ShowAction.NEXT, T0 + 2 * MIN)
    assert room.state.current == "c"
    room.move(ShowAction.BACK, T0 + 3 * MIN)
    assert room.state.current == "a" and clock_view(room.state, T0 + 3 * MIN).elapsed == 0
    # a move decided against a segment already left is ignored, and counted
    room.move(ShowAction.NEXT, T0 + 4 * MIN, from_segment="c")
    assert room.state.current == "a" and room.state.ignored == 1
    room.move(ShowAction.GOTO, T0 + 5 * MIN, segment_id="e")
    assert room.state.current == "e"
    record = {r.segment_id: r for r in room.state.records}
    assert record["b"].skipped and record["a"].visits == 2


def test_cues_are_sent_once_and_acted_on_or_counted() -> None:
    room = Room(CueActions(lambda: ("live", 300.0)))
    room.publish(SessionPlanned(plan=hour(), at=T0 - 60))
    room.move(ShowAction.START, T0)
    sent = room.tick(T0 + 0.2)
    cues = [e for e in sent if isinstance(e, CueSent)]
    assert [(c.cue, c.acted) for c in cues] == [("walls.release", True), ("map.world", True)]
    assert any(isinstance(e, WallsHeld) and not e.held for e in sent)
    heat = [e for e in sent if isinstance(e, HeatMapChanged)]
    assert heat[0].preset == "world" and heat[0].half_life == 300.0 and heat[0].at == T0
    assert room.tick(T0 + 0.4) == ()
    room.move(ShowAction.NEXT, T0 + MIN)
    room.move(ShowAction.NEXT, T0 + 2 * MIN)  # c: qa.open, a switch of the room
    sent = room.tick(T0 + 2 * MIN)
    cues = [e for e in sent if isinstance(e, CueSent)]
    assert [(c.cue, c.acted, c.how) for c in cues] == [("qa.open", True, "Q&A open")]
    switched = [e for e in sent if isinstance(e, RoomSwitched)]
    assert [(e.switch, e.on, e.actor, e.at) for e in switched] == [
        (RoomSwitch.QUESTIONS_OPEN, True, "cue", T0 + 2 * MIN)
    ]
    assert room.state.not_acted == () and room.state.cues_sent == 3
    # a cue the room cannot act on is still sent, and counted to be done by hand
    room.publish(
        SessionPlanned(
            plan=msgspec.structs.replace(
                hour(),
                segments=(*hour().segments[:3], segment("d", 15, on_enter=("map.guest-city",))),
            ),
            at=T0 + 3 * MIN,
        )
    )
    room.move(ShowAction.NEXT, T0 + 4 * MIN)
    cues = [e for e in room.tick(T0 + 4 * MIN) if isinstance(e, CueSent)]
    assert [(c.cue, c.acted) for c in cues] == [("qa.close", True), ("map.guest-city", False)]
    assert dict(room.state.not_acted) == {"map.guest-city": 1} and room.state.cues_sent == 5


def test_a_resume_never_sends_a_cue_twice_and_sends_an_owed_one_once() -> None:
    room = planned_room()
    room.move(ShowAction.START, T0)
    room.tick(T0 + 0.2)
    assert room.state.cues_sent == 2
    resumed = room.resumed()
    assert resumed.tick(T0 + 5) == () and resumed.state.cues_sent == 2
    # a crash after the move was journalled, before its cues were
    room.move(ShowAction.NEXT, T0 + MIN)
    room.move(ShowAction.NEXT, T0 + 2 * MIN)  # c: qa.open owed
    crashed = room.resumed()
    first = crashed.show.due(T0 + 2 * MIN + 1)
    assert [e.cue for e in first if isinstance(e, CueSent)] == ["qa.open"]
    assert crashed.show.due(T0 + 2 * MIN + 1.2) == ()  # handed out, not yet applied
    crashed.publish(*first)
    again = crashed.resumed()
    assert again.tick(T0 + 3 * MIN) == ()


def test_an_at_trigger_starts_its_segment_at_its_clock_time() -> None:
    from blueroom.core.plan import clock_time

    start = clock_time(18, 0, T0)
    plan = Plan(
        "t",
        Words("t", "t"),
        Guest(),
        (segment("a", 20), segment("b", 10, "at 18:30"), segment("c", 5)),
        starts_at=start,
    )
    room = planned_room(plan)
    room.move(ShowAction.START, start)
    room.tick(start + 25 * MIN)
    assert room.state.current == "a"  # b waits for 18:30
    room.tick(start + 31 * MIN)
    assert room.state.current == "b" and room.state.started_at == start + 30 * MIN
    slots = schedule(plan, start)
    assert [s.start - start for s in slots] == [0, 30 * MIN, 40 * MIN]


@pytest.mark.parametrize("name", ["musician-first-visit", "chief-executive", "chef"])
@pytest.mark.parametrize("level", ["first-timer", "regular", "expert"])
def test_each_shipped_script_plans_and_runs_start_to_end(name: str, level: str) -> None:
    script = load_script(assets().scripts / f"{name}.toml")
    plan = plan_from_script(script, Guest("Léa Marchand", "@lea", level=level), hard_end=T0 + 3600)
    room = Room(CueActions(lambda: ("live", 600.0)))
    room.publish(SessionPlanned(plan=plan, at=T0 - 60))
    assert [s.id for s in room.state.running()] == [
        s.id for s in script.for_level(plan.guest.level)
    ]  # type: ignore[arg-type]
    now = T0
    room.move(ShowAction.START, now)
    seen = []
    while not room.state.finished:
        seen.append(room.state.current)
        now += room.state.allotted  # each segment runs its time exactly
        room.tick(now)
        if room.state.current == seen[-1]:
            room.move(ShowAction.NEXT, now)  # a manual one: the staff move on
        room.tick(now + 0.2)
    assert seen == [s.id for s in plan.active]
    expected = sum(len(s.on_enter) + len(s.on_leave) for s in plan.active)
    assert room.state.cues_sent == expected and not room.state.owed
    view = clock_view(room.state, now)
    assert view.phase == "finished" and abs(view.offset) < 1e-6
    assert all(r.visits == 1 for r in room.state.records)
    assert forecast(room.state, now).items == ()


def test_the_plan_survives_the_wire_and_a_new_plan_keeps_the_running_segment() -> None:
    plan = plan_from_script(
        load_script(Path(assets().scripts / "chef.toml")), Guest("Ana Roš", level="regular")
    )
    event = SessionPlanned(plan=plan, at=T0)
    assert decode_event(encode_event(event)) == event
    room = planned_room(plan)
    room.move(ShowAction.START, T0)
    room.move(ShowAction.NEXT, T0 + MIN)
    current = room.state.current
    reordered = msgspec.structs.replace(
        plan, segments=(plan.segments[1], plan.segments[0], *plan.segments[2:])
    )
    room.publish(SessionPlanned(plan=reordered, at=T0 + 2 * MIN))
    assert room.state.current == current and room.state.started_at == T0 + MIN
