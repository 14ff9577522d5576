"""The outbox: every post the room makes, its state, and the one worker that sends it.

An entry is born when a person asks for a post (``OutboxQueued``) and changes only by
events, so the journal holds its whole story and a resume rebuilds it. The ``Outbox``
model applies them on the model worker; it is also the engine clock's ``Timer`` for
posting: at each tick it hands the next entry that is due to the ``OutboxSender``, which
runs on a worker of its own (the network never blocks the models), one entry at a time.

**Never twice.** X has no idempotency key. The sender journals ``OutboxSending`` and
waits until it is on disk before the request goes out; an attempt whose outcome is not
known (sent, no answer), or an entry found "sending" after a crash, is checked by
reading the account (``Poster.find_posted``) before anything is sent again: found, it
is posted; not found, it is sent; unreadable, a person decides (mark posted or retry).

States: queued → sending → posted; failed (transient: tried again at a time that
doubles, and after ``max_attempts`` a person is asked); checking (outcome unknown, the
account is read first); needs a person (refused for good, too many tries, or an
outcome no read could settle); cancelled; saved, not posted (no credentials);
rehearsal (nothing sent).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import msgspec

from blueroom.core.events import (
    Event,
    OutboxCancelled,
    OutboxEdited,
    OutboxFailed,
    OutboxMarkedPosted,
    OutboxNeedsPerson,
    OutboxNotFound,
    OutboxPosted,
    OutboxQueued,
    OutboxRehearsed,
    OutboxRetried,
    OutboxSaved,
    OutboxSending,
    OutboxUnknown,
    PostAs,
    PostKind,
    XUsage,
)
from blueroom.core.post_text import urls_in
from blueroom.core.posting import (
    NOT_SIGNED_IN,
    Draft,
    Posted,
    Poster,
    PosterUnreachable,
    PostOutcome,
    Refused,
    SavingPoster,
    Unknown,
)


class EntryState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    CHECKING = "checking"  # the outcome is unknown: the account is read before a retry
    POSTED = "posted"
    FAILED = "failed"  # transient: tried again at ``due_at``
    NEEDS_PERSON = "needs_person"
    CANCELLED = "cancelled"
    SAVED = "saved"  # saved, not posted: no posting credentials
    REHEARSAL = "rehearsal"


FINAL_STATES = frozenset(
    {EntryState.POSTED, EntryState.CANCELLED, EntryState.SAVED, EntryState.REHEARSAL}
)
# What a person may do to an entry, by its state.
EDITABLE = frozenset({EntryState.QUEUED, EntryState.FAILED, EntryState.NEEDS_PERSON})
RETRYABLE = frozenset({EntryState.FAILED, EntryState.NEEDS_PERSON, EntryState.SAVED})
CANCELLABLE = frozenset(
    {EntryState.QUEUED, EntryState.FAILED, EntryState.NEEDS_PERSON, EntryState.SAVED}
)
MARKABLE = frozenset({EntryState.NEEDS_PERSON, EntryState.CHECKING})
# What the outbox acts on by itself when it is due.
_ACTED_ON = frozenset(
    {EntryState.QUEUED, EntryState.FAILED, EntryState.CHECKING, EntryState.SENDING}
)


class OutboxEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One post as the room sees it (plain data: journal snapshots and the screens)."""

    id: str
    draft: Draft
    kind: PostKind
    question_id: str = ""
    post_as: PostAs = PostAs.ROOM  # whose account it goes out from
    state: EntryState = EntryState.QUEUED
    queued_at: float = 0.0
    changed_at: float = 0.0
    attempts: int = 0  # requests sent, in all
    round_attempts: int = 0  # since a person last asked (the cap counts these)
    sending_at: float = 0.0  # when the last attempt started: the account is read from there
    due_at: float = 0.0  # when the outbox acts next (queued, failed, checking)
    post_id: str = ""
    url: str = ""
    reason: str = ""  # the platform's reason (failed, needs a person, saved)
    unresolved: bool = False  # needs a person because its outcome could not be read
    note: str = ""  # a person's action that came too late, said once
    revision: int = 0  # bumped at every change

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES


class PostingInfo(msgspec.Struct, frozen=True):
    """How this run of the room posts: the account, why it cannot, a rehearsal."""

    account: str = ""
    cannot_post: str = ""  # "" when it can post
    rehearsal: bool = False


class OutboxSnapshot(msgspec.Struct, frozen=True):
    entries: tuple[OutboxEntry, ...]  # newest first
    version: int
    posting: PostingInfo = PostingInfo()
    ignored: int = 0  # the sender's events that came after a person's (counted, harmless)

    def entry(self, entry_id: str) -> OutboxEntry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None

    def count(self, *states: EntryState) -> int:
        return sum(1 for entry in self.entries if entry.state in states)


def empty_outbox() -> OutboxSnapshot:
    return OutboxSnapshot((), -1)


class OutboxModelState(msgspec.Struct, frozen=True):
    """What a journal snapshot keeps of the outbox (its version is the screens' business:
    a resume from a snapshot and one from the whole journal hold the same state)."""

    entries: tuple[OutboxEntry, ...] = ()
    ignored: int = 0


class HandOff:
    """The one entry handed from the clock (model worker) to the sender (its worker)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._waiting: str | None = None
        self.in_flight: str | None = None  # handed and not yet done
        self._hold: dict[str, float] = {}  # entry → not before (the journal was failing)

    def offer(self, entry_id: str) -> None:
        with self._cond:
            self._waiting = self.in_flight = entry_id
            self._cond.notify_all()

    def take(self, timeout: float) -> str | None:
        with self._cond:
            if self._waiting is None:
                self._cond.wait(timeout)
            entry_id, self._waiting = self._waiting, None
            return entry_id

    def done(self, entry_id: str, hold_until: float = 0.0) -> None:
        with self._cond:
            if hold_until:
                self._hold[entry_id] = hold_until
            if self.in_flight == entry_id:
                self.in_flight = None

    def held(self, entry_id: str, now: float) -> bool:
        until = self._hold.get(entry_id)
        if until is None:
            return False
        if now >= until:
            self._hold.pop(entry_id, None)
            return False
        return True

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


class Outbox:
    """The outbox model (applied on the model worker) and the clock's posting timer.

    ``latest()`` is one immutable snapshot, replaced whole at each change: the screens
    and the sender read it without a lock.
    """

    def __init__(self) -> None:
        self._entries: dict[str, OutboxEntry] = {}  # in the order queued
        self._version = 0
        self._ignored = 0
        self._posting = PostingInfo()
        self.handoff = HandOff()
        self._latest = OutboxSnapshot((), 0)

    # -- configuration (the composition root, before the room starts) ---------------------
    def set_posting(self, posting: PostingInfo) -> None:
        self._posting = posting
        self._publish()

    # -- reading --------------------------------------------------------------------------
    def latest(self) -> OutboxSnapshot:
        return self._latest

    def snapshot(self) -> OutboxSnapshot:
        return self._latest

    def entry(self, entry_id: str) -> OutboxEntry | None:
        """The entry as last applied (any thread)."""
        return self._latest.entry(entry_id)

    # -- applying -------------------------------------------------------------------------
    def apply(self, events: Iterable[Event]) -> None:
        changed = False
        for event in events:
            if isinstance(event, _OUTBOX_EVENTS):
                changed = self._apply_one(event) or changed
        if changed:
            self._publish()

    def _apply_one(self, event: Event) -> bool:
        if isinstance(event, OutboxQueued):
            if event.entry_id in self._entries:
                self._ignored += 1
                return True
            self._entries[event.entry_id] = OutboxEntry(
                id=event.entry_id,
                draft=event.draft,
                kind=event.post_kind,
                question_id=event.question_id,
                post_as=event.post_as,
                queued_at=event.at,
                changed_at=event.at,
                due_at=event.at,
            )
            return True
        entry_id: str = getattr(event, "entry_id", "")
        entry = self._entries.get(entry_id)
        if entry is None:
            self._ignored += 1
            return True
        changes = self._changes(entry, event)
        if changes is None:  # a sender's event after a person's: the person won
            self._ignored += 1
            return True
        changes.setdefault("note", "")
        self._entries[entry_id] = msgspec.structs.replace(
            entry, changed_at=event.at, revision=entry.revision + 1, **changes
        )
        return True

    def _changes(self, entry: OutboxEntry, event: Event) -> dict[str, object] | None:
        state = entry.state
        match event:
            case OutboxEdited():
                if state not in EDITABLE:
                    return {"note": f"edit not applied: the entry was {state.value}"}
                return {"draft": msgspec.structs.replace(entry.draft, text=event.text)}
            case OutboxRetried():
                if state not in RETRYABLE:
                    return {"note": f"retry not applied: the entry was {state.value}"}
                return {
                    "state": EntryState.QUEUED,
                    "due_at": event.at,
                    "round_attempts": 0,
                    "unresolved": False,
                    "reason": "",
                }
            case OutboxCancelled():
                if state not in CANCELLABLE:
                    return {"note": f"cancel not applied: the entry was {state.value}"}
                return {"state": EntryState.CANCELLED}
            case OutboxMarkedPosted():
                if state not in MARKABLE:
                    return {"note": f"not marked posted: the entry was {state.value}"}
                return {"state": EntryState.POSTED, "url": event.url, "unresolved": False}
            case OutboxSending():
                if state not in (EntryState.QUEUED, EntryState.FAILED):
                    return None
                return {
                    "state": EntryState.SENDING,
                    "attempts": event.attempt,
                    "round_attempts": entry.round_attempts + 1,
                    "sending_at": event.at,
                }
            case OutboxPosted():
                if state not in (EntryState.SENDING, EntryState.CHECKING):
                    return None
                return {
                    "state": EntryState.POSTED,
                    "post_id": event.post_id,
                    "url": event.url,
                    "reason": "",
                }
            case OutboxFailed():
                if state is not EntryState.SENDING:
                    return None
                return {
                    "state": EntryState.FAILED,
                    "reason": event.reason,
                    "due_at": event.retry_at,
                }
            case OutboxUnknown():
                if state is not EntryState.SENDING:
                    return None
                return {
                    "state": EntryState.CHECKING,
                    "reason": event.reason,
                    "due_at": event.check_at,
                }
            case OutboxNotFound():
                if state not in (EntryState.CHECKING, EntryState.SENDING):
                    return None
                return {"state": EntryState.QUEUED, "due_at": event.at, "reason": ""}
            case OutboxNeedsPerson():
                if state not in (EntryState.SENDING, EntryState.CHECKING):
                    return None
                return {
                    "state": EntryState.NEEDS_PERSON,
                    "reason": event.reason,
                    "unresolved": event.unresolved,
                }
            case OutboxSaved():
                if state not in (EntryState.QUEUED, EntryState.FAILED):
                    return None
                return {"state": EntryState.SAVED, "reason": event.reason}
            case OutboxRehearsed():
                if state not in (EntryState.QUEUED, EntryState.FAILED):
                    return None
                return {"state": EntryState.REHEARSAL}
        return None

    def _publish(self) -> None:
        self._version += 1
        self._latest = OutboxSnapshot(
            tuple(reversed(self._entries.values())), self._version, self._posting, self._ignored
        )

    # -- the clock's timer ----------------------------------------------------------------
    def due(self, now: float) -> Sequence[Event]:
        """Hand the next entry that is due to the sender (one at a time); no events: the
        sender publishes what becomes of it."""
        handoff = self.handoff
        if handoff.in_flight is not None:
            return ()
        for entry in self._entries.values():
            if entry.state not in _ACTED_ON or handoff.held(entry.id, now):
                continue
            # "sending" with nothing in flight: the room stopped mid-send (checked at once)
            if entry.state is EntryState.SENDING or entry.due_at <= now:
                handoff.offer(entry.id)
                break
        return ()

    # -- snapshots of the journal -----------------------------------------------------------
    def capture(self, locked: bool = True) -> Callable[[], OutboxModelState]:
        state = OutboxModelState(tuple(self._entries.values()), self._ignored)
        return lambda: state

    def restore(self, state: OutboxModelState) -> None:
        self._entries = {entry.id: entry for entry in state.entries}
        self._ignored = state.ignored
        self._publish()


_OUTBOX_EVENTS = (
    OutboxQueued,
    OutboxEdited,
    OutboxRetried,
    OutboxCancelled,
    OutboxMarkedPosted,
    OutboxSending,
    OutboxPosted,
    OutboxFailed,
    OutboxUnknown,
    OutboxNotFound,
    OutboxNeedsPerson,
    OutboxSaved,
    OutboxRehearsed,
)


# -- sending --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first_retry: float = 5.0  # seconds after the first transient failure, doubling...
    longest_retry: float = 300.0  # ...up to this
    max_attempts: int = 8  # tries in a row before a person is asked
    check_after: float = 15.0  # an unknown outcome: the account is read this long after
    check_margin: float = 60.0  # read the account from this long before the attempt (clocks)
    journal_wait: float = 10.0  # how long "sending" may take to reach the disk

    def delay(self, attempt: int, retry_after: float = 0.0) -> float:
        """Seconds before try ``attempt + 1`` after ``attempt`` failed (1, 2, ...)."""
        backoff = min(self.first_retry * 2.0 ** max(attempt - 1, 0), self.longest_retry)
        return max(backoff, retry_after)


def outcome_event(
    entry: OutboxEntry, outcome: PostOutcome, now: float, policy: RetryPolicy
) -> Event:
    """What an attempt's outcome makes of ``entry`` (in "sending", ``round_attempts``
    counting this attempt)."""
    match outcome:
        case Posted():
            return OutboxPosted(entry_id=entry.id, post_id=outcome.post_id, url=outcome.url, at=now)
        case Refused(transient=True):
            if entry.round_attempts >= policy.max_attempts:
                reason = f"{outcome.reason} (gave up after {entry.round_attempts} tries)"
                return OutboxNeedsPerson(entry_id=entry.id, reason=reason, at=now)
            retry_at = now + policy.delay(entry.round_attempts, outcome.retry_after)
            return OutboxFailed(entry_id=entry.id, reason=outcome.reason, retry_at=retry_at, at=now)
        case Refused():
            return OutboxNeedsPerson(entry_id=entry.id, reason=outcome.reason, at=now)
        case _:
            return OutboxUnknown(
                entry_id=entry.id, reason=outcome.reason, check_at=now + policy.check_after, at=now
            )


def usage_of(draft: Draft) -> XUsage:
    """What X bills for having posted ``draft``: a post (with a link or not), its media."""
    linked = bool(urls_in(draft.text))
    return XUsage(
        what="post", posts=0 if linked else 1, posts_with_link=int(linked), media=len(draft.media)
    )


STOPPED_MID_SEND = "the room stopped while this was being sent: the account is read first"


class OutboxSender:
    """The body of the outbox's worker: takes the entries the clock hands over, one at a
    time, and sends, checks, saves or rehearses each (see the module's docstring).

    ``journalled()`` says every event handed to the models so far is on disk.
    """

    def __init__(
        self,
        outbox: Outbox,
        poster: Poster,
        publish: Callable[[Event], int],
        *,
        journalled: Callable[[], bool],
        policy: RetryPolicy | None = None,
        rehearsal: bool = False,
        clock: Callable[[], float] = time.time,
        on_error: Callable[[str, BaseException], None] | None = None,
        guest_poster: Poster | None = None,
    ) -> None:
        self._outbox = outbox
        self._poster = poster
        # the guest's own account (signed in for the session), for the guest's own posts
        self._guest_poster: Poster = guest_poster or SavingPoster(NOT_SIGNED_IN)
        self._publish = publish
        self._journalled = journalled
        self.policy = policy or RetryPolicy()
        self._rehearsal = rehearsal
        self._clock = clock
        self._on_error = on_error
        self.posts_sent = 0  # requests made by this process (Poster.post calls)

    def run(self, stop: threading.Event) -> None:
        handoff = self._outbox.handoff
        while not stop.is_set():
            entry_id = handoff.take(0.2)
            if entry_id is None:
                continue
            hold = 0.0
            try:
                hold = self.handle(entry_id, stop)
            except Exception as error:
                hold = self._clock() + self.policy.first_retry
                if self._on_error is None:
                    raise
                self._on_error("outbox", error)
            finally:
                handoff.done(entry_id, hold)

    def handle(self, entry_id: str, stop: threading.Event) -> float:
        """Act on one entry; returns a time before which it is not handed again (0: none)."""
        entry = self._outbox.entry(entry_id)
        if entry is None or entry.state not in _ACTED_ON:
            return 0.0
        now = self._clock()
        if entry.state is EntryState.SENDING:
            check_at = max(now, entry.sending_at + self.policy.check_after)
            event: Event = OutboxUnknown(
                entry_id=entry.id, reason=STOPPED_MID_SEND, check_at=check_at, at=now
            )
        elif entry.state is EntryState.CHECKING:
            event = self._check(entry, now)
        elif self._rehearsal:
            event = OutboxRehearsed(entry_id=entry.id, at=now)
        elif reason := self.poster_for(entry).cannot_post():
            event = OutboxSaved(entry_id=entry.id, reason=reason, at=now)
        else:
            return self._send(entry, stop)
        self._finish(entry, event, stop)
        return 0.0

    def poster_for(self, entry: OutboxEntry) -> Poster:
        """The account ``entry`` goes out from: the room's, or the guest's own."""
        return self._guest_poster if entry.post_as is PostAs.GUEST else self._poster

    def _check(self, entry: OutboxEntry, now: float) -> Event:
        since = entry.sending_at - self.policy.check_margin
        try:
            found = self.poster_for(entry).find_posted(entry.draft, since)
        except PosterUnreachable as error:
            reason = f"could not read the account to check ({error}): check it, then mark posted or retry"
            return OutboxNeedsPerson(entry_id=entry.id, reason=reason, unresolved=True, at=now)
        except Exception as error:  # noqa: BLE001 - an unreadable account, whatever the cause
            reason = (
                f"could not read the account to check ({type(error).__name__}: {error}):"
                " check it, then mark posted or retry"
            )
            return OutboxNeedsPerson(entry_id=entry.id, reason=reason, unresolved=True, at=now)
        if found is not None:
            return OutboxPosted(
                entry_id=entry.id, post_id=found.post_id, url=found.url, found=True, at=now
            )
        return OutboxNotFound(entry_id=entry.id, at=now)

    def _send(self, entry: OutboxEntry, stop: threading.Event) -> float:
        attempt = entry.attempts + 1
        self._publish(OutboxSending(entry_id=entry.id, attempt=attempt, at=self._clock()))
        sending = self._wait_for_sending(entry.id, attempt, stop)
        if sending is None:
            return 0.0  # a person cancelled or changed it first, or the room is stopping
        if not self._wait(self._journalled, stop):
            if stop.is_set():
                return 0.0  # found "sending" at the next start, and checked: never sent
            now = self._clock()
            reason = "not sent: the journal could not record the attempt (disk?)"
            failed = OutboxFailed(
                entry_id=entry.id,
                reason=reason,
                retry_at=now + self.policy.delay(sending.round_attempts),
                at=now,
            )
            self._finish(sending, failed, stop)
            return 0.0
        try:
            # the draft as a person last left it, from the account it was asked for
            outcome = self.poster_for(sending).post(sending.draft)
        except Exception as error:  # noqa: BLE001 - it may have gone out: read before a retry
            outcome = Unknown(f"{type(error).__name__}: {error}")
        self.posts_sent += 1
        self._finish(sending, outcome_event(sending, outcome, self._clock(), self.policy), stop)
        return 0.0

    def _wait_for_sending(
        self, entry_id: str, attempt: int, stop: threading.Event
    ) -> OutboxEntry | None:
        """The entry once the models have applied its "sending", or None when a person's
        action came first (cancelled: nothing is sent)."""
        deadline = time.monotonic() + self.policy.journal_wait
        while not stop.is_set() and time.monotonic() < deadline:
            entry = self._outbox.entry(entry_id)
            if entry is None:
                return None
            if entry.state is EntryState.SENDING and entry.attempts == attempt:
                return entry
            if entry.state not in (EntryState.QUEUED, EntryState.FAILED):
                return None
            stop.wait(0.005)
        return None

    def _wait(self, condition: Callable[[], bool], stop: threading.Event) -> bool:
        deadline = time.monotonic() + self.policy.journal_wait
        while not condition():
            if stop.is_set() or time.monotonic() >= deadline:
                return False
            stop.wait(0.005)
        return True

    def _finish(self, entry: OutboxEntry, event: Event, stop: threading.Event) -> None:
        """Publish ``event`` and wait until the models have applied it (the clock would
        hand the entry over again otherwise)."""
        ignored = self._outbox.latest().ignored
        self._publish(event)
        if isinstance(event, OutboxPosted):
            self._publish(usage_of(entry.draft))  # X bills the post it made
        deadline = time.monotonic() + self.policy.journal_wait
        while not stop.is_set() and time.monotonic() < deadline:
            latest = self._outbox.latest()
            now = latest.entry(entry.id)
            if now is None or now.revision > entry.revision or latest.ignored != ignored:
                return
            stop.wait(0.005)
