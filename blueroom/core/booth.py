"""The mirror's photo booth as a state machine: explicit steps, a deadline per step on the
engine's clock, every move made by a journalled event.

The guest panel sends what the guest touched (``BoothTouched``), the camera what it took
(``PhotoCaptured``) or could not (``BoothTrouble``, ``CameraStateChanged``); the engine's
clock asks ``due`` for the deadlines that passed and publishes them (``BoothTimedOut``).
A move depends only on the step, the event and the event's own time, so replaying the
journal after a crash lands on the same step with the same deadlines, and a deadline
that fell while the room was down fires once, on the first tick.

What the best booths taught (DESIGN.md): each step says which touches lead where and
nothing else does (a stray touch is counted, never followed); any trouble lands on a
calm "one moment" that recovers by itself; signing is time-boxed, with Skip; a booth
left alone goes back to attract and **keeps the photo unposted**: only the guest's own
"Post" on the share step ever asks for a post, never a deadline.

The booth is armed or not (``RoomSwitched`` for ``RoomSwitch.BOOTH``: a segment's cue or
the console; where it starts is the plan's, ``core/switches.py``). Disarmed, it rests on
``DISARMED`` ("the mirror opens in a moment") instead of attract, and no touch leads
anywhere; armed, it leaves it for attract. Disarming never cuts a guest's visit short: a
booth in the middle of one is disarmed when it comes back to attract.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import PurePath
from typing import Final

import msgspec

from blueroom.core.events import (
    BoothAction,
    BoothCaptionOffered,
    BoothClipChosen,
    BoothStep,
    BoothStyled,
    BoothTimedOut,
    BoothTouched,
    BoothTrouble,
    CameraState,
    CameraStateChanged,
    ClipFailed,
    ClipSaved,
    Event,
    OutboxQueued,
    PhotoCaptured,
    PhotoComposed,
    PostKind,
    RoomSwitch,
    RoomSwitched,
    SessionPlanned,
)
from blueroom.core.posting import Draft
from blueroom.core.switches import SwitchesState


class BoothTimings(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Seconds each step lasts before its deadline (``sign`` is the signing time-box)."""

    countdown: float = 3.0
    capture: float = 5.0  # the camera's longest wait for a photo before "one moment"
    preview: float = 60.0
    review: float = 45.0
    sign: float = 45.0
    finish: float = 60.0
    share: float = 60.0
    done: float = 30.0
    one_moment: float = 4.0


class PhotoFate(StrEnum):
    TAKEN = "taken"  # on disk, not yet kept or dropped
    KEPT = "kept"  # kept at review: on its way to sign, frame, share
    RETAKEN = "retaken"  # the guest asked for another: kept on disk, not offered
    POST = "post"  # the guest said Post: the outbox takes it
    SAVED = "saved"  # the guest said Save only
    DISCARDED = "discarded"  # the guest said Discard (the file stays until purged)
    LEFT = "left"  # the booth went idle with it: saved, never posted


class BoothPhoto(msgspec.Struct, frozen=True):
    photo_id: str
    path: str
    width: int
    height: int
    fate: PhotoFate = PhotoFate.TAKEN
    signed: bool = False
    frame: str = ""  # the frame the guest chose ("": none)
    caption: str = ""  # the caption chosen, as shown ("": none)
    composed: bool = False  # the final JPEG (frame, texts, Exif) is written
    clip_mp4: str = ""  # the boomerang, once written beside the photo ("": not yet, none)
    clip_gif: str = ""
    clip_problem: str = ""  # why it has no boomerang ("": made, or still in the making)
    share_clip: bool = False  # the guest chose the boomerang for their post


BOOTH_ENTRY_PREFIX: Final = "booth-"  # an outbox entry the booth queued: "booth-<photo id>"


def signed_path(photo: BoothPhoto) -> str:
    """Where the signed photo is written, beside the original (``<id>-signed.jpg``)."""
    return str(PurePath(photo.path).with_name(f"{photo.photo_id}-signed.jpg"))


def signature_path(photo: BoothPhoto) -> str:
    """Where the signature's vectors are written as SVG, beside the original."""
    return str(PurePath(photo.path).with_name(f"{photo.photo_id}-signature.svg"))


def vectors_path(photo: BoothPhoto) -> str:
    """Where the signature's raw points are kept, beside the original: the final picture
    is the original, its frame and texts, then the signature drawn from them, last."""
    return str(PurePath(photo.path).with_name(f"{photo.photo_id}-signature.json"))


def final_path(photo: BoothPhoto) -> str:
    """Where the final JPEG is written (the frame, texts and caption, with Exif)."""
    return str(PurePath(photo.path).with_name(f"{photo.photo_id}-final.jpg"))


def styled_path(photo: BoothPhoto) -> str:
    """The photo as it is without a frame: the signed photo once signed, else the
    untouched original (the final one is composed from the original and the signature's
    vectors, ``vectors_path``; from this only when those cannot be read)."""
    return signed_path(photo) if photo.signed else photo.path


def posted_path(photo: BoothPhoto) -> str:
    """The file a post sends: the final JPEG once composed, else the signed photo once
    signed, else the original."""
    return final_path(photo) if photo.composed else styled_path(photo)


def clip_path(photo: BoothPhoto, suffix: str) -> str:
    """Where the photo's boomerang is written, beside the original (``<id>-clip.mp4``)."""
    return str(PurePath(photo.path).with_name(f"{photo.photo_id}-clip{suffix}"))


def shared_path(photo: BoothPhoto) -> str:
    """What the guest's Post sends: the boomerang (its MP4) when they chose it and it is
    written, else the photo (``posted_path``)."""
    return photo.clip_mp4 if photo.share_clip and photo.clip_mp4 else posted_path(photo)


def post_text(photo: BoothPhoto, hashtag: str) -> str:
    """A booth post's words: the caption, and the hashtag unless the caption has it."""
    caption = photo.caption.strip()
    if hashtag and hashtag.casefold() not in caption.casefold():
        return f"{caption} {hashtag}".strip()
    return caption


class BoothState(msgspec.Struct, frozen=True):
    """What the guest panel and the console read (a snapshot)."""

    step: BoothStep
    move: int  # moves so far: a version, and what a deadline belongs to
    entered_at: float  # when the step began (wall-clock seconds)
    deadline: float  # when it ends by itself; 0.0: it waits for the guest
    photo: BoothPhoto | None  # the photo this visit is about
    trouble: str = ""  # why "one moment"
    ignored: int = 0  # touches that led nowhere (a stray touch, a double tap)
    offered_caption: str = ""  # the operator's caption, offered on the finish step
    armed: bool = True  # disarmed: it rests on DISARMED instead of attract


class BoothModelState(msgspec.Struct, frozen=True):
    """What a journal snapshot keeps of the booth."""

    state: BoothState | None = None
    photos: tuple[BoothPhoto, ...] = ()
    posts_asked: tuple[str, ...] = ()
    queued: tuple[str, ...] = ()
    ignored: tuple[tuple[str, int], ...] = ()
    offered_caption: str = ""
    switches: SwitchesState = SwitchesState()  # whether it is armed (core/switches.py)


def idle_booth() -> BoothState:
    return BoothState(BoothStep.ATTRACT, 0, 0.0, 0.0, None)


# Which touches lead where, step by step; any other touch is ignored (and counted).
MOVES: Final[Mapping[BoothStep, Mapping[BoothAction, BoothStep]]] = {
    BoothStep.ATTRACT: {BoothAction.START: BoothStep.PREVIEW},
    BoothStep.PREVIEW: {
        BoothAction.SHOOT: BoothStep.COUNTDOWN,
        BoothAction.CANCEL: BoothStep.ATTRACT,
    },
    BoothStep.COUNTDOWN: {BoothAction.CANCEL: BoothStep.PREVIEW},
    BoothStep.CAPTURE: {},
    BoothStep.REVIEW: {BoothAction.RETAKE: BoothStep.COUNTDOWN, BoothAction.KEEP: BoothStep.SIGN},
    BoothStep.SIGN: {BoothAction.SIGNED: BoothStep.FINISH, BoothAction.SKIP: BoothStep.FINISH},
    BoothStep.FINISH: {BoothAction.FINISHED: BoothStep.SHARE},
    BoothStep.SHARE: {
        BoothAction.POST: BoothStep.DONE,
        BoothAction.SAVE: BoothStep.DONE,
        BoothAction.DISCARD: BoothStep.ATTRACT,
    },
    BoothStep.DONE: {BoothAction.CLOSE: BoothStep.ATTRACT},
    BoothStep.ONE_MOMENT: {},
    BoothStep.DISARMED: {},
}

# Where a deadline leads. Waiting never moves towards a post: idle steps go back to
# attract (the photo kept, unposted); only the countdown and the signing time-box go on.
ON_DEADLINE: Final[Mapping[BoothStep, BoothStep]] = {
    BoothStep.PREVIEW: BoothStep.ATTRACT,
    BoothStep.COUNTDOWN: BoothStep.CAPTURE,
    BoothStep.CAPTURE: BoothStep.ONE_MOMENT,
    BoothStep.REVIEW: BoothStep.ATTRACT,
    BoothStep.SIGN: BoothStep.FINISH,
    BoothStep.FINISH: BoothStep.ATTRACT,
    BoothStep.SHARE: BoothStep.ATTRACT,
    BoothStep.DONE: BoothStep.ATTRACT,
    BoothStep.ONE_MOMENT: BoothStep.ATTRACT,
}

_FATE_OF: Final[Mapping[BoothAction, PhotoFate]] = {
    BoothAction.POST: PhotoFate.POST,
    BoothAction.SAVE: PhotoFate.SAVED,
    BoothAction.DISCARD: PhotoFate.DISCARDED,
}
_UNDECIDED: Final = frozenset({PhotoFate.TAKEN, PhotoFate.KEPT})
# Steps in which the camera is needed: losing it there means "one moment".
_NEEDS_CAMERA: Final = frozenset({BoothStep.PREVIEW, BoothStep.COUNTDOWN, BoothStep.CAPTURE})


class Booth:
    """The booth's model: applies events on the model worker, answers the clock's ``due``.

    Every photo taken is kept in ``photos`` with its fate; the current visit's is
    ``state.photo``. ``posts_asked`` lists the photos the guest asked to post, in order:
    the outbox takes them from there (and only from there).
    """

    def __init__(self, timings: BoothTimings | None = None, *, hashtag: str = "") -> None:
        self.timings = timings or BoothTimings()
        self.hashtag = hashtag  # the text of a booth post
        self._state = idle_booth()
        self.photos: dict[str, BoothPhoto] = {}
        self.posts_asked: list[str] = []
        self.queued: set[str] = set()  # photos whose outbox entry is journalled
        self._offered: set[str] = set()  # handed to the clock, not yet applied (not kept)
        self.ignored: Counter[str] = Counter()  # "step:action" → touches ignored
        self._switches = SwitchesState()  # armed or not: the booth's switch

    # -- reading -------------------------------------------------------------------
    def latest(self) -> BoothState:
        return self._state

    def photo(self, photo_id: str) -> BoothPhoto | None:
        return self.photos.get(photo_id)

    # -- the clock -----------------------------------------------------------------
    def due(self, now: float) -> Sequence[Event]:
        """The deadline that passed, and the outbox entry of each photo the guest asked
        to post and not yet queued (``booth-<photo id>``: a replay finds it queued, and
        the outbox would ignore a second one with the same id)."""
        events: list[Event] = []
        state = self._state
        if state.deadline and now >= state.deadline:
            events.append(BoothTimedOut(step=state.step, move=state.move, at=now))
        for photo_id in self.posts_asked:
            if photo_id in self.queued or photo_id in self._offered:
                continue
            photo = self.photos[photo_id]
            self._offered.add(photo_id)
            events.append(
                OutboxQueued(
                    entry_id=BOOTH_ENTRY_PREFIX + photo_id,
                    draft=Draft(text=post_text(photo, self.hashtag), media=(shared_path(photo),)),
                    post_kind=PostKind.PHOTO,
                    actor="guest",
                    at=now,
                )
            )
        return tuple(events)

    # -- journal snapshots -------------------------------------------------------------
    def capture(self, locked: bool = True) -> Callable[[], BoothModelState]:
        state = BoothModelState(
            self._state,
            tuple(self.photos.values()),
            tuple(self.posts_asked),
            tuple(sorted(self.queued)),
            tuple(self.ignored.items()),
            self._state.offered_caption,
            self._switches,
        )
        return lambda: state

    def restore(self, state: BoothModelState) -> None:
        self._state = state.state or idle_booth()
        if state.state is not None and state.offered_caption != self._state.offered_caption:
            self._state = msgspec.structs.replace(
                self._state, offered_caption=state.offered_caption
            )
        self.photos = {photo.photo_id: photo for photo in state.photos}
        self.posts_asked = list(state.posts_asked)
        self.queued = set(state.queued)
        self._offered = set()
        self.ignored = Counter(dict(state.ignored))
        self._switches = state.switches

    # -- applying events -------------------------------------------------------------
    def apply(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, BoothTouched):
                self._touched(event)
            elif isinstance(event, OutboxQueued):
                if event.entry_id.startswith(BOOTH_ENTRY_PREFIX):
                    photo_id = event.entry_id.removeprefix(BOOTH_ENTRY_PREFIX)
                    self.queued.add(photo_id)
                    self._offered.discard(photo_id)
            elif isinstance(event, BoothTimedOut):
                self._timed_out(event)
            elif isinstance(event, PhotoCaptured):
                self._captured(event)
            elif isinstance(event, BoothStyled):
                self._styled(event)
            elif isinstance(event, BoothCaptionOffered):
                self._caption_offered(event)
            elif isinstance(event, PhotoComposed):
                photo = self.photos.get(event.photo_id)
                if photo is not None:
                    self._update(msgspec.structs.replace(photo, composed=True))
            elif isinstance(event, ClipSaved | ClipFailed):
                self._clip(event)
            elif isinstance(event, BoothClipChosen):
                self._clip_chosen(event)
            elif isinstance(event, BoothTrouble):
                self._trouble(event.reason, event.at)
            elif isinstance(event, SessionPlanned):
                self._arming(self._switches.planned(event.plan), event.at)
            elif isinstance(event, RoomSwitched) and event.switch is RoomSwitch.BOOTH:
                self._arming(self._switches.switched(event), event.at)
            elif (
                isinstance(event, CameraStateChanged)
                and event.state is CameraState.LOST
                and self._state.step in _NEEDS_CAMERA
            ):
                self._trouble(event.detail or "the camera stopped giving pictures", event.at)

    def _touched(self, event: BoothTouched) -> None:
        state = self._state
        target = MOVES[state.step].get(event.action)
        if target is None:
            self.ignored[f"{state.step}:{event.action}"] += 1
            self._state = msgspec.structs.replace(state, ignored=state.ignored + 1)
            return
        photo = state.photo
        if photo is not None:
            if event.action is BoothAction.RETAKE:
                self._set_fate(photo, PhotoFate.RETAKEN)
                photo = None
            elif event.action is BoothAction.KEEP:
                photo = self._set_fate(photo, PhotoFate.KEPT)
            elif event.action is BoothAction.SIGNED:
                photo = self._keep(msgspec.structs.replace(photo, signed=True))
            elif event.action in _FATE_OF:
                photo = self._set_fate(photo, _FATE_OF[event.action])
                if event.action is BoothAction.POST:
                    self.posts_asked.append(photo.photo_id)
        if target is BoothStep.ATTRACT:
            photo = None
        self._enter(target, event.at, photo)

    def _timed_out(self, event: BoothTimedOut) -> None:
        state = self._state
        if event.move != state.move or event.step is not state.step:
            return  # the deadline of a step already left
        target = ON_DEADLINE[state.step]
        photo = state.photo
        if target is BoothStep.ATTRACT and photo is not None and photo.fate in _UNDECIDED:
            self._set_fate(photo, PhotoFate.LEFT)  # kept on disk, never posted
        if target is BoothStep.ATTRACT:
            photo = None
        self._enter(target, event.at, photo)

    def _captured(self, event: PhotoCaptured) -> None:
        photo = self._keep(BoothPhoto(event.photo_id, event.path, event.width, event.height))
        if self._state.step in (BoothStep.CAPTURE, BoothStep.ONE_MOMENT):
            # a photo late for its step still counts: taken is never lost
            self._enter(BoothStep.REVIEW, event.at, photo)

    def _styled(self, event: BoothStyled) -> None:
        """A frame and caption for a photo: only the current visit's, on the finish step
        (a stray or late choice is counted and ignored); the step never moves."""
        state = self._state
        photo = state.photo
        if state.step is not BoothStep.FINISH or photo is None or photo.photo_id != event.photo_id:
            self.ignored[f"{state.step}:styled"] += 1
            self._state = msgspec.structs.replace(state, ignored=state.ignored + 1)
            return
        self._update(
            msgspec.structs.replace(photo, frame=event.frame, caption=event.caption, composed=False)
        )

    def _clip(self, event: ClipSaved | ClipFailed) -> None:
        """A photo's boomerang written, or why there is none (any step: it comes late)."""
        photo = self.photos.get(event.photo_id)
        if photo is None:
            return  # a photo the disk refused (kept in memory): its clip is in the folder
        if isinstance(event, ClipSaved):
            photo = msgspec.structs.replace(
                photo, clip_mp4=event.mp4, clip_gif=event.gif, clip_problem=""
            )
        else:
            photo = msgspec.structs.replace(photo, clip_problem=event.reason, share_clip=False)
        self._update(photo)

    def _clip_chosen(self, event: BoothClipChosen) -> None:
        """Photo or boomerang for the guest's post: only on the share step, for the visit's
        photo, and the boomerang only once written (else counted and ignored)."""
        state = self._state
        photo = state.photo
        if (
            state.step is not BoothStep.SHARE
            or photo is None
            or photo.photo_id != event.photo_id
            or (event.clip and not photo.clip_mp4)
        ):
            self.ignored[f"{state.step}:clip"] += 1
            self._state = msgspec.structs.replace(state, ignored=state.ignored + 1)
            return
        self._update(msgspec.structs.replace(photo, share_clip=event.clip))

    def _caption_offered(self, event: BoothCaptionOffered) -> None:
        """The operator's caption: offered from now on, and chosen for the photo on the
        finish step (the guest can still choose another)."""
        state = msgspec.structs.replace(self._state, offered_caption=event.caption)
        self._state = state
        photo = state.photo
        if state.step is BoothStep.FINISH and photo is not None and event.caption:
            self._update(msgspec.structs.replace(photo, caption=event.caption, composed=False))

    def _update(self, photo: BoothPhoto) -> None:
        """A photo changed in place: kept, and the visit's own copy replaced (no move)."""
        self._keep(photo)
        state = self._state
        if state.photo is not None and state.photo.photo_id == photo.photo_id:
            self._state = msgspec.structs.replace(state, photo=photo)

    def _arming(self, switches: SwitchesState, at: float) -> None:
        """Armed or disarmed: from disarmed to attract and back at once; in the middle of
        a visit, disarmed when it comes back to attract (``_enter``)."""
        self._switches = switches
        armed = switches.current().booth
        state = self._state
        if armed == state.armed:
            return
        self._state = msgspec.structs.replace(state, armed=armed)
        if armed and state.step is BoothStep.DISARMED:
            self._enter(BoothStep.ATTRACT, at, None)
        elif not armed and state.step is BoothStep.ATTRACT:
            self._enter(BoothStep.DISARMED, at, None)

    def _trouble(self, reason: str, at: float) -> None:
        if self._state.step in (BoothStep.ATTRACT, BoothStep.ONE_MOMENT, BoothStep.DISARMED):
            return
        self._enter(BoothStep.ONE_MOMENT, at, self._state.photo, trouble=reason)

    # -- bookkeeping -----------------------------------------------------------------
    def _enter(
        self, step: BoothStep, at: float, photo: BoothPhoto | None, trouble: str = ""
    ) -> None:
        state = self._state
        if step is BoothStep.ATTRACT and not state.armed:
            step = BoothStep.DISARMED
        span = getattr(self.timings, step.value, 0.0)
        self._state = BoothState(
            step=step,
            move=state.move + 1,
            entered_at=at,
            deadline=at + span if step in ON_DEADLINE and span > 0 else 0.0,
            photo=photo,
            trouble=trouble,
            ignored=state.ignored,
            offered_caption=state.offered_caption,
            armed=state.armed,
        )

    def _keep(self, photo: BoothPhoto) -> BoothPhoto:
        self.photos[photo.photo_id] = photo
        return photo

    def _set_fate(self, photo: BoothPhoto, fate: PhotoFate) -> BoothPhoto:
        return self._keep(msgspec.structs.replace(photo, fate=fate))
