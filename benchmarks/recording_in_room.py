"""A minute of recording in the whole room: frames dropped by the app, and what it costs.

The room as it runs: the engine process replaying the demo event at 10×, every window
open at 1080p (three walls, the guest panel, the console) and the camera worker playing
a file at its rate. The console's Record (``RoomActions.record``) starts the programme's
recording; after N seconds it is stopped, and the MP4 is read back with PyAV. Printed:

* frames the camera gave while recording, frames the recorder wrote, frames it dropped
  (its tap overflowed: the encoder fell behind), frames in the file as decoded;
* CPU seconds of this process (the screens, the camera and the recorder; the engine runs
  apart) per second of video, and the engine's;
* the load average before and after (the figures are only as quiet as the machine).

The issue's target: 0 frames dropped over a minute.

    python benchmarks/recording_in_room.py [--seconds 60] [--camera demo|1080p30]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import av  # noqa: E402
import psutil  # noqa: E402
from booth import video_file, wait_until  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from studio_run import running_studio  # noqa: E402

from blueroom.paths import assets  # noqa: E402


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def frames_in(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to record")
    parser.add_argument("--camera", choices=("demo", "1080p30"), default="demo")
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        camera = (
            assets().demo_video
            if args.camera == "demo"
            else video_file(folder / "camera-1080p30.mp4", (1920, 1080), 30.0, seconds=8.0)
        )
        environ = {
            "BLUEROOM_CAMERA__DEVICE": f'"{camera}"',
            "BLUEROOM_RECORDING__FOLDER": f'"{folder / "videos"}"',
        }
        print(f"load before: {os.getloadavg()[0]:.2f}")
        with running_studio(folder, speed=10.0, application=lambda: app, environ=environ) as (
            engine,
            _app,
            studio,
        ):
            recorder, frames = studio.recorder, studio.frames
            assert recorder is not None, "no camera: nothing to record"
            engine_process = psutil.Process(engine.pid) if engine.pid else None
            wait_until(lambda: frames.stats().frames_put > 50, 15.0)  # the room warmed up
            engine.actions.record(True)
            wait_until(lambda: recorder.status().recording, 10.0)
            put_before, cpu_before = frames.stats().frames_put, cpu_seconds()
            engine_before = engine_process.cpu_times() if engine_process else None
            started = time.monotonic()
            wait_until(lambda: time.monotonic() - started >= args.seconds, args.seconds + 5)
            given = frames.stats().frames_put - put_before
            cpu = cpu_seconds() - cpu_before
            engine_cpu = 0.0
            if engine_process is not None and engine_before is not None:
                after = engine_process.cpu_times()
                engine_cpu = (after.user + after.system) - (
                    engine_before.user + engine_before.system
                )
            engine.actions.record(False)
            wait_until(lambda: not recorder.status().recording, 20.0)
            status = recorder.status()
            rate = frames.stats().fps
        assert status.path is not None
        decoded = frames_in(status.path)
        print(f"load after: {os.getloadavg()[0]:.2f}")
        print(f"camera: {args.camera} at {rate:.1f} fps; recorded {status.seconds:.1f} s")
        print(
            f"frames: camera gave {given}, recorder wrote {status.frames}, dropped "
            f"{status.dropped}, decoded from the file {decoded}"
        )
        print(
            f"CPU: screens' process {cpu / status.seconds:.2f} s per video second "
            f"(camera, windows and recorder), engine {engine_cpu / status.seconds:.2f}"
        )
        print(f"file: {status.size / 1e6:.1f} MB, {status.path.name}")


if __name__ == "__main__":
    main()
