"""Events are frozen and round-trip through their JSON form (the journal's)."""

from __future__ import annotations

import msgspec
import pytest

from blueroom.core.events import (
    CameraState,
    CameraStateChanged,
    MalformedRecord,
    QuestionState,
    QuestionStateChanged,
    SessionStepChanged,
    TweetReceived,
    decode_event,
    encode_event,
)
from blueroom.core.tweet import Author, GeoPoint, Place, Tweet

EVENTS = [
    TweetReceived(
        tweet=Tweet(
            id="1",
            text="Léa, pourquoi ? 🎉 <b>x</b>",
            author=Author(id="9", username="fan", followers=12),
            coordinates=GeoPoint(2.35, 48.85),
            place=Place(id="p", full_name="Paris, France", bbox=(2.2, 48.8, 2.5, 48.9)),
            hashtags=("AskBlueRoom",),
        ),
        source="replay",
    ),
    QuestionStateChanged(tweet_id="1", state=QuestionState.ON_AIR, actor="guest"),
    SessionStepChanged(step=2, step_id="questions"),
    CameraStateChanged(state=CameraState.LOST, device="0", detail="unplugged?"),
    MalformedRecord(source="replay", reason="not valid JSON", excerpt='{"data":', line=3),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: type(e).__name__)
def test_every_event_round_trips_through_json(event: object) -> None:
    assert decode_event(encode_event(event)) == event  # type: ignore[arg-type]


def test_events_are_frozen() -> None:
    with pytest.raises(AttributeError):
        EVENTS[1].state = QuestionState.REJECTED  # type: ignore[misc]


def test_an_unknown_event_kind_is_refused_not_guessed() -> None:
    with pytest.raises(msgspec.ValidationError):
        decode_event(b'{"type": "Nope", "at": 1.0}')


def test_only_plain_tweets_are_sheddable() -> None:
    chatter = TweetReceived(tweet=Tweet(id="1", text="bravo"))
    question = TweetReceived(tweet=Tweet(id="2", text="est-ce que tu reviens"))
    assert chatter.sheddable
    assert not question.sheddable
    assert not QuestionStateChanged(tweet_id="1", state=QuestionState.APPROVED).sheddable
