"""The bus: ordered, thread-safe, batched; nothing lost silently; critical events never shed."""

from __future__ import annotations

import threading
import time

from blueroom.core.bus import Bus, Overflow
from blueroom.core.events import (
    Event,
    QuestionState,
    QuestionStateChanged,
    SessionStepChanged,
    TweetReceived,
)
from blueroom.core.tweet import Tweet


def tweet_event(number: int, text: str = "bravo") -> TweetReceived:
    return TweetReceived(tweet=Tweet(id=str(number), text=text), source="test")


def test_concurrent_publishers_lose_nothing_and_keep_each_publishers_order() -> None:
    bus = Bus()
    subscription = bus.subscribe("all", capacity=1_000_000)
    publishers, per_publisher = 8, 20_000
    received: list[Event] = []

    def publish(prefix: int) -> None:
        batch: list[Event] = []
        for n in range(per_publisher):
            batch.append(tweet_event(prefix * 1_000_000 + n))
            if len(batch) == 97:
                bus.publish_many(batch)
                batch = []
        bus.publish_many(batch)

    threads = [threading.Thread(target=publish, args=(p,)) for p in range(publishers)]
    consumer_done = threading.Event()

    def consume() -> None:
        while not consumer_done.is_set() or subscription.stats().queued:
            received.extend(subscription.get_batch(0.01))

    consumer = threading.Thread(target=consume)
    consumer.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    consumer_done.set()
    consumer.join()

    ids = [int(e.tweet.id) for e in received if isinstance(e, TweetReceived)]
    assert len(ids) == publishers * per_publisher
    assert len(set(ids)) == len(ids)
    for prefix in range(publishers):
        mine = [i for i in ids if i // 1_000_000 == prefix]
        assert mine == sorted(mine), "a publisher's events were reordered"
    assert bus.published == publishers * per_publisher
    assert subscription.stats().shed == 0


def test_a_full_shed_subscription_counts_what_it_sheds_and_keeps_questions_and_decisions() -> None:
    bus = Bus()
    slow = bus.subscribe("wall", capacity=10, overflow=Overflow.SHED)
    chatter = [tweet_event(n) for n in range(50)]
    question = tweet_event(999, "Léa, pourquoi la musique ?")
    decision = QuestionStateChanged(tweet_id="999", state=QuestionState.APPROVED)
    bus.publish_many([*chatter, question, decision])

    stats = slow.stats()
    assert stats.shed == 40
    assert slow.drain() == [decision], "a person's decision comes out first, alone"
    kept = slow.drain()
    assert len(kept) == 11 and kept[-1] == question
    assert slow.stats().delivered == 12


def test_a_block_subscription_applies_backpressure_instead_of_shedding() -> None:
    bus = Bus()
    journal = bus.subscribe("journal", capacity=100, overflow=Overflow.BLOCK, block_timeout=5.0)
    written: list[Event] = []
    stop = threading.Event()

    def slow_writer() -> None:
        while not stop.is_set() or journal.stats().queued:
            written.extend(journal.get_batch(0.01, max_items=10))
            time.sleep(0.001)

    writer = threading.Thread(target=slow_writer)
    writer.start()
    for n in range(2_000):
        bus.publish(tweet_event(n))
        assert journal.stats().queued <= 101
    stop.set()
    writer.join()
    assert len(written) == 2_000
    assert journal.stats().shed == 0


def test_a_stuck_block_subscriber_is_shed_after_its_timeout_and_it_says_so() -> None:
    bus = Bus()
    stuck = bus.subscribe("journal", capacity=5, overflow=Overflow.BLOCK, block_timeout=0.05)
    started = time.monotonic()
    bus.publish_many([tweet_event(n) for n in range(5)])
    for n in range(5, 20):
        bus.publish(tweet_event(n))
    elapsed = time.monotonic() - started
    stats = stuck.stats()
    assert stats.stalled
    assert stats.shed == 15
    assert elapsed < 1.0, "publishers waited once, not once per event"
    bus.publish(SessionStepChanged(step=1, step_id="x"))
    assert stuck.stats().queued == 6, "critical events are queued even when stalled"


def test_a_decision_jumps_the_queue_of_posts_and_decisions_keep_their_order() -> None:
    bus = Bus()
    journal = bus.subscribe("journal", capacity=100_000, overflow=Overflow.BLOCK)
    bus.publish_many([tweet_event(n) for n in range(10_000)])
    first = journal.get_batch(0.01, max_items=1_000)
    assert len(first) == 1_000
    approve = QuestionStateChanged(tweet_id="5", state=QuestionState.APPROVED)
    on_air = QuestionStateChanged(tweet_id="5", state=QuestionState.ON_AIR)
    bus.publish(approve)
    bus.publish_many([tweet_event(20_000), on_air])
    assert journal.get_batch(0.01, max_items=1_000) == [approve, on_air]
    rest = []
    while batch := journal.get_batch(0.01, max_items=1_000):
        assert not any(e.urgent for e in batch)
        rest += batch
    assert [e.tweet.id for e in rest] == [str(n) for n in range(1_000, 10_000)] + ["20000"]
    assert journal.stats().queued == 0 and journal.stats().delivered == 10_003


def test_unsubscribed_subscriptions_get_nothing_more() -> None:
    bus = Bus()
    subscription = bus.subscribe("gone")
    bus.unsubscribe(subscription)
    bus.publish(tweet_event(1))
    assert subscription.drain() == []
    assert bus.stats() == []
