"""Replays that loop: each loop gives posts fresh ids and later times."""

from __future__ import annotations

import msgspec

from blueroom.core.tweet import Tweet

_LOOP_ID_STRIDE = 10**18


def shift_for_loop(tweet: Tweet, loop: int, duration: float) -> Tweet:
    """The same post as it would arrive on loop ``loop``: new ids, later time."""
    if loop == 0:
        return tweet

    def new_id(value: str | None) -> str | None:
        if value is None:
            return None
        return str(int(value) + loop * _LOOP_ID_STRIDE) if value.isdigit() else f"{value}~{loop}"

    return msgspec.structs.replace(
        tweet,
        id=new_id(tweet.id),
        created_at=tweet.created_at + loop * duration if tweet.created_at else 0.0,
        retweet_of=new_id(tweet.retweet_of),
        quote_of=new_id(tweet.quote_of),
        reply_to=new_id(tweet.reply_to),
        conversation_id=new_id(tweet.conversation_id),
    )
