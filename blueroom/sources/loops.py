"""Replays that loop: each loop gives posts fresh ids and later times."""

from __future__ import annotations

from typing import Any

import msgspec

from blueroom.core.tweet import Tweet

_LOOP_ID_STRIDE = 10**18


def loop_id(value: str, loop: int) -> str:
    """An id as it is on loop ``loop``: numeric ids move up by a stride, others get a suffix."""
    if value.isascii() and value.isdigit():
        return str(int(value) + loop * _LOOP_ID_STRIDE)
    return f"{value}~{loop}"


def shift_for_loop(tweet: Tweet, loop: int, duration: float) -> Tweet:
    """The same post as it would arrive on loop ``loop``: new ids, later time."""
    if loop == 0:
        return tweet
    new_id = loop_id(tweet.id, loop)
    fields: dict[str, Any] = {"id": new_id}
    if tweet.created_at:
        fields["created_at"] = tweet.created_at + loop * duration
    conversation = tweet.conversation_id
    if conversation is not None:
        fields["conversation_id"] = (
            new_id if conversation == tweet.id else loop_id(conversation, loop)
        )
    if tweet.retweet_of is not None:
        fields["retweet_of"] = loop_id(tweet.retweet_of, loop)
    if tweet.reply_to is not None:
        fields["reply_to"] = loop_id(tweet.reply_to, loop)
    if tweet.quote_of is not None:
        fields["quote_of"] = loop_id(tweet.quote_of, loop)
    return msgspec.structs.replace(tweet, **fields)
