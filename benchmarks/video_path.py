"""The camera → paint path: where its CPU goes, what it costs against decoding alone, how
late a frame reaches the screen, and what 4K walls cost the room.

Every figure is CPU time (the process's, or one thread's from ``/proc``), not wall time,
so a machine shared with other work changes them less; the load average is printed.

* ``--stages``: one camera frame through each step alone, in CPU ms (one thread):
  decoding (OpenCV, BGR out), the cover-scale for the video wall and for the mirror,
  wrapping it for Qt, painting it into the window, the programme's overlays.
* ``--path``: a camera (OpenCV on a video file, paced at its rate) feeding the video wall
  and the guest panel's mirror, both shown at 1920×1080 offscreen, driven by the frame
  clock as the app drives them, no engine. Prints the path's CPU as a multiple of
  decoding the same file alone for the same seconds (issue 17's target: ≤ 3×), the CPU of
  each thread, the frames each view painted of those the camera gave, and the capture →
  paint latency (p50 / p95, against the frame period: target p95 ≤ one period).
* ``--walls``: the whole room (engine replaying at 10×, the five windows, the demo camera)
  with the three walls at 1920×1080, then at 3840×2160: the CPU of every process of the
  room over the same seconds, and the ratio (target ≤ 1.5×).

With no option, all three, on the demo video and on a 1080p30 file made from it.

    python benchmarks/video_path.py [--seconds 10] [--source FILE] [--stages] [--path] [--walls]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from programme import make_source  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from studio_run import percentile, running_studio  # noqa: E402

from blueroom.capture.camera import CameraCapture  # noqa: E402
from blueroom.capture.latest_frame import Frame, LatestFrameSlot  # noqa: E402
from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.runtime import tune_gui_runtime  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.guest_panel import GuestPanel  # noqa: E402
from blueroom.ui.pacing import FrameClock  # noqa: E402
from blueroom.ui.walls.video_wall import VideoWall  # noqa: E402
from blueroom.ui.widgets import prepared_frames  # noqa: E402

WALLS = ("questions_wall", "video_wall", "heatmap_wall")
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


# -- CPU time --------------------------------------------------------------------------
def thread_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process so far, by thread name (the threads
    Python does not know, FFmpeg's decoders, Qt's, are summed as "other")."""
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    names[threading.main_thread().native_id] = "GUI (main)"
    spent: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            seconds = int((task / "schedstat").read_text().split()[0]) / 1e9
        except OSError:
            continue
        name = names.get(int(task.name), "other")
        spent[name] = spent.get(name, 0.0) + seconds
    return spent


def process_tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and every process below it (utime + stime, from ``/proc``)."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND
        children: list[int] = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            children += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        return total
    return total + sum(process_tree_cpu(child) for child in children)


def wait(seconds: float, condition: Callable[[], bool] = lambda: False) -> None:
    """Runs the event loop for ``seconds`` (or until ``condition``)."""
    loop = QEventLoop()
    look = QTimer()
    look.timeout.connect(lambda: loop.quit() if condition() else None)
    look.start(5)
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    look.stop()


# -- sources -----------------------------------------------------------------------------


def file_rate(source: Path) -> tuple[float, tuple[int, int]]:
    capture = cv2.VideoCapture(str(source))
    fps = float(capture.get(cv2.CAP_PROP_FPS))
    size = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
    capture.release()
    return fps, size


def decode_alone(source: Path, frames: int) -> float:
    """CPU seconds (every thread of the process) to decode ``frames`` frames of ``source``
    with OpenCV, as the camera reads them (BGR), looping the file."""
    capture = cv2.VideoCapture(str(source))
    started = time.process_time()
    done = 0
    while done < frames:
        ok, _ = capture.read()
        if not ok:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            continue
        done += 1
    used = time.process_time() - started
    capture.release()
    return used


# -- one frame, step by step -----------------------------------------------------------------
def stages(source: Path, runs: int = 60) -> None:
    capture = cv2.VideoCapture(str(source))
    images: list[np.ndarray] = []
    while len(images) < runs:
        ok, image = capture.read()
        if not ok:
            capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            continue
        images.append(image)
    capture.release()
    decode = decode_alone(source, runs) / runs  # FFmpeg decodes on threads of its own
    height, width = images[0].shape[:2]
    print(f"stages, {source.name} ({width}×{height}), CPU ms a frame, median of {runs}:")
    print(f"  decode (OpenCV read, BGR, every thread)  {decode * 1000:6.2f}")
    frame = Frame(1, images[0], 0.0)
    for name, (w, h), mirror, doubled in (
        ("video wall 1920×1080", (1920, 1080), False, True),
        ("mirror 1190×669 (guest panel)", (1190, 669), True, True),
        ("video wall 3840×2160, doubled", (3840, 2160), False, True),
        ("video wall 3840×2160, full size", (3840, 2160), False, False),
    ):
        pw, ph, scale = prepared_frames.prepared_shape((w, h), (width, height))
        if not doubled:
            pw, ph, scale = w, h, 1
        pixels = np.empty((ph, pw, 4), np.uint8)
        scratch: dict[tuple[int, ...], np.ndarray] = {}
        made = []
        for image in images:
            started = time.thread_time()
            prepared_frames.cover_into(image, pixels, mirror=mirror, scratch=scratch)
            made.append(time.thread_time() - started)
        prepared = prepared_frames.Prepared(frame, (w, h), mirror, pixels, scale)
        store = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)  # a backing store
        paint = []
        for _ in range(runs):
            painter = QPainter(store)
            started = time.process_time()  # Qt may scale on threads of its own
            prepared.paint(painter, 0.0, 0.0, 1.0)
            paint.append(time.process_time() - started)
            painter.end()
        print(
            f"  {name:<32} made {statistics.median(made) * 1000:6.2f} ({pw}×{ph}),"
            f" painted {statistics.median(paint) * 1000:6.2f}"
        )


# -- the camera path, live -------------------------------------------------------------------
class TimedApplication(QApplication):
    """Calls ``after_update[window]`` once that window's update (its paint, then the copy
    to the screen) is done."""

    def __init__(self) -> None:
        super().__init__([])
        self.after_update: dict[int, Callable[[], None]] = {}

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        after = (
            self.after_update.get(id(receiver))
            if event.type() == QEvent.Type.UpdateRequest
            else None
        )
        try:
            return super().notify(receiver, event)
        finally:
            if after is not None:
                after()


class RecordedSlot(LatestFrameSlot):
    """The camera's slot, remembering when each frame was captured (for the latency)."""

    def __init__(self) -> None:
        super().__init__()
        self.captured: dict[int, float] = {}

    def put(self, image: np.ndarray, captured_at: float | None = None) -> Frame:
        frame = super().put(image, captured_at)
        self.captured[frame.seq] = frame.captured_at
        return frame


class Watch:
    """The distinct frames a view painted, and how long after capture each was on screen."""

    def __init__(self, view: QWidget, slot: RecordedSlot) -> None:
        self.view = view
        self.slot = slot
        self.painted: dict[int, float] = {}  # seq → capture → on screen, seconds

    def after_update(self) -> None:
        seq = int(getattr(self.view, "frame_seq", 0))
        if seq and seq not in self.painted:
            self.painted[seq] = time.monotonic() - self.slot.captured.get(seq, time.monotonic())


@contextmanager
def camera_views(
    app: TimedApplication, source: Path
) -> Iterator[tuple[RecordedSlot, CameraCapture, dict[str, Watch]]]:
    from blueroom.app import frame_preparer

    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )
    slot = RecordedSlot()
    camera = CameraCapture(source, slot, lambda event: None)
    windows: dict[str, QWidget] = {
        "video wall": VideoWall(
            slot, model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa"
        ),
        "mirror": GuestPanel(model.session, slot, guest_name="Léa"),
    }
    clock = FrameClock()
    for window in windows.values():
        window.resize(1920, 1080)
        window.show()
        clock.take(window)
    preparer = frame_preparer(slot, windows)
    watches = {name: Watch(window, slot) for name, window in windows.items()}
    for watch in watches.values():
        app.after_update[id(watch.view)] = watch.after_update
    camera.start()
    preparer.start()
    tune_gui_runtime()
    try:
        yield slot, camera, watches
    finally:
        app.after_update.clear()
        camera.stop()
        preparer.stop()
        clock.stop()
        for window in windows.values():
            window.close()
            window.deleteLater()


def camera_path(app: TimedApplication, source: Path, seconds: float) -> None:
    fps, size = file_rate(source)
    period = 1.0 / fps
    load = os.getloadavg()[0]
    alone = decode_alone(source, round(fps * seconds))
    with camera_views(app, source) as (slot, _camera, watches):
        wait(2.0)  # the windows exposed, the first frames through
        for watch in watches.values():
            watch.painted.clear()
        first_seq = slot.stats().frames_put
        threads, process = thread_cpu(), time.process_time()
        wait(seconds)
        used = time.process_time() - process
        after = thread_cpu()
        last_seq = slot.stats().frames_put
    given = set(range(first_seq + 1, last_seq))  # the frames the window saw whole
    print(
        f"camera path, {source.name} ({size[0]}×{size[1]} @ {fps:g} fps), two views at"
        f" 1920×1080, {seconds:g} s (load {load:.2f} → {os.getloadavg()[0]:.2f}):"
    )
    print(
        f"  CPU {used:.2f} s against decoding alone {alone:.2f} s: {used / alone:.1f}×"
        " (target ≤ 3×)"
    )
    spent = {name: after.get(name, 0.0) - threads.get(name, 0.0) for name in after}
    print(
        "  per thread: "
        + ", ".join(
            f"{name} {cpu:.2f} s"
            for name, cpu in sorted(spent.items(), key=lambda item: -item[1])
            if cpu >= 0.005
        )
    )
    for name, watch in watches.items():
        shown = {seq: late for seq, late in watch.painted.items() if seq in given}
        lates = [late * 1000 for late in shown.values()]
        print(
            f"  {name}: {len(shown)} of {len(given)} camera frames painted;"
            f" capture → paint p50 {percentile(lates, 0.5):.1f} ms,"
            f" p95 {percentile(lates, 0.95):.1f} ms (a frame is {period * 1000:.0f} ms)"
        )


# -- 4K walls --------------------------------------------------------------------------------
def walls(app: QApplication, seconds: float) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        running_studio(Path(folder), speed=10.0, application=lambda: app) as (engine, _, studio),
    ):
        wait(3.0)
        figures = {}
        for size in ((1920, 1080), (3840, 2160), (1920, 1080), (3840, 2160)):
            for name in WALLS:
                studio.windows[name].resize(*size)
            wait(2.0)
            load = os.getloadavg()[0]
            threads = thread_cpu()
            gui, room = time.process_time(), process_tree_cpu(engine.pid)
            wait(seconds)
            gui, room = time.process_time() - gui, process_tree_cpu(engine.pid) - room
            spent = {name: cpu - threads.get(name, 0.0) for name, cpu in thread_cpu().items()}
            figures.setdefault(size, []).append((gui, room, load))
            print(
                f"walls {size[0]}×{size[1]}: GUI process {gui / seconds:.2f} CPU s a second,"
                f" engine + parser {room / seconds:.2f} (load {load:.2f}); GUI's threads: "
                + ", ".join(
                    f"{name} {cpu / seconds:.2f}"
                    for name, cpu in sorted(spent.items(), key=lambda item: -item[1])
                    if cpu / seconds >= 0.005
                )
            )
        low = sum(gui + room for gui, room, _ in figures[(1920, 1080)])
        high = sum(gui + room for gui, room, _ in figures[(3840, 2160)])
        low_gui = sum(gui for gui, _, _ in figures[(1920, 1080)])
        high_gui = sum(gui for gui, _, _ in figures[(3840, 2160)])
        print(
            f"walls: the room's CPU with three 4K walls is {high / low:.2f}× that with three"
            f" 1080p walls (the GUI process alone {high_gui / low_gui:.2f}×; target ≤ 1.5×)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--source", type=Path, default=None, help="a video file as the camera")
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--path", action="store_true")
    parser.add_argument("--walls", action="store_true")
    args = parser.parse_args()
    every = not (args.stages or args.path or args.walls)
    app = TimedApplication()
    register_bundled_fonts()
    cv2.setNumThreads(1)  # as the room runs (runtime.tune_runtime)
    if every or args.walls:
        walls(app, args.seconds)
    with tempfile.TemporaryDirectory() as scratch:
        sources = (
            [args.source]
            if args.source
            else [
                assets().demo_video,
                make_source(Path(scratch) / "camera-1080p30.mp4", seconds=8.0),
            ]
        )
        for source in sources:
            if every or args.stages:
                stages(source)
            if every or args.path:
                camera_path(app, source, args.seconds)
    del app


if __name__ == "__main__":
    main()
