"""Windows land on the screens the settings name; with too few screens the app says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from blueroom.ui.placement import WINDOW_TITLES, Plan, ScreenInfo, plan_placement, with_touch

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
        frame = window.frameGeometry()
        print(name, window.screen().name(), window.isFullScreen(), window.width(), window.height(),
              frame.x(), frame.y(), frame.width(), frame.height())
    print("active", app.activeWindow() is windows["operator_console"])
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
    assert rows["heatmap_wall"][:4] == ["WALL-H", "True", "3840", "2160"]
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
    rows = [
        line.split()
        for line in result.stdout.splitlines()
        if not line.startswith(("message", "active"))
    ]
    assert all(row[1] == "CONSOLE" and row[2] == "False" for row in rows)


# -- sensible screens with none named (pure: the screens and the settings alone) ----------

CONSOLE_MINIMUM = {"operator_console": (1166, 613)}  # the console's minimum size hint today


def laptop(width: int = 1366, height: int = 768, dpr: float = 1.0) -> ScreenInfo:
    return ScreenInfo(0, "LAPTOP", 0, 0, width, height, dpr=dpr, primary=True, touch=False)


def room_layout(touch: bool | None) -> list[ScreenInfo]:
    """A laptop, a 1280×800 touch screen listed before three 1080p walls (as a graphics
    card may list them), touch known or not."""
    wall = False if touch is not None else None
    return [
        laptop(),
        ScreenInfo(1, "TOUCH", 1366, 0, 1280, 800, touch=touch),
        ScreenInfo(2, "WALL-1", 2646, 0, 1920, 1080, touch=wall),
        ScreenInfo(3, "WALL-2", 4566, 0, 1920, 1080, touch=wall),
        ScreenInfo(4, "WALL-3", 6486, 0, 1920, 1080, touch=wall),
    ]


def where(plan: Plan) -> dict[str, str]:
    return {p.window: p.screen.name for p in plan.placements}


def inside(rect: tuple[int, int, int, int], area: tuple[int, int, int, int]) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


def overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_the_guest_panel_finds_the_touch_screen_and_the_walls_the_large_ones() -> None:
    plan = plan_placement(room_layout(touch=True), {}, kiosk=True)
    assert where(plan) == {
        "operator_console": "LAPTOP",
        "questions_wall": "WALL-1",
        "video_wall": "WALL-2",
        "heatmap_wall": "WALL-3",
        "guest_panel": "TOUCH",
    }
    assert plan.for_window("guest_panel").reason == "touch"
    assert all(p.fullscreen for p in plan.placements if p.window != "operator_console")
    assert plan.messages == ()


def test_a_touch_screen_wins_over_a_smaller_one() -> None:
    screens = [
        laptop(),
        ScreenInfo(1, "SMALL", 1366, 0, 1024, 768, touch=False),
        ScreenInfo(2, "TOUCH-1080", 2390, 0, 1920, 1080, touch=True),
    ]
    plan = plan_placement(screens, {}, kiosk=True)
    assert plan.for_window("guest_panel").screen.name == "TOUCH-1080"
    assert plan.for_window("questions_wall").screen.name == "SMALL"


def test_where_touch_is_unknown_the_smallest_free_screen_is_the_guess_and_it_says_so() -> None:
    plan = plan_placement(room_layout(touch=None), {}, kiosk=True)
    assert where(plan)["guest_panel"] == "TOUCH"
    assert where(plan)["questions_wall"] == "WALL-1"
    assert plan.for_window("guest_panel").reason == "guess"
    (message,) = plan.messages
    assert "cannot say which screen has touch" in message and "'TOUCH'" in message
    assert "screens.guest_panel" in message


def test_the_settings_decide_over_touch_and_size() -> None:
    plan = plan_placement(
        room_layout(touch=True), {"guest_panel": "WALL-3", "questions_wall": 1}, kiosk=True
    )
    assert where(plan)["guest_panel"] == "WALL-3"
    assert where(plan)["questions_wall"] == "TOUCH"
    assert {where(plan)["video_wall"], where(plan)["heatmap_wall"]} == {"WALL-1", "WALL-2"}
    assert plan.for_window("guest_panel").reason == "settings"


def test_with_one_free_screen_the_walls_take_it_rather_than_a_guessed_guest_panel() -> None:
    screens = [laptop(), ScreenInfo(1, "WALL", 1366, 0, 1920, 1080)]
    plan = plan_placement(screens, {}, kiosk=True, minimum=CONSOLE_MINIMUM)
    assert where(plan)["questions_wall"] == "WALL"
    assert where(plan)["guest_panel"] == "LAPTOP"


def test_a_laptop_alone_keeps_the_console_whole_and_the_others_behind_it() -> None:
    plan = plan_placement([laptop()], {}, kiosk=True, minimum=CONSOLE_MINIMUM)
    console = plan.for_window("operator_console")
    assert console.rect == (0, 0, 1366, 768) and console.maximized
    others = [p for p in plan.placements if p.window != "operator_console"]
    assert all(p.behind and not p.fullscreen for p in others)
    assert all(inside(p.rect, (0, 0, 1366, 768)) for p in others)
    (message,) = plan.messages
    assert message.startswith("1 screen for 5 windows") and "wait behind the console" in message


def test_the_console_is_never_larger_than_its_screen_even_when_it_asks_for_more() -> None:
    for screen in (laptop(), laptop(1280, 800), laptop(1024, 600)):
        for alone in (True, False):
            screens = [screen, ScreenInfo(1, "W", 1366, 0, 1920, 1080)] if alone else [screen]
            plan = plan_placement(
                screens, {}, kiosk=False, minimum={"operator_console": (1400, 900)}
            )
            console = plan.for_window("operator_console")
            assert console.screen.name == "LAPTOP"
            assert inside(console.rect, screen.geometry), (screen, console.rect)


def test_the_console_keeps_to_the_work_area() -> None:
    screen = replace(laptop(1920, 1080), available=(0, 32, 1920, 1048))  # a top panel
    alone = [screen, *room_layout(touch=None)[1:]]
    plan = plan_placement(alone, {}, kiosk=True)
    assert plan.for_window("operator_console").rect == (0, 32, 1920, 1048)
    shared = plan_placement([screen], {}, kiosk=True)
    assert all(inside(p.rect, (0, 32, 1920, 1048)) for p in shared.placements)
    assert shared.for_window("operator_console").rect == (0, 32, 1280, 1048)


def test_on_one_1080p_screen_the_windows_are_tiled_beside_the_console_never_over_it() -> None:
    screen = laptop(1920, 1080)
    plan = plan_placement([screen], {}, kiosk=False, minimum=CONSOLE_MINIMUM)
    console = plan.for_window("operator_console")
    assert console.rect == (0, 0, 1280, 1080) and not console.maximized
    others = [p for p in plan.placements if p.window != "operator_console"]
    for placement in others:
        assert not placement.behind
        assert not overlap(placement.rect, console.rect), placement
        assert inside(placement.rect, screen.geometry), placement
        assert placement.rect[2] >= 480 and placement.rect[3] >= 270
    assert len({p.rect for p in others}) == 4
    assert "behind" not in plan.messages[0]


def test_on_a_large_single_screen_the_tiles_do_not_overlap_at_all() -> None:
    screen = laptop(2560, 1440)
    plan = plan_placement([screen], {}, kiosk=False, minimum=CONSOLE_MINIMUM)
    rects = [p.rect for p in plan.placements]
    assert not any(overlap(a, b) for n, a in enumerate(rects) for b in rects[n + 1 :])
    assert sum(r[2] * r[3] for r in rects) == 2560 * 1440


def test_scale_2_screens_compare_by_their_pixels_and_place_in_logical_coordinates() -> None:
    screens = [
        ScreenInfo(0, "RETINA", 0, 0, 1440, 900, dpr=2.0, primary=True),  # 2880×1800
        ScreenInfo(1, "HD", 1440, 0, 1920, 1080),
        ScreenInfo(2, "UHD", 3360, 0, 1920, 1080, dpr=2.0),  # 3840×2160
        ScreenInfo(3, "TOUCH", 5280, 0, 1280, 800),
    ]
    plan = plan_placement(screens, {}, kiosk=True, minimum=CONSOLE_MINIMUM)
    assert where(plan) == {
        "operator_console": "RETINA",
        "questions_wall": "UHD",
        "video_wall": "HD",
        "heatmap_wall": "RETINA",
        "guest_panel": "TOUCH",
    }
    assert plan.for_window("operator_console").rect == (0, 0, 1440, 900)
    assert plan.for_window("heatmap_wall").behind
    assert plan.for_window("questions_wall").rect == (3360, 0, 1920, 1080)


def test_touch_is_read_from_the_touch_devices_areas() -> None:
    screens = room_layout(touch=None)
    touch = {s.name: s.touch for s in with_touch(screens, [(1366, 0, 1280, 800)])}
    assert touch == {"LAPTOP": False, "TOUCH": True, "WALL-1": False, "WALL-2": False,
                     "WALL-3": False}  # fmt: skip
    assert {s.touch for s in with_touch(screens, None)} == {None}, "no devices listed"
    assert {s.touch for s in with_touch(screens, [])} == {False}, "no touch screen"
    assert {s.touch for s in with_touch(screens, [None])} == {None}, "touch somewhere"
    spread = with_touch(screens, [(0, 0, 8406, 1080)])
    assert {s.touch for s in spread} == {None}, "an area over every screen says nothing"
    both = {s.name: s.touch for s in with_touch(screens, [(1366, 0, 1280, 800), (0, 0, 0, 0)])}
    assert both["TOUCH"] is True and both["WALL-1"] is None


def frames(stdout: str) -> dict[str, tuple[int, int, int, int]]:
    found = {}
    for line in stdout.splitlines():
        name, *values = line.split()
        if name in WINDOW_TITLES:
            x, y, width, height = (int(v) for v in values[-4:])
            found[name] = (x, y, width, height)
    return found


def test_on_a_1366_laptop_alone_the_real_console_fills_the_screen_on_top(
    tmp_path: Path, recording: Path
) -> None:
    env = offscreen_env(tmp_path, [laptop()])
    result = place_in_subprocess(env, recording, tmp_path)
    assert result.returncode == 0, result.stderr
    found = frames(result.stdout)
    assert found["operator_console"] == (0, 0, 1366, 768)
    assert all(inside(rect, (0, 0, 1366, 768)) for rect in found.values()), found
    assert "active True" in result.stdout, "the console is in front"
    assert "wait behind the console" in result.stdout


def test_on_one_1080p_screen_no_real_window_covers_the_console(
    tmp_path: Path, recording: Path
) -> None:
    env = offscreen_env(tmp_path, [laptop(1920, 1080)])
    result = place_in_subprocess(env, recording, tmp_path)
    assert result.returncode == 0, result.stderr
    found = frames(result.stdout)
    console = found.pop("operator_console")
    assert console == (0, 0, 1280, 1080)
    for name, rect in found.items():
        assert not overlap(rect, console), (name, rect)
        assert inside(rect, (0, 0, 1920, 1080)), (name, rect)
