"""Every fact of the room is an event: frozen, typed, serialisable.

Events are msgspec Structs tagged with their kind and schema version, "Kind@version"
(``EVENT_VERSIONS``; 1 unless bumped), so a journal row decodes back into the right
class and an older version can be told apart and upgraded (``core/wire.py``).
``critical`` events (questions, decisions, session, photos, camera and source state)
are never shed by the bus.

Changing an event's fields in a way an old journal cannot be read as (a field renamed,
removed, or added without a default) means bumping its version here and writing its
upgrade in ``core/wire.py``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from enum import StrEnum
from typing import ClassVar, Final, TypeAlias

import msgspec

from blueroom.core.detect import looks_like_question
from blueroom.core.moderation import ModerationRules
from blueroom.core.plan import Plan
from blueroom.core.posting import Draft
from blueroom.core.tweet import Tweet


def _now() -> float:
    return time.time()


# The schema version of each kind of event whose fields changed since it first shipped.
EVENT_VERSIONS: Final[Mapping[str, int]] = {}


def wire_tag(kind: str) -> str:
    """How an event is tagged on the wire: its kind and schema version."""
    return f"{kind}@{EVENT_VERSIONS.get(kind, 1)}"


class Event(msgspec.Struct, frozen=True, tag=wire_tag, kw_only=True, gc=False):
    """Base of all events. ``at`` is wall-clock seconds when the fact happened."""

    at: float = msgspec.field(default_factory=_now)
    critical: ClassVar[bool] = True
    # A person's decision: it jumps the queue of posts on the bus (see core/bus.py).
    urgent: ClassVar[bool] = False

    @property
    def sheddable(self) -> bool:
        return not self.critical

    @property
    def kind(self) -> str:
        return type(self).__name__

    @classmethod
    def version(cls) -> int:
        return EVENT_VERSIONS.get(cls.__name__, 1)


class TweetReceived(Event, frozen=True, kw_only=True):
    tweet: Tweet
    source: str = ""
    critical: ClassVar[bool] = False

    @property
    def sheddable(self) -> bool:
        return not looks_like_question(self.tweet.text)


class MalformedRecord(Event, frozen=True, kw_only=True):
    """A payload from outside that was not (wholly) understood; ``excerpt`` is raw text.

    ``dropped`` is False when the post was kept without the bad part (a bad position).
    """

    source: str
    reason: str
    excerpt: str = ""
    line: int = 0
    dropped: bool = True
    critical: ClassVar[bool] = False

    @property
    def sheddable(self) -> bool:
        return True


class QuestionState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"  # in the trash, restorable
    ON_AIR = "on_air"
    ANSWERED = "answered"
    STASHED = "stashed"  # kept for later, out of the queue
    NOT_QUESTION = "not_question"  # demoted by a person: not a question for the guest


class QuestionStateChanged(Event, frozen=True, kw_only=True):
    """A person (or, with ``actor="rule"``, an automatic rule) decided about a question."""

    urgent: ClassVar[bool] = True
    tweet_id: str
    state: QuestionState
    actor: str = "operator"
    reason: str = ""
    rule: str = ""  # the rule's code when a rule decided


class PostPromoted(Event, frozen=True, kw_only=True):
    """A person says a post addressed to the guest, judged not a question, is one."""

    urgent: ClassVar[bool] = True
    tweet_id: str
    actor: str = "operator"


class QuestionStarred(Event, frozen=True, kw_only=True):
    urgent: ClassVar[bool] = True
    tweet_id: str
    starred: bool
    actor: str = "operator"


class QuestionArmed(Event, frozen=True, kw_only=True):
    """The question in preview, taken on air with one key; ``tweet_id=""`` clears it."""

    urgent: ClassVar[bool] = True
    tweet_id: str
    actor: str = "operator"


class DecisionUndone(Event, frozen=True, kw_only=True):
    """Undo the last decision a person took (state, star or arm), as it was before."""

    urgent: ClassVar[bool] = True
    actor: str = "operator"


class ModerationRulesChanged(Event, frozen=True, kw_only=True):
    """The automatic rules in force from now on (they never rewrite past decisions)."""

    urgent: ClassVar[bool] = True
    rules: ModerationRules
    actor: str = "operator"


class HeatMapChanged(Event, frozen=True, kw_only=True):
    """The heat-map wall's view (a preset or a custom box), mode and half-life."""

    urgent: ClassVar[bool] = True
    preset: str = "world"
    box: tuple[float, float, float, float] | None = None  # west, south, east, north
    mode: str = "live"  # "live" (fading) or "cumulative"
    half_life: float = 600.0  # seconds
    actor: str = "operator"


class HeatMapReset(Event, frozen=True, kw_only=True):
    """The heat map starts again from nothing (counters included)."""

    urgent: ClassVar[bool] = True
    actor: str = "operator"


class SessionStarted(Event, frozen=True, kw_only=True):
    session_id: str
    label: str = ""


class SessionEnded(Event, frozen=True, kw_only=True):
    urgent: ClassVar[bool] = True
    session_id: str


class SessionStepChanged(Event, frozen=True, kw_only=True):
    urgent: ClassVar[bool] = True
    step: int
    step_id: str
    actor: str = "operator"


class WallsHeld(Event, frozen=True, kw_only=True):
    """The panic key: every wall and the guest panel's public face on a calm holding
    slate (``held``), or back to what they show."""

    urgent: ClassVar[bool] = True
    held: bool
    actor: str = "operator"


class SessionPlanned(Event, frozen=True, kw_only=True):
    """The session's plan (the guest, the script, its adaptation, the hard end), whole:
    the room starts with the settings' and the console's planning replaces it."""

    urgent: ClassVar[bool] = True
    plan: Plan
    actor: str = "operator"


class ShowAction(StrEnum):
    START = "start"  # the hour's first segment
    NEXT = "next"
    BACK = "back"  # the previous segment again, its clock from zero
    SKIP = "skip"  # a segment to come will not run (``segment_id``, default the next)
    EXTEND = "extend"  # ``minutes`` more for the current segment
    PAUSE = "pause"
    RESUME = "resume"
    GOTO = "goto"  # straight to ``segment_id``
    FOLLOW = "follow"  # by itself: the segment ended and the next follows it
    AT = "at"  # by itself: the next segment's clock time came


class RunOfShowMoved(Event, frozen=True, kw_only=True):
    """A change of the run-of-show clock, at ``at`` (every clock reads its times from
    these events, never from when they were applied).

    ``from_segment``: the segment the operator saw as current ("" for any): a move
    decided against a segment already left is ignored (and counted). ``move``: for the
    clock's own moves (``FOLLOW``, ``AT``), the move they follow; -1 for a person's.
    """

    urgent: ClassVar[bool] = True
    action: ShowAction
    segment_id: str = ""
    from_segment: str = ""
    minutes: float = 0.0
    move: int = -1
    actor: str = "operator"


class CueSent(Event, frozen=True, kw_only=True):
    """A segment's cue, sent once as its segment was entered (``entering``) or left on
    move ``move``; ``acted``: the room did it (``how`` says what, or why it could not)."""

    urgent: ClassVar[bool] = True
    cue: str
    segment_id: str
    entering: bool
    move: int
    acted: bool
    how: str = ""


class RoomSwitch(StrEnum):
    """What a segment's cue (or the console) turns on and off in the room."""

    QUESTIONS_WALL = "questions_wall"  # the questions wall shows them (off: its resting screen)
    QUESTIONS_OPEN = "questions_open"  # the Q&A is open: the guest picks, the wall invites
    BOOTH = "booth"  # the mirror's photo booth is armed (off: "it opens in a moment")
    ON_CAMERA = "on_camera"  # the live step's badge: LIVE while a stream runs, else ON CAMERA


class RoomSwitched(Event, frozen=True, kw_only=True):
    """A room switch turned on or off, by a person on the console or by a segment's cue
    (``actor="cue"``, in the same batch as its ``CueSent``)."""

    urgent: ClassVar[bool] = True
    switch: RoomSwitch
    on: bool
    actor: str = "operator"


class OverlayToggled(Event, frozen=True, kw_only=True):
    """An overlay of the programme (``core/programme.py``'s ``Overlay``) turned on or off."""

    urgent: ClassVar[bool] = True
    overlay: str
    shown: bool
    actor: str = "operator"


class RecordingAsked(Event, frozen=True, kw_only=True):
    """A person (or a session step's cue, ``actor="script"``) asks for the programme's
    recording to start (``recording``) or stop; the screens' process acts on it."""

    urgent: ClassVar[bool] = True
    recording: bool
    actor: str = "operator"


class RecordingStarted(Event, frozen=True, kw_only=True):
    """The programme is being recorded to ``path`` (a fragmented MP4)."""

    path: str
    width: int
    height: int
    fps: float
    audio: str = ""  # the microphone recorded, "" for none


class RecordingStopped(Event, frozen=True, kw_only=True):
    """The recording ended; ``reason`` says why when it was not asked (a full disk)."""

    path: str
    seconds: float
    frames: int
    dropped: int
    size: int
    reason: str = ""


class StreamAsked(Event, frozen=True, kw_only=True):
    """A person (or the session's live step, ``actor="script"``) asks for the programme's
    stream to start (``streaming``) or stop; the screens' process acts on it."""

    urgent: ClassVar[bool] = True
    streaming: bool
    actor: str = "operator"


class StreamStateChanged(Event, frozen=True, kw_only=True):
    """The programme's stream changed state (``capture/streamer.py``'s ``StreamState``:
    connecting, live, reconnecting, stopped, failed); ``reason`` says why it failed,
    stopped or was lost (one line); ``address`` is where it goes, never with its key."""

    state: str
    address: str = ""
    reason: str = ""
    reconnects: int = 0
    frames_sent: int = 0
    frames_dropped: int = 0
    seconds: float = 0.0  # how long it has been live

    @property
    def live(self) -> bool:
        return self.state == "live"


class PhotoCaptured(Event, frozen=True, kw_only=True):
    urgent: ClassVar[bool] = True
    photo_id: str
    path: str
    width: int
    height: int


class PhotoOnWall(Event, frozen=True, kw_only=True):
    """A person sends a photo to the video wall, shown full screen for ``seconds``."""

    urgent: ClassVar[bool] = True
    path: str
    seconds: float
    actor: str = "operator"


class BoothStep(StrEnum):
    ATTRACT = "attract"  # "tap to take a photo", the camera mirrored behind
    PREVIEW = "preview"  # pose; one big button starts the countdown
    COUNTDOWN = "countdown"  # 3-2-1
    CAPTURE = "capture"  # the flash: the camera takes the full-resolution photo
    REVIEW = "review"  # keep it or retake it
    SIGN = "sign"  # sign with a finger (time-boxed, Skip)
    FINISH = "finish"  # frame and caption
    SHARE = "share"  # Post, Save only, or Discard
    DONE = "done"  # the QR codes to take it home
    ONE_MOMENT = "one_moment"  # the failsafe: something went wrong, it recovers by itself
    DISARMED = "disarmed"  # not open yet: "the mirror opens in a moment" (armed: attract)


class BoothAction(StrEnum):
    START = "start"
    SHOOT = "shoot"
    CANCEL = "cancel"
    RETAKE = "retake"
    KEEP = "keep"
    SIGNED = "signed"
    SKIP = "skip"
    FINISHED = "finished"  # frame and caption chosen
    POST = "post"
    SAVE = "save"
    DISCARD = "discard"
    CLOSE = "close"


class BoothTouched(Event, frozen=True, kw_only=True):
    """The guest (or the staff for them) touched a booth button."""

    urgent: ClassVar[bool] = True
    action: BoothAction
    actor: str = "guest"


class BoothTimedOut(Event, frozen=True, kw_only=True):
    """A step's deadline passed; ``move`` names the move it ends, so that a deadline of
    an earlier visit to the same step is told apart (and ignored)."""

    step: BoothStep
    move: int


class BoothTrouble(Event, frozen=True, kw_only=True):
    """The capture could not go on (no picture, a disk that refuses the photo)."""

    reason: str


class BoothStyled(Event, frozen=True, kw_only=True):
    """The guest chose a frame and a caption for a photo on the finish step ("" for none;
    the caption as shown, its name and hashtag filled in). Never moves the step."""

    urgent: ClassVar[bool] = True
    photo_id: str
    frame: str
    caption: str
    actor: str = "guest"


class BoothCaptionOffered(Event, frozen=True, kw_only=True):
    """The operator typed a caption for the booth: offered to the guest from now on (and
    chosen for the photo on the finish step); "" withdraws it."""

    urgent: ClassVar[bool] = True
    caption: str
    actor: str = "operator"


class PhotoComposed(Event, frozen=True, kw_only=True):
    """The photo's final JPEG (frame, texts, caption, Exif) is written at ``path``."""

    photo_id: str
    path: str


class ClipSaved(Event, frozen=True, kw_only=True):
    """A booth photo's boomerang is written beside it: an MP4 and a GIF of the same move."""

    photo_id: str
    mp4: str
    gif: str
    frames: int = 0  # distinct frames of the burst


class ClipFailed(Event, frozen=True, kw_only=True):
    """A booth photo has no boomerang (``reason``: too few frames, a disk that refused
    it, kept in memory); the photo itself is untouched."""

    photo_id: str
    reason: str


class BoothClipChosen(Event, frozen=True, kw_only=True):
    """On the share step, what the guest's Post will send: the boomerang (``clip``) or the
    photo. Never moves the step; only Post posts."""

    urgent: ClassVar[bool] = True
    photo_id: str
    clip: bool
    actor: str = "guest"


class CameraState(StrEnum):
    STARTING = "starting"
    LIVE = "live"
    LOST = "lost"
    STOPPED = "stopped"


class CameraStateChanged(Event, frozen=True, kw_only=True):
    state: CameraState
    device: str
    detail: str = ""


class SourceState(StrEnum):
    STARTING = "starting"
    RUNNING = "running"
    LOOPING = "looping"
    FINISHED = "finished"
    FAILED = "failed"
    STOPPED = "stopped"


class SourceStateChanged(Event, frozen=True, kw_only=True):
    source: str
    state: SourceState
    detail: str = ""


class SourceCheckpoint(Event, frozen=True, kw_only=True):
    """Where a source had got to, so a resumed session continues instead of restarting.

    Each kind of source has its own (a replay's line, a stream's last post id); the
    engine hands the last one to the source of a resumed session.
    """

    source: str


class ReplayCheckpoint(SourceCheckpoint, frozen=True, kw_only=True):
    """A replay's position: the recording, the loop and the last line played."""

    path: str
    loop: int
    line: int


class XCheckpoint(SourceCheckpoint, frozen=True, kw_only=True):
    """Where the live X stream or search had got to: the newest post id read and its
    time, so a restarted room back-fills from there (recent search ``since_id``)."""

    kind_of_source: str  # "live" or "search"
    last_id: str
    last_at: float = 0.0


class PostDeleted(Event, frozen=True, kw_only=True):
    """X says a post was deleted by its author: it leaves the walls and the queue."""

    tweet_id: str
    source: str = ""


class XUsage(Event, frozen=True, kw_only=True):
    """What exchanges with X cost, in the units X bills (pay-per-use), published by the
    X package after billable calls (batched: a stream's posts once a second or so).

    ``what`` names the use: "stream", "search", "backfill", "lookup", "post", "media",
    "check", "resolve" (reading the room's own posts to settle an unknown outcome).
    """

    what: str
    reads: int = 0  # posts read, written by others
    owned_reads: int = 0  # posts read from the room's own account
    posts: int = 0  # posts created without a link
    posts_with_link: int = 0
    media: int = 0  # media uploaded
    # The ids of the posts read, when known: X bills a post read once per UTC day, and
    # the cost meter can only deduplicate what is named (``core/cost.py``).
    read_ids: tuple[str, ...] = ()


class BudgetWarning(Event, frozen=True, kw_only=True):
    """The session's X cost reached 80 % of ``cost.budget`` (said once per budget)."""

    spent: float
    cap: float
    currency: str = "USD"


class BudgetReached(Event, frozen=True, kw_only=True):
    """The session's X cost reached ``cost.budget``: the engine stopped reading (posting
    goes on)."""

    spent: float
    cap: float
    currency: str = "USD"


class GuestSignedIn(Event, frozen=True, kw_only=True):
    """The guest signed in to their own X account for the session (the fact and the
    handle only: a token never goes in an event)."""

    handle: str  # "@leamarchand"


class GuestSignedOut(Event, frozen=True, kw_only=True):
    """The guest's X token was revoked (or dropped): the session ended, the room quit,
    or the operator signed the guest out. ``revoked``: X confirmed the revocation."""

    handle: str
    reason: str = ""
    revoked: bool = True


# -- the outbox: every post the room makes, and what became of it (core/outbox.py) ----------


class PostKind(StrEnum):
    REPLY = "reply"  # a reply to the author of the question on air
    POST = "post"  # a free post, with the event's hashtag
    PHOTO = "photo"  # a post with a photo attached


class PostAs(StrEnum):
    """Whose account a post goes out from."""

    ROOM = "room"  # the room's account (the outbox's usual poster)
    GUEST = "guest"  # the guest's own account, signed in for the session (x/guest.py)


class OutboxQueued(Event, frozen=True, kw_only=True):
    """A person asked for this post to be made (one explicit Send, confirmed)."""

    urgent: ClassVar[bool] = True
    entry_id: str
    draft: Draft
    post_kind: PostKind = PostKind.POST
    question_id: str = ""  # the question it answers (a reply)
    actor: str = "operator"
    post_as: PostAs = PostAs.ROOM


class OutboxEdited(Event, frozen=True, kw_only=True):
    """A person changed the text of an entry not yet posted."""

    urgent: ClassVar[bool] = True
    entry_id: str
    text: str
    actor: str = "operator"


class OutboxRetried(Event, frozen=True, kw_only=True):
    """A person asks for another try now (a failed entry, one that needs a person, or one
    whose outcome could not be read: the person checked the account, it is not there)."""

    urgent: ClassVar[bool] = True
    entry_id: str
    actor: str = "operator"


class OutboxCancelled(Event, frozen=True, kw_only=True):
    urgent: ClassVar[bool] = True
    entry_id: str
    actor: str = "operator"


class OutboxMarkedPosted(Event, frozen=True, kw_only=True):
    """A person checked the account and found the post there."""

    urgent: ClassVar[bool] = True
    entry_id: str
    url: str = ""
    actor: str = "operator"


class OutboxSending(Event, frozen=True, kw_only=True):
    """Attempt ``attempt`` starts: journalled before the request goes out, so a crash
    from here on leaves an entry to be checked on the account, never sent blindly again."""

    entry_id: str
    attempt: int


class OutboxPosted(Event, frozen=True, kw_only=True):
    """On the account; ``found``: seen by reading the account after an unknown outcome."""

    entry_id: str
    post_id: str
    url: str
    found: bool = False


class OutboxFailed(Event, frozen=True, kw_only=True):
    """A transient refusal (429, 5xx, the network before sending): tried again at ``retry_at``."""

    entry_id: str
    reason: str
    retry_at: float


class OutboxUnknown(Event, frozen=True, kw_only=True):
    """Sent, and no answer (or the room stopped mid-send): the account is read at
    ``check_at`` before anything is sent again."""

    entry_id: str
    reason: str
    check_at: float


class OutboxNotFound(Event, frozen=True, kw_only=True):
    """The account was read after an unknown outcome: the post is not there, so it is sent."""

    entry_id: str


class OutboxNeedsPerson(Event, frozen=True, kw_only=True):
    """A permanent refusal, too many tries, or (``unresolved``) an outcome that could not
    be read: a person checks the account, then marks it posted or retries."""

    entry_id: str
    reason: str
    unresolved: bool = False


class OutboxSaved(Event, frozen=True, kw_only=True):
    """Kept, not posted: the room has no posting credentials (``reason`` says so)."""

    entry_id: str
    reason: str


class OutboxRehearsed(Event, frozen=True, kw_only=True):
    """A rehearsal: everything ran but nothing was sent."""

    entry_id: str


# -- the guided hour: the operator's cues to the guest, the guest's call for help --------------


class CueKind(StrEnum):
    WRAP_UP = "wrap-up"
    NEXT_QUESTION = "next-question"
    TEXT = "text"  # the operator's own words


class GuestCued(Event, frozen=True, kw_only=True):
    """The operator sends the guest a cue; it replaces any cue still unacknowledged."""

    urgent: ClassVar[bool] = True
    cue_id: str
    cue: CueKind
    text: str = ""  # the operator's words, for ``CueKind.TEXT``
    actor: str = "operator"


class GuestCueAcknowledged(Event, frozen=True, kw_only=True):
    """The guest tapped "OK" on the cue."""

    urgent: ClassVar[bool] = True
    cue_id: str
    actor: str = "guest"


class GuestCueWithdrawn(Event, frozen=True, kw_only=True):
    """The operator takes the cue back before the guest has acknowledged it."""

    urgent: ClassVar[bool] = True
    cue_id: str
    actor: str = "operator"


class GuestHelpAsked(Event, frozen=True, kw_only=True):
    """The guest asked for help (one button): the console alerts until staff answer."""

    urgent: ClassVar[bool] = True
    request_id: str
    actor: str = "guest"


class GuestHelpAnswered(Event, frozen=True, kw_only=True):
    """A staff member answered the guest's call for help."""

    urgent: ClassVar[bool] = True
    request_id: str
    actor: str = "operator"


AnyEvent: TypeAlias = (
    TweetReceived
    | MalformedRecord
    | QuestionStateChanged
    | PostPromoted
    | QuestionStarred
    | QuestionArmed
    | DecisionUndone
    | ModerationRulesChanged
    | HeatMapChanged
    | HeatMapReset
    | SessionStarted
    | SessionEnded
    | SessionStepChanged
    | WallsHeld
    | SessionPlanned
    | RunOfShowMoved
    | CueSent
    | RoomSwitched
    | OverlayToggled
    | RecordingAsked
    | RecordingStarted
    | RecordingStopped
    | StreamAsked
    | StreamStateChanged
    | PhotoCaptured
    | PhotoOnWall
    | BoothTouched
    | BoothTimedOut
    | BoothTrouble
    | BoothStyled
    | BoothCaptionOffered
    | PhotoComposed
    | ClipSaved
    | ClipFailed
    | BoothClipChosen
    | CameraStateChanged
    | SourceStateChanged
    | ReplayCheckpoint
    | XCheckpoint
    | PostDeleted
    | XUsage
    | BudgetWarning
    | BudgetReached
    | GuestSignedIn
    | GuestSignedOut
    | OutboxQueued
    | OutboxEdited
    | OutboxRetried
    | OutboxCancelled
    | OutboxMarkedPosted
    | OutboxSending
    | OutboxPosted
    | OutboxFailed
    | OutboxUnknown
    | OutboxNotFound
    | OutboxNeedsPerson
    | OutboxSaved
    | OutboxRehearsed
    | GuestCued
    | GuestCueAcknowledged
    | GuestCueWithdrawn
    | GuestHelpAsked
    | GuestHelpAnswered
)
# Where each kind of source had got to (the live sources add theirs here).
AnyCheckpoint: TypeAlias = ReplayCheckpoint | XCheckpoint

_encoder = msgspec.json.Encoder()
_decoder: msgspec.json.Decoder[AnyEvent] = msgspec.json.Decoder(AnyEvent)


def encode_event(event: Event) -> bytes:
    return _encoder.encode(event)


def decode_event(data: bytes | str) -> Event:
    return _decoder.decode(data)
