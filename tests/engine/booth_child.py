"""A headless room whose booth is left at a given step with a photo on disk, then
waits to be killed (``tests/engine/test_booth_room.py`` sends it SIGKILL).

    python -m tests.engine.booth_child JOURNAL PHOTOS STEP

STEP is review, sign, share or posted (the guest said Post: the outbox entry queued).
The room posts through a ``ScriptedPoster`` that hangs, so nothing is posted before the
kill. It prints READY and blocks until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from blueroom.core.events import BoothAction, BoothStep, BoothTouched, PhotoCaptured
from blueroom.core.posting import Poster
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import Settings, load_settings
from tests.outbox_posters import HANG, ScriptedPoster

ENVIRONMENT = {
    "BLUEROOM_SOURCE__KIND": '"none"',
    "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",
    "BLUEROOM_BOOTH__COUNTDOWN": "1",
    "BLUEROOM_BOOTH__REVIEW_SECONDS": "600",
    "BLUEROOM_BOOTH__SIGN_SECONDS": "600",
    "BLUEROOM_BOOTH__SHARE_SECONDS": "600",
    "BLUEROOM_BOOTH__DONE_SECONDS": "600",
}
PATHS = {
    "review": (),
    "sign": (BoothAction.KEEP,),
    "share": (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED),
    "posted": (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED, BoothAction.POST),
}


def settings() -> Settings:
    return load_settings(environ=ENVIRONMENT)


def wait_step(room: Room, step: BoothStep, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if room.model.booth.latest().step is step:
            return
        time.sleep(0.01)
    raise AssertionError(f"never {step}: {room.model.booth.latest()}")


def touch(room: Room, action: BoothAction) -> None:
    room.publish(BoothTouched(action=action))


def to_review(room: Room, photos: Path, photo_id: str = "p1") -> Path:
    touch(room, BoothAction.START)
    wait_step(room, BoothStep.PREVIEW)
    touch(room, BoothAction.SHOOT)
    wait_step(room, BoothStep.CAPTURE)
    photos.mkdir(parents=True, exist_ok=True)
    path = photos / f"{photo_id}.jpg"
    path.write_bytes(b"\xff\xd8 a photo \xff\xd9")
    room.publish(PhotoCaptured(photo_id=photo_id, path=str(path), width=64, height=48))
    wait_step(room, BoothStep.REVIEW)
    return path


def main(journal: Path, photos: Path, step: str, account: Path) -> None:
    def hanging(_: Settings) -> Poster:
        return ScriptedPoster(account, [HANG])

    room = Room(settings(), RoomOptions(journal_path=journal), poster=hanging)
    room.start()
    to_review(room, photos)
    for action in PATHS[step]:
        touch(room, action)
        time.sleep(0.05)
    if step == "posted":
        deadline = time.monotonic() + 10.0
        while room.model.outbox.entry("booth-p1") is None and time.monotonic() < deadline:
            time.sleep(0.01)
    assert room.writer.wait_until_handed_on(5.0)
    print("READY", room.model.booth.latest().step, flush=True)
    while True:
        time.sleep(1.0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
