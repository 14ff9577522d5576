"""tools/make_demo_video.py writes a readable, moving, seamlessly looping clip."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "make_demo_video.py"
SIZE = (320, 180)
FPS = 25
SECONDS = 1.0


def load_tool() -> ModuleType:
    """Import tools/make_demo_video.py (tools/ is not a package)."""
    name = "make_demo_video"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_tool()


@pytest.fixture(scope="module")
def clip(
    tool: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, list[NDArray[np.uint8]]]:
    out = tmp_path_factory.mktemp("demo") / "studio.mp4"
    result = tool.make_demo_video(out, seconds=SECONDS, fps=FPS, size=SIZE)
    cap = cv2.VideoCapture(str(result.path))
    assert cap.isOpened()
    frames: list[NDArray[np.uint8]] = []
    try:
        reported = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
        fps = cap.get(cv2.CAP_PROP_FPS)
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            frames.append(frame)
    finally:
        cap.release()
    assert reported == len(frames)
    assert fps == pytest.approx(FPS)
    return result, frames


def coarse(frame: NDArray[np.uint8]) -> NDArray[np.float32]:
    """Grey, blurred (no grain, no codec noise), 32x18 blocks: where things moved."""
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY).astype(np.float32)
    grey = cv2.GaussianBlur(grey, (0, 0), 2.0)
    return cv2.resize(grey, (32, 18), interpolation=cv2.INTER_AREA)


def change(a: NDArray[np.uint8], b: NDArray[np.uint8]) -> float:
    """Largest block change between two frames, in grey levels."""
    return float(np.abs(coarse(a) - coarse(b)).max())


def test_writes_mp4v_with_every_frame_at_the_right_size(
    clip: tuple[Any, list[NDArray[np.uint8]]],
) -> None:
    result, frames = clip
    assert result.codec == "mp4v", result.fallback_reason
    assert result.path.suffix == ".mp4"
    assert result.fallback_reason is None
    assert result.frames == round(SECONDS * FPS) == len(frames)
    assert all(f.shape == (SIZE[1], SIZE[0], 3) for f in frames)
    assert result.bytes == result.path.stat().st_size > 0


def test_is_a_picture_not_a_flat_colour(clip: tuple[Any, list[NDArray[np.uint8]]]) -> None:
    _, frames = clip
    frame = frames[0]
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert grey.std() > 15
    assert len(np.unique(frame.reshape(-1, 3), axis=0)) > 1000
    # A blue room: blue dominates the picture on average.
    b, g, r = (float(frame[..., i].mean()) for i in range(3))
    assert b > r and b > g


def test_things_move(clip: tuple[Any, list[NDArray[np.uint8]]]) -> None:
    _, frames = clip
    middle = len(frames) // 2
    assert change(frames[0], frames[middle]) > 15  # the guest gestures mid-clip
    assert all(change(frames[0], f) > 0.5 for f in frames[1:])  # never a frozen frame


def test_loops_seamlessly(clip: tuple[Any, list[NDArray[np.uint8]]]) -> None:
    _, frames = clip
    widest = max(change(frames[0], f) for f in frames[1:-1])
    wrap = change(frames[-1], frames[0])
    assert wrap < 0.4 * widest
    assert float(np.abs(frames[-1].astype(np.int16) - frames[0].astype(np.int16)).mean()) < 4


def test_loop_step_is_like_any_other_step(tool: ModuleType) -> None:
    """On the raw frames (before the codec): last -> first is an ordinary step."""
    scene = tool.StudioScene(*SIZE, tool.Clip(SECONDS, FPS))
    n = scene.clip.frames
    raw = [scene.frame(i) for i in range(n)]
    steps = [change(raw[i], raw[i + 1]) for i in range(n - 1)]
    assert change(raw[-1], raw[0]) <= 1.5 * float(np.median(steps)) + 1.0
    assert np.array_equal(scene.frame(n), raw[0])  # frame N is frame 0 again


def test_is_deterministic(tool: ModuleType) -> None:
    a = tool.StudioScene(*SIZE, tool.Clip(SECONDS, FPS)).frame(7)
    b = tool.StudioScene(*SIZE, tool.Clip(SECONDS, FPS)).frame(7)
    assert np.array_equal(a, b)


def test_falls_back_to_mjpg_when_mp4v_fails(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = tool._write

    def no_mp4v(path: Path, fourcc: str, *args: Any) -> int:
        if fourcc == "mp4v":
            raise OSError("mp4v disabled for this test")
        return real_write(path, fourcc, *args)

    monkeypatch.setattr(tool, "_write", no_mp4v)
    result = tool.make_demo_video(tmp_path / "clip.mp4", seconds=0.2, fps=10, size=(64, 36))
    assert result.codec == "MJPG"
    assert result.path == tmp_path / "clip.avi"
    assert "mp4v disabled" in result.fallback_reason
    cap = cv2.VideoCapture(str(result.path))
    assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == 2
    cap.release()


def test_cli_arguments(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.mp4"
    assert tool.main(["--out", str(out), "--seconds", "0.4", "--fps", "10", "--size", "96x54"]) == 0
    assert "mp4v, 96x54, 10 fps, 4 frames" in capsys.readouterr().out
    cap = cv2.VideoCapture(str(out))
    ok, frame = cap.read()
    cap.release()
    assert ok and frame.shape == (54, 96, 3)
    with pytest.raises(SystemExit):
        tool.main(["--size", "wide"])
    with pytest.raises(ValueError, match="even"):
        tool.make_demo_video(out, size=(97, 54))
