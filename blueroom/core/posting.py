"""What the room posts, and the one protocol through which it reaches the network.

The outbox (``core/outbox.py``) decides what to send and when; a ``Poster`` sends one
draft and says what became of it. X has no idempotency key: an attempt whose outcome
is not known (sent, then no answer) is ``Unknown``, and before anything is retried the
outbox asks ``find_posted`` whether the draft is already on the account.
Implementations: ``x/poster.py`` (the room's X account), and one that only saves
(no posting credentials, or a rehearsal).
"""

from __future__ import annotations

from typing import Protocol, TypeAlias

import msgspec


class Draft(msgspec.Struct, frozen=True, kw_only=True):
    """A post as the room will send it."""

    text: str
    reply_to: str = ""  # the id of the post it answers
    media: tuple[str, ...] = ()  # files to attach (photos; a clip needs the chunked upload)


class Posted(msgspec.Struct, frozen=True, tag=True):
    post_id: str
    url: str


class Refused(msgspec.Struct, frozen=True, tag=True):
    """The platform answered no. ``transient``: the same draft may pass later (a 429, a
    5xx, a network error before sending); else a person must change or drop it."""

    reason: str
    transient: bool
    retry_after: float = 0.0  # seconds, when the platform said (rate-limit reset)


class Unknown(msgspec.Struct, frozen=True, tag=True):
    """Sent, and no answer came (a timeout after the request went out): it may be posted."""

    reason: str


PostOutcome: TypeAlias = Posted | Refused | Unknown


class PosterUnreachable(Exception):
    """``find_posted`` could not read the account: the outcome stays unknown."""


class Poster(Protocol):
    @property
    def account(self) -> str:
        """The handle it posts as ("@BlueRoomFR"); "" when it cannot post."""
        ...

    def cannot_post(self) -> str:
        """ "" when it can post; else why not, in one plain line ("no posting credentials:
        saved, not posted")."""
        ...

    def post(self, draft: Draft) -> PostOutcome: ...

    def find_posted(self, draft: Draft, since: float) -> Posted | None:
        """The account's post of ``draft`` made after ``since`` (wall-clock seconds), or
        None when there is none; raises ``PosterUnreachable`` when it cannot tell."""
        ...


NO_CREDENTIALS = "no posting credentials: saved, not posted"
NOT_SIGNED_IN = "the guest is not signed in to X: saved, not posted"


class SavingPoster:
    """The poster of a room that cannot post (no posting credentials): nothing is sent,
    every entry ends "saved, not posted" and the console says why (``reason``)."""

    def __init__(self, reason: str = NO_CREDENTIALS) -> None:
        self._reason = reason or NO_CREDENTIALS

    @property
    def account(self) -> str:
        return ""

    def cannot_post(self) -> str:
        return self._reason

    def post(self, draft: Draft) -> PostOutcome:
        return Refused(self._reason, transient=False)

    def find_posted(self, draft: Draft, since: float) -> Posted | None:
        return None
