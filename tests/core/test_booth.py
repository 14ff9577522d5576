"""The booth's state machine: every step, every deadline, and never a post by itself."""

from __future__ import annotations

import msgspec
import pytest

from blueroom.core.booth import (
    MOVES,
    ON_DEADLINE,
    Booth,
    BoothModelState,
    BoothTimings,
    PhotoFate,
    posted_path,
    shared_path,
)
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
)
from blueroom.core.wire import decode_events, encode_events

T0 = 1_800_000_000.0


class Room:
    """The booth as the engine runs it: events applied in order, and a clock that asks
    what is due and applies it, as ``EngineClock`` does (the journal in between)."""

    def __init__(self, timings: BoothTimings | None = None) -> None:
        self.booth = Booth(timings)
        self.now = T0
        self.journal: list[Event] = []

    def do(self, event: Event) -> None:
        self.journal.append(event)
        self.booth.apply([event])

    def touch(self, action: BoothAction) -> None:
        self.do(BoothTouched(action=action, at=self.now))

    def wait(self, seconds: float) -> None:
        """Let time pass, the clock ticking five times a second."""
        end = self.now + seconds
        while self.now < end:
            self.now = min(end, self.now + 0.2)
            for event in self.booth.due(self.now):
                self.do(event)

    def capture(self, photo_id: str = "p1") -> None:
        self.do(
            PhotoCaptured(
                photo_id=photo_id,
                path=f"/photos/{photo_id}.jpg",
                width=3840,
                height=2160,
                at=self.now,
            )
        )

    @property
    def step(self) -> BoothStep:
        return self.booth.latest().step


def to_review(room: Room, photo_id: str = "p1") -> None:
    room.touch(BoothAction.START)
    room.touch(BoothAction.SHOOT)
    assert room.step is BoothStep.COUNTDOWN
    room.wait(3.0)
    assert room.step is BoothStep.CAPTURE
    room.capture(photo_id)
    assert room.step is BoothStep.REVIEW


def test_the_whole_visit_posts_only_on_the_guests_post() -> None:
    room = Room()
    assert room.step is BoothStep.ATTRACT
    to_review(room)
    room.touch(BoothAction.KEEP)
    assert room.step is BoothStep.SIGN
    room.touch(BoothAction.SIGNED)
    assert room.step is BoothStep.FINISH
    room.touch(BoothAction.FINISHED)
    assert room.step is BoothStep.SHARE
    assert room.booth.posts_asked == []
    room.touch(BoothAction.POST)
    assert room.step is BoothStep.DONE
    assert room.booth.posts_asked == ["p1"]
    assert room.booth.photos["p1"].fate is PhotoFate.POST and room.booth.photos["p1"].signed
    room.wait(30.0)
    assert room.step is BoothStep.ATTRACT
    assert room.booth.posts_asked == ["p1"]  # once


@pytest.mark.parametrize(
    "leave_at", [BoothStep.REVIEW, BoothStep.SIGN, BoothStep.FINISH, BoothStep.SHARE]
)
def test_a_booth_left_alone_goes_back_to_attract_and_keeps_the_photo_unposted(
    leave_at: BoothStep,
) -> None:
    room = Room()
    to_review(room)
    path = {
        BoothStep.SIGN: [BoothAction.KEEP],
        BoothStep.FINISH: [BoothAction.KEEP, BoothAction.SKIP],
    }
    path[BoothStep.SHARE] = [BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED]
    for action in path.get(leave_at, []):
        room.touch(action)
    assert room.step is leave_at
    room.wait(600.0)
    assert room.step is BoothStep.ATTRACT
    assert room.booth.posts_asked == []
    assert room.booth.photos["p1"].fate is PhotoFate.LEFT


def test_signing_is_time_boxed_and_moves_on_to_the_frame_not_to_a_post() -> None:
    room = Room(BoothTimings(sign=10.0))
    to_review(room)
    room.touch(BoothAction.KEEP)
    room.wait(9.8)
    assert room.step is BoothStep.SIGN
    room.wait(0.4)
    assert room.step is BoothStep.FINISH
    assert room.booth.posts_asked == []


def test_a_retake_keeps_the_first_photo_on_disk_and_offers_the_new_one() -> None:
    room = Room()
    to_review(room, "p1")
    room.touch(BoothAction.RETAKE)
    assert room.step is BoothStep.COUNTDOWN
    room.wait(3.0)
    room.capture("p2")
    assert room.booth.latest().photo is not None and room.booth.latest().photo.photo_id == "p2"
    assert room.booth.photos["p1"].fate is PhotoFate.RETAKEN


def test_stray_and_double_touches_lead_nowhere_and_are_counted() -> None:
    room = Room()
    room.touch(BoothAction.POST)  # on attract: nothing to post
    room.touch(BoothAction.START)
    room.touch(BoothAction.START)  # a double tap
    assert room.step is BoothStep.PREVIEW
    room.touch(BoothAction.SHOOT)
    room.touch(BoothAction.SHOOT)
    room.touch(BoothAction.KEEP)  # during the countdown
    assert room.step is BoothStep.COUNTDOWN
    assert room.booth.latest().ignored == 4
    assert room.booth.ignored["countdown:keep"] == 1


def test_the_countdown_can_be_cancelled_back_to_the_pose() -> None:
    room = Room()
    room.touch(BoothAction.START)
    room.touch(BoothAction.SHOOT)
    room.wait(1.0)
    room.touch(BoothAction.CANCEL)
    assert room.step is BoothStep.PREVIEW
    room.wait(2.5)  # the cancelled countdown's deadline must not fire
    assert room.step is BoothStep.PREVIEW


def test_discard_drops_the_photo_without_posting_it() -> None:
    room = Room()
    to_review(room)
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.DISCARD):
        room.touch(action)
    assert room.step is BoothStep.ATTRACT
    assert room.booth.photos["p1"].fate is PhotoFate.DISCARDED
    assert room.booth.posts_asked == []


def test_a_camera_lost_mid_countdown_says_one_moment_then_recovers_by_itself() -> None:
    room = Room()
    room.touch(BoothAction.START)
    room.touch(BoothAction.SHOOT)
    room.do(CameraStateChanged(state=CameraState.LOST, device="0", detail="unplugged", at=room.now))
    state = room.booth.latest()
    assert state.step is BoothStep.ONE_MOMENT and state.trouble == "unplugged"
    room.wait(4.2)
    assert room.step is BoothStep.ATTRACT


def test_a_camera_that_never_delivers_the_photo_is_one_moment_and_a_late_photo_is_not_lost() -> (
    None
):
    room = Room()
    room.touch(BoothAction.START)
    room.touch(BoothAction.SHOOT)
    room.wait(3.0)
    assert room.step is BoothStep.CAPTURE
    room.wait(5.2)
    assert room.step is BoothStep.ONE_MOMENT
    room.capture("late")
    assert room.step is BoothStep.REVIEW
    assert room.booth.photos["late"].path == "/photos/late.jpg"


def test_trouble_saving_the_photo_is_one_moment_with_the_reason() -> None:
    room = Room()
    to_review(room)
    room.touch(BoothAction.KEEP)
    room.do(BoothTrouble(reason="disk full: the photo is kept in memory", at=room.now))
    state = room.booth.latest()
    assert state.step is BoothStep.ONE_MOMENT and "disk full" in state.trouble
    assert state.photo is not None and state.photo.photo_id == "p1"


def test_the_journal_replayed_lands_on_the_same_step_and_deadline() -> None:
    room = Room()
    to_review(room)
    room.touch(BoothAction.KEEP)
    room.wait(7.0)
    replayed = Booth()
    replayed.apply(decode_events(encode_events(room.journal)))
    assert replayed.latest() == room.booth.latest()
    assert replayed.photos == room.booth.photos
    # a deadline that fell while the room was down fires once, on the first tick
    due = replayed.due(room.now + 3600)
    assert [type(e) for e in due] == [BoothTimedOut]
    replayed.apply(due)
    assert replayed.latest().step is BoothStep.FINISH
    assert replayed.due(room.now + 3600.1) == ()  # the finish step's deadline is new: not yet


def test_every_step_but_the_resting_ones_ends_by_itself_and_every_move_is_declared() -> None:
    assert set(MOVES) == set(BoothStep)
    # attract waits for the guest, disarmed for the segment's cue (or the console)
    assert set(ON_DEADLINE) == set(BoothStep) - {BoothStep.ATTRACT, BoothStep.DISARMED}
    assert all(target is not BoothStep.DONE for target in ON_DEADLINE.values())  # never by waiting


def test_the_guests_post_is_queued_once_by_the_clock_and_never_again_after_a_replay() -> None:
    room = Room()
    room.booth.hashtag = "#AskBlueRoom"
    to_review(room)
    for action in (BoothAction.KEEP, BoothAction.SIGNED, BoothAction.FINISHED):
        room.touch(action)
    room.wait(5.0)  # waiting on the share step queues nothing
    assert not any(isinstance(e, OutboxQueued) for e in room.journal)
    room.touch(BoothAction.POST)
    # the clock asks twice before the first is applied: one entry offered, not two
    first, second = room.booth.due(room.now), room.booth.due(room.now)
    assert second == ()
    (queued,) = first
    assert isinstance(queued, OutboxQueued)
    assert queued.entry_id == "booth-p1" and queued.post_kind is PostKind.PHOTO
    assert queued.draft.media == ("/photos/p1-signed.jpg",)  # signed: the signed photo
    assert queued.draft.text == "#AskBlueRoom"
    room.do(queued)
    room.wait(60.0)
    assert sum(isinstance(e, OutboxQueued) for e in room.journal) == 1
    replayed = Booth(hashtag="#AskBlueRoom")
    replayed.apply(decode_events(encode_events(room.journal)))
    assert replayed.due(room.now + 1.0) == ()
    restored = Booth(hashtag="#AskBlueRoom")
    restored.restore(msgspec.msgpack.decode(
        msgspec.msgpack.encode(room.booth.capture()()), type=BoothModelState
    ))  # fmt: skip
    assert restored.latest() == room.booth.latest() and restored.photos == room.booth.photos
    assert restored.due(room.now + 1.0) == () and restored.ignored == room.booth.ignored


def test_a_post_asked_before_a_crash_and_never_journalled_as_queued_is_queued_on_resume() -> None:
    room = Room()
    to_review(room)
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.POST):
        room.touch(action)
    replayed = Booth()  # the room died before the clock's OutboxQueued reached the journal
    replayed.apply(room.journal)
    (queued,) = replayed.due(room.now)
    assert isinstance(queued, OutboxQueued) and queued.draft.media == ("/photos/p1.jpg",)


def to_finish(room: Room) -> None:
    to_review(room)
    room.touch(BoothAction.KEEP)
    room.touch(BoothAction.SIGNED)
    assert room.step is BoothStep.FINISH


def test_a_frame_and_caption_chosen_never_move_the_step_and_reach_the_post() -> None:
    room = Room()
    room.booth.hashtag = "#AskBlueRoom"
    to_finish(room)
    before = room.booth.latest()
    room.do(BoothStyled(photo_id="p1", frame="polaroid", caption="Merci Léa !", at=room.now))
    after = room.booth.latest()
    assert (after.step, after.move, after.deadline) == (before.step, before.move, before.deadline)
    assert after.photo is not None and (after.photo.frame, after.photo.caption) == (
        "polaroid",
        "Merci Léa !",
    )
    assert posted_path(after.photo) == "/photos/p1-signed.jpg"  # not composed yet
    room.do(PhotoComposed(photo_id="p1", path="/photos/p1-final.jpg", at=room.now))
    assert room.booth.latest().move == before.move
    room.touch(BoothAction.FINISHED)
    room.touch(BoothAction.POST)
    (queued,) = room.booth.due(room.now)
    assert isinstance(queued, OutboxQueued)
    assert queued.draft.media == ("/photos/p1-final.jpg",)  # the final JPEG is posted
    assert queued.draft.text == "Merci Léa ! #AskBlueRoom"


def test_a_choice_outside_the_finish_step_or_for_another_photo_is_counted_and_ignored() -> None:
    room = Room()
    to_review(room)
    room.do(BoothStyled(photo_id="p1", frame="studio", caption="x", at=room.now))
    assert room.step is BoothStep.REVIEW and room.booth.photos["p1"].frame == ""
    room.touch(BoothAction.KEEP)
    room.touch(BoothAction.SKIP)
    room.do(BoothStyled(photo_id="old", frame="studio", caption="x", at=room.now))
    assert room.booth.photos["p1"].frame == "" and room.booth.ignored["review:styled"] == 1
    assert room.booth.ignored["finish:styled"] == 1 and room.step is BoothStep.FINISH


def test_the_operators_caption_is_offered_and_chosen_for_the_photo_on_the_finish_step() -> None:
    room = Room()
    room.do(BoothCaptionOffered(caption="Bienvenue au Blue Room", at=room.now))
    assert room.booth.latest().offered_caption == "Bienvenue au Blue Room"
    to_finish(room)
    assert room.booth.latest().offered_caption == "Bienvenue au Blue Room"  # kept across moves
    assert room.booth.photos["p1"].caption == ""  # offered, the guest chooses
    room.do(BoothCaptionOffered(caption="Pour Léa", at=room.now))
    assert room.booth.photos["p1"].caption == "Pour Léa" and room.step is BoothStep.FINISH


def test_the_choices_survive_a_replay_and_a_snapshot() -> None:
    room = Room()
    room.do(BoothCaptionOffered(caption="Offert", at=room.now))
    to_finish(room)
    room.do(BoothStyled(photo_id="p1", frame="broadcast", caption="Offert", at=room.now))
    room.do(PhotoComposed(photo_id="p1", path="/photos/p1-final.jpg", at=room.now))
    room.touch(BoothAction.FINISHED)
    replayed = Booth()
    replayed.apply(decode_events(encode_events(room.journal)))
    assert replayed.latest() == room.booth.latest() and replayed.photos == room.booth.photos
    photo = replayed.photos["p1"]
    assert (photo.frame, photo.caption, photo.composed) == ("broadcast", "Offert", True)
    restored = Booth()
    restored.restore(msgspec.msgpack.decode(
        msgspec.msgpack.encode(room.booth.capture()()), type=BoothModelState
    ))  # fmt: skip
    assert restored.latest() == room.booth.latest() and restored.photos == room.booth.photos
    assert restored.latest().offered_caption == "Offert"


def to_share(room: Room) -> None:
    to_review(room)
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        room.touch(action)
    assert room.step is BoothStep.SHARE


def test_the_guest_s_clip_choice_posts_the_boomerang_once_and_never_moves_the_step() -> None:
    room = Room()
    to_share(room)
    room.do(BoothClipChosen(photo_id="p1", clip=True, at=room.now))  # not written yet
    assert room.booth.ignored["share:clip"] == 1 and not room.booth.photos["p1"].share_clip
    room.do(ClipSaved(photo_id="p1", mp4="/photos/p1-clip.mp4", gif="/photos/p1-clip.gif"))
    room.do(BoothClipChosen(photo_id="p1", clip=True, at=room.now))
    assert room.step is BoothStep.SHARE and room.booth.latest().photo.share_clip  # type: ignore[union-attr]
    assert shared_path(room.booth.photos["p1"]) == "/photos/p1-clip.mp4"
    room.wait(10.0)
    assert [e for e in room.journal if isinstance(e, OutboxQueued)] == []  # only Post posts
    room.touch(BoothAction.POST)
    room.wait(1.0)
    (queued,) = [e for e in room.journal if isinstance(e, OutboxQueued)]
    assert queued.draft.media == ("/photos/p1-clip.mp4",) and queued.actor == "guest"
    room.wait(60.0)
    assert len([e for e in room.journal if isinstance(e, OutboxQueued)]) == 1
    replayed = Booth()
    replayed.apply(decode_events(encode_events(room.journal)))
    assert replayed.photos == room.booth.photos and replayed.due(room.now + 1) == ()


def test_the_photo_is_the_default_and_a_failed_clip_cannot_be_chosen() -> None:
    room = Room()
    to_review(room)
    room.do(ClipSaved(photo_id="p1", mp4="/photos/p1-clip.mp4", gif="/photos/p1-clip.gif"))
    room.do(BoothClipChosen(photo_id="p1", clip=True, at=room.now))  # on review: ignored
    assert room.booth.ignored["review:clip"] == 1
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        room.touch(action)
    room.touch(BoothAction.POST)
    room.wait(1.0)
    (queued,) = [e for e in room.journal if isinstance(e, OutboxQueued)]
    assert queued.draft.media == (posted_path(room.booth.photos["p1"]),) == ("/photos/p1.jpg",)

    other = Room()
    to_share(other)
    other.do(ClipFailed(photo_id="p1", reason="the disk is full: the clip is kept in memory"))
    other.do(BoothClipChosen(photo_id="p1", clip=True, at=other.now))
    photo = other.booth.photos["p1"]
    assert photo.clip_problem.startswith("the disk is full") and not photo.share_clip
    other.do(ClipSaved(photo_id="unknown", mp4="/photos/x-clip.mp4", gif=""))  # no such photo
    assert "unknown" not in other.booth.photos
