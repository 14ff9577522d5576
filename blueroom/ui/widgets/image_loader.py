"""Photos decoded and scaled off the GUI thread: a 4K JPEG takes tens of milliseconds to
decode, a frame or two of the walls.

A view asks ``request(key, path, width, height)`` and picks the image up with ``take(key)``
on a later tick (None until it is ready). The decoding runs on a
:class:`~blueroom.workers.Worker` started by the composition root (requests made before
it starts wait for it; never decoded on the GUI thread). Images are kept (the newest
``keep``) so a thumbnail is made once per file version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from blueroom.workers import ErrorSink, Worker

WAIT_SECONDS = 0.25
_ROTATE_90 = QImageIOHandler.Transformation.TransformationRotate90.value


def load_scaled(path: Path, width: int, height: int) -> QImage:
    """``path`` decoded at most ``width``×``height`` (aspect kept, EXIF orientation
    applied; JPEGs are decoded scaled, not decoded then scaled); a null image when it
    cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > width or size.height() > height):
        if reader.transformation().value & _ROTATE_90:  # stored on its side: bound it so
            width, height = height, width
        scaled = size.scaled(QSize(width, height), Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(scaled)
    image = reader.read()
    return image if not image.isNull() else QImage()


class ImageLoader:
    def __init__(self, name: str, *, keep: int = 400, on_error: ErrorSink | None = None) -> None:
        self._keep = keep
        self._cond = threading.Condition(threading.Lock())
        self._wanted: OrderedDict[Hashable, tuple[Path, int, int]] = OrderedDict()
        self._done: OrderedDict[Hashable, QImage] = OrderedDict()
        self._worker = Worker(name, self._run, on_error=on_error, wake=self._wake, lowered=True)
        self.decoded = 0
        self.decoded_on: set[str] = set()  # the threads that decoded (tests)

    # -- lifecycle (the composition root) ------------------------------------------------
    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(2.0)

    @property
    def threaded(self) -> bool:
        return self._worker.alive

    # -- the views -----------------------------------------------------------------------
    def request(self, key: Hashable, path: Path, width: int, height: int) -> None:
        with self._cond:
            if key in self._done or key in self._wanted:
                return
            self._wanted[key] = (path, max(1, width), max(1, height))
            self._cond.notify_all()

    def take(self, key: Hashable) -> QImage | None:
        """The image for ``key`` once decoded (a null image: the file could not be read)."""
        with self._cond:
            image = self._done.get(key)
            if image is not None:
                self._done.move_to_end(key)
            return image

    def pending(self) -> int:
        with self._cond:
            return len(self._wanted)

    # -- the worker ----------------------------------------------------------------------
    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _next(self) -> tuple[Hashable, Path, int, int] | None:
        with self._cond:
            if not self._wanted:
                return None
            key, (path, width, height) = next(iter(self._wanted.items()))
            return key, path, width, height

    def _decode_waiting(self) -> None:
        while (job := self._next()) is not None:
            key, path, width, height = job
            image = load_scaled(path, width, height)
            with self._cond:
                self.decoded += 1
                self.decoded_on.add(threading.current_thread().name)
                self._wanted.pop(key, None)
                self._done[key] = image
                while len(self._done) > self._keep:
                    self._done.popitem(last=False)

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self._cond:
                if not self._wanted:
                    self._cond.wait(WAIT_SECONDS)
            if not stop.is_set():
                self._worker.guarded(self._decode_waiting)
