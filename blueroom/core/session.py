"""The guest's hour, as a script of steps; the current step is set only by events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import msgspec

from blueroom.core.events import (
    Event,
    OverlayToggled,
    RoomSwitched,
    SessionPlanned,
    SessionStepChanged,
    StreamStateChanged,
    WallsHeld,
)
from blueroom.core.switches import Switches, SwitchesState


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    guidance: str
    minutes: int
    label: str = ""  # a word or two for the progress row
    shows: str = "card"  # what the guest panel shows: card, pick, booth, composer or live

    @property
    def short(self) -> str:
        return self.label or self.title


def default_script(guest_name: str, hashtag: str, language: str = "en") -> tuple[Step, ...]:
    """The six built-in steps, in the room's language ("en" or "fr")."""
    first_name = guest_name.split()[0] if guest_name.strip() else ""
    if language == "fr":
        welcome = f"Bienvenue dans la Blue Room, {first_name}" if first_name else ""
        words = _FRENCH
    else:
        welcome = f"Welcome to the Blue Room, {first_name or 'there'}"
        words = _ENGLISH
    return tuple(
        Step(
            step_id,
            (welcome or title) if step_id == "welcome" else title,
            guidance.format(hashtag=hashtag),
            minutes,
            label=label,
            shows=shows,
        )
        for (step_id, minutes, shows), (title, guidance, label) in zip(_STEPS, words, strict=True)
    )


_STEPS = (  # id, minutes, what the guest panel shows
    ("welcome", 5, "card"),
    ("first-post", 5, "composer"),
    ("questions", 25, "pick"),
    ("live-video", 10, "live"),
    ("mirror", 10, "booth"),
    ("final-selfie", 5, "booth"),
)
_ENGLISH = (  # title, guidance, label
    (
        "Welcome to the Blue Room",
        "Make yourself comfortable. The team will walk you through the hour, one step "
        "at a time. Nothing happens without you.",
        "Welcome",
    ),
    (
        "Your first post",
        "Say hello to your fans. We suggest mentioning {hashtag} so everyone can follow along.",
        "First post",
    ),
    (
        "Answer your fans",
        "Questions arrive on the wall behind you. Tap one on this screen to answer it live.",
        "Questions",
    ),
    (
        "Go live",
        "The camera is ready. When you say so, we go live to everyone following the event.",
        "Go live",
    ),
    (
        "The mirror",
        "Strike a pose: a three-second countdown, then sign your photo with your "
        "finger before we post it.",
        "Mirror",
    ),
    (
        "The final selfie",
        "One last picture with the team, to thank everyone who took part.",
        "Selfie",
    ),
)
_FRENCH = (
    (
        "Bienvenue dans la Blue Room",
        "Installez-vous. L'équipe vous accompagne tout au long de l'heure, une étape à la "
        "fois. Rien ne se fait sans vous.",
        "Accueil",
    ),
    (
        "Votre premier post",
        "Dites bonjour à vos fans. Mentionnez {hashtag} pour que tout le monde puisse suivre.",
        "Premier post",
    ),
    (
        "Répondez à vos fans",
        "Les questions arrivent sur le mur derrière vous. Touchez-en une sur cet écran pour"
        " y répondre en direct.",
        "Questions",
    ),
    (
        "Le direct",
        "La caméra est prête. Quand vous le dites, nous passons en direct pour tous ceux qui"
        " suivent l'événement.",
        "Direct",
    ),
    (
        "Le miroir",
        "Prenez la pose : un compte à rebours de trois secondes, puis signez votre photo"
        " du doigt avant que nous la publiions.",
        "Miroir",
    ),
    (
        "Le selfie final",
        "Une dernière photo avec l'équipe, pour remercier tous ceux qui ont participé.",
        "Selfie",
    ),
)


class SessionState(msgspec.Struct, frozen=True):
    current: int
    version: int
    held: bool = False  # the walls on their holding slate
    steps: tuple[Step, ...] = ()  # the planned steps (empty: the settings')
    plans: int = 0
    hidden: tuple[str, ...] = ()  # the programme's overlays turned off
    switches: SwitchesState = SwitchesState()  # core/switches.py
    streaming: bool = False  # the programme's stream is live


@dataclass(frozen=True, slots=True)
class SessionSnapshot:
    steps: tuple[Step, ...]
    current: int
    version: int
    held: bool = False  # the walls on their holding slate (the panic key)
    hidden: tuple[str, ...] = ()  # the programme's overlays turned off (sorted names)
    # the questions wall shown, the Q&A open, the booth armed, the live step's badge asked
    switches: Switches = field(default_factory=Switches)
    streaming: bool = False  # the programme's stream is live (``StreamStateChanged``)

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
        self._plans = 0  # plans applied: the steps change with each
        self._hidden: tuple[str, ...] = ()
        self._switches = SwitchesState()
        self._streaming = False
        self._lock = threading.Lock()
        self._latest = SessionSnapshot(steps, 0, 0)

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    @property
    def plans(self) -> int:
        return self._plans

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
                elif isinstance(event, SessionPlanned):
                    self._switches = self._switches.planned(event.plan)
                    self._planned(event.plan.steps())
                elif isinstance(event, RoomSwitched):
                    switches = self._switches.switched(event)
                    if switches != self._switches:
                        self._switches = switches
                        self._changed()
                elif isinstance(event, StreamStateChanged) and event.live != self._streaming:
                    self._streaming = event.live
                    self._changed()
                elif isinstance(event, OverlayToggled):
                    hidden = set(self._hidden) - {event.overlay}
                    if not event.shown:
                        hidden.add(event.overlay)
                    if tuple(sorted(hidden)) != self._hidden:
                        self._hidden = tuple(sorted(hidden))
                        self._changed()

    def _planned(self, steps: tuple[Step, ...]) -> None:
        """The plan's steps; the current one kept when it is still planned."""
        if not steps:
            self._changed()  # the switches' defaults may have changed
            return
        current = self._steps[self._current].id
        self._steps = steps
        self._current = next((i for i, s in enumerate(steps) if s.id == current), 0)
        self._plans += 1
        self._changed()

    def follow(self, step_id: str) -> None:
        """The run-of-show's current segment is the current step (on the model worker,
        after each batch)."""
        with self._lock:
            index = self.index_of(step_id)
            if index is not None and index != self._current:
                self._current = index
                self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._latest = self._snapshot()

    def _snapshot(self) -> SessionSnapshot:
        return SessionSnapshot(
            self._steps, self._current, self._version, self._held, self._hidden,
            self._switches.current(), self._streaming,
        )  # fmt: skip

    def capture(self, locked: bool = True) -> Callable[[], SessionState]:
        steps = self._steps if self._plans else ()
        state = SessionState(
            self._current, self._version, self._held, steps, self._plans, self._hidden,
            self._switches, self._streaming,
        )  # fmt: skip
        return lambda: state

    def restore(self, state: SessionState) -> None:
        with self._lock:
            if state.steps:
                self._steps = state.steps
            self._plans = state.plans
            if 0 <= state.current < len(self._steps):
                self._current = state.current
            self._version = state.version
            self._held = state.held
            self._hidden = state.hidden
            self._switches = state.switches
            self._streaming = state.streaming
            self._latest = self._snapshot()

    def snapshot(self) -> SessionSnapshot:
        with self._lock:
            return self._snapshot()

    def latest(self) -> SessionSnapshot:
        """Lock-free for views: one immutable snapshot, replaced whole on every change."""
        return self._latest
