"""The guest's hour, as a script of steps; the current step is set only by events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import msgspec

from blueroom.core.events import Event, OverlayToggled, SessionStepChanged, WallsHeld


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    guidance: str
    minutes: int
    label: str = ""  # a word or two for the progress row
    shows: str = "card"  # what the guest panel shows: card, pick, booth or composer

    @property
    def short(self) -> str:
        return self.label or self.title


def default_script(guest_name: str, hashtag: str) -> tuple[Step, ...]:
    first_name = guest_name.split()[0] if guest_name.strip() else "there"
    return (
        Step(
            "welcome",
            f"Welcome to the Blue Room, {first_name}",
            "Make yourself comfortable. The team will walk you through the hour, one step "
            "at a time. Nothing happens without you.",
            5,
            label="Welcome",
        ),
        Step(
            "first-post",
            "Your first post",
            f"Say hello to your fans. We suggest mentioning {hashtag} so everyone can "
            "follow along.",
            5,
            label="First post",
        ),
        Step(
            "questions",
            "Answer your fans",
            "Questions arrive on the wall behind you. Tap one on this screen to answer it live.",
            25,
            label="Questions",
            shows="pick",
        ),
        Step(
            "live-video",
            "Go live",
            "The camera is ready. When you say so, we go live to everyone following the event.",
            10,
            label="Go live",
        ),
        Step(
            "mirror",
            "The mirror",
            "Strike a pose: a three-second countdown, then sign your photo with your "
            "finger before we post it.",
            10,
            label="Mirror",
            shows="booth",
        ),
        Step(
            "final-selfie",
            "The final selfie",
            "One last picture with the team, to thank everyone who took part.",
            5,
            label="Selfie",
            shows="booth",
        ),
    )


class SessionState(msgspec.Struct, frozen=True):
    current: int
    version: int
    held: bool = False  # the walls on their holding slate
    hidden: tuple[str, ...] = ()  # the programme's overlays turned off


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    steps: tuple[Step, ...]
    current: int
    version: int
    held: bool = False  # the walls on their holding slate (the panic key)
    hidden: tuple[str, ...] = ()  # the programme's overlays turned off (sorted names)

    @property
    def step(self) -> Step:
        return self.steps[self.current]


class SessionScript:
    def __init__(self, steps: tuple[Step, ...]) -> None:
        if not steps:
            raise ValueError("a session needs at least one step")
        self._steps = steps
        self._current = 0
        self._version = 0
        self._held = False
        self._hidden: tuple[str, ...] = ()
        self._lock = threading.Lock()
        self._latest = SessionSnapshot(steps, 0, 0)

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def index_of(self, step_id: str) -> int | None:
        for index, step in enumerate(self._steps):
            if step.id == step_id:
                return index
        return None

    def step_event(self, index: int, actor: str) -> SessionStepChanged:
        """The event that moves the session to ``index`` (clamped to the script)."""
        index = max(0, min(len(self._steps) - 1, index))
        return SessionStepChanged(step=index, step_id=self._steps[index].id, actor=actor)

    def apply(self, events: Iterable[Event]) -> None:
        with self._lock:
            for event in events:
                if isinstance(event, SessionStepChanged):
                    index = self.index_of(event.step_id)
                    if index is None and 0 <= event.step < len(self._steps):
                        index = event.step
                    if index is not None and index != self._current:
                        self._current = index
                        self._changed()
                elif isinstance(event, WallsHeld) and event.held != self._held:
                    self._held = event.held
                    self._changed()
                elif isinstance(event, OverlayToggled):
                    hidden = set(self._hidden) - {event.overlay}
                    if not event.shown:
                        hidden.add(event.overlay)
                    if tuple(sorted(hidden)) != self._hidden:
                        self._hidden = tuple(sorted(hidden))
                        self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._latest = self._snapshot()

    def _snapshot(self) -> SessionSnapshot:
        return SessionSnapshot(self._steps, self._current, self._version, self._held, self._hidden)

    def capture(self, locked: bool = True) -> Callable[[], SessionState]:
        state = SessionState(self._current, self._version, self._held, self._hidden)
        return lambda: state

    def restore(self, state: SessionState) -> None:
        with self._lock:
            if 0 <= state.current < len(self._steps):
                self._current = state.current
            self._version = state.version
            self._held = state.held
            self._hidden = state.hidden
            self._latest = self._snapshot()

    def snapshot(self) -> SessionSnapshot:
        with self._lock:
            return self._snapshot()

    def latest(self) -> SessionSnapshot:
        """Lock-free for views: one immutable snapshot, replaced whole on every change."""
        return self._latest
