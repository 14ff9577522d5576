"""Accounts and sign-in on the stand-in X server: users, app bearer tokens, OAuth 2
user tokens (PKCE authorization, refresh, revoke, expiry), OAuth 1.0a keys.

Routes, as X's documentation describes them: ``GET /2/users/me``,
``GET /2/users/by/username/{username}``, ``GET /i/oauth2/authorize`` (approves at once
for ``state["accounts"].approver`` and redirects to the app's ``redirect_uri``),
``POST /2/oauth2/token`` (``authorization_code`` with the PKCE verifier checked,
``refresh_token`` rotating both tokens), ``POST /2/oauth2/revoke``.

An expired or revoked access token gets 401 on every API route. OAuth 1.0a requests
are recognised by their ``oauth_token``; the signature itself is not checked.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode

from tests.standin_x.server import Request, StandInX

ROOM_USER_ID = "1500000000000000001"
ROOM_USERNAME = "BlueRoomFR"
GUEST_USER_ID = "1500000000000000002"
GUEST_USERNAME = "leamarchand"
CLIENT_ID = "standin-client-id"
BEARER = "standin-app-bearer"
RATE_LIMIT = 900


@dataclass
class Token:
    user_id: str
    scopes: tuple[str, ...]
    expires_at: float
    revoked: bool = False


@dataclass
class PendingCode:
    client_id: str
    redirect_uri: str
    challenge: str
    method: str
    user_id: str
    scopes: tuple[str, ...]


@dataclass
class OAuth1Keys:
    user_id: str
    level: str  # "read" or "read-write"


@dataclass
class Accounts:
    users: dict[str, dict[str, str]] = field(default_factory=dict)
    bearers: set[str] = field(default_factory=set)
    access: dict[str, Token] = field(default_factory=dict)
    refresh: dict[str, Token] = field(default_factory=dict)
    oauth1: dict[str, OAuth1Keys] = field(default_factory=dict)
    clients: dict[str, str | None] = field(default_factory=dict)  # id → secret (None: public)
    codes: dict[str, PendingCode] = field(default_factory=dict)
    approver: str = GUEST_USER_ID  # who approves at /i/oauth2/authorize
    token_lifetime: float = 7200.0
    revoked: list[str] = field(default_factory=list)  # tokens revoked, in order
    calls: dict[str, int] = field(default_factory=dict)  # remaining, per route


def accounts(server: StandInX) -> Accounts:
    found: Accounts = server.state["accounts"]
    return found


def issue_token(
    server: StandInX,
    user_id: str = ROOM_USER_ID,
    scopes: tuple[str, ...] = (
        "tweet.read",
        "tweet.write",
        "users.read",
        "media.write",
        "offline.access",
    ),
    lifetime: float | None = None,
    *,
    access: str = "",
    refresh: str = "",
) -> tuple[str, str]:
    """A new user token pair (access, refresh) for ``user_id`` (given ones, or made up)."""
    state = accounts(server)
    with server.lock:
        expires = time.time() + (state.token_lifetime if lifetime is None else lifetime)
        access = access or "at-" + secrets.token_urlsafe(24)
        refresh = refresh or "rt-" + secrets.token_urlsafe(24)
        state.access[access] = Token(user_id, scopes, expires)
        state.refresh[refresh] = Token(user_id, scopes, expires + 30 * 86400)
    return access, refresh


def all_tokens(server: StandInX) -> set[str]:
    """Every token the stand-in knows or has issued (for a test that greps for them)."""
    state = accounts(server)
    with server.lock:
        return {*state.access, *state.refresh, *state.bearers, *state.oauth1}


def expire(server: StandInX, access: str) -> None:
    with server.lock:
        accounts(server).access[access].expires_at = time.time() - 1


def add_oauth1(
    server: StandInX, token: str, user_id: str = ROOM_USER_ID, level: str = "read-write"
) -> None:
    with server.lock:
        accounts(server).oauth1[token] = OAuth1Keys(user_id, level)


def rate_headers(server: StandInX, route: str) -> dict[str, str]:
    state = accounts(server)
    with server.lock:
        left = state.calls.get(route, RATE_LIMIT) - 1
        state.calls[route] = max(left, 0)
    reset = int(time.time()) + 900
    return {
        "x-rate-limit-limit": str(RATE_LIMIT),
        "x-rate-limit-remaining": str(max(left, 0)),
        "x-rate-limit-reset": str(reset),
    }


UNAUTHORIZED = {
    "title": "Unauthorized",
    "type": "about:blank",
    "status": 401,
    "detail": "Unauthorized",
}


@dataclass(frozen=True)
class Caller:
    """Who a request acts as: a user (``user_id``) or the app alone."""

    user_id: str  # "" for the app's bearer token
    scopes: tuple[str, ...] | None  # None: OAuth 1.0a (no scopes)
    level: str = ""  # OAuth 1.0a access level

    def may(self, scope: str) -> bool:
        if self.scopes is None:
            return scope.endswith(".read") or self.level == "read-write"
        return scope in self.scopes


_OAUTH_TOKEN = re.compile(r'oauth_token="([^"]*)"')


def caller(server: StandInX, request: Request) -> Caller | None:
    """The caller, or None after answering 401 (an unknown, expired or revoked token)."""
    state = accounts(server)
    auth = request.headers.get("authorization", "")
    with server.lock:
        if auth.startswith("OAuth "):
            found = _OAUTH_TOKEN.search(auth)
            keys = state.oauth1.get(unquote(found.group(1))) if found else None
            if keys is not None:
                return Caller(keys.user_id, None, keys.level)
        elif request.bearer in state.bearers:
            return Caller("", ())
        else:
            token = state.access.get(request.bearer)
            if token is not None and not token.revoked and token.expires_at > time.time():
                return Caller(token.user_id, token.scopes)
    request.respond(401, UNAUTHORIZED)
    return None


def user_caller(server: StandInX, request: Request, scope: str) -> Caller | None:
    """A user caller allowed ``scope``, or None after answering 401/403."""
    who = caller(server, request)
    if who is None:
        return None
    if not who.user_id:
        request.respond(
            403,
            {
                "title": "Unsupported Authentication",
                "detail": "Authenticating with OAuth 2.0 Application-Only is forbidden for this"
                " endpoint.  Supported authentication types are [OAuth 1.0a User Context,"
                " OAuth 2.0 User Context].",
                "type": "https://api.twitter.com/2/problems/unsupported-authentication",
                "status": 403,
            },
        )
        return None
    if not who.may(scope):
        request.respond(
            403,
            {
                "title": "Forbidden",
                "detail": f"You are not permitted to perform this action (missing {scope}).",
                "type": "about:blank",
                "status": 403,
            },
        )
        return None
    return who


def _client(state: Accounts, request: Request, form: dict[str, str]) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.startswith("Basic "):
        client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
        return client_id if state.clients.get(client_id) == secret else None
    client_id = form.get("client_id", "")
    return client_id if client_id in state.clients and state.clients[client_id] is None else None


def _oauth_error(request: Request, description: str, status: int = 400) -> None:
    request.respond(status, {"error": "invalid_request", "error_description": description})


def install(server: StandInX) -> None:
    state = Accounts()
    state.users[ROOM_USER_ID] = {"id": ROOM_USER_ID, "username": ROOM_USERNAME, "name": "Blue Room"}
    state.users[GUEST_USER_ID] = {
        "id": GUEST_USER_ID,
        "username": GUEST_USERNAME,
        "name": "Léa Marchand",
    }
    state.bearers.add(BEARER)
    state.clients[CLIENT_ID] = None
    server.state["accounts"] = state
    ids = itertools.count(1)

    @server.route("GET", "/2/users/me")
    def me(request: Request) -> None:
        who = user_caller(server, request, "users.read")
        if who is None:
            return
        headers = rate_headers(server, "GET /2/users/me")
        if who.scopes is None:
            headers["x-access-level"] = who.level
        request.respond(200, {"data": state.users[who.user_id]}, headers)

    @server.route("GET", "/2/users/by/username/{username}")
    def by_username(request: Request) -> None:
        if caller(server, request) is None:
            return
        name = request.params["username"].lower()
        found = next((u for u in state.users.values() if u["username"].lower() == name), None)
        headers = rate_headers(server, "GET /2/users/by/username")
        if found is None:
            request.respond(
                200,
                {
                    "errors": [
                        {
                            "title": "Not Found Error",
                            "detail": f"Could not find user with username: [{name}].",
                        }
                    ]
                },
                headers,
            )
            return
        request.respond(200, {"data": found}, headers)

    @server.route("GET", "/i/oauth2/authorize")
    def authorize(request: Request) -> None:
        client_id = request.arg("client_id")
        if client_id not in state.clients or request.arg("response_type") != "code":
            request.respond(400, {"error": "invalid_request"})
            return
        if request.arg("code_challenge_method") != "S256" or not request.arg("code_challenge"):
            request.respond(
                400, {"error": "invalid_request", "error_description": "PKCE S256 required"}
            )
            return
        code = f"code-{next(ids)}-" + secrets.token_urlsafe(12)
        redirect_uri = request.arg("redirect_uri")
        with server.lock:
            state.codes[code] = PendingCode(
                client_id,
                redirect_uri,
                request.arg("code_challenge"),
                "S256",
                state.approver,
                tuple(request.arg("scope").split()),
            )
        query = urlencode({"code": code, "state": request.arg("state")})
        request.respond(302, b"", {"Location": f"{redirect_uri}?{query}"})

    @server.route("POST", "/2/oauth2/token")
    def token(request: Request) -> None:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        client_id = _client(state, request, form)
        if client_id is None:
            _oauth_error(request, "Missing valid authorization header", 401)
            return
        grant = form.get("grant_type")
        with server.lock:
            if grant == "authorization_code":
                pending = state.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "")
                if pending is None or pending.client_id != client_id:
                    _oauth_error(request, "Value passed for the authorization code was invalid.")
                    return
                digest = hashlib.sha256(verifier.encode()).digest()
                if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != pending.challenge:
                    _oauth_error(request, "Value passed for the code verifier did not match.")
                    return
                if form.get("redirect_uri") != pending.redirect_uri:
                    _oauth_error(request, "Value passed for the redirect uri did not match.")
                    return
                user_id, scopes = pending.user_id, pending.scopes
            elif grant == "refresh_token":
                old = state.refresh.pop(form.get("refresh_token", ""), None)
                if old is None or old.revoked:
                    _oauth_error(request, "Value passed for the token was invalid.")
                    return
                user_id, scopes = old.user_id, old.scopes
            else:
                _oauth_error(request, "Unsupported grant type")
                return
        access, refresh = issue_token(server, user_id, scopes)
        body: dict[str, Any] = {
            "token_type": "bearer",
            "expires_in": int(state.token_lifetime),
            "access_token": access,
            "scope": " ".join(scopes),
        }
        if "offline.access" in scopes:
            body["refresh_token"] = refresh
        request.respond(200, body)

    @server.route("POST", "/2/oauth2/revoke")
    def revoke(request: Request) -> None:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if _client(state, request, form) is None:
            _oauth_error(request, "Missing valid authorization header", 401)
            return
        token_value = form.get("token", "")
        with server.lock:
            for table in (state.access, state.refresh):
                if token_value in table:
                    table[token_value].revoked = True
            state.revoked.append(token_value)
        request.respond(200, {"revoked": True})
