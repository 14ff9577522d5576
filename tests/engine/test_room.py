"""The room without screens: replay → bus → journal → models, and resuming after a restart."""

from __future__ import annotations

import gzip
import json
import math
import sqlite3
import time
from pathlib import Path

import msgspec
import numpy as np
import pytest

from blueroom.core.events import (
    BudgetReached,
    BudgetWarning,
    Event,
    QuestionState,
    SessionStepChanged,
    SourceState,
    TweetReceived,
    XUsage,
)
from blueroom.core.questions import QueueQuery, QueueView
from blueroom.engine.room import Room, RoomError, RoomOptions
from blueroom.settings import Settings, load_settings
from blueroom.store.journal import Journal


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
        first.actions.hold_walls(True)  # the panic key, still down at the crash
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
        assert second.model.session.snapshot().held, "the walls stay held over a restart"
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


def test_a_journal_written_by_release_0_1_resumes_to_the_state_it_showed(
    tmp_path: Path, recording: Path
) -> None:
    data = Path(__file__).resolve().parents[1] / "data"
    expected = json.loads((data / "journal-0.1.0.json").read_text(encoding="utf-8"))
    journal = tmp_path / "old.sqlite"
    journal.write_bytes(gzip.decompress((data / "journal-0.1.0.sqlite.gz").read_bytes()))
    room = Room(load_settings(environ={}), options(journal, recording))
    try:
        assert room.report.resumed and room.report.session.id == expected["session"]
        assert room.report.bad_rows == 0 and room.report.skipped_events == 0
        message = room.report.messages[0]
        assert "2,027 events replayed in " in message and "2,027 from an older release" in message
        board = room.model.questions.snapshot()
        # This release reads fewer of the same posts as questions than 0.1.0 did (442):
        # the others are listed as not questions, and every decided one is still a card.
        assert board.received + board.counts["judged_not_questions"] >= expected["received"]
        assert board.on_air is not None and board.on_air.tweet_id == expected["on_air"]
        # Each decided post's card, which may now be an earlier post asking the same thing.
        cards = [room.model.questions.card_of(i) for i in expected["approved"]]
        assert [q.tweet_id for q in board.approved] == cards
        assert board.armed is None, "the last preview was undone"
        assert list(board.rules.blocked_words) == expected["blocked_words"]
        assert board.count(QueueView.TRASH) == expected["trash"]
        assert board.count(QueueView.STASHED) == expected["stashed"]
        assert room.model.session.snapshot().current == expected["step"]
        assert room.model.metrics.snapshot().posts == expected["posts"]
        heat = room.model.heat.snapshot()
        assert heat.view.name == expected["heat_preset"] and heat.posts == expected["heat_posts"]
    finally:
        room.stop()


def test_an_event_renamed_since_is_skipped_alone_counted_and_shown(
    tmp_path: Path, recording: Path
) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal(path)
    session = journal.new_session("#AskBlueRoom")
    journal.close()
    body = msgspec.msgpack.encode(
        [
            {"type": "SessionStepChanged@1", "at": 1.0, "step": 2, "step_id": "questions"},
            {"type": "GuestMoodChanged@1", "at": 2.0, "mood": "happy"},
            {"type": "HeatMapChanged@1", "at": 3.0, "preset": "europe"},
        ]
    )
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO batches(session_id, first_at, last_at, count, kinds, body)"
            " VALUES (?, 1, 3, 3, 'GuestMoodChanged,HeatMapChanged,SessionStepChanged', ?)",
            (session.id, body),
        )
    room = Room(load_settings(environ={}), options(path, recording))
    try:
        assert room.report.resumed and room.report.skipped_events == 1
        assert room.model.session.snapshot().current == 2, "its batch's other events kept"
        assert room.model.heat.snapshot().view.name == "europe"
        assert any("GuestMoodChanged@1" in m for m in room.report.messages)
        (problem,) = room.problems.problems()
        assert problem.where == "journal · resume" and "GuestMoodChanged@1" in problem.summary
    finally:
        room.stop()


class _Deadline:
    """A timer as a booth or an outbox will have: one event, once, at its time."""

    def __init__(self, at: float) -> None:
        self.at = at
        self.fired = False

    def due(self, now: float) -> list[Event]:
        if self.fired or now < self.at:
            return []
        self.fired = True
        return [SessionStepChanged(step=3, step_id="live-video", actor="clock")]


def test_the_engine_clock_ticks_and_fires_timers_with_no_source_at_all(tmp_path: Path) -> None:
    settings = load_settings(environ={"BLUEROOM_SOURCE__KIND": '"none"'})
    room = Room(settings, RoomOptions(journal_path=tmp_path / "j.sqlite"))
    deadline = _Deadline(time.time() + 0.5)
    room.clock.add(deadline)
    try:
        room.start()
        time.sleep(1.5)
        assert room.clock.ticks >= 5, "a few ticks a second, though nothing arrives"
        assert deadline.fired
        assert room.writer.wait_until_handed_on(5.0)
        assert room.model.session.snapshot().current == 3, "the timer's event was applied"
        assert room.source.stats().kind == "none" and room.model.metrics.snapshot().posts == 0
    finally:
        room.stop()


def test_a_models_error_is_counted_logged_with_its_traceback_and_sent_at_once(
    tmp_path: Path, recording: Path
) -> None:
    from blueroom.engine.process import SnapshotPublisher
    from blueroom.engine.protocol import Problems

    room = Room(load_settings(environ={}), options(tmp_path / "j.sqlite", recording))
    sent: list[object] = []

    def broken(events: object) -> None:
        raise ValueError("the glow went wrong")

    room.model.heat.apply = broken  # type: ignore[method-assign]
    publisher = SnapshotPublisher(room, sent.append)
    try:
        room.start()
        publisher.start()
        run_to_end(room)
        deadline = time.monotonic() + 5.0
        while not any(isinstance(m, Problems) for m in sent) and time.monotonic() < deadline:
            time.sleep(0.02)
        problems = [m for m in sent if isinstance(m, Problems)][-1]
        (problem,) = problems.problems
        assert problem.where == "model · heat map" and problem.count >= 1
        assert "ValueError: the glow went wrong" in problem.summary
        assert room.model.questions.snapshot().received == 2, "the other models went on"
        log = Path(problems.log_path).read_text(encoding="utf-8")
        assert "Traceback" in log and "the glow went wrong" in log
        assert Path(problems.log_path).parent == tmp_path
    finally:
        publisher.stop()
        room.stop()


def test_posts_played_again_after_the_last_checkpoint_count_once(
    tmp_path: Path, recording: Path
) -> None:
    """As after a kill -9 between a batch of posts and its checkpoint being written."""
    from blueroom.core.bus import Bus
    from blueroom.core.events import ReplayCheckpoint, SessionStarted
    from blueroom.sources.replay import ReplaySource
    from blueroom.store.journal import JournalWriter

    path = tmp_path / "j.sqlite"
    journal = Journal(path)
    session = journal.new_session("#AskBlueRoom")
    bus = Bus()
    writer = JournalWriter(path, bus, session.id)
    writer.start()
    bus.publish(SessionStarted(session_id=session.id))
    played = Bus()
    taken = played.subscribe("all")
    source = ReplaySource(recording, played.publish_many, speed=None, loop=False)
    source.start()
    assert source.wait_finished(10.0)
    source.stop()
    posts = [e for e in taken.drain() if isinstance(e, TweetReceived)]
    bus.publish_many(posts)  # every post journalled...
    bus.publish(ReplayCheckpoint(source="replay", path=str(recording), loop=0, line=1))
    assert writer.wait_until_handed_on(5.0)  # ...but the checkpoint says line 1 only
    writer.stop()
    journal.close()

    room = Room(load_settings(environ={}), options(path, recording))
    try:
        assert room.report.resumed
        run_to_end(room)
        metrics = room.model.metrics.snapshot()
        assert metrics.posts == 4 and metrics.duplicates == 3, "lines 2 to 5 came again"
        assert room.model.heat.snapshot().located == 1
        assert room.model.questions.snapshot().received == 2
    finally:
        room.stop()


def test_the_client_counts_activity_events_it_cannot_keep() -> None:
    from blueroom.core.events import MalformedRecord
    from blueroom.engine.client import ACTIVITY_KEPT, EngineClient
    from blueroom.engine.protocol import Events

    client = EngineClient(load_settings(environ={}), RoomOptions())
    flood = [MalformedRecord(source="replay", reason="bad", line=n) for n in range(ACTIVITY_KEPT)]
    client._on_events(Events(flood, lost=0))
    client._on_events(Events(flood[:10], lost=25))  # 10 more than it keeps; 25 the engine lost
    assert len(client.drain_events()) == ACTIVITY_KEPT
    assert client.dropped_events() == 35


def test_a_resume_from_a_snapshot_equals_a_replay_of_the_whole_journal(tmp_path: Path) -> None:
    from blueroom.paths import assets
    from tests.core.test_snapshots import _comparable

    journal = tmp_path / "demo.sqlite"
    settings = load_settings(environ={})

    def demo(**more: object) -> RoomOptions:
        return RoomOptions(
            replay_file=assets().demo_event, speed=None, loop=False, journal_path=journal,
            snapshot_every=7_000, **more,  # type: ignore[arg-type]
        )  # fmt: skip

    first = Room(settings, demo())
    try:
        run_to_end(first)
        # A busy machine may skip the snapshots due while the writer was behind: the
        # engine's clock takes the tail once it has caught up. What counts is the newest.
        deadline = time.monotonic() + 30.0
        while first.snapshots.stats().last_events < 14_000 or first.snapshots.busy:
            assert time.monotonic() < deadline, first.snapshots.stats()
            time.sleep(0.05)
        pending = first.model.questions.page(QueueQuery(limit=20)).rows
        first.actions.approve(pending[0].tweet_id)
        first.actions.approve(pending[1].tweet_id)
        first.actions.put_on_air(pending[0].tweet_id)
        first.actions.reject(pending[2].tweet_id, reason="off topic")
        first.actions.next_step()
        first.actions.set_heat_map("france", "live", 300.0)
        assert first.writer.wait_until_handed_on(5.0)
    finally:
        first.stop()

    resumed = {}
    for use_snapshots in (True, False):
        room = Room(settings, demo(use_snapshots=use_snapshots))
        try:
            resumed[use_snapshots] = (room.report, room.model.capture()())
        finally:
            room.stop()
    (fast, fast_state), (slow, slow_state) = resumed[True], resumed[False]
    resumed_states = (fast_state, slow_state)
    assert fast.from_snapshot >= 14_000 and fast.replayed_events < slow.replayed_events - 14_000
    assert (
        slow.from_snapshot == 0
        and slow.replayed_events == fast.from_snapshot + fast.replayed_events
    )
    assert _comparable(fast_state) == _comparable(slow_state)
    assert fast_state.questions.on_air == pending[0].tweet_id
    assert fast_state.session.current == 1 and fast_state.heat.view.name == "france"
    # Live densities fade with time, and each resume replays the change of half-life (to
    # 300 s) as it ends: until then, as in the journal, they fade with the first (600 s).
    # Between that change and its capture each state fades with the second: 0.12 % a
    # second more than this reckons (ln 2/300 - ln 2/600), a second allowed for a busy one.
    faded = math.exp(-math.log(2) / 600.0 * (slow_state.heat.at - fast_state.heat.at))
    for grid in ("fine", "coarse"):
        a, b = (np.frombuffer(getattr(s.heat, grid).values, "<f4").sum() for s in resumed_states)
        assert a > 0 and abs(a * faded - b) <= 1.2e-3 * a


def test_a_snapshot_waits_while_a_person_keeps_deciding(tmp_path: Path, recording: Path) -> None:
    """The fork and the child's work would delay the next key: snapshots wait for a quiet
    moment (at most SNAPSHOT_LONGEST_WAIT, then right after a decision)."""
    from blueroom.engine import room as engine_room

    room = Room(
        load_settings(environ={}),
        RoomOptions(
            replay_file=recording,
            speed=None,
            loop=True,
            journal_path=tmp_path / "j.sqlite",
            snapshot_every=500,
        ),
    )
    try:
        room.actions.star("100", True)  # a person at work from the first moment
        room.start()
        deciding_until = time.monotonic() + 1.5
        starred = False
        while time.monotonic() < deciding_until:
            room.actions.star("100", starred)
            starred = not starred
            time.sleep(0.1)
        assert room.writer.stats().written > 2_000, "far past the snapshot's 500 events"
        assert room.snapshots.stats().written == 0, "none while a person decides"
        quiet = time.monotonic() + engine_room.SNAPSHOT_QUIET_SECONDS + 3.0
        while room.snapshots.stats().written == 0 and time.monotonic() < quiet:
            time.sleep(0.05)
        assert room.snapshots.stats().written >= 1, "then, in the quiet, one is taken"
    finally:
        room.stop()


@pytest.mark.parametrize("tail_seconds", [0.0, math.inf], ids=["slow tail", "never slow"])
def test_a_snapshot_comes_before_its_count_when_the_tail_would_be_slow_to_replay(
    tmp_path: Path, recording: Path, monkeypatch: pytest.MonkeyPatch, tail_seconds: float
) -> None:
    """Posts whose texts were never seen replay slowly: once the models have spent
    ``snapshot_tail_seconds`` on the events since the last snapshot, one is taken, long
    before ``snapshot_every`` (but not under SNAPSHOT_FEWEST events)."""
    from blueroom.engine import room as engine_room

    monkeypatch.setattr(engine_room, "SNAPSHOT_FEWEST", 3)
    more = {"snapshot_every": 10**9, "snapshot_tail_seconds": tail_seconds}
    room = Room(load_settings(environ={}), options(tmp_path / "j.sqlite", recording, **more))
    try:
        run_to_end(room)
        deadline = time.monotonic() + (10.0 if tail_seconds == 0.0 else 1.5)  # ticks of 0.2 s
        while room.snapshots.stats().written == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert room.snapshots.wait_idle(10.0)
        taken = room.snapshots.stats().written
    finally:
        room.stop()
    assert bool(taken) == (tail_seconds == 0.0)


def test_an_operators_correction_of_the_reading_survives_a_restart(
    tmp_path: Path, recording: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    settings = load_settings(environ={})
    first = Room(settings, options(journal, recording))
    try:
        run_to_end(first)
        passed = first.model.questions.page(QueueQuery(view=QueueView.NOT_QUESTIONS)).rows
        assert [q.tweet_id for q in passed] == ["103"], "a reaction to the guest asks nothing"
        assert passed[0].asks == "asks nothing"
        first.actions.demote("101")
        first.actions.promote("103")
        deadline = time.monotonic() + 5.0
        while first.model.questions.snapshot().counts.get("promoted") != 1:
            assert time.monotonic() < deadline, "the corrections never reached the board"
            time.sleep(0.01)
    finally:
        first.stop()

    second = Room(settings, options(journal, recording))
    try:
        board = second.model.questions
        counts = board.snapshot().counts
        assert counts["promoted"] == 1 and counts["demoted"] == 1
        demoted = board.question("101")
        assert demoted is not None and demoted.state is QuestionState.NOT_QUESTION
        assert demoted.reason == "not a question, said the operator"
        promoted = board.question("103")
        assert promoted is not None and promoted.state is QuestionState.PENDING
        assert promoted.asks == "taken as a question by the operator"
        assert [q.tweet_id for q in board.page(QueueQuery(view=QueueView.NOT_QUESTIONS)).rows] == [
            "101"
        ]
    finally:
        second.stop()


def test_a_snapshot_never_claims_batches_the_models_have_not_taken(
    tmp_path: Path, recording: Path
) -> None:
    """Resumed with a tail and nothing new yet, the clock must not snapshot the models as
    if they stood for the journal's first batch (a kill -9 soak found it: every post of
    the next resume was counted again as a duplicate)."""
    journal = tmp_path / "j.sqlite"
    first = Room(load_settings(environ={}), options(journal, recording, snapshot_every=10**9))
    try:
        run_to_end(first)
        posts = first.model.metrics.snapshot().posts
    finally:
        first.stop()
    quiet = load_settings(environ={"BLUEROOM_SOURCE__KIND": '"none"'})
    second = Room(quiet, RoomOptions(journal_path=journal, snapshot_every=1))
    try:
        second.start()
        time.sleep(1.0)  # five ticks of the clock, with a snapshot due at each
        assert second.snapshots.wait_idle(10.0)
    finally:
        second.stop()
    third = Room(quiet, RoomOptions(journal_path=journal))
    try:
        metrics = third.model.metrics.snapshot()
        assert metrics.posts == posts and metrics.duplicates == 0
    finally:
        third.stop()


def _playing(journal: Path, recording: Path) -> RoomOptions:
    """A replay that goes on playing (in real time, looping) until it is stopped."""
    return RoomOptions(replay_file=recording, speed=1.0, loop=True, journal_path=journal)


def _budget_settings(budget: float) -> Settings:
    return load_settings(environ={"BLUEROOM_COST__BUDGET": str(budget)})


def _journalled(journal: Path, kind: type[Event]) -> list[Event]:
    reader = Journal.reader(journal)
    try:
        return [
            e for s in reader.sessions() for b in reader.read(s.id) for e in b if type(e) is kind
        ]
    finally:
        reader.close()


def test_the_x_budget_stops_the_source_and_says_so_in_one_line(
    tmp_path: Path, recording: Path
) -> None:
    """XUsage published as the X source does; at $1.00 of $1.00 reading stops (the replay
    stands for the source: it would otherwise play on), warned at 80 % first."""
    journal = tmp_path / "j.sqlite"
    room = Room(_budget_settings(1.0), _playing(journal, recording))
    try:
        room.start()
        room.publish(XUsage(what="stream", reads=160))  # $0.80
        deadline = time.monotonic() + 5.0
        while not room.model.cost.snapshot().warned and time.monotonic() < deadline:
            time.sleep(0.02)
        assert room.model.cost.snapshot().warned and not room.reading_stopped
        assert not room.source.wait_finished(0.3), "still reading under the budget"
        room.publish(XUsage(what="stream", reads=40))  # $1.00
        assert room.source.wait_finished(5.0), "the source stopped at the budget"
        assert room.reading_stopped.startswith("X budget of $1.00 reached at ")
        assert room.reading_stopped.endswith(
            ": reading stopped; posting still works; raise cost.budget to go on"
        )
        assert room.writer.wait_until_handed_on(5.0)
        problems = {p.where: p.summary for p in room.current_problems()}
        assert problems["X budget"] == room.reading_stopped
        assert room.source.stats().state is SourceState.STOPPED
        assert room.model.cost.snapshot().reached
    finally:
        room.stop()
    assert len(_journalled(journal, BudgetWarning)) == 1
    reached = _journalled(journal, BudgetReached)
    assert len(reached) == 1 and math.isclose(reached[0].spent, 1.0)  # type: ignore[attr-defined]

    again = Room(_budget_settings(1.0), _playing(journal, recording))
    try:
        assert again.report.resumed and again.model.cost.over_budget()
        assert again.reading_stopped == (
            "X budget of $1.00 is below the $1.00 already spent in this session: reading"
            " stays stopped; posting still works; raise cost.budget to go on"
        )
        assert again.reading_stopped in again.report.messages
        again.start()
        time.sleep(0.5)
        assert again.source.stats().posts == 0, "a resumed session over budget reads nothing"
        assert len(_journalled(journal, BudgetReached)) == 1, "not said again"
    finally:
        again.stop()

    raised = Room(_budget_settings(2.0), options(journal, recording))
    try:
        assert not raised.reading_stopped
        run_to_end(raised)
        assert raised.source.stats().posts > 0, "a raised budget reads again"
    finally:
        raised.stop()
