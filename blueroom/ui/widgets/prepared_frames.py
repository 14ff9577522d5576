"""Camera frames made ready for painting: scaled and cropped by OpenCV, wrapped by Qt.

Scaling a 1080p frame inside ``QPainter.drawImage`` with smooth transformation costs
~10 ms of the GUI thread per paint; ``cv2.resize`` does it in ~1 ms (and releases the
GIL), after which Qt only blits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtGui import QImage

from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.workers import ErrorSink, Worker


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
    cropped: npt.NDArray[np.uint8] = image[top : top + crop_h, left : left + crop_w]
    shrinking = crop_w > width
    if mirror and not shrinking:  # the same picture, flipped where it has fewer pixels
        cropped = np.asarray(cv2.flip(cropped, 1), dtype=np.uint8)
    if cropped.ndim == 3 and cropped.shape[2] == 3:
        # 4 bytes a pixel is what the screen's backing store holds: painting becomes a
        # copy. Converting before scaling up touches fewer pixels.
        cropped = np.asarray(cv2.cvtColor(cropped, cv2.COLOR_BGR2BGRA), dtype=np.uint8)
    resized = cv2.resize(
        cropped,
        (width, height),
        interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR,
    )
    if mirror and shrinking:
        resized = cv2.flip(resized, 1)
    return np.ascontiguousarray(resized)


def bgr_image(array: npt.NDArray[np.uint8], device_pixel_ratio: float = 1.0) -> QImage:
    """Wrap a BGR or BGRA array without copying; keep ``array`` alive while it is used."""
    height, width = array.shape[:2]
    channels = array.shape[2] if array.ndim == 3 else 1
    image_format = QImage.Format.Format_RGB32 if channels == 4 else QImage.Format.Format_BGR888
    image = QImage(array.data, width, height, array.strides[0], image_format)
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


class PreparedFrames:
    """The camera's newest frame at one view's size, made by a ``FramePreparer`` thread.

    A view owns one; without a preparer thread (tests) it prepares frames itself. With
    one, ``on_ready`` (if given) is called on the preparer's thread after each new frame:
    the view takes it at once instead of at its next tick (every camera frame shown).
    """

    def __init__(
        self,
        slot: LatestFrameSlot,
        *,
        mirror: bool = False,
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        self.slot = slot
        self.mirror = mirror
        self.on_ready = on_ready
        self._size: tuple[int, int] | None = None
        self._latest: tuple[int, tuple[int, int], npt.NDArray[np.uint8]] | None = None
        self.threaded = False

    def set_size(self, width: int, height: int) -> None:
        self._size = (max(1, width), max(1, height))

    def pause(self) -> None:
        """Nothing to prepare until the next ``set_size`` (the view is not shown)."""
        self._size = None
        self._latest = None

    def latest(self) -> tuple[int, tuple[int, int], npt.NDArray[np.uint8]] | None:
        """(frame number, size, BGRA array) of the newest prepared frame, if any."""
        if not self.threaded:
            self.prepare(self.slot.latest())
        return self._latest

    def prepare(self, frame: Frame | None) -> None:
        size = self._size
        if frame is None or size is None:
            return
        latest = self._latest
        if latest is not None and latest[0] == frame.seq and latest[1] == size:
            return
        self._latest = (frame.seq, size, cover(frame.image, *size, mirror=self.mirror))
        if self.threaded and self.on_ready is not None:
            self.on_ready()


class FramePreparer:
    """One thread that scales each new camera frame for every view (OpenCV drops the GIL).

    Started and stopped by the composition root.
    """

    def __init__(self, slot: LatestFrameSlot, on_error: ErrorSink | None = None) -> None:
        self._slot = slot
        self._views: list[PreparedFrames] = []
        self._worker = Worker("camera-preparer", self._run, on_error=on_error, lowered=True)

    def register(self, prepared: PreparedFrames) -> None:
        prepared.threaded = True
        self._views.append(prepared)

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(2.0)

    def _run(self, stop: threading.Event) -> None:
        seq = 0
        while not stop.is_set():
            frame = self._slot.wait_newer(seq, timeout=0.1)
            if frame is None:
                continue
            seq = frame.seq
            for view in self._views:
                self._worker.guarded(partial(view.prepare, frame))
