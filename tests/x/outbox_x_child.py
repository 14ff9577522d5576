"""A headless room posting through the stand-in X with its real poster (``XPoster``, the
credentials from the environment), until it is killed (``test_outbox_through_x.py``).

    python -m tests.x.outbox_x_child JOURNAL

The stand-in's faults were queued by the test: the first post is made and its answer
lost, the second meets a 503, then goes through; the third is in flight when the test
kills this process (made on the account or not); the fourth waits behind it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from blueroom.core.outbox import EntryState
from blueroom.core.posting import Draft
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from tests.engine.outbox_child import wait_for

ENVIRONMENT = {
    "BLUEROOM_SOURCE__KIND": '"none"',
    "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",
    "BLUEROOM_OUTBOX__CHECK_AFTER_SECONDS": "0.5",
}
STATES = (EntryState.POSTED, EntryState.POSTED, EntryState.SENDING, EntryState.QUEUED)
TEXTS = (
    "A: made, its answer lost",
    "B: a 503, then posted",
    "C: in flight at the kill",
    "D: waiting behind C",
)


def main(journal: Path) -> None:
    api_base = {"BLUEROOM_X__API_BASE": os.environ["BLUEROOM_X__API_BASE"]}  # the stand-in
    room = Room(
        load_settings(environ={**ENVIRONMENT, **api_base}), RoomOptions(journal_path=journal)
    )
    room.start()
    # one after the other: the stand-in's faults meet the requests in this order
    for text, state in zip(TEXTS, STATES, strict=True):
        wait_for(room, room.actions.post(Draft(text=text)), state)
    print("READY", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
