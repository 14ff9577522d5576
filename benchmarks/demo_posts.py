"""The demo event's posts for the benchmarks: parsed once, then looped with fresh ids.

Imported by the benchmarks (running it alone does nothing).
"""

from __future__ import annotations

from blueroom.core.events import Event, TweetReceived
from blueroom.core.tweet import Tweet
from blueroom.paths import assets
from blueroom.sources.loops import shift_for_loop
from blueroom.sources.recording import open_lines
from blueroom.sources.x_payload import PayloadParser

DEMO_EVENT = assets().demo_event


def demo_posts() -> list[Tweet]:
    parser = PayloadParser()
    with open_lines(DEMO_EVENT) as handle:
        return [tweet for line in handle for tweet in parser.parse(line).tweets]


def looped(tweets: list[Tweet], total: int) -> list[Event]:
    """``total`` posts: the event again and again, each loop an hour later with fresh ids."""
    events: list[Event] = []
    loop = 0
    while len(events) < total:
        for tweet in tweets[: total - len(events)]:
            shifted = shift_for_loop(tweet, loop, 3600.0)
            events.append(TweetReceived(tweet=shifted, at=shifted.created_at or 1.0))
        loop += 1
    return events
