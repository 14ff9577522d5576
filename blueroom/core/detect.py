"""Which posts read as questions for the guest (French and English).

The cheap first pass: the bus uses it to protect questions from shedding, the
question board to pick candidates; moderation and clustering come on top of it.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from blueroom.core.tweet import Tweet

_INTERROGATIVE_OPENINGS = (
    # English
    "what",
    "why",
    "how",
    "when",
    "where",
    "who",
    "which",
    "whose",
    "will you",
    "would you",
    "could you",
    "can you",
    "do you",
    "did you",
    "have you",
    "are you",
    "is it",
    "is there",
    "should",
    # French
    "est-ce que",
    "est ce que",
    "pourquoi",
    "comment",
    "quand",
    "où",
    "ou est",
    "qui",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "combien",
    "qu'est-ce",
    "qu’est-ce",
    "que penses",
    "as-tu",
    "avez-vous",
    "peux-tu",
    "pouvez-vous",
    "vas-tu",
    "allez-vous",
    "tu penses",
    "c'est quoi",
    "c’est quoi",
)

_LEADING_NOISE = re.compile(r"^(?:\s|RT\b|[@#]\w+[:,]?)+", re.UNICODE)
_OPENING = re.compile(
    r"^(?:" + "|".join(re.escape(o) for o in _INTERROGATIVE_OPENINGS) + r")\b",
    re.IGNORECASE | re.UNICODE,
)


def looks_like_question(text: str) -> bool:
    """True when the text asks something: a question mark or an interrogative opening."""
    if "?" in text or "？" in text or "؟" in text:
        return True
    body = _LEADING_NOISE.sub("", text[:200])
    return _OPENING.match(body) is not None


@dataclass(frozen=True, slots=True)
class QuestionRules:
    """What makes a post a question for this guest."""

    hashtags: frozenset[str] = frozenset()  # lower case, without '#'
    guest_handles: frozenset[str] = frozenset()  # lower case, without '@'
    room_handles: frozenset[str] = frozenset()

    # The guest's and the room's handles together: worked out once, not once a post.
    own_handles: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "own_handles", self.guest_handles | self.room_handles)

    def addressed(self, tweet: Tweet, account_ids: AbstractSet[str] = frozenset()) -> bool:
        """Tagged with the event, mentioning the guest or the room, or replying to one
        of their posts (``account_ids``: the guest's and the room's X account ids)."""
        if tweet.matching_tags:
            return True
        if any(tag.lower() in self.hashtags for tag in tweet.hashtags):
            return True
        handles = self.own_handles
        if any(m.lower() in handles for m in tweet.mentions):
            return True
        return tweet.reply_to_user is not None and tweet.reply_to_user in account_ids

    def is_own_account(self, tweet: Tweet) -> bool:
        """Posted by the guest or the room (their ids are learned from their posts)."""
        author = tweet.author
        return author is not None and author.username.lower() in self.own_handles

    def is_question(self, tweet: Tweet, account_ids: AbstractSet[str] = frozenset()) -> bool:
        return (
            tweet.retweet_of is None
            and not (
                tweet.author is not None and tweet.author.username.lower() in self.room_handles
            )
            and looks_like_question(tweet.text)
            and self.addressed(tweet, account_ids)
        )
