"""XPoster with the real tweepy client against the stand-in X server on loopback: the
account's posts kept in the server's state, faults on demand."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from blueroom.core.events import XUsage
from blueroom.core.posting import Draft, Posted, PosterUnreachable, Refused, Unknown
from blueroom.x.auth import TimedSession, room_account
from blueroom.x.credentials import load_credentials
from blueroom.x.poster import XPoster
from tests.standin_x import Fault, StandInX
from tests.standin_x import accounts as standin_accounts
from tests.standin_x.posting import posting


@pytest.fixture
def x() -> Iterator[StandInX]:
    with StandInX() as server:
        yield server


def room_poster(
    x: StandInX, *, timeout: float = 5.0, usage: list[XUsage] | None = None, **env: str
) -> tuple[XPoster, str]:
    access, refresh = standin_accounts.issue_token(x)
    environ = {
        "BLUEROOM_X_ACCESS_TOKEN": access,
        "BLUEROOM_X_REFRESH_TOKEN": refresh,
        "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
        **env,
    }
    account = room_account(load_credentials(environ, None), x.url)
    session = TimedSession((2.0, timeout))
    on_usage = usage.append if usage is not None else None
    return XPoster(account, x.url, on_usage=on_usage, session=session, sleep=lambda s: None), access


def test_post_then_find_it_on_the_account(x: StandInX) -> None:
    usage: list[XUsage] = []
    room, _ = room_poster(x, usage=usage)
    since = time.time()
    draft = Draft(
        text="Tom & Léa <3 https://blueroom.example/replay", reply_to="1850000000000000000"
    )
    outcome = room.post(draft)
    assert isinstance(outcome, Posted) and room.account == "@BlueRoomFR"
    assert outcome.url == f"https://x.com/BlueRoomFR/status/{outcome.post_id}"
    assert room.find_posted(draft, since) == outcome  # text came back with t.co and &amp;
    assert room.find_posted(Draft(text=draft.text, reply_to="1"), since) is None
    assert room.find_posted(Draft(text="another"), since) is None
    assert [u.owned_reads for u in usage] == [1, 1, 1] and {u.what for u in usage} == {"resolve"}


def test_the_same_text_twice_is_refused_as_duplicate(x: StandInX) -> None:
    room, _ = room_poster(x)
    assert isinstance(room.post(Draft(text="Merci !")), Posted)
    second = room.post(Draft(text="Merci !"))
    assert (
        isinstance(second, Refused)
        and not second.transient
        and "duplicate content" in second.reason
    )


def test_503_then_posted_once(x: StandInX) -> None:
    room, _ = room_poster(x)
    x.fail("POST /2/tweets", Fault(status=503, body={"title": "Service Unavailable"}))
    since = time.time()
    draft = Draft(text="Merci !")
    first = room.post(draft)
    assert isinstance(first, Unknown) and "503" in first.reason
    assert room.find_posted(draft, since) is None  # the 503 made nothing: safe to send again
    assert isinstance(room.post(draft), Posted)
    assert len(posting(x).live()) == 1


def test_a_timeout_after_sending_is_unknown_and_find_posted_settles_it(x: StandInX) -> None:
    room, _ = room_poster(x, timeout=0.5)
    since = time.time()
    x.fail("POST /2/tweets", Fault(after=True, hang=2.0))  # posted, the answer comes too late
    draft = Draft(text="Bonne question !")
    started = time.monotonic()
    outcome = room.post(draft)
    assert isinstance(outcome, Unknown) and "ReadTimeout" in outcome.reason
    assert time.monotonic() - started < 2.0
    found = room.find_posted(draft, since)
    assert found is not None and found.post_id == posting(x).live()[0].id
    assert x.count("POST", "/2/tweets") == 1  # resolved by a read, not posted twice


def test_a_dropped_connection_after_sending_is_unknown(x: StandInX) -> None:
    room, _ = room_poster(x)
    since = time.time()
    x.fail("POST /2/tweets", Fault(after=True, drop=True))
    draft = Draft(text="Question suivante")
    assert isinstance(room.post(draft), Unknown)
    assert room.find_posted(draft, since) is not None


def test_a_server_nobody_answers_is_transient_and_unreadable() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}"
    environ = {"BLUEROOM_X_ACCESS_TOKEN": "at", "BLUEROOM_X_TOKEN_SCOPES": "tweet.write"}
    room = XPoster(room_account(load_credentials(environ, None), address), address)
    outcome = room.post(Draft(text="personne ?"))
    assert isinstance(outcome, Refused) and outcome.transient and "cannot reach X" in outcome.reason
    with pytest.raises(PosterUnreachable):
        room.find_posted(Draft(text="personne ?"), time.time())


def test_an_expired_token_is_refreshed_once_then_posted(x: StandInX) -> None:
    room, access = room_poster(x)
    standin_accounts.expire(x, access)
    assert isinstance(room.post(Draft(text="Après expiration")), Posted)
    assert x.count("POST", "/2/oauth2/token") == 1
    assert [r.path for r in x.requests if r.method == "POST"] == [
        "/2/tweets",
        "/2/oauth2/token",
        "/2/tweets",
    ]


def test_a_token_known_to_expire_soon_is_refreshed_before_posting(x: StandInX) -> None:
    room, _ = room_poster(x, BLUEROOM_X_TOKEN_EXPIRES_AT=str(int(time.time()) + 60))
    assert isinstance(room.post(Draft(text="Avant expiration")), Posted)
    assert [r.path for r in x.requests if r.method == "POST"] == ["/2/oauth2/token", "/2/tweets"]


def test_a_photo_and_a_clip_upload_and_attach(x: StandInX, tmp_path: Path) -> None:
    photo, clip = tmp_path / "mirror.png", tmp_path / "clip.mp4"
    photo.write_bytes(b"\x89PNG" + b"p" * 5000)
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"v" * 24_988)
    room, _ = room_poster(x)
    room._chunk = 10_000  # three APPENDs
    outcome = room.post(Draft(text="La photo et le clip", media=(str(photo), str(clip))))
    assert isinstance(outcome, Posted), outcome
    state = posting(x)
    post = state.live()[0]
    assert len(post.media_ids) == 2
    uploaded = [state.media[m] for m in post.media_ids]
    assert b"".join(uploaded[0].chunks.values()) == photo.read_bytes()
    assert (
        len(uploaded[1].chunks) == 3
        and b"".join(uploaded[1].chunks[i] for i in range(3)) == clip.read_bytes()
    )
    assert x.count("GET", "/2/media/upload") == 2  # STATUS: in progress, then succeeded


def test_a_media_upload_that_fails_posts_nothing_and_may_go_again(
    x: StandInX, tmp_path: Path
) -> None:
    photo = tmp_path / "mirror.jpg"
    photo.write_bytes(b"\xff\xd8" + b"j" * 100)
    room, _ = room_poster(x)
    x.fail("POST /2/media/upload", Fault(status=503))
    first = room.post(Draft(text="Photo", media=(str(photo),)))
    assert isinstance(first, Refused) and first.transient and first.reason.startswith("media:")
    assert x.count("POST", "/2/tweets") == 0
    assert isinstance(room.post(Draft(text="Photo", media=(str(photo),))), Posted)


def test_oauth1_keys_post_as_the_room(x: StandInX) -> None:
    standin_accounts.add_oauth1(x, "o1-token")
    environ = {
        "BLUEROOM_X_API_KEY": "o1-key",
        "BLUEROOM_X_API_SECRET": "o1-secret",
        "BLUEROOM_X_ACCESS_TOKEN": "o1-token",
        "BLUEROOM_X_ACCESS_SECRET": "o1-token-secret",
    }
    room = XPoster(room_account(load_credentials(environ, None), x.url), x.url)
    assert isinstance(room.post(Draft(text="Signé OAuth 1.0a")), Posted)
    header = next(r for r in x.requests if r.path == "/2/tweets").headers["authorization"]
    assert header.startswith("OAuth ") and 'oauth_signature_method="HMAC-SHA1"' in header


def test_read_only_oauth1_keys_say_so_once_x_has(x: StandInX) -> None:
    standin_accounts.add_oauth1(x, "ro-token", level="read")
    environ = {
        "BLUEROOM_X_API_KEY": "k",
        "BLUEROOM_X_API_SECRET": "s",
        "BLUEROOM_X_ACCESS_TOKEN": "ro-token",
        "BLUEROOM_X_ACCESS_SECRET": "ts",
    }
    room = XPoster(room_account(load_credentials(environ, None), x.url), x.url)
    room.identify()
    assert "read-only" in room.cannot_post()
    assert isinstance(room.post(Draft(text="x")), Refused)


def test_the_stand_in_deletes_a_post(x: StandInX) -> None:
    room, access = room_poster(x)
    posted = room.post(Draft(text="à supprimer"))
    assert isinstance(posted, Posted)
    answer = requests.delete(
        f"{x.url}/2/tweets/{posted.post_id}",
        headers={"Authorization": f"Bearer {access}"},
        timeout=5,
    )
    assert answer.json() == {"data": {"deleted": True}} and posting(x).live() == []


def test_a_boomerang_gif_goes_as_tweet_gif_and_a_clip_x_cannot_read_is_refused(
    x: StandInX, tmp_path: Path
) -> None:
    """The stand-in holds clips to X's rules: the GIF is announced as ``tweet_gif`` and
    lands whole; an "MP4" that is not one fails X's processing, for a person to see."""
    import numpy as np

    from blueroom.capture.clip import gif_under

    frames = [np.full((90, 160, 3), 30 * n, np.uint8) for n in range(6)]
    gif = tmp_path / "b1-clip.gif"
    gif.write_bytes(gif_under(frames, 25.0, 1_000_000, 160).data)
    room, _ = room_poster(x)
    assert isinstance(room.post(Draft(text="Le boomerang", media=(str(gif),))), Posted)
    (post,) = posting(x).live()
    media = posting(x).media[post.media_ids[0]]
    assert (media.kind, media.category) == ("image/gif", "tweet_gif")
    assert media.data() == gif.read_bytes()
    fake = tmp_path / "fake.mp4"
    fake.write_bytes(b"not a video at all" * 100)
    outcome = room.post(Draft(text="Pas une vidéo", media=(str(fake),)))
    assert isinstance(outcome, Refused) and not outcome.transient
    assert "could not process fake.mp4" in outcome.reason
    assert len(posting(x).live()) == 1
