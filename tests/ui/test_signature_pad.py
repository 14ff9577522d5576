"""The signature pad under synthetic touch events: strokes land where the finger was, in
the photo saved at full resolution; rapid taps all leave dots; undo and clear; a new
point repaints only around itself."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from blueroom.core.signature import from_json
from blueroom.ui.guest.signature_pad import COLORS, SignaturePad, render_signed

FULL_W, FULL_H = 1600, 1200
RED = COLORS[3]


def grey_photo(path: Path) -> Path:
    cv2.imwrite(str(path), np.full((FULL_H, FULL_W, 3), 128, np.uint8))
    return path


def pad_on(qtbot: QtBot, photo: Path) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(900, 600)  # wider than the photo: it sits at x 50..850, never cropped
    pad.set_photo(QImage(str(photo)))
    pad.set_color(RED)
    pad.set_thick(True)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def touch_device() -> QPointingDevice:
    return QTest.createTouchDevice()


def is_red(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.red() > 200 and colour.green() < 110 and colour.blue() < 140


def test_a_touch_stroke_lands_at_the_right_place_in_the_full_resolution_photo(
    qtbot: QtBot, tmp_path: Path
) -> None:
    photo = grey_photo(tmp_path / "p1.jpg")
    pad = pad_on(qtbot, photo)
    device = touch_device()
    QTest.touchEvent(pad, device).press(0, QPoint(250, 150), pad).commit()
    for x in range(270, 651, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 150), pad).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(650, 150), pad).commit()
    (stroke,) = pad.strokes
    assert abs(stroke.points[0].x - 0.25) < 1e-6 and abs(stroke.points[0].y - 0.25) < 1e-6
    assert stroke.points[0].pressure is None  # a touch screen without pressure
    render_signed(
        photo, pad.signature(), tmp_path / "signed.jpg", tmp_path / "sig.svg", tmp_path / "sig.json"
    )
    signed = QImage(str(tmp_path / "signed.jpg"))
    assert (signed.width(), signed.height()) == (FULL_W, FULL_H)
    # widget (250..650, 150) → photo 0.25..0.75 of the width at 0.25 of the height
    for x in (400, 800, 1200):
        assert is_red(signed, x, 300), x
    assert not is_red(signed, 800, 330) and not is_red(signed, 300, 300)
    assert not is_red(signed, 1300, 300)
    assert (tmp_path / "sig.svg").read_text().count("<path") == 1
    # the vectors kept beside it are the pad's, read back exactly (the final draws them)
    assert from_json((tmp_path / "sig.json").read_bytes()) == pad.signature()


def test_twenty_rapid_taps_leave_twenty_dots(qtbot: QtBot, tmp_path: Path) -> None:
    photo = grey_photo(tmp_path / "p1.jpg")
    pad = pad_on(qtbot, photo)
    device = touch_device()
    spots = [(90 + 38 * i, 300 + (i % 2) * 100) for i in range(20)]
    for i, (x, y) in enumerate(spots):
        QTest.touchEvent(pad, device).press(i, QPoint(x, y), pad).commit()
        QTest.touchEvent(pad, device).release(i, QPoint(x, y), pad).commit()
    assert len(pad.strokes) == 20
    render_signed(
        photo, pad.signature(), tmp_path / "signed.jpg", tmp_path / "sig.svg", tmp_path / "sig.json"
    )
    signed = QImage(str(tmp_path / "signed.jpg"))
    for x, y in spots:
        assert is_red(signed, round((x - 50) * 2), round(y * 2)), (x, y)


def test_a_new_point_repaints_only_around_the_newest_segment_and_undo_clear_work(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pad = pad_on(qtbot, grey_photo(tmp_path / "p1.jpg"))
    device = touch_device()
    QTest.touchEvent(pad, device).press(0, QPoint(100, 100), pad).commit()
    for x in range(120, 801, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 100), pad).commit()
    dirty = pad.last_dirty
    assert dirty.width() < 150 and dirty.contains(QPoint(800, 100))
    QTest.touchEvent(pad, device).release(0, QPoint(800, 100), pad).commit()
    QTest.touchEvent(pad, device).press(0, QPoint(300, 300), pad).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(300, 300), pad).commit()
    assert len(pad.strokes) == 2
    pad.undo()
    assert len(pad.strokes) == 1
    pad.clear()
    assert pad.strokes == [] and pad.signature().strokes == ()


def test_a_mouse_signs_too(qtbot: QtBot, tmp_path: Path) -> None:
    pad = pad_on(qtbot, grey_photo(tmp_path / "p1.jpg"))
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(pad, left, none, QPoint(200, 200))
    QTest.mouseMove(pad, QPoint(300, 250))
    QTest.mouseRelease(pad, left, none, QPoint(400, 300))
    (stroke,) = pad.strokes
    assert len(stroke.points) >= 2 and abs(stroke.points[-1].x - 0.4375) < 1e-6
