"""Moderation of the demo event's posts: how many Moderator.check calls a second.

python benchmarks/moderation.py

Every post of the recording is checked with the default rules, at its own time (so the
flood memory works as in a replay). The best of a few passes is kept: on a shared
machine the others only measure the neighbours.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blueroom.core.moderation import Moderator  # noqa: E402
from blueroom.core.tweet import Tweet  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.sources.recording import open_lines  # noqa: E402
from blueroom.sources.x_payload import PayloadParser  # noqa: E402

DEMO_EVENT = assets().demo_event

PASSES = 7


def demo_tweets() -> list[Tweet]:
    parser = PayloadParser()
    with open_lines(DEMO_EVENT) as handle:
        return [tweet for line in handle for tweet in parser.parse(line).tweets]


def seconds_a_pass(tweets: list[Tweet]) -> float:
    moderator = Moderator()
    started = time.perf_counter()
    for tweet in tweets:
        moderator.check(tweet, tweet.created_at)
    return time.perf_counter() - started


def main() -> None:
    tweets = demo_tweets()
    best = min(seconds_a_pass(tweets) for _ in range(PASSES))
    rate = len(tweets) / best
    print(f"moderation check: {rate:,.0f} posts/s ({1e6 / rate:.1f} µs a post)")


if __name__ == "__main__":
    main()
