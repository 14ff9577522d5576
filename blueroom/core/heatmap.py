"""The heat-map grid: located posts accumulated on a world grid that fades over time.

Where a post comes from, best first: its exact coordinates, its place (the centre of
the place's box), or its author's profile location geocoded offline (a city, else a
country). Whatever the source, a post only ever adds to a cell of 1/8° (about 14 km
north–south, 9 km east–west at Paris): what the wall draws is an aggregate, blurred
further by the glow's kernel, never a fan's exact position.

Two grids are kept: fine cells for regional views and half-degree cells for the world,
so a frame never resamples millions of cells. Fading is lazy: the grid stores values
scaled by a growing gain, so time costs nothing per cell until a frame is rendered.
The glow for the current view is rendered at most once per frame, on the caller's
thread (the engine's snapshot publisher).
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import cv2
import msgspec
import numpy as np
import numpy.typing as npt

from blueroom.core.events import Event, HeatMapChanged, HeatMapReset, TweetReceived
from blueroom.core.tweet import Place

CELL_DEGREES = 0.125
GRID_WIDTH = int(360 / CELL_DEGREES)
GRID_HEIGHT = int(180 / CELL_DEGREES)
COARSE_DEGREES = 0.5
COARSE_FACTOR = int(COARSE_DEGREES / CELL_DEGREES)
FLASH_SECONDS = 1.5
REFRESH_SECONDS = 1 / 20  # the wall composes 20 frames a second (heatmap_wall)
GLOW_PIXELS = 300_000  # the glow's size, whatever the view's shape; the wall scales it up
MAX_FINE_CELLS = 600_000  # a view with more fine cells than this is drawn from the coarse grid
_RENORMALISE_GAIN = 1e6


class Precision(StrEnum):
    EXACT = "exact"
    PLACE = "place"
    PROFILE_CITY = "profile_city"
    PROFILE_COUNTRY = "profile_country"


_EXACT, _PLACE, _PROFILE_CITY = (
    Precision.EXACT.value,
    Precision.PLACE.value,
    Precision.PROFILE_CITY.value,
)
MAX_PLACES_CACHED = 50_000


class HeatMode(StrEnum):
    LIVE = "live"  # fades with the half-life
    CUMULATIVE = "cumulative"  # everything since the start (or the last reset)


class MapView(msgspec.Struct, frozen=True, gc=False):
    """A box of the world, drawn equirectangular; regional views keep their true shape
    (east–west shrunk by the cosine of the middle latitude)."""

    name: str
    west: float
    south: float
    east: float
    north: float

    @property
    def x_scale(self) -> float:
        return (
            1.0 if self.name == "world" else math.cos(math.radians((self.south + self.north) / 2))
        )

    @property
    def aspect(self) -> float:
        """Width over height, as drawn."""
        return (self.east - self.west) * self.x_scale / (self.north - self.south)

    def to_unit(self, lon: float, lat: float) -> tuple[float, float]:
        """(0, 0) top-left, (1, 1) bottom-right of the view."""
        return (
            (lon - self.west) / (self.east - self.west),
            (self.north - lat) / (self.north - self.south),
        )

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


PRESETS: dict[str, MapView] = {
    "world": MapView("world", -180.0, -58.0, 180.0, 84.0),  # Antarctica left out: no posts
    "europe": MapView("europe", -25.0, 34.0, 45.0, 71.5),
    "france": MapView("france", -5.6, 41.2, 10.0, 51.3),
    "paris": MapView("paris", 1.4, 48.1, 3.6, 49.3),
}
PRESET_LABELS = {
    "world": "World",
    "europe": "Europe",
    "france": "France",
    "paris": "Paris region",
    "custom": "Custom box",
}


def view_for(preset: str, box: tuple[float, float, float, float] | None = None) -> MapView:
    """A preset by name, or ``"custom"`` with its (west, south, east, north) box."""
    if preset == "custom":
        if box is None:
            raise ValueError("a custom view needs a box: west, south, east, north")
        return MapView("custom", *check_box(box))
    try:
        return PRESETS[preset]
    except KeyError:
        names = ", ".join([*PRESETS, "custom"])
        raise ValueError(f"unknown map preset {preset!r} (one of {names})") from None


def check_box(box: tuple[float, ...]) -> tuple[float, float, float, float]:
    if len(box) != 4 or not all(math.isfinite(v) for v in box):
        raise ValueError("a map box is four numbers: west, south, east, north")
    west, south, east, north = box
    if not (-180 <= west < east <= 180 and -85 <= south < north <= 85):
        raise ValueError(
            f"impossible map box {box}: need -180 ≤ west < east ≤ 180, -85 ≤ south < north ≤ 85"
        )
    if east - west < 0.5 or north - south < 0.3:
        raise ValueError("a map box smaller than about 50 × 30 km would show single fans")
    return (west, south, east, north)


def glow_size(view: MapView) -> tuple[int, int]:
    """(width, height) of a view's glow: a constant cost per frame, any shape."""
    width = round(math.sqrt(GLOW_PIXELS * view.aspect))
    return width, max(1, round(width / view.aspect))


def cells_of(
    lons: Sequence[float], lats: Sequence[float]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Fine grid columns and rows of positions; row 0 is the north edge."""
    columns = ((np.asarray(lons, dtype=np.float64) + 180.0) / CELL_DEGREES).astype(np.intp)
    rows = ((90.0 - np.asarray(lats, dtype=np.float64)) / CELL_DEGREES).astype(np.intp)
    return np.clip(columns, 0, GRID_WIDTH - 1), np.clip(rows, 0, GRID_HEIGHT - 1)


def cell_of(lon: float, lat: float) -> tuple[int, int]:
    """Fine grid (column, row) of one position."""
    columns, rows = cells_of((lon,), (lat,))
    return int(columns[0]), int(rows[0])


def cell_centre(column: int, row: int) -> tuple[float, float]:
    return (-180.0 + (column + 0.5) * CELL_DEGREES, 90.0 - (row + 0.5) * CELL_DEGREES)


class GeoMatchLike(Protocol):
    @property
    def lon(self) -> float: ...
    @property
    def lat(self) -> float: ...
    @property
    def name(self) -> str: ...
    @property
    def country_code(self) -> str: ...
    @property
    def precision(self) -> object: ...


class Locator(Protocol):
    """Profile text → a place (the offline geocoder), or None."""

    def locate(self, text: str) -> GeoMatchLike | None: ...


@dataclass(frozen=True, slots=True)
class ViewFigures:
    """The figures of the posts inside the view (a post counts by its cell's centre)."""

    posts: int
    per_minute: float
    countries: int
    top_places: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class HeatSnapshot:
    glow: npt.NDArray[np.uint8]  # the view, north up, 0 = nothing
    view: MapView
    mode: HeatMode
    half_life: float
    flashes: tuple[tuple[float, float, float], ...]  # (u, v, age s) in view units, cell centres
    posts: int
    by_precision: tuple[tuple[str, int], ...]  # (Precision value, posts)
    countries: int
    top_places: tuple[tuple[str, int], ...]
    version: int
    made_at: float
    in_view: ViewFigures | None = None  # None: a sender that knows only the world figures

    @property
    def located(self) -> int:
        return sum(count for _, count in self.by_precision)

    def count(self, precision: Precision) -> int:
        return dict(self.by_precision).get(precision.value, 0)


class GlowRenderer:
    """Density → smooth glow levels (uint8), with an adaptive scale and new-post flashes."""

    CURVE_STEPS = 4096
    CURVE_GAIN = 40.0

    def __init__(self) -> None:
        self._scale = 0.0
        steps = np.linspace(0.0, 1.0, self.CURVE_STEPS, dtype=np.float32)
        curve = np.log1p(steps * self.CURVE_GAIN) / math.log1p(self.CURVE_GAIN)
        self._curve = np.clip(curve * 255.0, 0, 255).astype(np.uint8)

    def reset(self) -> None:
        self._scale = 0.0

    def render(
        self,
        cells: npt.NDArray[np.float32],
        size: tuple[int, int],
        flashes: tuple[tuple[float, float, float], ...],
        sigma_cells: float = 1.4,
    ) -> npt.NDArray[np.uint8]:
        """``cells``: the view's part of a grid; ``size``: (width, height) of the glow."""
        width, height = size
        if cells.shape[1] > width:
            # More cells than pixels: sum them into pixels, then blur in pixels.
            factor = (cells.shape[1] / width) * (cells.shape[0] / height)
            glow = cv2.resize(cells, (width, height), interpolation=cv2.INTER_AREA) * factor
            glow = cv2.GaussianBlur(glow, (0, 0), sigmaX=1.6)
        else:
            # Fewer cells than pixels: blur in cells (the privacy floor), then scale up.
            blurred = cv2.GaussianBlur(cells, (0, 0), sigmaX=sigma_cells)
            glow = cv2.resize(blurred, (width, height), interpolation=cv2.INTER_LINEAR)
        peak = float(glow.max())
        if peak <= 0 and not flashes:
            return np.zeros((height, width), dtype=np.uint8)
        # A slowly adapting scale: one burst does not blank the rest of the map. Read once:
        # the view may change (and ``reset`` the scale) on the model thread meanwhile.
        scale = self._scale = max(peak, self._scale * 0.98, 1e-3)
        if flashes:
            # Sparks at half resolution: a quarter of the pixels to blur, then scaled up.
            half_w, half_h = max(1, width // 2), max(1, height // 2)
            spark = np.zeros((half_h, half_w), dtype=np.float32)
            us, vs, ages = np.asarray(flashes, dtype=np.float32).T
            xs = np.clip((us * half_w).astype(np.intp), 0, half_w - 1)
            ys = np.clip((vs * half_h).astype(np.intp), 0, half_h - 1)
            np.maximum.at(spark, (ys, xs), 1.0 - ages / FLASH_SECONDS)
            blurred = cv2.GaussianBlur(spark, (0, 0), sigmaX=1.1)
            sparks = cv2.resize(blurred, (width, height), interpolation=cv2.INTER_LINEAR)
            cv2.scaleAdd(sparks, scale * 4.0, glow, dst=glow)
        np.multiply(glow, (self.CURVE_STEPS - 1) / scale, out=glow)
        np.clip(glow, 0, self.CURVE_STEPS - 1, out=glow)
        levels: npt.NDArray[np.uint8] = self._curve[glow.astype(np.uint16)]
        return levels


class SparseGrid(msgspec.Struct, frozen=True):
    """A mostly empty float32 grid: the flat indices and values of its non-zero cells."""

    shape: tuple[int, int]
    index: bytes  # little-endian int32
    values: bytes  # little-endian float32

    @classmethod
    def of(cls, grid: npt.NDArray[np.float32]) -> SparseGrid:
        flat = grid.ravel()
        index = np.flatnonzero(flat).astype("<i4")
        values = flat[index].astype("<f4")
        return cls((int(grid.shape[0]), int(grid.shape[1])), index.tobytes(), values.tobytes())

    def into(self, grid: npt.NDArray[np.float32], scale: float = 1.0) -> None:
        if grid.shape != self.shape:
            raise ValueError(f"a grid of {self.shape} cannot be restored into {grid.shape}")
        grid[:] = 0
        index = np.frombuffer(self.index, dtype="<i4")
        values = np.frombuffer(self.values, dtype="<f4")
        grid.ravel()[index] = values * np.float32(scale)


class HeatState(msgspec.Struct, frozen=True):
    """The heat map for a snapshot: true densities as at wall-clock ``at``."""

    at: float
    half_life: float
    view: MapView
    mode: HeatMode
    fine: SparseGrid
    fine_total: SparseGrid
    coarse: SparseGrid
    coarse_total: SparseGrid
    posts: int
    by_precision: list[tuple[str, int]]
    countries: list[tuple[str, int]]
    places: list[tuple[str, int]]
    version: int
    # (name, fine cell, posts): where countries and cities were, for the view's figures
    country_cells: list[tuple[str, int, int]] = []
    place_cells: list[tuple[str, int, int]] = []


RATE_SECONDS = 60.0  # "per minute" in the view: the posts of the last minute


@dataclass(slots=True)
class RecentBatch:
    """A batch of located posts: when each was sent, its cell, and whether in the view."""

    ats: npt.NDArray[np.float64]
    cells: npt.NDArray[np.int32]
    inside: npt.NDArray[np.bool_]


class HeatGrid:
    def __init__(
        self,
        half_life: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        locator: Locator | None = None,
        view: MapView | None = None,
    ) -> None:
        if half_life <= 0:
            raise ValueError("half-life must be positive")
        self.half_life = half_life
        self._clock = clock
        self._locator = locator
        self._place_cache: dict[str, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self._fine = np.zeros((GRID_HEIGHT, GRID_WIDTH), dtype=np.float32)
        self._fine_total = np.zeros((GRID_HEIGHT, GRID_WIDTH), dtype=np.float32)
        coarse_shape = (GRID_HEIGHT // COARSE_FACTOR, GRID_WIDTH // COARSE_FACTOR)
        self._coarse = np.zeros(coarse_shape, dtype=np.float32)
        self._coarse_total = np.zeros(coarse_shape, dtype=np.float32)
        self._gain_since = clock()  # stored = true × exp(λ (now − gain_since))
        self._flashes: deque[tuple[int, int, float]] = deque(maxlen=400)
        self._posts = 0
        self._by_precision: Counter[str] = Counter()
        self._countries: Counter[str] = Counter()
        self._places: Counter[str] = Counter()
        # Where: (country or city, fine cell) → posts; and the view's own tallies from them.
        self._country_cells: Counter[tuple[str, int]] = Counter()
        self._place_cells: Counter[tuple[str, int]] = Counter()
        self._recent: deque[RecentBatch] = deque()  # the last minute's posts, for the rate
        self._view_posts = 0
        self._view_countries: Counter[str] = Counter()
        self._view_places: Counter[str] = Counter()
        self.view = view or PRESETS["world"]
        self.mode = HeatMode.LIVE
        self._version = 0
        self._renderer = GlowRenderer()
        self._render_lock = threading.Lock()
        self._latest: HeatSnapshot | None = None

    # -- time ------------------------------------------------------------------------
    @property
    def _rate(self) -> float:
        return math.log(2.0) / self.half_life

    def _gain(self, now: float) -> float:
        return math.exp(self._rate * (now - self._gain_since))

    def _renormalise(self, now: float) -> None:
        gain = self._gain(now)
        if gain != 1.0:
            self._fine /= np.float32(gain)
            self._coarse /= np.float32(gain)
        self._gain_since = now

    # -- events ----------------------------------------------------------------------
    def apply(self, events: Iterable[Event]) -> None:
        lons: list[float] = []
        lats: list[float] = []
        ats: list[float] = []
        posts = 0
        precisions: list[str] = []
        countries: list[str] = []
        names: list[str] = []
        for event in events:
            if type(event) is not TweetReceived:
                if isinstance(event, HeatMapChanged | HeatMapReset):
                    self._control(event)
                continue
            posts += 1
            located = self._locate(event)
            if located is None:
                continue
            lon, lat, precision, country, name = located
            precisions.append(precision)
            countries.append(country)
            names.append(name)
            lons.append(lon)
            lats.append(lat)
            ats.append(event.at)
        fine_columns, fine_rows = cells_of(lons, lats)  # the whole batch at once
        ages = time.time() - np.asarray(ats, dtype=np.float64)
        now = self._clock()
        with self._lock:
            self._posts += posts
            if not lons:
                if posts:
                    self._version += 1
                return
            if self._gain(now) > _RENORMALISE_GAIN:
                self._renormalise(now)
            # Posts replayed from the journal after a restart come back already faded.
            age = np.maximum(ages.astype(np.float32), 0.0)
            weights = np.exp(age * np.float32(-self._rate)) * np.float32(self._gain(now))
            np.add.at(self._fine, (fine_rows, fine_columns), weights)
            np.add.at(self._fine_total, (fine_rows, fine_columns), 1.0)
            coarse = (fine_rows // COARSE_FACTOR, fine_columns // COARSE_FACTOR)
            np.add.at(self._coarse, coarse, weights)
            np.add.at(self._coarse_total, coarse, 1.0)
            self._by_precision.update(precisions)
            self._count_places(fine_columns, fine_rows, countries, names, ats)
            step = max(1, len(lons) // 100)
            for column, row, seconds in zip(
                fine_columns[::step].tolist(),
                fine_rows[::step].tolist(),
                ages[::step].tolist(),
                strict=True,
            ):
                if seconds < FLASH_SECONDS:
                    self._flashes.append((column, row, now))
            self._version += 1

    def _count_places(
        self,
        columns: npt.NDArray[np.intp],
        rows: npt.NDArray[np.intp],
        countries: list[str],
        names: list[str],
        ats: list[float],
    ) -> None:
        """Countries and cities, in the world and in the view (lock held)."""
        cells = (rows * GRID_WIDTH + columns).tolist()
        by_country = [(c, cell) for c, cell in zip(countries, cells, strict=True) if c]
        by_place = [(n, cell) for n, cell in zip(names, cells, strict=True) if n]
        self._countries.update(c for c, _ in by_country)
        self._places.update(n for n, _ in by_place)
        self._country_cells.update(by_country)
        self._place_cells.update(by_place)
        inside = self._inside(columns, rows)
        count = int(inside.sum())
        sent = np.asarray(ats, dtype=np.float64)
        since = time.time() - RATE_SECONDS
        self._forget_before(since)
        if sent.max() >= since:  # posts replayed from long ago never count in the rate
            self._recent.append(RecentBatch(sent, np.asarray(cells, np.int32), inside))
        if count:
            self._view_posts += count
            here = inside.tolist()
            self._view_countries.update(c for c, h in zip(countries, here, strict=True) if c and h)
            self._view_places.update(n for n, h in zip(names, here, strict=True) if n and h)

    def _inside(
        self, columns: npt.NDArray[np.intp], rows: npt.NDArray[np.intp]
    ) -> npt.NDArray[np.bool_]:
        """Which fine cells have their centre inside the view."""
        left, right, top, bottom = self._view_cells()
        return (columns >= left) & (columns < right) & (rows >= top) & (rows < bottom)

    def _view_cells(self) -> tuple[int, int, int, int]:
        """(left, right, top, bottom): the fine cells whose centre is in the view (ends out)."""
        view = self.view
        left = math.ceil((view.west + 180.0) / CELL_DEGREES - 0.5)
        right = math.floor((view.east + 180.0) / CELL_DEGREES - 0.5) + 1
        top = math.ceil((90.0 - view.north) / CELL_DEGREES - 0.5)
        bottom = math.floor((90.0 - view.south) / CELL_DEGREES - 0.5) + 1
        return max(0, left), min(GRID_WIDTH, right), max(0, top), min(GRID_HEIGHT, bottom)

    def _refigure(self) -> None:
        """The view's figures counted again from where the posts were (a new view)."""
        left, right, top, bottom = self._view_cells()
        self._view_posts = round(
            float(self._fine_total[top:bottom, left:right].sum(dtype=np.float64))
        )

        def inside(cell: int) -> bool:
            row, column = divmod(cell, GRID_WIDTH)
            return left <= column < right and top <= row < bottom

        self._view_countries = Counter()
        for (country, cell), count in self._country_cells.items():
            if inside(cell):
                self._view_countries[country] += count
        self._view_places = Counter()
        for (name, cell), count in self._place_cells.items():
            if inside(cell):
                self._view_places[name] += count
        for batch in self._recent:
            rows, columns = np.divmod(batch.cells, GRID_WIDTH)
            batch.inside = self._inside(columns, rows)

    def _forget_before(self, since: float) -> None:
        while self._recent and self._recent[0].ats.max() < since:
            self._recent.popleft()

    def _per_minute(self, now: float) -> float:
        """Posts in the view sent over the last minute (lock held), as the room's counter
        counts them: by the time each was sent."""
        since = now - RATE_SECONDS
        self._forget_before(since)
        total = 0
        for batch in self._recent:
            if batch.ats.min() >= since:
                total += int(batch.inside.sum())
            else:
                total += int((batch.inside & (batch.ats >= since)).sum())
        return float(total)

    def _locate(self, event: TweetReceived) -> tuple[float, float, str, str, str] | None:
        """(lon, lat, precision, country code, city name) of a post, or None."""
        tweet = event.tweet
        place = tweet.place
        point = tweet.coordinates
        precision = _EXACT
        if point is None and place is not None:
            point, precision = place.centre, _PLACE
        if point is not None:
            country, city = self._place_names(place) if place is not None else ("", "")
            return point.lon, point.lat, precision, country, city
        author = tweet.author
        if self._locator is None or author is None or not author.location:
            return None
        match = self._locator.locate(author.location)
        if match is None:
            return None
        precision = str(getattr(match.precision, "value", match.precision))
        name = match.name if precision == _PROFILE_CITY else ""
        return match.lon, match.lat, precision, match.country_code.upper(), name

    def _place_names(self, place: Place) -> tuple[str, str]:
        """(country code, city name) of a place, worked out once per place."""
        names = self._place_cache.get(place.id)
        if names is None:
            country = place.country_code.upper()
            city = ""
            if place.full_name and place.place_type in ("city", "poi", ""):
                city = place.full_name.split(",")[0].strip()
            names = (country, city)
            if len(self._place_cache) >= MAX_PLACES_CACHED:
                self._place_cache.clear()
            self._place_cache[place.id] = names
        return names

    def _control(self, event: HeatMapChanged | HeatMapReset) -> None:
        now = self._clock()
        with self._lock:
            if isinstance(event, HeatMapReset):
                for grid in (self._fine, self._fine_total, self._coarse, self._coarse_total):
                    grid[:] = 0
                self._flashes.clear()
                self._posts = 0
                self._by_precision.clear()
                self._countries.clear()
                self._places.clear()
                self._country_cells.clear()
                self._place_cells.clear()
                self._recent.clear()
                self._refigure()
                self._renderer.reset()
            else:
                with suppress(ValueError):  # a journal from another version: keep the view
                    view = view_for(event.preset, event.box)
                    if view != self.view:
                        self.view = view
                        self._refigure()
                self.mode = (
                    HeatMode(event.mode) if event.mode in HeatMode._value2member_map_ else self.mode
                )
                if event.half_life > 0 and event.half_life != self.half_life:
                    self._renormalise(now)  # the true density is continuous across the change
                    self.half_life = event.half_life
                self._renderer.reset()
            self._version += 1

    # -- snapshots --------------------------------------------------------------------
    def capture(self, locked: bool = True) -> Callable[[], HeatState]:
        """Copies of the grids now (the model worker), made sparse and packed later."""
        wall, now = time.time(), self._clock()
        with self._lock if locked else nullcontext():
            gain = np.float32(self._gain(now))
            grids = (self._fine / gain, self._fine_total.copy(), self._coarse / gain,
                     self._coarse_total.copy())  # fmt: skip
            rest = (self.half_life, self.view, self.mode, self._posts,
                    list(self._by_precision.items()), list(self._countries.items()),
                    list(self._places.items()), self._version)  # fmt: skip
            cells = (list(self._country_cells.items()), list(self._place_cells.items()))

        def build() -> HeatState:
            half_life, view, mode, posts, by_precision, countries, places, version = rest
            fine, fine_total, coarse, coarse_total = (SparseGrid.of(g) for g in grids)
            country_cells, place_cells = ([(k, c, n) for (k, c), n in pairs] for pairs in cells)
            return HeatState(wall, half_life, view, mode, fine, fine_total, coarse, coarse_total,
                             posts, by_precision, countries, places, version, country_cells,
                             place_cells)  # fmt: skip

        return build

    def restore(self, state: HeatState) -> None:
        """As it was, faded by the time since (as a replay of the journal would be)."""
        with self._lock:
            self.half_life = state.half_life
            fade = math.exp(-self._rate * max(0.0, time.time() - state.at))
            state.fine.into(self._fine, fade)
            state.fine_total.into(self._fine_total)
            state.coarse.into(self._coarse, fade)
            state.coarse_total.into(self._coarse_total)
            self._gain_since = self._clock()
            self.view, self.mode = state.view, state.mode
            self._posts = state.posts
            self._by_precision = Counter(dict(state.by_precision))
            self._countries = Counter(dict(state.countries))
            self._places = Counter(dict(state.places))
            self._country_cells = Counter({(k, c): n for k, c, n in state.country_cells})
            self._place_cells = Counter({(k, c): n for k, c, n in state.place_cells})
            self._recent.clear()
            self._refigure()
            self._version = state.version
            self._flashes.clear()
            self._renderer.reset()
            self._latest = None

    # -- reading ---------------------------------------------------------------------
    def latest(self) -> HeatSnapshot:
        """The latest rendering, re-rendered (on the caller's thread) when a frame is due."""
        latest = self._latest
        if latest is None or self.refresh_due():
            with self._render_lock:
                if self.refresh_due():
                    return self.snapshot()
                latest = self._latest
        assert latest is not None
        return latest

    def refresh_due(self) -> bool:
        """A new rendering is worth it: new posts, flashes fading, or a second of decay."""
        latest = self._latest
        if latest is None:
            return True
        age = self._clock() - latest.made_at
        if age < REFRESH_SECONDS:
            return False
        return latest.version != self._version or bool(latest.flashes) or age >= 1.0

    def snapshot(self) -> HeatSnapshot:
        """Render the current view as of now, and keep it as the latest snapshot."""
        now = self._clock()
        with self._lock:
            view, mode = self.view, self.mode
            cells = self._cells(view, mode)
            if mode is HeatMode.LIVE:
                cells = cells / np.float32(self._gain(now))
            else:
                cells = cells.astype(np.float32, copy=True)
            flashes = tuple(
                (*view.to_unit(*cell_centre(c, r)), now - t)
                for c, r, t in self._flashes
                if now - t < FLASH_SECONDS and view.contains(*cell_centre(c, r))
            )
            snapshot_fields = (
                self._posts,
                tuple(sorted(self._by_precision.items())),
                len(self._countries),
                tuple(self._places.most_common(5)),
                self._version,
            )
            in_view = ViewFigures(
                posts=self._view_posts,
                per_minute=self._per_minute(time.time()),
                countries=len(self._view_countries),
                top_places=tuple(self._view_places.most_common(5)),
            )
        glow = self._renderer.render(cells, glow_size(view), flashes, 1.0)
        posts, by_precision, countries, top_places, version = snapshot_fields
        snapshot = HeatSnapshot(
            glow=glow,
            view=view,
            mode=mode,
            half_life=self.half_life,
            flashes=flashes,
            posts=posts,
            by_precision=by_precision,
            countries=countries,
            top_places=top_places,
            version=version,
            made_at=now,
            in_view=in_view,
        )
        self._latest = snapshot
        return snapshot

    def _cells(self, view: MapView, mode: HeatMode) -> npt.NDArray[np.float32]:
        """The view's cells (a view, not a copy), from the fine grid when it is small."""
        fine_count = ((view.east - view.west) / CELL_DEGREES) * (
            (view.north - view.south) / CELL_DEGREES
        )
        fine = fine_count <= MAX_FINE_CELLS
        degrees = CELL_DEGREES if fine else COARSE_DEGREES
        if fine:
            grid = self._fine if mode is HeatMode.LIVE else self._fine_total
        else:
            grid = self._coarse if mode is HeatMode.LIVE else self._coarse_total
        left = max(0, math.floor((view.west + 180.0) / degrees))
        right = min(grid.shape[1], math.ceil((view.east + 180.0) / degrees))
        top = max(0, math.floor((90.0 - view.north) / degrees))
        bottom = min(grid.shape[0], math.ceil((90.0 - view.south) / degrees))
        return grid[top:bottom, left:right]

    def cell_value(self, lon: float, lat: float, *, cumulative: bool = False) -> float:
        """The true value of a fine cell now (for tests and diagnostics)."""
        column, row = cell_of(lon, lat)
        with self._lock:
            if cumulative:
                return float(self._fine_total[row, column])
            return float(self._fine[row, column]) / self._gain(self._clock())

    def total(self) -> float:
        with self._lock:
            return float(self._coarse.sum()) / self._gain(self._clock())
