"""Personal data kept no longer than needed: a past session loses its fans' posts, names
and handles (in its events and its snapshots, and in the file's bytes), keeps its
figures; the running session and a dry run change nothing."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from blueroom.core.events import (
    ModerationRulesChanged,
    QuestionStateChanged,
    SessionStepChanged,
    TweetReceived,
    XUsage,
)
from blueroom.core.moderation import ModerationRules
from blueroom.core.questions import QuestionBoard
from blueroom.engine.room import Room, RoomOptions, question_rules
from blueroom.settings import Settings, load_settings
from blueroom.store.journal import Journal
from blueroom.store.purge import due_for_purge, purge_sessions, stored_figures
from tests.conftest import post, write_recording

DAY = 86_400.0
NO_GEOCODER = {"BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false"}  # a second saved per room
KEEP_FOREVER = {"BLUEROOM_PRIVACY__RETENTION_DAYS": "0", **NO_GEOCODER}


def _bytes(journal: Path) -> bytes:
    wal = journal.with_name(journal.name + "-wal")
    return journal.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _play(settings: Settings, journal: Path, recording: Path) -> Room:
    room = Room(
        settings, RoomOptions(replay_file=recording, speed=None, loop=False, journal_path=journal)
    )
    room.start()
    assert room.source.wait_finished(10.0)
    assert room.writer.wait_until_handed_on(5.0)
    return room


@pytest.fixture
def two_sessions(tmp_path: Path, recording: Path) -> tuple[Path, str, str]:
    """A session that ended 40 days ago (decisions, X usage, a snapshot holding a post)
    and the running one, of another fan, left unfinished."""
    journal = tmp_path / "journal.sqlite"
    settings = load_settings(environ=KEEP_FOREVER)
    old = _play(settings, journal, recording)
    try:
        old.actions.approve("100")
        old.actions.put_on_air("100")
        old.actions.mark_answered("100")
        old.actions.reject("101", reason="déjà posée par @fan101")
        old.actions.set_rules(ModerationRules(blocked_users=("troll_qui_insulte",)))
        old.actions.next_step()
        old.publish(XUsage(what="stream", reads=4, read_ids=("100", "101", "102", "103")))
        old.publish(XUsage(what="post", posts=1))
        assert old.writer.wait_until_handed_on(5.0)
        old_id = old.session_id
    finally:
        old.stop()
    with Journal(journal) as opened:
        opened.connection.execute(  # a snapshot whose parts hold a post, as real ones do
            "INSERT INTO snapshots(id, session_id, upto_seq, events, at, state_version, parts,"
            " bytes, complete) VALUES (99, ?, 1, 1, 0, 2, 1, 20, 1)",
            (old_id,),
        )
        opened.connection.execute(
            "INSERT INTO snapshot_parts VALUES (99, 0, ?)", (b"snapshot of @fan100 A fan",)
        )
        opened.connection.commit()
        opened.end_session(old_id, at=time.time() - 40 * DAY)
    running_recording = write_recording(
        recording.with_name("running.jsonl"),
        [
            post(
                "200",
                "#AskBlueRoom encore une question ?",
                author={"id": "u2", "username": "runningfan", "name": "Zoé"},
            )
        ],
    )
    running = _play(settings, journal, running_recording)
    running_id = running.session_id
    running.stop()
    return journal, old_id, running_id


def _board(settings: Settings) -> QuestionBoard:
    return QuestionBoard(question_rules(settings), settings.moderation, keep_posts=False)


def _events(journal: Path, session_id: str) -> list[object]:
    reader = Journal.reader(journal)
    try:
        return [event for batch in reader.read(session_id) for event in batch]
    finally:
        reader.close()


def test_a_past_session_loses_its_fans_and_keeps_its_figures(
    two_sessions: tuple[Path, str, str],
) -> None:
    journal, old_id, running_id = two_sessions
    before = _bytes(journal)
    for personal in (b"fan100", b"A fan", b"pourquoi la musique", b"troll_qui_insulte"):
        assert personal in before, "the journal held it before the purge"
    running_events = _events(journal, running_id)
    settings = load_settings(environ={})
    with Journal(journal) as opened:
        due = due_for_purge(opened, 30)
        assert [s.id for s in due] == [old_id], "the running session is never due"
        report = purge_sessions(opened, due, lambda: _board(settings), settings.cost)
    assert report.snapshots_removed == 1 and report.events_removed > 0 and report.events_kept > 0
    assert report.describe().startswith("purged 1 session: ")

    after = _bytes(journal)
    for personal in (b"fan100", b"fan101", b"A fan", b"pourquoi la musique", b"troll_qui_insulte"):
        assert personal not in after, f"{personal!r} is gone from the file's bytes"
    assert b"runningfan" in after and b"encore une question" in after

    left = _events(journal, old_id)
    kinds = {type(e) for e in left}
    assert not kinds & {TweetReceived, QuestionStateChanged, ModerationRulesChanged}
    assert SessionStepChanged in kinds
    usage = [e for e in left if isinstance(e, XUsage)]
    assert usage and all(not e.read_ids for e in usage), "no post ids kept"
    assert _events(journal, running_id) == running_events, "the running session untouched"

    reader = Journal.reader(journal)
    try:
        sessions = {s.id: s for s in reader.sessions()}
        assert sessions[old_id].purged and not sessions[running_id].purged
        figures = stored_figures(reader, old_id)
        assert stored_figures(reader, running_id) is None
        snapshots = reader.connection.execute(
            "SELECT COUNT(*) FROM snapshot_parts WHERE snapshot_id = 99"
        ).fetchone()[0]
    finally:
        reader.close()
    assert snapshots == 0
    assert figures is not None
    assert (figures.posts, figures.retweets, figures.questions, figures.answered) == (4, 1, 2, 1)
    assert figures.rejected == 1 and figures.x_reads == 4 and figures.x_posts == 1
    assert abs(figures.cost - (4 * 0.005 + 0.015)) < 1e-9 and figures.prices_as_of == "2026-08"
    assert figures.describe() == "4 posts, 2 questions (1 answered), 0 countries, X $0.035"


def test_a_dry_run_says_what_would_go_and_changes_nothing(
    two_sessions: tuple[Path, str, str],
) -> None:
    journal, old_id, _ = two_sessions
    digest = hashlib.sha256(_bytes(journal)).hexdigest()
    settings = load_settings(environ={})
    with Journal(journal) as opened:
        report = purge_sessions(
            opened, due_for_purge(opened, 30), lambda: _board(settings), settings.cost, dry_run=True
        )
    assert report.describe().startswith("would purge 1 session: ")
    assert report.events_removed > 0 and report.snapshots_removed == 1
    assert hashlib.sha256(_bytes(journal)).hexdigest() == digest
    assert any(isinstance(e, TweetReceived) for e in _events(journal, old_id))


def test_sessions_younger_than_the_retention_are_kept_whole(
    two_sessions: tuple[Path, str, str],
) -> None:
    journal, _, _ = two_sessions
    with Journal(journal) as opened:
        assert due_for_purge(opened, 41) == []


def test_the_room_purges_past_sessions_at_start_and_says_how_many(
    two_sessions: tuple[Path, str, str], recording: Path
) -> None:
    journal, old_id, running_id = two_sessions
    room = Room(
        load_settings(environ=NO_GEOCODER),  # retention: 30 days by default
        RoomOptions(replay_file=recording, speed=None, loop=False, journal_path=journal),
    )
    try:
        assert room.report.resumed and room.session_id == running_id
        said = room.report.messages[0]
        assert said.startswith("purged 1 session: ")
        assert said.endswith("(privacy.retention_days = 30)")
    finally:
        room.stop()
    assert b"fan100" not in _bytes(journal)
    assert not any(isinstance(e, TweetReceived) for e in _events(journal, old_id))
