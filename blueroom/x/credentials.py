"""The room's X credentials (and the stream key): from the environment or the system
keyring, never a file.

Each secret is named once (``BLUEROOM_X_BEARER_TOKEN``, ...): the same name is the
environment variable and the keyring entry's user name under the service "blueroom"
(``keyring set blueroom BLUEROOM_X_BEARER_TOKEN``). The environment wins.

A value is held in a :class:`Secret`, whose text, repr and format are a mask and which
refuses to be encoded or pickled: a secret cannot reach a log line, a traceback's
locals, ``blueroom settings`` or the journal by being printed or serialised. Code that
must send it calls ``reveal()`` at the last moment (``x/auth.py``).

A machine with no keyring backend (a headless box) is not an error: the credentials
say "no keyring" and come from the environment.
"""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Protocol

log = logging.getLogger(__name__)

SERVICE: Final = "blueroom"
MASK: Final = "********"

BEARER: Final = "BLUEROOM_X_BEARER_TOKEN"
CLIENT_ID: Final = "BLUEROOM_X_CLIENT_ID"
CLIENT_SECRET: Final = "BLUEROOM_X_CLIENT_SECRET"
ACCESS_TOKEN: Final = "BLUEROOM_X_ACCESS_TOKEN"  # OAuth 2 user token (or OAuth 1.0a's)
REFRESH_TOKEN: Final = "BLUEROOM_X_REFRESH_TOKEN"
TOKEN_EXPIRES_AT: Final = "BLUEROOM_X_TOKEN_EXPIRES_AT"  # Unix seconds (not secret)
TOKEN_SCOPES: Final = "BLUEROOM_X_TOKEN_SCOPES"  # space-separated (not secret)
API_KEY: Final = "BLUEROOM_X_API_KEY"  # OAuth 1.0a consumer key
API_SECRET: Final = "BLUEROOM_X_API_SECRET"
ACCESS_SECRET: Final = "BLUEROOM_X_ACCESS_SECRET"  # with ACCESS_TOKEN: OAuth 1.0a
STREAM_KEY: Final = "BLUEROOM_STREAM_KEY"  # the programme's stream (capture/streamer.py)

SECRET_NAMES: Final = (
    BEARER,
    CLIENT_ID,
    CLIENT_SECRET,
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    API_KEY,
    API_SECRET,
    ACCESS_SECRET,
)
# What the room's account needs to post (and stay signed in without a person).
POSTING_SCOPES: Final = (
    "tweet.read",
    "tweet.write",
    "users.read",
    "media.write",
    "offline.access",
)

Origin = Literal["env", "keyring", "login"]


class Secret:
    """A secret value that never shows itself: ``str``, ``repr`` and ``format`` give a mask
    and the name it came under; encoding (msgspec, json, pickle) refuses it."""

    __slots__ = ("_value", "name")

    def __init__(self, value: str, name: str = "secret") -> None:
        self._value = value
        self.name = name

    def reveal(self) -> str:
        """The value, for the one place that sends it to X."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __str__(self) -> str:
        return MASK

    def __repr__(self) -> str:
        return f"Secret({self.name}={MASK})"

    def __format__(self, spec: str) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash((Secret, self.name))

    def __reduce__(self) -> Any:
        raise TypeError(f"{self!r} cannot be pickled")

    def __getstate__(self) -> Any:
        raise TypeError(f"{self!r} cannot be serialised")

    def __len__(self) -> int:
        return len(self._value)


class KeyStore(Protocol):
    """What the room asks of a keyring (the ``keyring`` module, or a test's own)."""

    def get_password(self, service_name: str, username: str) -> str | None: ...

    def set_password(self, service_name: str, username: str, password: str) -> None: ...


def system_keyring() -> KeyStore | None:
    """The system keyring, or None when this machine has no usable backend."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - pinned, but a broken install must not crash
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    return backend


@dataclass(frozen=True, slots=True)
class Found:
    """A credential, where it came from, and its (masked) value."""

    name: str
    secret: Secret
    origin: Origin

    def describe(self) -> str:
        return f"{self.name} ({'environment' if self.origin == 'env' else self.origin})"


@dataclass(slots=True)
class Credentials:
    """What was found; each item None when absent. ``notes``: one line each (no keyring,
    a keyring that failed, an unreadable expiry)."""

    bearer: Found | None = None
    client_id: Found | None = None
    client_secret: Found | None = None
    access_token: Found | None = None
    refresh_token: Found | None = None
    expires_at: float | None = None  # the user token's expiry, when known
    scopes: tuple[str, ...] = ()  # the user token's scopes, when known
    api_key: Found | None = None
    api_secret: Found | None = None
    access_secret: Found | None = None
    keyring_available: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def oauth1(self) -> bool:
        """OAuth 1.0a: all four keys (the access token signs with its secret)."""
        return bool(self.api_key and self.api_secret and self.access_token and self.access_secret)

    @property
    def oauth2_user(self) -> bool:
        """An OAuth 2 user token (the access token without an OAuth 1.0a secret)."""
        return self.access_token is not None and self.access_secret is None

    @property
    def any(self) -> bool:
        return any(self.found())

    def found(self) -> list[Found]:
        return [
            item
            for item in (
                self.bearer,
                self.client_id,
                self.client_secret,
                self.access_token,
                self.refresh_token,
                self.api_key,
                self.api_secret,
                self.access_secret,
            )
            if item is not None
        ]

    def __repr__(self) -> str:
        names = ", ".join(item.describe() for item in self.found())
        return f"Credentials({names or 'none'})"


class _Reader:
    def __init__(self, environ: Mapping[str, str], store: KeyStore | None) -> None:
        self.environ = environ
        self.store = store
        self.notes: list[str] = []

    def plain(self, name: str) -> tuple[str, Origin] | None:
        value = self.environ.get(name, "").strip()
        if value:
            return value, "env"
        if self.store is None:
            return None
        try:
            stored = self.store.get_password(SERVICE, name)
        except Exception as error:  # noqa: BLE001 - a keyring's failures vary by backend
            note = f"keyring: cannot read {name}: {type(error).__name__}"
            if note not in self.notes:
                self.notes.append(note)
            return None
        if stored and stored.strip():
            return stored.strip(), "keyring"
        return None

    def secret(self, name: str) -> Found | None:
        got = self.plain(name)
        return Found(name, Secret(got[0], name), got[1]) if got else None


def load_credentials(
    environ: Mapping[str, str] | None = None, store: KeyStore | Literal["system"] | None = "system"
) -> Credentials:
    """Every X credential the environment and the keyring hold (the environment first)."""
    environ = os.environ if environ is None else environ
    keystore = system_keyring() if store == "system" else store
    reader = _Reader(environ, keystore)
    creds = Credentials(
        bearer=reader.secret(BEARER),
        client_id=reader.secret(CLIENT_ID),
        client_secret=reader.secret(CLIENT_SECRET),
        access_token=reader.secret(ACCESS_TOKEN),
        refresh_token=reader.secret(REFRESH_TOKEN),
        api_key=reader.secret(API_KEY),
        api_secret=reader.secret(API_SECRET),
        access_secret=reader.secret(ACCESS_SECRET),
        keyring_available=keystore is not None,
    )
    if keystore is None:
        reader.notes.insert(0, "no keyring: credentials from the environment only")
    expiry = reader.plain(TOKEN_EXPIRES_AT)
    if expiry is not None:
        try:
            creds.expires_at = float(expiry[0])
        except ValueError:
            reader.notes.append(f"{TOKEN_EXPIRES_AT} is not a number of seconds: ignored")
    scopes = reader.plain(TOKEN_SCOPES)
    if scopes is not None:
        creds.scopes = tuple(scopes[0].replace(",", " ").split())
    creds.notes = reader.notes
    return creds


def load_stream_key(
    environ: Mapping[str, str] | None = None, store: KeyStore | Literal["system"] | None = "system"
) -> Found | None:
    """The programme's stream key (``BLUEROOM_STREAM_KEY``: the environment first, then
    the keyring), read when a stream begins; None when neither holds one."""
    environ = os.environ if environ is None else environ
    keystore = system_keyring() if store == "system" else store
    return _Reader(environ, keystore).secret(STREAM_KEY)


def store_user_token(
    store: KeyStore | None,
    access: Secret,
    refresh: Secret | None,
    expires_at: float,
    scopes: tuple[str, ...],
) -> str:
    """Keep a refreshed room token in the keyring; "" when kept, else why not (one line)."""
    if store is None:
        return "no keyring: the refreshed token lasts until the room stops"
    try:
        store.set_password(SERVICE, ACCESS_TOKEN, access.reveal())
        if refresh:
            store.set_password(SERVICE, REFRESH_TOKEN, refresh.reveal())
        store.set_password(SERVICE, TOKEN_EXPIRES_AT, f"{expires_at:.0f}")
        if scopes:
            store.set_password(SERVICE, TOKEN_SCOPES, " ".join(scopes))
    except Exception as error:  # noqa: BLE001 - a keyring's failures vary by backend
        return f"keyring: the refreshed token could not be kept ({type(error).__name__})"
    return ""
