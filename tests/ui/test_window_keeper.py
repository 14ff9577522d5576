"""The windows kept in their places: kiosk windows that refuse to close until the room
quits, and the console's Windows menu saying where each window is and bringing it back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from blueroom.ui.operator.windows_menu import attach_windows_menu
from blueroom.ui.placement import ScreenInfo
from blueroom.ui.window_keeper import KioskGuard, WindowKeeper
from tests.ui.test_placement import ROOT, offscreen_env

CLOSING_KEYS = [
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
]


class Wall(QWidget):
    """A wall that closes on the usual keys, as a careless change to one might do."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(480, 270)
        for key in ("Ctrl+W", "Ctrl+Q", "Ctrl+F4", "Alt+F4"):
            QShortcut(QKeySequence(key), self).activated.connect(self.close)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def show_active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def wall(qtbot: QtBot) -> Iterator[Wall]:
    window = Wall()
    qtbot.addWidget(window)
    show_active(qtbot, window)
    yield window


def test_in_kiosk_mode_a_wall_refuses_closes_and_closing_keys_until_released(
    qtbot: QtBot, qapp: QApplication, wall: Wall
) -> None:
    qtbot.keyClick(wall, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not wall.isVisible(), "unguarded, the wall's own shortcut closes it"
    show_active(qtbot, wall)
    guard = KioskGuard(qapp, [wall], restore=lambda window: None)
    try:
        assert not wall.close(), "a close (the window manager's, a program's) is refused"
        assert wall.isVisible()
        for key, modifier in CLOSING_KEYS:
            show_active(qtbot, wall)
            qtbot.keyClick(wall, key, modifier)
            assert wall.isVisible(), QKeySequence(modifier.value | key.value).toString()
        other = QWidget()
        qtbot.addWidget(other)
        other.show()
        assert other.close(), "windows the guard does not keep close as ever"
    finally:
        guard.release()
    show_active(qtbot, wall)
    qtbot.keyClick(wall, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not wall.isVisible(), "released (the room quitting): the wall closes"


KIOSK_QUIT = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
    from blueroom.ui.window_keeper import WindowKeeper

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    names = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")
    windows = {name: QMainWindow() if name == "operator_console" else QWidget() for name in names}
    keeper = WindowKeeper(app, windows, {}, kiosk=True)
    keeper.place()

    def try_then_quit():
        print("refused", not windows["guest_panel"].close(), not windows["video_wall"].close())
        app.quit()

    QTimer.singleShot(200, try_then_quit)
    QTimer.singleShot(5000, lambda: (print("quit was cancelled"), app.exit(3)))
    print("exit", app.exec())
    print("closed", [name for name, window in windows.items() if not window.isVisible()])
    """
)


def test_in_kiosk_mode_the_room_still_quits(tmp_path: Path) -> None:
    """Qt 6 asks every window to close on quit(); a refusal would cancel the quit."""
    env = offscreen_env(tmp_path, [ScreenInfo(0, "ONE", 0, 0, 1920, 1080, primary=True)])
    result = subprocess.run(
        [sys.executable, "-c", KIOSK_QUIT], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "refused True True"
    assert lines[1] == "exit 0", result.stdout
    assert "'guest_panel'" in lines[2] and "'video_wall'" in lines[2]


KEEPER = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
    from blueroom.ui.operator.windows_menu import attach_windows_menu
    from blueroom.ui.window_keeper import WindowKeeper

    app = QApplication([])
    names = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")
    windows = {name: QMainWindow() if name == "operator_console" else QWidget() for name in names}
    for name, window in windows.items():
        window.setMinimumSize(1166, 613) if name == "operator_console" else window.setMinimumSize(480, 270)
    keeper = WindowKeeper(app, windows, {}, kiosk=sys.argv[1] == "kiosk")
    keeper.place()
    menu = attach_windows_menu(windows["operator_console"], keeper)
    app.processEvents()

    def show(title):
        print(title)
        menu.rebuild()
        for action in menu.actions():
            if action.text():
                print(" @" + action.objectName() + ":", action.text())
        for name, window in windows.items():
            g = window.frameGeometry()
            print(" ", name, window.screen().name(), window.isVisible(), window.isFullScreen(),
                  g.x(), g.y(), g.width(), g.height())

    show("placed")
    windows["guest_panel"].close()
    windows["questions_wall"].showNormal()
    windows["questions_wall"].setScreen(app.screens()[0])
    windows["questions_wall"].setGeometry(100, 100, 480, 270)
    app.processEvents()
    show("lost")
    for action in menu.actions():
        if action.objectName() in ("guest_panel", "questions_wall"):
            action.trigger()
    app.processEvents()
    show("brought back")
    """
)


def keeper_run(tmp_path: Path, screens: list[ScreenInfo], mode: str) -> dict[str, list[str]]:
    env = offscreen_env(tmp_path, screens)
    result = subprocess.run(
        [sys.executable, "-c", KEEPER, mode], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sections: dict[str, list[str]] = {}
    title = ""
    for line in result.stdout.splitlines():
        if line.startswith(" "):
            sections[title].append(line.strip())
        else:
            title = line
            sections[title] = []
    return sections


def rows(lines: list[str]) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in lines if not line.startswith("@")}


def menu(lines: list[str]) -> dict[str, str]:
    return {
        line[1:].split(":", 1)[0]: line.split(":", 1)[1].strip()
        for line in lines
        if line.startswith("@")
    }


ROOM = [
    ScreenInfo(0, "LAPTOP", 0, 0, 1366, 768, primary=True),
    ScreenInfo(1, "TOUCH", 1366, 0, 1280, 800),
    ScreenInfo(2, "WALL-1", 2646, 0, 1920, 1080),
    ScreenInfo(3, "WALL-2", 4566, 0, 1920, 1080),
    ScreenInfo(4, "WALL-3", 6486, 0, 1920, 1080),
]


def test_the_windows_menu_says_where_each_window_is_and_brings_lost_ones_back(
    tmp_path: Path,
) -> None:
    seen = keeper_run(tmp_path, ROOM, "kiosk")
    placed = rows(seen["placed"])
    assert {name: row[0] for name, row in placed.items()} == {
        "operator_console": "LAPTOP",
        "questions_wall": "WALL-1",
        "video_wall": "WALL-2",
        "heatmap_wall": "WALL-3",
        "guest_panel": "TOUCH",
    }
    assert placed["guest_panel"][1:] == ["True", "True", "1366", "0", "1280", "800"]
    said = menu(seen["placed"])
    assert said["questions_wall"] == "Questions wall — full screen on WALL-1 (1920×1080)"
    assert said["guest_panel"] == "Guest panel — full screen on TOUCH (1280×800)"
    assert said["operator_console"] == "Operator console — window on LAPTOP (1366×768)"
    assert said["every_window"] == "Put every window back in its place"
    assert any("no screen is known to have touch" in line for line in seen["placed"])

    lost = menu(seen["lost"])
    assert lost["guest_panel"] == "Guest panel — full screen on TOUCH (1280×800)", (
        "kiosk: not closed"
    )
    assert lost["questions_wall"] == "Questions wall — full screen on WALL-1 (1920×1080)", (
        "put back at once"
    )
    assert rows(seen["lost"])["questions_wall"] == [
        "WALL-1", "True", "True", "2646", "0", "1920", "1080"
    ]  # fmt: skip


def test_a_closed_window_is_reopened_on_its_screen_from_the_menu(tmp_path: Path) -> None:
    seen = keeper_run(tmp_path, ROOM, "dev")
    assert menu(seen["placed"])["guest_panel"] == "Guest panel — window on TOUCH (1280×800)"
    lost = menu(seen["lost"])
    assert lost["guest_panel"] == "Guest panel — closed: click to reopen it on TOUCH (1280×800)"
    assert rows(seen["lost"])["guest_panel"][1] == "False"
    back = rows(seen["brought back"])
    assert back["guest_panel"][:3] == ["TOUCH", "True", "False"]
    assert lost["questions_wall"] == (
        "Questions wall — on LAPTOP: click to put it back on WALL-1 (1920×1080)"
    )
    assert back["questions_wall"][:3] == ["WALL-1", "True", "False"]
    assert menu(seen["brought back"])["guest_panel"] == "Guest panel — window on TOUCH (1280×800)"


def test_on_one_laptop_screen_the_console_fills_it_and_the_others_wait_behind(
    tmp_path: Path,
) -> None:
    seen = keeper_run(tmp_path, ROOM[:1], "dev")
    placed = rows(seen["placed"])
    assert placed["operator_console"] == ["LAPTOP", "True", "False", "0", "0", "1366", "768"]
    said = menu(seen["placed"])
    assert said["video_wall"] == "Live video wall — behind the console on LAPTOP (1366×768)"


def test_the_menu_is_on_the_console(qtbot: QtBot, qapp: QApplication) -> None:
    console = QMainWindow()
    qtbot.addWidget(console)
    keeper = WindowKeeper(qapp, {"operator_console": console}, {}, kiosk=False)
    menu = attach_windows_menu(console, keeper)
    assert menu.menuAction() in console.menuBar().actions()
    assert menu.title() == "&Windows"
