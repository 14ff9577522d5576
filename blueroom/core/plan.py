"""The session's plan: who the guest is, the script, and how it was adapted for them.

A plan is built from a script (``core/script.py``) for the guest's level, then adapted on
the console: segments reordered, skipped, added, their minutes changed; a hard end (the
guest's departure). It is journalled whole (``SessionPlanned``) so that a resumed session
runs the plan it had, whatever happened to the script's file since; the session's steps
(``core/session.py``) and the run-of-show clock (``core/run_of_show.py``) both read it.

Every edit is a pure function returning a new ``Plan``: the planning dialog keeps one and
shows it as a timeline of the hour (``schedule``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, Literal

import msgspec

if TYPE_CHECKING:  # events.py carries plans: this module imports no other of ours
    from blueroom.core.script import Script, Segment
    from blueroom.core.session import Step

MAX_ADDED_MINUTES: Final = 180.0
ADDED_PREFIX: Final = "added-"
PLACEHOLDERS: Final = ("first_name", "guest", "hashtag")  # as core/script.py's
TriggerKind = Literal["manual", "follow", "at"]


class Words(msgspec.Struct, frozen=True, gc=False):
    """The same words in French and English."""

    fr: str
    en: str

    def say(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class Guest(msgspec.Struct, frozen=True, gc=False):
    name: str = ""
    handle: str = ""  # "@leamarchand"
    level: str = "first-timer"  # core/script.py's Level
    language: str = "fr"  # the guest's texts
    interests: tuple[str, ...] = ()
    city: str = ""  # the guest's home town, for the map's "guest-city" cue

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else ""


class PlanSegment(msgspec.Struct, frozen=True, gc=False):
    """A segment as planned for this guest (a copy of the script's, adapted)."""

    id: str
    title: Words
    text: Words
    label: Words
    minutes: float
    wrap_up: float = 1.0  # minutes left when it turns amber
    danger: float = 0.0  # minutes left when it turns red (0: at its end)
    trigger: str = "manual"  # "manual", "follow" or "at HH:MM"
    shows: str = "card"  # core/script.py's Shows
    on_enter: tuple[str, ...] = ()
    on_leave: tuple[str, ...] = ()
    notes: str = ""
    skipped: bool = False  # left out for this guest (kept in the plan, greyed)
    added: bool = False  # added on the console, not in the script

    @property
    def trigger_kind(self) -> TriggerKind:
        if self.trigger.startswith("at "):
            return "at"
        return "follow" if self.trigger == "follow" else "manual"

    @property
    def at(self) -> tuple[int, int] | None:
        """(hour, minute) of an ``at HH:MM`` trigger."""
        if not self.trigger.startswith("at "):
            return None
        hours, _, minutes = self.trigger[3:].partition(":")
        return int(hours), int(minutes)

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0


class Plan(msgspec.Struct, frozen=True, gc=False):
    script_id: str
    script_title: Words
    guest: Guest
    segments: tuple[PlanSegment, ...]
    hard_end: float = 0.0  # wall-clock seconds the guest leaves (0: none set)
    starts_at: float = 0.0  # when the hour is planned to start (0: when it is started)
    hashtag: str = ""

    @property
    def active(self) -> tuple[PlanSegment, ...]:
        """The segments that will run (not skipped)."""
        return tuple(s for s in self.segments if not s.skipped)

    def index_of(self, segment_id: str) -> int | None:
        for index, segment in enumerate(self.segments):
            if segment.id == segment_id:
                return index
        return None

    def minutes(self) -> float:
        return sum(s.minutes for s in self.active)

    def say(self, words: Words, language: str | None = None) -> str:
        """``words`` in ``language`` (default: the guest's), the guest's names filled in."""
        fill = {
            "first_name": self.guest.first_name,
            "guest": self.guest.name,
            "hashtag": self.hashtag,
        }
        return _fill(words.say(language or self.guest.language), fill)

    def steps(self, language: str | None = None) -> tuple[Step, ...]:
        """The active segments as the session's steps, in ``language`` (default: the
        guest's), with the guest's names filled in."""
        from blueroom.core.session import Step

        language = language or self.guest.language
        fill = {
            "first_name": self.guest.first_name,
            "guest": self.guest.name,
            "hashtag": self.hashtag,
        }
        return tuple(
            Step(
                s.id,
                _fill(s.title.say(language), fill),
                _fill(s.text.say(language), fill),
                max(1, round(s.minutes)),
                label=_fill(s.label.say(language), fill),
                shows=s.shows,
            )
            for s in self.active
        )


def _fill(text: str, names: dict[str, str]) -> str:
    try:
        return text.format(**{name: names.get(name, "") for name in PLACEHOLDERS})
    except (KeyError, IndexError, ValueError):
        return text  # an added segment's text is typed on the console: shown as typed


# -- building ------------------------------------------------------------------------------


def _segment(segment: Segment) -> PlanSegment:
    trigger = segment.trigger
    if trigger.at is not None:
        said = f"at {trigger.at[0]:02d}:{trigger.at[1]:02d}"
    else:
        said = trigger.kind.value
    return PlanSegment(
        id=segment.id,
        title=Words(segment.title.fr, segment.title.en),
        text=Words(segment.text.fr, segment.text.en),
        label=Words(segment.label.fr, segment.label.en),
        minutes=segment.minutes,
        wrap_up=segment.wrap_up,
        danger=segment.danger,
        trigger=said,
        shows=segment.shows.value,
        on_enter=segment.on_enter,
        on_leave=segment.on_leave,
        notes=segment.notes,
    )


def plan_from_script(
    script: Script,
    guest: Guest,
    *,
    hashtag: str = "",
    hard_end: float = 0.0,
    starts_at: float = 0.0,
) -> Plan:
    """The script's segments for the guest's level, as planned before any adaptation."""
    from blueroom.core.script import Level

    level = Level(guest.level)
    return Plan(
        script_id=script.id,
        script_title=Words(script.title.fr, script.title.en),
        guest=guest,
        segments=tuple(_segment(s) for s in script.for_level(level)),
        hard_end=hard_end,
        starts_at=starts_at,
        hashtag=hashtag,
    )


def plan_from_steps(steps: Sequence[Step], guest: Guest, *, hashtag: str = "") -> Plan:
    """A plan of the built-in steps (no script file): the same words in both languages,
    each started by hand."""
    return Plan(
        script_id="built-in",
        script_title=Words("L'heure Blue Room", "The Blue Room hour"),
        guest=guest,
        segments=tuple(
            PlanSegment(
                id=step.id,
                title=Words(step.title, step.title),
                text=Words(step.guidance, step.guidance),
                label=Words(step.short, step.short),
                minutes=float(step.minutes),
                wrap_up=min(2.0, step.minutes / 5),
                shows=step.shows,
            )
            for step in steps
        ),
        hashtag=hashtag,
    )


# -- adapting (pure: each returns a new plan) -------------------------------------------------


def moved(plan: Plan, segment_id: str, delta: int) -> Plan:
    """``segment_id`` moved ``delta`` places (clamped); the first segment never follows."""
    index = plan.index_of(segment_id)
    if index is None:
        return plan
    segments = list(plan.segments)
    target = max(0, min(len(segments) - 1, index + delta))
    segments.insert(target, segments.pop(index))
    return _first_not_following(msgspec.structs.replace(plan, segments=tuple(segments)))


def skipped(plan: Plan, segment_id: str, skip: bool = True) -> Plan:
    index = plan.index_of(segment_id)
    if index is None:
        return plan
    if skip and len(plan.active) <= 1 and not plan.segments[index].skipped:
        return plan  # an hour keeps at least one segment
    return _replaced(plan, index, skipped=skip)


def with_minutes(plan: Plan, segment_id: str, minutes: float) -> Plan:
    """A new duration; the wrap-up and danger thresholds stay below it."""
    index = plan.index_of(segment_id)
    if index is None or not (0 < minutes <= MAX_ADDED_MINUTES):
        return plan
    segment = plan.segments[index]
    wrap_up = min(segment.wrap_up, minutes / 2)
    return _replaced(
        plan, index, minutes=minutes, wrap_up=wrap_up, danger=min(segment.danger, wrap_up)
    )


def added(plan: Plan, after_id: str | None, title: str, minutes: float, notes: str = "") -> Plan:
    """A segment of the staff's own after ``after_id`` (None: at the end), started by
    hand, shown to the guest as a card with its title."""
    title = " ".join(title.split())
    if not title or not (0 < minutes <= MAX_ADDED_MINUTES):
        return plan
    taken = {s.id for s in plan.segments}
    number = 1
    while f"{ADDED_PREFIX}{number}" in taken:
        number += 1
    words = Words(title, title)
    segment = PlanSegment(
        id=f"{ADDED_PREFIX}{number}",
        title=words,
        text=words,
        label=words,
        minutes=minutes,
        wrap_up=min(1.0, minutes / 2),
        notes=notes,
        added=True,
    )
    segments = list(plan.segments)
    index = plan.index_of(after_id) if after_id is not None else None
    segments.insert(len(segments) if index is None else index + 1, segment)
    return msgspec.structs.replace(plan, segments=tuple(segments))


def removed(plan: Plan, segment_id: str) -> Plan:
    """Only a segment added on the console is removed; a script's is skipped instead."""
    index = plan.index_of(segment_id)
    if index is None or not plan.segments[index].added or len(plan.active) <= 1:
        return plan
    segments = plan.segments[:index] + plan.segments[index + 1 :]
    return _first_not_following(msgspec.structs.replace(plan, segments=segments))


def _replaced(plan: Plan, index: int, **changes: object) -> Plan:
    segments = list(plan.segments)
    segments[index] = msgspec.structs.replace(segments[index], **changes)
    return _first_not_following(msgspec.structs.replace(plan, segments=tuple(segments)))


def _first_not_following(plan: Plan) -> Plan:
    """The hour's first segment cannot follow anything: it starts by hand."""
    active = plan.active
    if not active or active[0].trigger_kind != "follow":
        return plan
    index = plan.index_of(active[0].id)
    assert index is not None
    segments = list(plan.segments)
    segments[index] = msgspec.structs.replace(segments[index], trigger="manual")
    return msgspec.structs.replace(plan, segments=tuple(segments))


# -- time -----------------------------------------------------------------------------------


def clock_time(hour: int, minute: int, near: float) -> float:
    """The ``hour:minute`` (local time) meant around ``near``: from 6 hours before it to
    18 hours after (an 18:30 asked at 18:40 is ten minutes ago; 00:30 asked at 23:00 is
    tonight's)."""
    start = datetime.fromtimestamp(near - 6 * 3600).astimezone()
    candidate = start.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if candidate.timestamp() < start.timestamp():
        candidate += timedelta(days=1)
    return candidate.timestamp()


def time_of_day(when: float) -> str:
    """ "18:30" (local time)."""
    return time.strftime("%H:%M", time.localtime(when))


class Slot(msgspec.Struct, frozen=True, gc=False):
    """A segment placed in time: where the timeline draws it."""

    segment: PlanSegment
    start: float
    seconds: float


def schedule(plan: Plan, start: float) -> tuple[Slot, ...]:
    """The active segments one after the other from ``start``; one triggered ``at HH:MM``
    starts at that time (or when the previous ends, if later)."""
    slots: list[Slot] = []
    clock = start
    for segment in plan.active:
        at = segment.at
        if at is not None:
            clock = max(clock, clock_time(at[0], at[1], start))
        slots.append(Slot(segment, clock, segment.seconds))
        clock += segment.seconds
    return tuple(slots)
