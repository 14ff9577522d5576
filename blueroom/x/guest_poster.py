"""The guest's own X account as a :class:`~blueroom.core.posting.Poster`, for the
outbox's entries asked ``PostAs.GUEST`` (the guest's first post).

The guest signs in on the screens' process (``x/guest.py``); each new token (signed in,
refreshed) is handed here, in the engine, and its end (signed out, the session over)
too. This side never refreshes the token itself: the login does (X rotates refresh
tokens, so one keeper only), and hands over the fresh one. Without a token it posts
nothing and says why; the outbox keeps the entry "saved, not posted" with that reason.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from blueroom.core.events import XUsage
from blueroom.core.posting import (
    NOT_SIGNED_IN,
    Draft,
    Posted,
    PosterUnreachable,
    PostOutcome,
    Refused,
)
from blueroom.x.credentials import Secret

if TYPE_CHECKING:
    from blueroom.x.poster import XPoster


class GuestPoster:
    """Posts as the signed-in guest; thread-safe (the login hands tokens from its worker)."""

    def __init__(
        self, api_base: str, *, on_usage: Callable[[XUsage], object] | None = None
    ) -> None:
        self._api_base = api_base
        self._on_usage = on_usage
        self._lock = threading.Lock()
        self._handle = ""
        self._poster: XPoster | None = None

    def set_token(
        self, handle: str, access: str, expires_at: float = 0.0, scopes: tuple[str, ...] = ()
    ) -> None:
        """The guest's current access token ("": signed out, nothing more is posted as
        them). tweepy is loaded only once a guest has signed in."""
        if not access:
            with self._lock:
                self._handle, self._poster = "", None
            return
        from blueroom.x.auth import BearerAuth, RoomAccount, TokenKeeper, UserToken
        from blueroom.x.poster import XPoster

        # no app: this keeper never refreshes (the login does, and hands the new one over)
        keeper = TokenKeeper(UserToken(Secret(access), None, expires_at, scopes), None)
        account = RoomAccount("oauth2", BearerAuth(keeper.access), keeper)
        poster = XPoster(account, self._api_base, on_usage=self._on_usage, whose="guest")
        with self._lock:
            self._handle, self._poster = handle, poster

    def _current(self) -> XPoster | None:
        with self._lock:
            return self._poster

    @property
    def account(self) -> str:
        with self._lock:
            return self._handle

    def cannot_post(self) -> str:
        poster = self._current()
        return NOT_SIGNED_IN if poster is None else poster.cannot_post()

    def post(self, draft: Draft) -> PostOutcome:
        poster = self._current()
        if poster is None:
            return Refused(NOT_SIGNED_IN, transient=False)
        return poster.post(draft)

    def find_posted(self, draft: Draft, since: float) -> Posted | None:
        poster = self._current()
        if poster is None:
            raise PosterUnreachable("the guest is not signed in to X: their account cannot be read")
        return poster.find_posted(draft, since)
