"""Text from outside, drawn as plain text and fitted to its box.

``FittedText`` paints with ``QPainter.drawText`` on a plain string, so markup in a
post (``<img>``, ``<a>``) is shown literally, never interpreted. The font shrinks from
``max_px`` to ``min_px`` until the text fits; past that, it is cut with an ellipsis.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme

WALL_TEXT_LIMIT = 420
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def displayable(text: str) -> str:
    """Text safe to draw: control characters removed (the parser does it too; views don't rely on it)."""
    return _CONTROL.sub("", text)


def single_line(text: str) -> str:
    return " ".join(displayable(text).split())


def clip(text: str, limit: int = WALL_TEXT_LIMIT) -> str:
    """Whole words up to ``limit`` characters, with an ellipsis when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


class FittedText(QWidget):
    def __init__(
        self,
        text: str = "",
        *,
        max_px: float = 48,
        min_px: float = 14,
        weight: QFont.Weight = QFont.Weight.Normal,
        color: QColor = theme.TEXT,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        wrap: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = displayable(text)
        self._max_px = max_px
        self._min_px = min_px
        self._weight = weight
        self._color = QColor(color)
        self._align = align
        self._wrap = wrap
        self._fit_key: tuple[str, int, int, float] | None = None
        self._fit: tuple[QFont, str] | None = None
        self._opacity = 1.0
        self._pixmap: tuple[tuple[object, ...], QPixmap] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def setColor(self, color: QColor) -> None:
        self._color = QColor(color)
        self.update()

    def setMaxPixelSize(self, max_px: float) -> None:
        if max_px != self._max_px:
            self._max_px = max_px
            self._fit_key = None
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, int(self._max_px * 1.4))

    def _flags(self) -> int:
        flags = int(self._align.value)
        if self._wrap:
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        return flags

    def fitted(self, width: int, height: int) -> tuple[QFont, str]:
        """The largest font that fits the box, and the text as it will be drawn."""
        key = (self._text, width, height, self._max_px)
        if self._fit_key == key and self._fit is not None:
            return self._fit
        text = self._text if self._wrap else single_line(self._text)
        size = self._max_px
        if self._wrap and text:
            # Start near the size whose glyphs would fill the box (about 0.6 × 1.2 of the
            # pixel size each): a long question fits in two or three tries, not ten.
            estimate = math.sqrt(max(1, width) * max(1, height) / (len(text) * 0.75))
            size = max(self._min_px, min(self._max_px, estimate))
        chosen = theme.font(size, self._weight)
        if self._fits(chosen, text, width, height):
            while size < self._max_px:  # the estimate may start low: grow while it fits
                larger = min(self._max_px, size * 1.08)
                font = theme.font(larger, self._weight)
                if not self._fits(font, text, width, height):
                    break
                chosen, size = font, larger
        else:
            while True:
                if size <= self._min_px:
                    text = self._squeeze(text, chosen, width, height)
                    break
                size = max(self._min_px, size * 0.9)
                chosen = theme.font(size, self._weight)
                if self._fits(chosen, text, width, height):
                    break
        self._fit_key = key
        self._fit = (chosen, text)
        return self._fit

    def _fits(self, font: QFont, text: str, width: int, height: int) -> bool:
        metrics = QFontMetricsF(font)
        if self._wrap:
            box = QRectF(0, 0, width, 100_000)
            return metrics.boundingRect(box, self._flags(), text).height() <= height
        return metrics.horizontalAdvance(text) <= width

    def _squeeze(self, text: str, chosen: QFont, width: int, height: int) -> str:
        metrics = QFontMetricsF(chosen)
        if not self._wrap:
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        box = QRectF(0, 0, width, 100_000)
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            candidate = clip(text, middle)
            if metrics.boundingRect(box, self._flags(), candidate).height() <= height:
                low = middle
            else:
                high = middle - 1
        return clip(text, max(1, low))

    def setOpacity(self, opacity: float) -> None:
        """For fades: painted with this opacity (cheaper than a graphics effect)."""
        if opacity != self._opacity:
            self._opacity = opacity
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text or self._opacity <= 0.0:
            return
        painter = QPainter(self)
        painter.setOpacity(self._opacity)
        painter.drawPixmap(0, 0, self._rendered())
        painter.end()

    def _rendered(self) -> QPixmap:
        """The text laid out and drawn once per change: repaints (a wall's neighbours
        changing, a fade's frames) only blit it, and text drawn at partial opacity would
        be several times slower than a pixmap."""
        ratio = self.devicePixelRatioF()
        key = (self._text, self.width(), self.height(), ratio, self._max_px, self._color.rgba())
        if self._pixmap is not None and self._pixmap[0] == key:
            return self._pixmap[1]
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        chosen, text = self.fitted(self.width(), self.height())
        painter.setFont(chosen)
        painter.setPen(self._color)
        painter.drawText(QRect(0, 0, self.width(), self.height()), self._flags(), text)
        painter.end()
        self._pixmap = (key, pixmap)
        return pixmap
