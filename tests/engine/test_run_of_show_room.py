"""The run-of-show in the real room: planned from the settings, journalled, resumed on the
same segment with the same clock, its cues sent once across a restart and acted on."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import msgspec

from blueroom.core.events import CueSent, Event, RunOfShowMoved, SessionPlanned, ShowAction
from blueroom.core.run_of_show import clock_view
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from blueroom.store.journal import Journal


def wait_for(what: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.02)


def journalled(path: Path, session_id: str) -> list[Event]:
    journal = Journal.reader(path)
    try:
        return [event for batch in journal.read(session_id) for event in batch]
    finally:
        journal.close()


def test_the_hour_resumes_on_the_same_segment_and_never_cues_twice(
    tmp_path: Path, recording: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    settings = load_settings(environ={})
    leaves = time.strftime("%H:%M", time.localtime(time.time() + 2 * 3600))
    session = msgspec.structs.replace(
        settings.session, script="musician-first-visit", guest_city="Lyon", leaves_at=leaves
    )
    settings = msgspec.structs.replace(settings, session=session)
    options = RoomOptions(replay_file=recording, speed=None, loop=False, journal_path=journal)
    began = time.time() - 100.25  # the hour began 100.25 s ago

    first = Room(settings, options)
    try:
        first.start()

        def planned_script() -> str:
            plan = first.model.show.latest().plan
            return plan.script_id if plan is not None else ""

        # the settings' plan is published at start and applied on the model worker
        wait_for(lambda: planned_script() == "musician-first-visit")
        plan = first.model.show.latest().plan
        assert plan is not None and plan.script_id == "musician-first-visit"
        assert plan.guest.city == "Lyon" and plan.hard_end > 0
        first.actions.run_of_show(ShowAction.START, at=began)
        wait_for(lambda: first.model.show.latest().cues_sent == 2)
        assert first.model.heat.snapshot().view.name == "world"  # the welcome's map.world
        session_id = first.report.session.id
        assert first.writer.wait_until_handed_on(5.0)
    finally:
        first.stop()
    before = journalled(journal, session_id)
    assert sum(isinstance(e, SessionPlanned) for e in before) == 1
    assert [e.cue for e in before if isinstance(e, CueSent)] == ["walls.release", "map.world"]

    second = Room(settings, options)
    try:
        state = second.model.show.latest()
        assert second.report.resumed and state.current == "welcome"
        assert state.started_at == began and state.plans == 1
        now = time.time()
        view = clock_view(state, now)
        assert abs(view.remaining - (5 * 60 - (now - began))) < 1e-6  # down time counted
        assert second.model.session.snapshot().steps[0].id == "welcome"
        second.start()
        second.actions.run_of_show(ShowAction.NEXT, from_segment="welcome")
        wait_for(lambda: second.model.show.latest().current == "first-post")
        time.sleep(0.6)  # a few ticks of the engine's clock
        assert second.writer.wait_until_handed_on(5.0)
        assert second.model.session.snapshot().current == 1
    finally:
        second.stop()
    after = journalled(journal, session_id)
    assert [e.cue for e in after if isinstance(e, CueSent)] == ["walls.release", "map.world"]
    assert sum(isinstance(e, SessionPlanned) for e in after) == 1, "planned once"
    moves = [e for e in after if isinstance(e, RunOfShowMoved)]
    assert [m.action for m in moves] == [ShowAction.START, ShowAction.NEXT]
