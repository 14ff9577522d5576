"""The room's switches: the questions wall shown, the Q&A open, the booth armed, the live
step's badge asked. Each is turned by a segment's cue (``core/cues.py``) or by the
console, always as a journalled ``RoomSwitched``.

Where a switch starts is the plan's to say, by a rule a studio can read: **a switch the
plan turns on starts off**. If the first cue that names a switch, in the running order
(each segment's ``on_enter``, then its ``on_leave``), turns it on, the switch is off until
then: the questions wall rests on the hashtag until the Q&A segment, the Q&A opens with
it, the booth opens on the mirror. A plan that never turns a switch on leaves it on (the
built-in steps send no cue: everything is open, as the room always was). The badge is
the exception: it is asked only by a cue or a person, never by default.

A switch set by a cue or a person keeps its value from then on, whatever plan follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import msgspec

from blueroom.core.events import RoomSwitch, RoomSwitched
from blueroom.core.plan import Plan

# cue → (the switch it turns, on)
CUE_SWITCHES: Final[Mapping[str, tuple[RoomSwitch, bool]]] = {
    "questions-wall.on": (RoomSwitch.QUESTIONS_WALL, True),
    "questions-wall.off": (RoomSwitch.QUESTIONS_WALL, False),
    "qa.open": (RoomSwitch.QUESTIONS_OPEN, True),
    "qa.close": (RoomSwitch.QUESTIONS_OPEN, False),
    "booth.arm": (RoomSwitch.BOOTH, True),
    "booth.disarm": (RoomSwitch.BOOTH, False),
    "live-badge.on": (RoomSwitch.ON_CAMERA, True),
    "live-badge.off": (RoomSwitch.ON_CAMERA, False),
}


class Switches(msgspec.Struct, frozen=True, gc=False):
    """The switches as they are (what the screens read)."""

    questions_wall: bool = True
    questions_open: bool = True
    booth: bool = True
    on_camera: bool = False

    def get(self, switch: RoomSwitch) -> bool:
        return bool(getattr(self, switch.value))


def plan_defaults(plan: Plan | None) -> Switches:
    """Where each switch starts for ``plan`` (the rule in the module's docstring)."""
    first: dict[RoomSwitch, bool] = {}
    for segment in plan.active if plan is not None else ():
        for cue in (*segment.on_enter, *segment.on_leave):
            found = CUE_SWITCHES.get(cue)
            if found is not None:
                first.setdefault(found[0], found[1])
    return Switches(
        questions_wall=not first.get(RoomSwitch.QUESTIONS_WALL, False),
        questions_open=not first.get(RoomSwitch.QUESTIONS_OPEN, False),
        booth=not first.get(RoomSwitch.BOOTH, False),
        on_camera=False,
    )


class SwitchesState(msgspec.Struct, frozen=True, gc=False):
    """What a snapshot keeps: the plan's defaults, and the switches set since."""

    defaults: Switches = Switches()
    set_on: tuple[tuple[str, bool], ...] = ()  # switch → on, for those set by an event

    def current(self) -> Switches:
        chosen = dict(self.set_on)
        return Switches(
            **{
                switch.value: chosen.get(switch.value, self.defaults.get(switch))
                for switch in RoomSwitch
            }
        )

    def planned(self, plan: Plan | None) -> SwitchesState:
        return msgspec.structs.replace(self, defaults=plan_defaults(plan))

    def switched(self, event: RoomSwitched) -> SwitchesState:
        chosen = dict(self.set_on)
        chosen[event.switch.value] = event.on
        return msgspec.structs.replace(self, set_on=tuple(sorted(chosen.items())))
