"""Live ingest figures for the operator console: rates, counts, problems, source states."""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass

import msgspec

from blueroom.core.events import (
    CameraState,
    CameraStateChanged,
    Event,
    MalformedRecord,
    SourceState,
    SourceStateChanged,
    TweetReceived,
)

RATE_BUCKET_SECONDS = 1.0
RATE_HISTORY_BUCKETS = 300


@dataclass(frozen=True, slots=True)
class SourceStatus:
    name: str
    state: SourceState
    detail: str
    since: float


@dataclass(frozen=True, slots=True)
class MetricsSnapshot:
    posts: int
    duplicates: int
    retweets: int
    replies: int
    located: int
    malformed: int
    malformed_dropped: int
    recent_problems: tuple[MalformedRecord, ...]
    rate_now: float  # posts per second over the last few seconds
    rate_per_minute: float
    rate_history: tuple[float, ...]  # posts per second, one value per bucket, oldest first
    languages: tuple[tuple[str, int], ...]
    sources: tuple[SourceStatus, ...]
    camera: CameraState | None
    camera_detail: str
    version: int


class MetricsState(msgspec.Struct, frozen=True):
    posts: int
    duplicates: int
    retweets: int
    replies: int
    located: int
    malformed: int
    malformed_dropped: int
    problems: list[MalformedRecord]
    buckets: list[tuple[int, int]]
    languages: list[tuple[str, int]]
    sources: list[tuple[str, SourceState, str, float]]
    camera: CameraState | None
    camera_detail: str
    version: int


class IngestMetrics:
    """Absorbs event batches (worker thread); hands out snapshots (any thread)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._posts = 0
        self._duplicates = 0
        self._retweets = 0
        self._replies = 0
        self._located = 0
        self._malformed = 0
        self._malformed_dropped = 0
        self._problems: deque[MalformedRecord] = deque(maxlen=50)
        self._buckets: deque[tuple[int, int]] = deque(maxlen=RATE_HISTORY_BUCKETS)
        self._languages: Counter[str] = Counter()
        self._sources: dict[str, SourceStatus] = {}
        self._camera: CameraState | None = None
        self._camera_detail = ""
        self._version = 0
        self._latest: MetricsSnapshot | None = None

    def latest(self) -> MetricsSnapshot:
        """The last snapshot built, without waiting for the worker: for views."""
        latest = self._latest
        return latest if latest is not None else self.snapshot()

    def capture(self, locked: bool = True) -> Callable[[], MetricsState]:
        with self._lock if locked else nullcontext():
            state = MetricsState(
                self._posts, self._duplicates, self._retweets, self._replies, self._located,
                self._malformed, self._malformed_dropped, list(self._problems),
                list(self._buckets), list(self._languages.items()),
                [(s.name, s.state, s.detail, s.since) for s in self._sources.values()],
                self._camera, self._camera_detail, self._version,
            )  # fmt: skip
        return lambda: state

    def restore(self, state: MetricsState) -> None:
        with self._lock:
            self._posts, self._duplicates = state.posts, state.duplicates
            self._retweets, self._replies, self._located = (
                state.retweets,
                state.replies,
                state.located,
            )
            self._malformed, self._malformed_dropped = state.malformed, state.malformed_dropped
            self._problems.clear()
            self._problems.extend(state.problems)
            self._buckets.clear()
            self._buckets.extend(state.buckets)
            self._languages = Counter(dict(state.languages))
            self._sources = {
                name: SourceStatus(name, source_state, detail, since)
                for name, source_state, detail, since in state.sources
            }
            self._camera, self._camera_detail = state.camera, state.camera_detail
            self._version = state.version
        self.snapshot()

    def count_duplicates(self, count: int) -> None:
        """Posts delivered again, kept from the models (``core/seen.py``)."""
        if count:
            with self._lock:
                self._duplicates += count
                self._version += 1

    def apply(self, events: Iterable[Event]) -> None:
        """Posts are counted as they come: each once (the room drops those seen before)."""
        with self._lock:
            languages = self._languages
            per_bucket: dict[int, int] = {}  # counted here, added to the history once a batch
            for event in events:
                if type(event) is TweetReceived:  # most events: the fast path first
                    tweet = event.tweet
                    self._posts += 1
                    bucket = int(event.at // RATE_BUCKET_SECONDS)
                    per_bucket[bucket] = per_bucket.get(bucket, 0) + 1
                    if tweet.retweet_of is not None:
                        self._retweets += 1
                    elif tweet.reply_to is not None:
                        self._replies += 1
                    if tweet.has_location:
                        self._located += 1
                    languages[tweet.lang or "?"] += 1
                elif isinstance(event, MalformedRecord):
                    self._malformed += 1
                    if event.dropped:
                        self._malformed_dropped += 1
                    self._problems.append(event)
                elif isinstance(event, SourceStateChanged):
                    self._sources[event.source] = SourceStatus(
                        event.source, event.state, event.detail, event.at
                    )
                elif isinstance(event, CameraStateChanged):
                    self._camera = event.state
                    self._camera_detail = event.detail
                else:
                    continue
                self._version += 1
            for bucket in sorted(per_bucket):
                self._count_in_bucket(bucket, per_bucket[bucket])

    def _count_in_bucket(self, bucket: int, posts: int) -> None:
        buckets = self._buckets
        if buckets and buckets[-1][0] == bucket:
            buckets[-1] = (bucket, buckets[-1][1] + posts)
        elif not buckets or bucket > buckets[-1][0]:
            buckets.append((bucket, posts))
        else:  # late events: find their bucket if still kept
            for index in range(len(buckets) - 1, -1, -1):
                if buckets[index][0] == bucket:
                    buckets[index] = (bucket, buckets[index][1] + posts)
                    return

    def _rate(self, now_bucket: int, span: int) -> float:
        total = sum(n for b, n in self._buckets if now_bucket - span <= b < now_bucket)
        return total / (span * RATE_BUCKET_SECONDS)

    def snapshot(self) -> MetricsSnapshot:
        now_bucket = int(self._clock() // RATE_BUCKET_SECONDS)
        with self._lock:
            counts = dict(self._buckets)
            history = tuple(
                counts.get(b, 0) / RATE_BUCKET_SECONDS for b in range(now_bucket - 120, now_bucket)
            )
            self._latest = MetricsSnapshot(
                posts=self._posts,
                duplicates=self._duplicates,
                retweets=self._retweets,
                replies=self._replies,
                located=self._located,
                malformed=self._malformed,
                malformed_dropped=self._malformed_dropped,
                recent_problems=tuple(self._problems),
                rate_now=self._rate(now_bucket, 5),
                rate_per_minute=self._rate(now_bucket, 60) * 60.0,
                rate_history=history,
                languages=tuple(self._languages.most_common(8)),
                sources=tuple(self._sources.values()),
                camera=self._camera,
                camera_detail=self._camera_detail,
                version=self._version,
            )
            return self._latest
