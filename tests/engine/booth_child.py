"""A headless room whose booth is left in a given step, then waits to be killed
(``tests/engine/test_booth_room.py`` sends it SIGKILL).

    python -m tests.engine.booth_child JOURNAL PHOTOS STEP ACCOUNT

First a whole visit posts photo ``p0`` (posted on the stand-in account before the kill);
then a second visit goes to STEP: a booth step (``attract`` after the second visit
saved ``p1``, ``preview``, ``countdown``, ``capture`` with ``p1`` written by the camera
but not yet announced, ``review``, ``sign``, ``finish``, ``share``, ``done`` after Save,
``one_moment`` after the camera gave no picture) or ``posting`` (the guest said Post on
``p1`` and its request hangs at X when the room is killed). It prints READY and blocks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from blueroom.core.events import (
    BoothAction,
    BoothStep,
    BoothTouched,
    BoothTrouble,
    PhotoCaptured,
)
from blueroom.core.outbox import EntryState
from blueroom.core.posting import Poster
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import Settings, load_settings
from tests.outbox_posters import HANG, ScriptedPoster

ENVIRONMENT = {
    "BLUEROOM_SOURCE__KIND": '"none"',
    "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",
    "BLUEROOM_BOOTH__COUNTDOWN": "1",
    "BLUEROOM_BOOTH__PREVIEW_SECONDS": "600",
    "BLUEROOM_BOOTH__REVIEW_SECONDS": "600",
    "BLUEROOM_BOOTH__SIGN_SECONDS": "600",
    "BLUEROOM_BOOTH__FINISH_SECONDS": "600",
    "BLUEROOM_BOOTH__SHARE_SECONDS": "600",
    "BLUEROOM_BOOTH__DONE_SECONDS": "600",
}
# The steps that end by themselves soon: long enough to be killed in, short for the resume.
PASSING = {"BLUEROOM_BOOTH__CAPTURE_SECONDS": "3", "BLUEROOM_BOOTH__ONE_MOMENT_SECONDS": "3"}
COUNTING = {"BLUEROOM_BOOTH__COUNTDOWN": "3"}
AFTER_REVIEW = {
    "review": (),
    "sign": (BoothAction.KEEP,),
    "finish": (BoothAction.KEEP, BoothAction.SKIP),
    "share": (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED),
    "done": (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.SAVE),
    "attract": (
        BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.SAVE,
        BoothAction.CLOSE,
    ),
    "posting": (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.POST),
}  # fmt: skip
STEPS = (
    "attract", "preview", "countdown", "capture", "review", "sign", "finish", "share", "done",
    "one_moment", "posting",
)  # fmt: skip


def settings(extra: dict[str, str] | None = None) -> Settings:
    return load_settings(environ={**ENVIRONMENT, **(extra or {})})


def wait_step(room: Room, step: BoothStep, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if room.model.booth.latest().step is step:
            return
        time.sleep(0.01)
    raise AssertionError(f"never {step}: {room.model.booth.latest()}")


def wait_posted(room: Room, entry_id: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entry = room.model.outbox.entry(entry_id)
        if entry is not None and entry.state is EntryState.POSTED:
            return
        time.sleep(0.01)
    raise AssertionError(f"{entry_id} never posted: {room.model.outbox.entry(entry_id)}")


def touch(room: Room, action: BoothAction) -> None:
    room.publish(BoothTouched(action=action))


def photo_file(photos: Path, photo_id: str) -> Path:
    """The camera's photo on disk (what the still capture writes), before it is announced."""
    photos.mkdir(parents=True, exist_ok=True)
    path = photos / f"{photo_id}.jpg"
    path.write_bytes(b"\xff\xd8 a photo \xff\xd9")
    return path


def to_capture(room: Room) -> None:
    touch(room, BoothAction.START)
    wait_step(room, BoothStep.PREVIEW)
    touch(room, BoothAction.SHOOT)
    wait_step(room, BoothStep.CAPTURE)


def to_review(room: Room, photos: Path, photo_id: str = "p1") -> Path:
    to_capture(room)
    path = photo_file(photos, photo_id)
    room.publish(PhotoCaptured(photo_id=photo_id, path=str(path), width=64, height=48))
    wait_step(room, BoothStep.REVIEW)
    return path


def through(room: Room, actions: tuple[BoothAction, ...]) -> None:
    for action in actions:
        touch(room, action)
        time.sleep(0.05)


def main(journal: Path, photos: Path, step: str, account: Path) -> None:
    def poster(_: Settings) -> Poster:
        return ScriptedPoster(account, ["post", HANG])  # p0 is posted; a second post hangs

    extra = {**PASSING, **(COUNTING if step == "countdown" else {})}
    room = Room(settings(extra), RoomOptions(journal_path=journal), poster=poster)
    room.start()
    to_review(room, photos, "p0")  # the first visit: posted
    through(room, AFTER_REVIEW["posting"])
    wait_posted(room, "booth-p0")
    touch(room, BoothAction.CLOSE)
    wait_step(room, BoothStep.ATTRACT)
    if step == "preview":
        touch(room, BoothAction.START)
        wait_step(room, BoothStep.PREVIEW)
    elif step == "countdown":
        touch(room, BoothAction.START)
        wait_step(room, BoothStep.PREVIEW)
        touch(room, BoothAction.SHOOT)
        wait_step(room, BoothStep.COUNTDOWN)
    elif step == "capture":
        to_capture(room)
        photo_file(photos, "p1")  # taken and written; the room dies before announcing it
    elif step == "one_moment":
        to_capture(room)
        room.publish(BoothTrouble(reason="the camera gave no picture"))
        wait_step(room, BoothStep.ONE_MOMENT)
    else:
        to_review(room, photos)
        through(room, AFTER_REVIEW[step])
        if step == "posting":
            deadline = time.monotonic() + 10.0
            while room.model.outbox.entry("booth-p1") is None and time.monotonic() < deadline:
                time.sleep(0.01)
    assert room.writer.wait_until_handed_on(5.0)
    print("READY", room.model.booth.latest().step, flush=True)
    while True:
        time.sleep(1.0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
