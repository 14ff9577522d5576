"""The operator's cues to the guest and the guest's call for help, as a model.

The console sends a cue ("wrap up", "next question", or the operator's own words); the
guest panel shows one cue at a time, with an acknowledge button. A newer cue replaces
one the guest has not acknowledged yet (counted as replaced); an acknowledged cue stays
in the history, acknowledged, for the console. The guest's one "Ask for help" button
raises an alert on the console that stays until a staff member answers it.

Everything changes by events only (``core/events.py``), so the journal holds the story
and a resume rebuilds it. ``latest()`` is one immutable snapshot, replaced whole at each
change: the screens read it without a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import msgspec

from blueroom.core.events import (
    CueKind,
    Event,
    GuestCueAcknowledged,
    GuestCued,
    GuestCueWithdrawn,
    GuestHelpAnswered,
    GuestHelpAsked,
)

HISTORY = 20  # cues kept for the console (every cue is counted)


class Cue(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    kind: CueKind
    text: str = ""
    sent_at: float = 0.0
    actor: str = "operator"
    acknowledged_at: float = 0.0  # 0: not yet
    replaced_at: float = 0.0  # a newer cue came before the guest acknowledged this one
    withdrawn_at: float = 0.0  # the operator took it back

    @property
    def open(self) -> bool:
        """Still waiting for the guest's acknowledgement."""
        return not (self.acknowledged_at or self.replaced_at or self.withdrawn_at)


class HelpCall(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    asked_at: float
    answered_at: float = 0.0
    answered_by: str = ""

    @property
    def open(self) -> bool:
        return not self.answered_at


class CuesState(msgspec.Struct, frozen=True):
    """What a journal snapshot keeps (and the screens' feed carries)."""

    cues: tuple[Cue, ...] = ()  # the newest last, at most ``HISTORY``
    sent: int = 0
    acknowledged: int = 0
    replaced: int = 0
    withdrawn: int = 0
    help: HelpCall | None = None  # the latest call for help
    help_calls: int = 0
    ignored: int = 0  # acknowledgements or answers for nothing open (a double tap; counted)


class CuesSnapshot(msgspec.Struct, frozen=True):
    state: CuesState
    version: int

    @property
    def showing(self) -> Cue | None:
        """The cue the guest has in front of them (None: none waiting)."""
        cues = self.state.cues
        return cues[-1] if cues and cues[-1].open else None

    @property
    def last(self) -> Cue | None:
        return self.state.cues[-1] if self.state.cues else None

    @property
    def help_waiting(self) -> HelpCall | None:
        help = self.state.help
        return help if help is not None and help.open else None


def empty_cues() -> CuesSnapshot:
    return CuesSnapshot(CuesState(), -1)


class GuestCues:
    """The model (applied on the model worker)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = CuesState()
        self._version = 0
        self._latest = CuesSnapshot(self._state, 0)

    def latest(self) -> CuesSnapshot:
        return self._latest

    def apply(self, events: Iterable[Event]) -> None:
        with self._lock:
            state = self._state
            for event in events:
                if isinstance(event, _CUE_EVENTS):
                    state = _applied(state, event)
            if state is not self._state:
                self._state = state
                self._version += 1
                self._latest = CuesSnapshot(state, self._version)

    def capture(self, locked: bool = True) -> Callable[[], CuesState]:
        state = self._state  # immutable: replaced whole
        return lambda: state

    def restore(self, state: CuesState) -> None:
        with self._lock:
            self._state = state
            self._version += 1
            self._latest = CuesSnapshot(state, self._version)


def _find(cues: tuple[Cue, ...], cue_id: str) -> Cue | None:
    return next((c for c in cues if c.id == cue_id), None)


def _replace(cues: tuple[Cue, ...], cue: Cue) -> tuple[Cue, ...]:
    return tuple(cue if c.id == cue.id else c for c in cues)


def _applied(state: CuesState, event: Event) -> CuesState:
    replace = msgspec.structs.replace
    match event:
        case GuestCued():
            cues = state.cues
            replaced = state.replaced
            if any(c.id == event.cue_id for c in cues):
                return replace(state, ignored=state.ignored + 1)  # the same cue twice
            if cues and cues[-1].open:
                cues = _replace(cues, replace(cues[-1], replaced_at=event.at))
                replaced += 1
            cue = Cue(
                id=event.cue_id,
                kind=event.cue,
                text=" ".join(event.text.split()),
                sent_at=event.at,
                actor=event.actor,
            )
            return replace(
                state, cues=(*cues, cue)[-HISTORY:], sent=state.sent + 1, replaced=replaced
            )
        case GuestCueAcknowledged():
            found = _find(state.cues, event.cue_id)
            if found is None or not found.open:
                return replace(state, ignored=state.ignored + 1)
            return replace(
                state,
                cues=_replace(state.cues, replace(found, acknowledged_at=event.at)),
                acknowledged=state.acknowledged + 1,
            )
        case GuestCueWithdrawn():
            found = _find(state.cues, event.cue_id)
            if found is None or not found.open:
                return replace(state, ignored=state.ignored + 1)
            return replace(
                state,
                cues=_replace(state.cues, replace(found, withdrawn_at=event.at)),
                withdrawn=state.withdrawn + 1,
            )
        case GuestHelpAsked():
            if state.help is not None and state.help.open:
                return replace(state, ignored=state.ignored + 1)  # already asked: one alert
            return replace(
                state,
                help=HelpCall(id=event.request_id, asked_at=event.at),
                help_calls=state.help_calls + 1,
            )
        case GuestHelpAnswered():
            help = state.help
            if help is None or help.id != event.request_id or not help.open:
                return replace(state, ignored=state.ignored + 1)
            return replace(state, help=replace(help, answered_at=event.at, answered_by=event.actor))
    return state


_CUE_EVENTS = (
    GuestCued,
    GuestCueAcknowledged,
    GuestCueWithdrawn,
    GuestHelpAsked,
    GuestHelpAnswered,
)
