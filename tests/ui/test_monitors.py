"""Confidence monitors: the walls and the guest panel, small and live, on the console."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.models import RoomModel
from blueroom.ui.operator.monitors import Monitors
from tests.ui.test_approved_images import _array, _windows, fixed_time, frames, room  # noqa: F401

WATCHED = ("questions_wall", "video_wall", "heatmap_wall", "guest_panel")


def test_each_monitor_is_its_window_small_and_a_click_asks_for_that_window(
    qtbot: QtBot,
    room: tuple[RoomModel, RoomActions],  # noqa: F811
    frames: LatestFrameSlot,  # noqa: F811
    fixed_time: None,  # noqa: F811
) -> None:
    model, actions = room
    windows = _windows(model, actions, frames)
    console = windows.pop("operator_console")
    for window in (*windows.values(), console):
        qtbot.addWidget(window)
    for name in WATCHED:
        windows[name].resize(1920, 1080)
        windows[name].show()
    console.resize(1920, 1080)
    console.show()
    qtbot.waitExposed(console)
    monitors: Monitors = console.monitors  # type: ignore[attr-defined]
    for name in WATCHED:
        monitors.watch(name, name.replace("_", " "), windows[name], lambda: "screen 2")
    assert monitors.isVisible(), "the Walls tab is the first"
    for name in WATCHED:
        monitors.refresh(name)
        monitor = monitors.monitors[name]
        assert monitor.picture is not None and monitor.where == "screen 2"
        small = _array(monitor.picture).astype(float)
        size = monitor.picture.size()
        whole = (
            windows[name]
            .grab()
            .toImage()
            .scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        full = _array(whole).astype(float)
        assert small.std() > 5, f"{name}: a picture, not a flat box"
        assert np.abs(small - full).mean() < 12, f"{name}: the window itself, small"

    with qtbot.waitSignal(monitors.present) as asked:
        qtbot.mouseClick(
            monitors.monitors["video_wall"], Qt.MouseButton.LeftButton, pos=QPoint(40, 30)
        )
    assert asked.args == ["video_wall"]

    windows["heatmap_wall"].hide()  # closed by someone
    monitors.refresh("heatmap_wall")
    assert monitors.monitors["heatmap_wall"].closed


def test_monitors_out_of_sight_paint_nothing(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    monitors = Monitors()
    qtbot.addWidget(monitors)
    wall = QWidget()
    qtbot.addWidget(wall)
    wall.resize(640, 360)
    wall.show()
    monitors.watch("questions_wall", "questions wall", wall, lambda: "")
    monitors.refresh_next()  # the monitors are not shown
    assert monitors.monitors["questions_wall"].picture is None
    monitors.resize(400, 300)
    monitors.show()
    qtbot.waitExposed(monitors)
    monitors.refresh_next()
    assert monitors.monitors["questions_wall"].picture is not None
