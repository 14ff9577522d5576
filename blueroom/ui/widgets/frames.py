"""Camera frames made ready for painting: scaled and cropped by OpenCV, wrapped by Qt.

Scaling a 1080p frame inside ``QPainter.drawImage`` with smooth transformation costs
~10 ms of the GUI thread per paint; ``cv2.resize`` does it in ~1 ms (and releases the
GIL), after which Qt only blits.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtGui import QImage


def cover(
    image: npt.NDArray[np.uint8], width: int, height: int, *, mirror: bool = False
) -> npt.NDArray[np.uint8]:
    """Scale ``image`` to fill ``width``×``height`` (cropping the overflow), as BGRA."""
    width, height = max(1, width), max(1, height)
    source_h, source_w = image.shape[:2]
    scale = max(width / source_w, height / source_h)
    crop_w = min(source_w, max(1, round(width / scale)))
    crop_h = min(source_h, max(1, round(height / scale)))
    left, top = (source_w - crop_w) // 2, (source_h - crop_h) // 2
    cropped = image[top : top + crop_h, left : left + crop_w]
    shrinking = crop_w > width
    resized = cv2.resize(
        cropped,
        (width, height),
        interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR,
    )
    if mirror:
        resized = cv2.flip(resized, 1)
    if resized.ndim == 3 and resized.shape[2] == 3:
        # 4 bytes a pixel is what the screen's backing store holds: painting becomes a copy.
        resized = cv2.cvtColor(resized, cv2.COLOR_BGR2BGRA)
    return np.ascontiguousarray(resized)


def bgr_image(array: npt.NDArray[np.uint8], device_pixel_ratio: float = 1.0) -> QImage:
    """Wrap a BGR or BGRA array without copying; keep ``array`` alive while it is used."""
    height, width = array.shape[:2]
    channels = array.shape[2] if array.ndim == 3 else 1
    image_format = QImage.Format.Format_RGB32 if channels == 4 else QImage.Format.Format_BGR888
    image = QImage(array.data, width, height, array.strides[0], image_format)
    image.setDevicePixelRatio(device_pixel_ratio)
    return image
