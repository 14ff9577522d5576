"""The real room (engine/room.py, headless) reading the stand-in X server: a reconnect
that delivers posts again counts each once (through the journalled ``SeenPosts``), and
a restarted room back-fills from its checkpoint the posts it missed while down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blueroom.core.events import SourceState
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from blueroom.sources import x_status as fig
from tests.standin_x import StandInX
from tests.standin_x.streaming import stream_of
from tests.x.test_x_source import fan, wait_for


def live_room(server: StandInX, journal: Path, kind: str = "live") -> Room:
    settings = load_settings(
        environ={
            "BLUEROOM_SOURCE__KIND": kind,
            "BLUEROOM_X__API_BASE": server.url,
            "BLUEROOM_X__STALL_SECONDS": "2",
            "BLUEROOM_X__RECORD_DIR": str(journal.parent / "rec"),
            "BLUEROOM_EVENT__HASHTAG": "#AskBlueRoom",
        }
    )
    return Room(settings, RoomOptions(journal_path=journal))


def posts(room: Room) -> int:
    return room.model.metrics.snapshot().posts


def test_a_reconnect_that_delivers_again_counts_each_post_once_and_a_restart_backfills(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEROOM_X_BEARER_TOKEN", "good-token")
    journal = tmp_path / "j.sqlite"
    with StandInX() as x:
        stream = stream_of(x)
        stream.keep_alive = 0.2
        room = live_room(x, journal, "live+record")
        try:
            room.start()
            wait_for(lambda: room.source.stats().state == SourceState.RUNNING)
            stream.post(fan(1), fan(2))
            wait_for(lambda: posts(room) == 2)
            stream.disconnect()
            wait_for(lambda: stream.open == 0)
            stream.post(fan(3))  # missed by the stream: the back-fill brings it
            stream.push(fan(2), fan(3))  # and the new connection delivers both again
            wait_for(lambda: stream.connections == 2 and stream.sent_lines >= 4)
            wait_for(lambda: posts(room) == 3 and room.model.metrics.snapshot().duplicates >= 2)
            assert dict(room.source.stats().figures)[fig.RECONNECTS] == 1
        finally:
            room.stop()
        stream.post(fan(4))  # while the room is down
        again = live_room(x, journal)
        try:
            assert again.report.resumed
            again.start()
            wait_for(lambda: posts(again) == 4)
            figures = dict(again.source.stats().figures)
            assert figures[fig.BACKFILLS] == 1 and figures[fig.BACKFILLED] == 1
        finally:
            again.stop()
        recent = [r for r in x.requests if r.path == "/2/tweets/search/recent"]
        assert recent[-1].query["since_id"] == [fan(3)["data"]["id"]]
    (recording,) = (tmp_path / "rec").iterdir()
    recorded = recording.read_bytes().splitlines()
    assert json.dumps(fan(1)).encode() in recorded


def test_a_room_without_a_token_starts_and_says_why_its_source_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BLUEROOM_X_BEARER_TOKEN", raising=False)
    with StandInX() as x:
        room = live_room(x, tmp_path / "j.sqlite")
        try:
            room.start()
            assert room.source.wait_finished(10)
            (stats,) = room.sources()
            assert stats.state == SourceState.FAILED
            assert stats.detail.startswith("no X bearer token: set BLUEROOM_X_BEARER_TOKEN")
            assert room.current_problems() == []  # a clear line, no traceback
        finally:
            room.stop()
