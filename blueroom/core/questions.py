"""The question board: every question for the guest and its state, built from events."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    Event,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
)
from blueroom.core.tweet import Tweet


@dataclass(frozen=True, slots=True)
class Question:
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


@dataclass(slots=True)
class _Entry:
    tweet: Tweet
    received_at: float
    state: QuestionState = QuestionState.PENDING
    reason: str = ""
    changed_at: float = 0.0
    supporters: set[str] = field(default_factory=set)

    def freeze(self) -> Question:
        author = self.tweet.author
        return Question(
            tweet_id=self.tweet.id,
            text=self.tweet.text,
            handle=self.tweet.handle,
            name=author.name if author else "",
            followers=author.followers if author else 0,
            lang=self.tweet.lang,
            received_at=self.received_at,
            supporters=len(self.supporters),
            likes=self.tweet.metrics.likes,
            state=self.state,
            reason=self.reason,
            changed_at=self.changed_at,
        )


class QuestionBoard:
    """Questions and their states, built only from events (so a replayed journal rebuilds it)."""

    def __init__(self, rules: QuestionRules, max_listed: int = 5_000) -> None:
        self._rules = rules
        self._max_listed = max_listed
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
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
                original.supporters.add(tweet.author.id)
                self._version += 1
            return
        if tweet.id in self._entries or not self._rules.is_question(tweet):
            return
        self._entries[tweet.id] = _Entry(tweet=tweet, received_at=at, changed_at=at)
        self._version += 1

    def _change(self, event: QuestionStateChanged) -> None:
        entry = self._entries.get(event.tweet_id)
        if entry is None:
            return
        if event.state is QuestionState.ON_AIR and self._on_air not in (
            None,
            event.tweet_id,
        ):
            previous = self._entries[self._on_air]  # type: ignore[index]
            previous.state = QuestionState.APPROVED
            previous.changed_at = event.at
        if self._on_air == event.tweet_id and event.state is not QuestionState.ON_AIR:
            self._on_air = None
        if event.state is QuestionState.ON_AIR:
            self._on_air = event.tweet_id
        entry.state = event.state
        entry.reason = event.reason
        entry.changed_at = event.at
        self._version += 1

    def question(self, tweet_id: str) -> Question | None:
        with self._lock:
            entry = self._entries.get(tweet_id)
            return entry.freeze() if entry is not None else None

    def snapshot(self) -> BoardSnapshot:
        with self._lock:
            if self._cached is not None and self._cached.version == self._version:
                return self._cached
            by_state: dict[QuestionState, list[_Entry]] = {s: [] for s in QuestionState}
            for entry in self._entries.values():
                by_state[entry.state].append(entry)
            limit = self._max_listed
            pending = sorted(by_state[QuestionState.PENDING], key=lambda e: -e.received_at)
            approved = sorted(by_state[QuestionState.APPROVED], key=lambda e: e.changed_at)
            answered = sorted(by_state[QuestionState.ANSWERED], key=lambda e: -e.changed_at)
            on_air = self._entries.get(self._on_air) if self._on_air else None
            self._cached = BoardSnapshot(
                pending=tuple(e.freeze() for e in pending[:limit]),
                approved=tuple(e.freeze() for e in approved[:limit]),
                on_air=on_air.freeze() if on_air is not None else None,
                answered=tuple(e.freeze() for e in answered[:limit]),
                counts={s: len(v) for s, v in by_state.items()},
                received=len(self._entries),
                version=self._version,
            )
            return self._cached
