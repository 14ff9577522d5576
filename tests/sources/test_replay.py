"""The replay plays a recording onto the bus: paced, looping with fresh ids, never crashing."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Sequence
from pathlib import Path

from blueroom.core.bus import Bus
from blueroom.core.events import (
    Event,
    MalformedRecord,
    SourceState,
    SourceStateChanged,
    TweetReceived,
)
from blueroom.engine.parser import ParserProcess
from blueroom.paths import assets
from blueroom.sources.replay import ReplaySource
from tests.conftest import post, write_recording


def play(path: Path, **options: object) -> tuple[list[object], ReplaySource]:
    bus = Bus()
    subscription = bus.subscribe("test")
    source = ReplaySource(path, bus.publish_many, **options)  # type: ignore[arg-type]
    source.start()
    assert source.wait_finished(10.0)
    source.stop()
    return subscription.drain(), source


def test_plays_every_post_and_reports_the_broken_line(recording: Path) -> None:
    events, source = play(recording, speed=None, loop=False)
    tweets = [e.tweet for e in events if isinstance(e, TweetReceived)]
    assert [t.id for t in tweets] == ["100", "101", "102", "103"]
    (problem,) = [e for e in events if isinstance(e, MalformedRecord)]
    assert problem.line == 3 and "not valid JSON" in problem.reason
    states = [e.state for e in events if isinstance(e, SourceStateChanged)]
    assert states == [SourceState.STARTING, SourceState.RUNNING, SourceState.FINISHED]
    assert source.stats().posts == 4 and source.stats().problems == 1


def test_reads_gzip_recordings(recording: Path, tmp_path: Path) -> None:
    packed = tmp_path / "event.jsonl.gz"
    packed.write_bytes(gzip.compress(recording.read_bytes()))
    events, _ = play(packed, speed=None, loop=False)
    assert sum(isinstance(e, TweetReceived) for e in events) == 4


def test_paces_posts_by_their_times_at_the_given_speed(tmp_path: Path) -> None:
    path = write_recording(
        tmp_path / "paced.jsonl",
        [post(str(n), "hi", created_at=f"2026-11-24T18:00:0{n}.000Z") for n in range(5)],
    )
    started = time.monotonic()
    events, _ = play(path, speed=10.0, loop=False)
    elapsed = time.monotonic() - started
    assert sum(isinstance(e, TweetReceived) for e in events) == 5
    assert 0.35 <= elapsed < 2.0, f"4 s of posts at 10× took {elapsed:.2f} s"


def test_each_loop_gets_fresh_ids_and_later_times(recording: Path) -> None:
    bus = Bus()
    subscription = bus.subscribe("test")
    source = ReplaySource(recording, bus.publish_many, speed=None, loop=True)
    source.start()
    deadline = time.monotonic() + 5.0
    while source.current_loop < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    source.stop()
    tweets = [e.tweet for e in subscription.drain() if isinstance(e, TweetReceived)]
    assert len(tweets) >= 8
    assert len({t.id for t in tweets}) == len(tweets), "a loop replayed the same ids"
    first, second = tweets[0], tweets[4]
    assert second.created_at > first.created_at
    retweet_loop_two = tweets[6]
    assert retweet_loop_two.retweet_of == second.id, "references follow the loop's ids"


def test_a_missing_or_unreadable_file_is_a_failed_state_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jsonl"
    missing.write_text("")
    bus = Bus()
    subscription = bus.subscribe("test")
    source = ReplaySource(missing, bus.publish_many, speed=None, loop=False)
    missing.unlink()
    source.start()
    assert source.wait_finished(5.0)
    source.stop()
    states = [e for e in subscription.drain() if isinstance(e, SourceStateChanged)]
    assert states[-1].state is SourceState.FAILED
    assert "gone.jsonl" in states[-1].detail


def test_resumes_from_a_line(recording: Path) -> None:
    events, _ = play(recording, speed=None, loop=False, start_line=3)
    assert [e.tweet.id for e in events if isinstance(e, TweetReceived)] == ["102", "103"]


def test_a_parse_worker_process_gives_exactly_what_parsing_here_gives(recording: Path) -> None:
    inline, _ = play(recording, speed=None, loop=False)
    worker, source = play(recording, speed=None, loop=False, parser=ParserProcess)
    assert source._worker is not None
    assert [e.tweet for e in worker if isinstance(e, TweetReceived)] == [
        e.tweet for e in inline if isinstance(e, TweetReceived)
    ]
    assert [(e.line, e.reason) for e in worker if isinstance(e, MalformedRecord)] == [
        (e.line, e.reason) for e in inline if isinstance(e, MalformedRecord)
    ]


def test_parsing_carries_on_here_when_the_worker_process_dies(tmp_path: Path) -> None:
    from blueroom.engine.parser import CHUNK_LINES

    count = CHUNK_LINES * 4
    path = write_recording(
        tmp_path / "long.jsonl", [post(str(n), f"post {n}") for n in range(count)]
    )
    bus = Bus()
    subscription = bus.subscribe("test", capacity=count * 2)
    killed: list[bool] = []

    def publish_then_kill_the_worker(events: Sequence[Event]) -> int:
        worker = source._worker
        if not killed and worker is not None and any(isinstance(e, TweetReceived) for e in events):
            worker._process.kill()  # mid-play: chunks are still to come
            killed.append(True)
        return bus.publish_many(events)

    source = ReplaySource(
        path, publish_then_kill_the_worker, speed=None, loop=False, parser=ParserProcess
    )
    source.start()
    assert source.wait_finished(10.0)
    source.stop()
    assert killed and source._worker is not None and source._worker.failed
    ids = [e.tweet.id for e in subscription.drain() if isinstance(e, TweetReceived)]
    assert ids == [str(n) for n in range(count)], "every post once, in order"
    assert source.stats().state is SourceState.FINISHED


def test_the_worker_stops_streaming_when_the_reader_stops_early(tmp_path: Path) -> None:
    from blueroom.engine.parser import CHUNK_LINES

    count = CHUNK_LINES * 5
    path = write_recording(
        tmp_path / "long.jsonl", [post(str(n), f"post {n}") for n in range(count)]
    )
    worker = ParserProcess()
    worker.start()
    try:
        first = worker.play(path)
        taken = [next(first) for _ in range(10)]
        first.close()  # as a stopped source does: the worker is told, the pipe drained
        again = list(worker.play(path, start_line=count - 3, loop=1, duration=60.0))
    finally:
        worker.stop()
    assert not worker.failed
    assert [n for n, _ in taken] == list(range(1, 11))
    assert [n for n, _ in again] == [count - 2, count - 1, count]
    assert [p.tweets[0].id for _, p in again] == [
        str(int(n) + 10**18) for n in (count - 3, count - 2, count - 1)
    ]


def test_an_unreadable_recording_in_the_worker_is_a_failed_state(tmp_path: Path) -> None:
    packed = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(
        b"".join(json.dumps(post(str(n), "x" * 800)).encode() + b"\n" for n in range(12_000))
    )
    packed.write_bytes(whole[: len(whole) // 2])  # a recording cut off mid-copy
    events, source = play(packed, speed=None, loop=False, parser=ParserProcess)
    states = [e for e in events if isinstance(e, SourceStateChanged)]
    assert states[-1].state is SourceState.FAILED
    assert "cut.jsonl.gz" in states[-1].detail and "ends early" in states[-1].detail
    assert source.stats().posts > 0, "what could be read was played"
    _, inline = play(packed, speed=None, loop=False)
    assert source.stats().posts == inline.stats().posts, "the worker plays every line it read"


def test_skipping_starts_the_first_play_later_in_the_recording(tmp_path: Path) -> None:
    path = write_recording(
        tmp_path / "long.jsonl",
        [post(str(n), "hi", created_at=f"2026-11-24T18:{n:02d}:00.000Z") for n in range(10)],
    )
    events, _ = play(path, speed=None, loop=False, skip_seconds=5 * 60)
    assert [e.tweet.id for e in events if isinstance(e, TweetReceived)] == ["5", "6", "7", "8", "9"]


def test_a_post_dated_years_away_does_not_park_the_replay(tmp_path: Path) -> None:
    path = write_recording(
        tmp_path / "odd.jsonl",
        [
            post("1", "a", created_at="2026-11-24T18:00:00.000Z"),
            post("2", "b", created_at="2099-01-01T00:00:00.000Z"),
            post("3", "c", created_at="2026-11-24T18:00:01.000Z"),
        ],
    )
    started = time.monotonic()
    events, _ = play(path, speed=10.0, loop=False)
    assert [e.tweet.id for e in events if isinstance(e, TweetReceived)] == ["1", "2", "3"]
    assert time.monotonic() - started < 5.0


def test_stopping_a_full_speed_replay_is_prompt() -> None:
    DEMO_EVENT = assets().demo_event

    bus = Bus()
    bus.subscribe("sink", capacity=10**7)
    source = ReplaySource(DEMO_EVENT, bus.publish_many, speed=None, parser=ParserProcess)
    source.start()
    deadline = time.monotonic() + 10
    while source.stats().posts < 5_000 and time.monotonic() < deadline:
        time.sleep(0.05)
    started = time.monotonic()
    source.stop(5.0)
    assert time.monotonic() - started < 2.0
    assert source.stats().state is SourceState.STOPPED


def test_a_loop_moves_every_id_even_odd_ones() -> None:
    from blueroom.core.tweet import Tweet
    from blueroom.sources.loops import shift_for_loop

    post_ = Tweet(
        id="2125277567125588826",
        text="hi",
        created_at=100.0,
        conversation_id="2125277567125588826",
        retweet_of="²³",  # digits to isdigit(), not to int(): must not crash a replay
        reply_to="abc",
    )
    moved = shift_for_loop(post_, 2, 3600.0)
    assert moved.id == moved.conversation_id == str(2125277567125588826 + 2 * 10**18)
    assert moved.created_at == 100.0 + 2 * 3600.0
    assert (moved.retweet_of, moved.reply_to, moved.quote_of) == ("²³~2", "abc~2", None)
    assert shift_for_loop(post_, 0, 3600.0) is post_


def test_parsing_on_a_loop_builds_what_shifting_the_parsed_posts_gives() -> None:
    """The parser builds a loop's posts directly; they are the posts ``LoopShift`` makes."""
    from itertools import islice

    DEMO_EVENT = assets().demo_event
    from blueroom.sources.loops import LoopShift
    from blueroom.sources.recording import open_lines
    from blueroom.sources.x_payload import PayloadParser

    with open_lines(DEMO_EVENT) as handle:
        lines = list(islice(handle, 3000))
    odd = post(
        "²³", "odd id", conversation_id="x1", referenced_tweets=[{"type": "quoted", "id": "q"}]
    )
    lines.append(json.dumps(odd).encode())
    plain, direct = PayloadParser(), PayloadParser()
    for loop in (0, 3):
        shift, direct_shift = LoopShift(loop, 3600.0), LoopShift(loop, 3600.0)
        posts = 0
        for raw in lines:
            originals = plain.parse(raw).tweets
            expected = [shift(t) for t in originals]
            assert direct.parse(raw, direct_shift).tweets == expected
            if loop:
                assert all(a.id != b.id for a, b in zip(originals, expected, strict=True))
            posts += len(expected)
        assert posts > 2900


def test_a_damaged_gzip_recording_says_so(tmp_path: Path) -> None:
    packed = tmp_path / "damaged.jsonl.gz"
    whole = gzip.compress(
        b"".join(json.dumps(post(str(n), f"post {n} " * 40)).encode() + b"\n" for n in range(4000))
    )
    middle = len(whole) // 2
    packed.write_bytes(whole[:middle] + bytes(4096) + whole[middle + 4096 :])
    for parser in (ParserProcess, None):
        events, _ = play(packed, speed=None, loop=False, parser=parser)
        states = [e for e in events if isinstance(e, SourceStateChanged)]
        assert states[-1].state is SourceState.FAILED
        assert "damaged.jsonl.gz" in states[-1].detail
        assert "damaged" in states[-1].detail.split("damaged.jsonl.gz", 1)[1]
