"""The booth's final picture: the untouched photo, the frame the guest chose, the event's
hashtag, the guest's name and the caption, and last the guest's signature from its
vectors (over the frame, where the guest drew it: ink that runs onto a polaroid's white
margin stays there, as on a real one; a light ink with a dark shadow to stay readable
on it), drawn with QPainter at the photo's full resolution (any thread: QImage and
QPainter only, no widget), and saved as a JPEG with Exif (``capture/exif.py``)
atomically.

The same drawing makes the finish step's preview and thumbnails at screen size: boxes
are fractions of the picture, so what the guest sees is what is saved.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from blueroom.capture.exif import ExifFields, with_exif
from blueroom.capture.still import JPEG_QUALITY, write_atomically
from blueroom.core.frames import FrameSpec, TextBox, frame_file, load_frames
from blueroom.core.signature import Signature
from blueroom.ui.fonts import UI_FAMILY
from blueroom.ui.guest.signature_pad import paint_signature

# With no frame, the caption alone sits low on the photo, over a soft shadow.
BARE_CAPTION = TextBox(0.05, 0.80, 0.90, 0.12, "#ffffff", "center", 700, shadow=True)
CACHED = 12  # frame images kept, at the sizes asked


class Composer:
    """The frames of one folder, their images cached by size (thread-safe)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.frames: dict[str, FrameSpec] = {spec.name: spec for spec in load_frames(folder)}
        self._lock = threading.Lock()
        self._images: dict[tuple[str, int, int], QImage] = {}

    def frame_image(self, spec: FrameSpec, width: int, height: int) -> QImage:
        """The frame's PNG nearest the picture's shape, scaled to ``width``×``height``."""
        key = (spec.name, width, height)
        with self._lock:
            cached = self._images.get(key)
        if cached is not None:
            return cached
        path = frame_file(spec, self.folder, width, height)
        image = QImage(str(path))
        if image.isNull():
            raise OSError(f"{path}: the frame could not be read")
        if (image.width(), image.height()) != (width, height):
            image = image.scaled(
                width,
                height,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        with self._lock:
            if len(self._images) >= CACHED:
                self._images.pop(next(iter(self._images)))
            self._images[key] = image
        return image

    def compose(
        self,
        photo: QImage,
        frame: str,
        *,
        hashtag: str,
        guest: str,
        caption: str,
        signature: Signature | None = None,
    ) -> QImage:
        """A new picture at ``photo``'s size: the photo, the frame, the texts, and the
        signature last, over the photo's whole box (where the guest drew it)."""
        image = photo.convertToFormat(QImage.Format.Format_RGB32)
        w, h = image.width(), image.height()
        spec = self.frames.get(frame)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if spec is not None:
            painter.drawImage(0, 0, self.frame_image(spec, w, h))
            draw_text(painter, hashtag, spec.hashtag, w, h)
            draw_text(painter, guest, spec.guest, w, h)
            draw_text(painter, caption, spec.caption, w, h)
        else:
            draw_text(painter, caption, BARE_CAPTION, w, h)
        if signature is not None:
            paint_signature(painter, signature, QRectF(0, 0, w, h), shadowed=True)
        painter.end()
        return image

    def save_final(
        self,
        source: Path,
        final: Path,
        frame: str,
        *,
        hashtag: str,
        guest: str,
        caption: str,
        taken_at: float,
        event: str = "",
        signature: Signature | None = None,
    ) -> None:
        """The final JPEG at ``source``'s full resolution (the untouched original, the
        signature drawn last from its vectors), with Exif, written whole."""
        photo = QImage(str(source))
        if photo.isNull():
            raise OSError(f"{source}: the photo could not be read")
        image = self.compose(
            photo, frame, hashtag=hashtag, guest=guest, caption=caption, signature=signature
        )
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "JPG", JPEG_QUALITY):  # type: ignore[call-overload]
            raise OSError(f"{final}: the final photo could not be encoded")
        description = " ".join(
            part for part in (caption, hashtag if hashtag not in caption else "") if part
        )
        fields = ExifFields(taken_at, description=description, comment=event)
        write_atomically(final, with_exif(bytes(buffer.data().data()), fields))


def draw_text(painter: QPainter, text: str, box: TextBox, width: int, height: int) -> None:
    """``text`` on one line in ``box`` (fractions of the picture): as large as the box's
    height allows, smaller to fit its width, cut with an ellipsis only below a third."""
    text = " ".join(text.split())
    if not text:
        return
    rect = QRectF(box.x * width, box.y * height, box.w * width, box.h * height)
    size = rect.height() * 0.62
    font = QFont(UI_FAMILY)
    font.setWeight(QFont.Weight(box.weight))
    font.setPixelSize(max(1, round(size)))
    advance = QFontMetricsF(font).horizontalAdvance(text)
    if advance > rect.width():
        size = max(size / 3, size * rect.width() / advance)
        font.setPixelSize(max(1, round(size)))
    metrics = QFontMetricsF(font)
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    advance = metrics.horizontalAdvance(text)
    if box.align == "left":
        x = rect.left()
    elif box.align == "right":
        x = rect.right() - advance
    else:
        x = rect.center().x() - advance / 2
    baseline = rect.center().y() + (metrics.ascent() - metrics.descent()) / 2
    if not box.shadow:
        painter.setFont(font)
        painter.setPen(QColor(box.color))
        painter.drawText(QPointF(x, baseline), text)
        return
    # the text on a layer of its own, its shadow that layer's shape in a soft black (an
    # outline of the text as a path would lose the colour emoji: they have no outline)
    margin = rect.height()
    area = rect.adjusted(-margin, -margin, margin, margin).toAlignedRect()
    layer = QImage(area.size(), QImage.Format.Format_ARGB32_Premultiplied)
    layer.fill(Qt.GlobalColor.transparent)
    inner = QPainter(layer)
    inner.setRenderHints(painter.renderHints())
    inner.setFont(font)
    inner.setPen(QColor(box.color))
    inner.drawText(QPointF(x - area.left(), baseline - area.top()), text)
    inner.end()
    shadow = layer.copy()
    inner = QPainter(shadow)
    inner.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    inner.fillRect(shadow.rect(), QColor(0, 0, 0, 150))
    inner.end()
    offset = max(1.0, size * 0.06)
    painter.drawImage(QPointF(area.left() + offset, area.top() + offset), shadow)
    painter.drawImage(QPointF(area.left(), area.top()), layer)
