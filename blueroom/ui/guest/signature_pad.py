"""The signature pad: a finger, a stylus or a mouse signs over the frozen photo.

Touch points are taken as Qt delivers them (no throttle, no minimum distance: those
make straight chords of fast strokes and lose quick taps); a stylus's pressure is used
only where its device has the Pressure capability. Strokes are kept as vectors
(``core/signature.py``) in the photo's own 0..1 coordinates, so the signed photo is
drawn again at the original's full resolution (``render_signed``, on a worker), and the
final picture draws them again over its frame (``Composer.compose``). A new point
repaints only the box around the newest segment.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QWidget

from blueroom.capture.still import write_atomically
from blueroom.core.signature import (
    WIDTHS,
    Point,
    Signature,
    Stroke,
    outline,
    to_json,
    to_svg,
)
from blueroom.ui import theme

COLORS = ("#ffffff", "#111111", "#2f6bff", "#ff3b5c", "#ffc400")
LIGHT_INK = 0.8  # an ink this light (HSL lightness) has a shadow where it is composed
INK_SHADOW = QColor(26, 31, 54, 170)  # the frames' dark ink, translucent
SHADOW_SHARE = 0.4  # the shadow's offset down and right, a share of the stroke's width
MOUSE_ID = -1
TABLET_ID = -2


def stroke_path(stroke: Stroke, box: QRectF) -> QPainterPath:
    """The stroke's filled shape over ``box`` (the photo as shown, or the original)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for polygon in outline(stroke, max(1, round(box.width())), max(1, round(box.height()))):
        path.addPolygon(QPolygonF([QPointF(box.left() + x, box.top() + y) for x, y in polygon]))
        path.closeSubpath()
    return path


def paint_signature(
    painter: QPainter, signature: Signature, box: QRectF, *, shadowed: bool = False
) -> None:
    """The strokes filled over ``box``, the photo's place (its 0..1 coordinates); with
    ``shadowed``, a light ink gets a dark shadow first, as the captions on a photo have
    (white ink stays readable where it runs onto a white frame's margin, or over a
    bright sky; a shadow is one more fill, an outline's stroke cost 15 times that)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    side = min(box.width(), box.height())
    for stroke in signature.strokes:
        path = stroke_path(stroke, box)
        ink = QColor(stroke.color)
        if shadowed and ink.lightnessF() >= LIGHT_INK:
            offset = max(1.0, stroke.width * side * SHADOW_SHARE)
            painter.fillPath(path.translated(offset, offset), INK_SHADOW)
        painter.fillPath(path, ink)


def render_signed(
    original: Path, signature: Signature, signed: Path, svg: Path, vectors: Path
) -> None:
    """The signature's vectors (JSON, read back to draw the final picture) and its SVG
    beside the photo, and the signed photo at the original's full resolution (any
    thread: QImage and QPainter only, no widget)."""
    image = QImage(str(original))
    if image.isNull():
        raise OSError(f"{original}: the photo could not be read")
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    write_atomically(vectors, to_json(signature))
    write_atomically(svg, to_svg(signature, image.width(), image.height()).encode())
    painter = QPainter(image)
    paint_signature(painter, signature, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "JPG", 95):  # type: ignore[call-overload]
        raise OSError(f"{signed}: the signed photo could not be encoded")
    write_atomically(signed, bytes(buffer.data().data()))


class SignaturePad(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._photo: QImage | None = None
        self._shown: QPixmap | None = None
        self.strokes: list[Stroke] = []
        self._paths: list[QPainterPath] = []  # the strokes as shown (rebuilt on resize)
        self._live: dict[int, list[Point]] = {}  # touch id → its stroke's points so far
        self.color = COLORS[0]
        self.width_share = WIDTHS[0]
        self.last_dirty = QRect()  # the box the newest point repainted
        self.points_taken = 0

    # -- what the guest chose -------------------------------------------------------------
    def set_photo(self, image: QImage | None) -> None:
        self._photo = image
        self.clear()

    def set_color(self, color: str) -> None:
        self.color = color

    def set_thick(self, thick: bool) -> None:
        self.width_share = WIDTHS[1 if thick else 0]

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._paths.pop()
            self.update()

    def clear(self) -> None:
        self.strokes, self._paths, self._live = [], [], {}
        self._shown = None
        self.update()

    def signature(self) -> Signature:
        return Signature(tuple(self.strokes))

    # -- where the photo is ----------------------------------------------------------------
    def photo_box(self) -> QRectF:
        """The photo fitted whole in the pad (never cropped), centred."""
        photo = self._photo
        w, h = self.width(), self.height()
        if photo is None or photo.isNull():
            return QRectF(0, 0, w, h)
        scale = min(w / photo.width(), h / photo.height())
        pw, ph = photo.width() * scale, photo.height() * scale
        return QRectF((w - pw) / 2, (h - ph) / 2, pw, ph)

    def to_photo(self, pos: QPointF) -> tuple[float, float]:
        box = self.photo_box()
        x = (pos.x() - box.left()) / max(box.width(), 1.0)
        y = (pos.y() - box.top()) / max(box.height(), 1.0)
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    # -- input -----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        device = event.device()
        pressure = device is not None and bool(
            device.capabilities() & QInputDevice.Capability.Pressure
        )
        seconds = event.timestamp() / 1000.0
        for point in event.points():
            state = point.state()
            if state == point.State.Stationary:
                continue
            value = point.pressure() if pressure else None
            self._add(point.id(), point.position(), seconds, value)
            if state == point.State.Released or event.type() == QEvent.Type.TouchCancel:
                self._end(point.id())

    def tabletEvent(self, event: QTabletEvent) -> None:
        device = event.device()
        pressure = device is not None and bool(
            device.capabilities() & QInputDevice.Capability.Pressure
        )
        value = event.pressure() if pressure else None
        kind = event.type()
        if kind == QEvent.Type.TabletPress or (kind == QEvent.Type.TabletMove and event.buttons()):
            self._add(TABLET_ID, event.position(), event.timestamp() / 1000.0, value)
        elif kind == QEvent.Type.TabletRelease:
            self._add(TABLET_ID, event.position(), event.timestamp() / 1000.0, value)
            self._end(TABLET_ID)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._add(MOUSE_ID, event.position(), time.monotonic(), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if MOUSE_ID in self._live:
            self._add(MOUSE_ID, event.position(), time.monotonic(), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if MOUSE_ID in self._live:
            self._add(MOUSE_ID, event.position(), time.monotonic(), None)
            self._end(MOUSE_ID)

    def _add(self, key: int, pos: QPointF, seconds: float, pressure: float | None) -> None:
        x, y = self.to_photo(pos)
        points = self._live.setdefault(key, [])
        if points and points[-1].x == x and points[-1].y == y:
            return  # the release at the last move's place
        points.append(Point(x, y, seconds, pressure))
        self.points_taken += 1
        self._repaint_tail(points)

    def _end(self, key: int) -> None:
        points = self._live.pop(key, None)
        if not points:
            return
        stroke = Stroke(tuple(points), self.color, self.width_share)
        self.strokes.append(stroke)
        self._paths.append(stroke_path(stroke, self.photo_box()))
        self._repaint_tail(points, whole=True)

    def _repaint_tail(self, points: list[Point], whole: bool = False) -> None:
        """Repaint the box around the newest segment (its curve leans on the two points
        before it), or the whole stroke's box when it ends."""
        box = self.photo_box()
        tail = points if whole else points[-4:]
        xs = [box.left() + p.x * box.width() for p in tail]
        ys = [box.top() + p.y * box.height() for p in tail]
        pad = self.width_share * min(box.width(), box.height()) * 1.3 + 3
        dirty = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                       max(ys) - min(ys) + 2 * pad).toAlignedRect()  # fmt: skip
        self.last_dirty = dirty
        self.update(dirty)

    # -- painting --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._shown = None
        box = self.photo_box()
        self._paths = [stroke_path(stroke, box) for stroke in self.strokes]
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), theme.NIGHT)
        box = self.photo_box()
        if self._photo is not None and not self._photo.isNull():
            if self._shown is None or self._shown.size() != box.size().toSize():
                self._shown = QPixmap.fromImage(
                    self._photo.scaled(
                        box.size().toSize(),
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            painter.drawPixmap(box.topLeft(), self._shown)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for stroke, path in zip(self.strokes, self._paths, strict=True):
            painter.fillPath(path, QColor(stroke.color))
        for points in self._live.values():
            live = Stroke(tuple(points), self.color, self.width_share)
            painter.fillPath(stroke_path(live, box), QColor(self.color))
        painter.end()
