"""A QR code as a picture (``segno`` makes the matrix, Qt draws it): black modules on
white with the standard four-module quiet zone, each module a whole number of pixels so
a phone's camera reads it from across a desk."""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_image(text: str, side: int) -> QImage:
    """``text`` as a QR code (error correction M) fitting in ``side`` pixels."""
    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    modules = len(rows)
    module = max(1, side // modules)
    image = QImage(modules * module, modules * module, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    black = QColor(Qt.GlobalColor.black)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * module, y * module, module, module, black)
    painter.end()
    return image
