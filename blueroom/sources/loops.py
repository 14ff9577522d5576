"""Replays that loop: each loop gives posts fresh ids and later times."""

from __future__ import annotations

from typing import NamedTuple

import msgspec

from blueroom.core.tweet import Tweet

_LOOP_ID_STRIDE = 10**18
MAX_REMEMBERED_IDS = 200_000


def loop_id(value: str, loop: int) -> str:
    """An id as it is on loop ``loop``: numeric ids move up by a stride, others get a suffix."""
    if value.isascii() and value.isdigit():
        return str(int(value) + loop * _LOOP_ID_STRIDE)
    return f"{value}~{loop}"


class Moved(NamedTuple):
    """What a loop changes in a post."""

    id: str
    created_at: float
    conversation_id: str | None
    retweet_of: str | None
    reply_to: str | None
    quote_of: str | None


class LoopShift:
    """Moves posts to loop ``loop``: new ids (references follow), times ``loop × duration``
    later. The ids posts refer to (the post retweeted, replied to, quoted) come back again
    and again in a recording: each is worked out once."""

    def __init__(self, loop: int, duration: float) -> None:
        self.loop = loop
        self.duration = duration
        self.offset = loop * duration  # seconds added to a post's time
        self._referred: dict[str, str] = {}

    def __call__(self, tweet: Tweet) -> Tweet:
        """``tweet`` as on this loop (the parser builds it so directly: ``parse(raw, shift)``)."""
        if self.loop == 0:
            return tweet
        moved = self.move(
            tweet.id,
            tweet.created_at,
            tweet.conversation_id,
            tweet.retweet_of,
            tweet.reply_to,
            tweet.quote_of,
        )
        return msgspec.structs.replace(tweet, **moved._asdict())

    def move(
        self,
        post_id: str,
        created_at: float,
        conversation_id: str | None,
        retweet_of: str | None,
        reply_to: str | None,
        quote_of: str | None,
    ) -> Moved:
        """A post's ids and time on this loop (loop 1 and later)."""
        new_id = loop_id(post_id, self.loop)
        referred = self.referred
        if conversation_id is not None:  # a thread's first post is its conversation
            conversation_id = new_id if conversation_id == post_id else referred(conversation_id)
        return Moved(
            new_id,
            created_at + self.offset if created_at else created_at,
            conversation_id,
            None if retweet_of is None else referred(retweet_of),
            None if reply_to is None else referred(reply_to),
            None if quote_of is None else referred(quote_of),
        )

    def referred(self, referred: str) -> str:
        """The id a post refers to (retweeted, replied to, quoted), on this loop."""
        moved = self._referred.get(referred)
        if moved is None:
            if len(self._referred) >= MAX_REMEMBERED_IDS:
                self._referred.clear()
            moved = self._referred[referred] = loop_id(referred, self.loop)
        return moved


def shift_for_loop(tweet: Tweet, loop: int, duration: float) -> Tweet:
    """The same post as it would arrive on loop ``loop``: new ids, later time."""
    return LoopShift(loop, duration)(tweet)
