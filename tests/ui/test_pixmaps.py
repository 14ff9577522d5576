"""Copying part of a cached pixmap made at a screen's density."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from pytestqt.qtbot import QtBot

from blueroom.ui.widgets.pixmaps import draw_part


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_the_part_under_a_rectangle_is_copied_at_any_density(qtbot: QtBot, ratio: float) -> None:
    cache = QPixmap(round(200 * ratio), round(100 * ratio))
    cache.setDevicePixelRatio(ratio)
    cache.fill(QColor("red"))
    painter = QPainter(cache)
    painter.fillRect(QRect(100, 0, 100, 100), QColor("blue"))  # the right half, in widget units
    painter.end()

    shown = QImage(round(200 * ratio), round(100 * ratio), QImage.Format.Format_ARGB32)
    shown.setDevicePixelRatio(ratio)
    shown.fill(QColor("white"))
    painter = QPainter(shown)
    draw_part(painter, QRect(120, 10, 60, 60), cache)  # inside the blue half
    draw_part(painter, QRect(20, 10, 60, 60), cache)  # inside the red half
    painter.end()

    def at(x: int, y: int) -> str:
        return shown.pixelColor(round(x * ratio), round(y * ratio)).name()

    assert at(150, 40) == "#0000ff"
    assert at(50, 40) == "#ff0000"
    assert at(150, 90) == "#ffffff", "nothing outside the rectangle"
