"""The guest's own X account for the session: OAuth 2 with PKCE through a local redirect.

The operator (or the guest, from the QR on the guest panel) opens the authorize URL;
X sends the browser back to ``http://HOST:PORT/callback?code=…&state=…``, answered by
a small HTTP server on a :class:`~blueroom.workers.Worker` of this process. The state
is checked, the code exchanged (with the PKCE verifier) and the guest's handle read;
the journal hears only the fact (``GuestSignedIn``). The token is refreshed while the
session runs and revoked at its end, at sign-out and when the room quits
(``GuestSignedOut``). ``on_token`` hears of every new token (signed in, refreshed) and
of its end (None): the composition root hands it to the engine's outbox, which posts
the guest's own posts from the guest's account (``x/guest_poster.py``); it is never
journalled.

Qt-free: the console and the guest panel read :meth:`GuestLogin.status`.
"""

from __future__ import annotations

import contextlib
import html
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
import tweepy

from blueroom.core.events import Event, GuestSignedIn, GuestSignedOut, SessionEnded
from blueroom.workers import ErrorSink, Worker
from blueroom.x.auth import (
    GUEST_SCOPES,
    BearerAuth,
    OAuthApp,
    OAuthError,
    Pkce,
    TokenKeeper,
    UserToken,
    make_client,
)

CALLBACK_PATH = "/callback"
REFRESH_CHECK_SECONDS = 30.0
POLL_SECONDS = 0.25
LOGIN_VALID_SECONDS = 600.0  # an authorize link older than this is refused


class GuestState(StrEnum):
    SIGNED_OUT = "signed out"
    WAITING = "waiting"  # the authorize link is out: waiting for the guest to approve
    SIGNED_IN = "signed in"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class GuestStatus:
    state: GuestState
    handle: str = ""
    detail: str = ""  # one plain line: why it failed, what was not revoked
    authorize_url: str = ""  # while waiting: what the browser or the QR opens


class GuestLogin:
    """One guest login at a time; ``start``/``stop`` by the composition root."""

    def __init__(
        self,
        app: OAuthApp | None,
        api_base: str,
        *,
        host: str = "127.0.0.1",
        port: int = 8737,
        publish: Callable[[Event], int] | None = None,
        scopes: tuple[str, ...] = GUEST_SCOPES,
        on_error: ErrorSink | None = None,
        on_change: Callable[[GuestStatus], None] | None = None,
        on_token: Callable[[str, UserToken | None], None] | None = None,
    ) -> None:
        self._app = app
        self._api_base = api_base
        self._host = host
        self._port = port
        self._publish = publish or (lambda event: 0)
        self._scopes = scopes
        self._on_error = on_error
        self._on_change = on_change
        self._on_token = on_token
        self._lock = threading.RLock()
        self._status = GuestStatus(GuestState.SIGNED_OUT)
        self._pending: tuple[Pkce, float] | None = None
        self._keeper: TokenKeeper | None = None
        self._server: HTTPServer | None = None
        self._worker: Worker | None = None
        self._last_refresh_check = 0.0
        self._sign_out_asked = ""  # a reason: the worker signs out (the screens never wait)

    # -- what the screens read -----------------------------------------------------
    def status(self) -> GuestStatus:
        with self._lock:
            return self._status

    def cannot_sign_in(self) -> str:
        if self._app is None:
            return "no X app for the guest's login: set BLUEROOM_X_CLIENT_ID (see the README)"
        if self._server is None:
            return "the guest's login is not running"
        return ""

    @property
    def redirect_uri(self) -> str:
        port = self._server.server_address[1] if self._server is not None else self._port
        return f"http://{self._host}:{port}{CALLBACK_PATH}"

    # -- lifecycle (the composition root) -----------------------------------------------
    def start(self) -> str:
        """Listen for X's redirect on a worker; "" when listening (or with no X app to
        sign in to: the console's Guest menu says so), else why not."""
        if self._app is None or self._worker is not None:
            return ""
        try:
            self._server = _RedirectServer((self._host, self._port), self)
        except OSError as error:
            self._set(
                GuestStatus(
                    GuestState.FAILED,
                    detail=f"cannot listen on {self._host}:{self._port}: {error.strerror}",
                )
            )
            return self._status.detail
        self._worker = Worker("guest-login", self._serve, on_error=self._on_error)
        self._worker.start()
        return ""

    def stop(self, reason: str = "the room quit") -> None:
        """Revoke a signed-in guest's token, then stop listening."""
        self.sign_out(reason)
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._server is not None:
            self._server.server_close()
            self._server = None

    def on_events(self, events: list[Event]) -> None:
        """The room's committed events: the session's end signs the guest out."""
        if any(isinstance(event, SessionEnded) for event in events):
            self.request_sign_out("the session ended")

    def request_sign_out(self, reason: str = "signed out by the operator") -> None:
        """Sign out on the login's worker (a revocation waits on X: never on the screens'
        thread); at once when the worker is not running."""
        if self._worker is None or not self._worker.alive:
            self.sign_out(reason)
            return
        with self._lock:
            self._sign_out_asked = reason

    # -- signing in and out ------------------------------------------------------------
    def begin(self) -> str:
        """A new authorize URL (any earlier one stops working); "" when it cannot."""
        problem = self.cannot_sign_in()
        if problem or self._app is None:
            self._set(GuestStatus(GuestState.FAILED, detail=problem))
            return ""
        pkce = Pkce.new()
        url = self._app.authorize_url(self.redirect_uri, self._scopes, pkce)
        with self._lock:
            self._pending = (pkce, time.monotonic())
            handle = self._status.handle if self._status.state == GuestState.SIGNED_IN else ""
        self._set(GuestStatus(GuestState.WAITING, handle=handle, authorize_url=url))
        return url

    def cancel(self) -> None:
        with self._lock:
            self._pending = None
            if self._status.state == GuestState.WAITING:
                self._status = GuestStatus(GuestState.SIGNED_OUT)
        self._changed()

    def sign_out(self, reason: str = "signed out by the operator") -> None:
        """Revoke the guest's token at X and forget it."""
        with self._lock:
            keeper, self._keeper = self._keeper, None
            self._pending = None
            handle = self._status.handle
        if keeper is None:
            if self._status.state == GuestState.WAITING:
                self._set(GuestStatus(GuestState.SIGNED_OUT))
            return
        self._token_changed(handle, None)  # the engine posts nothing more as the guest
        revoked, detail = True, ""
        try:
            keeper.revoke()
            token = keeper.token
            if token.refresh is not None and self._app is not None:
                self._app.revoke(token.refresh, "refresh_token")
        except OAuthError as error:
            revoked, detail = False, f"X did not confirm the revocation: {error}"
        self._publish(GuestSignedOut(handle=handle, reason=reason, revoked=revoked))
        self._set(GuestStatus(GuestState.SIGNED_OUT, detail=detail))

    def guest_token(self) -> TokenKeeper | None:
        """The signed-in guest's token (for a client acting as the guest), or None."""
        with self._lock:
            return self._keeper

    # -- the worker --------------------------------------------------------------------
    def _serve(self, stop: threading.Event) -> None:
        server = self._server
        assert server is not None
        server.timeout = POLL_SECONDS
        while not stop.is_set():
            server.handle_request()
            with self._lock:
                asked, self._sign_out_asked = self._sign_out_asked, ""
            if asked:
                self.sign_out(asked)
            now = time.monotonic()
            if now - self._last_refresh_check >= REFRESH_CHECK_SECONDS:
                self._last_refresh_check = now
                self._keep_fresh()

    def _keep_fresh(self) -> None:
        keeper = self.guest_token()
        if keeper is None:
            return
        try:
            keeper.fresh()
        except OAuthError as error:
            self._set(
                GuestStatus(
                    GuestState.SIGNED_IN, self._status.handle, f"token refresh failed: {error}"
                )
            )

    def _callback(self, query: dict[str, list[str]]) -> tuple[int, str]:
        """X's redirect: (HTTP status, a line for the guest's browser)."""
        state = query.get("state", [""])[0]
        code = query.get("code", [""])[0]
        with self._lock:
            pending = self._pending
        if pending is None or state != pending[0].state:
            return 400, "This sign-in link is no longer valid. Ask for a new one."
        if time.monotonic() - pending[1] > LOGIN_VALID_SECONDS:
            self._fail("the sign-in link expired: start again")
            return 400, "This sign-in link has expired. Ask for a new one."
        with self._lock:
            self._pending = None
        if "error" in query or not code:
            self._fail("the guest did not approve the sign-in")
            return 200, "Sign-in cancelled. You can close this page."
        assert self._app is not None
        try:
            token = self._app.exchange(code, pending[0], self.redirect_uri)
            named = [""]
            keeper = TokenKeeper(
                token, self._app, lambda fresh: self._token_changed(named[0], fresh)
            )
            handle = named[0] = "@" + _username(keeper, self._api_base)
        except (OAuthError, tweepy.TweepyException, requests.RequestException) as error:
            self._fail(f"sign-in failed: {_short(error)}")
            return 502, "Sign-in failed. Please try again."
        with self._lock:
            old, self._keeper = self._keeper, keeper
        if old is not None:  # a second sign-in replaces the first: revoke it
            with contextlib.suppress(OAuthError):
                old.revoke()
        self._token_changed(handle, keeper.token)
        self._publish(GuestSignedIn(handle=handle))
        self._set(GuestStatus(GuestState.SIGNED_IN, handle=handle))
        return 200, f"Signed in as {handle}. You can close this page."

    def _token_changed(self, handle: str, token: UserToken | None) -> str:
        """Hand the new token (None: none any more) to whoever posts as the guest."""
        if self._on_token is not None and handle:
            self._on_token(handle, token)
        return ""

    def _fail(self, detail: str) -> None:
        self._set(GuestStatus(GuestState.FAILED, detail=detail))

    def _set(self, status: GuestStatus) -> None:
        with self._lock:
            self._status = status
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.status())


def _username(keeper: TokenKeeper, api_base: str) -> str:
    client = make_client(BearerAuth(keeper.access), api_base)
    response = client.get_me(user_auth=False)
    data = (response.json() or {}).get("data") or {}
    username = str(data.get("username", ""))
    if not username:
        raise OAuthError("X did not say who signed in")
    return username


def _short(error: BaseException) -> str:
    if isinstance(error, tweepy.HTTPException):
        return f"X said {error.response.status_code}"
    if isinstance(error, OAuthError):
        return str(error)
    return type(error).__name__


class _RedirectServer(HTTPServer):
    def __init__(self, address: tuple[str, int], login: GuestLogin) -> None:
        self.login = login
        super().__init__(address, _RedirectHandler)


class _RedirectHandler(BaseHTTPRequestHandler):
    server: _RedirectServer

    def log_message(self, format: str, *args: Any) -> None:
        return None  # the query holds the code: never logged

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        if split.path != CALLBACK_PATH:
            status, text = 404, "Not found."
        else:
            status, text = self.server.login._callback(parse_qs(split.query))
        page = (
            "<!doctype html><meta charset=utf-8><title>Blue Room</title>"
            f"<body style='font:20px sans-serif;margin:3em'><p>{html.escape(text)}</p>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(page)
