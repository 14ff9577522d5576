"""Windows land on the screens the settings name; with too few screens the app says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from blueroom.ui.placement import ScreenInfo, plan_placement

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [
    ScreenInfo(0, "CONSOLE", 0, 0, 1920, 1080, primary=True),
    ScreenInfo(1, "WALL-Q", 1920, 0, 1920, 1080),
    ScreenInfo(2, "WALL-V", 3840, 0, 1920, 1080),
    ScreenInfo(3, "WALL-H", 5760, 0, 3840, 2160, dpr=2.0),
    ScreenInfo(4, "TOUCH", 9600, 0, 1920, 1080),
]


def test_named_and_indexed_screens_are_honoured_and_walls_go_full_screen_in_kiosk() -> None:
    plan = plan_placement(
        SCREENS,
        {
            "questions_wall": "WALL-Q",
            "video_wall": 2,
            "heatmap_wall": "wall-h",
            "guest_panel": "TOUCH",
        },
        kiosk=True,
    )
    where = {p.window: (p.screen.name, p.fullscreen) for p in plan.placements}
    assert where == {
        "operator_console": ("CONSOLE", False),
        "questions_wall": ("WALL-Q", True),
        "video_wall": ("WALL-V", True),
        "heatmap_wall": ("WALL-H", True),
        "guest_panel": ("TOUCH", True),
    }
    assert plan.messages == ()


def test_an_unknown_screen_is_reported_and_the_window_placed_anyway() -> None:
    plan = plan_placement(SCREENS, {"guest_panel": "TOUCH-2"}, kiosk=False)
    assert any("no screen 'TOUCH-2'" in m for m in plan.messages)
    assert len({p.screen.index for p in plan.placements}) == 5
    assert not any(p.fullscreen for p in plan.placements), "dev mode: ordinary windows"


def test_fewer_screens_than_windows_share_a_screen_as_tiles_and_say_so() -> None:
    plan = plan_placement(SCREENS[:2], {}, kiosk=True)
    assert plan.for_window("operator_console").screen.name == "CONSOLE"
    assert plan.for_window("questions_wall").screen.name == "WALL-Q"
    assert plan.for_window("questions_wall").fullscreen
    shared = [p for p in plan.placements if p.screen.name == "CONSOLE"]
    assert len(shared) == 4 and not any(p.fullscreen for p in shared)
    tiles = {p.geometry() for p in shared}
    assert len(tiles) == 4, "shared windows do not overlap"
    (message,) = plan.messages
    assert message.startswith("2 screens for 5 windows")
    assert "live video wall" in message and "as ordinary windows" in message


def offscreen_env(tmp_path: Path, screens: list[ScreenInfo]) -> dict[str, str]:
    layout = {
        "screens": [
            {
                "name": s.name,
                "x": s.x,
                "y": s.y,
                "width": s.width,
                "height": s.height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": s.dpr,
            }
            for s in screens
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(layout))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    return env


def test_blueroom_screens_lists_what_qt_sees(tmp_path: Path) -> None:
    env = offscreen_env(tmp_path, SCREENS)
    env["BLUEROOM_SCREENS__GUEST_PANEL"] = '"TOUCH"'
    result = subprocess.run(
        [sys.executable, "-m", "blueroom.cli", "screens"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "5 screens:" in result.stdout
    assert "'WALL-H' 3840×2160" in result.stdout and "scale 2" in result.stdout
    (guest_line,) = [line for line in result.stdout.splitlines() if "guest_panel" in line]
    assert "'TOUCH'" in guest_line


PLACE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from blueroom.app import build_windows, place_windows
    from blueroom.capture.latest_frame import LatestFrameSlot
    from blueroom.engine.room import Room, RoomOptions
    from blueroom.settings import load_settings

    app = QApplication([])
    settings = load_settings()
    room = Room(settings, RoomOptions(replay_file=Path(sys.argv[1]),
                                      journal_path=Path(sys.argv[2])))
    windows = build_windows(room, LatestFrameSlot(), settings, "test")
    plan = place_windows(app, windows, settings, kiosk=True)
    app.processEvents()
    for name, window in windows.items():
        print(name, window.screen().name(), window.isFullScreen(), window.width(), window.height())
    for message in plan.messages:
        print("message", message)
    room.stop()
    """
)


def place_in_subprocess(
    env: dict[str, str], recording: Path, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    """Build and place the real windows in a fresh process with the given screen layout."""
    return subprocess.run(
        [sys.executable, "-c", PLACE, str(recording), str(tmp_path / "j.sqlite")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_windows_really_open_on_their_screens_in_a_five_screen_layout(
    tmp_path: Path, recording: Path
) -> None:
    env = offscreen_env(tmp_path, SCREENS)
    env["BLUEROOM_SCREENS__QUESTIONS_WALL"] = '"WALL-Q"'
    env["BLUEROOM_SCREENS__VIDEO_WALL"] = '"WALL-V"'
    env["BLUEROOM_SCREENS__HEATMAP_WALL"] = '"WALL-H"'
    env["BLUEROOM_SCREENS__GUEST_PANEL"] = '"TOUCH"'
    result = place_in_subprocess(env, recording, tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert rows["questions_wall"][:2] == ["WALL-Q", "True"]
    assert rows["video_wall"][:2] == ["WALL-V", "True"]
    assert rows["heatmap_wall"] == ["WALL-H", "True", "3840", "2160"]
    assert rows["guest_panel"][:2] == ["TOUCH", "True"]
    assert rows["operator_console"][:2] == ["CONSOLE", "False"]
    assert "message" not in rows


def test_with_one_screen_the_app_still_starts_and_says_what_it_did(
    tmp_path: Path, recording: Path
) -> None:
    env = offscreen_env(tmp_path, SCREENS[:1])
    result = place_in_subprocess(env, recording, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "message 1 screen for 5 windows" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if not line.startswith("message")]
    assert all(row[1] == "CONSOLE" and row[2] == "False" for row in rows)
