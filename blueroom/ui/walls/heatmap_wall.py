"""The heat-map wall: every located post a point of light on a dark, dotted map.

The glow of the current view (aggregated to 1/8° cells and blurred on the engine's
side) is coloured with a perceptually uniform 256-entry ramp and added onto the view's
dotted land, drawn offline from a land mask; new posts flash. Each frame is composed by
OpenCV at the screen's pixel size on a helper thread, so the GUI thread only copies one
opaque image per frame (scaling in QPainter cost ~10 ms a frame).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.heatmap import HeatSnapshot, MapView
from blueroom.core.readers import HeatReader, MetricsReader
from blueroom.ui import theme
from blueroom.ui.heat_text import located_breakdown
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.widgets.pixmaps import draw_part
from blueroom.workers import ErrorSink, Worker

OVERLAY_SECONDS = 1.0
COMPOSE_SECONDS = 1 / 20  # the glow drifts slowly: 20 compositions a second look smooth
MAP_SHARE = 0.86  # of the wall's height the map may take, between title and counters


def _srgb_to_oklab(rgb: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    lms = linear @ np.array(
        [
            [0.4122214708, 0.2119034982, 0.0883024619],
            [0.5363325363, 0.6806995451, 0.2817188376],
            [0.0514459929, 0.1073969566, 0.6299787005],
        ]
    )
    lab: npt.NDArray[np.float64] = np.cbrt(lms) @ np.array(
        [
            [0.2104542553, 1.9779984951, 0.0259040371],
            [0.7936177850, -2.4285922050, 0.7827717662],
            [-0.0040720468, 0.4505937099, -0.8086757660],
        ]
    )
    return lab


def _oklab_to_srgb(lab: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    linear = np.clip(_oklab_to_linear(lab), 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def _oklab_to_linear(lab: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    lms = (
        lab
        @ np.array(
            [
                [1.0, 1.0, 1.0],
                [0.3963377774, -0.1055613458, -0.0894841775],
                [0.2158037573, -0.0638541728, -1.2914855480],
            ]
        )
    ) ** 3
    linear: npt.NDArray[np.float64] = lms @ np.array(
        [
            [4.0767416621, -1.2684380046, -0.0041960863],
            [-3.3077115913, 2.6097574011, -0.7034186147],
            [0.2309699292, -0.3413193965, 1.7076147010],
        ]
    )
    return linear


def _into_gamut(lab: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Reduce chroma (never lightness) until every colour is displayable in sRGB."""
    low = np.zeros(len(lab))
    high = np.ones(len(lab))
    for _ in range(24):
        middle = (low + high) / 2
        trial = lab.copy()
        trial[:, 1:] *= middle[:, None]
        linear = _oklab_to_linear(trial)
        inside = np.all((linear >= -1e-6) & (linear <= 1 + 1e-6), axis=1)
        low = np.where(inside, middle, low)
        high = np.where(inside, high, middle)
    result = lab.copy()
    result[:, 1:] *= low[:, None]
    return result


GLOW_STOPS = ("#0E1F6B", "#2456F0", "#22B8F5", "#9BF1FF", "#FFFFFF")  # night blue → white


def glow_lut() -> npt.NDArray[np.uint8]:
    """Night blue → electric blue → cyan → white: 256 RGBA entries, transparent at 0.

    Perceptually uniform: the colours are interpolated in OKLab with the lightness
    rising linearly from the first stop to white, so equal steps of density look like
    equal steps of light. Opacity ramps up from nothing over the first third.
    """
    stops = np.array(
        [[int(h[i : i + 2], 16) / 255.0 for i in (1, 3, 5)] for h in GLOW_STOPS], dtype=np.float64
    )
    lab = _srgb_to_oklab(stops)
    lightness = np.linspace(lab[0, 0], lab[-1, 0], 256)
    colours = np.empty((256, 3))
    for channel in range(3):  # the stops' own lightness places them along the ramp
        colours[:, channel] = np.interp(lightness, lab[:, 0], lab[:, channel])
    colours[:, 0] = lightness
    rgb = _oklab_to_srgb(_into_gamut(colours))
    alpha = np.clip(np.linspace(0.0, 3.0, 256), 0.0, 1.0)
    lut = np.zeros((256, 4), dtype=np.uint8)
    lut[:, :3] = np.clip(np.round(rgb * 255.0), 0, 255).astype(np.uint8)
    lut[:, 3] = np.round(alpha * 255.0).astype(np.uint8)
    return lut


@dataclass(frozen=True, slots=True)
class LandMask:
    """Land (True) on a regular lon/lat grid, north-up, from ``tools/make_land_mask.py``."""

    land: npt.NDArray[np.bool_]
    cell: float

    @classmethod
    def load(cls, path: Path) -> LandMask:
        with np.load(path) as data:
            return cls(data["land"] > 127, float(data["cell"]))


def view_dots(
    mask: LandMask, view: MapView, width: int, height: int, south_limit: float = -58.0
) -> npt.NDArray[np.uint8]:
    """A dotted land map of ``view`` at ``width``×``height`` pixels (RGBA, north up).

    One soft dot every few pixels where there is land: about a degree apart on the
    world, closer on a region. Antarctica is left out: it would only take room.
    """
    spacing = max(5, round(width / 330)) if view.name == "world" else max(6, round(width / 200))
    columns, rows = max(1, width // spacing), max(1, height // spacing)
    lons = view.west + (np.arange(columns) + 0.5) * spacing / width * (view.east - view.west)
    lats = view.north - (np.arange(rows) + 0.5) * spacing / height * (view.north - view.south)
    grid_rows, grid_columns = mask.land.shape
    mask_columns = np.clip(((lons + 180.0) / mask.cell).astype(np.intp), 0, grid_columns - 1)
    mask_rows = np.clip(((90.0 - lats) / mask.cell).astype(np.intp), 0, grid_rows - 1)
    on = mask.land[np.ix_(mask_rows, mask_columns)].astype(np.float32)
    on[lats < south_limit] = 0.0
    centre = (spacing - 1) / 2
    ys, xs = np.mgrid[0:spacing, 0:spacing]
    distance = np.hypot(xs - centre, ys - centre)
    kernel = np.clip(1.0 - (distance - spacing * 0.22) / 1.2, 0.0, 1.0).astype(np.float32)
    alpha = np.zeros((height, width), dtype=np.float32)
    dots = np.kron(on, kernel)
    alpha[: dots.shape[0], : dots.shape[1]] = dots[:height, :width]
    image = np.zeros((height, width, 4), dtype=np.uint8)
    image[..., 0] = 58
    image[..., 1] = 84
    image[..., 2] = 160
    image[..., 3] = np.clip(alpha * 120, 0, 255).astype(np.uint8)
    return image


def fit_view(width: float, height: float, view: MapView) -> tuple[float, float, float, float]:
    """Where the view sits in a wall of this size: as large as fits, centred between the
    title and the counters. (x, y, width, height)."""
    scale_w = width
    scale_h = height * MAP_SHARE
    if scale_w / scale_h > view.aspect:
        map_h = scale_h
        map_w = map_h * view.aspect
    else:
        map_w = scale_w
        map_h = map_w / view.aspect
    return ((width - map_w) / 2, (height - map_h) / 2 + height * 0.02, map_w, map_h)


@dataclass(frozen=True, slots=True)
class Target:
    """The frame to compose, in device pixels."""

    width: int
    height: int

    def map_rect(self, view: MapView) -> tuple[int, int, int, int]:
        x, y, w, h = fit_view(self.width, self.height, view)
        return round(x), round(y), max(1, round(w)), max(1, round(h))


class HeatFrameComposer:
    """Glow + dotted land → one opaque BGRA frame at the screen's size (numpy/OpenCV only)."""

    def __init__(self, land: LandMask) -> None:
        self._land = land
        lut = glow_lut().astype(np.float32)
        premultiplied = lut[:, :3] * (lut[:, 3:4] / 255.0)
        self._lut_bgr = np.ascontiguousarray(premultiplied[:, ::-1].astype(np.uint8)[None, :, :])
        self._base: tuple[Target, MapView, np.ndarray] | None = None
        self._scaled: np.ndarray | None = None  # the coloured glow at the map's size

    def base(self, target: Target, view: MapView) -> np.ndarray:
        if self._base is not None and self._base[:2] == (target, view):
            return self._base[2]
        night = theme.NIGHT
        base = np.empty((target.height, target.width, 4), dtype=np.uint8)
        base[...] = (night.blue(), night.green(), night.red(), 255)
        x, y, map_w, map_h = target.map_rect(view)
        land = view_dots(self._land, view, map_w, map_h)
        alpha = land[..., 3:4].astype(np.float32) / 255.0
        region = base[y : y + map_h, x : x + map_w, :3].astype(np.float32)
        dots = land[..., [2, 1, 0]].astype(np.float32)
        base[y : y + map_h, x : x + map_w, :3] = (region * (1 - alpha) + dots * alpha).astype(
            np.uint8
        )
        self._base = (target, view, base)
        return base

    def compose(self, glow: np.ndarray, target: Target, view: MapView) -> np.ndarray:
        base = self.base(target, view)
        frame = np.empty_like(base)
        x, y, map_w, map_h = target.map_rect(view)
        # The margins around the map are copied; the map is written once, by the add.
        frame[:y] = base[:y]
        frame[y + map_h :] = base[y + map_h :]
        frame[y : y + map_h, :x] = base[y : y + map_h, :x]
        frame[y : y + map_h, x + map_w :] = base[y : y + map_h, x + map_w :]
        # Coloured at the glow's size, then scaled once: the screen-sized work is one
        # resize (into a buffer kept between frames) and one saturating add.
        levels = cv2.cvtColor(np.ascontiguousarray(glow), cv2.COLOR_GRAY2BGR)
        colour = cv2.cvtColor(cv2.LUT(levels, self._lut_bgr), cv2.COLOR_BGR2BGRA)
        colour[..., 3] = 0
        if self._scaled is None or self._scaled.shape[:2] != (map_h, map_w):
            self._scaled = np.empty((map_h, map_w, 4), dtype=np.uint8)
        scaled = cv2.resize(
            colour, (map_w, map_h), dst=self._scaled, interpolation=cv2.INTER_LINEAR
        )
        region = frame[y : y + map_h, x : x + map_w]
        added = cv2.add(base[y : y + map_h, x : x + map_w], scaled, dst=region)
        if added is not region:  # OpenCV wrote elsewhere (it cannot write to this view)
            region[...] = added
        return frame


class HeatComposerThread:
    """Composes frames off the GUI thread (OpenCV lets go of the GIL): the wall only blits.

    Started and stopped by the composition root.
    """

    def __init__(
        self,
        grid: HeatReader,
        composer: HeatFrameComposer,
        polls: float = 40.0,
        on_error: ErrorSink | None = None,
    ) -> None:
        self._grid = grid
        self._composer = composer
        # Looks for a new glow twice as often as one comes (at most 20 a second): polling
        # at the same rate, the two clocks drifting apart, would skip every third.
        self._interval = 1.0 / polls
        self._target: Target | None = None
        self._latest: tuple[Target, float, np.ndarray] | None = None
        self._shown: tuple[Target | None, float] = (None, -1.0)
        self._worker = Worker.every(
            "heat-composer", self._interval, self._compose, on_error=on_error, lowered=True
        )

    def set_target(self, target: Target) -> None:
        self._target = target

    def latest(self) -> tuple[Target, float, np.ndarray] | None:
        return self._latest

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(2.0)

    def _compose(self) -> None:
        target = self._target
        snapshot = self._grid.latest()
        if target is None or (target, snapshot.made_at) == self._shown:
            return
        frame = self._composer.compose(snapshot.glow, target, snapshot.view)
        self._latest = (target, snapshot.made_at, frame)
        self._shown = (target, snapshot.made_at)


class HeatmapWall(QWidget):
    def __init__(
        self,
        grid: HeatReader,
        metrics: MetricsReader,
        *,
        hashtag: str,
        land_mask: Path,
        frame_rate: int = 60,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HeatmapWall", "Blue Room — heat-map wall"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.grid = grid
        self.metrics = metrics
        self.hashtag = hashtag
        self.snapshot: HeatSnapshot | None = None
        self.frame_ms: list[float] = []  # refresh cost on the GUI thread, per tick
        self.paints: list[tuple[float, float]] = []  # (when, paint ms): frame times
        self.paused = False  # the operator froze the map (counters stay live)
        self.show_counters = True
        self.setMinimumSize(480, 270)
        self.composer = HeatFrameComposer(LandMask.load(land_mask))
        self.composer_thread: HeatComposerThread | None = None
        self._frame: np.ndarray | None = None
        self._shown_made_at = -1.0
        self._shown_view: MapView | None = None
        self._image: QImage | None = None
        self._overlay: QPixmap | None = None
        self._overlay_rects: list[QRect] = []
        self._overlay_at = 0.0
        self._composed_at = 0.0
        self._frames_timer = FrameTimer(self, frame_rate, self.refresh)

    # -- geometry ---------------------------------------------------------------------
    @property
    def view(self) -> MapView:
        """The view on screen (the frame shown), else the grid's."""
        if self._shown_view is not None:
            return self._shown_view
        return self.grid.latest().view

    def map_rect(self) -> QRectF:
        """Where the view sits in the widget: as large as fits, between the texts."""
        return QRectF(*fit_view(self.width(), self.height(), self.view))

    def to_widget(self, lon: float, lat: float) -> QPointF:
        u, v = self.view.to_unit(lon, lat)
        rect = self.map_rect()
        return QPointF(rect.left() + u * rect.width(), rect.top() + v * rect.height())

    def target(self) -> Target:
        ratio = self.devicePixelRatioF()
        return Target(round(self.width() * ratio), round(self.height() * ratio))

    def use_composer_thread(self, thread: HeatComposerThread) -> None:
        self.composer_thread = thread
        thread.set_target(self.target())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._overlay = None
        if self.composer_thread is not None:
            self.composer_thread.set_target(self.target())
        elif self.snapshot is not None:
            self._show(self.composer.compose(self.snapshot.glow, self.target(), self.snapshot.view))
        super().resizeEvent(event)

    def _show(self, frame: np.ndarray) -> None:
        self._frame = frame
        self._image = QImage(
            frame.data, frame.shape[1], frame.shape[0], frame.strides[0], QImage.Format.Format_RGB32
        )
        self._image.setDevicePixelRatio(self.devicePixelRatioF())

    def set_paused(self, paused: bool) -> None:
        self.paused = paused

    def set_show_counters(self, show: bool) -> None:
        self.show_counters = show
        self._overlay = None
        self.update()

    def save_png(self, path: Path) -> Path:
        """The wall as it is now, as a PNG (the operator's snapshot button)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not self.grab().save(str(path), "PNG"):
            raise OSError(translate("HeatmapWall", "could not write {path}").format(path=path))
        return path

    def refresh(self) -> None:
        started = time.perf_counter()
        snapshot = self.grid.latest()
        now = time.monotonic()
        changed = False
        if self.paused:
            pass
        elif self.composer_thread is not None:
            composed = self.composer_thread.latest()
            fresh = composed is not None and composed[1] != self._shown_made_at
            if composed is not None and fresh and composed[0] == self.target():
                self._shown_made_at = composed[1]
                self._show(composed[2])
                if self._shown_view != snapshot.view:
                    self._overlay = None
                self._shown_view = snapshot.view
                changed = True
        elif self.snapshot is None or (
            snapshot.made_at != self.snapshot.made_at and now - self._composed_at >= COMPOSE_SECONDS
        ):
            self._composed_at = now
            self._shown_view = snapshot.view
            self._show(self.composer.compose(snapshot.glow, self.target(), snapshot.view))
            changed = True
        if self.snapshot is None:
            self._overlay = None  # the counters had nothing to show yet
        self.snapshot = snapshot
        if time.monotonic() - self._overlay_at >= OVERLAY_SECONDS:
            self._overlay = None
        if changed or self._overlay is None:
            self.update()
        self.frame_ms.append((time.perf_counter() - started) * 1000.0)
        if len(self.frame_ms) > 600:
            del self.frame_ms[:300]

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        if self._image is not None:
            painter.drawImage(0, 0, self._image)
        else:
            painter.fillRect(self.rect(), theme.NIGHT)
        if self._overlay is None:
            self._overlay = self._render_overlay()
            self._overlay_at = time.monotonic()
        for rect in self._overlay_rects:
            draw_part(painter, rect, self._overlay)
        painter.end()
        self.paints.append((time.perf_counter(), (time.perf_counter() - started) * 1000.0))
        if len(self.paints) > 1200:
            del self.paints[:600]

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
        translate("HeatmapWall", "Where the conversation is, live"),
    )
    rects.append(QRectF(0, 0, w * 0.65, m * 0.6 + h * 0.13).toAlignedRect())
    if not wall.show_counters:
        return rects
    metrics = wall.metrics.latest()
    located = snapshot.located if snapshot is not None else 0
    posts = snapshot.posts if snapshot is not None and snapshot.posts else metrics.posts
    located_share = located / posts if posts else 0.0
    figures = [
        (f"{metrics.posts:,}".replace(",", "\u202f"), translate("HeatmapWall", "posts")),
        (
            f"{metrics.rate_per_minute:,.0f}".replace(",", "\u202f"),
            translate("HeatmapWall", "per minute"),
        ),
        (
            str(snapshot.countries if snapshot is not None else 0),
            translate("HeatmapWall", "countries"),
        ),
        (f"{located_share:.0%}", translate("HeatmapWall", "on the map")),
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
    if snapshot is not None and posts:
        painter.setPen(theme.DIM)
        painter.setFont(theme.font(h * 0.016, QFont.Weight.Medium))
        painter.drawText(
            QRectF(m, h - m - h * 0.005, w * 0.6, h * 0.03),
            Qt.AlignmentFlag.AlignLeft,
            located_breakdown(snapshot),
        )
    rects.append(QRectF(0, y - 4, max(x + 8, w * 0.6), h - y + 4).toAlignedRect())
    places = snapshot.top_places if snapshot is not None else ()
    if places:
        painter.setFont(theme.font(h * 0.018, QFont.Weight.DemiBold))
        painter.setPen(theme.MUTED)
        right = w - m
        top = h - m - h * 0.035 * (len(places) + 1)
        painter.drawText(
            QRectF(right - w * 0.3, top, w * 0.3, h * 0.035),
            Qt.AlignmentFlag.AlignRight,
            translate("HeatmapWall", "TOP CITIES"),
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
