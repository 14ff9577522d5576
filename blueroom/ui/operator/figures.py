"""The console's row of live figures (posts, rates, queue sizes, shed), painted as one widget.

Nine label-in-a-frame cards cost a layout pass of the whole console and a style-sheet
repaint each time a number changed, several times a second (~15 ms of the GUI thread
under load). Painted here, a new number repaints its own card and nothing else: the
strip has a fixed height and never asks the console to lay out again. The cards and
their captions are drawn once per size into a pixmap; a paint copies them and draws
the numbers only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme
from blueroom.ui.widgets.pixmaps import draw_part

STRIP_HEIGHT = 76
GAP = 10


class FigureStrip(QWidget):
    """Cards of ``caption`` → value; a card can be raised as an alert (drawn in red).

    Cards are named by their ``captions``; ``shown`` gives the words drawn for a name
    (default: the name itself).
    """

    def __init__(
        self,
        captions: Sequence[str],
        shown: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._captions = tuple(captions)
        self._shown = {caption: (shown or {}).get(caption, caption) for caption in captions}
        self._values = dict.fromkeys(self._captions, "0")
        self._alerts: set[str] = set()
        self._value_font = theme.font(28, QFont.Weight.Bold)
        self._caption_font = theme.font(12, QFont.Weight.DemiBold)
        self._boxes: dict[str, QRectF] = {}
        self._cards: QPixmap | None = None  # backgrounds and captions, at this size
        self.setFixedHeight(STRIP_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(len(self._captions) * 90)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def value(self, caption: str) -> str:
        return self._values[caption]

    def is_alert(self, caption: str) -> bool:
        return caption in self._alerts

    def set_values(self, values: Mapping[str, str], alerts: Sequence[str] = ()) -> None:
        """New texts for some cards; only the cards whose text or alert changed repaint."""
        for caption, text in values.items():
            alert = caption in alerts
            if self._values[caption] == text and (caption in self._alerts) == alert:
                continue
            self._values[caption] = text
            if alert:
                self._alerts.add(caption)
            else:
                self._alerts.discard(caption)
            box = self._boxes.get(caption)
            if box is None:
                self.update()
            else:
                self.update(box.toAlignedRect().adjusted(-1, -1, 1, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        count = len(self._captions)
        width = (self.width() - GAP * (count - 1)) / max(1, count)
        self._boxes = {
            caption: QRectF(index * (width + GAP), 0.5, width, self.height() - 1.0)
            for index, caption in enumerate(self._captions)
        }
        self._cards = None
        super().resizeEvent(event)

    def _draw_cards(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(theme.NIGHT)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._caption_font)
        for caption, box in self._boxes.items():
            painter.setPen(QPen(theme.LINE, 1))
            painter.setBrush(theme.PANEL)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
            painter.setPen(theme.MUTED)
            painter.drawText(
                _inner(box),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                self._shown[caption].upper(),
            )
        painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cards is None:
            self._cards = self._draw_cards()
        painter = QPainter(self)
        draw_part(painter, event.rect(), self._cards)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._value_font)
        dirty = QRectF(event.rect())
        value_metrics = QFontMetricsF(self._value_font)
        for caption, box in self._boxes.items():
            if not box.intersects(dirty):
                continue
            inner = _inner(box)
            painter.setPen(theme.LIVE if caption in self._alerts else theme.TEXT)
            text = value_metrics.elidedText(
                self._values[caption], Qt.TextElideMode.ElideRight, inner.width()
            )
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.end()


def _inner(box: QRectF) -> QRectF:
    return box.adjusted(14, 8, -14, -8)
