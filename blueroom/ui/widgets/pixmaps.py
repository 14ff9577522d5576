"""Drawing part of a cached pixmap: its source rectangle is in the pixmap's own pixels."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter, QPixmap


def draw_part(painter: QPainter, rect: QRect, pixmap: QPixmap) -> None:
    """Copy the part of ``pixmap`` under ``rect`` (widget coordinates) to ``rect``.

    ``QPainter.drawPixmap(target, pixmap, source)`` reads ``source`` in device pixels:
    on a screen at twice the density, the same rectangle for both would copy the wrong
    part of a pixmap made at the screen's density.
    """
    ratio = pixmap.devicePixelRatio()
    source = QRectF(rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio)
    painter.drawPixmap(QRectF(rect), pixmap, source)
