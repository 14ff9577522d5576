"""Camera frames made ready for painting: scaled and cropped by OpenCV, wrapped by Qt.

Scaling a 1080p frame inside ``QPainter.drawImage`` with smooth transformation costs
~10 ms of the GUI thread per paint; ``cv2.resize`` does it in ~1 ms (and releases the
GIL), after which Qt only blits.

Every camera frame is shown, once and in order. The preparer takes the camera's frames
from a tap on the slot (a few may wait while it is late: none is skipped), makes each one
once for every size shown (views of one size and orientation share it), and hands it to
each view's short queue. A view takes the next frame only once the one before reached the
screen. A view that falls behind its queue loses the oldest frames, counted in its
``shed``, as are frames the preparer itself lost; nothing is dropped unsaid.

The pixels live in buffers the preparer reuses once no view holds them: no per-frame
allocation, a ``QImage`` wraps them without a copy.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from functools import partial

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from blueroom.capture.latest_frame import Frame, FrameTap, LatestFrameSlot
from blueroom.workers import ErrorSink, Worker

# A view or the preparer held up for a moment (a busy core) catches up afterwards: a paint
# is a few ms. Frames wait rather than being lost, for up to a fifth of a second at 30 fps.
QUEUE_FRAMES = 6  # prepared frames a view may have waiting
TAP_FRAMES = 6  # camera frames waiting for the preparer
POOL_BUFFERS = QUEUE_FRAMES + 3  # kept per size: those waiting, those shown, one being made
# A view bigger than this (a 4K wall) shows a camera that has at most half its pixels as
# a picture of half its size, each pixel painted 2×2 by the blit Qt makes anyway: the
# same detail, without scaling and writing 33 MB a frame twice (measured at 4K: 8.6 ms of
# cv2.resize plus a 5 ms blit, against 5.8 ms for the blit that doubles).
DOUBLE_ABOVE_PIXELS = 1920 * 1080

Pixels = npt.NDArray[np.uint8]
Size = tuple[int, int]


def _crop(image: Pixels, width: int, height: int) -> Pixels:
    """The centre of ``image`` with the aspect of ``width``×``height`` (a view, no copy)."""
    source_h, source_w = image.shape[:2]
    scale = max(width / source_w, height / source_h)
    crop_w = min(source_w, max(1, round(width / scale)))
    crop_h = min(source_h, max(1, round(height / scale)))
    left, top = (source_w - crop_w) // 2, (source_h - crop_h) // 2
    return image[top : top + crop_h, left : left + crop_w]


def _scratch(scratch: dict[tuple[int, ...], Pixels] | None, shape: tuple[int, ...]) -> Pixels:
    if scratch is None:
        return np.empty(shape, np.uint8)
    buffer = scratch.get(shape)
    if buffer is None:
        buffer = scratch[shape] = np.empty(shape, np.uint8)
    return buffer


def cover_into(
    image: Pixels,
    out: Pixels,
    *,
    mirror: bool = False,
    scratch: dict[tuple[int, ...], Pixels] | None = None,
) -> Pixels:
    """Fill ``out`` (BGRA) with ``image`` (BGR) scaled to cover it, the overflow cropped.

    Each step touches as few pixels as it can: a picture that shrinks is scaled in BGR,
    then converted; one that grows is converted, then scaled; one of the same size is only
    converted. The mirror flips whichever of the two is smaller. ``scratch`` keeps the
    in-between buffers from one frame to the next (one owner thread).
    """
    height, width = out.shape[:2]
    cropped = _crop(image, width, height)
    crop_h, crop_w = cropped.shape[:2]
    if cropped.ndim == 2 or cropped.shape[2] != 3:
        cropped = np.ascontiguousarray(cv2.cvtColor(cropped, cv2.COLOR_GRAY2BGR))
    if (crop_w, crop_h) == (width, height):
        cv2.cvtColor(cropped, cv2.COLOR_BGR2BGRA, dst=out)
        if mirror:
            cv2.flip(out, 1, dst=out)
    elif crop_w > width:
        # Down to half its size a bilinear step keeps the detail (INTER_AREA is 7× slower
        # at such ratios); beyond, each pixel must average the ones it covers.
        far = crop_w >= 2 * width
        small = _scratch(scratch, (height, width, 3))
        cv2.resize(
            cropped,
            (width, height),
            dst=small,
            interpolation=cv2.INTER_AREA if far else cv2.INTER_LINEAR,
        )
        if mirror:
            cv2.flip(small, 1, dst=small)
        cv2.cvtColor(small, cv2.COLOR_BGR2BGRA, dst=out)
    else:
        wide = _scratch(scratch, (crop_h, crop_w, 4))
        cv2.cvtColor(cropped, cv2.COLOR_BGR2BGRA, dst=wide)
        if mirror:
            cv2.flip(wide, 1, dst=wide)
        cv2.resize(wide, (width, height), dst=out, interpolation=cv2.INTER_LINEAR)
    return out


def cover(image: Pixels, width: int, height: int, *, mirror: bool = False) -> Pixels:
    """Scale ``image`` to fill ``width``×``height`` (cropping the overflow), as a new BGRA
    array (4 bytes a pixel is what the screen's backing store holds: painting is a copy)."""
    out = np.empty((max(1, height), max(1, width), 4), np.uint8)
    return cover_into(image, out, mirror=mirror)


def prepared_shape(view: Size, source: Size) -> tuple[int, int, int]:
    """(width, height, scale) of the picture made for a view of ``view`` device pixels
    from a camera of ``source``: the view's size, or half of it, painted doubled, for a
    view above ``DOUBLE_ABOVE_PIXELS`` that is at least twice the camera (even sizes)."""
    width, height = view
    cover_scale = max(width / max(1, source[0]), height / max(1, source[1]))
    big = width * height > DOUBLE_ABOVE_PIXELS
    if big and cover_scale >= 2.0 and width % 2 == 0 and height % 2 == 0:
        return width // 2, height // 2, 2
    return width, height, 1


def bgr_image(array: Pixels, device_pixel_ratio: float = 1.0) -> QImage:
    """Wrap a BGR or BGRA array without copying; keep ``array`` alive while it is used."""
    height, width = array.shape[:2]
    channels = array.shape[2] if array.ndim == 3 else 1
    image_format = QImage.Format.Format_RGB32 if channels == 4 else QImage.Format.Format_BGR888
    image = QImage(array.data, width, height, array.strides[0], image_format)
    image.setDevicePixelRatio(device_pixel_ratio)
    return image


class Prepared:
    """One camera frame ready for the views of one size: BGRA pixels and a ``QImage`` over
    them (alive as long as this object), painted ``scale`` times larger."""

    __slots__ = (
        "_holders",
        "_home",
        "captured_at",
        "image",
        "mirror",
        "pixels",
        "scale",
        "seq",
        "size",
    )

    def __init__(
        self,
        frame: Frame,
        size: Size,
        mirror: bool,
        pixels: Pixels,
        scale: int = 1,
        home: FramePreparer | None = None,
    ) -> None:
        self.seq = frame.seq
        self.captured_at = frame.captured_at
        self.size = size  # the device pixels it fills
        self.mirror = mirror
        self.pixels = pixels
        self.scale = scale
        self.image = bgr_image(pixels)
        self._home = home
        self._holders = 1  # its maker's, until it has offered it to every view

    def hold(self) -> None:
        if self._home is not None:
            self._home._hold(self)

    def release(self) -> None:
        """One holder is done with it: its buffer is reused once none holds it."""
        if self._home is not None:
            self._home._release(self)

    def paint(self, painter: QPainter, left: float, top: float, ratio: float) -> None:
        """Draw it with its top-left corner at (``left``, ``top``), in logical pixels."""
        if self.scale == 1:
            self.image.setDevicePixelRatio(ratio)
            painter.drawImage(QPointF(left, top), self.image)
            return
        height, width = self.pixels.shape[:2]
        target = QRectF(left, top, width * self.scale / ratio, height * self.scale / ratio)
        painter.drawImage(target, self.image, QRectF(0, 0, width, height))


class PreparedFrames:
    """The camera's frames at one view's size, in order, for that view to paint.

    A view owns one. With a ``FramePreparer`` thread, frames are made there and
    ``on_ready`` (if given) is called on its thread after each: the view takes it at once
    instead of at its next tick. Without one (tests), ``take`` makes the newest frame
    itself. The view calls ``on_screen`` once the frame it took is on the screen; only
    then does ``take`` give the next one.
    """

    def __init__(
        self,
        slot: LatestFrameSlot,
        *,
        mirror: bool = False,
        on_ready: Callable[[], None] | None = None,
        depth: int = QUEUE_FRAMES,
    ) -> None:
        self.slot = slot
        self.mirror = mirror
        self.on_ready = on_ready
        self._depth = max(1, depth)
        self._lock = threading.Lock()
        self._size: Size | None = None
        self._waiting: deque[Prepared] = deque()
        self._shown: Prepared | None = None
        self._awaiting_screen = False
        self.threaded = False
        self.taken = 0  # frames taken to be shown
        self.on_screen_count = 0  # frames that reached the screen
        self.shed = 0  # camera frames never shown while the view wanted them (it fell behind)
        # called on the GUI thread with each frame as it reaches the screen (figures, tests)
        self.on_shown: Callable[[Prepared], None] | None = None

    @property
    def size(self) -> Size | None:
        """The device pixels frames are wanted at; None while the view shows none."""
        return self._size

    def set_size(self, width: int, height: int) -> None:
        size = (max(1, width), max(1, height))
        if size == self._size:
            return
        with self._lock:
            self._size = size
            stale = [p for p in self._waiting if p.size != size]  # made for the old size
            self._waiting = deque(p for p in self._waiting if p.size == size)
        for prepared in stale:
            prepared.release()

    def pause(self) -> None:
        """Nothing to prepare until the next ``set_size`` (the view is not shown)."""
        with self._lock:
            self._size = None
            stale, self._waiting = list(self._waiting), deque()
            self._awaiting_screen = False
        for prepared in stale:
            prepared.release()

    # -- the preparer's side -------------------------------------------------------------
    def offer(self, prepared: Prepared) -> bool:
        """A new frame for this view (the preparer's thread); False if made for another size."""
        dropped: list[Prepared] = []
        with self._lock:
            if prepared.size != self._size or prepared.mirror != self.mirror:
                return False
            prepared.hold()
            self._waiting.append(prepared)
            while len(self._waiting) > self._depth:
                dropped.append(self._waiting.popleft())
                self.shed += 1
        for old in dropped:
            old.release()
        if self.threaded and self.on_ready is not None:
            self.on_ready()
        return True

    def missed(self, frames: int) -> None:
        """Camera frames the preparer lost (it fell behind): shed, if the view wanted them."""
        with self._lock:
            if self._size is not None:
                self.shed += frames

    # -- the view's side -----------------------------------------------------------------
    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)

    @property
    def awaiting_screen(self) -> bool:
        """The frame taken last is not on the screen yet."""
        return self._awaiting_screen

    @property
    def shown(self) -> Prepared | None:
        """The frame taken last (the one the view paints)."""
        return self._shown

    def take(self) -> Prepared | None:
        """The next frame in order, once the one taken before is on the screen; else None."""
        if not self.threaded:
            self._prepare_newest()
        with self._lock:
            if self._awaiting_screen or not self._waiting:
                return None
            taken = self._waiting.popleft()
            before, self._shown = self._shown, taken
            self._awaiting_screen = True
            self.taken += 1
        if before is not None:
            before.release()
        return taken

    def on_screen(self) -> None:
        """The frame taken last has reached the screen: the next one may be taken."""
        if not self._awaiting_screen:
            return
        self._awaiting_screen = False
        self.on_screen_count += 1
        shown = self._shown
        if self.on_shown is not None and shown is not None:
            self.on_shown(shown)

    def _prepare_newest(self) -> None:
        frame, size = self.slot.latest(), self._size
        if frame is None or size is None:
            return
        newest = self._waiting[-1] if self._waiting else self._shown
        if newest is not None and newest.seq >= frame.seq and newest.size == size:
            return
        width, height, scale = prepared_shape(size, frame.size)
        pixels = cover_into(frame.image, np.empty((height, width, 4), np.uint8), mirror=self.mirror)
        with self._lock:
            self._waiting.clear()  # only the newest, without a preparer
            self._waiting.append(Prepared(frame, size, self.mirror, pixels, scale))


class FramePreparer:
    """One thread that makes each camera frame ready for every view (OpenCV drops the GIL).

    Started and stopped by the composition root.
    """

    def __init__(
        self, slot: LatestFrameSlot, on_error: ErrorSink | None = None, *, depth: int = TAP_FRAMES
    ) -> None:
        self._slot = slot
        self._depth = depth
        self._views: list[PreparedFrames] = []
        self._worker = Worker("camera-preparer", self._run, on_error=on_error, lowered=True)
        self._lock = threading.Lock()
        self._free: dict[tuple[int, ...], list[Pixels]] = {}
        self._scratch: dict[tuple[int, ...], Pixels] = {}
        self._tap: FrameTap | None = None
        self._first: Frame | None = None
        self.prepared = 0  # frames made (one per size per camera frame)
        self.missed = 0  # camera frames lost before they were made (the preparer fell behind)

    def register(self, prepared: PreparedFrames) -> None:
        prepared.threaded = True
        self._views.append(prepared)

    def start(self) -> None:
        self._first = self._slot.wait_newer(0, 0.0)  # the frame there before the tap opens
        self._tap = self._slot.tap(self._depth)
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(2.0)
        if self._tap is not None:
            self._tap.close()

    def _run(self, stop: threading.Event) -> None:
        tap = self._tap
        assert tap is not None
        dropped = 0
        frame, last = self._first, 0
        while not stop.is_set():
            if frame is not None and frame.seq > last:
                last = frame.seq
                self._worker.guarded(partial(self.prepare, frame))
            frame = tap.get(timeout=0.1)
            if tap.dropped != dropped:
                lost, dropped = tap.dropped - dropped, tap.dropped
                self.missed += lost
                for view in self._views:
                    view.missed(lost)

    def prepare(self, frame: Frame) -> None:
        """Make ``frame`` once for each size (and orientation) a view wants, and offer it."""
        wanted: dict[tuple[Size, bool], list[PreparedFrames]] = {}
        for view in self._views:
            size = view.size
            if size is not None:
                wanted.setdefault((size, view.mirror), []).append(view)
        shapes = set()
        for (size, mirror), views in wanted.items():
            width, height, scale = prepared_shape(size, frame.size)
            shapes.add((height, width, 4))
            pixels = self._buffer((height, width, 4))
            cover_into(frame.image, pixels, mirror=mirror, scratch=self._scratch)
            prepared = Prepared(frame, size, mirror, pixels, scale, home=self)
            self.prepared += 1
            try:
                for view in views:
                    view.offer(prepared)
            finally:
                prepared.release()
        with self._lock:  # sizes no view shows any more: their buffers go
            for shape in [shape for shape in self._free if shape not in shapes]:
                del self._free[shape]
        if len(self._scratch) > 4:
            self._scratch.clear()

    def _buffer(self, shape: tuple[int, ...]) -> Pixels:
        with self._lock:
            free = self._free.get(shape)
            if free:
                return free.pop()
        return np.empty(shape, np.uint8)

    def _hold(self, prepared: Prepared) -> None:
        with self._lock:
            prepared._holders += 1

    def _release(self, prepared: Prepared) -> None:
        with self._lock:
            prepared._holders -= 1
            if prepared._holders != 0:
                return
            free = self._free.setdefault(prepared.pixels.shape, [])
            if len(free) < POOL_BUFFERS:
                free.append(prepared.pixels)
