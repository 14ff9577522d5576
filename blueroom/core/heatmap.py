"""The heat-map grid: located posts accumulated on a world grid that fades over time.

Cells are half a degree (about 55 km at the equator): what the wall draws is an
aggregate, never a fan's exact position. The glow image the wall shows is rendered
here, on the model worker, so the GUI thread only hands a ready uint8 image to Qt.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from blueroom.core.events import Event, TweetReceived

CELL_DEGREES = 0.5
GRID_WIDTH = int(360 / CELL_DEGREES)
GRID_HEIGHT = int(180 / CELL_DEGREES)
FLASH_SECONDS = 1.5
GLOW_SIGMA_CELLS = 1.6
REFRESH_SECONDS = 1 / 20  # the wall composes 20 frames a second (heatmap_wall)


def cell_of(lon: float, lat: float) -> tuple[int, int]:
    """Grid (column, row) of a position; row 0 is the north edge."""
    column = min(GRID_WIDTH - 1, max(0, int((lon + 180.0) / CELL_DEGREES)))
    row = min(GRID_HEIGHT - 1, max(0, int((90.0 - lat) / CELL_DEGREES)))
    return column, row


@dataclass(frozen=True, slots=True)
class HeatSnapshot:
    density: npt.NDArray[np.float32]  # GRID_HEIGHT × GRID_WIDTH, decayed counts
    cumulative: npt.NDArray[np.float32]
    glow: npt.NDArray[np.uint8]  # north-up, one level per cell, 0 = nothing
    flashes: tuple[tuple[int, int, float], ...]  # (column, row, age in seconds)
    located: int
    exact: int
    place: int
    countries: int
    top_places: tuple[tuple[str, int], ...]
    version: int
    made_at: float


class GlowRenderer:
    """Density → smooth glow levels (uint8), with an adaptive scale and new-post flashes.

    Blurred and mapped through a log-curve lookup table at grid resolution: the wall
    scales it to the screen, so what crosses to the GUI is one byte a cell.
    """

    CURVE_STEPS = 4096
    CURVE_GAIN = 40.0

    def __init__(self) -> None:
        self._scale = 0.0
        steps = np.linspace(0.0, 1.0, self.CURVE_STEPS, dtype=np.float32)
        curve = np.log1p(steps * self.CURVE_GAIN) / math.log1p(self.CURVE_GAIN)
        self._curve = np.clip(curve * 255.0, 0, 255).astype(np.uint8)

    def render(
        self, density: npt.NDArray[np.float32], flashes: tuple[tuple[int, int, float], ...]
    ) -> npt.NDArray[np.uint8]:
        blurred = cv2.GaussianBlur(density, (0, 0), sigmaX=GLOW_SIGMA_CELLS)
        peak = float(blurred.max())
        if peak <= 0 and not flashes:
            return np.zeros(density.shape, dtype=np.uint8)
        # A slowly adapting scale: one burst does not blank the rest of the map.
        self._scale = max(peak, self._scale * 0.98, 1e-3)
        if flashes:
            spark = np.zeros_like(density)
            columns, rows, ages = np.asarray(flashes, dtype=np.float32).T
            np.maximum.at(
                spark, (rows.astype(np.intp), columns.astype(np.intp)), 1.0 - ages / FLASH_SECONDS
            )
            blurred += cv2.GaussianBlur(spark, (0, 0), sigmaX=0.9) * (self._scale * 0.6)
        blurred *= (self.CURVE_STEPS - 1) / self._scale
        np.clip(blurred, 0, self.CURVE_STEPS - 1, out=blurred)
        return self._curve[blurred.astype(np.int32)]


class HeatGrid:
    def __init__(
        self, half_life: float = 600.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if half_life <= 0:
            raise ValueError("half-life must be positive")
        self.half_life = half_life
        self._clock = clock
        self._lock = threading.Lock()
        self._density = np.zeros((GRID_HEIGHT, GRID_WIDTH), dtype=np.float32)
        self._cumulative = np.zeros((GRID_HEIGHT, GRID_WIDTH), dtype=np.float32)
        self._decayed_at = clock()
        self._flashes: deque[tuple[int, int, float]] = deque(maxlen=400)
        self._located = 0
        self._exact = 0
        self._place = 0
        self._countries: Counter[str] = Counter()
        self._places: Counter[str] = Counter()
        self._version = 0
        self._renderer = GlowRenderer()
        self._render_lock = threading.Lock()
        self._latest: HeatSnapshot | None = None

    def apply(self, events: Iterable[Event]) -> None:
        columns: list[int] = []
        rows: list[int] = []
        ages: list[float] = []
        wall_now = time.time()
        exact = place = 0
        countries: list[str] = []
        names: list[str] = []
        for event in events:
            if not isinstance(event, TweetReceived):
                continue
            tweet = event.tweet
            if tweet.coordinates is not None:
                point = tweet.coordinates
                exact += 1
            elif tweet.place is not None and tweet.place.centre is not None:
                point = tweet.place.centre
                place += 1
            else:
                continue
            if tweet.place is not None:
                if tweet.place.country_code:
                    countries.append(tweet.place.country_code.upper())
                if tweet.place.full_name and tweet.place.place_type in ("city", "poi", ""):
                    names.append(tweet.place.full_name.split(",")[0].strip())
            column, row = cell_of(point.lon, point.lat)
            columns.append(column)
            rows.append(row)
            ages.append(wall_now - event.at)
        if not columns:
            return
        # Posts replayed from the journal after a restart come back already faded.
        age = np.maximum(np.asarray(ages, dtype=np.float32), 0.0)
        weights = np.exp(age * np.float32(-math.log(2.0) / self.half_life))
        flat = np.asarray(rows, dtype=np.intp) * GRID_WIDTH + np.asarray(columns, dtype=np.intp)
        now = self._clock()
        with self._lock:
            self._decay(now)
            np.add.at(self._density.reshape(-1), flat, weights)
            np.add.at(self._cumulative.reshape(-1), flat, 1.0)
            self._located += len(columns)
            self._exact += exact
            self._place += place
            self._countries.update(countries)
            self._places.update(names)
            step = max(1, len(columns) // 100)
            for column, row, seconds in zip(
                columns[::step], rows[::step], ages[::step], strict=True
            ):
                if seconds < FLASH_SECONDS:
                    self._flashes.append((column, row, now))
            self._version += 1

    def _decay(self, now: float) -> None:
        elapsed = now - self._decayed_at
        if elapsed < 0.25:
            return
        self._density *= np.float32(math.exp(-math.log(2.0) * elapsed / self.half_life))
        self._decayed_at = now

    def reset(self) -> None:
        with self._lock:
            self._density[:] = 0
            self._cumulative[:] = 0
            self._flashes.clear()
            self._located = self._exact = self._place = 0
            self._countries.clear()
            self._places.clear()
            self._version += 1

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
        """Decay to now, render the glow, and keep it as the latest snapshot."""
        now = self._clock()
        with self._lock:
            self._decay(now)
            flashes = tuple((c, r, now - t) for c, r, t in self._flashes if now - t < FLASH_SECONDS)
            density = self._density.copy()
            cumulative = self._cumulative.copy()
            located, exact, place = self._located, self._exact, self._place
            countries = len(self._countries)
            top_places = tuple(self._places.most_common(5))
            version = self._version
        snapshot = HeatSnapshot(
            density=density,
            cumulative=cumulative,
            glow=self._renderer.render(density, flashes),
            flashes=flashes,
            located=located,
            exact=exact,
            place=place,
            countries=countries,
            top_places=top_places,
            version=version,
            made_at=now,
        )
        self._latest = snapshot
        return snapshot
