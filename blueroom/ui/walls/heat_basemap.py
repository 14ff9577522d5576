"""The heat-map wall's map: land, coastlines, lakes, borders, rivers and city names.

Drawn from the shapes that ``tools/make_land_mask.py`` derives from GSHHG/WDBII and
GeoNames (``assets/map/``): the whole world to about 1 km, Western Europe to about
200 m with its rivers. The detail follows the scale: the world is the room's dotted
map; a region is a map (a land tint, coastlines, borders, rivers, names) with the dots
as its texture. Everything here is drawn once per view and screen size, on the
composer's thread; only the city names are laid over the glow, each frame, as a few
small patches.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from blueroom.core.heatmap import MapView
from blueroom.ui import theme

UNITS = 10_000  # steps per degree in the stored polylines (tools/make_land_mask.py)
LAND, LAKE, ISLAND_IN_LAKE, POND, ANTARCTICA = 1, 2, 3, 4, 5
SOUTH_LIMIT = -58.0  # the world leaves Antarctica out: no posts, a fifth of the height
SHIFT = 3  # sub-pixel bits for OpenCV's polygons and lines
Rect = tuple[float, float, float, float]  # x, y, width, height
T = TypeVar("T")
MAX_NAMES_INSIDE = 30  # cities named inside the view's box, the largest first
MAX_NAMES_AROUND = 6  # and around it, if they are as large as
AROUND_POPULATION = 400_000

# Colours, RGB.
DOTS = (58, 84, 160)
LAND_TINT = (14, 24, 58)
COAST = (72, 108, 200)
BORDER = (110, 124, 180)
RIVER = (40, 92, 170)


@dataclass(frozen=True, slots=True)
class LandMask:
    """Land (True) on a regular lon/lat grid, north-up: the map without its shapes."""

    land: npt.NDArray[np.bool_]
    cell: float

    @classmethod
    def load(cls, path: Path) -> LandMask:
        with np.load(path) as data:
            return cls(data["land"] > 127, float(data["cell"]))


@dataclass(frozen=True, slots=True)
class Lines:
    """Polylines (or polygons) in degrees, with each one's bounding box for culling."""

    points: npt.NDArray[np.float64]
    starts: npt.NDArray[np.intp]
    boxes: npt.NDArray[np.float64]  # west, south, east, north of each line
    levels: npt.NDArray[np.uint8]

    @classmethod
    def unpack(
        cls,
        steps: npt.NDArray[np.int32],
        starts: npt.NDArray[np.int32],
        levels: npt.NDArray[np.uint8] | None = None,
    ) -> Lines:
        points = np.cumsum(steps.astype(np.int64), axis=0).astype(np.float64) / UNITS
        starts_ = starts.astype(np.intp)
        count = len(starts_) - 1
        if count > 0:
            heads = starts_[:-1]
            boxes = np.stack(
                [
                    np.minimum.reduceat(points[:, 0], heads),
                    np.minimum.reduceat(points[:, 1], heads),
                    np.maximum.reduceat(points[:, 0], heads),
                    np.maximum.reduceat(points[:, 1], heads),
                ],
                axis=1,
            )
        else:
            boxes = np.zeros((0, 4))
        if levels is None:
            levels = np.zeros(count, dtype=np.uint8)
        return cls(points, starts_, boxes, levels)

    def within(self, extent: tuple[float, float, float, float]) -> npt.NDArray[np.intp]:
        west, south, east, north = extent
        boxes = self.boxes
        return np.flatnonzero(
            (boxes[:, 2] >= west) & (boxes[:, 0] <= east)
            & (boxes[:, 3] >= south) & (boxes[:, 1] <= north)
        )  # fmt: skip

    def line(self, index: int) -> npt.NDArray[np.float64]:
        return self.points[self.starts[index] : self.starts[index + 1]]


@dataclass(frozen=True, slots=True)
class Shapes:
    land: Lines
    borders: Lines
    rivers: Lines | None
    box: tuple[float, float, float, float]  # what the file covers
    tolerance: float  # degrees the lines may stray from the truth

    @classmethod
    def load(cls, path: Path) -> Shapes:
        with np.load(path) as data:
            rivers = (
                Lines.unpack(data["rivers_xy"], data["rivers_starts"])
                if "rivers_xy" in data
                else None
            )
            west, south, east, north = (float(v) for v in data["box"])
            return cls(
                Lines.unpack(data["land_xy"], data["land_starts"], data["land_level"]),
                Lines.unpack(data["borders_xy"], data["borders_starts"]),
                rivers,
                (west, south, east, north),
                float(data["tolerance"]),
            )

    def covers(self, extent: tuple[float, float, float, float]) -> bool:
        west, south, east, north = extent
        return (
            self.box[0] <= west and east <= self.box[2]
            and self.box[1] <= south and north <= self.box[3]
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Places:
    names: tuple[str, ...]
    lon: npt.NDArray[np.float32]
    lat: npt.NDArray[np.float32]
    population: npt.NDArray[np.int32]

    @classmethod
    def load(cls, path: Path) -> Places:
        with np.load(path) as data:
            names = bytes(data["names"]).decode("utf-8").split("\n")
            return cls(tuple(names), data["lon"], data["lat"], data["population"])


class MapData:
    """The shapes of a map folder (``assets/map``); the land mask alone where they lack."""

    def __init__(self, land_mask: Path) -> None:
        folder = land_mask.parent
        self.mask = LandMask.load(land_mask)
        self.globe = _optional(Shapes.load, folder / "shapes_globe.npz")
        self.europe = _optional(Shapes.load, folder / "shapes_europe.npz")
        self.places = _optional(Places.load, folder / "places.npz")

    def shapes_for(
        self, extent: tuple[float, float, float, float], degrees_per_pixel: float
    ) -> Shapes | None:
        """The finest shapes that cover ``extent``, or None (the mask then)."""
        if (
            self.europe is not None
            and degrees_per_pixel < 4 * (self.globe.tolerance if self.globe else 0.01)
            and self.europe.covers(extent)
        ):
            return self.europe
        return self.globe


def _optional(load: Callable[[Path], T], path: Path) -> T | None:
    return load(path) if path.exists() else None


@dataclass(frozen=True, slots=True)
class Projection:
    """The view's box placed at ``rect`` (pixels); the same scale carries on around it."""

    view: MapView
    rect: Rect

    @property
    def x_per_degree(self) -> float:
        return self.rect[2] / (self.view.east - self.view.west)

    @property
    def y_per_degree(self) -> float:
        return self.rect[3] / (self.view.north - self.view.south)

    def pixels(self, lonlat: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        out = np.empty_like(lonlat)
        out[:, 0] = self.rect[0] + (lonlat[:, 0] - self.view.west) * self.x_per_degree
        out[:, 1] = self.rect[1] + (self.view.north - lonlat[:, 1]) * self.y_per_degree
        return out

    def extent(self, width: int, height: int) -> tuple[float, float, float, float]:
        """(west, south, east, north) of a canvas of this size, within the world."""
        x, y, _, _ = self.rect
        west = self.view.west - x / self.x_per_degree
        east = self.view.west + (width - x) / self.x_per_degree
        north = self.view.north + y / self.y_per_degree
        south = self.view.north - (height - y) / self.y_per_degree
        return (max(-180.0, west), max(-90.0, south), min(180.0, east), min(90.0, north))


def _contours(
    lines: Lines, indices: npt.NDArray[np.intp], projection: Projection
) -> list[npt.NDArray[np.int32]]:
    """The chosen lines in sub-pixel units, projected all at once."""
    if len(indices) == 0:
        return []
    starts, stops = lines.starts[indices], lines.starts[indices + 1]
    lengths = stops - starts
    picked = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    pixels = projection.pixels(lines.points[picked]) * float(1 << SHIFT)
    points = np.round(pixels).astype(np.int32).reshape(-1, 1, 2)
    return np.split(points, np.cumsum(lengths)[:-1])


def land_alpha(
    shapes: Shapes, projection: Projection, size: tuple[int, int], extent: tuple[float, ...]
) -> npt.NDArray[np.uint8]:
    """Land (255) and water (0), antialiased, of a canvas in this projection."""
    width, height = size
    canvas = np.zeros((height, width), dtype=np.uint8)
    land = shapes.land
    indices = land.within(extent)  # type: ignore[arg-type]
    levels = land.levels[indices]
    for level in (LAND, ANTARCTICA, LAKE, ISLAND_IN_LAKE, POND):
        chosen = indices[levels == level]
        contours = _contours(land, chosen, projection)
        if contours:
            colour = 0 if level in (LAKE, POND) else 255
            cv2.fillPoly(canvas, contours, colour, lineType=cv2.LINE_AA, shift=SHIFT)
    return canvas


def mask_alpha(mask: LandMask, projection: Projection, size: tuple[int, int]) -> np.ndarray:
    """Land from the coarse mask alone (a map folder without shapes)."""
    width, height = size
    lons = (
        projection.view.west
        + (np.arange(width) + 0.5 - projection.rect[0]) / projection.x_per_degree
    )
    lats = (
        projection.view.north
        - (np.arange(height) + 0.5 - projection.rect[1]) / projection.y_per_degree
    )
    rows, columns = mask.land.shape
    mask_columns = np.clip(((lons + 180.0) / mask.cell).astype(np.intp), 0, columns - 1)
    mask_rows = np.clip(((90.0 - lats) / mask.cell).astype(np.intp), 0, rows - 1)
    land = mask.land[np.ix_(mask_rows, mask_columns)]
    land[:, (lons < -180) | (lons > 180)] = False
    return land.astype(np.uint8) * 255


def dot_layer(land: npt.NDArray[np.uint8], spacing: int) -> npt.NDArray[np.float32]:
    """One soft dot every ``spacing`` pixels where the land is (0..1)."""
    height, width = land.shape
    columns, rows = max(1, width // spacing), max(1, height // spacing)
    cells = land[: rows * spacing, : columns * spacing]
    on = (cv2.resize(cells, (columns, rows), interpolation=cv2.INTER_AREA) > 110).astype(np.float32)
    centre = (spacing - 1) / 2
    ys, xs = np.mgrid[0:spacing, 0:spacing]
    distance = np.hypot(xs - centre, ys - centre)
    kernel = np.clip(1.0 - (distance - spacing * 0.22) / 1.2, 0.0, 1.0).astype(np.float32)
    dots = np.kron(on, kernel)
    alpha = np.zeros((height, width), dtype=np.float32)
    alpha[: min(height, dots.shape[0]), : min(width, dots.shape[1])] = dots[:height, :width]
    return alpha


def _blend(
    canvas: list[npt.NDArray[np.float32]], alpha: npt.NDArray[np.float32],
    rgb: tuple[int, int, int], strength: float,
) -> None:  # fmt: skip
    """canvas (B, G, R planes) ← canvas over ``rgb`` at ``alpha`` (0..1) × ``strength``."""
    if strength != 1.0:
        alpha = alpha * np.float32(strength)
    keep = 1.0 - alpha
    for plane, value in zip(canvas, rgb[::-1], strict=True):
        cv2.multiply(plane, keep, dst=plane)
        cv2.scaleAdd(alpha, float(value), plane, dst=plane)


def _lines_alpha(
    lines: Lines, projection: Projection, size: tuple[int, int], extent: tuple[float, ...],
    thickness: int,
) -> npt.NDArray[np.float32]:  # fmt: skip
    width, height = size
    layer = np.zeros((height, width), dtype=np.uint8)
    contours = _contours(lines, lines.within(extent), projection)  # type: ignore[arg-type]
    if contours:
        cv2.polylines(layer, contours, False, 255, thickness, lineType=cv2.LINE_AA, shift=SHIFT)
    return layer.astype(np.float32) / 255.0


def is_regional(view: MapView) -> bool:
    """A box small enough to be drawn as a map with its surroundings (not the world)."""
    return view.east - view.west <= 120.0 and view.north - view.south <= 80.0


def draw_map(
    data: MapData,
    view: MapView,
    size: tuple[int, int],
    box: Rect,
    background: tuple[int, int, int],
) -> npt.NDArray[np.uint8]:
    """The map of ``view`` with its box at ``box``, on a BGRA canvas of ``size``.

    A regional view is drawn to the canvas's edges, darker towards them (the wall's texts
    stand there); the world only inside its box.
    """
    width, height = size
    projection = Projection(view, box)
    canvas = [np.full((height, width), value, dtype=np.float32) for value in background[::-1]]
    regional = is_regional(view)
    extent = projection.extent(width, height)
    if not regional:
        extent = (view.west, max(view.south, SOUTH_LIMIT), view.east, view.north)
    degrees_per_pixel = 1.0 / projection.y_per_degree
    shapes = data.shapes_for(extent, degrees_per_pixel)
    if shapes is not None:
        land = land_alpha(shapes, projection, size, extent)
    else:
        land = mask_alpha(data.mask, projection, size)
    if not regional:
        x, y, w, h = (round(v) for v in box)
        south_edge = min(h, round((view.north - SOUTH_LIMIT) * projection.y_per_degree))
        inside = np.zeros_like(land)
        inside[max(0, y) : y + south_edge, max(0, x) : x + w] = 1
        land *= inside
    if regional:
        _blend(canvas, land.astype(np.float32) / np.float32(255.0), LAND_TINT, 1.0)
        spacing = max(6, round(width / 220))
        _blend(canvas, dot_layer(land, spacing), DOTS, 0.38)
    else:
        _blend(canvas, dot_layer(land, max(5, round(width / 330))), DOTS, 0.47)
    if regional and shapes is not None:
        edge = cv2.morphologyEx(land, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
        _blend(canvas, edge.astype(np.float32) / np.float32(255.0), COAST, 0.75)
        if shapes.rivers is not None:
            rivers = _lines_alpha(shapes.rivers, projection, size, extent, 1)
            _blend(canvas, rivers, RIVER, 0.6 if degrees_per_pixel < 0.004 else 0.35)
        borders = _lines_alpha(shapes.borders, projection, size, extent, 1)
        borders *= _dashes(width, height, max(3, width // 320))
        _blend(canvas, borders, BORDER, 0.85)
    if regional:
        _blend(canvas, _vignette(width, height, box), background, 1.0)
    base = np.empty((height, width, 4), dtype=np.uint8)
    base[..., :3] = cv2.merge(canvas)
    base[..., 3] = 255
    return base


def _dashes(width: int, height: int, period: int) -> npt.NDArray[np.float32]:
    """A checkerboard of ``period`` pixels: lines drawn through it come out dashed."""
    across = (np.arange(width) // period % 2).astype(np.uint8)
    down = (np.arange(height) // period % 2).astype(np.uint8)
    dashes: npt.NDArray[np.float32] = (across[None, :] == down[:, None]).astype(np.float32)
    return dashes


def _vignette(width: int, height: int, box: Rect) -> npt.NDArray[np.float32]:
    """Darker from the view's box out to the canvas's edges, smoothly (0 inside the box)."""
    x, y, w, h = box
    xs = np.arange(width, dtype=np.float32) + 0.5
    ys = np.arange(height, dtype=np.float32) + 0.5
    left = np.clip((x - xs) / max(1.0, x), 0.0, 1.0)
    right = np.clip((xs - x - w) / max(1.0, width - x - w), 0.0, 1.0)
    top = np.clip((y - ys) / max(1.0, y), 0.0, 1.0)
    bottom = np.clip((ys - y - h) / max(1.0, height - y - h), 0.0, 1.0)
    across = np.maximum(left, right)
    down = np.maximum(top, bottom)
    shade = np.maximum(across[None, :], down[:, None])
    smooth: npt.NDArray[np.float32] = (shade * shade * (3 - 2 * shade) * 0.6).astype(np.float32)
    return smooth


@dataclass(frozen=True, slots=True)
class Label:
    """A city's name, drawn once: laid over the glow each frame as a premultiplied patch
    (two OpenCV calls on a few thousand pixels)."""

    name: str
    x: int
    y: int
    patch: npt.NDArray[np.uint8]  # BGRA, premultiplied, alpha 0
    keep: npt.NDArray[np.uint8]  # 255 − the patch's opacity on B, G, R; 255 on alpha

    @classmethod
    def of(cls, name: str, x: int, y: int, premultiplied: npt.NDArray[np.uint8]) -> Label:
        keep = np.empty_like(premultiplied)
        keep[..., :3] = 255 - premultiplied[..., 3:4]
        keep[..., 3] = 255
        patch = premultiplied.copy()
        patch[..., 3] = 0
        return cls(name, x, y, patch, keep)

    def lay_over(self, frame: np.ndarray) -> None:
        height, width = frame.shape[:2]
        ph, pw = self.patch.shape[:2]
        x0, y0 = max(0, self.x), max(0, self.y)
        x1, y1 = min(width, self.x + pw), min(height, self.y + ph)
        if x1 <= x0 or y1 <= y0:
            return
        inside = (slice(y0 - self.y, y1 - self.y), slice(x0 - self.x, x1 - self.x))
        region = frame[y0:y1, x0:x1]
        kept = cv2.multiply(region, self.keep[inside], scale=1 / 255)
        region[...] = cv2.add(kept, self.patch[inside])


def place_labels(
    data: MapData,
    view: MapView,
    size: tuple[int, int],
    box: Rect,
    avoid: list[Rect],
    base: npt.NDArray[np.uint8],
) -> list[Label]:
    """City names of a regional view: the largest first, none over another or over a text
    of the wall; those of the view's box first, a few large ones around it after. Each
    city's dot is drawn on ``base`` (under the glow), its name returned (laid over it)."""
    places = data.places
    if places is None or not is_regional(view):
        return []
    width, height = size
    projection = Projection(view, box)
    west, south, east, north = projection.extent(width, height)
    inside = (
        (places.lon >= west) & (places.lon <= east) & (places.lat >= south) & (places.lat <= north)
    )
    candidates = np.flatnonzero(inside)
    if len(candidates) == 0:
        return []
    lons = places.lon[candidates].astype(np.float64)
    lats = places.lat[candidates].astype(np.float64)
    in_box = (lons >= view.west) & (lons <= view.east) & (lats >= view.south) & (lats <= view.north)
    order = np.lexsort((-places.population[candidates], ~in_box))
    pixels = projection.pixels(np.stack([lons, lats], axis=1))
    font_px = height * 0.021
    font = theme.font(font_px, QFont.Weight.DemiBold)
    big_font = theme.font(font_px * 1.2, QFont.Weight.Bold)
    taken: list[Rect] = [*avoid]
    labels: list[Label] = []
    placed_in, placed_out = 0, 0
    pad = font_px * 0.5
    for index in order.tolist():
        inner = bool(in_box[index])
        if placed_in >= MAX_NAMES_INSIDE if inner else placed_out >= MAX_NAMES_AROUND:
            continue
        population = int(places.population[candidates[index]])
        if not inner and population < AROUND_POPULATION:
            continue
        name = places.names[candidates[index]]
        px, py = pixels[index]
        chosen_font = big_font if population >= 1_000_000 else font
        text_w = QFontMetricsF(chosen_font).horizontalAdvance(name)
        text_h = QFontMetricsF(chosen_font).height()
        dot = max(2.0, font_px * 0.16)
        spot: Rect | None = None
        for rect in (
            (px + dot * 2.5, py - text_h / 2, text_w, text_h),  # right of the dot
            (px - dot * 2.5 - text_w, py - text_h / 2, text_w, text_h),  # left
            (px - text_w / 2, py - dot * 2 - text_h, text_w, text_h),  # above
            (px - text_w / 2, py + dot * 2, text_w, text_h),  # below
        ):
            whole = (min(rect[0], px - dot) - pad / 2, rect[1] - pad / 2,
                     abs(rect[0] - px) + text_w + dot + pad, text_h + pad)  # fmt: skip
            if (
                rect[0] >= 0 and rect[1] >= 0
                and rect[0] + rect[2] <= width and rect[1] + rect[3] <= height
                and not any(_overlap(whole, other) for other in taken)
            ):  # fmt: skip
                spot = rect
                taken.append(whole)
                break
        if spot is None:
            continue
        colour = QColor(theme.MUTED if inner else theme.DIM)
        centre = (round(px * (1 << SHIFT)), round(py * (1 << SHIFT)))
        bgra = (colour.blue(), colour.green(), colour.red(), 255)
        cv2.circle(base, centre, round(dot * (1 << SHIFT)), bgra, -1, cv2.LINE_AA, SHIFT)
        labels.append(_label(name, spot, chosen_font, colour))
        placed_in += inner
        placed_out += not inner
    return labels


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _label(name: str, text: Rect, font: QFont, colour: QColor) -> Label:
    """A name with a dark halo, as a premultiplied BGRA patch."""
    halo_width = max(2.0, font.pixelSize() * 0.22)
    left = math.floor(text[0] - halo_width)
    top = math.floor(text[1] - halo_width)
    right = math.ceil(text[0] + text[2] + halo_width)
    bottom = math.ceil(text[1] + text[3] + halo_width)
    image = QImage(right - left, bottom - top, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-left, -top)
    path = QPainterPath()
    path.addText(text[0], text[1] + QFontMetricsF(font).ascent(), font, name)
    halo = QPen(theme.with_alpha(theme.NIGHT, 0.85), halo_width)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.strokePath(path, halo)
    painter.fillPath(path, colour)
    painter.end()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8)
    patch = buffer.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]
    return Label.of(name, left, top, patch.reshape(image.height(), image.width(), 4))
