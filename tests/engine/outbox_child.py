"""A headless room that leaves its outbox with an entry in every state, then waits to
be killed (``tests/engine/test_outbox_room.py`` sends it SIGKILL).

    python -m tests.engine.outbox_child JOURNAL ACCOUNT (made|not-made)

Three runs over one journal: a rehearsal (one entry "rehearsal"), a room without
posting credentials (one "saved, not posted"), then a room posting through a scripted
stand-in for X whose account is a SQLite file: posted, needs a person, failed, checking,
sending (the request in flight: the post already ``made`` on the account or not),
queued behind it, and cancelled. It prints READY and blocks until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from blueroom.core.events import PostKind
from blueroom.core.outbox import EntryState
from blueroom.core.posting import Draft, Poster, Refused, SavingPoster
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import Settings, load_settings
from tests.outbox_posters import HANG, POST_THEN_HANG, POST_THEN_TIME_OUT, ScriptedPoster

ENVIRONMENT = {
    "BLUEROOM_SOURCE__KIND": '"none"',
    "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",  # a second less to start
    "BLUEROOM_OUTBOX__FIRST_RETRY_SECONDS": "3600",
    "BLUEROOM_OUTBOX__LONGEST_RETRY_SECONDS": "3600",
    "BLUEROOM_OUTBOX__CHECK_AFTER_SECONDS": "6",
}
TEXTS = {
    "rehearsal": "R: rehearsed only",
    "saved": "S: saved, not posted",
    "posted": "A: posted at once",
    "needs": "B: refused for good",
    "failed": "C: refused for now",
    "checking": "D: sent, answer lost",
    "sending": "E: in flight at the kill",
    "queued": "F: waiting behind E",
    "cancelled": "G: cancelled",
}


def settings() -> Settings:
    return load_settings(environ=ENVIRONMENT)


def wait_for(room: Room, entry_id: str, state: EntryState, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entry = room.model.outbox.entry(entry_id)
        if entry is not None and entry.state is state:
            assert room.writer.wait_until_handed_on(5.0)
            return
        time.sleep(0.01)
    raise AssertionError(f"{entry_id} never reached {state}: {room.model.outbox.entry(entry_id)}")


def post(room: Room, name: str, state: EntryState) -> str:
    entry_id = room.actions.post(Draft(text=TEXTS[name]), PostKind.POST)
    wait_for(room, entry_id, state)
    return entry_id


def main(journal: Path, account: Path, made: bool) -> None:
    options = RoomOptions(journal_path=journal)
    room = Room(settings(), RoomOptions(journal_path=journal, rehearsal=True))
    room.start()
    post(room, "rehearsal", EntryState.REHEARSAL)
    room.stop()

    def saving(_: Settings) -> Poster:
        return SavingPoster()

    room = Room(settings(), options, poster=saving)
    room.start()
    post(room, "saved", EntryState.SAVED)
    room.stop()

    script = [
        "post",
        Refused("403 You are not allowed to create a Tweet with duplicate content", False),
        Refused("503 Service Unavailable", transient=True),
        POST_THEN_TIME_OUT,
        POST_THEN_HANG if made else HANG,
    ]

    poster = ScriptedPoster(account, script)

    def scripted(_: Settings) -> Poster:
        return poster

    room = Room(settings(), options, poster=scripted)
    room.start()
    post(room, "posted", EntryState.POSTED)
    post(room, "needs", EntryState.NEEDS_PERSON)
    post(room, "failed", EntryState.FAILED)
    post(room, "checking", EntryState.CHECKING)
    post(room, "sending", EntryState.SENDING)
    deadline = time.monotonic() + 20.0
    while poster.requests() < len(script) or (made and TEXTS["sending"] not in poster.posts()):
        assert time.monotonic() < deadline, "the request for E never went out"
        time.sleep(0.01)  # the request is out (and, if ``made``, the post is on the account)
    post(room, "queued", EntryState.QUEUED)
    cancelled = post(room, "cancelled", EntryState.QUEUED)
    room.actions.cancel_post(cancelled)
    wait_for(room, cancelled, EntryState.CANCELLED)
    print("READY", flush=True)
    time.sleep(600)


def soak(journal: Path, account: Path, first: int) -> None:
    """Post continuously (a new entry every 150 ms, each request taking 2 × 50 ms, one in
    five answered by a timeout after it was made) until killed."""
    environment = {**ENVIRONMENT, "BLUEROOM_OUTBOX__CHECK_AFTER_SECONDS": "0.2",
                   "BLUEROOM_OUTBOX__FIRST_RETRY_SECONDS": "0.1"}  # fmt: skip

    def scripted(_: Settings) -> Poster:
        return ScriptedPoster(
            account, [POST_THEN_TIME_OUT, "post", "post", "post", "post"] * 10_000, delay=0.02
        )

    room = Room(
        load_settings(environ=environment), RoomOptions(journal_path=journal), poster=scripted
    )
    room.start()
    print("READY", flush=True)
    for n in range(first, first + 100_000):
        room.actions.post(Draft(text=f"soak post {n}"))
        time.sleep(0.15)


if __name__ == "__main__":
    if sys.argv[1] == "soak":
        soak(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "made")
