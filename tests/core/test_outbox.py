"""The outbox without Qt or threads: its states, back-off, unknown outcomes settled by a
read, a rebuild from the journal's events, and never a post made twice.

The sender is driven one entry at a time (``handle``) with a journal stand-in that
keeps every event and applies it at once; X is a scripted poster (tests/outbox_posters).
"""

from __future__ import annotations

import threading
from pathlib import Path

import msgspec
import pytest

from blueroom.core.events import (
    Event,
    OutboxCancelled,
    OutboxFailed,
    OutboxSending,
    PostKind,
    XUsage,
    decode_event,
    encode_event,
)
from blueroom.core.outbox import (
    STOPPED_MID_SEND,
    EntryState,
    Outbox,
    OutboxEntry,
    OutboxSender,
    RetryPolicy,
)
from blueroom.core.post_text import MAX_POST_LENGTH, post_length, urls_in, with_hashtag
from blueroom.core.posting import Draft, Refused, SavingPoster, Unknown
from tests.outbox_posters import POST_THEN_TIME_OUT, ScriptedPoster


class Clock:
    def __init__(self) -> None:
        self.now = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now


class Room:
    """The outbox, a journal stand-in (every event, applied at once) and a sender."""

    def __init__(
        self,
        poster: object,
        *,
        rehearsal: bool = False,
        policy: RetryPolicy | None = None,
        journalled: bool = True,
    ) -> None:
        self.clock = Clock()
        self.outbox = Outbox()
        self.journal: list[Event] = []
        self.cut_in: list[Event] = []  # a person's events that reach the journal first
        self.journal_ok = journalled
        self.sender = OutboxSender(
            self.outbox,
            poster,  # type: ignore[arg-type]
            self.publish,
            journalled=lambda: self.journal_ok,
            policy=policy or RetryPolicy(journal_wait=0.05),
            rehearsal=rehearsal,
            clock=self.clock,
        )
        self.stop = threading.Event()

    def publish(self, event: Event) -> int:
        events = [*self.cut_in, event]
        self.cut_in = []
        # through the journal's encoding, as a resume reads them
        events = [decode_event(encode_event(e)) for e in events]
        self.journal.extend(events)
        self.outbox.apply(events)
        return len(self.journal)

    def queue(self, text: str, **more: object) -> str:
        entry_id = f"e{len(self.journal)}"
        from blueroom.core.events import OutboxQueued

        self.publish(
            OutboxQueued(
                entry_id=entry_id,
                draft=Draft(
                    text=text,
                    reply_to=str(more.get("reply_to", "")),
                    media=tuple(more.get("media", ())),  # type: ignore[call-overload]
                ),
                post_kind=PostKind.REPLY if more.get("reply_to") else PostKind.POST,
                at=self.clock.now,
            )
        )
        return entry_id

    def tick(self) -> str | None:
        """One tick of the clock: the entry it hands over, acted on, or None."""
        self.outbox.due(self.clock.now)
        handed = self.outbox.handoff.take(0.0)
        if handed is not None:
            self.sender.handle(handed, self.stop)
            self.outbox.handoff.done(handed)
        return handed

    def entry(self, entry_id: str) -> OutboxEntry:
        entry = self.outbox.entry(entry_id)
        assert entry is not None
        return entry


@pytest.fixture
def account(tmp_path: Path) -> Path:
    return tmp_path / "account.sqlite"


def test_a_queued_entry_is_sent_at_the_next_tick_and_posted_with_its_link(account: Path) -> None:
    poster = ScriptedPoster(account)
    room = Room(poster)
    entry_id = room.queue("Thanks for all your questions! #AskBlueRoom")
    assert room.entry(entry_id).state is EntryState.QUEUED
    assert room.tick() == entry_id
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.attempts == 1
    assert entry.url == f"https://x.com/BlueRoomFR/status/{entry.post_id}"
    assert poster.posts() == ["Thanks for all your questions! #AskBlueRoom"]
    kinds = [type(e).__name__ for e in room.journal]
    assert kinds == ["OutboxQueued", "OutboxSending", "OutboxPosted", "XUsage"]
    assert room.journal[-1] == XUsage(what="post", posts=1, at=room.journal[-1].at)  # billed
    assert room.tick() is None, "nothing more to do"


def test_a_post_with_a_link_and_a_photo_is_billed_as_such(account: Path) -> None:
    room = Room(ScriptedPoster(account))
    room.queue("Le replay : https://example.com/replay #AskBlueRoom", media=("/photos/p1.jpg",))
    room.tick()
    (usage,) = [e for e in room.journal if isinstance(e, XUsage)]
    assert (usage.posts, usage.posts_with_link, usage.media) == (0, 1, 1)


def test_transient_failures_back_off_doubling_honour_retry_after_then_post_once(
    account: Path,
) -> None:
    poster = ScriptedPoster(
        account,
        [
            Refused("503 Service Unavailable", transient=True),
            Refused("503 Service Unavailable", transient=True),
            Refused("429 Too Many Requests", transient=True, retry_after=90.0),
        ],
    )
    room = Room(poster)
    entry_id = room.queue("Hello")
    waits = []
    for _ in range(3):
        room.tick()
        entry = room.entry(entry_id)
        assert entry.state is EntryState.FAILED
        waits.append(entry.due_at - room.clock.now)
        room.clock.now = entry.due_at - 0.5
        assert room.tick() is None, "not before its retry time"
        room.clock.now = entry.due_at
    assert waits == [5.0, 10.0, 90.0], "5 s doubling, and the platform's 90 s when longer"
    assert room.entry(entry_id).reason == "429 Too Many Requests"
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.attempts == 4
    assert poster.posts() == ["Hello"]


def test_the_back_off_stops_at_its_longest_wait() -> None:
    policy = RetryPolicy(first_retry=5.0, longest_retry=300.0)
    assert [policy.delay(n) for n in range(1, 9)] == [5, 10, 20, 40, 80, 160, 300, 300]


def test_after_the_cap_of_tries_a_person_is_asked_then_a_retry_starts_a_new_round(
    account: Path,
) -> None:
    poster = ScriptedPoster(account, [Refused("503", transient=True)] * 4)
    room = Room(poster, policy=RetryPolicy(max_attempts=3, journal_wait=0.05))
    entry_id = room.queue("Hello")
    for _ in range(3):
        room.tick()
        room.clock.now = room.entry(entry_id).due_at
    entry = room.entry(entry_id)
    assert entry.state is EntryState.NEEDS_PERSON and not entry.unresolved
    assert entry.reason == "503 (gave up after 3 tries)"
    assert room.tick() is None, "a person decides now"
    # the operator retries: a fresh round of tries
    from blueroom.core.events import OutboxRetried

    room.publish(OutboxRetried(entry_id=entry_id, at=room.clock.now))
    room.tick()
    assert room.entry(entry_id).state is EntryState.FAILED, "4th try: failed, will retry"
    room.clock.now = room.entry(entry_id).due_at
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.attempts == 5 and entry.round_attempts == 2


def test_a_permanent_refusal_needs_a_person_who_edits_and_retries(account: Path) -> None:
    from blueroom.core.events import OutboxEdited, OutboxRetried

    poster = ScriptedPoster(account, [Refused("403 duplicate content", transient=False)])
    room = Room(poster)
    entry_id = room.queue("Same as before")
    room.tick()
    entry = room.entry(entry_id)
    assert (entry.state, entry.reason) == (EntryState.NEEDS_PERSON, "403 duplicate content")
    room.publish(OutboxEdited(entry_id=entry_id, text="Something new"))
    assert room.entry(entry_id).draft.text == "Something new"
    assert room.entry(entry_id).state is EntryState.NEEDS_PERSON, "an edit alone sends nothing"
    assert room.tick() is None
    room.publish(OutboxRetried(entry_id=entry_id, at=room.clock.now))
    room.tick()
    assert room.entry(entry_id).state is EntryState.POSTED
    assert poster.posts() == ["Something new"]


def test_an_unknown_outcome_is_settled_by_reading_the_account_never_by_sending_again(
    account: Path,
) -> None:
    poster = ScriptedPoster(account, [POST_THEN_TIME_OUT])
    room = Room(poster)
    entry_id = room.queue("Answer to @fan100", reply_to="100")
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.CHECKING
    assert entry.reason == "read timed out after sending"
    assert entry.due_at == room.clock.now + 15.0, "read a little later: X may lag"
    room.clock.now += 14.0
    assert room.tick() is None and poster.checks == []
    room.clock.now += 1.0
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.post_id == "1"
    assert len(poster.calls) == 1 and poster.posts() == ["Answer to @fan100"]
    (checked, since) = poster.checks[0]
    assert checked.reply_to == "100" and since <= entry.sending_at
    assert room.journal[-2].found  # type: ignore[attr-defined]
    assert room.journal[-1] == XUsage(what="post", posts=1, at=room.journal[-1].at)


def test_an_unknown_outcome_not_found_on_the_account_is_sent_again(account: Path) -> None:
    poster = ScriptedPoster(account, [Unknown("connection reset")])  # it never went out
    room = Room(poster)
    entry_id = room.queue("Hello")
    room.tick()
    room.clock.now = room.entry(entry_id).due_at
    room.tick()
    assert room.entry(entry_id).state is EntryState.QUEUED, "checked: not there"
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.attempts == 2
    assert poster.posts() == ["Hello"]
    kinds = [type(e).__name__ for e in room.journal]
    assert kinds == [
        "OutboxQueued", "OutboxSending", "OutboxUnknown", "OutboxNotFound",
        "OutboxSending", "OutboxPosted", "XUsage",
    ]  # fmt: skip


def test_an_unreadable_account_hands_the_entry_to_a_person_who_marks_it_posted(
    account: Path,
) -> None:
    from blueroom.core.events import OutboxMarkedPosted

    poster = ScriptedPoster(account, [POST_THEN_TIME_OUT], unreadable=True)
    room = Room(poster)
    entry_id = room.queue("Hello")
    room.tick()
    room.clock.now = room.entry(entry_id).due_at
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.NEEDS_PERSON and entry.unresolved
    assert "check it, then mark posted or retry" in entry.reason
    assert room.tick() is None, "never sent again on its own"
    room.publish(OutboxMarkedPosted(entry_id=entry_id, url="https://x.com/BlueRoomFR/status/1"))
    entry = room.entry(entry_id)
    assert entry.state is EntryState.POSTED and entry.url.endswith("/1")
    assert len(poster.calls) == 1


def test_the_outbox_rebuilt_from_the_journal_is_the_same_and_checks_a_send_cut_short(
    account: Path,
) -> None:
    """A restart: the events replayed into a fresh outbox give the same entries; one left
    "sending" (the room died mid-request) is read on the account, not sent again."""
    poster = ScriptedPoster(account, [Refused("503", transient=True), POST_THEN_TIME_OUT])
    room = Room(poster)
    failed = room.queue("one")
    room.tick()  # 503: failed, tried again in 5 s
    checking = room.queue("two")
    room.tick()  # sent, the answer lost: checking
    cancelled = room.queue("three")
    room.publish(OutboxCancelled(entry_id=cancelled))
    cut_short = room.queue("four")
    # the room dies right after "sending" was journalled: the request went out
    room.publish(OutboxSending(entry_id=cut_short, attempt=1, at=room.clock.now))
    poster._make(room.entry(cut_short).draft)

    resumed = Room(poster)
    resumed.clock.now = room.clock.now + 1.0
    resumed.outbox.apply(room.journal)
    assert resumed.outbox.latest().entries == room.outbox.latest().entries
    states = {e.id: e.state for e in resumed.outbox.latest().entries}
    assert states == {
        failed: EntryState.FAILED,
        checking: EntryState.CHECKING,
        cancelled: EntryState.CANCELLED,
        cut_short: EntryState.SENDING,
    }
    for _ in range(6):
        resumed.tick()
        resumed.clock.now += 20.0
    final = {e.draft.text: e.state for e in resumed.outbox.latest().entries}
    assert final == {
        "one": EntryState.POSTED,
        "two": EntryState.POSTED,
        "three": EntryState.CANCELLED,
        "four": EntryState.POSTED,
    }
    assert sorted(poster.posts()) == ["four", "one", "two"], "each once"
    assert any(getattr(e, "reason", "") == STOPPED_MID_SEND for e in resumed.journal), (
        "the one cut short was read on the account first"
    )


def test_a_cancel_that_reaches_the_journal_before_sending_stops_the_post(account: Path) -> None:
    poster = ScriptedPoster(account)
    room = Room(poster)
    entry_id = room.queue("Hello")
    room.cut_in = [OutboxCancelled(entry_id=entry_id)]  # the key jumps the queue
    room.tick()
    assert room.entry(entry_id).state is EntryState.CANCELLED
    assert poster.calls == [] and room.outbox.latest().ignored == 1


def test_an_edit_that_comes_before_sending_is_what_is_posted_and_one_after_is_said(
    account: Path,
) -> None:
    from blueroom.core.events import OutboxEdited

    poster = ScriptedPoster(account)
    room = Room(poster)
    entry_id = room.queue("Helo")
    room.cut_in = [OutboxEdited(entry_id=entry_id, text="Hello")]
    room.tick()
    assert poster.posts() == ["Hello"]
    room.publish(OutboxEdited(entry_id=entry_id, text="Too late"))
    entry = room.entry(entry_id)
    assert entry.draft.text == "Hello" and entry.note == "edit not applied: the entry was posted"


def test_nothing_is_sent_before_sending_is_on_disk(account: Path) -> None:
    poster = ScriptedPoster(account)
    room = Room(poster, journalled=False)
    entry_id = room.queue("Hello")
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.FAILED and "journal" in entry.reason
    assert poster.calls == []
    room.journal_ok = True
    room.clock.now = entry.due_at
    room.tick()
    assert room.entry(entry_id).state is EntryState.POSTED and poster.posts() == ["Hello"]


def test_without_credentials_entries_are_saved_not_posted_and_say_why() -> None:
    room = Room(SavingPoster())
    entry_id = room.queue("Hello")
    room.tick()
    entry = room.entry(entry_id)
    assert entry.state is EntryState.SAVED
    assert entry.reason == "no posting credentials: saved, not posted"
    assert not any(isinstance(e, OutboxSending) for e in room.journal), "nothing was sent"


def test_a_rehearsal_marks_entries_and_sends_nothing(account: Path) -> None:
    poster = ScriptedPoster(account)
    room = Room(poster, rehearsal=True)
    entry_id = room.queue("Hello")
    room.tick()
    assert room.entry(entry_id).state is EntryState.REHEARSAL
    assert poster.calls == [] and poster.checks == []


def test_one_entry_in_flight_at_a_time() -> None:
    outbox = Outbox()
    room = Room(SavingPoster())
    room.outbox = outbox
    from blueroom.core.events import OutboxQueued

    outbox.apply(
        [OutboxQueued(entry_id=name, draft=Draft(text=name), at=1.0) for name in ("a", "b")]
    )
    outbox.due(2.0)
    assert outbox.handoff.take(0.0) == "a"
    outbox.due(2.0)
    assert outbox.handoff.take(0.0) is None, "b waits while a is in flight"
    outbox.handoff.done("a")
    outbox.due(2.0)
    assert outbox.handoff.take(0.0) == "a", "a again: nothing happened to it"


def test_a_failed_entry_survives_the_journal_encoding_with_its_retry_time() -> None:
    event = OutboxFailed(entry_id="e1", reason="503", retry_at=12.5)
    assert decode_event(encode_event(event)) == event
    assert OutboxFailed.critical and not OutboxFailed.urgent
    from blueroom.core.events import OutboxEdited, OutboxQueued, OutboxRetried

    assert all(kind.urgent for kind in (OutboxQueued, OutboxEdited, OutboxRetried, OutboxCancelled))


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("hello", 5),
        ("é" * 10, 10),
        ("日本語", 6),
        ("👍", 2),
        ("👍🏽", 2),
        ("👨\u200d👩\u200d👧", 2),
        ("🇫🇷", 2),
        ("see https://example.com/a/very/long/path?x=1 now", 4 + 23 + 4),
        ("blueroom.fr rocks", 23 + 6),
        ("Mr.Smith", 8),
    ],
)
def test_post_length_counts_as_x_does(text: str, length: int) -> None:
    assert post_length(text) == length


def test_a_post_of_280_fits_and_a_url_counts_23_whatever_its_length() -> None:
    assert post_length("a" * MAX_POST_LENGTH) == 280
    long_url = "https://example.com/" + "x" * 200
    assert post_length(f"{'a' * 256} {long_url}") == 280
    assert urls_in(f"look: {long_url}.") == [long_url]


def test_the_hashtag_is_added_once() -> None:
    assert with_hashtag("Hi all", "AskBlueRoom") == "Hi all #AskBlueRoom"
    assert with_hashtag("Hi #askblueroom!", "#AskBlueRoom") == "Hi #askblueroom!"
    assert with_hashtag("Hi #AskBlueRoomX", "#AskBlueRoom") == "Hi #AskBlueRoomX #AskBlueRoom"
    assert with_hashtag("", "#AskBlueRoom") == "#AskBlueRoom"


def test_a_snapshot_of_the_outbox_round_trips() -> None:
    room = Room(SavingPoster())
    room.queue("Hello")
    room.tick()
    state = room.outbox.capture()()
    copy = Outbox()
    copy.restore(msgspec.msgpack.decode(msgspec.msgpack.encode(state), type=type(state)))
    assert copy.latest().entries == room.outbox.latest().entries
