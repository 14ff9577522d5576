"""The question board: every question for the guest and its state, built from events."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

import msgspec

from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    Event,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
)
from blueroom.core.tweet import Tweet


class Question(msgspec.Struct, frozen=True, gc=False):
    tweet_id: str
    text: str
    handle: str
    name: str
    followers: int
    lang: str
    received_at: float
    supporters: int
    likes: int
    state: QuestionState
    reason: str
    changed_at: float


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    pending: tuple[Question, ...]  # newest first
    approved: tuple[Question, ...]  # in approval order
    on_air: Question | None
    answered: tuple[Question, ...]  # most recent first
    counts: dict[QuestionState, int]
    received: int
    version: int


class _Entry(msgspec.Struct, gc=False):
    """Mutable, but untracked by the GC: it never holds a reference cycle."""

    tweet: Tweet
    received_at: float
    state: QuestionState = QuestionState.PENDING
    reason: str = ""
    changed_at: float = 0.0
    supporters: set[str] | None = None  # author ids; None until the first retweet
    frozen: Question | None = None

    def freeze(self) -> Question:
        if self.frozen is None:
            author = self.tweet.author
            self.frozen = Question(
                tweet_id=self.tweet.id,
                text=self.tweet.text,
                handle=self.tweet.handle,
                name=author.name if author else "",
                followers=author.followers if author else 0,
                lang=self.tweet.lang,
                received_at=self.received_at,
                supporters=len(self.supporters) if self.supporters else 0,
                likes=self.tweet.metrics.likes,
                state=self.state,
                reason=self.reason,
                changed_at=self.changed_at,
            )
        return self.frozen


class QuestionBoard:
    """Questions and their states, built only from events (so a replayed journal rebuilds it).

    ``apply`` runs on the model worker; ``snapshot`` is cheap for any thread: it is
    rebuilt at most once per change, from lists kept in order as events arrive.
    """

    def __init__(self, rules: QuestionRules, max_listed: int = 5_000) -> None:
        self._rules = rules
        self._max_listed = max_listed
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}  # in arrival order
        self._by_state: dict[QuestionState, dict[str, _Entry]] = {s: {} for s in QuestionState}
        self._on_air: str | None = None
        self._version = 0
        self._cached: BoardSnapshot | None = None

    def apply(self, events: Iterable[Event]) -> None:
        with self._lock:
            for event in events:
                match event:
                    case TweetReceived(tweet=tweet):
                        self._receive(tweet, event.at)
                    case QuestionStateChanged():
                        self._change(event)
                    case _:
                        continue

    def _receive(self, tweet: Tweet, at: float) -> None:
        if tweet.retweet_of is not None:
            original = self._entries.get(tweet.retweet_of)
            if original is not None and tweet.author is not None:
                if original.supporters is None:
                    original.supporters = set()
                before = len(original.supporters)
                original.supporters.add(tweet.author.id)
                if len(original.supporters) != before:
                    original.frozen = None
                    self._version += 1
            return
        if tweet.id in self._entries or not self._rules.is_question(tweet):
            return
        entry = _Entry(tweet=tweet, received_at=at, changed_at=at)
        self._entries[tweet.id] = entry
        self._by_state[QuestionState.PENDING][tweet.id] = entry
        self._version += 1

    def _set_state(self, entry: _Entry, state: QuestionState, at: float, reason: str) -> None:
        tweet_id = entry.tweet.id
        self._by_state[entry.state].pop(tweet_id, None)
        entry.state = state
        entry.reason = reason
        entry.changed_at = at
        entry.frozen = None
        self._by_state[state][tweet_id] = entry  # re-inserted last: lists keep change order

    def _change(self, event: QuestionStateChanged) -> None:
        entry = self._entries.get(event.tweet_id)
        if entry is None:
            return
        if event.state is QuestionState.ON_AIR and self._on_air not in (None, event.tweet_id):
            previous = self._entries[self._on_air]  # type: ignore[index]
            self._set_state(previous, QuestionState.APPROVED, event.at, "")
        if self._on_air == event.tweet_id and event.state is not QuestionState.ON_AIR:
            self._on_air = None
        if event.state is QuestionState.ON_AIR:
            self._on_air = event.tweet_id
        self._set_state(entry, event.state, event.at, event.reason)
        self._version += 1

    def question(self, tweet_id: str) -> Question | None:
        with self._lock:
            entry = self._entries.get(tweet_id)
            return entry.freeze() if entry is not None else None

    def latest(self) -> BoardSnapshot:
        """The last snapshot built, without waiting for the worker: for views."""
        cached = self._cached
        return cached if cached is not None else self.snapshot()

    def snapshot(self) -> BoardSnapshot:
        """Up to date (built now if anything changed)."""
        cached = self._cached
        if cached is not None and cached.version == self._version:
            return cached
        with self._lock:
            limit = self._max_listed
            by_state = self._by_state
            pending = by_state[QuestionState.PENDING]
            newest_first = list(islice(reversed(pending.values()), limit))
            approved = list(islice(by_state[QuestionState.APPROVED].values(), limit))
            answered = list(islice(reversed(by_state[QuestionState.ANSWERED].values()), limit))
            on_air = self._entries.get(self._on_air) if self._on_air else None
            self._cached = BoardSnapshot(
                pending=tuple(e.freeze() for e in newest_first),
                approved=tuple(e.freeze() for e in approved),
                on_air=on_air.freeze() if on_air is not None else None,
                answered=tuple(e.freeze() for e in answered),
                counts={state: len(entries) for state, entries in by_state.items()},
                received=len(self._entries),
                version=self._version,
            )
            return self._cached
