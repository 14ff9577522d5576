"""A model restored from a snapshot is the model it was taken from, and goes on the same."""

from __future__ import annotations

import dataclasses
import time

import msgspec
import pytest

from benchmarks.demo_posts import demo_posts
from blueroom.core import clusters, questions
from blueroom.core.asking import Reading
from blueroom.core.detect import QuestionRules
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
from blueroom.core.wording import Signature, Wording
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


def _reads(model: RoomModel, events: list[TweetReceived]) -> tuple[int, int]:
    """How many texts ``model`` reads (as a question or not) and analyses (into a
    signature) while it takes ``events``: what its caches did not hold."""
    calls = {"read": 0, "signature": 0}
    read, signature = QuestionRules.read_text, Wording.signature

    def counted_read(rules: QuestionRules, text: str) -> Reading:
        calls["read"] += 1
        return read(rules, text)

    def counted_signature(wording: Wording, text: str, lang: str = "") -> Signature:
        calls["signature"] += 1
        return signature(wording, text, lang)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QuestionRules, "read_text", counted_read)
        patch.setattr(Wording, "signature", counted_signature)
        for start in range(0, len(events), 250):
            model.apply(events[start : start + 250])
    return calls["read"], calls["signature"]


def _first_loop(posts: list[TweetReceived]) -> tuple[RoomModel, RoomState]:
    """A model that took the demo's first loop, and its snapshot as a resume reads it."""
    original = _model()
    for start in range(0, 6_000, 250):
        original.apply(posts[start : start + 250])
    encoded = msgspec.msgpack.encode(_state(original))
    return original, msgspec.msgpack.decode(encoded, type=RoomState)


def test_a_restored_model_reads_no_text_its_snapshot_had_read(posts: list[TweetReceived]) -> None:
    """A snapshot carries the board's readings and the clusters' keys: the posts replayed
    after it (here the demo's next loop, the same texts) read as warm as in the process
    that took it, where without them each text was read and analysed again."""
    original, state = _first_loop(posts)
    restored = _model()
    restored.restore(state)
    again = posts[6_000:]
    warm, resumed = _reads(original, again), _reads(restored, again)
    assert resumed == warm
    cold = _reads(_model(), again)
    assert cold[0] > 1_000 and cold[1] > 500, "the loop's texts, read from nothing"
    assert warm[0] < cold[0] // 10 and warm[1] < cold[1] // 10


@pytest.mark.parametrize("change", ["reading code", "signature code", "guest", "ignored words"])
def test_caches_made_under_other_rules_are_not_carried(
    posts: list[TweetReceived], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Each cache is stamped with the code and the settings that made it (stamps.py):
    restored under others, it is dropped, and the texts are read afresh."""
    original, state = _first_loop(posts)
    rules, ignored = question_rules(SETTINGS), ("Léa", "Marchand")
    if change == "reading code":
        monkeypatch.setattr(questions, "_READING_CODE", "asking.py as edited since")
    elif change == "signature code":
        monkeypatch.setattr(clusters, "_KEY_CODE", "wording.py as edited since")
    elif change == "guest":
        rules = dataclasses.replace(rules, guest_name="Zoé Martin")
    else:
        ignored = ("Léa", "Marchand", "Voltéo")
    restored = RoomModel(
        rules, default_script("Léa Marchand", "#AskBlueRoom"), half_life=600.0,
        moderation=SETTINGS.moderation, ignored_words=ignored, keep_posts=False,
    )  # fmt: skip
    restored.restore(state)
    again = posts[6_000:]
    (warm_reads, warm_keys), (reads, keys) = _reads(original, again), _reads(restored, again)
    cold_reads, cold_keys = _reads(_model(), again)
    if change in ("reading code", "guest"):  # (another guest: other texts become questions)
        assert reads > cold_reads - 10 and (keys == warm_keys or change == "guest")
    else:
        assert keys > cold_keys - 10 and reads == warm_reads
