"""The hour as a timeline: segments as blocks to scale, their start times, the hard end.

Shown in the planning dialog (the plan) and under the run-of-show clock (what ran, the
current segment, what is to come as re-timed). The widget only paints what it is given.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate

Kind = Literal["planned", "done", "current", "shorten", "drop", "skipped"]


@dataclass(frozen=True, slots=True)
class Block:
    label: str
    start: float  # wall-clock seconds
    seconds: float
    kind: Kind = "planned"


def hh_mm(when: float) -> str:
    return time.strftime("%H:%M", time.localtime(when))


_FILL: dict[str, QColor] = {
    "planned": theme.PANEL_HI,
    "done": theme.DEEP,
    "current": theme.ACCENT,
    "shorten": QColor("#5A4418"),
    "drop": QColor("#5E1B2A"),
    "skipped": theme.DEEP,
}


class HourTimeline(QWidget):
    """Blocks from ``begin`` to the later of the last block's end and the hard end."""

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compact = compact
        self.blocks: tuple[Block, ...] = ()
        self.hard_end = 0.0
        self.now = 0.0  # a marker at this time (0: none)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(200)
        self.setFixedHeight(34 if compact else 96)

    def sizeHint(self) -> QSize:
        return QSize(600 if not self._compact else 300, self.height())

    def show_blocks(self, blocks: Sequence[Block], hard_end: float = 0.0, now: float = 0.0) -> None:
        blocks, now = tuple(blocks), round(now)
        if (blocks, hard_end, now) != (self.blocks, self.hard_end, self.now):
            self.blocks, self.hard_end, self.now = blocks, hard_end, now
            self.update()

    def span(self) -> tuple[float, float]:
        if not self.blocks:
            return 0.0, 0.0
        begin = min(b.start for b in self.blocks)
        end = max(b.start + b.seconds for b in self.blocks if b.kind != "skipped")
        if self.hard_end:
            end = max(end, self.hard_end)
        return begin, max(end, begin + 60.0)

    def block_rects(self) -> list[QRectF]:
        """Where each block is drawn (for tests: to scale, none past the widget)."""
        begin, end = self.span()
        width = self.width() - 2.0
        scale = width / (end - begin) if end > begin else 0.0
        bar_h = self.height() * (0.5 if self._compact else 0.42)
        top = 1.0 if self._compact else self.height() * 0.16
        return [
            QRectF(
                1.0 + (b.start - begin) * scale,
                top,
                max(2.0, (b.seconds if b.kind != "skipped" else 0.0) * scale),
                bar_h,
            )
            for b in self.blocks
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.blocks:
            painter.setPen(theme.MUTED)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("HourTimeline", "No plan")
            )
            painter.end()
            return
        begin, end = self.span()
        width = self.width() - 2.0
        scale = width / (end - begin)
        label_font = theme.font(11 if self._compact else 13, QFont.Weight.DemiBold)
        time_font = theme.font(10 if self._compact else 12)
        label_metrics = QFontMetricsF(label_font)
        time_metrics = QFontMetricsF(time_font)
        rects = self.block_rects()
        last_time_right = -1e9
        for block, rect in zip(self.blocks, rects, strict=True):
            if block.kind == "skipped":
                continue
            painter.setPen(QPen(theme.LINE if block.kind != "current" else theme.ACCENT_SOFT, 1))
            painter.setBrush(_FILL[block.kind])
            painter.drawRoundedRect(rect.adjusted(0.5, 0, -0.5, 0), 3, 3)
            painter.setFont(label_font)
            painter.setPen(theme.TEXT if block.kind != "done" else theme.MUTED)
            inner = rect.adjusted(4, 0, -3, 0)
            if inner.width() > label_metrics.horizontalAdvance("Ww"):
                text = label_metrics.elidedText(
                    block.label, Qt.TextElideMode.ElideRight, inner.width()
                )
                painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter, text)
            said = hh_mm(block.start)
            said_w = time_metrics.horizontalAdvance(said)
            if rect.left() >= last_time_right + 4 and rect.left() + said_w <= self.width():
                painter.setFont(time_font)
                painter.setPen(theme.MUTED)
                painter.drawText(
                    QRectF(rect.left(), rect.bottom() + 2, said_w + 2, time_metrics.height()),
                    Qt.AlignmentFlag.AlignLeft,
                    said,
                )
                last_time_right = rect.left() + said_w
        if self.hard_end:
            x = 1.0 + (self.hard_end - begin) * scale
            painter.setPen(QPen(theme.LIVE, 2))
            painter.drawLine(round(x), 0, round(x), self.height())
            if not self._compact:
                said = translate("HourTimeline", "leaves {time}").format(time=hh_mm(self.hard_end))
                said_w = time_metrics.horizontalAdvance(said)
                painter.setFont(time_font)
                painter.setPen(theme.LIVE)
                painter.drawText(
                    QRectF(
                        max(0.0, x - said_w - 6),
                        self.height() - time_metrics.height(),
                        said_w + 2,
                        time_metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignLeft,
                    said,
                )
        if self.now and begin <= self.now <= end:
            x = 1.0 + (self.now - begin) * scale
            painter.setPen(QPen(theme.TEXT, 1, Qt.PenStyle.DashLine))
            painter.drawLine(round(x), 0, round(x), round(rects[0].bottom()) + 2)
        painter.end()
