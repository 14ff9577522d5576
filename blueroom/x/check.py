"""``blueroom x check``: which credentials the room has, whom they act as, what they
allow and the rate limits X reports, or one clear reason each fails. Posts nothing.

Credentials are named (and where they came from), never shown.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
import tweepy

from blueroom.x.auth import (
    BearerAuth,
    OAuthError,
    api_root,
    missing_scopes,
    room_account,
)
from blueroom.x.auth import make_client as _make_client
from blueroom.x.credentials import (
    ACCESS_SECRET,
    ACCESS_TOKEN,
    API_KEY,
    API_SECRET,
    Credentials,
    KeyStore,
)


@dataclass(slots=True)
class CheckReport:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def say(self, line: str) -> None:
        self.lines.append(line)

    def fail(self, line: str) -> None:
        self.lines.append(line)
        self.ok = False


def _clock(epoch: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(epoch))


def rate_limits(response: requests.Response) -> str:
    """The rate limit X reported on an answer ("" when it sent none)."""
    headers = response.headers
    limit, left, reset = (
        headers.get("x-rate-limit-limit"),
        headers.get("x-rate-limit-remaining"),
        headers.get("x-rate-limit-reset"),
    )
    if not limit or left is None:
        return ""
    said = f"rate limit {left} of {limit} left"
    with contextlib.suppress(ValueError):
        said += f", resets at {_clock(float(reset or ''))}"
    return said


def failure(error: BaseException, api_base: str) -> str:
    """One clear reason an exchange failed."""
    if isinstance(error, tweepy.TooManyRequests):
        reset = error.response.headers.get("x-rate-limit-reset", "")
        when = ""
        with contextlib.suppress(ValueError):
            when = f" until {_clock(float(reset))}"
        return f"rate-limited by X (429){when}"
    if isinstance(error, tweepy.Unauthorized):
        return "refused by X (401): the token is invalid, revoked or expired"
    if isinstance(error, tweepy.HTTPException):
        from blueroom.x.poster import _reason

        return f"refused by X ({error.response.status_code}): {_reason(error.response)}"
    if isinstance(error, OAuthError):
        return str(error)
    if isinstance(error, requests.RequestException):
        return f"cannot reach {api_root(api_base)} ({type(error).__name__}): network unreachable?"
    return f"{type(error).__name__}"


def check_credentials(
    creds: Credentials,
    api_base: str,
    room_handle: str = "",
    store: KeyStore | None = None,
    make_client: Callable[..., tweepy.Client] = _make_client,
) -> CheckReport:
    report = CheckReport()
    for note in creds.notes:
        report.say(note)
    if not creds.any:
        report.fail(
            "no X credentials found: set BLUEROOM_X_BEARER_TOKEN (reading) and the room's"
            " user token or OAuth 1.0a keys (posting) in the environment or the keyring"
            " (service 'blueroom'); see the README's X API section"
        )
        return report
    report.say("found: " + ", ".join(item.describe() for item in creds.found()))
    if creds.bearer is not None:
        _check_bearer(report, creds, api_base, room_handle, make_client)
    oauth1_parts = {
        API_KEY: creds.api_key,
        API_SECRET: creds.api_secret,
        ACCESS_TOKEN: creds.access_token,
        ACCESS_SECRET: creds.access_secret,
    }
    if creds.api_key or creds.api_secret or creds.access_secret:
        missing = [name for name, item in oauth1_parts.items() if item is None]
        if missing:
            report.fail(f"OAuth 1.0a keys incomplete: {', '.join(missing)} missing")
    if creds.oauth2_user or creds.oauth1:
        _check_room_account(report, creds, api_base, store, make_client)
    elif creds.refresh_token is not None:
        report.fail(
            "BLUEROOM_X_REFRESH_TOKEN without BLUEROOM_X_ACCESS_TOKEN: log the room in again"
        )
    if creds.client_id is not None:
        report.say(
            f"{creds.client_id.describe()}: the app the guest signs in to"
            f" ({'confidential' if creds.client_secret else 'public'} client)"
        )
    return report


def _check_bearer(
    report: CheckReport,
    creds: Credentials,
    api_base: str,
    room_handle: str,
    make_client: Callable[..., tweepy.Client],
) -> None:
    assert creds.bearer is not None
    bearer = creds.bearer.secret
    client = make_client(BearerAuth(lambda: bearer), api_base)
    handle = room_handle.lstrip("@") or "XDevelopers"
    name = creds.bearer.describe()
    try:
        response = client.get_user(username=handle, user_auth=False)
    except (tweepy.TweepyException, requests.RequestException) as error:
        report.fail(f"{name}: {failure(error, api_base)}")
        return
    limits = rate_limits(response)
    report.say(
        f"{name}: works, as the app (no user): reads posts, searches, streams; posts nothing"
        + (f"; {limits}" if limits else "")
    )


def _check_room_account(
    report: CheckReport,
    creds: Credentials,
    api_base: str,
    store: KeyStore | None,
    make_client: Callable[..., tweepy.Client],
) -> None:
    account = room_account(creds, api_base, store)
    assert account.auth is not None
    label = (
        f"{creds.access_token.describe()} (OAuth 2 user token)"
        if account.kind == "oauth2" and creds.access_token
        else "OAuth 1.0a keys"
    )
    keeper = account.keeper
    # X's refresh tokens work once: only one the keyring can keep the successor of is used
    may_refresh = (
        keeper is not None
        and keeper.can_refresh
        and creds.access_token is not None
        and creds.access_token.origin == "keyring"
    )
    try:
        if keeper is not None and may_refresh:
            before = keeper.refreshes
            keeper.fresh()
            if keeper.refreshes > before:
                report.say(
                    f"{label}: was expiring, refreshed ({keeper.note or 'kept in the keyring'})"
                )
        client = make_client(account.auth, api_base)
        try:
            response = client.get_me(user_auth=False)
        except tweepy.Unauthorized:
            if keeper is None or not may_refresh:
                raise
            keeper.refresh()
            report.say(
                f"{label}: refused as expired, refreshed ({keeper.note or 'kept in the keyring'})"
            )
            response = client.get_me(user_auth=False)
    except (tweepy.TweepyException, requests.RequestException, OAuthError) as error:
        reason = failure(error, api_base)
        if isinstance(error, tweepy.Unauthorized) and keeper is not None:
            if not keeper.can_refresh:
                reason += " (no refresh token or client id to renew it: log the room in again)"
            elif not may_refresh:
                reason += (
                    "; not refreshed here: a refresh token works once, and a new one cannot be"
                    " kept in the environment (the room refreshes it when it starts; keep the"
                    " room's tokens in the keyring to keep them fresh across restarts)"
                )
        report.fail(f"{label}: {reason}")
        return
    data = (response.json() or {}).get("data") or {}
    who = f"@{data.get('username', '?')}"
    limits = rate_limits(response)
    if keeper is not None:
        token = keeper.token
        scopes = " ".join(token.scopes) if token.scopes else "not recorded"
        allows = f"scopes: {scopes}"
        lacking = missing_scopes(token.scopes)
        if lacking:
            allows += f" (missing for posting: {' '.join(lacking)})"
        if token.expires_at:
            minutes = max(0, int((token.expires_at - time.time()) // 60))
            allows += f"; expires in {minutes} min"
            allows += ", refreshed by the room" if keeper.can_refresh else ", cannot be refreshed"
    else:
        level = response.headers.get("x-access-level", "")
        allows = f"access level: {level}" if level else "access level: not reported by X"
        if level == "read":
            report.fail(
                f"{label}: act as {who} but are read-only: regenerate them with write access"
            )
            return
    report.say(f"{label}: works, acts as {who}; {allows}" + (f"; {limits}" if limits else ""))
    if keeper is not None and "tweet.write" in missing_scopes(keeper.token.scopes):
        report.fail(f"{label}: cannot post (no tweet.write scope): log the room in again")
