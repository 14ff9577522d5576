"""The question board: every question for the guest, its moderation and its state.

Built only from events, so replaying a journal rebuilds it exactly: automatic verdicts
depend only on the post, the rules in force (rules changes are events) and the event
times. A question that says what an earlier one said joins that question's *card*
("asked by 37 people"); the card is what is moderated, starred, armed and put on air.

States: pending → approved / rejected (the restorable trash) → on air → answered, and
back (un-approve, requeue, restore); stashed keeps a question for later. Exactly one
card is on air. Every human decision can be undone, in reverse order.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, fields
from enum import StrEnum
from itertools import islice, repeat

import msgspec
import numpy as np

from blueroom.core import asking, detect, wording
from blueroom.core.asking import NOT_QUESTION_REASONS, PROMOTED, QUESTION_REASONS, Reading
from blueroom.core.clusters import ClustersState, QuestionClusters
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    DecisionUndone,
    Event,
    ModerationRulesChanged,
    PostDeleted,
    PostPromoted,
    QuestionArmed,
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
)
from blueroom.core.moderation import Action, ModerationRules, Moderator
from blueroom.core.phrases import Phrase
from blueroom.core.stamps import carried, code_stamp, stamp
from blueroom.core.tweet import Tweet
from blueroom.core.wording import fold

RULE_ACTOR = "rule"
SUPPORT_BURST_MIN = 5  # new-account supporters before a card is flagged for it
_BURST = "support_burst"
# The board's own reasons (the rules' are moderation.REASONS), read back by the screens.
SUPPORT_BURST = Phrase(
    _BURST,
    "support burst: {supporters} supporters have accounts under {days} days old (not counted)",
    numbers=("supporters", "days"),
)
AUTO_APPROVED = Phrase("auto_approved", "auto-approved: clean")
OPERATOR_REJECTED = Phrase("operator_rejected", "rejected by operator")  # the console's reject
# What X tells the board about a post it holds (the screens show them in English for now).
DELETED_ON_X = Phrase("deleted_on_x", "deleted by its author on X")
EDITED_ON_X = Phrase("edited_on_x", "edited on X after it arrived: check it again")
X_ACTOR = "x"
_DELETED = "deleted_on_x"
_EDITED = "edited_on_x"
MAX_UNDO = 500
MAX_HISTORY = 50
WALL_APPROVED_LIMIT = 200
# Posts for the guest judged not questions, the newest kept to be promoted (all counted).
PASSED_OVER_LIMIT = 2_000
READINGS_KEPT = 50_000
# The code a reading depends on besides the text and the rules' settings (see stamps.py).
_READING_CODE = code_stamp((asking.__file__, detect.__file__, wording.__file__))
_REASONS = {phrase.code: phrase for phrase in (*QUESTION_REASONS, *NOT_QUESTION_REASONS)}
ANSWERED_LIMIT = 100


class Question(msgspec.Struct, frozen=True, gc=False):
    """One card as the screens show it (plain data, safe to send to another process)."""

    tweet_id: str
    text: str
    handle: str
    name: str
    followers: int
    lang: str
    received_at: float
    state: QuestionState
    changed_at: float
    supporters: int = 0  # distinct accounts: askers and retweeters, new accounts aside
    asked_by: int = 1  # posts in the card (the first and its near-duplicates)
    likes: int = 0
    retweets: int = 0
    starred: bool = False
    reason: str = ""  # why the last decision was taken (always set by a rule)
    rule: str = ""  # the rule's code, when a rule decided
    actor: str = ""  # who took the last decision: "operator", "guest", "rule"
    flag: str = ""  # a rule's warning for the moderator, "" when none
    flag_reason: str = ""
    new_supporters: int = 0  # supporters whose accounts are days old, not counted
    verified: bool = False
    asks: str = ""  # why it was taken for a question (or not): an asking.py phrase

    @property
    def initials(self) -> str:
        """Up to two letters for an avatar: from the name, else the handle."""
        words = [w for w in (self.name or self.handle.lstrip("@")).split() if w[:1].isalnum()]
        letters = "".join(w[0] for w in words[:2]) if words else ""
        return (letters or "?").upper()


class QueueView(StrEnum):
    PENDING = "pending"
    FLAGGED = "flagged"
    APPROVED = "approved"
    STARRED = "starred"
    STASHED = "stashed"
    ANSWERED = "answered"
    TRASH = "trash"
    NOT_QUESTIONS = "not_questions"  # for the guest, judged or said not questions
    ALL = "all"


class QueueOrder(StrEnum):
    NEWEST = "newest"
    SUPPORT = "support"
    STARRED = "starred"  # starred first, newest first within


class QueueQuery(msgspec.Struct, frozen=True):
    view: QueueView = QueueView.PENDING
    order: QueueOrder = QueueOrder.NEWEST
    search: str = ""
    limit: int = 300


class QueuePage(msgspec.Struct, frozen=True):
    query: QueueQuery
    rows: tuple[Question, ...]
    total: int  # cards matching the query, of which ``rows`` are the first
    version: int


@dataclass(frozen=True, slots=True)
class BoardSnapshot:
    approved: tuple[Question, ...]  # in approval order: the wall's and the guest's list
    on_air: Question | None
    armed: Question | None
    answered: tuple[Question, ...]  # most recent first
    counts: dict[str, int]  # cards per QueueView
    received: int  # question posts received, near-duplicates included
    cards: int
    rules: ModerationRules
    version: int

    def count(self, view: QueueView) -> int:
        return self.counts.get(view.value, 0)


def empty_board() -> BoardSnapshot:
    return BoardSnapshot((), None, None, (), {}, 0, 0, ModerationRules(), -1)


class _Card(msgspec.Struct, gc=False):
    """Mutable, but untracked by the GC: it never holds a reference cycle."""

    tweet: Tweet
    received_at: float
    state: QuestionState = QuestionState.PENDING
    changed_at: float = 0.0
    reason: str = ""
    rule: str = ""
    actor: str = ""
    starred: bool = False
    flag: str = ""
    flag_reason: str = ""
    asked_by: int = 1
    supporters: set[str] | None = None  # account ids; the asker is counted apart
    new_supporters: set[str] | None = None
    retweets: int = 0
    history: list[tuple[float, str, str, str]] | None = None  # (at, state, actor, reason)
    search_key: str = ""
    frozen: Question | None = None
    asks: str = ""

    def freeze(self) -> Question:
        if self.frozen is None:
            author = self.tweet.author
            self.frozen = Question(
                tweet_id=self.tweet.id,
                text=self.tweet.text,
                handle=self.tweet.handle,
                name=author.name if author else "",
                followers=author.followers if author else 0,
                lang=self.tweet.lang,
                received_at=self.received_at,
                state=self.state,
                changed_at=self.changed_at,
                supporters=self.support,
                asked_by=self.asked_by,
                likes=self.tweet.metrics.likes,
                retweets=self.retweets,
                starred=self.starred,
                reason=self.reason,
                rule=self.rule,
                actor=self.actor,
                flag=self.flag,
                flag_reason=self.flag_reason,
                new_supporters=len(self.new_supporters) if self.new_supporters else 0,
                verified=bool(author and author.verified),
                asks=self.asks,
            )
        return self.frozen

    @property
    def support(self) -> int:
        return 1 + (len(self.supporters) if self.supporters else 0)

    def matches(self, needle: str) -> bool:
        """``needle`` folded (``search_needle``) in the text, the handle or the name,
        accents and case aside both ways ("tournee" finds "tournée" and the reverse)."""
        if not self.search_key:
            tweet = self.tweet
            name = tweet.author.name if tweet.author is not None else ""
            self.search_key = fold(f"{tweet.text}\n{tweet.handle}\n{name}")
        return needle in self.search_key


class _Merged(msgspec.Struct, frozen=True, gc=False):
    """A near-duplicate: a post counted on an earlier question's card (the post itself
    is kept only for an export: a live board would keep every re-asked post)."""

    tweet: Tweet | None
    received_at: float
    card_id: str
    flag: str = ""


_Undo = tuple[tuple[tuple[str, QuestionState, float, str, str, str, bool], ...], str | None, str]


class CardState(msgspec.Struct, frozen=True):
    tweet: Tweet
    received_at: float
    state: QuestionState
    changed_at: float
    reason: str
    rule: str
    actor: str
    starred: bool
    flag: str
    flag_reason: str
    asked_by: int
    supporters: list[str] | None
    new_supporters: list[str] | None
    retweets: int
    history: list[tuple[float, str, str, str]] | None
    asks: str = ""


class ReadingsState(msgspec.Struct, frozen=True):
    """How each text read (the board's cache), for a snapshot: a resume keeps it only
    under the same ``stamp`` (``readings_stamp``), else reads the texts afresh."""

    stamp: str
    texts: list[str]
    questions: bytes  # one per text: 1 for a question
    reasons: list[str]  # the code of each reading's reason


def _is_deleted(card: _Card) -> bool:
    return card.state is QuestionState.REJECTED and card.rule == _DELETED


def readings_stamp(rules: QuestionRules) -> str:
    """The code that reads texts and the rules' settings (a guest of another name reads
    "Léa ?" otherwise)."""
    settings = []
    for field in fields(rules):
        if field.init:
            value = getattr(rules, field.name)
            settings.append(
                f"{field.name}={sorted(value) if isinstance(value, frozenset) else value!r}"
            )
    return stamp(_READING_CODE, *settings)


class BoardState(msgspec.Struct, frozen=True):
    """Everything the board decides with, for a snapshot."""

    rules: ModerationRules
    flood_memory: list[tuple[str, list[float]]]
    clusters: ClustersState
    cards: list[CardState]  # in arrival order
    merged_ids: list[str]  # near-duplicates, in arrival order...
    merged_cards: bytes  # ...the card each is on (little-endian int32 index into ``cards``)
    merged_times: bytes  # ...when it came (little-endian float64)
    merged_flags: list[tuple[int, str]]  # ...and the rare ones a rule flagged
    merged_posts: list[Tweet] | None  # ...and the posts, when the board keeps them
    by_state: list[tuple[QuestionState, list[str]]]  # each state's cards, in change order
    on_air: str | None
    armed: str | None
    undo: list[_Undo]
    account_ids: list[str]
    received: int
    version: int
    decisions: int
    starred: int
    flagged_pending: int
    passed_over: list[CardState] = []  # the newest posts judged not questions
    not_questions: int = 0  # all of them
    promoted: int = 0
    demoted: int = 0
    readings: ReadingsState | None = None  # a cache: results never depend on it
    edited: list[tuple[str, str]] = []  # a later version's id → its card's id


@dataclass(frozen=True, slots=True)
class ExportRow:
    tweet: Tweet
    received_at: float
    state: str  # a QuestionState, or "merged" for a near-duplicate
    card_id: str
    asked_by: int
    supporters: int
    starred: bool
    flag: str
    rule: str
    actor: str
    reason: str
    decisions: tuple[tuple[float, str, str, str], ...]


class QuestionBoard:
    """Cards and their states, built only from events (so a replayed journal rebuilds it).

    ``apply`` runs on the model worker; ``latest``/``page`` are cheap for any thread:
    the snapshot is rebuilt at most once per change.
    """

    def __init__(
        self,
        rules: QuestionRules,
        moderation: ModerationRules | None = None,
        *,
        ignored_words: Iterable[str] = (),
        keep_posts: bool = True,
    ) -> None:
        """``keep_posts``: keep every re-asked post, for ``export_rows`` (the live room
        does not: it exports from the journal)."""
        self._keep_posts = keep_posts
        self._rules = rules
        self._moderation = moderation or ModerationRules()
        self._moderator = Moderator(self._moderation)
        self._clusters = QuestionClusters(ignored_words=ignored_words)
        self._lock = threading.RLock()
        self._cards: dict[str, _Card] = {}  # in arrival order
        self._merged: dict[str, _Merged] = {}
        self._by_state: dict[QuestionState, dict[str, _Card]] = {s: {} for s in QuestionState}
        self._on_air: str | None = None
        self._armed: str | None = None
        self._undo: list[_Undo] = []
        self._account_ids: set[str] = set()  # the guest's and the room's X accounts
        self._received = 0
        self._version = 0
        self._decisions = 0  # human decisions and rule changes: the walls show them at once
        self._starred = 0
        self._flagged_pending = 0  # kept as cards change, not counted per snapshot
        # Posts for the guest that ask nothing (by the rules): the newest, to be promoted.
        self._passed_over: dict[str, _Card] = {}
        self._not_questions = 0
        self._readings: dict[str, Reading] = {}  # text → how it reads (the same text recurs)
        self._readings_stamp = readings_stamp(rules)
        self._promoted = 0  # corrections by a person, both ways
        self._demoted = 0
        self._cached: BoardSnapshot | None = None
        self._edited: dict[str, str] = {}  # a later version's id → the id its card keeps

    # -- events ------------------------------------------------------------------------

    def apply(self, events: Iterable[Event]) -> None:
        with self._lock:
            for event in events:
                match event:
                    case TweetReceived(tweet=tweet):
                        if not tweet.replaces or not self._replace(tweet, event.at):
                            self._receive(tweet, event.at)
                    case PostDeleted(tweet_id=tweet_id):
                        self._delete(tweet_id, event.at)
                    case QuestionStateChanged():
                        self._decisions += 1
                        self._decide(event)
                    case PostPromoted():
                        self._decisions += 1
                        self._promote(event)
                    case QuestionStarred():
                        self._decisions += 1
                        self._star(event)
                    case QuestionArmed():
                        self._decisions += 1
                        self._arm(event)
                    case DecisionUndone():
                        self._decisions += 1
                        self._undo_last(event.at)
                    case ModerationRulesChanged(rules=rules):
                        self._decisions += 1
                        self._moderation = rules
                        self._moderator.update(rules)  # keeps the flood memory
                        self._version += 1
                    case _:
                        continue

    def _receive(self, tweet: Tweet, at: float) -> None:
        if tweet.author is not None and self._rules.is_own_account(tweet):
            self._account_ids.add(tweet.author.id)  # replies to their posts are addressed
        if tweet.retweet_of is not None:
            self._support(tweet, at)
            return
        if tweet.id in self._cards or tweet.id in self._merged or tweet.id in self._passed_over:
            return
        if not self._rules.for_guest(tweet, self._account_ids):
            return
        reading = self._readings.get(tweet.text)
        if reading is None:
            if len(self._readings) >= READINGS_KEPT:
                self._readings.clear()  # simpler than an LRU; a reading never changes
            reading = self._readings[tweet.text] = self._rules.read_text(tweet.text)
        if not reading.question:
            self._pass_over(tweet, at, reading.reason.say())
            return
        self._take(tweet, at, reading.reason.say())

    def _replace(self, tweet: Tweet, at: float) -> bool:
        """An edited post: the newest version takes its earlier one's place (same card,
        same state, counted once); True when an earlier version was on the board.

        The card keeps the first version's id (decisions, the wall and the undo name it);
        a clean question already approved goes back to the queue: its new text was never
        checked by a person.
        """
        for old in tweet.replaces:
            key = self._edited.get(old, old)
            card = self._cards.get(key)
            if card is not None:
                self._edited[tweet.id] = key
                if card.state is not QuestionState.REJECTED or card.rule != _DELETED:
                    card.tweet = msgspec.structs.replace(tweet, id=key, replaces=())
                    card.search_key = ""
                    if card.state is QuestionState.APPROVED:
                        self._set_state(card, QuestionState.PENDING, at, X_ACTOR, EDITED_ON_X.say())
                    if card.state is QuestionState.PENDING or card.state is QuestionState.ON_AIR:
                        self._set_flag(card, _EDITED, EDITED_ON_X.say())
                    card.frozen = None
                    self._version += 1
                return True
            merged = self._merged.get(key)
            if merged is not None:
                self._edited[tweet.id] = key
                if merged.tweet is not None:
                    kept = msgspec.structs.replace(tweet, id=key, replaces=())
                    self._merged[key] = msgspec.structs.replace(merged, tweet=kept)
                return True
            passed = self._passed_over.get(key)
            if passed is not None:
                self._edited[tweet.id] = key
                passed.tweet = msgspec.structs.replace(tweet, id=key, replaces=())
                passed.frozen = None
                self._version += 1
                return True
        return False

    def _delete(self, tweet_id: str, at: float) -> None:
        """Its author deleted the post on X: off the walls and the queue for good (in the
        trash, where no person can restore it)."""
        key = self._edited.get(tweet_id, tweet_id)
        if self._passed_over.pop(key, None) is not None:
            self._version += 1
            return
        card = self._cards.get(key)
        if card is None or (card.state is QuestionState.REJECTED and card.rule == _DELETED):
            return
        self._set_flag(card, "", "")
        self._set_state(card, QuestionState.REJECTED, at, X_ACTOR, DELETED_ON_X.say())
        card.rule = _DELETED
        self._version += 1

    def _pass_over(self, tweet: Tweet, at: float, why: str) -> None:
        card = _Card(tweet=tweet, received_at=at, changed_at=at, asks=why)
        card.state, card.actor = QuestionState.NOT_QUESTION, RULE_ACTOR
        self._passed_over[tweet.id] = card
        self._not_questions += 1
        if len(self._passed_over) > PASSED_OVER_LIMIT:
            del self._passed_over[next(iter(self._passed_over))]
        self._version += 1

    def _promote(self, event: PostPromoted) -> None:
        """A person's word: the post is a question after all (a card they demoted goes
        back to the queue; one the rules passed over is taken as a new question)."""
        card = self._cards.get(event.tweet_id)
        if card is not None:
            if card.state is QuestionState.NOT_QUESTION:
                self._remember([card], event.actor)
                self._set_state(card, QuestionState.PENDING, event.at, event.actor, "")
                card.asks = PROMOTED.say()
                self._promoted += 1
                self._version += 1
            return
        passed = self._passed_over.pop(event.tweet_id, None)
        if passed is None:
            return
        self._promoted += 1
        self._take(passed.tweet, event.at, PROMOTED.say())

    def _take(self, tweet: Tweet, at: float, asks: str) -> None:
        """A question for the guest: moderated, then a card of its own or on an earlier
        one's."""
        self._received += 1
        # Post time, not arrival: a replay at 10× must not turn fans into flooders.
        verdict = self._moderator.check(tweet, tweet.created_at or at)
        if verdict.action is Action.REJECT:
            card = _Card(tweet=tweet, received_at=at, changed_at=at, asks=asks)
            self._file(card)
            self._set_state(card, QuestionState.REJECTED, at, RULE_ACTOR, verdict.reason)
            card.rule = verdict.rule
            self._version += 1
            return
        cluster_id = self._clusters.add(tweet.id, tweet.text, tweet.lang)
        asked = self._cards.get(cluster_id) if cluster_id != tweet.id else None
        if asked is not None:
            card = asked
            flag = verdict.rule if verdict.action is Action.FLAG else ""
            kept = tweet if self._keep_posts else None
            self._merged[tweet.id] = _Merged(kept, at, card.tweet.id, flag)
            card.asked_by += 1
            self._add_supporter(card, tweet, at)
            card.frozen = None
            self._version += 1
            return
        card = _Card(tweet=tweet, received_at=at, changed_at=at, asks=asks)
        if verdict.action is Action.FLAG:
            card.flag, card.flag_reason = verdict.rule, verdict.reason
        self._file(card)
        if self._moderation.auto_approve_clean and verdict.action is Action.PASS:
            self._set_state(card, QuestionState.APPROVED, at, RULE_ACTOR, AUTO_APPROVED.say())
        self._version += 1

    def _file(self, card: _Card) -> None:
        self._cards[card.tweet.id] = card
        self._by_state[card.state][card.tweet.id] = card
        self._count_flag(card, +1)

    def _count_flag(self, card: _Card, sign: int) -> None:
        if card.flag and card.state is QuestionState.PENDING:
            self._flagged_pending += sign

    def _set_flag(self, card: _Card, flag: str, reason: str) -> None:
        self._count_flag(card, -1)
        card.flag, card.flag_reason = flag, reason
        self._count_flag(card, +1)

    def _set_starred(self, card: _Card, starred: bool) -> None:
        if card.starred != starred:
            self._starred += 1 if starred else -1
            card.starred = starred

    def _support(self, retweet: Tweet, at: float) -> None:
        original = retweet.retweet_of or ""
        card = self._cards.get(original)
        if card is None:
            merged = self._merged.get(original)
            card = self._cards.get(merged.card_id) if merged is not None else None
        if card is None or retweet.author is None:
            return
        card.retweets += 1
        self._add_supporter(card, retweet, at)
        card.frozen = None
        self._version += 1

    def _add_supporter(self, card: _Card, post: Tweet, at: float) -> None:
        author = post.author
        if author is None or (card.tweet.author is not None and author.id == card.tweet.author.id):
            return
        if self._moderator.is_new_account(author, post.created_at or at):  # never trusted ones
            if card.new_supporters is None:
                card.new_supporters = set()
            card.new_supporters.add(author.id)
            burst = len(card.new_supporters)
            if burst >= SUPPORT_BURST_MIN and burst >= card.support and card.flag in ("", _BURST):
                days = self._moderation.new_account_days
                self._set_flag(card, _BURST, SUPPORT_BURST.say(supporters=burst, days=days))
            return
        if card.supporters is None:
            card.supporters = set()
        card.supporters.add(author.id)

    # -- decisions ---------------------------------------------------------------------

    def _set_state(
        self, card: _Card, state: QuestionState, at: float, actor: str, reason: str
    ) -> None:
        tweet_id = card.tweet.id
        self._by_state[card.state].pop(tweet_id, None)
        self._count_flag(card, -1)
        card.state = state
        self._count_flag(card, +1)
        card.changed_at = at
        card.actor = actor
        card.reason = reason
        card.rule = ""
        card.frozen = None
        if card.history is None:
            card.history = []
        if len(card.history) < MAX_HISTORY:
            card.history.append((at, state.value, actor, reason))
        self._by_state[state][tweet_id] = card  # re-inserted last: lists keep change order
        if self._on_air == tweet_id and state is not QuestionState.ON_AIR:
            self._on_air = None
        if self._armed == tweet_id and state in (QuestionState.REJECTED, QuestionState.ON_AIR):
            self._armed = None

    def _remember(self, cards: Iterable[_Card], actor: str) -> None:
        if actor == RULE_ACTOR:
            return
        saved = tuple(
            (c.tweet.id, c.state, c.changed_at, c.actor, c.reason, c.rule, c.starred) for c in cards
        )
        self._undo.append((saved, self._armed, actor))
        if len(self._undo) > MAX_UNDO:
            del self._undo[0]

    def _card_of(self, tweet_id: str) -> _Card | None:
        """The card a post is, or is merged into (a journal may name a post that this
        release puts on another's card)."""
        card = self._cards.get(self._edited.get(tweet_id, tweet_id))
        if card is None:
            merged = self._merged.get(tweet_id)
            card = self._cards.get(merged.card_id) if merged is not None else None
        return card

    def _decide(self, event: QuestionStateChanged) -> None:
        card = self._card_of(event.tweet_id)
        if card is None and event.actor != RULE_ACTOR and event.tweet_id in self._passed_over:
            # A person decided about a post the rules pass over (a journal of a release
            # that read it as a question): it is one, by their decision.
            self._take(self._passed_over.pop(event.tweet_id).tweet, event.at, PROMOTED.say())
            card = self._card_of(event.tweet_id)
        if card is None or _is_deleted(card):
            return
        touched = [card]
        previous = self._cards.get(self._on_air) if self._on_air else None
        taking = event.state is QuestionState.ON_AIR and previous not in (None, card)
        if taking and previous is not None:
            touched.append(previous)
        self._remember(touched, event.actor)
        if taking and previous is not None:
            self._set_state(previous, QuestionState.ANSWERED, event.at, event.actor, "")
        if event.state is QuestionState.NOT_QUESTION and card.state is not event.state:
            self._demoted += 1
        self._set_state(card, event.state, event.at, event.actor, event.reason)
        card.rule = event.rule
        if event.state is QuestionState.ON_AIR:
            self._on_air = card.tweet.id
        self._version += 1

    def _star(self, event: QuestionStarred) -> None:
        card = self._card_of(event.tweet_id)
        if card is None or card.starred == event.starred:
            return
        self._remember([card], event.actor)
        self._set_starred(card, event.starred)
        card.frozen = None
        self._version += 1

    def _arm(self, event: QuestionArmed) -> None:
        card = self._card_of(event.tweet_id) if event.tweet_id else None
        if event.tweet_id and (card is None or card.state is QuestionState.REJECTED):
            return
        new = card.tweet.id if card is not None else None
        if new == self._armed:
            return
        self._remember([], event.actor)
        self._armed = new
        self._version += 1

    def _undo_last(self, at: float) -> None:
        if not self._undo:
            return
        saved, armed, _actor = self._undo.pop()
        for tweet_id, state, changed_at, actor, reason, rule, starred in saved:
            card = self._cards[tweet_id]
            if _is_deleted(card):
                continue  # deleted on X since: it stays out
            self._by_state[card.state].pop(tweet_id, None)
            self._count_flag(card, -1)
            card.state, card.changed_at, card.actor = state, changed_at, actor
            self._count_flag(card, +1)
            card.reason, card.rule = reason, rule
            self._set_starred(card, starred)
            card.frozen = None
            if card.history is not None and len(card.history) < MAX_HISTORY:
                card.history.append((at, state.value, "undo", ""))
            self._insert_in_order(card)
            if state is QuestionState.ON_AIR:
                self._on_air = tweet_id
            elif self._on_air == tweet_id:
                self._on_air = None
        self._armed = armed
        self._version += 1

    def _insert_in_order(self, card: _Card) -> None:
        """Back in its state's list where its (restored) change time puts it."""
        entries = self._by_state[card.state]
        if not entries or next(reversed(entries.values())).changed_at <= card.changed_at:
            entries[card.tweet.id] = card
            return
        items = list(entries.items())
        at = len(items)
        while at > 0 and items[at - 1][1].changed_at > card.changed_at:
            at -= 1
        items.insert(at, (card.tweet.id, card))
        entries.clear()
        entries.update(items)

    # -- snapshots ---------------------------------------------------------------------

    def capture(self, locked: bool = True) -> Callable[[], BoardState]:
        """Copies now, on the model worker (cards are small and mutable: each is copied;
        the rest are containers of immutable things); made into a state later.
        ``locked=False``: in a process forked from the model worker, where nothing else
        runs and a reader's lock may have been copied held."""
        with self._lock if locked else nullcontext():
            cards = [
                msgspec.structs.replace(c, frozen=None, search_key="") for c in self._cards.values()
            ]
            supporters = [
                (c.supporters.copy() if c.supporters else None,
                 c.new_supporters.copy() if c.new_supporters else None,
                 c.history.copy() if c.history else None)
                for c in cards
            ]  # fmt: skip
            merged = self._merged.copy()
            readings = self._readings.copy()
            by_state = [(state, list(cards_in)) for state, cards_in in self._by_state.items()]
            passed = [
                (c.tweet, c.received_at, c.changed_at, c.asks) for c in self._passed_over.values()
            ]
            fixed = (self._moderation, self._moderator.flood_memory(), self._clusters.capture(),
                     self._on_air, self._armed, list(self._undo), sorted(self._account_ids),
                     self._received, self._version, self._decisions, self._starred,
                     self._flagged_pending, self._not_questions, self._promoted,
                     self._demoted)  # fmt: skip
            edited = list(self._edited.items())

        def build() -> BoardState:
            rules, flood, clusters, on_air, armed, undo, accounts, *counts = fixed
            received, version, decisions, starred, flagged, *corrections = counts
            not_questions, promoted, demoted = corrections
            card_states = [
                CardState(
                    c.tweet, c.received_at, c.state, c.changed_at, c.reason, c.rule, c.actor,
                    c.starred, c.flag, c.flag_reason, c.asked_by,
                    sorted(s) if s is not None else None,
                    sorted(n) if n is not None else None,
                    c.retweets, h, c.asks,
                )
                for c, (s, n, h) in zip(cards, supporters, strict=True)
            ]  # fmt: skip
            card_index = {c.tweet.id: i for i, c in enumerate(cards)}
            entries = list(merged.values())
            keep = self._keep_posts and all(m.tweet is not None for m in entries)
            return BoardState(
                rules, flood, clusters(), card_states, list(merged),
                np.array([card_index[m.card_id] for m in entries], dtype="<i4").tobytes(),
                np.array([m.received_at for m in entries], dtype="<f8").tobytes(),
                [(i, m.flag) for i, m in enumerate(entries) if m.flag],
                [m.tweet for m in entries] if keep else None,  # type: ignore[misc]
                by_state, on_air, armed, undo, accounts, received, version, decisions, starred,
                flagged,
                [
                    CardState(tweet, at, QuestionState.NOT_QUESTION, changed, "", "", RULE_ACTOR,
                              False, "", "", 1, None, None, 0, None, asks)
                    for tweet, at, changed, asks in passed
                ],
                not_questions, promoted, demoted, self._readings_state(readings), edited,
            )  # fmt: skip

        return build

    def _readings_state(self, readings: dict[str, Reading]) -> ReadingsState | None:
        if not self._readings_stamp:
            return None
        return ReadingsState(
            self._readings_stamp,
            list(readings),
            bytes(reading.question for reading in readings.values()),
            [reading.reason.code for reading in readings.values()],
        )

    def _restored_readings(self, state: ReadingsState | None) -> dict[str, Reading]:
        """The readings a snapshot carried, if read by this code under these rules."""
        if state is None or not carried(state.stamp, self._readings_stamp):
            return {}
        pairs = list(zip(state.questions, state.reasons, strict=True))
        made = {  # one reading per reason, as the rules make them
            pair: Reading(bool(pair[0]), _REASONS[pair[1]])
            for pair in set(pairs)
            if pair[1] in _REASONS
        }
        return {
            text: made[pair] for text, pair in zip(state.texts, pairs, strict=True) if pair in made
        }

    def restore(self, state: BoardState) -> None:
        with self._lock:
            self._moderation = state.rules
            self._moderator.update(state.rules)
            self._moderator.restore_flood_memory(state.flood_memory)
            self._clusters.restore(state.clusters)
            self._cards = {
                c.tweet.id: _Card(
                    tweet=c.tweet, received_at=c.received_at, state=c.state,
                    changed_at=c.changed_at, reason=c.reason, rule=c.rule, actor=c.actor,
                    starred=c.starred, flag=c.flag, flag_reason=c.flag_reason,
                    asked_by=c.asked_by,
                    supporters=set(c.supporters) if c.supporters is not None else None,
                    new_supporters=set(c.new_supporters) if c.new_supporters is not None else None,
                    retweets=c.retweets,
                    history=list(c.history) if c.history is not None else None,
                    asks=c.asks,
                )
                for c in state.cards
            }  # fmt: skip
            self._passed_over = {
                c.tweet.id: _Card(
                    tweet=c.tweet, received_at=c.received_at, state=c.state,
                    changed_at=c.changed_at, actor=c.actor, asks=c.asks,
                )
                for c in state.passed_over
            }  # fmt: skip
            self._not_questions = state.not_questions
            self._promoted, self._demoted = state.promoted, state.demoted
            card_ids = [c.tweet.id for c in state.cards]
            on_cards = [card_ids[i] for i in np.frombuffer(state.merged_cards, "<i4").tolist()]
            times = np.frombuffer(state.merged_times, dtype="<f8").tolist()
            posts = state.merged_posts if self._keep_posts and state.merged_posts else None
            if not len(state.merged_ids) == len(on_cards) == len(times) == len(posts or times):
                raise ValueError("a snapshot's re-asked posts do not add up")
            merged = list(map(_Merged, posts or repeat(None), times, on_cards))
            for i, flag in state.merged_flags:  # a few
                if 0 <= i < len(merged):
                    merged[i] = msgspec.structs.replace(merged[i], flag=flag)
            self._merged = dict(zip(state.merged_ids, merged, strict=True))
            self._by_state = {s: {} for s in QuestionState}
            for card_state, ids in state.by_state:
                self._by_state[card_state] = {tweet_id: self._cards[tweet_id] for tweet_id in ids}
            self._on_air, self._armed = state.on_air, state.armed
            self._undo = [
                (tuple(tuple(saved) for saved in entries), armed, actor)  # type: ignore[misc]
                for entries, armed, actor in state.undo
            ]
            self._account_ids = set(state.account_ids)
            self._received, self._version = state.received, state.version
            self._decisions, self._starred = state.decisions, state.starred
            self._flagged_pending = state.flagged_pending
            self._readings = self._restored_readings(state.readings)
            self._edited = dict(state.edited)
            self._cached = None

    # -- reading -----------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._version

    @property
    def decisions(self) -> int:
        return self._decisions

    def question(self, tweet_id: str) -> Question | None:
        with self._lock:
            card = self._cards.get(tweet_id) or self._passed_over.get(tweet_id)
            return card.freeze() if card is not None else None

    def card_of(self, tweet_id: str) -> str | None:
        """The card a post is counted on (itself when it is a card)."""
        with self._lock:
            if tweet_id in self._cards:
                return tweet_id
            merged = self._merged.get(tweet_id)
            return merged.card_id if merged is not None else None

    def latest(self) -> BoardSnapshot:
        """The last snapshot built, without waiting for the worker: for views."""
        cached = self._cached
        return cached if cached is not None else self.snapshot()

    def snapshot(self) -> BoardSnapshot:
        """Up to date (built now if anything changed)."""
        cached = self._cached
        if cached is not None and cached.version == self._version:
            return cached
        with self._lock:
            by_state = self._by_state
            approved = islice(by_state[QuestionState.APPROVED].values(), WALL_APPROVED_LIMIT)
            answered = islice(reversed(by_state[QuestionState.ANSWERED].values()), ANSWERED_LIMIT)
            on_air = self._cards.get(self._on_air) if self._on_air else None
            armed = self._cards.get(self._armed) if self._armed else None
            self._cached = BoardSnapshot(
                approved=tuple(c.freeze() for c in approved),
                on_air=on_air.freeze() if on_air is not None else None,
                armed=armed.freeze() if armed is not None else None,
                answered=tuple(c.freeze() for c in answered),
                counts=self._counts(),
                received=self._received,
                cards=len(self._cards),
                rules=self._moderation,
                version=self._version,
            )
            return self._cached

    def _counts(self) -> dict[str, int]:
        by_state = self._by_state
        pending = by_state[QuestionState.PENDING]
        return {
            QueueView.PENDING.value: len(pending),
            QueueView.FLAGGED.value: self._flagged_pending,
            QueueView.APPROVED.value: len(by_state[QuestionState.APPROVED])
            + len(by_state[QuestionState.ON_AIR]),
            QueueView.STARRED.value: self._starred,
            QueueView.STASHED.value: len(by_state[QuestionState.STASHED]),
            QueueView.ANSWERED.value: len(by_state[QuestionState.ANSWERED]),
            QueueView.TRASH.value: len(by_state[QuestionState.REJECTED]),
            QueueView.NOT_QUESTIONS.value: len(self._passed_over)
            + len(by_state[QuestionState.NOT_QUESTION]),
            QueueView.ALL.value: len(self._cards),
            "judged_not_questions": self._not_questions,
            "promoted": self._promoted,
            "demoted": self._demoted,
        }

    def page(self, query: QueueQuery) -> QueuePage:
        """The cards a console asks for: one view, one order, a search, the first rows."""
        with self._lock:
            candidates = self._view(query.view)
            needle = fold(query.search.strip())
            if needle:
                candidates = (c for c in candidates if c.matches(needle))
            limit = max(1, query.limit)
            if query.order is QueueOrder.NEWEST:
                matching = list(candidates)
                total = len(matching)
                chosen = matching[: -limit - 1 : -1]
            else:
                matching = list(candidates)
                total = len(matching)
                key = (
                    (lambda c: (c.support, c.received_at))
                    if query.order is QueueOrder.SUPPORT
                    else (lambda c: (c.starred, c.received_at))
                )
                chosen = heapq.nlargest(limit, matching, key=key)
            return QueuePage(
                query=query,
                rows=tuple(c.freeze() for c in chosen),
                total=total,
                version=self._version,
            )

    def _view(self, view: QueueView) -> Iterator[_Card]:
        """Cards of a view, oldest change first."""
        by_state = self._by_state
        match view:
            case QueueView.PENDING:
                return iter(by_state[QuestionState.PENDING].values())
            case QueueView.FLAGGED:
                return (c for c in by_state[QuestionState.PENDING].values() if c.flag)
            case QueueView.APPROVED:
                return iter(
                    [
                        *by_state[QuestionState.APPROVED].values(),
                        *by_state[QuestionState.ON_AIR].values(),
                    ]
                )
            case QueueView.STARRED:
                return (c for c in self._cards.values() if c.starred)
            case QueueView.STASHED:
                return iter(by_state[QuestionState.STASHED].values())
            case QueueView.ANSWERED:
                return iter(by_state[QuestionState.ANSWERED].values())
            case QueueView.TRASH:
                return iter(by_state[QuestionState.REJECTED].values())
            case QueueView.NOT_QUESTIONS:
                return iter(
                    [
                        *self._passed_over.values(),
                        *by_state[QuestionState.NOT_QUESTION].values(),
                    ]
                )
            case _:
                return iter(self._cards.values())

    def export_rows(self) -> list[ExportRow]:
        """Every question post, cards and near-duplicates, in order of arrival."""
        with self._lock:
            rows: list[ExportRow] = []
            for card in self._cards.values():
                rows.append(
                    ExportRow(
                        tweet=card.tweet,
                        received_at=card.received_at,
                        state=card.state.value,
                        card_id=card.tweet.id,
                        asked_by=card.asked_by,
                        supporters=card.support,
                        starred=card.starred,
                        flag=card.flag,
                        rule=card.rule,
                        actor=card.actor,
                        reason=card.reason or card.flag_reason,
                        decisions=tuple(card.history or ()),
                    )
                )
            for merged in self._merged.values():
                if merged.tweet is None:
                    continue  # a live board's: the export reads the journal
                card = self._cards[merged.card_id]
                rows.append(
                    ExportRow(
                        tweet=merged.tweet,
                        received_at=merged.received_at,
                        state="merged",
                        card_id=merged.card_id,
                        asked_by=card.asked_by,
                        supporters=card.support,
                        starred=False,
                        flag=merged.flag,
                        rule="",
                        actor="",
                        reason=f"same question as {merged.card_id}",
                        decisions=(),
                    )
                )
            rows.sort(key=lambda row: row.received_at)
            return rows
