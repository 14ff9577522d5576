"""Replays that loop: each loop gives posts fresh ids and later times."""

from __future__ import annotations

from typing import Any

import msgspec

from blueroom.core.tweet import Tweet

_LOOP_ID_STRIDE = 10**18
MAX_REMEMBERED_IDS = 200_000


def loop_id(value: str, loop: int) -> str:
    """An id as it is on loop ``loop``: numeric ids move up by a stride, others get a suffix."""
    if value.isascii() and value.isdigit():
        return str(int(value) + loop * _LOOP_ID_STRIDE)
    return f"{value}~{loop}"


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
        """``tweet`` as on this loop (the parser can also build it so: ``parse(raw, shift)``)."""
        loop = self.loop
        if loop == 0:
            return tweet
        new_id = loop_id(tweet.id, loop)
        fields: dict[str, Any] = {"id": new_id}
        if tweet.created_at:
            fields["created_at"] = tweet.created_at + self.offset
        conversation = tweet.conversation_id
        if conversation is not None:
            fields["conversation_id"] = (
                new_id if conversation == tweet.id else self.referred(conversation)
            )
        if tweet.retweet_of is not None:
            fields["retweet_of"] = self.referred(tweet.retweet_of)
        if tweet.reply_to is not None:
            fields["reply_to"] = self.referred(tweet.reply_to)
        if tweet.quote_of is not None:
            fields["quote_of"] = self.referred(tweet.quote_of)
        return msgspec.structs.replace(tweet, **fields)

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
