"""Two releases face to face: a process speaking another protocol is one clear line."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from blueroom.engine import protocol
from blueroom.engine.protocol import (
    PROTOCOL_VERSION,
    Failed,
    ProtocolMismatch,
    Ready,
    Start,
    check_start,
    first_from_engine,
)


def test_the_engine_refuses_a_start_of_another_release() -> None:
    start = msgspec.msgpack.encode(Start(PROTOCOL_VERSION + 1, {}, {}))
    with pytest.raises(ProtocolMismatch, match=f"speaks protocol {PROTOCOL_VERSION + 1}"):
        check_start(start)
    with pytest.raises(ProtocolMismatch, match="speaks protocol None"):
        check_start(msgspec.msgpack.encode(["settings", "from", "0.1.0"]))
    assert check_start(msgspec.msgpack.encode(Start(PROTOCOL_VERSION, {}, {}))).settings == {}


def test_the_screens_read_an_engine_of_another_release_as_a_failure() -> None:
    ready = Ready(PROTOCOL_VERSION + 1, "s", False, [], [])
    first = first_from_engine(msgspec.msgpack.encode(ready))
    assert isinstance(first, Failed) and "the engine speaks protocol" in first.reason
    failed = first_from_engine(msgspec.msgpack.encode(Failed("journal is in use")))
    assert isinstance(failed, Failed) and failed.reason == "journal is in use"
    ours = first_from_engine(msgspec.msgpack.encode(Ready(PROTOCOL_VERSION, "s", True, [], [])))
    assert isinstance(ours, Ready) and ours.resumed


def test_an_engine_process_of_another_release_ends_the_start_with_one_line(
    tmp_path: Path, recording: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine is spawned from the files on disk: here the screens' side claims a
    newer protocol, as after an upgrade under a running room."""
    from blueroom.engine import client as client_module
    from blueroom.engine.client import EngineClient
    from blueroom.engine.room import RoomError, RoomOptions
    from blueroom.settings import load_settings

    monkeypatch.setattr(client_module, "PROTOCOL_VERSION", protocol.PROTOCOL_VERSION + 1)
    engine = EngineClient(
        load_settings(environ={}),
        RoomOptions(replay_file=recording, journal_path=tmp_path / "j.sqlite"),
    )
    with pytest.raises(RoomError) as raised:
        engine.start(timeout=60.0)
    message = str(raised.value)
    assert message.startswith(f"the screens' process speaks protocol {PROTOCOL_VERSION + 1}")
    assert "\n" not in message and "start it again" in message
    assert not engine.alive


def test_a_parser_of_another_release_is_refused_and_the_replay_parses_itself(
    monkeypatch: pytest.MonkeyPatch, recording: Path
) -> None:
    from blueroom.core.bus import Bus
    from blueroom.core.events import TweetReceived
    from blueroom.engine import parser as parser_module
    from blueroom.engine.parser import ParserProcess
    from blueroom.sources.replay import ReplaySource

    monkeypatch.setattr(parser_module, "PROTOCOL_VERSION", protocol.PROTOCOL_VERSION + 1)
    worker = ParserProcess()
    with pytest.raises(ProtocolMismatch, match="the parser process speaks protocol"):
        worker.start(timeout=60.0)
    bus = Bus()
    taken = bus.subscribe("test")
    source = ReplaySource(recording, bus.publish_many, speed=None, loop=False, parser=ParserProcess)
    source.start()
    assert source.wait_finished(30.0)
    source.stop()
    posts = [e for e in taken.drain() if isinstance(e, TweetReceived)]
    assert len(posts) == 4, "parsed in the engine instead"


def test_the_heat_map_s_view_figures_cross_to_the_screens() -> None:
    """A regional view's own counters (posts, per minute, countries, top cities inside the
    view) reach the wall, not only the world's."""
    from blueroom.core.events import HeatMapChanged, TweetReceived
    from blueroom.core.heatmap import HeatGrid
    from blueroom.core.tweet import GeoPoint, Tweet
    from blueroom.engine.process import heat_message
    from blueroom.engine.protocol import Heat
    from blueroom.engine.remote import RemoteHeat

    grid = HeatGrid(half_life=600.0)
    grid.apply(
        [
            HeatMapChanged(preset="france"),
            *(
                TweetReceived(tweet=Tweet(id=str(n), text="x", coordinates=GeoPoint(2.35, 48.85)))
                for n in range(3)
            ),
            TweetReceived(tweet=Tweet(id="9", text="x", coordinates=GeoPoint(-74.0, 40.7))),
        ]
    )
    sent = grid.snapshot()
    assert sent.in_view is not None and sent.in_view.posts == 3 and sent.posts == 4
    wire = msgspec.msgpack.decode(msgspec.msgpack.encode(heat_message(sent)), type=Heat)
    remote = RemoteHeat()
    remote.receive(wire)
    assert remote.latest().in_view == sent.in_view
