"""The heat-map wall: every located post a point of light on a dark, dotted world.

The density grid (aggregated to half-degree cells) is blurred into a glow and drawn
with a 256-entry lookup table over a dotted land mask made offline; new posts flash.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.heatmap import HeatGrid, HeatSnapshot
from blueroom.core.metrics import IngestMetrics
from blueroom.ui import theme

WORLD_VIEW = (-170.0, -58.0, 350.0, 142.0)  # west, south, width, height in degrees
WORLD_RECT = QRectF(-180.0, -90.0, 360.0, 180.0)


def glow_lut() -> npt.NDArray[np.uint8]:
    """Night blue → electric blue → cyan → white: 256 RGBA entries, transparent at 0."""
    stops = [
        (0.00, (8, 16, 60, 0)),
        (0.12, (30, 70, 200, 120)),
        (0.35, (60, 140, 255, 200)),
        (0.60, (90, 220, 255, 235)),
        (0.85, (200, 250, 255, 250)),
        (1.00, (255, 255, 255, 255)),
    ]
    positions = np.linspace(0.0, 1.0, 256)
    lut = np.zeros((256, 4), dtype=np.uint8)
    for channel in range(4):
        lut[:, channel] = np.interp(
            positions, [s[0] for s in stops], [s[1][channel] for s in stops]
        ).astype(np.uint8)
    return lut


def land_dots(
    mask_path: Path, spacing_degrees: float = 1.0, dot_px: int = 6, south_limit: float = -58.0
) -> npt.NDArray[np.uint8]:
    """A dotted world (RGBA, north up, 360° × 180°): one soft round dot per cell of land.

    Antarctica is left out: it would only take room from the counters.
    """
    with np.load(mask_path) as data:
        land = data["land"]
        cell = float(data["cell"])
    factor = max(1, round(spacing_degrees / cell))
    height, width = land.shape[0] // factor, land.shape[1] // factor
    coarse = land[: height * factor, : width * factor].reshape(height, factor, width, factor)
    fraction = coarse.mean(axis=(1, 3)) / 255.0
    on = (fraction > 0.4).astype(np.float32)
    first_south_row = int((90.0 - south_limit) / spacing_degrees)
    on[first_south_row:] = 0.0
    centre = (dot_px - 1) / 2
    ys, xs = np.mgrid[0:dot_px, 0:dot_px]
    distance = np.hypot(xs - centre, ys - centre)
    kernel = np.clip(1.0 - (distance - dot_px * 0.22) / 1.2, 0.0, 1.0).astype(np.float32)
    alpha = np.kron(on, kernel)
    image = np.zeros((*alpha.shape, 4), dtype=np.uint8)
    image[..., 0] = 58
    image[..., 1] = 84
    image[..., 2] = 160
    image[..., 3] = np.clip(alpha * 120, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(image)


class _Overlay(QWidget):
    """Title and live counters over the map."""

    def __init__(self, wall: HeatmapWall) -> None:
        super().__init__(wall)
        self._wall = wall
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    def paintEvent(self, event: QPaintEvent) -> None:
        wall = self._wall
        snapshot = wall.snapshot
        if snapshot is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        m = h * 0.045
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.06, QFont.Weight.Black))
        painter.drawText(QRectF(m, m * 0.6, w, h * 0.08), Qt.AlignmentFlag.AlignLeft, wall.hashtag)
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(h * 0.024, QFont.Weight.Medium))
        painter.drawText(
            QRectF(m, m * 0.6 + h * 0.08, w, h * 0.04),
            Qt.AlignmentFlag.AlignLeft,
            "Where the conversation is, live",
        )
        metrics = wall.metrics.latest()
        located_share = snapshot.located / metrics.posts if metrics.posts else 0.0
        figures = [
            (f"{metrics.posts:,}".replace(",", "\u202f"), "posts"),
            (f"{metrics.rate_per_minute:,.0f}".replace(",", "\u202f"), "per minute"),
            (str(snapshot.countries), "countries"),
            (f"{located_share:.0%}", "on the map"),
        ]
        x = m
        y = h - m - h * 0.1
        for value, caption in figures:
            painter.setPen(theme.TEXT)
            painter.setFont(theme.font(h * 0.05, QFont.Weight.Bold))
            value_w = painter.fontMetrics().horizontalAdvance(value)
            painter.drawText(
                QRectF(x, y, value_w + 4, h * 0.065), Qt.AlignmentFlag.AlignLeft, value
            )
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(h * 0.018, QFont.Weight.DemiBold))
            caption_w = painter.fontMetrics().horizontalAdvance(caption.upper())
            painter.drawText(
                QRectF(x, y + h * 0.065, caption_w + 4, h * 0.03),
                Qt.AlignmentFlag.AlignLeft,
                caption.upper(),
            )
            x += max(value_w, caption_w) + h * 0.06
        if snapshot.top_places:
            painter.setFont(theme.font(h * 0.018, QFont.Weight.DemiBold))
            painter.setPen(theme.MUTED)
            right = w - m
            top = h - m - h * 0.035 * (len(snapshot.top_places) + 1)
            painter.drawText(
                QRectF(right - w * 0.3, top, w * 0.3, h * 0.035),
                Qt.AlignmentFlag.AlignRight,
                "TOP CITIES",
            )
            painter.setFont(theme.font(h * 0.026, QFont.Weight.Medium))
            for index, (name, count) in enumerate(snapshot.top_places):
                painter.setPen(theme.TEXT if index == 0 else theme.ACCENT_SOFT)
                painter.drawText(
                    QRectF(right - w * 0.35, top + h * 0.035 * (index + 1), w * 0.35, h * 0.035),
                    Qt.AlignmentFlag.AlignRight,
                    f"{name}  {count:,}".replace(",", "\u202f"),
                )
        painter.end()


class HeatmapWall(QWidget):
    def __init__(
        self,
        grid: HeatGrid,
        metrics: IngestMetrics,
        *,
        hashtag: str,
        land_mask: Path,
        frame_rate: int = 60,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blue Room — heat-map wall")
        self.grid = grid
        self.metrics = metrics
        self.hashtag = hashtag
        self.snapshot: HeatSnapshot | None = None
        self._version = -1
        self.frame_ms: list[float] = []
        self.setMinimumSize(480, 270)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), theme.NIGHT)
        self.setPalette(palette)

        self.view = pg.GraphicsView(self, background=theme.NIGHT)
        self.box = pg.ViewBox(lockAspect=1.0, enableMouse=False, enableMenu=False)
        self.box.setBackgroundColor(theme.NIGHT)
        self.view.setCentralItem(self.box)
        self.land = pg.ImageItem(np.flipud(land_dots(land_mask)).copy(), axisOrder="row-major")
        self.land.setRect(WORLD_RECT)
        self.box.addItem(self.land)
        self.heat = pg.ImageItem(axisOrder="row-major")
        self.heat.setLookupTable(glow_lut())
        self.heat.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        self.box.addItem(self.heat)
        self.box.setRange(QRectF(*WORLD_VIEW), padding=0.0)
        self.overlay = _Overlay(self)

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, int(1000 / frame_rate)))
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def resizeEvent(self, event: object) -> None:
        self.view.setGeometry(0, 0, self.width(), self.height())
        self.overlay.setGeometry(0, 0, self.width(), self.height())
        self.box.setRange(QRectF(*WORLD_VIEW), padding=0.0)

    def refresh(self) -> None:
        started = time.perf_counter()
        snapshot = self.grid.latest()
        if self.snapshot is None or snapshot.made_at != self.snapshot.made_at:
            self.snapshot = snapshot
            # Rendered on the model worker: here it is only handed to Qt (north-up → y-up).
            self.heat.setImage(
                np.ascontiguousarray(snapshot.glow[::-1]), levels=(0, 255), autoLevels=False
            )
            self.heat.setRect(WORLD_RECT)  # the transform follows the image size
            self.overlay.update()
        self.frame_ms.append((time.perf_counter() - started) * 1000.0)
        if len(self.frame_ms) > 600:
            del self.frame_ms[:300]
