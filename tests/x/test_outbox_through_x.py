"""The outbox through the real X client, killed mid-request: a room posting through
``XPoster`` (tweepy's client and the room's media upload on a requests session) to the
stand-in X on loopback, which keeps the account's posts across the kill.

A post made whose answer was lost is found by reading the account, never sent again; a
503 is read for, not found, then sent once more; the post in flight at ``kill -9`` (made
on the account or not) is settled by reading the account after the restart. Each text
ends on the account exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueroom.core.outbox import EntryState
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from tests.engine.outbox_child import wait_for
from tests.standin_x import Fault, StandInX
from tests.standin_x import accounts as standin_accounts
from tests.standin_x.posting import posting
from tests.x.outbox_x_child import ENVIRONMENT, TEXTS

ROOT = Path(__file__).resolve().parents[2]
TWEETS = "POST /2/tweets"


@pytest.fixture
def x() -> Iterator[StandInX]:
    with StandInX() as server:
        yield server


@pytest.mark.parametrize("made", [True, False], ids=["in-flight-made", "in-flight-not-made"])
def test_kill_9_mid_request_through_the_real_client_posts_each_text_once(
    x: StandInX, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: bool
) -> None:
    access, refresh = standin_accounts.issue_token(x)
    credentials = {
        "BLUEROOM_X_ACCESS_TOKEN": access,
        "BLUEROOM_X_REFRESH_TOKEN": refresh,
        "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
        "BLUEROOM_X__API_BASE": x.url,
    }
    x.fail(
        TWEETS,
        Fault(after=True, drop=True),  # A: made, the connection dropped before the answer
        Fault(status=503, body={"title": "Service Unavailable"}),  # B: not made
        Fault.none(),  # B again, after reading the account: made
        Fault(after=made, hang=600.0),  # C: in flight at the kill
    )
    journal = tmp_path / "j.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.x.outbox_x_child", str(journal)],
        cwd=ROOT,
        env={**os.environ, **credentials, "XDG_DATA_HOME": str(tmp_path / "data")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    if child.stdout.readline().strip() != "READY":
        child.kill()
        raise AssertionError(child.communicate(timeout=30)[1][-3000:])
    deadline = time.monotonic() + 20
    while x.count("POST", "/2/tweets") < 4:  # C's request is out
        assert time.monotonic() < deadline, "C was never sent"
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    on_account = [p.text for p in posting(x).live()]
    assert on_account == [TEXTS[0], TEXTS[1], *([TEXTS[2]] if made else [])], "at the kill"

    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    room = Room(
        load_settings(environ={**ENVIRONMENT, **credentials}), RoomOptions(journal_path=journal)
    )
    try:
        states = {e.draft.text: e.state for e in room.model.outbox.latest().entries}
        assert states == {
            TEXTS[0]: EntryState.POSTED,
            TEXTS[1]: EntryState.POSTED,
            TEXTS[2]: EntryState.SENDING,
            TEXTS[3]: EntryState.QUEUED,
        }, "as it was at the kill"
        room.start()
        for entry in room.model.outbox.latest().entries:
            wait_for(room, entry.id, EntryState.POSTED, timeout=30.0)
    finally:
        room.stop()
    texts = [p.text for p in posting(x).live()]
    assert sorted(texts) == sorted(TEXTS), f"each text on the account once: {texts}"
    requests = x.count("POST", "/2/tweets")
    assert requests == (5 if made else 6), "A and C (if made) never sent again"
