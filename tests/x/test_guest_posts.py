"""The guest's own posts through the room's outbox: an entry asked ``PostAs.GUEST`` goes
out from the guest's account (the token the login hands over), the room's from the
room's; without a signed-in guest it is kept, "saved, not posted", with why; after a
sign-out nothing more goes out as the guest. The real ``XPoster`` against the stand-in X."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from blueroom.core.events import PostAs
from blueroom.core.outbox import EntryState
from blueroom.core.posting import NOT_SIGNED_IN, Draft
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from tests.engine.outbox_child import wait_for
from tests.standin_x import StandInX
from tests.standin_x import accounts as standin_accounts
from tests.standin_x.posting import posting

GUEST_SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access")
QUIET = {
    "BLUEROOM_SOURCE__KIND": '"none"',
    "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",
}


def room_with_its_account(x: StandInX, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    """A room (not started) posting as its own account on the stand-in X, reading nothing."""
    access, refresh = standin_accounts.issue_token(x)  # the room's own account
    credentials = {
        "BLUEROOM_X_ACCESS_TOKEN": access,
        "BLUEROOM_X_REFRESH_TOKEN": refresh,
        "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
        "BLUEROOM_X__API_BASE": x.url,
    }
    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return Room(
        load_settings(environ={**QUIET, **credentials}),
        RoomOptions(journal_path=tmp_path / "j.sqlite"),
    )


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Room, StandInX]]:
    with StandInX() as x:
        room = room_with_its_account(x, tmp_path, monkeypatch)
        room.start()
        try:
            yield room, x
        finally:
            room.stop()


def test_the_guests_post_goes_out_from_the_guests_account_once(
    room: tuple[Room, StandInX],
) -> None:
    the_room, x = room
    access, _ = standin_accounts.issue_token(x, standin_accounts.GUEST_USER_ID, scopes=GUEST_SCOPES)
    the_room.set_guest_account("@leamarchand", access, scopes=GUEST_SCOPES)
    guest = the_room.actions.post(
        Draft(text="Hello from the sofa #AskBlueRoom"), post_as=PostAs.GUEST
    )
    ours = the_room.actions.post(Draft(text="The room says thanks #AskBlueRoom"))
    wait_for(the_room, guest, EntryState.POSTED)
    wait_for(the_room, ours, EntryState.POSTED)
    on_guest = [p.text for p in posting(x).live(standin_accounts.GUEST_USER_ID)]
    on_room = [p.text for p in posting(x).live(standin_accounts.ROOM_USER_ID)]
    assert on_guest == ["Hello from the sofa #AskBlueRoom"]
    assert on_room == ["The room says thanks #AskBlueRoom"]
    entry = the_room.model.outbox.entry(guest)
    assert entry is not None and entry.post_as is PostAs.GUEST
    assert entry.url.startswith("https://x.com/leamarchand/status/")


def test_without_a_signed_in_guest_the_post_is_kept_and_says_why(
    room: tuple[Room, StandInX],
) -> None:
    the_room, x = room
    entry_id = the_room.actions.post(Draft(text="Nobody signed in"), post_as=PostAs.GUEST)
    wait_for(the_room, entry_id, EntryState.SAVED)
    entry = the_room.model.outbox.entry(entry_id)
    assert entry is not None and entry.reason == NOT_SIGNED_IN
    assert x.count("POST", "/2/tweets") == 0


def test_after_the_guest_signs_out_nothing_more_goes_out_as_the_guest(
    room: tuple[Room, StandInX],
) -> None:
    the_room, x = room
    access, _ = standin_accounts.issue_token(x, standin_accounts.GUEST_USER_ID, scopes=GUEST_SCOPES)
    the_room.set_guest_account("@leamarchand", access, scopes=GUEST_SCOPES)
    the_room.set_guest_account("@leamarchand", "")  # signed out
    entry_id = the_room.actions.post(Draft(text="After the end"), post_as=PostAs.GUEST)
    wait_for(the_room, entry_id, EntryState.SAVED)
    assert posting(x).live(standin_accounts.GUEST_USER_ID) == []
