"""The booth's boomerang from a real burst: two seconds of the demo video scaled to 1080p
(a 1080p camera), put in the shared frame slot at 25 fps and collected by the real
collector (a frame every 80 ms scaled to 720p, only while the booth counts down), then
built N times: the MP4 (H.264, played back and forth twice) and the GIF (one palette,
under its 4 MB cap). Prints the collector's cost per camera frame and, for each file,
its size and its build time (median and slowest of the runs). On the booth the build
runs on its own worker below the GUI thread, while the guest signs and frames.

    python benchmarks/boomerang.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402

from blueroom.capture.boomerang import LOOPS, SPEED, Boomerangs  # noqa: E402
from blueroom.capture.clip import build_boomerang  # noqa: E402
from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.core.booth import Booth  # noqa: E402
from blueroom.core.events import BoothAction, BoothTouched  # noqa: E402
from blueroom.paths import assets  # noqa: E402

CAMERA = (1920, 1080)
FPS = 25.0


def demo_frames(count: int) -> list:  # type: ignore[type-arg]
    video = cv2.VideoCapture(str(assets().demo_video))
    frames = []
    while len(frames) < count:
        ok, frame = video.read()
        if not ok:
            video.set(cv2.CAP_PROP_POS_FRAMES, 0)
            continue
        frames.append(cv2.resize(frame, CAMERA, interpolation=cv2.INTER_LINEAR))
    video.release()
    return frames


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    camera = demo_frames(int(2 * FPS) + 2)
    booth = Booth()
    for action in (BoothAction.START, BoothAction.SHOOT):
        booth.apply([BoothTouched(action=action)])  # counting down: the collector keeps
    slot = LatestFrameSlot()
    with tempfile.TemporaryDirectory() as folder:
        clips = Boomerangs(booth, slot, Path(folder), lambda event: None)
        t0 = time.monotonic()
        collect_ms = []
        for n, image in enumerate(camera):
            frame = slot.put(image, t0 + n / FPS)
            if n == len(camera) // 2:
                clips.shutter("bench", frame)
            started = time.perf_counter()
            clips.worker_step(frame)
            collect_ms.append((time.perf_counter() - started) * 1000.0)
        burst = clips.next_burst()
        assert burst is not None, "the burst was not closed"
    images = [image for _, image in burst.frames]
    fps = min(60.0, burst.rate() * SPEED)
    height, width = images[0].shape[:2]
    print(
        f"boomerang burst: {len(images)} frames of {width}x{height} from {len(camera)}"
        f" camera frames at {CAMERA[0]}x{CAMERA[1]}; collector {statistics.median(collect_ms):.1f} ms"
        f" a camera frame (slowest {max(collect_ms):.1f}), on its own worker"
    )
    made = [
        build_boomerang(images, fps, loops=LOOPS, gif_cap_bytes=clips.gif_cap_bytes)
        for _ in range(args.runs)
    ]
    last = made[-1]
    mp4_ms = [m.mp4_ms for m in made]
    gif_ms = [m.gif_ms for m in made]
    seconds = len(images) * 2 - 2
    print(
        f"boomerang MP4: {len(last.mp4) / 1e6:.2f} MB, {width}x{height} H.264,"
        f" {seconds * LOOPS / fps:.1f} s at {fps:g} fps; built in {statistics.median(mp4_ms):.0f} ms"
        f" (slowest {max(mp4_ms):.0f}) over {args.runs} runs"
    )
    print(
        f"boomerang GIF: {len(last.gif.data) / 1e6:.2f} MB (cap {clips.gif_cap_bytes / 1e6:g} MB),"
        f" {last.gif.width}x{last.gif.height}, {last.gif.frames} frames, one palette,"
        f" {last.gif.attempts} encode(s); built in {statistics.median(gif_ms):.0f} ms"
        f" (slowest {max(gif_ms):.0f}) over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
