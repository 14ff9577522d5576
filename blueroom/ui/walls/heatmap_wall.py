"""The heat-map wall: every located post a point of light on a dark, dotted world.

The glow (aggregated to half-degree cells, blurred on the engine's side) is coloured
with a 256-entry lookup table and added onto a dotted land mask made offline; new posts
flash. Each frame is composed by OpenCV at the screen's pixel size, so the GUI thread
only copies one opaque image per frame (scaling in QPainter cost ~10 ms a frame).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.heatmap import HeatGrid, HeatSnapshot
from blueroom.core.metrics import IngestMetrics
from blueroom.ui import theme

WORLD_VIEW = (-170.0, -58.0, 350.0, 142.0)  # west, south, width, height in degrees
OVERLAY_SECONDS = 1.0
COMPOSE_SECONDS = 1 / 20  # the glow drifts slowly: 20 compositions a second look smooth


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


@dataclass(frozen=True, slots=True)
class Target:
    """The frame to compose, in device pixels: the widget's size and where the map sits."""

    width: int
    height: int
    map_rect: tuple[int, int, int, int]  # x, y, width, height


def crop_world(image: np.ndarray) -> np.ndarray:
    """The WORLD_VIEW part of a full-world, north-up image."""
    west, south, width, height = WORLD_VIEW
    per_degree_x = image.shape[1] / 360.0
    per_degree_y = image.shape[0] / 180.0
    x0 = round((west + 180.0) * per_degree_x)
    x1 = round((west + width + 180.0) * per_degree_x)
    y0 = round((90.0 - (south + height)) * per_degree_y)
    y1 = round((90.0 - south) * per_degree_y)
    return image[y0:y1, x0:x1]


class HeatFrameComposer:
    """Glow + dotted land → one opaque BGRA frame at the screen's size (numpy/OpenCV only)."""

    def __init__(self, land: np.ndarray) -> None:
        self._land = land
        lut = glow_lut().astype(np.float32)
        premultiplied = lut[:, :3] * (lut[:, 3:4] / 255.0)
        self._lut_bgr = np.ascontiguousarray(premultiplied[:, ::-1].astype(np.uint8)[None, :, :])
        self._base: tuple[Target, np.ndarray] | None = None

    def base(self, target: Target) -> np.ndarray:
        if self._base is not None and self._base[0] == target:
            return self._base[1]
        night = theme.NIGHT
        base = np.empty((target.height, target.width, 4), dtype=np.uint8)
        base[...] = (night.blue(), night.green(), night.red(), 255)
        x, y, map_w, map_h = target.map_rect
        land = cv2.resize(crop_world(self._land), (map_w, map_h), interpolation=cv2.INTER_AREA)
        alpha = land[..., 3:4].astype(np.float32) / 255.0
        region = base[y : y + map_h, x : x + map_w, :3].astype(np.float32)
        dots = land[..., [2, 1, 0]].astype(np.float32)
        base[y : y + map_h, x : x + map_w, :3] = (region * (1 - alpha) + dots * alpha).astype(
            np.uint8
        )
        self._base = (target, base)
        return base

    def compose(self, glow: np.ndarray, target: Target) -> np.ndarray:
        base = self.base(target)
        frame = base.copy()
        x, y, map_w, map_h = target.map_rect
        # Coloured at one pixel a cell, then scaled once: the screen-sized work is one
        # resize and one saturating add.
        levels = cv2.cvtColor(np.ascontiguousarray(crop_world(glow)), cv2.COLOR_GRAY2BGR)
        colour = cv2.cvtColor(cv2.LUT(levels, self._lut_bgr), cv2.COLOR_BGR2BGRA)
        colour[..., 3] = 0
        scaled = cv2.resize(colour, (map_w, map_h), interpolation=cv2.INTER_LINEAR)
        frame[y : y + map_h, x : x + map_w] = cv2.add(base[y : y + map_h, x : x + map_w], scaled)
        return frame


class HeatComposerThread:
    """Composes frames off the GUI thread (OpenCV lets go of the GIL): the wall only blits.

    Started and stopped by the composition root.
    """

    def __init__(self, grid: HeatGrid, composer: HeatFrameComposer, rate: float = 20.0) -> None:
        self._grid = grid
        self._composer = composer
        self._interval = 1.0 / rate
        self._target: Target | None = None
        self._latest: tuple[Target, float, np.ndarray] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heat-composer", daemon=True)

    def set_target(self, target: Target) -> None:
        self._target = target

    def latest(self) -> tuple[Target, float, np.ndarray] | None:
        return self._latest

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(2.0)

    def _run(self) -> None:
        shown: tuple[Target | None, float] = (None, -1.0)
        while not self._stop.wait(self._interval):
            target = self._target
            snapshot = self._grid.latest()
            if target is None or (target, snapshot.made_at) == shown:
                continue
            frame = self._composer.compose(snapshot.glow, target)
            self._latest = (target, snapshot.made_at, frame)
            shown = (target, snapshot.made_at)


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
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.grid = grid
        self.metrics = metrics
        self.hashtag = hashtag
        self.snapshot: HeatSnapshot | None = None
        self.frame_ms: list[float] = []
        self.setMinimumSize(480, 270)
        self.composer = HeatFrameComposer(land_dots(land_mask))
        self.composer_thread: HeatComposerThread | None = None
        self._frame: np.ndarray | None = None
        self._shown_made_at = -1.0
        self._image: QImage | None = None
        self._overlay: QPixmap | None = None
        self._overlay_rects: list[QRect] = []
        self._overlay_at = 0.0
        self._composed_at = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, int(1000 / frame_rate)))
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    # -- geometry ---------------------------------------------------------------------
    def map_rect(self) -> QRectF:
        """Where the world view sits in the widget: full width, centred between the texts."""
        w, h = self.width(), self.height()
        width, height = WORLD_VIEW[2], WORLD_VIEW[3]
        scale = min(w / width, h * 0.86 / height)
        map_w, map_h = width * scale, height * scale
        return QRectF((w - map_w) / 2, (h - map_h) / 2 + h * 0.02, map_w, map_h)

    def to_widget(self, lon: float, lat: float) -> QPointF:
        west, south, width, height = WORLD_VIEW
        rect = self.map_rect()
        x = rect.left() + (lon - west) / width * rect.width()
        y = rect.top() + (south + height - lat) / height * rect.height()
        return QPointF(x, y)

    def _device_rect(self) -> tuple[int, int, int, int]:
        ratio = self.devicePixelRatioF()
        rect = self.map_rect()
        return (
            round(rect.left() * ratio),
            round(rect.top() * ratio),
            max(1, round(rect.width() * ratio)),
            max(1, round(rect.height() * ratio)),
        )

    def target(self) -> Target:
        ratio = self.devicePixelRatioF()
        return Target(
            round(self.width() * ratio), round(self.height() * ratio), self._device_rect()
        )

    def use_composer_thread(self, thread: HeatComposerThread) -> None:
        self.composer_thread = thread
        thread.set_target(self.target())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._overlay = None
        if self.composer_thread is not None:
            self.composer_thread.set_target(self.target())
        elif self.snapshot is not None:
            self._show(self.composer.compose(self.snapshot.glow, self.target()))
        super().resizeEvent(event)

    def _show(self, frame: np.ndarray) -> None:
        self._frame = frame
        self._image = QImage(
            frame.data, frame.shape[1], frame.shape[0], frame.strides[0], QImage.Format.Format_RGB32
        )
        self._image.setDevicePixelRatio(self.devicePixelRatioF())

    def refresh(self) -> None:
        started = time.perf_counter()
        snapshot = self.grid.latest()
        now = time.monotonic()
        changed = False
        if self.composer_thread is not None:
            composed = self.composer_thread.latest()
            fresh = composed is not None and composed[1] != self._shown_made_at
            if composed is not None and fresh and composed[0] == self.target():
                self._shown_made_at = composed[1]
                self._show(composed[2])
                changed = True
            self.snapshot = snapshot
        elif self.snapshot is None or (
            snapshot.made_at != self.snapshot.made_at and now - self._composed_at >= COMPOSE_SECONDS
        ):
            self._composed_at = now
            self.snapshot = snapshot
            self._show(self.composer.compose(snapshot.glow, self.target()))
            changed = True
        if time.monotonic() - self._overlay_at >= OVERLAY_SECONDS:
            self._overlay = None
        if changed or self._overlay is None:
            self.update()
        self.frame_ms.append((time.perf_counter() - started) * 1000.0)
        if len(self.frame_ms) > 600:
            del self.frame_ms[:300]

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._image is not None:
            painter.drawImage(0, 0, self._image)
        else:
            painter.fillRect(self.rect(), theme.NIGHT)
        if self._overlay is None:
            self._overlay = self._render_overlay()
            self._overlay_at = time.monotonic()
        for rect in self._overlay_rects:
            painter.drawPixmap(rect, self._overlay, rect)
        painter.end()

    def _render_overlay(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._overlay_rects = paint_counters(painter, self)
        painter.end()
        return pixmap


def paint_counters(painter: QPainter, wall: HeatmapWall) -> list[QRect]:
    """Title and live counters; returns the areas drawn on."""
    snapshot = wall.snapshot
    w, h = wall.width(), wall.height()
    m = h * 0.045
    rects: list[QRect] = []
    title = QRectF(m, m * 0.6, w * 0.6, h * 0.13)
    painter.setPen(theme.TEXT)
    painter.setFont(theme.font(h * 0.06, QFont.Weight.Black))
    painter.drawText(title, Qt.AlignmentFlag.AlignLeft, wall.hashtag)
    painter.setPen(theme.ACCENT_SOFT)
    painter.setFont(theme.font(h * 0.024, QFont.Weight.Medium))
    painter.drawText(
        QRectF(m, m * 0.6 + h * 0.08, w, h * 0.04),
        Qt.AlignmentFlag.AlignLeft,
        "Where the conversation is, live",
    )
    rects.append(QRectF(0, 0, w * 0.65, m * 0.6 + h * 0.13).toAlignedRect())
    metrics = wall.metrics.latest()
    located = snapshot.located if snapshot is not None else 0
    located_share = located / metrics.posts if metrics.posts else 0.0
    figures = [
        (f"{metrics.posts:,}".replace(",", "\u202f"), "posts"),
        (f"{metrics.rate_per_minute:,.0f}".replace(",", "\u202f"), "per minute"),
        (str(snapshot.countries if snapshot is not None else 0), "countries"),
        (f"{located_share:.0%}", "on the map"),
    ]
    x = m
    y = h - m - h * 0.1
    for value, caption in figures:
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.05, QFont.Weight.Bold))
        value_w = painter.fontMetrics().horizontalAdvance(value)
        painter.drawText(QRectF(x, y, value_w + 4, h * 0.065), Qt.AlignmentFlag.AlignLeft, value)
        painter.setPen(theme.MUTED)
        painter.setFont(theme.font(h * 0.018, QFont.Weight.DemiBold))
        caption_w = painter.fontMetrics().horizontalAdvance(caption.upper())
        painter.drawText(
            QRectF(x, y + h * 0.065, caption_w + 4, h * 0.03),
            Qt.AlignmentFlag.AlignLeft,
            caption.upper(),
        )
        x += max(value_w, caption_w) + h * 0.06
    rects.append(QRectF(0, y - 4, x + 8, h - y + 4).toAlignedRect())
    places = snapshot.top_places if snapshot is not None else ()
    if places:
        painter.setFont(theme.font(h * 0.018, QFont.Weight.DemiBold))
        painter.setPen(theme.MUTED)
        right = w - m
        top = h - m - h * 0.035 * (len(places) + 1)
        painter.drawText(
            QRectF(right - w * 0.3, top, w * 0.3, h * 0.035),
            Qt.AlignmentFlag.AlignRight,
            "TOP CITIES",
        )
        painter.setFont(theme.font(h * 0.026, QFont.Weight.Medium))
        for index, (name, count) in enumerate(places):
            painter.setPen(theme.TEXT if index == 0 else theme.ACCENT_SOFT)
            painter.drawText(
                QRectF(right - w * 0.35, top + h * 0.035 * (index + 1), w * 0.35, h * 0.035),
                Qt.AlignmentFlag.AlignRight,
                f"{name}  {count:,}".replace(",", "\u202f"),
            )
        rects.append(QRectF(right - w * 0.36, top - 4, w * 0.36 + m, h - top).toAlignedRect())
    return rects
