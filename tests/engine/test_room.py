"""The room without screens: replay → bus → journal → models, and resuming after a restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from blueroom.core.events import QuestionState
from blueroom.core.questions import QueueQuery
from blueroom.engine.room import Room, RoomError, RoomOptions
from blueroom.settings import load_settings


def run_to_end(room: Room) -> None:
    room.start()
    assert room.source.wait_finished(10.0)
    assert room.writer.wait_until_handed_on(5.0)


def options(journal: Path, recording: Path, **more: object) -> RoomOptions:
    return RoomOptions(
        replay_file=recording,
        speed=None,
        loop=False,
        journal_path=journal,
        **more,  # type: ignore[arg-type]
    )


def test_a_replay_flows_through_to_every_model(tmp_path: Path, recording: Path) -> None:
    room = Room(load_settings(environ={}), options(tmp_path / "j.sqlite", recording))
    try:
        run_to_end(room)
        metrics = room.model.metrics.snapshot()
        board = room.model.questions.snapshot()
        assert metrics.posts == 4 and metrics.retweets == 1 and metrics.malformed == 1
        assert board.received == 2
        pending = room.model.questions.page(QueueQuery()).rows
        assert {q.tweet_id for q in pending} == {"100", "101"}
        supported = next(q for q in pending if q.tweet_id == "100")
        assert supported.supporters == 2  # the asker and one retweeter
        assert room.model.heat.snapshot().located == 1
    finally:
        room.stop()


def test_decisions_step_and_replay_position_survive_a_restart(
    tmp_path: Path, recording: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    settings = load_settings(environ={})
    first = Room(settings, options(journal, recording))
    try:
        run_to_end(first)
        first.actions.approve("100")
        first.actions.put_on_air("101")
        first.actions.star("100", True)
        first.actions.arm("100")
        first.actions.stash("100")
        first.actions.undo()  # the stash
        first.actions.set_heat_map("france", "cumulative", 300.0)
        first.actions.next_step()
        first.actions.next_step()
        deadline = time.monotonic() + 5.0
        while first.model.session.snapshot().current != 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        session_id = first.report.session.id
    finally:
        first.stop()

    second = Room(settings, options(journal, recording))
    try:
        assert second.report.resumed and second.report.session.id == session_id
        assert second.source.stats().position == "loop 1, line 5", (
            "the replay goes on after the last line played"
        )
        board = second.model.questions.snapshot()
        assert [q.tweet_id for q in board.approved] == ["100"]
        assert board.on_air is not None and board.on_air.tweet_id == "101"
        assert board.approved[0].starred and board.armed is not None
        assert board.armed.tweet_id == "100", "star, preview and the undone stash came back"
        heat = second.model.heat.snapshot()
        assert (heat.view.name, heat.mode.value, heat.half_life) == ("france", "cumulative", 300.0)
        assert second.model.session.snapshot().current == 2
        assert second.model.metrics.snapshot().posts == 4
    finally:
        second.stop()

    third = Room(settings, options(journal, recording, new_session=True))
    try:
        assert not third.report.resumed and third.report.session.id != session_id
        assert third.model.questions.snapshot().received == 0
    finally:
        third.stop()


def test_a_missing_recording_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RoomError, match="replay file not found"):
        Room(load_settings(environ={}), options(tmp_path / "j.sqlite", tmp_path / "nope.jsonl"))


def test_the_state_of_a_question_follows_its_events(tmp_path: Path, recording: Path) -> None:
    room = Room(load_settings(environ={}), options(tmp_path / "j.sqlite", recording))
    try:
        run_to_end(room)
        room.actions.reject("101", reason="off topic")
        room.writer.wait_until_handed_on(5.0)
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            question = room.model.questions.question("101")
            if question is not None and question.state is QuestionState.REJECTED:
                break
            time.sleep(0.01)
        assert question is not None and question.state is QuestionState.REJECTED
        assert question.reason == "off topic"
    finally:
        room.stop()
