"""The camera thread and the latest-frame slot, run against real OpenCV on small files."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import Frame, LatestFrameSlot, to_bgr
from blueroom.core.events import CameraState, CameraStateChanged, Event

WIDTH, HEIGHT, FPS, N_FRAMES, BAR = 160, 120, 25, 30, 5
WAIT = 5.0  # generous upper bound for any condition; passing tests return far sooner


def write_clip(path: Path, n_frames: int = N_FRAMES, fps: int = FPS) -> Path:
    """Frame i has a white vertical bar at x = i * BAR, so its index can be read back."""
    tmp = path.with_name(f".{path.name}.part.mp4")
    writer = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps, (WIDTH, HEIGHT))
    assert writer.isOpened()
    for i in range(n_frames):
        image = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
        image[:, i * BAR : (i + 1) * BAR] = 255
        writer.write(image)
    writer.release()
    tmp.replace(path)  # appears whole, as a copied file would
    return path


def damage(path: Path, start: float, end: float = 1.0) -> Path:
    """Overwrite that share of the clip's frame data with noise, as a bad copy would.

    The container (its index, after the frames) stays intact: the file opens, and
    says how many frames it has, but those frames cannot be decoded.
    """
    data = bytearray(path.read_bytes())
    frames_at = data.index(b"mdat") + 4
    index_at = data.index(b"moov") - 4
    low = frames_at + int((index_at - frames_at) * start)
    high = frames_at + int((index_at - frames_at) * end)
    data[low:high] = np.random.default_rng(11).integers(0, 256, high - low, np.uint8).tobytes()
    path.write_bytes(bytes(data))
    return path


def frame_index(frame: Frame) -> int:
    return int(np.argmax(frame.image.mean(axis=(0, 2)))) // BAR


class Recorder:
    """The ``publish`` callable: records events from any thread."""

    def __init__(self) -> None:
        self.events: list[CameraStateChanged] = []
        self._cond = threading.Condition()

    def __call__(self, event: Event) -> None:
        assert isinstance(event, CameraStateChanged)
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    @property
    def states(self) -> list[CameraState]:
        with self._cond:
            return [e.state for e in self.events]

    def last(self, state: CameraState) -> CameraStateChanged:
        with self._cond:
            return [e for e in self.events if e.state == state][-1]

    def wait_for(self, state: CameraState, timeout: float = WAIT) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: state in [e.state for e in self.events], timeout)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_clip(tmp_path_factory.mktemp("clip") / "clip.mp4")


@pytest.fixture(autouse=True)
def thread_errors() -> Iterator[list[threading.ExceptHookArgs]]:
    """Fails a test if any thread dies with an exception."""
    errors: list[threading.ExceptHookArgs] = []
    previous = threading.excepthook
    threading.excepthook = errors.append
    yield errors
    threading.excepthook = previous
    assert not errors, [f"{e.exc_type.__name__}: {e.exc_value}" for e in errors]


Make = Callable[..., tuple[CameraCapture, LatestFrameSlot, Recorder]]


@pytest.fixture
def make() -> Iterator[Make]:
    """Builds a capture with a fresh slot and recorder; every capture is stopped after."""
    captures: list[CameraCapture] = []

    def build(
        device: int | str | Path, slot: LatestFrameSlot | None = None, **kwargs: object
    ) -> tuple[CameraCapture, LatestFrameSlot, Recorder]:
        slot = slot or LatestFrameSlot()
        recorder = Recorder()
        kwargs.setdefault("reconnect_delay", 0.05)
        kwargs.setdefault("max_reconnect_delay", 0.2)
        camera = CameraCapture(device, slot, recorder, **kwargs)  # type: ignore[arg-type]
        captures.append(camera)
        return camera, slot, recorder

    yield build
    for camera in captures:
        assert camera.stop(timeout=WAIT)


# ── LatestFrameSlot ───────────────────────────────────────────────────────────────


def test_slot_keeps_only_the_newest_frame_and_counts_stale_ones() -> None:
    slot = LatestFrameSlot()
    assert slot.latest() is None
    for value in (1, 2, 3):
        slot.put(np.full((4, 6, 3), value, np.uint8))
    frame = slot.latest()
    assert frame is not None and frame.seq == 3 and int(frame.image[0, 0, 0]) == 3
    assert frame.size == (6, 4)
    assert (slot.frames_put, slot.frames_dropped) == (3, 2)  # 1 and 2 were never seen
    slot.latest()  # reading the same frame twice drops nothing
    slot.put(np.zeros((4, 6, 3), np.uint8))
    assert slot.frames_dropped == 2


def test_slot_frames_are_sane_bgr_and_read_only() -> None:
    slot = LatestFrameSlot()
    gray = slot.put(np.zeros((4, 6), np.uint8))
    bgra = slot.put(np.zeros((4, 6, 4), np.uint8))
    strided = slot.put(np.zeros((4, 12, 3), np.uint8)[:, ::2])
    for frame in (gray, bgra, strided):
        assert frame.image.shape == (4, 6, 3) and frame.image.dtype == np.uint8
        assert frame.image.flags.c_contiguous and not frame.image.flags.writeable
    with pytest.raises(ValueError):
        to_bgr(np.zeros((4, 6, 3), np.float32))


def test_slot_measures_fps_over_its_window() -> None:
    slot = LatestFrameSlot(fps_window=1.0)
    for i in range(50):
        slot.put(np.zeros((2, 2, 3), np.uint8), captured_at=10.0 + i * 0.04)
    assert slot.stats(now=11.97).fps == pytest.approx(25.0)
    assert slot.stats(now=30.0).fps == 0.0  # frames stopped coming


def test_slot_readers_never_see_a_frame_being_written() -> None:
    slot = LatestFrameSlot()
    done = threading.Event()
    torn: list[int] = []

    def read() -> None:
        while not done.is_set():
            frame = slot.latest()
            if frame is not None and not (frame.image == frame.seq % 256).all():
                torn.append(frame.seq)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    for seq in range(1, 2001):
        slot.put(np.full((48, 64, 3), seq % 256, np.uint8))
    done.set()
    for reader in readers:
        reader.join()
    assert not torn and slot.frames_put == 2000


# ── CameraCapture on a file ───────────────────────────────────────────────────────


def test_constructor_does_not_start_the_thread(make: Make, clip: Path) -> None:
    camera, slot, recorder = make(clip)
    assert not camera.running and camera.state == CameraState.STOPPED
    assert recorder.events == [] and slot.latest() is None


def test_frames_arrive_with_the_file_size_as_bgr_uint8(make: Make, clip: Path) -> None:
    camera, slot, recorder = make(clip)
    camera.start()
    assert camera.wait_for_frame(WAIT)
    frame = slot.latest()
    assert frame is not None
    assert frame.size == (WIDTH, HEIGHT) and frame.image.shape == (HEIGHT, WIDTH, 3)
    assert frame.image.dtype == np.uint8 and frame.image.flags.c_contiguous
    assert recorder.wait_for(CameraState.LIVE)
    live = recorder.last(CameraState.LIVE)
    assert live.device == str(clip) and "160x120" in live.detail and "25 fps" in live.detail
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE]


def test_latest_is_the_newest_frame_and_seq_increases(make: Make, clip: Path) -> None:
    camera, slot, _ = make(clip)
    camera.start()
    assert camera.wait_for_frame(WAIT)
    first = slot.latest()
    assert first is not None
    assert camera.wait_for_frame(WAIT, after_seq=first.seq)
    second = slot.latest()
    assert second is not None
    assert second.seq > first.seq and second.captured_at > first.captured_at
    # every file frame is put in order, so seq n shows file frame (n - 1) mod 30
    assert frame_index(second) == (second.seq - 1) % N_FRAMES


def test_file_loops_seamlessly_without_republishing_live(make: Make, clip: Path) -> None:
    camera, slot, recorder = make(clip)
    camera.start()
    target = N_FRAMES + 10  # well into the second pass
    assert camera.wait_for_frame(WAIT, after_seq=target)
    frame = slot.latest()
    assert frame is not None and frame.seq > N_FRAMES
    assert frame_index(frame) == (frame.seq - 1) % N_FRAMES
    assert camera.state == CameraState.LIVE
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE]


def test_playback_is_paced_near_the_file_fps(make: Make, clip: Path) -> None:
    camera, slot, _ = make(clip)
    camera.start()
    assert camera.wait_for_frame(WAIT)
    first = slot.latest()
    assert first is not None
    assert camera.wait_for_frame(WAIT, after_seq=first.seq + FPS)
    last = slot.latest()
    assert last is not None
    measured = (last.seq - first.seq) / (last.captured_at - first.captured_at)
    assert 10.0 < measured < 60.0, measured  # unpaced decoding would run at hundreds
    assert 10.0 < slot.fps < 60.0, slot.fps


def test_a_file_that_does_not_loop_ends_in_stopped(make: Make, tmp_path: Path) -> None:
    short = write_clip(tmp_path / "short.mp4", n_frames=5)
    camera, slot, recorder = make(short, loop_file=False)
    camera.start()
    assert camera.wait_for_state(CameraState.STOPPED, WAIT)
    assert "end of file" in recorder.last(CameraState.STOPPED).detail
    assert slot.frames_put == 5
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE, CameraState.STOPPED]


def test_stop_joins_the_thread_and_publishes_stopped_once(make: Make, clip: Path) -> None:
    camera, slot, recorder = make(clip)
    camera.start()
    assert camera.wait_for_frame(WAIT)
    assert camera.stop(timeout=WAIT)
    assert not camera.running and camera.state == CameraState.STOPPED
    put = slot.frames_put
    assert camera.stop(timeout=WAIT)  # idempotent, publishes nothing new
    assert slot.frames_put == put
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE, CameraState.STOPPED]
    with pytest.raises(RuntimeError):
        camera.start()


# ── failures are states ───────────────────────────────────────────────────────────


def test_missing_file_is_lost_then_live_when_the_file_appears(make: Make, tmp_path: Path) -> None:
    path = tmp_path / "later.mp4"
    camera, slot, recorder = make(path)
    camera.start()
    assert recorder.wait_for(CameraState.LOST)
    detail = recorder.last(CameraState.LOST).detail
    assert detail.startswith("file not found") and str(path) in detail
    assert camera.running and slot.latest() is None
    write_clip(path)
    assert camera.wait_for_state(CameraState.LIVE, WAIT)
    assert camera.wait_for_frame(WAIT)
    # however many times it retried, each state was published once
    assert recorder.states == [CameraState.STARTING, CameraState.LOST, CameraState.LIVE]


def test_corrupt_file_is_lost_and_retried_quietly(make: Make, tmp_path: Path) -> None:
    path = tmp_path / "corrupt.mp4"
    path.write_bytes(np.random.default_rng(7).integers(0, 256, 20_000, np.uint8).tobytes())
    camera, slot, recorder = make(path, reconnect_delay=0.02, max_reconnect_delay=0.02)
    camera.start()
    assert recorder.wait_for(CameraState.LOST)
    assert str(path) in recorder.last(CameraState.LOST).detail
    # an observation window, not a wait: ~15 retries must publish nothing new
    assert not camera.wait_for_state(CameraState.LIVE, 0.3)
    assert camera.running and slot.latest() is None
    assert recorder.states == [CameraState.STARTING, CameraState.LOST]


def test_camera_index_with_no_device_is_lost_without_raising(make: Make) -> None:
    camera, _, recorder = make(97)
    camera.start()
    assert recorder.wait_for(CameraState.LOST)
    lost = recorder.last(CameraState.LOST)
    assert lost.device == "97" and lost.detail == "camera 97 could not be opened"
    assert camera.running  # still retrying
    assert camera.stop(timeout=WAIT)
    assert recorder.states == [CameraState.STARTING, CameraState.LOST, CameraState.STOPPED]


class FailingOnceSlot(LatestFrameSlot):
    """Fault injection: the first put raises, as a broken frame or driver would."""

    def __init__(self) -> None:
        super().__init__()
        self.failed = False

    def put(self, image: np.ndarray, captured_at: float | None = None) -> Frame:
        if not self.failed:
            self.failed = True
            raise RuntimeError("boom")
        return super().put(image, captured_at)


def test_an_exception_in_the_loop_is_lost_then_recovers(make: Make, clip: Path) -> None:
    camera, _, recorder = make(clip, slot=FailingOnceSlot())
    camera.start()
    assert camera.wait_for_state(CameraState.LIVE, WAIT)
    assert recorder.last(CameraState.LOST).detail == "error: RuntimeError: boom"
    assert recorder.states == [CameraState.STARTING, CameraState.LOST, CameraState.LIVE]


def test_a_file_that_cannot_be_decoded_is_lost_and_says_why(make: Make, tmp_path: Path) -> None:
    path = damage(write_clip(tmp_path / "noise.mp4"), 0.0)
    camera, slot, recorder = make(path, reconnect_delay=0.02, max_reconnect_delay=0.02)
    camera.start()
    assert recorder.wait_for(CameraState.LOST)
    detail = recorder.last(CameraState.LOST).detail
    assert detail == f"{path}: cannot decode the video ({N_FRAMES} bad frames)"
    assert not camera.wait_for_state(CameraState.LIVE, 0.3)  # ~15 retries publish nothing
    assert camera.running and slot.latest() is None
    assert recorder.states == [CameraState.STARTING, CameraState.LOST]


def test_a_file_damaged_halfway_is_lost_not_looped_then_live_once_replaced(
    make: Make, tmp_path: Path
) -> None:
    """Its good half plays, then it is lost (before, the damage was taken for the end of
    the file: it looped the good half, live, with FFmpeg's errors at every pass)."""
    path = damage(write_clip(tmp_path / "half.mp4", fps=100), 0.5)
    camera, slot, recorder = make(path, reconnect_delay=0.02, max_reconnect_delay=0.02)
    camera.start()
    assert recorder.wait_for(CameraState.LOST)
    detail = recorder.last(CameraState.LOST).detail
    assert detail.startswith(f"{path}: cannot decode the video (") and "bad frames)" in detail
    played = slot.frames_put
    assert 0 < played < N_FRAMES
    # the same damaged file is not played again: retrying waits for it to change
    assert not camera.wait_for_state(CameraState.LIVE, 0.3)
    assert slot.frames_put == played
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE, CameraState.LOST]
    write_clip(path, fps=100)  # a good copy over it
    assert camera.wait_for_state(CameraState.LIVE, WAIT)
    assert camera.wait_for_frame(WAIT, after_seq=played + N_FRAMES)  # plays, and loops
    assert camera.state == CameraState.LIVE
    assert recorder.states == [
        CameraState.STARTING,
        CameraState.LIVE,
        CameraState.LOST,
        CameraState.LIVE,
    ]


def test_a_bad_frame_here_and_there_does_not_stop_a_file(make: Make, tmp_path: Path) -> None:
    path = damage(write_clip(tmp_path / "glitch.mp4", fps=100), 0.0, 0.1)  # the first frame
    camera, _, recorder = make(path)
    camera.start()
    assert camera.wait_for_frame(WAIT, after_seq=2 * N_FRAMES)  # past two passes
    assert camera.state == CameraState.LIVE
    assert recorder.states == [CameraState.STARTING, CameraState.LIVE]


QUIET_CHILD = """
import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO)
from blueroom.capture.camera import CameraCapture, LatestFrameSlot
from blueroom.core.events import CameraState

for device in (sys.argv[1], 97):
    camera = CameraCapture(
        device, LatestFrameSlot(), lambda event: None,
        reconnect_delay=0.02, max_reconnect_delay=0.02,
    )
    camera.start()
    assert camera.wait_for_state(CameraState.LOST, 10.0), camera.state
    camera.wait_for_state(CameraState.LIVE, 0.3)  # a few retries
    print("lost:", camera.detail)
    assert camera.stop(5.0)
"""


def test_opencv_and_ffmpeg_leave_stderr_alone(tmp_path: Path) -> None:
    """FFmpeg writes its decoding errors to the process's stderr, below Python: a child's
    stderr is the only place to see them."""
    path = damage(write_clip(tmp_path / "noisy.mp4"), 0.5)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCV_")}
    result = subprocess.run(
        [sys.executable, "-c", QUIET_CHILD, str(path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"lost: {path}: cannot decode the video" in result.stdout
    assert "lost: camera 97 could not be opened" in result.stdout
    assert result.stderr == ""
