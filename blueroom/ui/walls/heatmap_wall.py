"""The heat-map wall: every located post a point of light on a dark, dotted world.

The density grid (aggregated to half-degree cells) is blurred into a glow and drawn
with a 256-entry lookup table over a dotted land mask made offline; new posts flash.
"""

from __future__ import annotations

import time
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.heatmap import CELL_DEGREES, HeatGrid, HeatSnapshot
from blueroom.core.metrics import IngestMetrics
from blueroom.ui import theme

WORLD_VIEW = (-170.0, -58.0, 350.0, 142.0)  # west, south, width, height in degrees
UPSAMPLE = 2


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


def land_dots(mask_path: Path, dot_px: int = 3) -> npt.NDArray[np.uint8]:
    """A dotted world (RGBA, north up): one soft dot per half degree of land."""
    with np.load(mask_path) as data:
        land = data["land"]
        cell = float(data["cell"])
    factor = max(1, round(CELL_DEGREES / cell))
    height, width = land.shape[0] // factor, land.shape[1] // factor
    coarse = land[: height * factor, : width * factor].reshape(height, factor, width, factor)
    fraction = coarse.mean(axis=(1, 3)) / 255.0
    on = (fraction > 0.35).astype(np.float32)
    kernel = np.zeros((dot_px, dot_px), dtype=np.float32)
    centre = (dot_px - 1) / 2
    for y in range(dot_px):
        for x in range(dot_px):
            distance = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5
            kernel[y, x] = max(0.0, 1.0 - distance / (dot_px / 2 + 0.2))
    alpha = np.kron(on, kernel)
    image = np.zeros((*alpha.shape, 4), dtype=np.uint8)
    image[..., 0] = 70
    image[..., 1] = 96
    image[..., 2] = 170
    image[..., 3] = np.clip(alpha * 150, 0, 255).astype(np.uint8)
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
        metrics = wall.metrics.snapshot()
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
        self._scale = 1.0
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
        self.land.setRect(QRectF(-180.0, -90.0, 360.0, 180.0))
        self.box.addItem(self.land)
        self.heat = pg.ImageItem(axisOrder="row-major")
        self.heat.setLookupTable(glow_lut())
        self.heat.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
        self.heat.setRect(QRectF(-180.0, -90.0, 360.0, 180.0))
        self.box.addItem(self.heat)
        self.flashes = pg.ScatterPlotItem(pxMode=True, pen=None)
        self.box.addItem(self.flashes)
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
        snapshot = self.grid.snapshot()
        self.snapshot = snapshot
        self._update_heat(snapshot.density)
        self._update_flashes(snapshot)
        self.overlay.update()
        self.frame_ms.append((time.perf_counter() - started) * 1000.0)
        if len(self.frame_ms) > 600:
            del self.frame_ms[:300]

    def _update_heat(self, density: npt.NDArray[np.float32]) -> None:
        peak = float(density.max())
        if peak <= 0:
            self.heat.clear()
            return
        glow = cv2.resize(
            density,
            (density.shape[1] * UPSAMPLE, density.shape[0] * UPSAMPLE),
            interpolation=cv2.INTER_LINEAR,
        )
        glow = cv2.GaussianBlur(glow, (0, 0), sigmaX=1.6 * UPSAMPLE)
        # Smooth, slowly adapting scale so one burst does not blank the rest of the map.
        target = max(float(glow.max()), 1e-3)
        self._scale = max(target, self._scale * 0.98) if self._scale > 0 else target
        levels = np.log1p(glow * (40.0 / self._scale)) / np.log1p(40.0)
        image = np.clip(levels * 255.0, 0, 255).astype(np.uint8)
        self.heat.setImage(
            np.ascontiguousarray(np.flipud(image)), levels=(0, 255), autoLevels=False
        )

    def _update_flashes(self, snapshot: HeatSnapshot) -> None:
        if not snapshot.flashes:
            self.flashes.clear()
            return
        xs = np.array([-180.0 + (c + 0.5) * CELL_DEGREES for c, _, _ in snapshot.flashes])
        ys = np.array([90.0 - (r + 0.5) * CELL_DEGREES for _, r, _ in snapshot.flashes])
        ages = np.array([a for _, _, a in snapshot.flashes])
        fade = np.clip(1.0 - ages / 1.5, 0.0, 1.0)
        h = max(1, self.height())
        sizes = (h * 0.006) + (h * 0.02) * (1.0 - fade)
        brushes = [pg.mkBrush(QColor(200, 240, 255, int(230 * f))) for f in fade]
        self.flashes.setData(x=xs, y=ys, size=sizes, brush=brushes)
