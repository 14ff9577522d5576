"""The room's X account as a :class:`~blueroom.core.posting.Poster`: tweepy's
``create_tweet`` for the post, a small v2 media upload over the same HTTP session for
what it carries (tweepy has none), and the account's own timeline to settle an attempt
whose outcome is unknown.

What each answer means for the outbox (X has no idempotency key):

* 2xx: ``Posted`` with its id and link;
* 429: ``Refused(transient)``, ``retry_after`` from ``x-rate-limit-reset``;
* a connection that failed before the request went out: ``Refused(transient)``;
* 5xx on creating a post: ``Unknown`` (X received it, and may have made the post before
  failing; the outbox reads the account before any retry); 5xx on a media upload:
  ``Refused(transient)`` (an orphan upload posts nothing);
* any other 4xx: ``Refused`` for a person, with X's ``detail`` (or ``title``);
* a read timeout or a connection dropped after the request went out: ``Unknown``.

A 401 with a user token that can be refreshed is refreshed once and the post sent again
(a 401 posts nothing). Billable reads of the room's own posts (``find_posted``) are
reported through ``on_usage``; posts and media are counted by the outbox.
"""

from __future__ import annotations

import datetime as dt
import html
import mimetypes
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import requests
import tweepy
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError

from blueroom.core.events import XUsage
from blueroom.core.posting import Draft, Posted, PosterUnreachable, PostOutcome, Refused, Unknown
from blueroom.x.auth import (
    X_API,
    OAuthError,
    RoomAccount,
    TimedSession,
    make_client,
    missing_scopes,
)

MEDIA_URL: Final = X_API + "/2/media/upload"
CHUNK_BYTES: Final = 4 * 1024 * 1024  # X takes APPEND segments up to 5 MB
PHOTO_TYPES: Final = ("image/jpeg", "image/png", "image/webp")
CLIP_TYPES: Final = {"video/mp4": "tweet_video", "image/gif": "tweet_gif"}
STATUS_WAIT_LIMIT: Final = 300.0  # a clip still processing after this: give up (transient)
FIND_PAGES: Final = 3  # of 100 posts each
CLOCK_SLACK: Final = 120.0  # look this much before ``since``: clocks differ


class MediaFailed(Exception):
    def __init__(self, outcome: Refused) -> None:
        super().__init__(outcome.reason)
        self.outcome = outcome


@dataclass(frozen=True, slots=True)
class Identity:
    user_id: str
    username: str


def sent_before_failing(error: BaseException) -> bool:
    """Whether the request may have reached X before ``error`` (then the outcome is
    unknown): a read timeout or a dropped connection, not a failed connect."""
    if isinstance(error, requests.ConnectTimeout | requests.exceptions.SSLError):
        return False
    if isinstance(error, requests.ReadTimeout):
        return True
    if isinstance(error, requests.ConnectionError):
        cause = error.args[0] if error.args else None
        if isinstance(cause, MaxRetryError):  # urllib3 wraps what ended its one try
            cause = cause.reason
        # only a connection that never opened (refused, unresolved, timed out) sent nothing;
        # one dropped while the answer was awaited may have carried the post
        return not isinstance(cause, ConnectTimeoutError)  # NewConnectionError included
    return True  # anything else mid-request: assume it went out


def _reason(response: requests.Response | None) -> str:
    """X's own words for a refusal: the error body's detail, else its title."""
    if response is None:
        return "no answer"
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("detail", "title"):
            if isinstance(body.get(key), str) and body[key]:
                return str(body[key])
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            for key in ("detail", "message", "title"):
                if isinstance(errors[0].get(key), str):
                    return str(errors[0][key])
    return f"{response.status_code} {response.reason or ''}".strip()


def _retry_after(response: requests.Response | None, now: float) -> float:
    if response is None:
        return 0.0
    reset = response.headers.get("x-rate-limit-reset", "")
    try:
        return max(0.0, float(reset) - now)
    except ValueError:
        return 0.0


def refusal(response: requests.Response, now: float | None = None) -> Refused:
    """What an HTTP error answer means for the outbox."""
    status = response.status_code
    reason = f"X said {status}: {_reason(response)}"
    if status == 429:
        return Refused(reason, True, _retry_after(response, time.time() if now is None else now))
    return Refused(reason, status >= 500)


_URL = re.compile(r"https?://\S+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """A post's text as compared: entities unescaped, links out (X turns them into t.co
    and adds one for media), Unicode composed, spaces collapsed."""
    text = html.unescape(html.unescape(text))
    text = _URL.sub(" ", unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip()


class XPoster:
    """Posts as the room's account (``auth.room_account``), or as the guest's own
    (``whose="guest"``: ``x/guest_poster.py``; only the words of its refusals differ)."""

    def __init__(
        self,
        account: RoomAccount,
        api_base: str,
        *,
        on_usage: Callable[[XUsage], object] | None = None,
        session: requests.Session | None = None,
        chunk_bytes: int = CHUNK_BYTES,
        sleep: Callable[[float], None] = time.sleep,
        whose: str = "room",
    ) -> None:
        self._account = account
        self._whose = whose
        self._on_usage = on_usage
        self._chunk = chunk_bytes
        self._sleep = sleep
        self._client = (
            make_client(account.auth, api_base, session or TimedSession())
            if account.auth is not None
            else None
        )
        self._identity: Identity | None = None
        self._access_level = ""  # OAuth 1.0a: "read", "read-write", ... once X said
        self._expired = False
        self._lock = threading.Lock()

    @property
    def _again(self) -> str:
        return "log the room in again" if self._whose == "room" else "sign the guest in again"

    # -- the Poster protocol -------------------------------------------------------
    @property
    def account(self) -> str:
        if self.cannot_post() or self._identity is None:
            return ""
        return "@" + self._identity.username

    def cannot_post(self) -> str:
        account = self._account
        if account.auth is None:
            return account.problem or "no posting credentials: saved, not posted"
        keeper = account.keeper
        if keeper is not None:
            lacking = missing_scopes(keeper.token.scopes)
            if "tweet.write" in lacking:
                return (
                    f"the {self._whose}'s token is read-only (no tweet.write scope): {self._again}"
                )
            if self._expired or (keeper.token.expires_within(0) and not keeper.can_refresh):
                return (
                    f"the {self._whose}'s token has expired and cannot be refreshed: {self._again}"
                )
        if self._access_level == "read":
            return "the room's OAuth 1.0a keys are read-only: regenerate them with write access"
        return ""

    def identify(self) -> Identity:
        """Who the room posts as (GET /2/users/me, once); raises ``PosterUnreachable``."""
        if self._identity is None:
            response = self._call(lambda c: c.get_me(user_auth=False))
            data = response.json().get("data") or {}
            self._identity = Identity(str(data.get("id", "")), str(data.get("username", "")))
        return self._identity

    def post(self, draft: Draft) -> PostOutcome:
        problem = self.cannot_post()
        if problem or self._client is None:
            return Refused(problem, False)
        with self._lock:
            return self._post(draft)

    def find_posted(self, draft: Draft, since: float) -> Posted | None:
        if self._client is None:
            raise PosterUnreachable(self.cannot_post())
        identity = self.identify()
        start = dt.datetime.fromtimestamp(since - CLOCK_SLACK, dt.UTC)
        wanted = normalise(draft.text)
        token: str | None = None
        for _ in range(FIND_PAGES):
            params: dict[str, Any] = {
                "start_time": start,
                "max_results": 100,
                "tweet_fields": ["created_at", "referenced_tweets"],
                "user_auth": False,
            }
            if token:
                params["pagination_token"] = token
            response = self._call(
                lambda c, params=params: c.get_users_tweets(identity.user_id, **params)  # type: ignore[misc]
            )
            body = response.json()
            posts = body.get("data") or []
            if posts and self._on_usage is not None:
                self._on_usage(XUsage(what="resolve", owned_reads=len(posts)))
            for post in posts:
                if normalise(str(post.get("text", ""))) != wanted:
                    continue
                if draft.reply_to and not any(
                    ref.get("type") == "replied_to" and ref.get("id") == draft.reply_to
                    for ref in post.get("referenced_tweets") or []
                ):
                    continue
                return self._posted(str(post["id"]))
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
        return None

    # -- posting -------------------------------------------------------------------
    def _post(self, draft: Draft) -> PostOutcome:
        keeper = self._account.keeper
        if keeper is not None:
            try:
                keeper.fresh()
            except OAuthError as error:
                return self._refresh_failed(error)
        try:
            media_ids = [self._upload(Path(path)) for path in draft.media]
        except MediaFailed as failed:
            return failed.outcome
        refreshed = False
        while True:
            seen = keeper.token if keeper is not None else None
            try:
                response = self._create(draft, media_ids)
            except tweepy.Unauthorized as error:
                if keeper is not None and keeper.can_refresh and not refreshed:
                    refreshed = True
                    try:
                        keeper.refresh(seen)
                    except OAuthError as failure:
                        return self._refresh_failed(failure)
                    continue
                return refusal(error.response)
            except tweepy.HTTPException as error:
                if error.response.status_code >= 500:
                    # X took the request and failed somewhere: the post may exist
                    return Unknown(f"X said {error.response.status_code}: it may have posted")
                return refusal(error.response)
            except requests.RequestException as error:
                if sent_before_failing(error):
                    return Unknown(f"sent, no answer ({type(error).__name__})")
                return Refused(f"cannot reach X ({type(error).__name__})", True)
            self._note_access_level(response)
            data = response.json().get("data") or {}
            post_id = str(data.get("id", ""))
            if not post_id:
                return Unknown("X answered without the post's id")
            return self._posted(post_id)

    def _create(self, draft: Draft, media_ids: list[str]) -> requests.Response:
        assert self._client is not None
        response: requests.Response = self._client.create_tweet(
            text=draft.text,
            in_reply_to_tweet_id=draft.reply_to or None,
            media_ids=media_ids or None,
            user_auth=False,
        )
        return response

    def _refresh_failed(self, error: OAuthError) -> Refused:
        if error.status in (400, 401):
            self._expired = True
            return Refused(
                f"the {self._whose}'s token has expired and X refused to refresh it: {self._again}",
                False,
            )
        return Refused(f"could not refresh the {self._whose}'s token: {error}", True)

    def _posted(self, post_id: str) -> Posted:
        handle = self._identity.username if self._identity else ""
        if not handle:
            try:
                handle = self.identify().username
            except PosterUnreachable:
                handle = "i"  # x.com/i/status/<id> finds any post
        return Posted(post_id, f"https://x.com/{handle}/status/{post_id}")

    def _note_access_level(self, response: requests.Response) -> None:
        level = response.headers.get("x-access-level")
        if level:
            self._access_level = level

    def _call(self, call: Callable[[tweepy.Client], Any]) -> requests.Response:
        """A read through tweepy (refreshed once after a 401); ``PosterUnreachable``
        when X cannot be read."""
        assert self._client is not None
        keeper = self._account.keeper
        for attempt in (1, 2):
            try:
                if keeper is not None:
                    keeper.fresh()
                response: requests.Response = call(self._client)
                self._note_access_level(response)
                return response
            except tweepy.Unauthorized as error:
                if attempt == 1 and keeper is not None and keeper.can_refresh:
                    try:
                        keeper.refresh()
                    except OAuthError as failure:
                        raise PosterUnreachable(str(failure)) from None
                    continue
                raise PosterUnreachable(_said(error)) from None
            except tweepy.HTTPException as error:
                raise PosterUnreachable(_said(error)) from None
            except (requests.RequestException, OAuthError) as error:
                raise PosterUnreachable(f"cannot reach X ({type(error).__name__})") from None
        raise PosterUnreachable("X refused the room's token")  # pragma: no cover

    # -- media -----------------------------------------------------------------------
    def _upload(self, path: Path) -> str:
        """One file's media id: a photo in one request, a clip (MP4, GIF) in chunks."""
        kind = mimetypes.guess_type(path.name)[0] or ""
        try:
            data = path.read_bytes()
        except OSError as error:
            raise MediaFailed(
                Refused(f"cannot read {path.name}: {error.strerror}", False)
            ) from None
        try:
            if kind in CLIP_TYPES:
                return self._upload_chunked(path.name, data, kind, CLIP_TYPES[kind])
            if kind in PHOTO_TYPES:
                return self._upload_simple(path.name, data, kind)
        except requests.RequestException as error:
            # an upload posts nothing: whatever became of it, the draft can go again
            raise MediaFailed(
                Refused(f"media upload failed ({type(error).__name__})", True)
            ) from None
        raise MediaFailed(Refused(f"{path.name}: X takes JPEG, PNG, WebP, GIF or MP4", False))

    def _media(self, method: str, **kwargs: Any) -> dict[str, Any]:
        assert self._client is not None
        response = self._client.session.request(method, MEDIA_URL, **kwargs)
        if response.status_code == 401 and self._account.keeper is not None:
            keeper = self._account.keeper
            if keeper.can_refresh:
                try:
                    keeper.refresh()
                except OAuthError as failure:
                    raise MediaFailed(self._refresh_failed(failure)) from None
                response = self._client.session.request(method, MEDIA_URL, **kwargs)
        if response.status_code >= 400:
            refused = refusal(response)
            raise MediaFailed(
                Refused("media: " + refused.reason, refused.transient, refused.retry_after)
            )
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        data = body.get("data") if isinstance(body, dict) else None
        return data if isinstance(data, dict) else {}

    def _upload_simple(self, name: str, data: bytes, kind: str) -> str:
        answer = self._media(
            "POST",
            files={"media": (name, data, kind)},
            data={"media_category": "tweet_image", "media_type": kind},
        )
        return self._media_id(answer)

    def _upload_chunked(self, name: str, data: bytes, kind: str, category: str) -> str:
        started = self._media(
            "POST",
            data={
                "command": "INIT",
                "media_type": kind,
                "total_bytes": str(len(data)),
                "media_category": category,
            },
        )
        media_id = self._media_id(started)
        for index, offset in enumerate(range(0, len(data), self._chunk)):
            self._media(
                "POST",
                data={"command": "APPEND", "media_id": media_id, "segment_index": str(index)},
                files={
                    "media": (name, data[offset : offset + self._chunk], "application/octet-stream")
                },
            )
        answer = self._media("POST", data={"command": "FINALIZE", "media_id": media_id})
        waited = 0.0
        while True:
            info = answer.get("processing_info") or {}
            state = info.get("state", "succeeded")
            if state == "succeeded":
                return media_id
            if state == "failed":
                error = info.get("error") or {}
                raise MediaFailed(
                    Refused(
                        f"media: X could not process {name}: {error.get('message', 'failed')}",
                        False,
                    )
                )
            pause = float(info.get("check_after_secs", 1) or 1)
            waited += pause
            if waited > STATUS_WAIT_LIMIT:
                raise MediaFailed(
                    Refused(f"media: {name} still processing after {waited:.0f} s", True)
                )
            self._sleep(pause)
            answer = self._media("GET", params={"command": "STATUS", "media_id": media_id})

    @staticmethod
    def _media_id(answer: dict[str, Any]) -> str:
        media_id = answer.get("id") or answer.get("media_id_string") or answer.get("media_id")
        if not media_id:
            raise MediaFailed(Refused("media: X answered without a media id", True))
        return str(media_id)


def _said(error: tweepy.HTTPException) -> str:
    response = error.response
    return f"X said {response.status_code}: {_reason(response)}"
