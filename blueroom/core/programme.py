"""The programme: what is on air, as one description every output draws (no Qt here).

The camera's picture with its overlays — the LIVE badge (only while a stream runs; ON
CAMERA in its place when the live step asks for the badge without a stream), the
question on air as a lower third (or the guest's name strap), the hashtag, the clock, a
photo from the booth for a few seconds, the holding slate of a break — each with a
*presence* from 0 (gone) to 1 (fully in), so that every output animates them in and
out the same way. :class:`ProgrammeDirector` follows the room (the board's question on
air, the session's toggles and hold, photos sent to the wall) and answers
:meth:`ProgrammeDirector.programme` for any moment, from any thread: the video wall asks
on the GUI thread, the recording on its worker, each drawing the answer at its own size
(``ui/programme.py``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from blueroom.core.readers import BoardReader, SessionReader

IN_SECONDS = 0.35  # an overlay coming in
OUT_SECONDS = 0.25  # going out; a new lower third waits for the old one to leave
HOLD_SECONDS = 0.4  # the holding slate fades in and out


class Overlay(StrEnum):
    """The overlays the operator turns on and off, one toggle each (journalled)."""

    LIVE_BADGE = "live_badge"
    QUESTION = "question"  # the question on air, as a lower third
    NAME_STRAP = "name_strap"  # the guest's name, when no question is on air
    HASHTAG = "hashtag"
    CLOCK = "clock"
    PHOTO = "photo"  # a booth photo sent to the wall from the console


class BadgeLook(StrEnum):
    NONE = "none"
    LIVE = "live"  # a red LIVE: the network receives the programme now
    ON_CAMERA = "on_camera"  # a calm outlined ON CAMERA: the camera is on, nothing streams


def badge_look(asked: bool, streaming: bool) -> BadgeLook:
    """The badge for (the live step's badge asked, a stream actually live).

    LIVE only while a stream is live, and then whether asked or not: the room never
    hides that it broadcasts (the operator may still turn the overlay off). Asked without
    a stream: ON CAMERA, never LIVE. Neither: no badge.
    """
    if streaming:
        return BadgeLook.LIVE
    return BadgeLook.ON_CAMERA if asked else BadgeLook.NONE


def ease(share: float) -> float:
    """0 → 1 with a soft start and landing (smoothstep)."""
    t = min(1.0, max(0.0, share))
    return t * t * (3.0 - 2.0 * t)


@dataclass(frozen=True, slots=True)
class Card:
    """What the lower third says: a question (``who`` asks ``text``) or the name strap."""

    key: str  # the question's id; "" for the guest's name strap
    who: str
    text: str

    @property
    def is_strap(self) -> bool:
        return not self.key


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Shown(Generic[T]):
    content: T
    presence: float  # 0: gone, 1: fully in


@dataclass(frozen=True, slots=True)
class Programme:
    """Everything on air at one moment; each output draws it at its own size."""

    at: float  # time.monotonic() of the moment described
    wall_time: float  # time.time() of it: what the clock says
    hashtag: str
    badge: float  # the LIVE badge
    hashtag_shown: float
    clock: float
    lower: tuple[Shown[Card], ...]  # the one leaving first, then the one coming
    photo: Shown[str] | None  # the photo's path
    held: float  # the holding slate over everything
    on_camera: float = 0.0  # ON CAMERA in the badge's place (asked, no stream)


class _Fade:
    """An on/off with a presence that moves smoothly between them."""

    def __init__(self, on: bool, seconds_in: float = IN_SECONDS, seconds_out: float = OUT_SECONDS):
        self.on = on
        self._from = 1.0 if on else 0.0
        self._since = -1e9
        self._in, self._out = seconds_in, seconds_out

    def set(self, on: bool, now: float) -> None:
        if on != self.on:
            self._from = self.presence(now)
            self.on, self._since = on, now

    def presence(self, now: float) -> float:
        elapsed = now - self._since
        if self.on:
            return self._from + (1.0 - self._from) * ease(elapsed / self._in)
        return self._from * (1.0 - ease(elapsed / self._out))


class _Slot(Generic[T]):
    """One place on screen whose content changes: the old content goes out, then the new
    comes in."""

    def __init__(self) -> None:
        self.content: T | None = None
        self._fade = _Fade(False)
        self._leaving: tuple[T, _Fade] | None = None
        self._arrive_at = -1e9

    def set(self, content: T | None, now: float) -> None:
        if content == self.content:
            return
        if self.content is not None:
            old = self._fade
            old.set(False, now)
            self._leaving = (self.content, old)
        self.content = content
        self._fade = _Fade(False)
        waiting = self._leaving is not None and self._leaving[1].presence(now) > 0.0
        self._arrive_at = now + (OUT_SECONDS if waiting else 0.0)
        if content is not None and not waiting:
            self._fade.set(True, now)

    def shown(self, now: float) -> tuple[Shown[T], ...]:
        if self.content is not None and not self._fade.on and now >= self._arrive_at:
            self._fade.set(True, self._arrive_at)
        out: list[Shown[T]] = []
        if self._leaving is not None:
            content, fade = self._leaving
            presence = fade.presence(now)
            if presence <= 0.0:
                self._leaving = None
            else:
                out.append(Shown(content, presence))
        if self.content is not None:
            presence = self._fade.presence(now) if now >= self._arrive_at else 0.0
            if presence > 0.0:
                out.append(Shown(self.content, presence))
        return tuple(out)


def hidden_overlays(names: Iterable[str]) -> frozenset[Overlay]:
    """The overlays named (names this release does not know are ignored)."""
    known = {overlay.value for overlay in Overlay}
    return frozenset(Overlay(name) for name in names if name in known)


class ProgrammeDirector:
    """Follows the room and says what is on air at any moment (thread-safe).

    The board and the session are read through their lock-free ``latest()`` snapshots;
    ``show_photo`` (a committed ``PhotoOnWall``) and ``set_streaming`` are told; the
    session also says whether a stream is live (``StreamStateChanged``) and whether the
    live step asks for the badge: the badge is ``badge_look`` of the two. Without a
    session (a wall on its own, in tests) every overlay is on and nothing is held.
    """

    def __init__(
        self,
        board: BoardReader,
        session: SessionReader | None = None,
        *,
        hashtag: str,
        guest_name: str,
        fan: str = "A fan",
        wall_clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._board = board
        self._session = session
        self.hashtag = hashtag
        self.guest_name = guest_name
        self._fan = fan
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._streaming = False
        self._badge = _Fade(False)
        self._on_camera = _Fade(False)
        self._hashtag = _Fade(True)
        self._clock = _Fade(True)
        self._held = _Fade(False, HOLD_SECONDS, HOLD_SECONDS)
        self._lower: _Slot[Card] = _Slot()
        self._photo: _Slot[str] = _Slot()
        self._photo_until = 0.0
        self._started = False
        self._seen = -1e9  # the latest moment a change was judged at

    def set_streaming(self, streaming: bool) -> None:
        """A stream runs (the LIVE badge is shown only then)."""
        with self._lock:
            self._streaming = streaming

    def badge(self) -> BadgeLook:
        """The badge the programme asks for now (before the overlay's own toggle)."""
        session = self._session.latest() if self._session is not None else None
        asked = session.switches.on_camera if session is not None else False
        streaming = self._streaming or (session.streaming if session is not None else False)
        return badge_look(asked, streaming)

    def show_photo(self, path: str, seconds: float, now: float | None = None) -> None:
        """A photo over the picture for ``seconds`` (then the camera again)."""
        now = self._monotonic() if now is None else now
        if Overlay.PHOTO in self.hidden():
            return  # photos are off the programme
        with self._lock:
            self._photo.set(None, now)  # a second photo replaces the first
            self._photo.set(path, now)
            self._photo_until = now + seconds

    def hidden(self) -> frozenset[Overlay]:
        return hidden_overlays(self._session.latest().hidden) if self._session else frozenset()

    def programme(self, now: float | None = None) -> Programme:
        """What is on air at ``now`` (``time.monotonic()``; the present by default)."""
        now = self._monotonic() if now is None else now
        session = self._session.latest() if self._session is not None else None
        hidden = hidden_overlays(session.hidden) if session is not None else frozenset()
        held = session.held if session is not None else False
        on_air = self._board.latest().on_air
        look = self.badge() if Overlay.LIVE_BADGE not in hidden else BadgeLook.NONE
        card: Card | None = None
        if on_air is not None and Overlay.QUESTION not in hidden:
            who = on_air.handle or on_air.name or self._fan
            card = Card(on_air.tweet_id, who, on_air.text)
        elif Overlay.NAME_STRAP not in hidden and (on_air is None or Overlay.QUESTION in hidden):
            card = Card("", self.guest_name, "")
        with self._lock:
            asked, now = now, max(now, self._seen)  # the recording asks a little behind
            self._seen = now
            if not self._started:  # what is on at the start is simply on
                self._started = True
                now_ = now - max(IN_SECONDS, HOLD_SECONDS)
                self._lower.set(card, now_)
                self._held.set(held, now_)
                self._badge.set(look is BadgeLook.LIVE, now_)
                self._on_camera.set(look is BadgeLook.ON_CAMERA, now_)
                self._hashtag.set(Overlay.HASHTAG not in hidden, now_)
                self._clock.set(Overlay.CLOCK not in hidden, now_)
            self._badge.set(look is BadgeLook.LIVE, now)
            self._on_camera.set(look is BadgeLook.ON_CAMERA, now)
            self._hashtag.set(Overlay.HASHTAG not in hidden, now)
            self._clock.set(Overlay.CLOCK not in hidden, now)
            self._held.set(held, now)
            self._lower.set(card, now)
            if self._photo.content is not None and Overlay.PHOTO in hidden:
                self._photo.set(None, now)
            elif self._photo.content is not None and now >= self._photo_until:
                self._photo.set(None, self._photo_until)  # it goes when its time is up
            now = asked
            photos = self._photo.shown(now)
            return Programme(
                at=now,
                wall_time=self._wall_clock(),
                hashtag=self.hashtag,
                badge=self._badge.presence(now),
                hashtag_shown=self._hashtag.presence(now),
                clock=self._clock.presence(now),
                lower=self._lower.shown(now),
                photo=photos[-1] if photos else None,
                held=self._held.presence(now),
                on_camera=self._on_camera.presence(now),
            )
