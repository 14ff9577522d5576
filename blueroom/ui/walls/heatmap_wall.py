"""The heat-map wall: every located post a point of light on a dark, dotted map.

The glow of the current view (aggregated to 1/8° cells and blurred on the engine's
side) is coloured with a perceptually uniform 256-entry ramp and added onto the view's
dotted land, drawn offline from a land mask; new posts flash. Each frame is composed by
OpenCV at the screen's pixel size on a helper thread, so the GUI thread only copies one
opaque image per frame (scaling in QPainter cost ~10 ms a frame).
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.broadcast_stats import FrameMeter
from blueroom.core.heatmap import HeatSnapshot, MapView
from blueroom.core.metrics import MetricsSnapshot
from blueroom.core.readers import HeatReader, MetricsReader
from blueroom.ui import theme
from blueroom.ui.heat_text import located_breakdown
from blueroom.ui.i18n import number, percent, translate
from blueroom.ui.pacing import FrameTimer, MeteredWindow
from blueroom.ui.walls.heat_basemap import Label, MapData, draw_map, place_labels
from blueroom.ui.widgets.pixmaps import draw_part
from blueroom.workers import ErrorSink, Worker

OVERLAY_SECONDS = 1.0
COMPOSE_SECONDS = 1 / 20  # the glow drifts slowly: 20 compositions a second look smooth
GLOW_TILE = 16  # the glow's cells a side of a tile written again or left as it is
WRITTEN_KEPT = 8  # buffers whose glowing tiles the composer remembers
Box = tuple[int, int, int, int]  # x, y, width, height


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


Rect = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True, slots=True)
class WallLayout:
    """Where everything sits on a wall: the texts, and the view's box in the room they
    leave. No text is ever over the box, where the glow is; the map goes on around it."""

    beside: bool  # texts in columns beside the box (a regional view), else above and below
    unit: float  # the type scale: the height of a 16:9 wall
    box: Rect
    title: Rect
    subtitle: Rect  # the tagline, or the "Paused" badge
    heading: Rect  # which posts the counters count
    counters: tuple[Rect, ...]  # four fixed slots: digits never push a counter aside
    breakdown: Rect
    world: Rect  # the world's figures, apart, under a regional view
    places: Rect

    def texts(self) -> tuple[Rect, ...]:
        return (self.title, self.subtitle, self.heading, *self.counters, self.breakdown,
                self.world, self.places)  # fmt: skip


def wall_layout(width: float, height: float, view: MapView) -> WallLayout:
    """Texts above and below a wide view (the world), beside a squarer one (a country, a
    city): whichever leaves the view's box the larger."""
    unit = min(height, width * 9 / 16)
    margin = unit * 0.045
    above = _layout_above(width, height, unit, margin, view)
    beside = _layout_beside(width, height, unit, margin, view)
    area = lambda layout: layout.box[2] * layout.box[3]  # noqa: E731
    return beside if area(beside) > area(above) * 1.05 else above


def _fit(aspect: float, x: float, y: float, width: float, height: float) -> Rect:
    """The largest box of ``aspect`` centred in the given room."""
    if width / height > aspect:
        w, h = height * aspect, height
    else:
        w, h = width, width / aspect
    return (x + (width - w) / 2, y + (height - h) / 2, w, h)


def _layout_above(width: float, height: float, u: float, m: float, view: MapView) -> WallLayout:
    title = (m, m * 0.6, width * 0.55, u * 0.075)
    subtitle = (m, title[1] + u * 0.08, width * 0.5, u * 0.045)
    counters_top = height - m - u * 0.13
    slots, x = [], m
    for share in (0.26, 0.22, 0.16, 0.17):
        slots.append((x, counters_top, u * share, u * 0.095))
        x += u * (share + 0.04)
    places = (x + u * 0.02, counters_top, width - m - x - u * 0.02, u * 0.13)
    # The room's breakdown, or under a regional view the world's figures, on one line.
    breakdown = (m, height - m - u * 0.03, x - m, u * 0.03)
    world = breakdown if view.name != "world" else (m, height, 0.0, 0.0)
    heading = (m, counters_top - u * 0.035, x - m, u * 0.03)
    if view.name == "world":
        heading = (m, counters_top, 0.0, 0.0)
    top = subtitle[1] + subtitle[3] + u * 0.01
    bottom = (heading[1] if heading[3] else counters_top) - u * 0.01
    box = _fit(view.aspect, m, top, width - 2 * m, bottom - top)
    return WallLayout(
        False, u, box, title, subtitle, heading, tuple(slots), breakdown, world, places
    )


def _layout_beside(width: float, height: float, u: float, m: float, view: MapView) -> WallLayout:
    column = max(width * 0.21, u * 0.36)
    inner = column - m
    title = (m, m * 0.6, inner, u * 0.075)
    subtitle = (m, title[1] + u * 0.08, inner, u * 0.045)
    heading = (m, u * 0.2, inner, u * 0.03)
    slots = tuple((m, u * 0.24 + i * u * 0.105, inner, u * 0.095) for i in range(4))
    breakdown = (m, u * 0.665, inner, u * 0.12)
    world = (m, u * 0.8, inner, u * 0.13)
    places = (width - column, height - m - u * 0.21, inner, u * 0.21)
    box = _fit(view.aspect, column, m, width - 2 * column, height - 2 * m)
    return WallLayout(True, u, box, title, subtitle, heading, slots, breakdown, world, places)


@dataclass(frozen=True, slots=True)
class Target:
    """The frame to compose, in device pixels."""

    width: int
    height: int

    def layout(self, view: MapView) -> WallLayout:
        return wall_layout(self.width, self.height, view)

    def map_rect(self, view: MapView) -> tuple[int, int, int, int]:
        x, y, w, h = self.layout(view).box
        return round(x), round(y), max(1, round(w)), max(1, round(h))


class GlowTiles:
    """The map cut into tiles of ``GLOW_TILE`` glow cells a side, for one glow size and one
    map size: which tiles a glow lights (with the neighbours its bilinear scaling reaches
    into), each tile's pixels on the map, and the mapping that scales the glow into one
    tile exactly as ``cv2.resize`` scales the whole (pixel centres to pixel centres)."""

    def __init__(self, glow_h: int, glow_w: int, map_h: int, map_w: int) -> None:
        self.key = (glow_h, glow_w, map_h, map_w)
        self.rows = -(-glow_h // GLOW_TILE)
        self.cols = -(-glow_w // GLOW_TILE)
        self._padded = np.zeros((self.rows * GLOW_TILE, self.cols * GLOW_TILE), np.uint8)
        self._ys = [min(map_h, (r * GLOW_TILE * map_h) // glow_h) for r in range(self.rows)]
        self._ys.append(map_h)
        self._xs = [min(map_w, (c * GLOW_TILE * map_w) // glow_w) for c in range(self.cols)]
        self._xs.append(map_w)
        self._sy, self._sx = glow_h / map_h, glow_w / map_w
        self._kernel = np.ones((3, 3), np.uint8)
        self.glowing_now = np.zeros((self.rows, self.cols), bool)

    def glowing(self, glow: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_]:
        """The tiles whose pixels this glow lights (a copy: kept by the composer)."""
        height, width = glow.shape
        self._padded[:height, :width] = glow
        peaks = self._padded.reshape(self.rows, GLOW_TILE, self.cols, GLOW_TILE).max(axis=(1, 3))
        lit = cv2.dilate((peaks > 0).astype(np.uint8), self._kernel)
        self.glowing_now = lit.astype(bool)
        return self.glowing_now.copy()

    def pixels(self, row: int, col: int) -> Box:
        """(top, bottom, left, right) of a tile on the map."""
        return self._ys[row], self._ys[row + 1], self._xs[col], self._xs[col + 1]

    def mapping(self, top: int, left: int) -> npt.NDArray[np.float64]:
        """From a tile's pixels (its top left at 0, 0) back to the glow's."""
        sx, sy = self._sx, self._sy
        return np.array([[sx, 0.0, (left + 0.5) * sx - 0.5], [0.0, sy, (top + 0.5) * sy - 0.5]])

    def span(self, label: Label, x: int, y: int) -> tuple[slice, slice]:
        """The tiles a name (placed on the frame; the map's corner at ``x``, ``y``) covers."""
        height, width = label.patch.shape[:2]
        return (
            _tile_range(self._ys, label.y - y, label.y - y + height),
            _tile_range(self._xs, label.x - x, label.x - x + width),
        )


def _lay_names(labels: list[Label], frame: np.ndarray, base: np.ndarray, box: Box) -> None:
    """City names over the glow, readable. A name may stand partly beside the map, where
    the frame is not written again each time: that part is the base's again first, so a
    name laid over a frame that already had it is laid once, not twice."""
    x, y, width, height = box
    frame_h, frame_w = frame.shape[:2]
    for label in labels:
        patch_h, patch_w = label.patch.shape[:2]
        top, left = max(0, label.y), max(0, label.x)
        bottom, right = min(frame_h, label.y + patch_h), min(frame_w, label.x + patch_w)
        inside_top, inside_bottom = max(top, y), min(bottom, y + height)
        for rows, cols in (
            ((top, min(bottom, y)), (left, right)),  # above the map
            ((max(top, y + height), bottom), (left, right)),  # below
            ((inside_top, inside_bottom), (left, min(right, x))),  # on its left
            ((inside_top, inside_bottom), (max(left, x + width), right)),  # on its right
        ):
            if rows[1] > rows[0] and cols[1] > cols[0]:
                part = (slice(*rows), slice(*cols))
                frame[part] = base[part]
        label.lay_over(frame)


def _tile_range(edges: list[int], start: int, end: int) -> slice:
    first = max(0, bisect.bisect_right(edges, start) - 1)
    last = max(first, bisect.bisect_left(edges, end) - 1)
    return slice(first, min(last + 1, len(edges) - 1))


class HeatFrameComposer:
    """Glow + map → one opaque BGRA frame at the screen's size (numpy/OpenCV; the city
    names are drawn once with QPainter into small images)."""

    def __init__(self, map_data: MapData) -> None:
        self._map = map_data
        lut = glow_lut().astype(np.float32)
        premultiplied = lut[:, :3] * (lut[:, 3:4] / 255.0)
        self._lut_bgr = np.ascontiguousarray(premultiplied[:, ::-1].astype(np.uint8)[None, :, :])
        self._base: tuple[Target, MapView, np.ndarray, list[Label]] | None = None
        self._scaled: np.ndarray | None = None  # the coloured glow at the map's size
        self._tiling: GlowTiles | None = None
        # each buffer composed into (by id): its target and view, and its tiles with glow
        self._written: dict[int, tuple[tuple[Target, MapView], npt.NDArray[np.bool_]]] = {}

    def base(self, target: Target, view: MapView) -> np.ndarray:
        return self._drawn(target, view)[0]

    def labels(self, target: Target, view: MapView) -> list[Label]:
        return self._drawn(target, view)[1]

    def _drawn(self, target: Target, view: MapView) -> tuple[np.ndarray, list[Label]]:
        if self._base is not None and self._base[:2] == (target, view):
            return self._base[2], self._base[3]
        night = theme.NIGHT
        size = (target.width, target.height)
        layout = target.layout(view)
        base = draw_map(
            self._map, view, size, layout.box, (night.red(), night.green(), night.blue())
        )
        labels = place_labels(self._map, view, size, layout.box, list(layout.texts()), base)
        self._base = (target, view, base, labels)
        return base, labels

    def compose(
        self,
        glow: np.ndarray,
        target: Target,
        view: MapView,
        out: np.ndarray | None = None,
        margins: bool = False,
    ) -> np.ndarray:
        """The frame: into ``out`` if it is the target's size (else a new array);
        ``margins``: ``out`` already holds this target's and view's margins (a frame made
        before), so only the map is written."""
        base, labels = self._drawn(target, view)
        if out is None or out.shape != base.shape:
            frame, margins = np.empty_like(base), False
        else:
            frame = out
        x, y, map_w, map_h = target.map_rect(view)
        if not margins:  # the margins around the map are copied; the map is written by the add
            frame[:y] = base[:y]
            frame[y + map_h :] = base[y + map_h :]
            frame[y : y + map_h, :x] = base[y : y + map_h, :x]
            frame[y : y + map_h, x + map_w :] = base[y : y + map_h, x + map_w :]
        # Coloured at the glow's size (a few hundred thousand pixels), then scaled: the
        # screen-sized work is a resize and a saturating add, each only where it changes.
        levels = cv2.cvtColor(np.ascontiguousarray(glow), cv2.COLOR_GRAY2BGR)
        colour = cv2.cvtColor(cv2.LUT(levels, self._lut_bgr), cv2.COLOR_BGR2BGRA)
        colour[..., 3] = 0
        tiles = self._tiles(glow.shape[0], glow.shape[1], map_h, map_w)
        glowing = tiles.glowing(glow)
        before = self._written.get(id(frame)) if margins else None
        if before is None or before[0] != (target, view):
            self._compose_whole(colour, base, frame, (x, y, map_w, map_h))
            _lay_names(labels, frame, base, (x, y, map_w, map_h))
        else:
            self._compose_tiles(
                colour, base, frame, (x, y, map_w, map_h), tiles, glowing | before[1], labels
            )
        if len(self._written) > WRITTEN_KEPT:
            self._written.clear()
        self._written[id(frame)] = ((target, view), glowing)
        return frame

    def _compose_whole(
        self, colour: np.ndarray, base: np.ndarray, frame: np.ndarray, box: Box
    ) -> None:
        x, y, map_w, map_h = box
        if self._scaled is None or self._scaled.shape[:2] != (map_h, map_w):
            self._scaled = np.empty((map_h, map_w, 4), dtype=np.uint8)
        scaled = cv2.resize(
            colour, (map_w, map_h), dst=self._scaled, interpolation=cv2.INTER_LINEAR
        )
        region = frame[y : y + map_h, x : x + map_w]
        added = cv2.add(base[y : y + map_h, x : x + map_w], scaled, dst=region)
        if added is not region:  # OpenCV wrote elsewhere (it cannot write to this view)
            region[...] = added

    def _compose_tiles(
        self,
        colour: np.ndarray,
        base: np.ndarray,
        frame: np.ndarray,
        box: Box,
        tiles: GlowTiles,
        written: npt.NDArray[np.bool_],
        labels: list[Label],
    ) -> None:
        """Into a frame that holds this map from before: only the tiles with glow now or
        then are written again (the rest of the map is dark and already right there), and
        the names over them laid again (each over a whole tile span: never twice)."""
        x, y = box[:2]
        spans = [tiles.span(label, x, y) for label in labels]
        written = written.copy()
        changed = True
        while changed:  # a name over a tile written again is written again whole
            changed = False
            for rows, cols in spans:
                part = written[rows, cols]
                if part.any() and not part.all():
                    written[rows, cols] = True
                    changed = True
        glowing = tiles.glowing_now
        for row, col in np.argwhere(written):
            top, bottom, left, right = tiles.pixels(row, col)
            place = (slice(y + top, y + bottom), slice(x + left, x + right))
            region = frame[place]
            if glowing[row, col]:
                scaled = cv2.warpAffine(
                    colour, tiles.mapping(top, left), (right - left, bottom - top),
                    flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                    borderMode=cv2.BORDER_REPLICATE,
                )  # fmt: skip
                added = cv2.add(base[place], scaled, dst=region)
                if added is not region:
                    region[...] = added
            else:
                region[...] = base[place]
        again = [label for label, (rows, cols) in zip(labels, spans, strict=True)
                 if written[rows, cols].any()]  # fmt: skip
        _lay_names(again, frame, base, box)

    def _tiles(self, glow_h: int, glow_w: int, map_h: int, map_w: int) -> GlowTiles:
        key = (glow_h, glow_w, map_h, map_w)
        if self._tiling is None or self._tiling.key != key:
            self._tiling = GlowTiles(*key)
        return self._tiling


class HeatComposerThread:
    """Composes frames off the GUI thread (OpenCV lets go of the GIL): the wall only blits.

    Frames are made in three buffers used in turn (33 MB each at 4K: a new one each time
    cost page faults and copying the margins again): never the one the wall shows (it
    says which with :meth:`take`) nor the newest one it may still take.

    Started and stopped by the composition root.
    """

    BUFFERS = 3

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
        self.composed = 0
        self._worker = Worker.every(
            "heat-composer", self._interval, self._compose, on_error=on_error, lowered=True
        )
        self._lock = threading.Lock()
        # each buffer, and the target and view whose margins it holds
        self._buffers: list[tuple[np.ndarray, tuple[Target, MapView]]] = []
        self._wall_frame: np.ndarray | None = None

    def set_target(self, target: Target) -> None:
        self._target = target

    def latest(self) -> tuple[Target, float, np.ndarray] | None:
        return self._latest

    def take(
        self, wanted: Callable[[tuple[Target, float, np.ndarray]], bool]
    ) -> tuple[Target, float, np.ndarray] | None:
        """The newest frame if ``wanted`` says so; the wall shows it from then on (its
        buffer is not written while it does)."""
        with self._lock:
            latest = self._latest
            if latest is None or not wanted(latest):
                return None
            self._wall_frame = latest[2]
            return latest

    def _buffer(self, key: tuple[Target, MapView]) -> tuple[np.ndarray | None, bool]:
        """A buffer neither shown nor the newest (it and whether its margins are
        ``key``'s), or None: a new one is made."""
        with self._lock:
            busy = {id(self._wall_frame), id(self._latest[2]) if self._latest else None}
            free = [(n, entry) for n, entry in enumerate(self._buffers) if id(entry[0]) not in busy]
        if len(self._buffers) < self.BUFFERS or not free:
            return None, False
        n, (buffer, made_for) = next(((n, e) for n, e in free if e[1] == key), free[0])
        del self._buffers[n]
        return buffer, made_for == key

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        self._worker.stop(2.0)

    def _compose(self) -> None:
        target = self._target
        snapshot = self._grid.latest()
        if target is None or (target, snapshot.made_at) == self._shown:
            return
        key = (target, snapshot.view)
        buffer, margins = self._buffer(key)
        frame = self._composer.compose(snapshot.glow, target, snapshot.view, buffer, margins)
        with self._lock:
            self._buffers.append((frame, key))
            self._latest = (target, snapshot.made_at, frame)
        self._shown = (target, snapshot.made_at)
        self.composed += 1


class HeatmapWall(MeteredWindow, QWidget):
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
        self.paused = False  # the operator froze the wall: its map and its figures
        self._paused_metrics: MetricsSnapshot | None = None
        self.show_counters = True
        self.setMinimumSize(480, 270)
        self.composer = HeatFrameComposer(MapData(land_mask))
        self.composer_thread: HeatComposerThread | None = None
        self._frame: np.ndarray | None = None
        self._shown_made_at = -1.0
        self._shown_view: MapView | None = None
        self._image: QImage | None = None
        self._overlay: QPixmap | None = None
        self._overlay_rects: list[QRect] = []
        self._overlay_at = 0.0
        self._composed_at = 0.0
        self._taken = 0  # frames of the composer thread shown
        self.frame_meter = FrameMeter()  # the console's broadcast stats
        self._frames_timer = FrameTimer(self, frame_rate, self.refresh, meter=self.frame_meter)

    # -- geometry ---------------------------------------------------------------------
    @property
    def view(self) -> MapView:
        """The view on screen (the frame shown), else the grid's."""
        if self._shown_view is not None:
            return self._shown_view
        return self.grid.latest().view

    def arrangement(self) -> WallLayout:
        return wall_layout(self.width(), self.height(), self.view)

    def map_rect(self) -> QRectF:
        """Where the view sits in the widget: as large as fits, beside the texts."""
        return QRectF(*self.arrangement().box)

    def to_widget(self, lon: float, lat: float) -> QPointF:
        u, v = self.view.to_unit(lon, lat)
        rect = self.map_rect()
        return QPointF(rect.left() + u * rect.width(), rect.top() + v * rect.height())

    def target(self) -> Target:
        ratio = self.devicePixelRatioF()
        return Target(round(self.width() * ratio), round(self.height() * ratio))

    @property
    def frames_dropped(self) -> int:
        """Frames the composer thread made that were replaced before the wall showed them."""
        thread = self.composer_thread
        if thread is None:
            return 0
        latest = thread.latest()
        waiting = int(latest is not None and latest[1] != self._shown_made_at)
        return max(0, thread.composed - self._taken - waiting)

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
        """Freeze the map and its figures (the badge says so), or go live again."""
        self._paused_metrics = self.metrics.latest() if paused else None
        self.paused = paused
        self._overlay = None
        self.update()

    def shown_metrics(self) -> MetricsSnapshot:
        """The room's figures as shown: as they were when paused."""
        if self.paused and self._paused_metrics is not None:
            return self._paused_metrics
        return self.metrics.latest()

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
        if self.paused:  # nothing moves; the overlay is drawn again only if it was dropped
            if self._overlay is None:
                self.update()
            self._spent(started)
            return
        snapshot = self.grid.latest()
        now = time.monotonic()
        changed = False
        map_only = False  # only the map changed: its box is painted again, not the wall
        if self.composer_thread is not None:
            target = self.target()
            composed = self.composer_thread.take(
                lambda made: made[1] != self._shown_made_at and made[0] == target
            )
            if composed is not None:
                self._taken += 1
                map_only = self._shown_view == snapshot.view and self._image is not None
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
        if self._overlay is None or (changed and not map_only):
            self.update()
        elif changed:
            self.update(self.map_rect().toAlignedRect())
        self._spent(started)

    def _spent(self, started: float) -> None:
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


@dataclass(frozen=True, slots=True)
class WallFigures:
    """What the wall's texts say: the counters of the view, and the world's apart."""

    heading: str  # which posts the counters count ("" on the world view)
    counters: tuple[tuple[str, str], ...]  # (value, caption)
    world: tuple[str, ...]  # the world's figures under a regional view
    places: tuple[tuple[str, int], ...]


def _number(value: float) -> str:
    return number(round(value))


def view_name(view: MapView) -> str:
    names = {
        "europe": translate("HeatmapWall", "Europe"),
        "france": translate("HeatmapWall", "France"),
        "paris": translate("HeatmapWall", "Paris region"),
    }
    return names.get(view.name, translate("HeatmapWall", "This map"))


def _posts(count: int) -> str:
    return translate("HeatmapWall", "post") if count == 1 else translate("HeatmapWall", "posts")


def _countries(count: int) -> str:
    if count == 1:
        return translate("HeatmapWall", "country")
    return translate("HeatmapWall", "countries")


def wall_figures(snapshot: HeatSnapshot | None, metrics: MetricsSnapshot) -> WallFigures:
    """The world view counts every post; a regional one the posts inside it, with the
    world's figures apart. An engine that does not send the view's figures gets the
    world's, headed as such."""
    minute_label = translate("HeatmapWall", "per minute")
    countries = snapshot.countries if snapshot is not None else 0
    view = snapshot.view if snapshot is not None else None
    in_view = snapshot.in_view if snapshot is not None else None
    if view is not None and view.name != "world" and in_view is not None:
        share = in_view.posts / metrics.posts if metrics.posts else 0.0
        world = (
            translate("HeatmapWall", "World"),
            f"{_number(metrics.posts)} {_posts(metrics.posts)}",
            f"{_number(metrics.rate_per_minute)} {minute_label}",
            f"{countries} {_countries(countries)}",
        )
        return WallFigures(
            view_name(view).upper(),
            (
                (_number(in_view.posts), _posts(in_view.posts)),
                (_number(in_view.per_minute), minute_label),
                (str(in_view.countries), _countries(in_view.countries)),
                (percent(share), translate("HeatmapWall", "of all posts")),
            ),
            world,
            in_view.top_places,
        )
    located = snapshot.located if snapshot is not None else 0
    posts = snapshot.posts if snapshot is not None and snapshot.posts else metrics.posts
    located_share = located / posts if posts else 0.0
    heading = ""
    if view is not None and view.name != "world":
        heading = translate("HeatmapWall", "World").upper()
    return WallFigures(
        heading,
        (
            (_number(metrics.posts), _posts(metrics.posts)),
            (_number(metrics.rate_per_minute), minute_label),
            (str(countries), _countries(countries)),
            (percent(located_share), translate("HeatmapWall", "on the map")),
        ),
        (),
        snapshot.top_places if snapshot is not None else (),
    )


def figures_font(pixel_size: float, weight: QFont.Weight) -> QFont:
    """The counters' type: tabular figures, so a changing digit never moves its neighbours."""
    font = theme.font(pixel_size, weight)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def _fitted(painter: QPainter, font: QFont, text: str, width: float) -> QFont:
    """``font``, smaller if ``text`` would not fit in ``width``."""
    painter.setFont(font)
    advance = painter.fontMetrics().horizontalAdvance(text)
    if advance > width > 0:
        font = QFont(font)
        font.setPixelSize(max(1, int(font.pixelSize() * width / advance)))
    return font


def paint_counters(painter: QPainter, wall: HeatmapWall) -> list[QRect]:
    """Title, counters, the world's figures and top cities where the layout puts them,
    never over the view's box; returns the areas drawn on."""
    layout = wall.arrangement()
    u = layout.unit
    rects: list[QRect] = []
    title = QRectF(*layout.title)
    painter.setPen(theme.TEXT)
    painter.setFont(
        _fitted(painter, theme.font(u * 0.06, QFont.Weight.Black), wall.hashtag, title.width())
    )
    painter.drawText(title, Qt.AlignmentFlag.AlignLeft, wall.hashtag)
    subtitle = QRectF(*layout.subtitle)
    if wall.paused:
        _paint_paused(painter, subtitle, u)
    else:
        painter.setPen(theme.ACCENT_SOFT)
        tagline = translate("HeatmapWall", "Where the conversation is, live")
        painter.setFont(
            _fitted(painter, theme.font(u * 0.024, QFont.Weight.Medium), tagline, subtitle.width())
        )
        painter.drawText(subtitle, Qt.AlignmentFlag.AlignLeft, tagline)
    rects.append(title.united(subtitle).adjusted(-4, -4, 4, 4).toAlignedRect())
    if not wall.show_counters:
        return rects
    figures = wall_figures(wall.snapshot, wall.shown_metrics())
    if figures.heading:
        heading = QRectF(*layout.heading)
        painter.setPen(theme.ACCENT)
        painter.setFont(theme.font(u * 0.02, QFont.Weight.Bold))
        painter.drawText(
            heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, figures.heading
        )
        rects.append(heading.adjusted(-4, -4, 4, 4).toAlignedRect())
    value_font = figures_font(u * 0.05, QFont.Weight.Bold)
    caption_font = theme.font(u * 0.018, QFont.Weight.DemiBold)
    for (value, caption), slot in zip(figures.counters, layout.counters, strict=False):
        x, y, width, _ = slot
        painter.setPen(theme.TEXT)
        painter.setFont(_fitted(painter, value_font, value, width))
        painter.drawText(QRectF(x, y, width, u * 0.065), Qt.AlignmentFlag.AlignLeft, value)
        painter.setPen(theme.MUTED)
        painter.setFont(_fitted(painter, caption_font, caption.upper(), width))
        painter.drawText(
            QRectF(x, y + u * 0.065, width, u * 0.03), Qt.AlignmentFlag.AlignLeft, caption.upper()
        )
        rects.append(QRectF(*slot).adjusted(-4, -4, 4, 4).toAlignedRect())
    snapshot = wall.snapshot
    small = theme.font(u * 0.016, QFont.Weight.Medium)
    wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    if figures.world:
        world = QRectF(*layout.world)
        name, *parts = figures.world
        if layout.beside:  # a heading, then a figure a line
            painter.setPen(theme.ACCENT)
            painter.setFont(theme.font(u * 0.018, QFont.Weight.Bold))
            painter.drawText(world, Qt.AlignmentFlag.AlignLeft, name.upper())
            painter.setPen(theme.MUTED)
            painter.setFont(figures_font(u * 0.02, QFont.Weight.Medium))
            painter.drawText(world.adjusted(0, u * 0.03, 0, 0), wrap, "\n".join(parts))
        else:
            painter.setPen(theme.MUTED)
            painter.setFont(figures_font(u * 0.018, QFont.Weight.Medium))
            painter.drawText(world, wrap, f"{name}:  " + "  ·  ".join(parts))
        rects.append(world.adjusted(-4, -4, 4, 4).toAlignedRect())
    elif snapshot is not None and snapshot.posts:
        breakdown = QRectF(*layout.breakdown)
        painter.setPen(theme.DIM)
        painter.setFont(small)
        text = located_breakdown(snapshot)
        painter.drawText(breakdown, wrap, text.replace("  ·  ", "\n") if layout.beside else text)
        rects.append(breakdown.adjusted(-4, -4, 4, 4).toAlignedRect())
    if figures.places:
        places = QRectF(*layout.places)
        rects.append(places.adjusted(-4, -4, 4, 4).toAlignedRect())
        _paint_places(painter, places, figures.places, layout.beside, u)
    return rects


def _paint_places(
    painter: QPainter, room: QRectF, places: tuple[tuple[str, int], ...], beside: bool, u: float
) -> None:
    """The top cities: a right-aligned list beside a regional view, two columns under the
    world."""
    header = u * 0.03
    rows = 5 if beside else 3
    row = (room.height() - header) / rows
    columns = 1 if beside else 2
    column_w = room.width() if beside else min(room.width() / columns, u * 0.32)
    align = Qt.AlignmentFlag.AlignRight if beside else Qt.AlignmentFlag.AlignLeft
    painter.setFont(theme.font(u * 0.018, QFont.Weight.DemiBold))
    painter.setPen(theme.MUTED)
    painter.drawText(QRectF(room.left(), room.top(), room.width(), header),
                     align | Qt.AlignmentFlag.AlignVCenter, translate("HeatmapWall", "TOP CITIES"))  # fmt: skip
    font = figures_font(row * 0.72, QFont.Weight.Medium)
    for index, (name, count) in enumerate(places[: rows * columns]):
        column, line = divmod(index, rows)
        gutter = 0.0 if beside else u * 0.02
        rect = QRectF(room.left() + column * column_w, room.top() + header + row * line,
                      column_w - gutter, row)  # fmt: skip
        text = f"{name}  {_number(count)}"
        painter.setPen(theme.TEXT if index == 0 else theme.ACCENT_SOFT)
        painter.setFont(_fitted(painter, font, text, rect.width()))
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)


def _paint_paused(painter: QPainter, room: QRectF, u: float) -> None:
    """An amber "paused" badge: the room sees the wall is frozen, not broken."""
    text = translate("HeatmapWall", "Paused").upper()
    painter.setFont(theme.font(u * 0.026, QFont.Weight.Bold))
    text_w = painter.fontMetrics().horizontalAdvance(text)
    height = room.height()
    pad, bar, gap = height * 0.45, height * 0.1, height * 0.1
    text_left = pad + 2 * bar + gap + height * 0.22
    badge = QRectF(room.left(), room.top(), min(room.width(), text_left + text_w + pad), height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.AMBER)
    painter.drawRoundedRect(badge, height / 2, height / 2)
    painter.setBrush(theme.NIGHT)
    for left in (pad, pad + bar + gap):
        painter.drawRect(QRectF(badge.left() + left, badge.top() + height * 0.3, bar, height * 0.4))
    painter.setPen(theme.NIGHT)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(badge.left() + text_left, badge.top(), text_w + 4, height), align, text)
