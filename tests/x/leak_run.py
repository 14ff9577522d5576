"""A room process that handles X secrets on every path that could show them, with every
logger at DEBUG into a file: ``python -m tests.x.leak_run API_BASE JOURNAL LOG RECORDING``.

Run by ``test_secrets_never_shown.py``, which greps its output, the log and the journal.
The secrets come from the environment, as in a real room.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

import requests
import tweepy

from blueroom.core.posting import Draft
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from blueroom.workers import Worker
from blueroom.x.auth import BearerAuth, OAuthApp, make_client, room_account
from blueroom.x.credentials import load_credentials
from blueroom.x.guest import GuestLogin
from blueroom.x.poster import XPoster


def main(api_base: str, journal: Path, log_file: Path, recording: Path) -> None:
    logging.basicConfig(
        level=logging.DEBUG,
        filename=str(log_file),
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    log = logging.getLogger("leak_run")
    creds = load_credentials(store=None)
    log.info("credentials: %s %r", creds, creds)
    for found in creds.found():
        log.debug("found %s = %s (%r)", found.name, found.secret, found)

    # posting: a 401 refreshed (the stand-in expired the token), a 503, a dropped answer
    poster = XPoster(room_account(creds, api_base), api_base)
    for text in ("one", "two", "three"):
        outcome = poster.post(Draft(text=text))
        log.info("post %s: %r", text, outcome)
        print(f"post {text}: {outcome!r}")

    # a failing request whose exception is logged with its traceback
    assert creds.bearer is not None
    bearer = creds.bearer.secret
    client = make_client(BearerAuth(lambda: bearer), api_base)
    try:
        client.get_me(user_auth=False)  # an app token may not ask who it is: 403
    except tweepy.TweepyException:
        log.exception("a failing request")
    try:
        make_client(BearerAuth(lambda: bearer), "http://127.0.0.1:9").get_me(user_auth=False)
    except requests.RequestException:
        log.exception("an unreachable server")

    # a worker whose body fails mid-request: reported with its traceback
    def fails(stop: threading.Event) -> None:
        client.get_me(user_auth=False)

    worker = Worker("leaky-worker", fails)
    worker.start()
    worker.join(10)

    # the guest signs in and out; the room journals what it hears
    settings = load_settings(environ={})
    room = Room(
        settings, RoomOptions(replay_file=recording, speed=None, loop=False, journal_path=journal)
    )
    room.start()
    assert creds.client_id is not None
    guest = GuestLogin(
        OAuthApp(creds.client_id.secret, None, api_base), api_base, port=0, publish=room.publish
    )
    guest.start()
    page = requests.get(guest.begin(), timeout=10)
    print(f"guest: {page.status_code} {guest.status()!r} {guest.guest_token()!r}")
    log.info("guest status %r", guest.status())
    room.actions.end_session()
    deadline = time.monotonic() + 10
    while guest.status().state.value != "signed out" and time.monotonic() < deadline:
        guest.on_events(room.drain_events())
        time.sleep(0.05)
    guest.stop()
    room.source.wait_finished(10)
    room.writer.wait_until_handed_on(5)
    room.stop()
    print(f"guest after the session: {guest.status()!r}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
