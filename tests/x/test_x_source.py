"""The live X sources against the stand-in X server (loopback): the real tweepy client,
the real loop, the stand-in's stream and search written from X's documentation (no
exchange could be recorded: no network here)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from blueroom.core.events import (
    Event,
    MalformedRecord,
    PostDeleted,
    SourceState,
    TweetReceived,
    XCheckpoint,
    XUsage,
)
from blueroom.engine.parser import ParserProcess
from blueroom.settings import EventSettings, XSettings
from blueroom.sources import x_status as fig
from blueroom.sources.replay import ReplaySource
from blueroom.x.reading import CredentialsMissing, stream_rules
from blueroom.x.source import XSource
from tests.conftest import post
from tests.standin_x import Fault, StandInX
from tests.standin_x.search import search_of
from tests.standin_x.streaming import STREAM, StreamState, stream_of

# A compliance line, as X's compliance stream documents it.
DELETION = {
    "data": {
        "delete": {"tweet": {"id": "77", "author_id": "9"}, "event_at": "2026-11-24T18:00:00.000Z"}
    }
}
EVENT = EventSettings(
    hashtag="#AskBlueRoom", guest_handle="@leamarchand", room_handle="@BlueRoomFR"
)


class Sink:
    """What a source publishes, as the bus would take it."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._lock = threading.Lock()

    def __call__(self, events: Sequence[Event]) -> int:
        with self._lock:
            self.events.extend(events)
        return len(events)

    def of(self, kind: type[Event]) -> list[Any]:
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]

    def post_ids(self) -> list[str]:
        return [e.tweet.id for e in self.of(TweetReceived)]


def wait_for(check: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


@pytest.fixture
def x() -> Iterator[StandInX]:
    with StandInX() as server:
        stream_of(server).keep_alive = 0.2
        yield server


def source(
    server: StandInX,
    sink: Sink,
    mode: str = "live",
    *,
    token: str = "good-token",
    record_to: Path | None = None,
    **settings: Any,
) -> XSource:
    settings.setdefault("stall_seconds", 1.0)
    settings.setdefault("search_every_seconds", 0.2)

    def bearer() -> str:
        if not token:
            raise CredentialsMissing("no X bearer token: set BLUEROOM_X_BEARER_TOKEN")
        return token

    return XSource(
        mode,  # type: ignore[arg-type]
        event=EVENT,
        x=XSettings(api_base=server.url, **settings),
        publish_many=sink,
        token=bearer,
        record_to=record_to,
    )


def fan(n: int, text: str = "@leamarchand pourquoi Paris ? #AskBlueRoom") -> dict[str, Any]:
    return post(str(1_900_000_000_000_000_000 + n), f"{text} {n}")


def running(src: XSource, stream: StreamState, connections: int = 1) -> None:
    wait_for(
        lambda: (
            stream.wait_connections(connections, 0.05) and src.stats().state == SourceState.RUNNING
        )
    )


def test_the_stream_brings_posts_with_every_rule_tagged_and_the_fields_the_room_reads(
    x: StandInX,
) -> None:
    sink, stream = Sink(), stream_of(x)
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        stream.post(fan(1), fan(2))
        wait_for(lambda: len(sink.post_ids()) == 2)
    finally:
        assert src.stop()
    assert sink.post_ids() == [fan(1)["data"]["id"], fan(2)["data"]["id"]]
    assert all(r.get("tag", "").startswith("blueroom:") for r in stream.rules)
    assert {r["value"] for r in stream.rules} == {r.value for r in stream_rules(EVENT)}
    (opened,) = [r for r in x.requests if r.path == STREAM]
    fields = opened.query["tweet.fields"][0].split(",")
    assert {"note_tweet", "edit_history_tweet_ids", "public_metrics", "geo", "entities"} <= set(
        fields
    )
    assert "author_id" in opened.query["expansions"][0]
    assert opened.headers["authorization"] == "Bearer good-token"
    checkpoint = sink.of(XCheckpoint)[-1]
    assert checkpoint.last_id == fan(2)["data"]["id"]
    assert src.stats().state == SourceState.STOPPED


def test_a_disconnect_mid_stream_reconnects_backfills_the_gap_and_counts_each_post_once(
    x: StandInX,
) -> None:
    sink, stream = Sink(), stream_of(x)
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        stream.post(fan(1))
        wait_for(lambda: len(sink.post_ids()) == 1)
        stream.disconnect()
        wait_for(lambda: stream.open == 0)
        stream.post(fan(2))  # while no stream is open: missed, found by the back-fill
        running(src, stream, 2)
        stream.post(fan(3))
        wait_for(lambda: fan(3)["data"]["id"] in sink.post_ids())
        wait_for(lambda: fan(2)["data"]["id"] in sink.post_ids())
    finally:
        assert src.stop()
    ids = sink.post_ids()
    for n in (1, 2, 3):
        assert fan(n)["data"]["id"] in ids
    stats = dict(src.stats().figures)
    assert stats[fig.RECONNECTS] == 1
    assert stats[fig.BACKFILLS] == 1
    assert stats[fig.BACKFILLED] >= 1
    assert {u.what for u in sink.of(XUsage)} >= {"stream", "backfill"}
    assert sum(u.reads for u in sink.of(XUsage)) == len(ids)
    # each read names its post, so X's once-a-day billing of a post read twice is priced
    assert sorted(i for u in sink.of(XUsage) for i in u.read_ids) == sorted(ids)


def test_a_stalled_stream_is_dropped_and_reopened(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    src = source(x, sink, stall_seconds=0.5)
    src.start()
    try:
        running(src, stream)
        stream.stall()
        running(src, stream, 2)
        stream.post(fan(7))
        wait_for(lambda: len(sink.post_ids()) == 1)
    finally:
        assert src.stop()
    figures = dict(src.stats().figures)
    assert figures[fig.STALLS] == 1
    assert figures[fig.RECONNECTS] == 1


def test_a_429_waits_until_the_reset_it_names_and_stop_cuts_a_long_wait(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    reset = time.time() + 1.5
    x.fail(
        f"GET {STREAM}",
        Fault(429, {"x-rate-limit-reset": str(reset)}, {"title": "Too Many Requests"}),
    )
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        assert time.time() >= reset  # it waited for the reset, not 60 s, not at once
        x.fail(f"GET {STREAM}", Fault(503, {}, {"title": "Service Unavailable"}))
        stream.disconnect()
        wait_for(lambda: src.stats().detail.startswith("X answered HTTP 503"))
        started = time.monotonic()
    finally:
        assert src.stop(2.0)  # in the middle of a 5 s back-off
    assert time.monotonic() - started < 2.0


def test_malformed_and_truncated_lines_are_counted_and_the_stream_goes_on(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        stream.push(b'{"data": {"id": "1", "te', b"not json", json.dumps(fan(4)).encode())
        wait_for(lambda: len(sink.post_ids()) == 1)
    finally:
        assert src.stop()
    problems = sink.of(MalformedRecord)
    assert len(problems) == 2 and all(p.dropped for p in problems)
    assert src.stats().problems == 2


def test_rules_left_without_tags_are_listed_not_removed_and_do_not_crash(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    stream.add_rule("#OtherEvent")  # no tag, as another app left it
    stream.add_rule("#Older", "blueroom:hashtag:older")
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        message = fan(5)
        message["matching_rules"] = [{"id": "1001"}]  # a rule without a tag matched
        stream.post(message)
        wait_for(lambda: len(sink.post_ids()) == 1)
    finally:
        assert src.stop()
    assert {r["value"] for r in stream.rules} >= {"#OtherEvent", "#Older"}
    assert dict(src.stats().figures)[fig.FOREIGN_RULES] == 2
    assert "#OtherEvent [no tag]" in src.rules_said
    assert any("x.remove_foreign_rules" in p.reason for p in sink.of(MalformedRecord))


def test_foreign_rules_are_removed_with_consent(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    stream.add_rule("#OtherEvent")
    src = source(x, sink, remove_foreign_rules=True)
    src.start()
    try:
        running(src, stream)
    finally:
        assert src.stop()
    assert "#OtherEvent" not in {r["value"] for r in stream.rules}
    assert "foreign removed" in src.rules_said


def test_a_refused_token_fails_with_one_line_and_a_missing_one_too(x: StandInX) -> None:
    stream_of(x).valid_bearer = "the-right-one"
    sink = Sink()
    src = source(x, sink, token="tok-secret-123")
    src.start()
    assert src.wait_finished(10)
    src.stop()
    assert src.stats().state == SourceState.FAILED
    assert src.stats().detail.startswith("X refused the bearer token (401")
    assert "\n" not in src.stats().detail and "tok-secret-123" not in src.stats().detail
    missing = source(x, Sink(), token="")
    missing.start()
    assert missing.wait_finished(10)
    missing.stop()
    assert missing.stats().detail == "no X bearer token: set BLUEROOM_X_BEARER_TOKEN"


def test_search_polls_since_the_last_id_paced_by_the_rate_limit(x: StandInX) -> None:
    sink, stream, search = Sink(), stream_of(x), search_of(x)
    stream.post(fan(1), fan(2))
    src = source(x, sink, "search")
    src.start()
    try:
        wait_for(lambda: len(sink.post_ids()) == 2)
        stream.post(fan(3))
        wait_for(lambda: len(sink.post_ids()) == 3)
        with x.lock:
            search.remaining = 0  # the window used up: 429 until its reset
            search.reset_at = time.time() + 1.0
        stream.post(fan(4))
        wait_for(lambda: len(sink.post_ids()) == 4, 10)
    finally:
        assert src.stop()
    recent = [r for r in x.requests if r.path == "/2/tweets/search/recent"]
    assert "since_id" not in recent[0].query
    assert recent[-1].query["since_id"] == [fan(3)["data"]["id"]]
    assert sorted(sink.post_ids()) == sorted(fan(n)["data"]["id"] for n in (1, 2, 3, 4))
    figures = dict(src.stats().figures)
    assert figures[fig.RATE_LIMIT] == 450


def test_a_recording_made_live_plays_back_in_the_replay(x: StandInX, tmp_path: Path) -> None:
    sink, stream = Sink(), stream_of(x)
    recording = tmp_path / "rec" / "x-live.jsonl"
    src = source(x, sink, record_to=recording)
    src.start()
    try:
        running(src, stream)
        stream.post(fan(1))
        stream.push(b"not json", DELETION)
        stream.post(fan(2))
        wait_for(lambda: len(sink.post_ids()) == 2)
    finally:
        assert src.stop()
    lines = recording.read_bytes().splitlines()
    assert lines[0] == json.dumps(fan(1)).encode()  # exactly as received
    assert len(lines) == 4
    for parser in (None, ParserProcess):  # parsed in the engine, and in the parsing process
        replayed = Sink()
        replay = ReplaySource(recording, replayed, speed=None, loop=False, parser=parser)
        replay.start()
        assert replay.wait_finished(10)
        replay.stop()
        assert replayed.post_ids() == sink.post_ids()
        assert len(replayed.of(MalformedRecord)) == 1
        assert [d.tweet_id for d in replayed.of(PostDeleted)] == ["77"]


def test_a_deletion_on_the_stream_becomes_post_deleted(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    src = source(x, sink)
    src.start()
    try:
        running(src, stream)
        stream.push(DELETION)
        wait_for(lambda: sink.of(PostDeleted))
    finally:
        assert src.stop()
    assert sink.of(PostDeleted)[0].tweet_id == "77"


def test_stop_wakes_a_read_blocked_on_a_quiet_stream(x: StandInX) -> None:
    sink, stream = Sink(), stream_of(x)
    stream.keep_alive = 30.0  # nothing to read for 30 s
    src = source(x, sink, stall_seconds=60.0)
    src.start()
    running(src, stream)
    time.sleep(0.2)
    started = time.monotonic()
    assert src.stop(3.0)
    assert time.monotonic() - started < 1.0
    assert src.stats().state == SourceState.STOPPED


def test_a_resumed_search_backfills_from_its_checkpoint_and_says_what_it_could_not(
    x: StandInX,
) -> None:
    sink, stream = Sink(), stream_of(x)
    stream.post(fan(0))
    stream.post(*(fan(n) for n in range(1, 1_051)))  # a long gap: more than 10 pages
    src = source(x, sink, "search")
    src.resume_from(XCheckpoint(source="x", kind_of_source="search", last_id=fan(0)["data"]["id"]))
    src.start()
    try:
        wait_for(lambda: len(sink.post_ids()) >= 1_000)
        wait_for(lambda: any("not read" in p.reason for p in sink.of(MalformedRecord)))
    finally:
        assert src.stop()
    assert fan(0)["data"]["id"] not in sink.post_ids()
    assert fan(1_050)["data"]["id"] in sink.post_ids()
    (notice,) = [p for p in sink.of(MalformedRecord) if "not read" in p.reason]
    assert notice.reason == (
        "search: stopped after 10 pages (1,000 posts); the gap's older posts were not read"
    )
