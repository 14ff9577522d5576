"""The guest's cues and call for help as a model: one cue at a time, a newer one replaces
an unacknowledged one (counted), acknowledgements and answers journalled, and the whole
state the same after a resume from the journal or from a snapshot."""

from __future__ import annotations

import msgspec

from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    CueKind,
    Event,
    GuestCued,
    decode_event,
    encode_event,
)
from blueroom.core.guest_cues import GuestCues
from blueroom.core.models import RoomModel, RoomState
from blueroom.core.session import default_script


def _room() -> tuple[RoomModel, RoomActions, list[Event]]:
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )
    journal: list[Event] = []

    def publish(event: Event) -> int:
        event = decode_event(encode_event(event))  # as the journal keeps it
        journal.append(event)
        model.apply([event])
        return 1

    return model, RoomActions(publish, model.session, "s"), journal


def test_one_cue_at_a_time_the_newer_replaces_the_unacknowledged_one() -> None:
    model, actions, _ = _room()
    first = actions.cue_guest(CueKind.WRAP_UP)
    assert model.cues.latest().showing is not None
    assert model.cues.latest().showing.id == first  # type: ignore[union-attr]
    second = actions.cue_guest(CueKind.TEXT, "  Say hello   to Dakar ")
    cues = model.cues.latest()
    assert cues.showing is not None and cues.showing.id == second
    assert cues.showing.text == "Say hello to Dakar"
    assert cues.state.replaced == 1 and cues.state.sent == 2
    assert cues.state.cues[0].replaced_at and not cues.state.cues[0].acknowledged_at
    actions.acknowledge_cue(first)  # too late: it was replaced (counted, harmless)
    assert model.cues.latest().state.ignored == 1
    actions.acknowledge_cue(second)
    cues = model.cues.latest()
    assert cues.showing is None and cues.state.acknowledged == 1
    assert cues.last is not None and cues.last.acknowledged_at > 0


def test_help_stays_until_answered_and_a_second_tap_is_one_alert() -> None:
    model, actions, _ = _room()
    request = actions.ask_for_help()
    actions.ask_for_help()  # a second tap while waiting
    cues = model.cues.latest()
    assert cues.help_waiting is not None and cues.help_waiting.id == request
    assert cues.state.help_calls == 1 and cues.state.ignored == 1
    actions.answer_help(request, actor="operator")
    cues = model.cues.latest()
    assert cues.help_waiting is None and cues.state.help is not None
    assert cues.state.help.answered_by == "operator"


def test_a_withdrawn_cue_leaves_the_guest_panel() -> None:
    model, actions, _ = _room()
    cue = actions.cue_guest(CueKind.NEXT_QUESTION)
    actions.withdraw_cue(cue)
    cues = model.cues.latest()
    assert cues.showing is None and cues.state.withdrawn == 1


def test_the_cues_survive_a_resume_from_the_journal_and_from_a_snapshot() -> None:
    model, actions, journal = _room()
    kept = actions.cue_guest(CueKind.WRAP_UP)
    actions.acknowledge_cue(kept)
    actions.cue_guest(CueKind.NEXT_QUESTION)
    actions.ask_for_help()
    before = model.cues.latest().state

    replayed, _, _ = _room()
    replayed.apply(journal)
    assert replayed.cues.latest().state == before

    state = msgspec.msgpack.decode(msgspec.msgpack.encode(model.capture()()), type=RoomState)
    restored, _, _ = _room()
    restored.restore(state)
    assert restored.cues.latest().state == before
    assert restored.cues.latest().showing is not None
    assert restored.cues.latest().help_waiting is not None


def test_the_same_cue_twice_is_counted_once() -> None:
    cues = GuestCues()
    event = GuestCued(cue_id="c1", cue=CueKind.WRAP_UP)
    cues.apply([event, event])
    assert cues.latest().state.sent == 1 and cues.latest().state.ignored == 1
