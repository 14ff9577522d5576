"""What the operator and the guest can do, as events on the bus (never direct mutation)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import msgspec

from blueroom.core.asking import DEMOTED
from blueroom.core.events import (
    BoothAction,
    BoothCaptionOffered,
    BoothClipChosen,
    BoothStyled,
    BoothTouched,
    CueKind,
    DecisionUndone,
    Event,
    GuestCueAcknowledged,
    GuestCued,
    GuestCueWithdrawn,
    GuestHelpAnswered,
    GuestHelpAsked,
    HeatMapChanged,
    HeatMapReset,
    ModerationRulesChanged,
    OutboxCancelled,
    OutboxEdited,
    OutboxMarkedPosted,
    OutboxQueued,
    OutboxRetried,
    OverlayToggled,
    PhotoComposed,
    PhotoOnWall,
    PostAs,
    PostKind,
    PostPromoted,
    QuestionArmed,
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    RecordingAsked,
    RoomSwitch,
    RoomSwitched,
    RunOfShowMoved,
    SessionEnded,
    SessionPlanned,
    ShowAction,
    StreamAsked,
    WallsHeld,
)
from blueroom.core.moderation import ModerationRules
from blueroom.core.plan import Plan
from blueroom.core.posting import Draft
from blueroom.core.readers import SessionReader


class RoomActions:
    def __init__(
        self, publish: Callable[[Event], int], session: SessionReader, session_id: str
    ) -> None:
        self._publish = publish
        self._session = session
        self._session_id = session_id
        self._pending_step: int | None = None  # asked for, not yet applied by the models

    def set_question(
        self, tweet_id: str, state: QuestionState, actor: str = "operator", reason: str = ""
    ) -> None:
        self._publish(
            QuestionStateChanged(tweet_id=tweet_id, state=state, actor=actor, reason=reason)
        )

    def approve(self, tweet_id: str, actor: str = "operator") -> None:
        self.set_question(tweet_id, QuestionState.APPROVED, actor)

    def reject(self, tweet_id: str, actor: str = "operator", reason: str = "") -> None:
        self.set_question(tweet_id, QuestionState.REJECTED, actor, reason)

    def put_on_air(self, tweet_id: str, actor: str = "operator") -> None:
        self.set_question(tweet_id, QuestionState.ON_AIR, actor)

    def mark_answered(self, tweet_id: str, actor: str = "operator") -> None:
        self.set_question(tweet_id, QuestionState.ANSWERED, actor)

    def stash(self, tweet_id: str, actor: str = "operator") -> None:
        self.set_question(tweet_id, QuestionState.STASHED, actor)

    def requeue(self, tweet_id: str, actor: str = "operator") -> None:
        """Back to the queue: un-approve, unstash, or restore from the trash."""
        self.set_question(tweet_id, QuestionState.PENDING, actor)

    def demote(self, tweet_id: str, actor: str = "operator") -> None:
        """Not a question for the guest: out of the queue, into the "not questions" list."""
        self.set_question(tweet_id, QuestionState.NOT_QUESTION, actor, DEMOTED.say())

    def promote(self, tweet_id: str, actor: str = "operator") -> None:
        """A question after all: a demoted card back to the queue, or a post the rules
        passed over taken as a question."""
        self._publish(PostPromoted(tweet_id=tweet_id, actor=actor))

    def star(self, tweet_id: str, starred: bool, actor: str = "operator") -> None:
        self._publish(QuestionStarred(tweet_id=tweet_id, starred=starred, actor=actor))

    def arm(self, tweet_id: str, actor: str = "operator") -> None:
        """Put a question in preview; ``take`` puts it on air. ``""`` clears the preview."""
        self._publish(QuestionArmed(tweet_id=tweet_id, actor=actor))

    def take(self, armed_id: str, actor: str = "operator") -> None:
        """The armed question goes on air; the one on air before counts as answered."""
        if armed_id:
            self.put_on_air(armed_id, actor)

    def undo(self, actor: str = "operator") -> None:
        self._publish(DecisionUndone(actor=actor))

    def set_heat_map(
        self,
        preset: str,
        mode: str,
        half_life: float,
        box: tuple[float, float, float, float] | None = None,
        actor: str = "operator",
    ) -> None:
        self._publish(
            HeatMapChanged(preset=preset, box=box, mode=mode, half_life=half_life, actor=actor)
        )

    def reset_heat_map(self, actor: str = "operator") -> None:
        self._publish(HeatMapReset(actor=actor))

    def set_rules(self, rules: ModerationRules, actor: str = "operator") -> None:
        self._publish(ModerationRulesChanged(rules=rules, actor=actor))

    def go_to_step(self, index: int, actor: str = "operator") -> None:
        event = self._session.step_event(index, actor)
        self._pending_step = event.step
        self._publish(event)

    def _current_step(self) -> int:
        """The step as the operator last set it, even before the models have caught up."""
        applied = self._session.latest().current
        if self._pending_step == applied:
            self._pending_step = None
        return applied if self._pending_step is None else self._pending_step

    def next_step(self, actor: str = "operator") -> None:
        self.go_to_step(self._current_step() + 1, actor)

    def previous_step(self, actor: str = "operator") -> None:
        self.go_to_step(self._current_step() - 1, actor)

    def run_of_show(
        self,
        action: ShowAction,
        *,
        segment_id: str = "",
        from_segment: str = "",
        minutes: float = 0.0,
        actor: str = "operator",
        at: float | None = None,
    ) -> None:
        """A change of the run-of-show clock, at ``at`` (None: now); ``from_segment``: the
        segment the person saw as current (a move against one already left is ignored)."""
        event = RunOfShowMoved(
            action=action,
            segment_id=segment_id,
            from_segment=from_segment,
            minutes=minutes,
            actor=actor,
        )
        self._publish(event if at is None else msgspec.structs.replace(event, at=at))

    def plan(self, plan: Plan, actor: str = "operator") -> None:
        """The session's plan from now on (the guest, the script, its adaptation)."""
        self._publish(SessionPlanned(plan=plan, actor=actor))

    def hold_walls(self, held: bool, actor: str = "operator") -> None:
        """The panic key: the walls and the guest panel on their holding slate, or back."""
        self._publish(WallsHeld(held=held, actor=actor))

    def switch(self, switch: RoomSwitch, on: bool, actor: str = "operator") -> None:
        """A room switch on or off (``core/switches.py``): the questions wall, the Q&A,
        the booth armed, the live step's badge; a segment's cue publishes the same."""
        self._publish(RoomSwitched(switch=switch, on=on, actor=actor))

    def show_overlay(self, overlay: str, shown: bool, actor: str = "operator") -> None:
        """An overlay of the programme on or off (``core/programme.py``'s ``Overlay``)."""
        self._publish(OverlayToggled(overlay=overlay, shown=shown, actor=actor))

    def record(self, recording: bool, actor: str = "operator") -> None:
        """Start (or stop) recording the programme; a session step's cue calls this with
        ``actor="script"``. The screens' process, which has the camera, acts on it."""
        self._publish(RecordingAsked(recording=recording, actor=actor))

    def stream(self, streaming: bool, actor: str = "operator") -> None:
        """Start (or stop) streaming the programme; the session's live step calls this
        with ``actor="script"``. The screens' process, which has the camera, acts on it."""
        self._publish(StreamAsked(streaming=streaming, actor=actor))

    def show_photo_on_wall(self, path: str, seconds: float, actor: str = "operator") -> None:
        """A photo full screen on the video wall for ``seconds``, then the camera again."""
        self._publish(PhotoOnWall(path=path, seconds=seconds, actor=actor))

    def booth(self, action: BoothAction, actor: str = "guest") -> None:
        """A touch on the mirror's booth (the booth decides where it leads, if anywhere)."""
        self._publish(BoothTouched(action=action, actor=actor))

    def booth_style(self, photo_id: str, frame: str, caption: str) -> None:
        """The guest's frame and caption for the photo on the finish step (no move)."""
        self._publish(BoothStyled(photo_id=photo_id, frame=frame, caption=caption))

    def booth_clip(self, photo_id: str, clip: bool) -> None:
        """The guest's choice on the share step: the boomerang or the photo (no move)."""
        self._publish(BoothClipChosen(photo_id=photo_id, clip=clip))

    def photo_composed(self, photo_id: str, path: str) -> None:
        """The booth photo's final JPEG is written (the disk worker says so)."""
        self._publish(PhotoComposed(photo_id=photo_id, path=path))

    def booth_caption(self, caption: str, actor: str = "operator") -> None:
        """The operator's caption, offered on the booth's finish step ("" withdraws it)."""
        self._publish(BoothCaptionOffered(caption=caption.strip(), actor=actor))

    # -- the guided hour: cues to the guest, the guest's call for help (core/guest_cues.py) --
    def cue_guest(self, cue: CueKind, text: str = "", actor: str = "operator") -> str:
        """A cue on the guest panel (it replaces one not yet acknowledged); its id."""
        cue_id = uuid.uuid4().hex[:12]
        self._publish(GuestCued(cue_id=cue_id, cue=cue, text=text.strip(), actor=actor))
        return cue_id

    def acknowledge_cue(self, cue_id: str, actor: str = "guest") -> None:
        self._publish(GuestCueAcknowledged(cue_id=cue_id, actor=actor))

    def withdraw_cue(self, cue_id: str, actor: str = "operator") -> None:
        self._publish(GuestCueWithdrawn(cue_id=cue_id, actor=actor))

    def ask_for_help(self, actor: str = "guest") -> str:
        request_id = uuid.uuid4().hex[:12]
        self._publish(GuestHelpAsked(request_id=request_id, actor=actor))
        return request_id

    def answer_help(self, request_id: str, actor: str = "operator") -> None:
        self._publish(GuestHelpAnswered(request_id=request_id, actor=actor))

    def end_session(self) -> None:
        self._publish(SessionEnded(session_id=self._session_id))

    # -- the outbox (core/outbox.py): what the room posts ---------------------------------
    def post(
        self,
        draft: Draft,
        kind: PostKind = PostKind.POST,
        question_id: str = "",
        actor: str = "operator",
        post_as: PostAs = PostAs.ROOM,
    ) -> str:
        """Ask for ``draft`` to be posted (after a person's confirmed Send), from the
        room's account or the guest's own; a reply to a question marks it answered.
        Returns the outbox entry's id."""
        entry_id = uuid.uuid4().hex[:12]
        self._publish(
            OutboxQueued(
                entry_id=entry_id,
                draft=draft,
                post_kind=kind,
                question_id=question_id,
                actor=actor,
                post_as=post_as,
            )
        )
        if kind is PostKind.REPLY and question_id:
            self.mark_answered(question_id, actor)
        return entry_id

    def edit_post(self, entry_id: str, text: str, actor: str = "operator") -> None:
        self._publish(OutboxEdited(entry_id=entry_id, text=text, actor=actor))

    def retry_post(self, entry_id: str, actor: str = "operator") -> None:
        self._publish(OutboxRetried(entry_id=entry_id, actor=actor))

    def cancel_post(self, entry_id: str, actor: str = "operator") -> None:
        self._publish(OutboxCancelled(entry_id=entry_id, actor=actor))

    def mark_posted(self, entry_id: str, url: str = "", actor: str = "operator") -> None:
        """A person found the post on the account (an outcome the room could not read)."""
        self._publish(OutboxMarkedPosted(entry_id=entry_id, url=url, actor=actor))
