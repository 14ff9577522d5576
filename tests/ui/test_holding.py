"""The panic key: F12 (from any of the room's windows) or the console's big button puts
every wall and the guest panel on a calm holding slate at once, and back."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.models import RoomModel
from blueroom.ui.widgets.holding import HoldingSlates
from tests.ui.test_approved_images import _array, _windows, fixed_time, frames, room  # noqa: F401

PUBLIC = ("questions_wall", "video_wall", "heatmap_wall", "guest_panel")


def test_f12_from_a_wall_holds_every_public_window_and_f12_again_brings_them_back(
    qtbot: QtBot,
    room: tuple[RoomModel, RoomActions],  # noqa: F811
    frames: LatestFrameSlot,  # noqa: F811
    fixed_time: None,  # noqa: F811
) -> None:
    model, actions = room
    windows = _windows(model, actions, frames)
    for window in windows.values():
        qtbot.addWidget(window)
        window.resize(960, 540)
        window.show()
    console = windows["operator_console"]
    slates = HoldingSlates(model.session, [windows[name] for name in PUBLIC], "#AskBlueRoom")
    before = {name: _array(windows[name].grab().toImage()) for name in PUBLIC}
    wall = windows["questions_wall"]
    wall.activateWindow()
    qtbot.waitUntil(wall.isActiveWindow, timeout=2000)
    qtbot.keyClick(wall, Qt.Key.Key_F12)  # focus on a wall, not on the console
    assert model.session.latest().held, "journalled through the actions"
    slates.check()
    for name, slate in zip(PUBLIC, slates.slates, strict=True):
        shown = _array(windows[name].grab().toImage()).astype(int)
        assert slate.isVisible() and slate.geometry() == windows[name].rect()
        assert np.abs(shown - _array(slate.grab().toImage())).mean() < 1, (
            f"{name}: the slate, nothing else"
        )
        assert np.abs(shown - before[name]).mean() > 1, f"{name}: not what it showed"
    slate_pixels = [_array(slate.grab().toImage()) for slate in slates.slates]
    assert all(p.std() > 3 for p in slate_pixels), "a designed slate, not a blank"
    console.refresh()
    assert console.hold_button.isChecked()  # type: ignore[attr-defined]

    qtbot.mouseClick(console.hold_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not model.session.latest().held
    slates.check()
    assert not any(slate.isVisible() for slate in slates.slates)
    slates.stop()
