"""How the room signs in to X: OAuth 2 (app bearer, user tokens with PKCE, refresh and
revoke) and OAuth 1.0a, and the tweepy client that carries them.

Secrets stay in :class:`~blueroom.x.credentials.Secret` until the request is prepared:
tweepy is given a placeholder bearer token (its debug log prints the headers it
builds) and the session's ``auth`` writes the real ``Authorization`` header as the
request leaves. Every exchange with X has a timeout (``requests`` has none by default).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import requests
import tweepy
from requests.auth import AuthBase

from blueroom.x.credentials import (
    MASK,
    POSTING_SCOPES,
    Credentials,
    KeyStore,
    Secret,
    store_user_token,
)
from blueroom.x.transport import point_at

X_API: Final = "https://api.x.com"
X_AUTHORIZE: Final = "https://x.com/i/oauth2/authorize"
PLACEHOLDER: Final = "set-by-blueroom-auth"  # what tweepy thinks the bearer token is
CONNECT_TIMEOUT: Final = 5.0
READ_TIMEOUT: Final = 20.0
REFRESH_MARGIN: Final = 300.0  # refresh a user token this long before it expires
# the guest's own account: read who they are, and post their first post (tweet.write)
GUEST_SCOPES: Final = ("tweet.read", "tweet.write", "users.read", "offline.access")


def api_root(api_base: str) -> str:
    """Where the room sends its own requests (tokens, media): X's API or a stand-in."""
    return (api_base or X_API).rstrip("/")


def authorize_root(api_base: str) -> str:
    """Where a person approves the room: x.com, or the stand-in's own page."""
    root = api_root(api_base)
    return (
        X_AUTHORIZE if root in (X_API, "https://api.twitter.com") else root + "/i/oauth2/authorize"
    )


class TimedSession(requests.Session):
    """A session whose requests time out (connect, read) unless told otherwise."""

    def __init__(self, timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        super().__init__()
        self.timeout = timeout
        self.trust_env = False  # no netrc or proxy variables deciding where tokens go

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", self.timeout)
        if kwargs["timeout"] is None:
            kwargs["timeout"] = self.timeout
        return super().request(method, url, *args, **kwargs)  # type: ignore[arg-type]


class _Masked(str):
    """A header value that is sent as it is but shown masked (a headers dict's repr, a
    traceback's locals)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(self.split(" ", 1)[0] + " " + MASK)


class BearerAuth(AuthBase):
    """``Authorization: Bearer`` with a token read at the last moment (it may be refreshed)."""

    def __init__(self, token: Callable[[], Secret]) -> None:
        self._token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = _Masked("Bearer " + self._token().reveal())
        return request

    def __repr__(self) -> str:
        return "BearerAuth(********)"


def _pct(text: str) -> str:
    return quote(text, safe="~-._")


class OAuth1Auth(AuthBase):
    """OAuth 1.0a HMAC-SHA1 signing (RFC 5849) with the room's four keys. Signed here
    rather than by oauthlib, whose debug log prints the keys and the header."""

    def __init__(self, api_key: Secret, api_secret: Secret, token: Secret, token_secret: Secret):
        self._keys = (api_key, api_secret, token, token_secret)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body if isinstance(request.body, bytes | str) else None
        headers = {k: v if isinstance(v, str) else v.decode() for k, v in request.headers.items()}
        request.headers["Authorization"] = _Masked(
            self.header(request.method or "GET", request.url or "", headers, body)
        )
        return request

    def header(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | None = None,
        nonce: str | None = None,
        timestamp: int | None = None,
    ) -> str:
        split = urlsplit(url)
        params = parse_qsl(split.query, keep_blank_values=True)
        kind = (headers or {}).get("Content-Type", "")
        if body and kind.startswith("application/x-www-form-urlencoded"):
            text = body.decode() if isinstance(body, bytes) else body
            params += parse_qsl(text, keep_blank_values=True)
        oauth = {
            "oauth_consumer_key": self._keys[0].reveal(),
            "oauth_nonce": nonce or secrets.token_hex(16),
            "oauth_signature_method": "HMAC-SHA1",
            "oauth_timestamp": str(int(time.time()) if timestamp is None else timestamp),
            "oauth_token": self._keys[2].reveal(),
            "oauth_version": "1.0",
        }
        pairs = sorted((_pct(k), _pct(v)) for k, v in [*params, *oauth.items()])
        port = split.port
        netloc = (split.hostname or "").lower()
        if (
            port
            and not (split.scheme == "https" and port == 443)
            and not (split.scheme == "http" and port == 80)
        ):
            netloc += f":{port}"
        base_url = f"{split.scheme.lower()}://{netloc}{split.path or '/'}"
        base = "&".join(
            (method.upper(), _pct(base_url), _pct("&".join(f"{k}={v}" for k, v in pairs)))
        )
        key = f"{_pct(self._keys[1].reveal())}&{_pct(self._keys[3].reveal())}"
        signature = base64.b64encode(hmac.new(key.encode(), base.encode(), hashlib.sha1).digest())
        oauth["oauth_signature"] = signature.decode()
        return "OAuth " + ", ".join(f'{_pct(k)}="{_pct(v)}"' for k, v in sorted(oauth.items()))

    def __repr__(self) -> str:
        return "OAuth1Auth(********)"


@dataclass(frozen=True, slots=True)
class UserToken:
    """An OAuth 2 user token. ``expires_at`` 0: not known."""

    access: Secret
    refresh: Secret | None = None
    expires_at: float = 0.0
    scopes: tuple[str, ...] = ()

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        return bool(self.expires_at) and self.expires_at - now <= seconds


class OAuthError(Exception):
    """X refused an OAuth exchange, or could not be reached; the message is one line
    and never holds a token."""

    def __init__(self, reason: str, status: int = 0) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True, slots=True)
class Pkce:
    """One login's PKCE pair and state (RFC 7636, S256)."""

    verifier: Secret
    challenge: str
    state: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(64)[:96]
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
        return cls(Secret(verifier, "pkce verifier"), challenge, secrets.token_urlsafe(24))


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OAuthApp:
    """The room's X app (its client id, and secret for a confidential client): exchanges
    a login's code, refreshes and revokes user tokens (``/2/oauth2/token``, ``/revoke``)."""

    def __init__(
        self,
        client_id: Secret,
        client_secret: Secret | None,
        api_base: str,
        session: requests.Session | None = None,
    ) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._root = api_root(api_base)
        self._authorize = authorize_root(api_base)
        self._session = session or TimedSession()

    def authorize_url(self, redirect_uri: str, scopes: tuple[str, ...], pkce: Pkce) -> str:
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self._client_id.reveal(),
                "redirect_uri": redirect_uri,
                "scope": " ".join(scopes),
                "state": pkce.state,
                "code_challenge": pkce.challenge,
                "code_challenge_method": "S256",
            }
        )
        return f"{self._authorize}?{query}"

    def exchange(self, code: str, pkce: Pkce, redirect_uri: str) -> UserToken:
        return self._token(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": pkce.verifier.reveal(),
            }
        )

    def refresh(self, token: UserToken) -> UserToken:
        if not token.refresh:
            raise OAuthError("the token has no refresh token (log in again)")
        fresh = self._token(
            {"grant_type": "refresh_token", "refresh_token": token.refresh.reveal()}
        )
        if fresh.refresh is None:  # X rotates refresh tokens; keep the old one if it did not
            fresh = UserToken(fresh.access, token.refresh, fresh.expires_at, fresh.scopes)
        if not fresh.scopes:
            fresh = UserToken(fresh.access, fresh.refresh, fresh.expires_at, token.scopes)
        return fresh

    def revoke(self, token: Secret, hint: str = "access_token") -> None:
        self._post("/2/oauth2/revoke", {"token": token.reveal(), "token_type_hint": hint})

    # -- the exchanges -------------------------------------------------------------
    def _token(self, form: dict[str, str]) -> UserToken:
        body = self._post("/2/oauth2/token", form)
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise OAuthError("X answered the token request without a token")
        refresh = body.get("refresh_token")
        expires_in = body.get("expires_in")
        scope = body.get("scope")
        return UserToken(
            Secret(access, "access token"),
            Secret(refresh, "refresh token") if isinstance(refresh, str) and refresh else None,
            time.time() + float(expires_in) if isinstance(expires_in, int | float) else 0.0,
            tuple(scope.split()) if isinstance(scope, str) else (),
        )

    def _post(self, path: str, form: dict[str, str]) -> dict[str, Any]:
        form = dict(form)
        auth: tuple[str, str] | None = None
        if self._client_secret:  # a confidential client authenticates with Basic
            auth = (self._client_id.reveal(), self._client_secret.reveal())
        else:
            form["client_id"] = self._client_id.reveal()
        try:
            response = self._session.post(self._root + path, data=form, auth=auth)
        except requests.RequestException as error:
            raise OAuthError(f"cannot reach X ({type(error).__name__})") from None
        if response.status_code >= 400:
            raise OAuthError(_oauth_reason(response), response.status_code)
        try:
            body = response.json()
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}


def _oauth_reason(response: requests.Response) -> str:
    """X's reason for refusing, without echoing anything we sent."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    said = ""
    if isinstance(body, dict):
        for key in ("error_description", "detail", "error", "title"):
            if isinstance(body.get(key), str):
                said = body[key]
                break
    return f"X refused ({response.status_code}{': ' + said if said else ''})"


class TokenKeeper:
    """The room's (or the guest's) user token, refreshed before it expires and after a
    401; ``on_refreshed`` keeps the new one (the keyring) and says "" or why not."""

    def __init__(
        self,
        token: UserToken,
        app: OAuthApp | None,
        on_refreshed: Callable[[UserToken], str] | None = None,
    ) -> None:
        self._token = token
        self._app = app
        self._on_refreshed = on_refreshed
        self._lock = threading.Lock()
        self.refreshes = 0
        self.note = ""  # the last refresh's problem, if any

    @property
    def token(self) -> UserToken:
        return self._token

    def access(self) -> Secret:
        return self._token.access

    @property
    def can_refresh(self) -> bool:
        return self._app is not None and self._token.refresh is not None

    def fresh(self, margin: float = REFRESH_MARGIN) -> UserToken:
        """The token, refreshed first when it expires within ``margin`` seconds."""
        if self._token.expires_within(margin) and self.can_refresh:
            self.refresh(self._token)
        return self._token

    def refresh(self, seen: UserToken | None = None) -> UserToken:
        """A new token (once, however many threads saw the old one fail)."""
        with self._lock:
            if seen is not None and self._token is not seen:
                return self._token  # another thread refreshed it meanwhile
            if self._app is None:
                raise OAuthError("no client id to refresh the token with (BLUEROOM_X_CLIENT_ID)")
            self._token = self._app.refresh(self._token)
            self.refreshes += 1
            if self._on_refreshed is not None:
                self.note = self._on_refreshed(self._token)
            return self._token

    def revoke(self) -> None:
        if self._app is None:
            raise OAuthError("no client id to revoke the token with")
        self._app.revoke(self._token.access)


def make_client(
    auth: AuthBase, api_base: str, session: requests.Session | None = None
) -> tweepy.Client:
    """tweepy's v2 client signing with ``auth`` (call it with ``user_auth=False``: the
    session's auth signs), answering with raw responses (the rate-limit headers)."""
    client = tweepy.Client(PLACEHOLDER, return_type=requests.Response)
    client.session = session or TimedSession()
    client.session.auth = auth
    point_at(client.session, api_base)
    return client


@dataclass(slots=True)
class RoomAccount:
    """How the room's account signs: a user token (OAuth 2) or OAuth 1.0a keys."""

    kind: str  # "oauth2", "oauth1" or "" (cannot post)
    auth: AuthBase | None
    keeper: TokenKeeper | None = None
    problem: str = ""  # why it cannot post, when it cannot


def room_account(creds: Credentials, api_base: str, store: KeyStore | None = None) -> RoomAccount:
    """The room's posting account from what was found (OAuth 2 preferred)."""
    if creds.oauth2_user and creds.access_token is not None:
        from_keyring = creds.access_token.origin == "keyring"
        token = UserToken(
            creds.access_token.secret,
            creds.refresh_token.secret if creds.refresh_token else None,
            creds.expires_at or 0.0,
            creds.scopes,
        )
        app = (
            OAuthApp(
                creds.client_id.secret,
                creds.client_secret.secret if creds.client_secret else None,
                api_base,
            )
            if creds.client_id
            else None
        )

        def keep(fresh: UserToken) -> str:
            if not from_keyring:
                return (
                    "the refreshed token lasts until the room stops (it came from the environment)"
                )
            return store_user_token(
                store, fresh.access, fresh.refresh, fresh.expires_at, fresh.scopes
            )

        keeper = TokenKeeper(token, app, keep)
        return RoomAccount("oauth2", BearerAuth(keeper.access), keeper)
    if creds.oauth1:
        assert creds.api_key and creds.api_secret and creds.access_token and creds.access_secret
        auth = OAuth1Auth(
            creds.api_key.secret,
            creds.api_secret.secret,
            creds.access_token.secret,
            creds.access_secret.secret,
        )
        return RoomAccount("oauth1", auth)
    if creds.bearer is not None:
        return RoomAccount(
            "",
            None,
            problem="the bearer token only reads: saved, not posted"
            " (set the room's user token or OAuth 1.0a keys)",
        )
    return RoomAccount("", None, problem="no posting credentials: saved, not posted")


def missing_scopes(scopes: tuple[str, ...]) -> tuple[str, ...]:
    """The posting scopes a token lacks (none when its scopes are not known)."""
    if not scopes:
        return ()
    return tuple(scope for scope in POSTING_SCOPES if scope not in scopes)
