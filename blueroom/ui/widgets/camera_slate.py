"""The slate a camera view shows instead of a picture: a camera drawn in line, and what
is happening in words ("No camera", "Reconnecting…"), shared by the video wall and the
guest panel's mirror."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from blueroom.capture.picture import Picture
from blueroom.ui.i18n import translate


def wall_title(shown: Picture) -> str:
    """What the video wall says over its missing picture."""
    match shown:
        case Picture.STARTING:
            return translate("VideoWall", "Starting the camera…")
        case Picture.RECONNECTING:
            return translate("VideoWall", "Reconnecting…")
        case Picture.OFF:
            return translate("VideoWall", "Camera off")
        case _:
            return translate("VideoWall", "No camera")


def mirror_title(shown: Picture) -> str:
    """What the guest's mirror says without a picture: short, and nothing to fix."""
    match shown:
        case Picture.STARTING:
            return translate("GuestPanel", "The mirror wakes up…")
        case Picture.RECONNECTING:
            return translate("GuestPanel", "Reconnecting…")
        case Picture.OFF:
            return translate("GuestPanel", "Camera off")
        case _:
            return translate("GuestPanel", "No camera")


def mirror_line(shown: Picture) -> str:
    match shown:
        case Picture.RECONNECTING:
            return translate("GuestPanel", "The mirror will be back in a moment.")
        case Picture.STARTING:
            return ""
        case _:
            return translate("GuestPanel", "The mirror comes back when a camera is connected.")


def paint_camera_glyph(
    painter: QPainter, centre: QPointF, size: float, shown: Picture, color: QColor
) -> None:
    """A camera in outline, ``size`` wide; struck through when there is none to wait for."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.0, size * 0.06))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    body = QRectF(centre.x() - size * 0.5, centre.y() - size * 0.28, size * 0.72, size * 0.56)
    painter.drawRoundedRect(body, size * 0.1, size * 0.1)
    lens = QPainterPath()  # the side lens, as the usual "video" pictogram
    lens.moveTo(body.right() + size * 0.04, centre.y() - size * 0.08)
    lens.lineTo(centre.x() + size * 0.5, centre.y() - size * 0.22)
    lens.lineTo(centre.x() + size * 0.5, centre.y() + size * 0.22)
    lens.lineTo(body.right() + size * 0.04, centre.y() + size * 0.08)
    lens.closeSubpath()
    painter.drawPath(lens)
    if shown in (Picture.NO_CAMERA, Picture.OFF):
        painter.drawLine(
            QPointF(centre.x() - size * 0.5, centre.y() + size * 0.42),
            QPointF(centre.x() + size * 0.46, centre.y() - size * 0.42),
        )
    elif shown is Picture.RECONNECTING:  # three dots: waiting, not broken
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        radius = size * 0.045
        for step in (-1, 0, 1):
            dot = QPointF(body.center().x() + step * size * 0.16, body.center().y())
            painter.drawEllipse(dot, radius, radius)
    painter.restore()
