"""What the room does with a segment's cue (``core/script.py``'s ``CUES``).

Every cue becomes the same event the console would publish for it, journalled in the
same batch as its ``CueSent``, so a resume never does it twice:

* the walls held or released: ``WallsHeld``;
* the heat map's view: ``HeatMapChanged``, keeping its mode and half-life;
* the questions wall on or off, the Q&A opened or closed, the booth armed or disarmed,
  the live step's badge on or off: ``RoomSwitched`` (``core/switches.py``), shown on the
  walls, the guest panel and the console's switches.

The LIVE badge's rule (``core/programme.py``'s ``badge_look``): the badge says LIVE only
while a stream is actually live. ``live-badge.on`` without a stream asks for ON CAMERA
instead (the video wall and the guest's live step say the camera is on, not that the
room broadcasts): that is acted on (``acted=True``, "no stream: on camera"); a stream
that starts later turns the same badge to LIVE by itself.

A cue the room cannot act on (the guest's town unknown, the geocoder off) is still sent,
marked not acted on with the reason, counted, and shown on the console as one to do by
hand: never dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from blueroom.core.events import Event, HeatMapChanged, RoomSwitch, RoomSwitched, WallsHeld
from blueroom.core.heatmap import PRESETS, Locator, check_box
from blueroom.core.plan import Plan
from blueroom.core.switches import CUE_SWITCHES

CUE_ACTOR = "cue"
# The half-size of the box around the guest's town, in degrees (about the Paris preset's).
CITY_HALF_WIDTH, CITY_HALF_HEIGHT = 1.1, 0.6


@dataclass(frozen=True, slots=True)
class CueOutcome:
    acted: bool
    how: str  # what was done, or why it could not be
    events: Sequence[Event] = ()


class CueActions:
    """Turns a cue into what the room does. ``heat`` gives the heat map's mode and
    half-life as they are now; ``locator`` places the guest's town (None: the room's
    geocoder is off); ``streaming`` says whether the programme's stream is live."""

    def __init__(
        self,
        heat: Callable[[], tuple[str, float]] = lambda: ("live", 600.0),
        locator: Locator | None = None,
        streaming: Callable[[], bool] = lambda: False,
    ) -> None:
        self._heat = heat
        self._locator = locator
        self._streaming = streaming

    def act(self, cue: str, plan: Plan | None, at: float) -> CueOutcome:
        if cue == "walls.hold":
            return CueOutcome(True, "walls held", (WallsHeld(held=True, actor=CUE_ACTOR, at=at),))
        if cue == "walls.release":
            return CueOutcome(
                True, "walls released", (WallsHeld(held=False, actor=CUE_ACTOR, at=at),)
            )
        if cue.startswith("map."):
            return self._map(cue.removeprefix("map."), plan, at)
        switched = CUE_SWITCHES.get(cue)
        if switched is None:
            return CueOutcome(False, f"the room does not know the cue {cue!r}: do it by hand")
        switch, on = switched
        event = RoomSwitched(switch=switch, on=on, actor=CUE_ACTOR, at=at)
        return CueOutcome(True, self._switch_words(switch, on), (event,))

    def _switch_words(self, switch: RoomSwitch, on: bool) -> str:
        if switch is RoomSwitch.ON_CAMERA:
            live = self._streaming()
            if on:
                return "LIVE: the stream is live" if live else "no stream: on camera"
            return "on camera off (the stream still runs: LIVE stays)" if live else "on camera off"
        return {
            RoomSwitch.QUESTIONS_WALL: ("questions wall resting", "questions wall on"),
            RoomSwitch.QUESTIONS_OPEN: ("Q&A closed", "Q&A open"),
            RoomSwitch.BOOTH: ("booth disarmed", "booth armed"),
        }[switch][on]

    def _map(self, where: str, plan: Plan | None, at: float) -> CueOutcome:
        mode, half_life = self._heat()
        if where in PRESETS:
            event = HeatMapChanged(
                preset=where, mode=mode, half_life=half_life, actor=CUE_ACTOR, at=at
            )
            return CueOutcome(True, f"map: {where}", (event,))
        city = plan.guest.city.strip() if plan is not None else ""
        if not city:
            return CueOutcome(False, "no home town for the guest in the plan")
        if self._locator is None:
            return CueOutcome(False, "the room's geocoder is off (heatmap.geocode_profiles)")
        match = self._locator.locate(city)
        if match is None:
            return CueOutcome(False, f"{city!r} is not a place the room knows")
        try:
            box = check_box(
                (
                    max(-180.0, match.lon - CITY_HALF_WIDTH),
                    max(-85.0, match.lat - CITY_HALF_HEIGHT),
                    min(180.0, match.lon + CITY_HALF_WIDTH),
                    min(85.0, match.lat + CITY_HALF_HEIGHT),
                )
            )
        except ValueError as error:
            return CueOutcome(False, str(error))
        event = HeatMapChanged(
            preset="custom", box=box, mode=mode, half_life=half_life, actor=CUE_ACTOR, at=at
        )
        return CueOutcome(True, f"map: {match.name}", (event,))
