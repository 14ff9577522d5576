"""A small filled line of recent values, painted directly (cheaper than a plotting scene)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme


class Sparkline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[float, ...] = ()
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: Sequence[float]) -> None:
        values = tuple(values)
        if values != self._values:
            self._values = values
            self.update()

    def values(self) -> tuple[float, ...]:
        return self._values

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(theme.LINE, 1))
        painter.setBrush(theme.DEEP)
        painter.drawRoundedRect(box, 8, 8)
        values = self._values
        peak = max(values, default=0.0)
        painter.setPen(theme.MUTED)
        painter.setFont(theme.font(11, QFont.Weight.DemiBold))
        painter.drawText(
            box.adjusted(8, 4, -8, -4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            f"peak {peak:,.0f}/s",
        )
        if len(values) < 2 or peak <= 0:
            painter.end()
            return
        plot = box.adjusted(8, 20, -8, -8)
        step = plot.width() / (len(values) - 1)
        points = [
            QPointF(plot.left() + i * step, plot.bottom() - v / peak * plot.height())
            for i, v in enumerate(values)
        ]
        area = QPainterPath(QPointF(plot.left(), plot.bottom()))
        for point in points:
            area.lineTo(point)
        area.lineTo(QPointF(plot.right(), plot.bottom()))
        area.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.ACCENT, 0.25))
        painter.drawPath(area)
        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        painter.setPen(QPen(theme.ACCENT, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(line)
        painter.end()
