"""XPoster through the real tweepy client, against HTTP exchanges written from X's API
documentation (``responses``; nothing reaches the network): POST /2/tweets answers
(201, 403 duplicate content, 429 with x-rate-limit-reset, 503), a failed connect,
a read timeout and a dropped connection, a 401 refreshed once, and media uploads.
"""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from blueroom.core.posting import Draft, Posted, Refused, Unknown
from blueroom.x.auth import BearerAuth, OAuthApp, RoomAccount, TokenKeeper, UserToken
from blueroom.x.credentials import Secret
from blueroom.x.poster import XPoster, normalise, sent_before_failing

API = "https://api.x.com"  # the room's own requests (tokens, media)
TWEEPY = "https://api.twitter.com"  # where tweepy 4.17 sends its requests
TWEETS = TWEEPY + "/2/tweets"
ME = {"data": {"id": "2244994945", "name": "Blue Room", "username": "BlueRoomFR"}}
WRITE = ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access")


def poster(scopes: tuple[str, ...] = WRITE, refresh: bool = True, **more: Any) -> XPoster:
    token = UserToken(
        Secret("old-access"), Secret("old-refresh") if refresh else None, time.time() + 3600, scopes
    )
    keeper = TokenKeeper(token, OAuthApp(Secret("client"), None, API))
    return XPoster(RoomAccount("oauth2", BearerAuth(keeper.access), keeper), API, **more)


def created(post_id: str = "1445880548472328192", text: str = "Merci !") -> dict[str, Any]:
    return {"data": {"id": post_id, "text": text, "edit_history_tweet_ids": [post_id]}}


@responses.activate
def test_a_201_is_posted_with_its_link_and_the_request_is_as_x_documents() -> None:
    responses.post(TWEETS, json=created(), status=201)
    responses.get(TWEEPY + "/2/users/me", json=ME)
    outcome = poster().post(Draft(text="Merci !", reply_to="1445880000000000000"))
    assert outcome == Posted(
        "1445880548472328192", "https://x.com/BlueRoomFR/status/1445880548472328192"
    )
    sent = responses.calls[0].request
    assert json.loads(sent.body) == {
        "text": "Merci !",
        "reply": {"in_reply_to_tweet_id": "1445880000000000000"},
    }
    assert sent.headers["Authorization"] == "Bearer old-access"
    assert "old-access" not in repr(sent.headers)  # the header shows masked


@responses.activate
def test_a_duplicate_is_refused_for_a_person_with_xs_detail() -> None:
    responses.post(
        TWEETS,
        status=403,
        json={
            "detail": "You are not allowed to create a Tweet with duplicate content.",
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
        },
    )
    outcome = poster().post(Draft(text="Merci !"))
    assert isinstance(outcome, Refused) and not outcome.transient
    assert "duplicate content" in outcome.reason


@responses.activate
def test_429_is_transient_with_the_reset_time() -> None:
    reset = int(time.time()) + 120
    responses.post(
        TWEETS,
        status=429,
        json={
            "title": "Too Many Requests",
            "detail": "Too Many Requests",
            "type": "about:blank",
            "status": 429,
        },
        headers={
            "x-rate-limit-limit": "200",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(reset),
        },
    )
    outcome = poster().post(Draft(text="Merci !"))
    assert isinstance(outcome, Refused) and outcome.transient
    assert 110 <= outcome.retry_after <= 121


@responses.activate
def test_503_on_a_post_is_unknown_then_posted() -> None:
    """X took the request and failed: it may have made the post (the outbox reads the
    account before trying again)."""
    responses.post(TWEETS, status=503, json={"title": "Service Unavailable"})
    responses.post(TWEETS, status=201, json=created())
    responses.get(TWEEPY + "/2/users/me", json=ME)
    room = poster()
    first = room.post(Draft(text="Merci !"))
    assert isinstance(first, Unknown) and "503" in first.reason
    assert isinstance(room.post(Draft(text="Merci !")), Posted)


def _connect_failed() -> requests.ConnectionError:
    cause = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] refused")  # type: ignore[arg-type]
    return requests.ConnectionError(MaxRetryError(None, "/2/tweets", cause))  # type: ignore[arg-type]


def _dropped() -> requests.ConnectionError:
    remote = http.client.RemoteDisconnected("Remote end closed connection without response")
    return requests.ConnectionError(ProtocolError("Connection aborted.", remote))


@pytest.mark.parametrize(
    ("error", "unknown"),
    [
        (_connect_failed(), False),
        (requests.ConnectTimeout("connect timed out"), False),
        (requests.ReadTimeout("read timed out"), True),
        (_dropped(), True),
        # urllib3's one try ended by the drop: wrapped, and still after sending
        (requests.ConnectionError(MaxRetryError(None, "/2/tweets", _dropped().args[0])), True),
    ],
)
@responses.activate
def test_network_failures_before_sending_are_transient_after_sending_unknown(
    error: Exception, unknown: bool
) -> None:
    responses.post(TWEETS, body=error)
    outcome = poster().post(Draft(text="Merci !"))
    assert sent_before_failing(error) is unknown
    if unknown:
        assert isinstance(outcome, Unknown)
    else:
        assert isinstance(outcome, Refused) and outcome.transient


@responses.activate
def test_a_401_refreshes_the_token_once_then_posts() -> None:
    responses.post(
        TWEETS, status=401, json={"title": "Unauthorized", "detail": "Unauthorized", "status": 401}
    )
    responses.post(
        API + "/2/oauth2/token",
        json={
            "token_type": "bearer",
            "expires_in": 7200,
            "access_token": "new-access",
            "scope": " ".join(WRITE),
            "refresh_token": "new-refresh",
        },
    )
    responses.post(TWEETS, status=201, json=created())
    responses.get(TWEEPY + "/2/users/me", json=ME)
    room = poster()
    assert isinstance(room.post(Draft(text="Merci !")), Posted)
    refresh = parse_qs(responses.calls[1].request.body)
    assert refresh == {
        "grant_type": ["refresh_token"],
        "refresh_token": ["old-refresh"],
        "client_id": ["client"],
    }
    assert responses.calls[2].request.headers["Authorization"] == "Bearer new-access"


@responses.activate
def test_a_refused_refresh_says_log_in_again_and_stops_posting() -> None:
    responses.post(TWEETS, status=401, json={"title": "Unauthorized", "status": 401})
    responses.post(
        API + "/2/oauth2/token",
        status=400,
        json={
            "error": "invalid_request",
            "error_description": "Value passed for the token was invalid.",
        },
    )
    room = poster()
    outcome = room.post(Draft(text="Merci !"))
    assert (
        isinstance(outcome, Refused)
        and not outcome.transient
        and "log the room in again" in outcome.reason
    )
    assert "expired" in room.cannot_post()


def test_cannot_post_says_why_in_one_line() -> None:
    assert "read-only" in poster(scopes=("tweet.read", "users.read")).cannot_post()
    expired = UserToken(Secret("a"), None, time.time() - 10, WRITE)
    keeper = TokenKeeper(expired, None)
    stale = XPoster(RoomAccount("oauth2", BearerAuth(keeper.access), keeper), API)
    assert "expired and cannot be refreshed" in stale.cannot_post()
    nothing = XPoster(
        RoomAccount("", None, problem="no posting credentials: saved, not posted"), API
    )
    assert (
        nothing.cannot_post() == "no posting credentials: saved, not posted"
        and nothing.account == ""
    )
    assert isinstance(nothing.post(Draft(text="x")), Refused)


@responses.activate
def test_a_photo_is_uploaded_in_one_request_and_attached(tmp_path: Path) -> None:
    photo = tmp_path / "mirror.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"j" * 2000)
    responses.post(
        API + "/2/media/upload",
        json={
            "data": {
                "id": "1880028106020515840",
                "media_key": "3_1880028106020515840",
                "size": 2003,
            }
        },
    )
    responses.post(TWEETS, status=201, json=created())
    responses.get(TWEEPY + "/2/users/me", json=ME)
    assert isinstance(poster().post(Draft(text="La photo", media=(str(photo),))), Posted)
    upload = responses.calls[0].request
    assert upload.headers["Content-Type"].startswith("multipart/form-data")
    assert b'name="media_category"' in upload.body and b"tweet_image" in upload.body
    assert json.loads(responses.calls[1].request.body)["media"] == {
        "media_ids": ["1880028106020515840"]
    }


@responses.activate
def test_a_clip_goes_in_chunks_init_append_finalize_status(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"m" * 2500)
    media = API + "/2/media/upload"
    responses.post(
        media, json={"data": {"id": "77", "media_key": "7_77", "expires_after_secs": 1295999}}
    )
    for _ in range(3):
        responses.post(media, status=204)
    responses.post(
        media,
        json={"data": {"id": "77", "processing_info": {"state": "pending", "check_after_secs": 2}}},
    )
    responses.get(
        media,
        json={
            "data": {"id": "77", "processing_info": {"state": "in_progress", "check_after_secs": 3}}
        },
    )
    responses.get(media, json={"data": {"id": "77", "processing_info": {"state": "succeeded"}}})
    responses.post(TWEETS, status=201, json=created())
    responses.get(TWEEPY + "/2/users/me", json=ME)
    slept: list[float] = []
    room = poster(chunk_bytes=1000, sleep=slept.append)
    assert isinstance(room.post(Draft(text="Le clip", media=(str(clip),))), Posted)
    bodies = [call.request.body or b"" for call in responses.calls[:5]]
    assert "command=INIT" in str(bodies[0]) and "total_bytes=2500" in str(bodies[0])
    appends = [b for b in bodies[1:4] if isinstance(b, bytes) and b"APPEND" in b]
    assert len(appends) == 3 and b"m" * 1000 in appends[0] and b"m" * 500 in appends[2]
    assert "FINALIZE" in str(bodies[4])
    assert slept == [2.0, 3.0]
    assert "command=STATUS" in (responses.calls[5].request.url or "")


@responses.activate
def test_a_clip_x_cannot_process_is_refused_for_a_person(tmp_path: Path) -> None:
    clip = tmp_path / "clip.gif"
    clip.write_bytes(b"GIF89a" + b"g" * 10)
    media = API + "/2/media/upload"
    responses.post(media, json={"data": {"id": "78"}})
    responses.post(media, status=204)
    responses.post(
        media,
        json={
            "data": {
                "id": "78",
                "processing_info": {
                    "state": "failed",
                    "error": {"message": "Unsupported video format"},
                },
            }
        },
    )
    outcome = poster().post(Draft(text="Le gif", media=(str(clip),)))
    assert (
        isinstance(outcome, Refused)
        and not outcome.transient
        and "Unsupported video format" in outcome.reason
    )
    assert not any(call.request.url == TWEETS for call in responses.calls)


def test_texts_compare_as_x_gives_them_back() -> None:
    assert normalise("Tom &amp; Léa &lt;3 https://t.co/AbCdEf1234  ") == normalise(
        "Tom & Léa <3 https://blueroom.example/a?b=1"
    )
    assert normalise("Cafe\u0301 !") == normalise("Café !")
    assert normalise("Merci https://t.co/x") != normalise("Merci beaucoup")
