"""Which posts are for the guest, and which of them ask the guest something.

The cheap first pass (``looks_like_question``) protects possible questions from the
bus's shedding and spares the careful pass (``asking.read_post``) the posts that surely
ask nothing; moderation and clustering come on top of them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from blueroom.core.asking import NO_QUESTION, Guest, Reading, read_post
from blueroom.core.tweet import Tweet

# Words that may make a post a question, anywhere in it: question words (and their
# texting spellings), inversions, indirect and elliptic askings. Generous on purpose:
# whatever passes is read by the careful pass (``asking.read_post``).
_CUES = (
    r"what|whats|wat|why|how|hows|when|where|who|whos|which|whose|"
    r"qui|ki|ke|quoi|koi|pense|penses|quel|quelle|quels|quelles|kel|quand|qd|ou|où|pourquoi|pk|pq|"
    r"comment|combien|est[- ]ce|c|à quand|"
    r"do|does|did|are|is|have|has|can|could|will|would|should|u ever|you ever|"
    r"any|tips|advice|thoughts|take|curious|wonder|wondered|wondering|know|hear|tell|"
    r"conseil|conseils|avis|savoir|demande|demandais|dis-nous|explique|raconte|redonne|"
    r"nah|pas|question"
)
_MARKS = ("?", "？", "؟", "¿")
_CUE = re.compile(r"\b(?:" + _CUES + r")\b|\w-(?:tu|vous|il|elle|on)\b")


def looks_like_question(text: str) -> bool:
    """The cheap first pass: False when the post surely asks nothing (no question mark,
    no question word, no inversion or indirect asking in its first 400 characters)."""
    head = text[:400]
    if any(mark in head for mark in _MARKS):
        return True
    return _CUE.search(head.lower()) is not None


@dataclass(frozen=True, slots=True)
class QuestionRules:
    """What makes a post a question for this guest."""

    hashtags: frozenset[str] = frozenset()  # lower case, without '#'
    guest_handles: frozenset[str] = frozenset()  # lower case, without '@'
    room_handles: frozenset[str] = frozenset()
    guest_name: str = ""  # as the settings write it: "Léa Marchand"

    # The guest's and the room's handles together: worked out once, not once a post.
    own_handles: frozenset[str] = field(init=False, repr=False, compare=False)
    guest: Guest = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "own_handles", self.guest_handles | self.room_handles)
        guest = Guest.named(self.guest_name, self.guest_handles, self.room_handles)
        object.__setattr__(self, "guest", guest)

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

    def for_guest(self, tweet: Tweet, account_ids: AbstractSet[str] = frozenset()) -> bool:
        """Addressed to the guest, not a retweet, not the room's own post."""
        if tweet.retweet_of is not None:
            return False
        author = tweet.author
        if author is not None and author.username.lower() in self.room_handles:
            return False
        return self.addressed(tweet, account_ids)

    def read_text(self, text: str) -> Reading:
        """Whether a text for the guest asks them something, and why (pure: the same text
        always reads the same, so a caller may keep the readings)."""
        if not looks_like_question(text):
            return Reading(False, NO_QUESTION)
        return read_post(text, self.guest)

    def read(self, tweet: Tweet, account_ids: AbstractSet[str] = frozenset()) -> Reading | None:
        """How a post addressed to the guest reads: a question or not, and why. None for
        a post that is not for the guest (not addressed, a retweet, the room's own)."""
        if not self.for_guest(tweet, account_ids):
            return None
        return self.read_text(tweet.text)

    def is_question(self, tweet: Tweet, account_ids: AbstractSet[str] = frozenset()) -> bool:
        reading = self.read(tweet, account_ids)
        return reading is not None and reading.question
