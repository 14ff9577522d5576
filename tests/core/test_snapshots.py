"""A model restored from a snapshot is the model it was taken from, and goes on the same."""

from __future__ import annotations

import time

import msgspec
import pytest

from benchmarks.demo_posts import demo_posts
from blueroom.core.events import (
    DecisionUndone,
    Event,
    HeatMapChanged,
    QuestionArmed,
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    ReplayCheckpoint,
    SessionStepChanged,
    TweetReceived,
)
from blueroom.core.models import STATE_VERSION, RoomModel, RoomState
from blueroom.core.questions import QueueQuery, QueueView
from blueroom.core.session import default_script
from blueroom.engine.room import question_rules
from blueroom.settings import load_settings
from blueroom.sources.loops import shift_for_loop

SETTINGS = load_settings(environ={})


def _model() -> RoomModel:
    return RoomModel(
        question_rules(SETTINGS),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        moderation=SETTINGS.moderation,
        ignored_words=("Léa", "Marchand"),
        keep_posts=False,
    )


@pytest.fixture(scope="module")
def posts() -> list[TweetReceived]:
    now = time.time()
    tweets = demo_posts()[6_000:12_000]
    return [
        TweetReceived(tweet=shift_for_loop(t, loop, 3600.0), at=now - 900 + i * 0.05)
        for loop in (0, 1)
        for i, t in enumerate(tweets)
    ]


def _decisions(model: RoomModel) -> list[Event]:
    pending = model.questions.page(QueueQuery(limit=30)).rows
    ids = [q.tweet_id for q in pending]
    return [
        QuestionStateChanged(tweet_id=ids[0], state=QuestionState.APPROVED),
        QuestionStateChanged(tweet_id=ids[1], state=QuestionState.APPROVED),
        QuestionStateChanged(tweet_id=ids[2], state=QuestionState.REJECTED, reason="off topic"),
        QuestionStarred(tweet_id=ids[1], starred=True),
        QuestionStateChanged(tweet_id=ids[3], state=QuestionState.STASHED),
        QuestionStateChanged(tweet_id=ids[0], state=QuestionState.ON_AIR),
        QuestionArmed(tweet_id=ids[1]),
        DecisionUndone(),
        SessionStepChanged(step=2, step_id="questions"),
        HeatMapChanged(preset="europe", mode="live", half_life=300.0),
        ReplayCheckpoint(source="replay", path="/demo", loop=1, line=1234),
    ]


def _state(model: RoomModel) -> RoomState:
    return model.capture()()


def _comparable(state: RoomState) -> dict[str, object]:
    """The state as data; the heat map's densities fade with time, so to 1e-3."""
    data = msgspec.to_builtins(state)
    heat = data.pop("heat")
    data["heat_counts"] = {k: v for k, v in heat.items() if k not in ("at", "fine", "coarse")}
    return data


def test_a_restored_model_is_the_same_and_goes_on_the_same(posts: list[TweetReceived]) -> None:
    first, second = posts[:6_000], posts[6_000:]
    original = _model()
    for start in range(0, len(first), 250):
        original.apply(first[start : start + 250])
    decisions = _decisions(original)
    original.apply(decisions)

    encoded = msgspec.msgpack.encode(_state(original))
    restored = _model()
    restored.restore(msgspec.msgpack.decode(encoded, type=RoomState))
    assert _comparable(_state(restored)) == _comparable(_state(original))
    assert restored.checkpoint == decisions[-1]

    for model in (original, restored):  # the same posts after: same clusters, floods, cards
        for start in range(0, len(second), 250):
            model.apply(second[start : start + 250])
    more = _decisions(original)[:5]
    original.apply(more)
    restored.apply(more)
    assert _comparable(_state(restored)) == _comparable(_state(original))
    a, b = original.questions.snapshot(), restored.questions.snapshot()
    assert (a.received, a.cards, a.counts) == (b.received, b.cards, b.counts)
    assert a.count(QueueView.PENDING) > 100 and a.approved == b.approved
    for view in QueueView:
        query = QueueQuery(view=view, limit=500)
        assert original.questions.page(query).rows == restored.questions.page(query).rows
    heat_a, heat_b = original.heat.snapshot(), restored.heat.snapshot()
    assert heat_a.view == heat_b.view and heat_a.located == heat_b.located
    assert abs(original.heat.total() - restored.heat.total()) <= 1e-3 * original.heat.total()
    assert original.metrics.snapshot().posts == restored.metrics.snapshot().posts == 12_000


def test_a_state_of_another_version_is_refused(posts: list[TweetReceived]) -> None:
    model = _model()
    state = msgspec.structs.replace(_state(model), version=STATE_VERSION + 1)
    with pytest.raises(ValueError, match="version"):
        _model().restore(state)
