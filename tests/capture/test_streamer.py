"""The programme's stream against a real RTMP server on loopback (nginx-rtmp, started by
the tests), read back by PyAV: every frame in order, a server that vanishes and returns,
a stream that cannot start saying why in one line, the key nowhere."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import av
import cv2
import msgspec
import numpy as np
import pytest

from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.capture.output_stats import OutputState
from blueroom.capture.rtmp import (
    FlvTags,
    Refused,
    RtmpPublisher,
    Unreachable,
    amf_decode,
    amf_encode,
    parse_address,
)
from blueroom.capture.streamer import (
    RetryDelays,
    Streamer,
    StreamOptions,
    StreamState,
    StreamStatus,
)
from blueroom.core.events import Event, StreamStateChanged, encode_event
from blueroom.x.credentials import Secret
from tests.rtmp_server import KEY, NoRtmpServer, RtmpServer, free_port

SIZE = (320, 180)
FPS = 30
BOX = (slice(10, 50), slice(10, 90))  # rows, columns: the test's overlay, white


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RtmpServer]:
    try:
        made = RtmpServer(tmp_path / "nginx").start()
    except NoRtmpServer as error:
        pytest.fail(str(error))  # never skipped: CI installs nginx and its RTMP module
    yield made
    made.kill()


def camera(n: int) -> np.ndarray:
    """Frame ``n``: dark blue, with its number as the grey of a big block (4 levels a
    frame, 60 frames round), so that the frames read back tell their order."""
    image = np.full((360, 640, 3), (70, 40, 20), dtype=np.uint8)
    image[200:340, 200:440] = (n % 60) * 4
    return image


def overlay(frame: Frame) -> np.ndarray:
    """The test's programme: the camera at the stream's size with a white box burned in."""
    picture = cv2.resize(np.asarray(frame.image), SIZE, interpolation=cv2.INTER_AREA)
    picture[BOX] = 255
    return picture


def options(url: str, **changes: object) -> StreamOptions:
    base = {"url": url, "width": SIZE[0], "height": SIZE[1], "fps": FPS, "preset": "ultrafast",
            "bitrate_kbps": 800, "timeout": 3.0, "retry_first": 0.3, "retry_longest": 2.0}  # fmt: skip
    return StreamOptions(**{**base, **changes})  # type: ignore[arg-type]


class Feeder:
    """A camera at 30 fps into the slot, on a thread of the test's own."""

    def __init__(self, slot: LatestFrameSlot) -> None:
        self.slot = slot
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        start = time.monotonic()
        while not self._stop.is_set():
            self.slot.put(camera(self.count), start + self.count / FPS)
            self.count += 1
            time.sleep(max(0.0, start + self.count / FPS - time.monotonic()))

    def __enter__(self) -> Feeder:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(5)


def make_streamer(
    url: str, published: list[Event], key: str | None = KEY, **changes: object
) -> tuple[Streamer, LatestFrameSlot]:
    slot = LatestFrameSlot()
    secret = Secret(key, "BLUEROOM_STREAM_KEY") if key is not None else None
    streamer = Streamer(slot, overlay, published.append, options=options(url, **changes),
                        key=lambda: secret)  # fmt: skip
    return streamer, slot


def play(url: str, count: int, timeout: float = 15.0) -> tuple[list[np.ndarray], list[str]]:
    """``count`` pictures of the stream as a viewer gets them, and its streams' codecs."""
    pictures: list[np.ndarray] = []
    with av.open(url, timeout=(timeout, 5.0)) as container:
        codecs = [s.codec_context.name for s in container.streams]
        for frame in container.decode(video=0):
            pictures.append(frame.to_ndarray(format="bgr24"))
            if len(pictures) >= count:
                break
    return pictures, codecs


def numbers(pictures: list[np.ndarray]) -> list[int]:
    return [round(float(np.median(p[110:160, 110:210])) / 4) for p in pictures]


def states(published: list[Event]) -> list[str]:
    return [e.state for e in published if isinstance(e, StreamStateChanged)]


def test_the_stream_reaches_the_server_every_frame_in_order_with_its_overlay(
    server: RtmpServer,
) -> None:
    published: list[Event] = []
    streamer, slot = make_streamer(server.url, published)
    streamer.start()
    try:
        with Feeder(slot) as feeder:
            streamer.begin()
            assert streamer.wait_for(lambda s: s.live, 10.0), streamer.status()
            pictures, codecs = play(server.play_url(), 60)
            time.sleep(0.6)  # the figures are brought up to date twice a second
            status = streamer.status()
            as_output = streamer.output_stats()  # what the console's Broadcast tab reads
            sent_while = feeder.count
        streamer.end()
        assert streamer.wait_for(lambda s: s.state is StreamState.STOPPED, 10.0)
    finally:
        streamer.stop()
    assert sorted(codecs) == ["aac", "h264"], (
        "H.264 and a sound track (silence without a microphone)"
    )
    assert len(pictures) == 60 and pictures[0].shape == (SIZE[1], SIZE[0], 3)
    seen = numbers(pictures)
    steps = {(b - a) % 60 for a, b in itertools.pairwise(seen)}
    assert steps == {1}, f"every frame, in order: {seen}"
    for picture in pictures:
        assert picture[BOX].min() > 220, "the overlay burned into every frame"
        assert abs(int(picture[170, 300][0]) - 70) < 20, "the camera around it"
    assert status.frames_dropped == 0 and status.frames_sent >= sent_while - 20
    assert status.kbps > 50 and status.bytes_sent > 20_000
    assert status.address == server.url and status.reconnects == 0
    assert as_output.state is OutputState.ACTIVE and as_output.bitrate_kbps > 50
    assert as_output.frames_sent >= status.frames_sent and as_output.frames_dropped == 0
    assert as_output.seconds > 1.0 and as_output.size >= status.bytes_sent
    assert streamer.output_stats().state is OutputState.STOPPED
    assert states(published) == ["connecting", "live", "stopped"]
    stopped = published[-1]
    assert isinstance(stopped, StreamStateChanged) and stopped.seconds > 1.0


def test_a_server_that_vanishes_and_returns_is_reconnected_by_itself(
    server: RtmpServer,
) -> None:
    published: list[Event] = []
    streamer, slot = make_streamer(server.url, published)
    streamer.start()
    try:
        with Feeder(slot):
            streamer.begin()
            assert streamer.wait_for(lambda s: s.live, 10.0), streamer.status()
            play(server.play_url(), 10)
            server.kill()
            assert streamer.wait_for(lambda s: s.state is StreamState.RECONNECTING, 10.0)
            lost = streamer.status()
            assert lost.reason.startswith(f"lost {server.url}: ") or lost.reason.endswith(
                "closed the connection"
            ), lost.reason
            time.sleep(1.0)  # a try or two against nothing
            trying = streamer.status()
            assert trying.state is StreamState.RECONNECTING and trying.attempt >= 2
            assert trying.reason.startswith(f"cannot reach {server.url}: "), trying.reason
            assert trying.next_try_at is not None
            server.start()
            assert streamer.wait_for(lambda s: s.live, 10.0), streamer.status()
            pictures, _ = play(server.play_url(), 30)
        streamer.end()
        assert streamer.wait_for(lambda s: s.state is StreamState.STOPPED, 10.0)
    finally:
        streamer.stop()
    assert len(pictures) == 30 and all(p[BOX].min() > 220 for p in pictures)
    status = streamer.status()
    assert status.reconnects == 1 and status.attempt == 0
    assert states(published) == ["connecting", "live", "reconnecting", "live", "stopped"]


@pytest.mark.parametrize(
    "case", ["nothing listening", "wrong scheme", "no address", "no key", "wrong key"]
)
def test_a_stream_that_cannot_start_says_why_in_one_line(server: RtmpServer, case: str) -> None:
    port = free_port()
    url, key, said = {
        "nothing listening": (
            f"rtmp://127.0.0.1:{port}/live", KEY,
            f"cannot reach rtmp://127.0.0.1:{port}/live: connection refused",
        ),
        "wrong scheme": (
            "http://127.0.0.1/live", KEY,
            "the stream address is wrong: a stream address begins with rtmp:// or rtmps://,"
            " not http://",
        ),
        "no address": ("", KEY, "no stream address in the settings ([stream] url)"),
        "no key": (
            server.url, None,
            "no stream key: set BLUEROOM_STREAM_KEY in the environment or the keyring",
        ),
        "wrong key": (
            server.url, "NotTheKey-123", "the server refused the key (it closed the connection)"
        ),
    }[case]  # fmt: skip
    published: list[Event] = []
    streamer, _ = make_streamer(url, published, key)
    streamer.start()
    try:
        streamer.begin()
        assert streamer.wait_for(lambda s: s.state is StreamState.FAILED, 10.0), streamer.status()
    finally:
        streamer.stop()
    status = streamer.status()
    assert status.reason == said and "\n" not in status.reason
    assert states(published) == ["connecting", "failed"]
    assert not status.live and status.attempt == 0, "a first connection is not retried"


def test_frames_the_stream_cannot_keep_up_with_are_counted_as_dropped(
    server: RtmpServer,
) -> None:
    published: list[Event] = []
    slot = LatestFrameSlot()

    def slow(frame: Frame) -> np.ndarray:
        time.sleep(0.06)  # half the camera's rate at most
        return overlay(frame)

    secret = Secret(KEY, "BLUEROOM_STREAM_KEY")
    streamer = Streamer(slot, slow, published.append, options=options(server.url),
                        key=lambda: secret)  # fmt: skip
    streamer.start()
    try:
        streamer.begin()
        assert streamer.wait_for(lambda s: s.live, 10.0)
        time.sleep(0.3)  # the compose worker taps the camera once the stream is live
        with Feeder(slot) as feeder:
            time.sleep(2.0)
        put = feeder.count
        # what waited is composed and sent, the figures brought up to date: every frame
        # the camera gave is then either sent or counted as dropped
        streamer.wait_for(lambda s: s.frames_sent + s.frames_dropped >= put, 5.0)
        status = streamer.status()
    finally:
        streamer.stop()
    assert status.frames_dropped >= 5, status  # 2 s of a camera twice too fast for it
    assert status.frames_sent + status.frames_dropped == put, "none lost uncounted"


def test_the_key_is_nowhere_but_in_the_publish_command(
    server: RtmpServer, caplog: pytest.LogCaptureFixture
) -> None:
    canary = "StreamKeyLeakCanary-9q8w7e6r"
    caplog.set_level(logging.DEBUG)
    published: list[Event] = []
    reasons: list[str] = []
    for url in (server.url, f"rtmp://127.0.0.1:{free_port()}/live", "rtmps://127.0.0.1:1/x"):
        streamer, _ = make_streamer(url, published, canary)
        streamer.start()
        try:
            streamer.begin()
            assert streamer.wait_for(lambda s: s.state is StreamState.FAILED, 10.0)
        finally:
            streamer.stop()
        reasons.append(streamer.status().reason)
        assert canary not in repr(streamer.status()) and canary not in repr(streamer.options)
    assert reasons[0].startswith("the server refused the key")
    journal = b"".join(encode_event(e) for e in published)
    assert canary.encode() not in journal and canary not in caplog.text
    assert all(canary not in reason for reason in reasons)
    with pytest.raises(TypeError):
        msgspec.json.encode(Secret(canary, "BLUEROOM_STREAM_KEY"))


def test_rtmp_addresses_amf_flv_tags_and_retry_delays() -> None:
    address = parse_address("rtmps://live.example.com/app/instance")
    assert (address.host, address.port, address.app, address.tls) == (
        "live.example.com", 443, "app/instance", True,
    )  # fmt: skip
    assert str(parse_address("rtmp://h:1935/live")) == "rtmp://h/live"
    for bad, said in (
        ("srt://h/live", "not srt://"),
        ("rtmp://h", "names no application"),
        ("rtmp:///live", "has no server"),
        ("rtmp://h:x/live", "port that is not a number"),
    ):
        with pytest.raises(ValueError, match=said):
            parse_address(bad)
    values = ["connect", 1.0, {"app": "live", "n": 2.5, "ok": True}, None, "é" * 3]
    assert amf_decode(amf_encode(*values)) == values
    tags: list[tuple[int, int, bytes]] = []
    flv = FlvTags(lambda kind, stamp, body: tags.append((kind, stamp, body)))
    stream = b"FLV\x01\x05\x00\x00\x00\x09" + b"\x00" * 4
    for kind, stamp, body in ((9, 40, b"abc"), (8, 0x01000010, b"de")):
        head = bytes([kind]) + len(body).to_bytes(3, "big") + (stamp & 0xFFFFFF).to_bytes(3, "big")
        head += bytes([stamp >> 24]) + b"\x00\x00\x00"
        stream += head + body + (11 + len(body)).to_bytes(4, "big")
    for at in range(0, len(stream), 5):  # as the muxer writes: in pieces
        flv.write(stream[at : at + 5])
    assert tags == [(9, 40, b"abc"), (8, 0x01000010, b"de")]
    delays = RetryDelays(0.5, 4.0)
    assert [delays.next() for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    delays.succeeded()
    assert delays.next() == 0.5


def test_the_publisher_says_why_each_connection_fails(server: RtmpServer) -> None:
    def attempt(url: str, key: str, timeout: float = 2.0) -> str:
        publisher = RtmpPublisher(parse_address(url), Secret(key, "k"), timeout=timeout)
        try:
            publisher.connect()
        except (Refused, Unreachable) as error:
            return f"{type(error).__name__}: {error}"
        finally:
            publisher.close()
        return "published"

    assert attempt(server.url, KEY) == "published"
    assert attempt(server.url, "nope") == (
        "Refused: the server refused the key (it closed the connection)"
    )
    tls = f"rtmps://127.0.0.1:{server.port}/live"
    assert attempt(tls, KEY, 1.0).startswith(f"Unreachable: cannot reach {tls}: ")
    assert attempt("rtmp://no-such-host.invalid/live", KEY) == (
        "Unreachable: cannot reach rtmp://no-such-host.invalid/live: unknown server name"
    )


def test_a_status_says_its_uptime_and_its_next_try() -> None:
    status = StreamStatus(state=StreamState.RECONNECTING, live_since=100.0, next_try_at=104.0)
    assert status.uptime(110.0) == 10.0 and status.next_try_in(101.5) == 2.5
    assert status.active and not status.live
