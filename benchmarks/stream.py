"""Does going live fit two cores at 1080p30? Decode → compose → H.264 → a local RTMP server.

The room's own path, end to end, in one run: the camera worker (OpenCV) plays a 1080p30
H.264 file into the latest-frame slot at its rate, as a camera would; the streamer's
compose worker draws the programme over every frame at the stream's size (the question
on air as a lower third, the hashtag, the clock, the LIVE badge), its sender encodes
H.264 (libx264, ``zerolatency``) and AAC and publishes them over RTMP to nginx-rtmp on
loopback (``tests/rtmp_server.py``: ``apt-get install nginx libnginx-mod-rtmp``).
Printed for each size and preset, over ``--seconds``:

* fps: frames sent per second of wall time (the camera's 30 when it keeps up);
* frames dropped (the stream could not keep up: counted by the streamer);
* CPU seconds of this process (every thread: decoding, composing, encoding, sending)
  per second of video; the server's own CPU is not counted;
* whether it fits: every camera frame sent, at 30 fps, none dropped, under 2 CPU s a
  second of video (two cores, before the rest of the room's work).

At 1080p it runs first; when that does not fit, 1280×720 is tried and printed too.

    python benchmarks/stream.py [--seconds 15] [--source FILE.mp4] [--presets veryfast,ultrafast]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # as a script (`make bench`)

from benchmarks.programme import cpu_seconds, director_for, make_source, on_air_room
from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.streamer import Streamer, StreamOptions, StreamState
from blueroom.x.credentials import Secret
from tests.rtmp_server import KEY, RtmpServer

FPS = 30
CORES = 2.0


def run(source: Path, options: StreamOptions, seconds: float) -> dict[str, float]:
    from blueroom.ui.streaming import stream_compose

    compose = stream_compose(director_for(on_air_room()), options)
    slot = LatestFrameSlot()
    camera = CameraCapture(source, slot, lambda event: None)
    secret = Secret(KEY, "BLUEROOM_STREAM_KEY")
    streamer = Streamer(slot, compose, lambda event: None, options=options, key=lambda: secret)
    streamer.start()
    camera.start()
    try:
        camera.wait_for_frame(10.0)
        streamer.begin()
        if not streamer.wait_for(lambda s: s.live, 15.0):
            raise SystemExit(f"the stream did not start: {streamer.status().reason}")
        time.sleep(1.0)  # the first frames: the encoder and the connection settle
        before = streamer.status()
        put_before = slot.frames_put
        started, cpu = time.monotonic(), cpu_seconds()
        time.sleep(seconds)
        wall, used = time.monotonic() - started, cpu_seconds() - cpu
        time.sleep(0.6)  # the figures are brought up to date twice a second
        after = streamer.status()
        put = slot.frames_put - put_before
        streamer.end()
        streamer.wait_for(lambda s: s.state is StreamState.STOPPED, 15.0)
    finally:
        camera.stop()
        streamer.stop()
    sent = after.frames_sent - before.frames_sent
    return {
        "camera": put / wall,
        "fps": sent / wall,
        "dropped": float(after.frames_dropped - before.frames_dropped),
        "cpu": used / max(sent / FPS, 1e-6),  # CPU seconds per second of 30 fps video
        "kbps": after.kbps,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--source", type=Path, default=None, help="a 1080p30 file")
    parser.add_argument("--presets", default="veryfast,ultrafast")
    parser.add_argument("--bitrate", type=int, default=4500, help="kbit/s")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from blueroom.ui.fonts import register_bundled_fonts

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    register_bundled_fonts()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = args.source or make_source(folder / "camera-1080p30.mp4")
        with RtmpServer(folder / "nginx") as server:
            print(
                f"source: {source.name}, {os.cpu_count()} cores; {server.url} (nginx-rtmp,"
                f" loopback); H.264 zerolatency {args.bitrate} kbit/s + AAC"
            )
            print("size       preset     fps of camera's, dropped, CPU s per video s, kbit/s")
            for width, height in ((1920, 1080), (1280, 720)):
                fitted = False
                for preset in args.presets.split(","):
                    options = StreamOptions(
                        url=server.url, width=width, height=height, fps=FPS, preset=preset,
                        bitrate_kbps=args.bitrate,
                    )  # fmt: skip
                    load = os.getloadavg()[0]
                    got = run(source, options, args.seconds)
                    after = os.getloadavg()[0]
                    kept_up = got["fps"] >= 0.97 * got["camera"] and got["dropped"] == 0
                    fits = kept_up and got["camera"] >= 0.97 * FPS and got["cpu"] < CORES
                    fitted = fitted or fits
                    size = f"{width}x{height}"
                    print(
                        f"{size:<10} {preset:<10} {got['fps']:5.1f} of {got['camera']:4.1f},"
                        f" {got['dropped']:4.0f}, {got['cpu']:4.2f}, {got['kbps']:6.0f}"
                        f"  ({'fits' if fits else 'does not fit'} two cores;"
                        f" load {load:.2f} → {after:.2f})"
                    )
                    if kept_up and not fits and got["camera"] < 0.97 * FPS:
                        print("           (kept up with the camera, which itself gave under 30"
                              " fps: the machine is busy; run it again on a quiet one)")  # fmt: skip
                if width == 1920 and fitted:
                    print("1080p30 fits: 720p not needed")
                    break
                if width == 1920:
                    print("1080p30 does not fit: 1280x720")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
