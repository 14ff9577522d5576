"""What X says after a post arrived: an edit (a new id with its edit history) replaces
the earlier version, counted once; a deletion takes the post off the walls and queue."""

from __future__ import annotations

import msgspec

from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    PostDeleted,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
)
from blueroom.core.models import RoomModel
from blueroom.core.questions import QueueQuery, QueueView
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet

RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}),
    guest_handles=frozenset({"leamarchand"}),
    room_handles=frozenset({"blueroomfr"}),
)


def model() -> RoomModel:
    return RoomModel(RULES, default_script("Léa", "#AskBlueRoom"), half_life=600.0)


def asked(post_id: str, text: str, replaces: tuple[str, ...] = ()) -> TweetReceived:
    tweet = Tweet(
        id=post_id,
        text=text,
        author=Author(id="42", username="fan"),
        created_at=1_764_000_000.0,
        hashtags=("AskBlueRoom",),
        replaces=replaces,
    )
    return TweetReceived(tweet=tweet, source="x")


def rows(room: RoomModel, view: QueueView) -> list[tuple[str, str]]:
    page = room.questions.page(QueueQuery(view=view))
    return [(q.tweet_id, q.text) for q in page.rows]


def test_an_edit_replaces_its_earlier_version_on_the_card_and_counts_once() -> None:
    room = model()
    room.apply([asked("100", "#AskBlueRoom pourquoi Paris ?")])
    room.apply([asked("101", "#AskBlueRoom pourquoi Lyon ?", replaces=("100",))])
    assert rows(room, QueueView.PENDING) == [("100", "#AskBlueRoom pourquoi Lyon ?")]
    assert room.metrics.snapshot().posts == 1
    assert room.edits == 1
    # a second edit names the whole history; it still lands on the first card
    room.apply([asked("102", "#AskBlueRoom pourquoi Nice ?", replaces=("100", "101"))])
    assert rows(room, QueueView.PENDING) == [("100", "#AskBlueRoom pourquoi Nice ?")]
    assert room.metrics.snapshot().posts == 1


def test_an_approved_question_edited_goes_back_to_the_queue_flagged() -> None:
    room = model()
    room.apply([asked("100", "#AskBlueRoom pourquoi Paris ?")])
    room.apply([QuestionStateChanged(tweet_id="100", state=QuestionState.APPROVED)])
    assert room.questions.snapshot().approved
    room.apply([asked("101", "#AskBlueRoom pourquoi pas ?", replaces=("100",))])
    assert not room.questions.snapshot().approved  # off the wall until a person looks again
    (card,) = room.questions.page(QueueQuery(view=QueueView.PENDING)).rows
    assert card.flag == "edited_on_x" and card.text == "#AskBlueRoom pourquoi pas ?"


def test_an_edit_whose_first_version_never_came_is_a_new_post() -> None:
    room = model()
    room.apply([asked("101", "#AskBlueRoom pourquoi Lyon ?", replaces=("100",))])
    assert rows(room, QueueView.PENDING) == [("101", "#AskBlueRoom pourquoi Lyon ?")]
    assert room.metrics.snapshot().posts == 1


def test_a_deleted_post_leaves_the_wall_the_air_and_the_queue_for_good() -> None:
    room = model()
    room.apply(
        [asked("100", "#AskBlueRoom pourquoi Paris ?"), asked("200", "#AskBlueRoom et Lyon ?")]
    )
    room.apply([QuestionStateChanged(tweet_id="100", state=QuestionState.ON_AIR)])
    room.apply([PostDeleted(tweet_id="100", source="x")])
    board = room.questions.snapshot()
    assert board.on_air is None
    assert [t for t, _ in rows(room, QueueView.PENDING)] == ["200"]
    (trashed,) = room.questions.page(QueueQuery(view=QueueView.TRASH)).rows
    assert trashed.reason == "deleted by its author on X" and trashed.actor == "x"
    room.apply([QuestionStateChanged(tweet_id="100", state=QuestionState.APPROVED)])
    assert not room.questions.snapshot().approved  # no one can put it back


def test_a_deletion_named_by_a_later_version_finds_its_card() -> None:
    room = model()
    room.apply([asked("100", "#AskBlueRoom pourquoi Paris ?")])
    room.apply([asked("101", "#AskBlueRoom pourquoi Lyon ?", replaces=("100",))])
    room.apply([PostDeleted(tweet_id="101", source="x")])
    assert rows(room, QueueView.PENDING) == []


def test_edits_survive_a_snapshot_of_the_board() -> None:
    room = model()
    room.apply([asked("100", "#AskBlueRoom pourquoi Paris ?")])
    room.apply([asked("101", "#AskBlueRoom pourquoi Lyon ?", replaces=("100",))])
    state = msgspec.msgpack.decode(
        msgspec.msgpack.encode(room.capture()()), type=type(room.capture()())
    )
    again = model()
    again.restore(state)
    again.apply([PostDeleted(tweet_id="101", source="x")])
    assert rows(again, QueueView.PENDING) == []
