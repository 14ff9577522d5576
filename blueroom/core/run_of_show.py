"""The run-of-show clock: the plan's segments on the engine's clock.

The state (``ShowState``) changes only by journalled events (``SessionPlanned``,
``RunOfShowMoved``, ``CueSent``, and ``SessionStepChanged`` as a "go to"), and each
change takes its time from its event, never from when it was applied: a resumed
session is on the same segment with the same clocks, and time spent down counts as time
passed. What the screens show is a pure function of the state and a time
(``clock_view``), so the console computes it with its own clock at each paint.

The model is also a ``Timer``: at each tick it says which moves fell due (a ``follow``
segment when the previous ends, an ``at HH:MM`` one at its time; after a crash, every
move that fell due while the room was down, each at its own time) and sends each
segment's cues once, as ``CueSent`` with what the room does for them (``core/cues.py``).

Re-timing against the hard end (``retime``), a deterministic rule:

1. The segments still to come are placed one after the other from the projected end of
   the current one (a segment triggered ``at HH:MM`` not before its time). If they end
   by the hard end (or there is none), nothing changes: a late hour is never stretched.
2. Otherwise they are cut. Only the segments from the last one that waits for its clock
   time onwards can be cut (cutting before a wait only lengthens the wait); if none
   waits, all of them. Each can be cut down to its floor: half its planned time, but
   never under a minute (nor over its planned time).
3. If even their floors do not fit, segments are suggested for dropping, one at a
   time, until the floors fit: the shortest first (the least of the plan lost), the
   later one of two as short; never the hour's last segment (the goodbye).
4. The time still to cut is taken from the kept segments in proportion to what each
   can lose (planned minus floor), each rounded down to 30 seconds, never under its
   floor. Whatever still does not fit is said (``over``): the hour will end late.

A segment is given its re-timed duration when it is entered (so the re-timing is
applied by itself); a drop is only suggested: the staff skip it, or run it at its floor.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Final, Literal

import msgspec

from blueroom.core.cues import CueActions
from blueroom.core.events import (
    CueSent,
    Event,
    RunOfShowMoved,
    SessionPlanned,
    SessionStepChanged,
    ShowAction,
)
from blueroom.core.plan import Plan, PlanSegment, clock_time, schedule

FLOOR_SHARE: Final = 0.5  # a segment is cut to half its time at most...
FLOOR_SECONDS: Final = 60.0  # ...and never under a minute
ROUND_SECONDS: Final = 30.0
RECENT_CUES: Final = 8
# The hour's first segment starts by itself at its clock time, or within this after it
# (a room down over that time); an older time is this morning's, not a cue.
FIRST_AT_GRACE: Final = 15 * 60.0

Phase = Literal["waiting", "normal", "wrap_up", "danger", "over", "finished"]
Change = Literal["keep", "shorten", "drop"]


class SegmentRecord(msgspec.Struct, frozen=True, gc=False):
    """Planned against actual, per segment, for the report."""

    segment_id: str
    planned_start: float = 0.0  # in the plan's schedule from the hour's start
    planned_seconds: float = 0.0
    allotted_seconds: float = 0.0  # what it was given when last entered (re-timed, extended)
    started_at: float = 0.0  # first entered (0: never)
    ended_at: float = 0.0  # last left
    seconds: float = 0.0  # on its clock, pauses excluded, every visit
    paused_seconds: float = 0.0
    extended_seconds: float = 0.0
    visits: int = 0
    skipped: bool = False


class OwedCue(msgspec.Struct, frozen=True, gc=False):
    move: int
    cue: str
    segment_id: str
    entering: bool
    at: float  # when its segment was entered or left


class CueNote(msgspec.Struct, frozen=True, gc=False):
    cue: str
    segment_id: str
    entering: bool
    acted: bool
    how: str
    at: float


class ShowState(msgspec.Struct, frozen=True, gc=False):
    plan: Plan | None = None
    plans: int = 0  # plans applied so far
    current: str = ""  # the current segment's id ("": not begun, or finished)
    started_at: float = 0.0  # when the current segment was entered
    allotted: float = 0.0  # its seconds: re-timed when entered, plus extensions
    extended: float = 0.0
    paused_at: float = 0.0  # 0: running
    paused: float = 0.0  # seconds paused in the current segment (pauses ended)
    began_at: float = 0.0  # the hour's start (0: not begun)
    ended_at: float = 0.0  # the hour's end (the last segment left)
    skipped: tuple[str, ...] = ()  # skipped on the day
    move: int = 0  # moves applied (each entering or leaving)
    records: tuple[SegmentRecord, ...] = ()
    owed: tuple[OwedCue, ...] = ()  # cues of moves applied, not yet sent
    cues_sent: int = 0
    not_acted: tuple[tuple[str, int], ...] = ()  # cue → times the room could not act
    recent_cues: tuple[CueNote, ...] = ()
    ignored: int = 0  # moves decided against a segment already left
    version: int = 0

    @property
    def begun(self) -> bool:
        return self.began_at > 0.0

    @property
    def finished(self) -> bool:
        return self.ended_at > 0.0

    def running(self) -> tuple[PlanSegment, ...]:
        """The segments that run today: the plan's, without those skipped."""
        if self.plan is None:
            return ()
        return tuple(s for s in self.plan.active if s.id not in self.skipped)

    def segment(self, segment_id: str) -> PlanSegment | None:
        if self.plan is None or not segment_id:
            return None
        index = self.plan.index_of(segment_id)
        return None if index is None else self.plan.segments[index]

    def record(self, segment_id: str) -> SegmentRecord | None:
        for record in self.records:
            if record.segment_id == segment_id:
                return record
        return None

    def elapsed(self, now: float) -> float:
        """Seconds on the current segment's clock (pauses excluded)."""
        if not self.current:
            return 0.0
        until = self.paused_at or now
        return max(0.0, until - self.started_at - self.paused)

    def remaining(self, now: float) -> float:
        return self.allotted - self.elapsed(now) if self.current else 0.0

    def current_end(self, now: float) -> float:
        """When the current segment will end: as planned, or now if it overruns (or,
        paused, its time left from now)."""
        if not self.current:
            return now
        return now + max(0.0, self.remaining(now))

    def baseline(self, now: float) -> float:
        """Where the plan's schedule starts: its planned start, else the hour's start,
        else now (not begun)."""
        if self.plan is not None and self.plan.starts_at:
            return self.plan.starts_at
        return self.began_at or now


# -- re-timing ---------------------------------------------------------------------------


class ForecastItem(msgspec.Struct, frozen=True, gc=False):
    segment_id: str
    start: float
    seconds: float  # as re-timed (a dropped one: its floor, if it ran after all)
    planned_seconds: float
    change: Change = "keep"


class Forecast(msgspec.Struct, frozen=True, gc=False):
    items: tuple[ForecastItem, ...]
    end: float  # with the cuts and the drops
    late_by: float = 0.0  # past the hard end before re-timing
    over: float = 0.0  # still past the hard end after re-timing

    def item(self, segment_id: str) -> ForecastItem | None:
        for item in self.items:
            if item.segment_id == segment_id:
                return item
        return None

    @property
    def changes(self) -> tuple[ForecastItem, ...]:
        return tuple(i for i in self.items if i.change != "keep")


def floor_of(seconds: float) -> float:
    return min(seconds, max(FLOOR_SECONDS, seconds * FLOOR_SHARE))


def _place(
    segments: Sequence[PlanSegment], durations: Sequence[float], start: float, anchor: float
) -> list[float]:
    """Each segment's start, one after the other from ``start`` (a duration of -1: left
    out); an ``at`` segment not before its clock time (on ``anchor``'s day)."""
    starts: list[float] = []
    clock = start
    for segment, seconds in zip(segments, durations, strict=True):
        at = segment.at
        if at is not None and seconds >= 0:
            clock = max(clock, clock_time(at[0], at[1], anchor))
        starts.append(clock)
        clock += max(0.0, seconds)
    return starts


def retime(
    segments: Sequence[PlanSegment],
    start: float,
    hard_end: float,
    *,
    last_id: str = "",
    anchor: float | None = None,
) -> Forecast:
    """The segments to come from ``start``, re-timed against ``hard_end`` (0: none) by the
    rule in the module's docstring; ``last_id`` is the hour's last segment (never
    dropped; default: the last of ``segments``)."""
    anchor = start if anchor is None else anchor
    planned = [s.seconds for s in segments]
    starts = _place(segments, planned, start, anchor)
    end = starts[-1] + planned[-1] if segments else start
    if not segments or not hard_end or end <= hard_end:
        items = tuple(
            ForecastItem(s.id, at, p, p) for s, at, p in zip(segments, starts, planned, strict=True)
        )
        return Forecast(items, end)
    late_by = end - hard_end
    last_id = last_id or segments[-1].id
    first_cut = 0
    clock = start
    for index, at in enumerate(starts):
        if at > clock + 1e-6:
            first_cut = index  # it waits for its clock time: cut from here on
        clock = at + planned[index]
    cuttable = list(range(first_cut, len(segments)))
    fixed_start = starts[first_cut]
    available = max(0.0, hard_end - fixed_start)
    floors = [floor_of(p) for p in planned]
    dropped: set[int] = set()
    kept = list(cuttable)
    while sum(floors[i] for i in kept) > available:
        droppable = [i for i in kept if segments[i].id != last_id]
        if not droppable:
            break
        victim = min(droppable, key=lambda i: (planned[i], -i))
        kept.remove(victim)
        dropped.add(victim)
    durations = list(planned)
    to_cut = sum(planned[i] for i in kept) - available
    slack = sum(planned[i] - floors[i] for i in kept)
    if to_cut > 0 and slack > 0:
        share = min(1.0, to_cut / slack)
        for i in kept:
            cut = planned[i] - (planned[i] - floors[i]) * share
            rounded = math.floor(cut / ROUND_SECONDS + 1e-9) * ROUND_SECONDS
            durations[i] = max(floors[i], rounded)
    placed = [-1.0 if i in dropped else d for i, d in enumerate(durations)]
    starts = _place(segments, placed, start, anchor)
    end = start
    for at, seconds in zip(starts, placed, strict=True):
        if seconds >= 0:
            end = at + seconds
    placed_items: list[ForecastItem] = []
    for i, segment in enumerate(segments):
        if i in dropped:
            change: Change = "drop"
            seconds = floors[i]
        else:
            seconds = durations[i]
            change = "shorten" if seconds < planned[i] - 0.5 else "keep"
        placed_items.append(ForecastItem(segment.id, starts[i], seconds, planned[i], change))
    return Forecast(tuple(placed_items), end, late_by, max(0.0, end - hard_end))


def forecast(state: ShowState, now: float) -> Forecast:
    """The rest of the hour from ``now``: the segments after the current one."""
    running = state.running()
    if state.plan is None or state.finished or not running:
        return Forecast((), state.ended_at or now)
    ids = [s.id for s in running]
    if state.current and state.current in ids:
        following = running[ids.index(state.current) + 1 :]
        start = state.current_end(now)
    else:
        following = running
        start = max(now, state.plan.starts_at)
    if not following:
        hard_end = state.plan.hard_end
        return Forecast((), start, over=max(0.0, start - hard_end) if hard_end else 0.0)
    return retime(
        following, start, state.plan.hard_end, last_id=running[-1].id, anchor=state.baseline(now)
    )


# -- what the screens show ---------------------------------------------------------------


class ClockView(msgspec.Struct, frozen=True, gc=False):
    phase: Phase
    paused: bool
    segment: PlanSegment | None  # the current one
    next: PlanSegment | None  # the one after it (or the first, not begun)
    elapsed: float
    remaining: float  # negative: overrunning
    allotted: float
    offset: float  # seconds behind the plan (negative: ahead)
    planned_end: float  # the plan's end
    projected_end: float
    hard_end: float
    forecast: Forecast
    position: int  # the current segment's place in today's running order (-1: none)
    count: int  # segments running today


def planned_slots(state: ShowState, now: float) -> dict[str, tuple[float, float]]:
    """segment id → (planned start, planned seconds) in the plan's schedule."""
    if state.plan is None:
        return {}
    return {
        slot.segment.id: (slot.start, slot.seconds)
        for slot in schedule(state.plan, state.baseline(now))
    }


def clock_view(state: ShowState, now: float) -> ClockView:
    """Everything the clock shows at ``now``: a pure function of the state."""
    running = state.running()
    ids = [s.id for s in running]
    slots = planned_slots(state, now)
    planned_end = max((start + seconds for start, seconds in slots.values()), default=now)
    hard_end = state.plan.hard_end if state.plan is not None else 0.0
    ahead = forecast(state, now)
    segment = state.segment(state.current)
    position = ids.index(state.current) if state.current in ids else -1
    following = running[position + 1] if position + 1 < len(running) else None
    if state.finished:
        last = slots.get(ids[-1]) if ids else None
        offset = state.ended_at - (last[0] + last[1]) if last else 0.0
        return ClockView(
            "finished", False, None, None, 0.0, 0.0, 0.0, offset, planned_end,
            state.ended_at, hard_end, ahead, -1, len(running),
        )  # fmt: skip
    if segment is None:
        starts_at = state.plan.starts_at if state.plan is not None else 0.0
        offset = max(0.0, now - starts_at) if starts_at else 0.0
        return ClockView(
            "waiting", False, None, running[0] if running else None, 0.0, 0.0, 0.0, offset,
            planned_end, ahead.end, hard_end, ahead, -1, len(running),
        )  # fmt: skip
    remaining = state.remaining(now)
    if remaining < 0:
        phase: Phase = "over"
    elif remaining <= segment.danger * 60.0 and segment.danger > 0:
        phase = "danger"
    elif remaining <= segment.wrap_up * 60.0:
        phase = "wrap_up"
    else:
        phase = "normal"
    slot = slots.get(state.current)
    offset = state.current_end(now) - (slot[0] + slot[1]) if slot else 0.0
    return ClockView(
        phase, bool(state.paused_at), segment, following, state.elapsed(now), remaining,
        state.allotted, offset, planned_end, ahead.end if ahead.items else state.current_end(now),
        hard_end, ahead, position, len(running),
    )  # fmt: skip


# -- moving ----------------------------------------------------------------------------


def _replace_record(state: ShowState, record: SegmentRecord) -> tuple[SegmentRecord, ...]:
    records = [r for r in state.records if r.segment_id != record.segment_id]
    records.append(record)
    order = {s.id: i for i, s in enumerate(state.plan.segments)} if state.plan else {}
    return tuple(sorted(records, key=lambda r: order.get(r.segment_id, len(order))))


def _records_for_plan(state: ShowState, at: float) -> tuple[SegmentRecord, ...]:
    """A record per planned segment, planned times from the schedule; actuals kept."""
    if state.plan is None:
        return ()
    baseline = state.baseline(at)
    records = []
    for slot in schedule(state.plan, baseline):
        known = state.record(slot.segment.id) or SegmentRecord(slot.segment.id)
        records.append(
            msgspec.structs.replace(
                known, planned_start=slot.start - baseline, planned_seconds=slot.seconds
            )
        )
    ids = {r.segment_id for r in records}
    records += [r for r in state.records if r.segment_id not in ids and r.visits]
    return tuple(records)


def _leave(state: ShowState, at: float) -> ShowState:
    if not state.current:
        return state
    paused = state.paused + (max(0.0, at - state.paused_at) if state.paused_at else 0.0)
    segment = state.segment(state.current)
    record = state.record(state.current) or SegmentRecord(state.current)
    record = msgspec.structs.replace(
        record,
        ended_at=at,
        seconds=record.seconds + max(0.0, at - state.started_at - paused),
        paused_seconds=record.paused_seconds + paused,
        extended_seconds=record.extended_seconds + state.extended,
    )
    move = state.move + 1
    owed = state.owed + tuple(
        OwedCue(move, cue, state.current, False, at)
        for cue in (segment.on_leave if segment is not None else ())
    )
    return msgspec.structs.replace(
        state,
        current="",
        started_at=0.0,
        allotted=0.0,
        extended=0.0,
        paused_at=0.0,
        paused=0.0,
        move=move,
        records=_replace_record(state, record),
        owed=owed,
    )


def _enter(state: ShowState, segment_id: str, at: float) -> ShowState:
    segment = state.segment(segment_id)
    plan = state.plan
    if segment is None or plan is None:
        return state
    begun = state.began_at or at
    state = msgspec.structs.replace(state, began_at=begun, ended_at=0.0)
    if not state.records:
        state = msgspec.structs.replace(state, records=_records_for_plan(state, at))
    running = state.running()
    ids = [s.id for s in running]
    allotted = segment.seconds
    if segment_id in ids:
        rest = running[ids.index(segment_id) :]
        item = retime(
            rest, at, plan.hard_end, last_id=running[-1].id, anchor=state.baseline(at)
        ).item(segment_id)
        if item is not None:
            allotted = item.seconds
    record = state.record(segment_id) or SegmentRecord(segment_id, planned_seconds=segment.seconds)
    record = msgspec.structs.replace(
        record,
        started_at=record.started_at or at,
        visits=record.visits + 1,
        allotted_seconds=allotted,
        skipped=False,
    )
    move = state.move + 1
    owed = state.owed + tuple(OwedCue(move, cue, segment_id, True, at) for cue in segment.on_enter)
    return msgspec.structs.replace(
        state,
        current=segment_id,
        started_at=at,
        allotted=allotted,
        extended=0.0,
        paused_at=0.0,
        paused=0.0,
        move=move,
        records=_replace_record(state, record),
        owed=owed,
        skipped=tuple(s for s in state.skipped if s != segment_id),
    )


def _go(state: ShowState, segment_id: str, at: float) -> ShowState:
    """Leave the current segment and enter ``segment_id`` ("": the hour is over)."""
    state = _leave(state, at)
    if not segment_id:
        return msgspec.structs.replace(state, ended_at=at) if state.begun else state
    return _enter(state, segment_id, at)


def _neighbour(state: ShowState, step: int) -> str | None:
    """The running segment ``step`` places from the current ("" past the end; None: none)."""
    ids = [s.id for s in state.running()]
    if not ids:
        return None
    if not state.current or state.current not in ids:
        if state.finished and step < 0:
            last = [r.segment_id for r in state.records if r.visits and r.segment_id in ids]
            return last[-1] if last else ids[-1]
        return ids[0] if step > 0 else None
    index = ids.index(state.current) + step
    if index >= len(ids):
        return ""
    return ids[index] if index >= 0 else None


def _ignored(state: ShowState) -> ShowState:
    return msgspec.structs.replace(state, ignored=state.ignored + 1)


def moved(state: ShowState, event: RunOfShowMoved) -> ShowState:
    """The state after a move (the same state, counted, for a move that does not apply)."""
    action, at = event.action, event.at
    if state.plan is None:
        return _ignored(state)
    if event.move >= 0 and event.move != state.move:
        return state  # the clock's own move, overtaken by a person's: not counted
    if event.from_segment and event.from_segment != state.current:
        return _ignored(state)
    if action in (ShowAction.NEXT, ShowAction.FOLLOW, ShowAction.AT) or (
        action is ShowAction.START and not state.current and not state.finished
    ):
        if state.finished:
            return _ignored(state)
        target = _neighbour(state, 1)
        return _ignored(state) if target is None else _go(state, target, at)
    if action is ShowAction.BACK:
        target = _neighbour(state, -1)
        return _ignored(state) if not target else _go(state, target, at)
    if action is ShowAction.GOTO:
        segment = state.segment(event.segment_id)
        if segment is None or segment.skipped or event.segment_id == state.current:
            return _ignored(state)
        return _go(state, event.segment_id, at)
    if action is ShowAction.SKIP:
        target = event.segment_id or _neighbour(state, 1) or ""
        running = [s.id for s in state.running()]
        if not target or target == state.current or target not in running:
            return _ignored(state)
        record = state.record(target) or SegmentRecord(target)
        return msgspec.structs.replace(
            state,
            skipped=(*state.skipped, target),
            records=_replace_record(state, msgspec.structs.replace(record, skipped=True)),
        )
    if not state.current:
        return _ignored(state)
    if action is ShowAction.EXTEND and event.minutes > 0:
        seconds = event.minutes * 60.0
        return msgspec.structs.replace(
            state, allotted=state.allotted + seconds, extended=state.extended + seconds
        )
    if action is ShowAction.PAUSE and not state.paused_at:
        return msgspec.structs.replace(state, paused_at=max(at, state.started_at))
    if action in (ShowAction.RESUME, ShowAction.START) and state.paused_at:
        return msgspec.structs.replace(
            state, paused=state.paused + max(0.0, at - state.paused_at), paused_at=0.0
        )
    return _ignored(state)


def planned(state: ShowState, event: SessionPlanned) -> ShowState:
    """A new plan. The current segment keeps its clock if it is still planned; if it was
    taken out, it is left and the next one by position is entered."""
    old_running = [s.id for s in state.running()]
    state = msgspec.structs.replace(state, plan=event.plan, plans=state.plans + 1)
    state = msgspec.structs.replace(
        state,
        skipped=tuple(s for s in state.skipped if event.plan.index_of(s) is not None),
        records=_records_for_plan(state, event.at) if state.begun else state.records,
    )
    current = state.segment(state.current)
    if state.current and (current is None or current.skipped):
        new_running = [s.id for s in state.running()]
        after = old_running[old_running.index(state.current) + 1 :]
        target = next((i for i in after if i in new_running), "")
        return _go(state, target, event.at)
    return state


def auto_move(state: ShowState, now: float) -> RunOfShowMoved | None:
    """The clock's own move due at ``now`` (None: none): the next segment follows the
    current one's end, or its clock time came. Timed at the moment it fell due."""
    if state.plan is None or state.finished or state.paused_at:
        return None
    running = state.running()
    if not running:
        return None
    if not state.current:
        at = running[0].at
        if at is None:
            return None
        when = clock_time(at[0], at[1], state.plan.starts_at or now)
        if when <= now < when + FIRST_AT_GRACE:
            return RunOfShowMoved(action=ShowAction.AT, move=state.move, actor="clock", at=when)
        return None
    ids = [s.id for s in running]
    if state.current not in ids:
        return None
    index = ids.index(state.current)
    if index + 1 >= len(running):
        return None
    following = running[index + 1]
    end = state.started_at + state.paused + state.allotted
    if following.trigger_kind == "follow" and end <= now:
        return RunOfShowMoved(action=ShowAction.FOLLOW, move=state.move, actor="clock", at=end)
    at = following.at
    if at is not None:
        when = clock_time(at[0], at[1], state.began_at)
        if state.started_at < when <= now:
            return RunOfShowMoved(action=ShowAction.AT, move=state.move, actor="clock", at=when)
    return None


def _cue_sent(state: ShowState, event: CueSent) -> ShowState:
    owed = tuple(
        o
        for o in state.owed
        if not (o.move == event.move and o.cue == event.cue and o.entering == event.entering)
    )
    not_acted = dict(state.not_acted)
    if not event.acted:
        not_acted[event.cue] = not_acted.get(event.cue, 0) + 1
    note = CueNote(event.cue, event.segment_id, event.entering, event.acted, event.how, event.at)
    return msgspec.structs.replace(
        state,
        owed=owed,
        cues_sent=state.cues_sent + 1,
        not_acted=tuple(sorted(not_acted.items())),
        recent_cues=(*state.recent_cues, note)[-RECENT_CUES:],
    )


def applied(state: ShowState, event: Event) -> ShowState:
    """The state after one event (itself for an event it does not read)."""
    if isinstance(event, RunOfShowMoved):
        return moved(state, event)
    if isinstance(event, SessionPlanned):
        return planned(state, event)
    if isinstance(event, CueSent):
        return _cue_sent(state, event)
    if isinstance(event, SessionStepChanged) and state.plan is not None:
        if event.step_id == state.current:
            return state
        return moved(
            state,
            RunOfShowMoved(
                action=ShowAction.GOTO, segment_id=event.step_id, actor=event.actor, at=event.at
            ),
        )
    return state


class RunOfShow:
    """The clock's model: applies events on the model worker, answers the clock's ``due``.

    ``latest()`` is one immutable state, replaced whole at each change: views read it
    without a lock and compute what they show with ``clock_view(state, now)``.
    """

    def __init__(self, cues: CueActions | None = None, plan: Plan | None = None) -> None:
        """``plan``: the one to run until a ``SessionPlanned`` says otherwise."""
        self._cues = cues or CueActions()
        self._state = ShowState(plan=plan)
        self._lock = threading.Lock()
        self._moves_offered = -1  # the move the clock's own moves were handed out from
        self._cues_offered: set[tuple[int, str, bool]] = set()

    def latest(self) -> ShowState:
        return self._state

    def apply(self, events: Iterable[Event]) -> None:
        state = self._state
        for event in events:
            state = applied(state, event)
        if state is not self._state:
            with self._lock:
                self._state = msgspec.structs.replace(state, version=self._state.version + 1)

    def due(self, now: float) -> Sequence[Event]:
        """The moves that fell due by ``now``, each at its own time, and the cues owed
        (each with what the room does for it), handed out once."""
        state = self._state
        if state.plan is None:
            return ()
        events: list[Event] = []
        if state.move != self._moves_offered:
            scratch = state
            for _ in range(len(state.running()) + 1):
                move = auto_move(scratch, now)
                if move is None:
                    break
                events.append(move)
                scratch = moved(scratch, move)
            if events:
                self._moves_offered = state.move
                state = scratch
        for owed in state.owed:
            key = (owed.move, owed.cue, owed.entering)
            if key in self._cues_offered:
                continue
            self._cues_offered.add(key)
            outcome = self._cues.act(owed.cue, state.plan, owed.at)
            events.append(
                CueSent(
                    cue=owed.cue,
                    segment_id=owed.segment_id,
                    entering=owed.entering,
                    move=owed.move,
                    acted=outcome.acted,
                    how=outcome.how,
                    at=owed.at,
                )
            )
            events.extend(outcome.events)
        return tuple(events)

    def capture(self, locked: bool = True) -> Callable[[], ShowState]:
        state = self._state
        return lambda: state

    def restore(self, state: ShowState) -> None:
        with self._lock:
            self._state = state
            self._moves_offered = -1
            self._cues_offered = set()
