"""The programme live: the LIVE badge burned into the stream only while it is live (read
back from a real RTMP server on loopback), Go live on the console through the room, and
the session's live step asking for the stream where one is set up."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benchmarks.programme import on_air_room
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.streamer import Streamer, StreamOptions, StreamState, StreamStatus
from blueroom.core.actions import RoomActions
from blueroom.core.events import Event, StreamAsked, StreamStateChanged
from blueroom.core.models import RoomModel
from blueroom.core.programme import ProgrammeDirector
from blueroom.ui import theme
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.operator.activity_log import activity_line
from blueroom.ui.operator.programme_panel import ProgrammePanel
from blueroom.ui.programme import ProgrammeRenderer
from blueroom.ui.streaming import StreamDesk, stream_compose
from blueroom.x.credentials import Secret
from tests.rtmp_server import KEY, NoRtmpServer, RtmpServer

FPS = 25
BACKGROUND = (70, 40, 20)  # BGR: a dark blue picture


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RtmpServer]:
    try:
        made = RtmpServer(tmp_path / "nginx").start()
    except NoRtmpServer as error:
        pytest.fail(str(error))  # never skipped: CI installs nginx and its RTMP module
    yield made
    made.kill()


def camera() -> np.ndarray:
    return np.full((720, 1280, 3), BACKGROUND, dtype=np.uint8)


def feed(slot: LatestFrameSlot, seconds: float) -> None:
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < seconds:
        slot.put(camera(), start + n / FPS)
        n += 1
        time.sleep(max(0.0, start + n / FPS - time.monotonic()))


def streamer_for(
    director: ProgrammeDirector | None, url: str, slot: LatestFrameSlot, published: list[Event]
) -> Streamer:
    options = StreamOptions(url=url, width=640, height=360, fps=FPS, preset="ultrafast",
                            bitrate_kbps=1000, timeout=3.0)  # fmt: skip
    secret = Secret(KEY, "BLUEROOM_STREAM_KEY")
    if director is None:
        compose = stream_compose(
            ProgrammeDirector(on_air_room().questions, hashtag="#AskBlueRoom", guest_name="L"),
            options,
        )
        on_state = None
    else:
        compose = stream_compose(director, options)

        def on_state(status: StreamStatus) -> None:
            director.set_streaming(status.live)

    return Streamer(slot, compose, published.append, options=options, key=lambda: secret,
                    on_state=on_state)  # fmt: skip


def test_the_stream_carries_the_programme_with_its_live_badge_only_while_live(
    qapp: object, server: RtmpServer
) -> None:
    register_bundled_fonts()
    model = on_air_room()
    director = ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    assert director.programme().badge == 0.0, "no stream: no LIVE badge"
    slot = LatestFrameSlot()
    streamer = streamer_for(director, server.url, slot, [])
    streamer.start()
    try:
        streamer.begin()
        assert streamer.wait_for(lambda s: s.live, 10.0), streamer.status()
        feeding = threading.Thread(target=feed, args=(slot, 4.0), daemon=True)
        feeding.start()
        time.sleep(1.0)  # the badge comes in (0.35 s)
        pictures = []
        with av.open(server.play_url(), timeout=(10.0, 5.0)) as container:
            for frame in container.decode(video=0):
                pictures.append(frame.to_ndarray(format="bgr24"))
                if len(pictures) >= 20:
                    break
        feeding.join(5)
        streamer.end()
        assert streamer.wait_for(lambda s: s.state is StreamState.STOPPED, 10.0)
    finally:
        streamer.stop()
    renderer = ProgrammeRenderer(640, 360, hashtag="#AskBlueRoom")
    places = renderer.places(director.programme().lower[-1].content)
    badge, lower = places["badge"], places["lower_third"]
    last = pictures[-1].astype(int)
    inner = badge.adjusted(4, 3, -4, -3)
    box = last[
        round(inner.top()) : round(inner.bottom()), round(inner.left()) : round(inner.right())
    ]
    red = np.median(box.reshape(-1, 3), axis=0)  # the badge's red around its white word
    live = np.array([theme.LIVE.blue(), theme.LIVE.green(), theme.LIVE.red()])
    assert np.abs(red - live).max() < 40, f"the LIVE badge, burned into the stream: {red}"
    inside = last[round(lower.center().y()), round(lower.right()) - 20]
    assert inside.min() > 200, f"the question's lower third: {inside}"
    assert np.abs(last[180, 320] - BACKGROUND).max() < 24, "the camera's picture"
    time.sleep(0.4)
    assert director.programme().badge == 0.0, "the stream ended: the badge is gone"


def room_with_desk(
    streamer: Streamer, model: RoomModel
) -> tuple[StreamDesk, RoomActions, list[Event]]:
    published: list[Event] = []
    desk: StreamDesk | None = None

    def publish(event: Event) -> int:  # journalled, then back to the screens: the pump
        published.append(event)
        model.apply([event])
        if desk is not None:
            desk.on_events([event])
        return 0

    actions = RoomActions(publish, model.session, "programme")
    desk = StreamDesk(streamer, actions, model.session)
    return desk, actions, published


def test_go_live_on_the_console_goes_through_the_room_and_shows_the_figures(
    qtbot: QtBot, server: RtmpServer
) -> None:
    model = on_air_room()
    slot = LatestFrameSlot()
    streamer = streamer_for(None, server.url, slot, [])
    desk, actions, published = room_with_desk(streamer, model)
    panel = ProgrammePanel(model.session, actions, None, stream=desk)
    qtbot.addWidget(panel)
    panel.resize(520, 480)
    panel.show()
    assert panel.stream_state.text() == f"Not streaming · {server.url}"
    streamer.start()
    try:
        qtbot.mouseClick(panel.go_live, Qt.MouseButton.LeftButton)
        assert published == [StreamAsked(streaming=True, at=published[0].at)]
        assert panel.go_live.text() == "■ End the stream"
        assert streamer.wait_for(lambda s: s.live, 10.0), streamer.status()
        feed(slot, 1.5)
        panel.refresh()
        text = panel.stream_state.text()
        assert text.startswith("LIVE 0:0") and " kbit/s · " in text, text
        assert "0 dropped · 0 reconnects" in text and " sent · " in text, text
        assert streamer.status().kbps > 20
        qtbot.mouseClick(panel.go_live, Qt.MouseButton.LeftButton)
        assert isinstance(published[-1], StreamAsked) and not published[-1].streaming
        assert streamer.wait_for(lambda s: s.state is StreamState.STOPPED, 10.0)
    finally:
        streamer.stop()
    panel.refresh()
    assert panel.go_live.text() == "● Go live"
    assert panel.stream_state.text() == f"Not streaming · {server.url}"


def test_a_stream_that_cannot_start_says_why_on_the_console(qtbot: QtBot) -> None:
    model = on_air_room()
    slot = LatestFrameSlot()
    streamer = streamer_for(None, "rtmp://127.0.0.1:1/live", slot, [])
    desk, actions, _ = room_with_desk(streamer, model)
    panel = ProgrammePanel(model.session, actions, None, stream=desk)
    qtbot.addWidget(panel)
    panel.show()
    streamer.start()
    try:
        qtbot.mouseClick(panel.go_live, Qt.MouseButton.LeftButton)
        assert streamer.wait_for(lambda s: s.state is StreamState.FAILED, 10.0)
    finally:
        streamer.stop()
    panel.refresh()
    assert panel.stream_state.text() == "Not streaming: it could not go on"
    said = "Cannot reach rtmp://127.0.0.1:1/live: connection refused"
    assert panel.stream_message.text() == said and panel.stream_message.isVisible()
    failed = streamer.status()
    line = activity_line(StreamStateChanged(state="failed", reason=failed.reason))
    assert line is not None and line.endswith(f"stream: could not go on — {said}"), line


def test_the_live_step_asks_for_the_stream_and_leaving_it_ends_it(qtbot: QtBot) -> None:
    model = on_air_room()
    streamer = streamer_for(None, "rtmp://127.0.0.1:1/live", LatestFrameSlot(), [])
    desk, actions, published = room_with_desk(streamer, model)
    live = next(i for i, s in enumerate(model.session.steps) if s.shows == "live")
    desk.follow()  # where the room is when the screens start is no move
    actions.go_to_step(live)
    desk.follow()
    asked = [e for e in published if isinstance(e, StreamAsked)]
    assert asked == [StreamAsked(streaming=True, actor="script", at=asked[0].at)]
    streamer.begin = lambda: None  # type: ignore[method-assign]
    actions.go_to_step(live + 1)
    desk.follow()
    assert [e for e in published if isinstance(e, StreamAsked)] == asked, (
        "a stream that is not running is not stopped"
    )


def test_the_live_step_starts_nothing_without_a_stream_set_up_nor_on_a_restart() -> None:
    model = on_air_room()
    live = next(i for i, s in enumerate(model.session.steps) if s.shows == "live")
    unset = streamer_for(None, "", LatestFrameSlot(), [])
    desk, actions, published = room_with_desk(unset, model)
    desk.follow()
    actions.go_to_step(live)
    desk.follow()
    assert not [e for e in published if isinstance(e, StreamAsked)], "no stream set up"
    set_up = streamer_for(None, "rtmp://127.0.0.1:1/live", LatestFrameSlot(), [])
    desk, _, published = room_with_desk(set_up, model)
    desk.follow()  # a restart on the live step
    desk.follow()
    assert not [e for e in published if isinstance(e, StreamAsked)]
