"""Does the programme's recording fit two cores at 1080p30? Decode → compose → H.264.

The room's own path, end to end: the camera worker (OpenCV) plays a 1080p30 H.264 file
into the latest-frame slot at its rate, as a camera would; the recorder takes every
frame through its tap, draws the programme over it at the recording's size (the
question on air as a lower third, the hashtag, the clock, the LIVE badge) on its worker
and encodes it with libx264 (``tune=zerolatency``) into a fragmented MP4. Printed for
each recording size and preset:

* fps achieved: frames recorded per second of wall time over the run (the camera's 30
  when it keeps up), and flat out (decode → compose → encode in one loop, unpaced);
* CPU per second of video: the process's CPU seconds (every thread) per second recorded;
* frames dropped by the app (the recorder's tap overflowed: the encoder fell behind).

Other work on the machine shares its cores: the load average is printed before and
after each run, and the figures are only as quiet as the machine was.

    python -m benchmarks.programme [--seconds 20] [--source FILE.mp4] [--sizes 1920x1080,1280x720]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.capture.recorder import Recorder, RecordingOptions, _Writer
from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.programme import ProgrammeDirector
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet
from blueroom.paths import assets

FPS = 30
QUESTION = (
    "Léa, what was the first song you ever wrote, and where were you when it came to you?"
    " #AskBlueRoom"
)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_source(
    path: Path, seconds: float = 12.0, size: tuple[int, int] = (1920, 1080), fps: int = FPS
) -> Path:
    """The demo video's frames at ``size`` as an H.264 file of ``fps`` frames a second
    (scaled up, as a camera file gives them; 1080p30 unless asked otherwise)."""
    demo = cv2.VideoCapture(str(assets().demo_video))
    frames = []
    while True:
        ok, image = demo.read()
        if not ok:
            break
        frames.append(image)
    demo.release()
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        stream.codec_context.options = {"preset": "veryfast", "crf": "20"}
        for n in range(int(seconds * fps)):
            image = cv2.resize(frames[int(n * 25 / fps) % len(frames)], size)
            frame = av.VideoFrame.from_ndarray(image, format="bgr24")
            frame.pts = n
            frame.time_base = Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def on_air_room() -> RoomModel:
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )
    author = Author(id="a1", username="marie_lyon", name="Marie", followers=120)
    tweet = Tweet(id="1", text=QUESTION, author=author, hashtags=("AskBlueRoom",), lang="en")
    model.apply([TweetReceived(tweet=tweet)])

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "benchmark")
    actions.approve("1")
    actions.put_on_air("1")
    return model


def director_for(model: RoomModel) -> ProgrammeDirector:
    director = ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    director.set_streaming(True)  # the LIVE badge too: every overlay on
    return director


def paced(
    source: Path, options: RecordingOptions, seconds: float, folder: Path
) -> dict[str, float]:
    from blueroom.ui.recording import programme_compose

    model = on_air_room()
    compose = programme_compose(director_for(model), options)
    slot = LatestFrameSlot()
    camera = CameraCapture(source, slot, lambda event: None)
    recorder = Recorder(slot, folder, compose, lambda event: None, options=options)
    recorder.start()
    camera.start()
    try:
        camera.wait_for_frame(10.0)
        recorder.begin()
        recorder.wait_for(lambda s: s.recording, 10.0)
        put_before = slot.frames_put
        started, cpu = time.monotonic(), cpu_seconds()
        time.sleep(seconds)
        recorder.end()
        recorder.wait_for(lambda s: not s.recording, 30.0)
        wall, used = time.monotonic() - started, cpu_seconds() - cpu
        put = slot.frames_put - put_before
    finally:
        camera.stop()
        recorder.stop()
    status = recorder.status()
    return {
        "camera": put / wall,
        "fps": status.frames / wall,
        "cpu": used / max(status.frames / FPS, 1e-6),  # per second of video at 30 fps
        "dropped": float(status.dropped),
        "frames": float(status.frames),
    }


def flat_out(
    source: Path, options: RecordingOptions, frames: int, folder: Path
) -> tuple[float, float]:
    """Decode → compose → encode in one loop, unpaced: the frames per second it reaches,
    and the CPU seconds it takes per second of 30 fps video."""
    from blueroom.ui.programme import ProgrammeRenderer

    director = director_for(on_air_room())
    renderer = ProgrammeRenderer(options.width, options.height, hashtag="#AskBlueRoom")
    path = folder / "flat-out.mp4"
    writer = _Writer(path, path.open("xb"), options, audio=False)
    capture = cv2.VideoCapture(str(source))
    start, cpu = time.perf_counter(), cpu_seconds()
    done = 0
    for n in range(frames):
        ok, image = capture.read()
        if not ok:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = capture.read()
        frame = Frame(n + 1, image, time.monotonic())
        composed = renderer.compose(np.asarray(frame.image), director.programme())
        writer.picture(composed, n / FPS)
        done += 1
    elapsed, used = time.perf_counter() - start, cpu_seconds() - cpu
    capture.release()
    writer.finish()
    return done / elapsed, used / (done / FPS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--source", type=Path, default=None, help="a 1080p30 file")
    parser.add_argument("--sizes", default="1920x1080,1280x720")
    parser.add_argument("--presets", default="veryfast,ultrafast")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from blueroom.ui.fonts import register_bundled_fonts

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    register_bundled_fonts()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = args.source or make_source(folder / "camera-1080p30.mp4")
        print(f"source: {source.name}, {os.cpu_count()} cores; H.264 tune=zerolatency, 6 Mb/s")
        print(
            "size       preset     paced: fps of camera's, CPU s per video s, dropped"
            " | flat out: fps, CPU s per video s"
        )
        for size in args.sizes.split(","):
            width, height = (int(v) for v in size.split("x"))
            for preset in args.presets.split(","):
                options = RecordingOptions(width=width, height=height, fps=FPS, preset=preset)
                load = os.getloadavg()[0]
                run = folder / f"{size}-{preset}"
                run.mkdir()
                got = paced(source, options, args.seconds, run)
                fastest, cpu = flat_out(source, options, 150, run)
                after = os.getloadavg()[0]
                kept_up = got["dropped"] == 0 and got["fps"] >= 0.97 * FPS
                fits = "fits" if kept_up and fastest >= FPS else "does not fit"
                print(
                    f"{size:<10} {preset:<10} {got['fps']:5.1f} of {got['camera']:4.1f},"
                    f" {got['cpu']:4.2f}, {got['dropped']:4.0f} | {fastest:5.1f}, {cpu:4.2f}"
                    f"  ({fits} here; load {load:.2f} → {after:.2f})"
                )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
