"""The bus alone: events/s from 4 publisher threads to 2 subscribers drained in batches.

python benchmarks/bus.py
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blueroom.core.bus import Bus, Overflow  # noqa: E402
from blueroom.core.events import Event, TweetReceived  # noqa: E402
from blueroom.core.tweet import Tweet  # noqa: E402

PUBLISHERS = 4
PER_PUBLISHER = 250_000
BATCH = 500


def main() -> None:
    bus = Bus()
    subscriptions = [
        bus.subscribe("journal", capacity=200_000, overflow=Overflow.BLOCK),
        bus.subscribe("screens", capacity=200_000),
    ]
    events: list[Event] = [TweetReceived(tweet=Tweet(id=str(n), text="x")) for n in range(BATCH)]
    received = [0, 0]
    done = threading.Event()

    def drain(index: int) -> None:
        while not done.is_set() or subscriptions[index].stats().queued:
            received[index] += len(subscriptions[index].get_batch(0.01, 5_000))

    def publish() -> None:
        for _ in range(PER_PUBLISHER // BATCH):
            bus.publish_many(events)

    drainers = [threading.Thread(target=drain, args=(i,)) for i in range(2)]
    publishers = [threading.Thread(target=publish) for _ in range(PUBLISHERS)]
    started = time.perf_counter()
    for thread in drainers + publishers:
        thread.start()
    for thread in publishers:
        thread.join()
    done.set()
    for thread in drainers:
        thread.join()
    elapsed = time.perf_counter() - started
    total = PUBLISHERS * PER_PUBLISHER
    assert received == [total, total - subscriptions[1].stats().shed], received
    print(f"bus: {total / elapsed:,.0f} events/s published, each to 2 subscribers in batches")
    print(f"bus: shed by the screens subscriber under full load: {subscriptions[1].stats().shed:,}")


if __name__ == "__main__":
    main()
