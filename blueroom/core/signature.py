"""A signature as vectors, and its smooth outline at any resolution.

Points are kept as they came (x, y in 0..1 of the photo, the time in seconds, the
pressure or None when the device does not report it). The outline is drawn through
them, never as straight chords: a centripetal Catmull-Rom curve (it passes through
every point, and neither overshoots nor loops on uneven spacing), sampled finely
enough for the output's resolution. Its width comes from the pressure where the device
reports it, else from a low-passed speed (a fast line is thinner, as ink is). A single
tap, or a stroke that never moved, is a dot.

``outline`` gives polygons in pixels for a photo of any size (the screen's, or the
original's at full resolution); ``to_svg`` the same as SVG text, with the raw points
kept in it, so a signature can be drawn again at any size; ``to_json`` / ``from_json``
the raw points alone, kept beside the photo so the final picture draws the signature
again, last, over its frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from xml.sax.saxutils import escape

import msgspec
import numpy as np
import numpy.typing as npt

Polygon = list[tuple[float, float]]

WIDTHS = (0.006, 0.014)  # thin and thick: a share of the photo's shorter side
SPEED_SMOOTHING = 0.35  # the low-pass on the speed: the weight of the newest segment
DOT_MOVE = 0.002  # a stroke moving less than this (of the shorter side) is a dot
MAX_SAMPLE_PX = 1.5  # the outline's points are at most this far apart
DISC_SIDES = 20


class Point(msgspec.Struct, frozen=True, array_like=True):
    x: float  # 0..1 of the photo's width
    y: float  # 0..1 of its height
    t: float  # seconds
    pressure: float | None = None  # 0..1, only where the device reports it


class Stroke(msgspec.Struct, frozen=True):
    points: tuple[Point, ...]
    color: str  # "#rrggbb"
    width: float  # a share of the photo's shorter side


class Signature(msgspec.Struct, frozen=True):
    strokes: tuple[Stroke, ...] = ()


def _pixels(stroke: Stroke, width: int, height: int) -> list[tuple[float, float]]:
    return [(p.x * width, p.y * height) for p in stroke.points]


def is_dot(stroke: Stroke, width: int, height: int) -> bool:
    side = min(width, height)
    first = stroke.points[0]
    return all(
        math.hypot((p.x - first.x) * width, (p.y - first.y) * height) <= DOT_MOVE * side
        for p in stroke.points
    )


def width_factors(stroke: Stroke, width: int, height: int) -> list[float]:
    """How thick the line is at each point, as a share of the stroke's width."""
    points = stroke.points
    if all(p.pressure is not None for p in points):
        return [0.35 + 1.1 * min(1.0, max(0.0, p.pressure or 0.0)) for p in points]
    side = float(min(width, height))
    factors, speed = [], 0.0
    for i, point in enumerate(points):
        if i:
            before = points[i - 1]
            moved = math.hypot((point.x - before.x) * width, (point.y - before.y) * height) / side
            seconds = max(point.t - before.t, 1e-3)
            speed += SPEED_SMOOTHING * (moved / seconds - speed)
        factors.append(min(1.2, max(0.5, 1.2 / (1.0 + 0.6 * speed))))
    return factors


def _lerp(
    t: float, a: tuple[float, float], b: tuple[float, float], ta: float, tb: float
) -> tuple[float, float]:
    wa, wb = (tb - t) / (tb - ta), (t - ta) / (tb - ta)
    return (a[0] * wa + b[0] * wb, a[1] * wa + b[1] * wb)


def _catmull_rom(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
    steps: int,
) -> list[tuple[float, float]]:
    """The centripetal Catmull-Rom segment from ``p1`` to ``p2`` (``p1`` included)."""

    def knot(a: tuple[float, float], b: tuple[float, float]) -> float:
        return max(math.sqrt(math.hypot(b[0] - a[0], b[1] - a[1])), 1e-6)

    t1 = knot(p0, p1)
    t2 = t1 + knot(p1, p2)
    t3 = t2 + knot(p2, p3)
    out = []
    for k in range(steps):
        t = t1 + (t2 - t1) * k / steps
        a1 = _lerp(t, p0, p1, 0.0, t1)
        a2 = _lerp(t, p1, p2, t1, t2)
        a3 = _lerp(t, p2, p3, t2, t3)
        b1 = _lerp(t, a1, a2, 0.0, t2)
        b2 = _lerp(t, a2, a3, t1, t3)
        out.append(_lerp(t, b1, b2, t1, t2))
    return out


def _beyond(
    end: tuple[float, float], near: tuple[float, float], far: tuple[float, float] | None
) -> tuple[float, float]:
    """A point before the stroke's end, where its curve was heading (a parabola through
    its three last points; a line with two): the end segment keeps its bend."""
    if far is None:
        return (2 * end[0] - near[0], 2 * end[1] - near[1])
    return (3 * end[0] - 3 * near[0] + far[0], 3 * end[1] - 3 * near[1] + far[1])


def centre_line(stroke: Stroke, width: int, height: int) -> list[tuple[float, float, float]]:
    """The curve through the stroke's points, in pixels, sampled at most
    ``MAX_SAMPLE_PX`` apart, with the line's width (pixels) at each sample."""
    pts = _pixels(stroke, width, height)
    base = stroke.width * min(width, height)
    factors = width_factors(stroke, width, height)
    if len(pts) == 1:
        return [(pts[0][0], pts[0][1], base * factors[0])]
    padded = [_beyond(pts[0], pts[1], pts[2] if len(pts) > 2 else None), *pts]
    padded.append(_beyond(pts[-1], pts[-2], pts[-3] if len(pts) > 2 else None))
    samples: list[tuple[float, float, float]] = []
    for i in range(len(pts) - 1):
        p1, p2 = pts[i], pts[i + 1]
        if p1 == p2:
            continue
        chord = math.hypot(p2[0] - p1[0], p2[1] - p1[1])
        steps = max(1, math.ceil(chord * 1.6 / MAX_SAMPLE_PX))  # a curve is longer than its chord
        curve = _catmull_rom(padded[i], p1, p2, padded[i + 3], steps)
        for k, (x, y) in enumerate(curve):
            f = factors[i] + (factors[i + 1] - factors[i]) * k / steps
            samples.append((x, y, base * f))
    samples.append((pts[-1][0], pts[-1][1], base * factors[-1]))
    return samples


def _disc(x: float, y: float, r: float) -> Polygon:
    return [
        (
            x + r * math.cos(2 * math.pi * k / DISC_SIDES),
            y + r * math.sin(2 * math.pi * k / DISC_SIDES),
        )
        for k in range(DISC_SIDES)
    ]


def outline(stroke: Stroke, width: int, height: int) -> list[Polygon]:
    """The stroke's filled shape for a ``width`` × ``height`` photo: a ribbon along the
    curve (filled nonzero) and round ends and joins; a dot is one disc."""
    if is_dot(stroke, width, height):
        p = stroke.points[0]
        base = stroke.width * min(width, height) * 0.75
        return [_disc(p.x * width, p.y * height, base)]
    line = centre_line(stroke, width, height)
    left: Polygon = []
    right: Polygon = []
    for i, (x, y, w) in enumerate(line):
        ax, ay, _ = line[max(0, i - 1)]
        bx, by, _ = line[min(len(line) - 1, i + 1)]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm * w / 2, dx / norm * w / 2
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    polygons = [_oriented(left + right[::-1])]
    samples = np.asarray(line, dtype=np.float64)
    for x, y in _pixels(stroke, width, height):  # round joins where the curve turns most
        polygons.append(_disc(x, y, _width_near(samples, x, y) / 2))
    return polygons


def _oriented(polygon: Polygon) -> Polygon:
    """``polygon`` turning the way the discs do: overlapping shapes filled nonzero add
    up instead of cancelling into holes."""
    area = sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True)
    )
    return polygon if area >= 0 else polygon[::-1]


def _width_near(samples: npt.NDArray[np.float64], x: float, y: float) -> float:
    """The line's width at its sample nearest (``x``, ``y``): the first of the nearest,
    as ``min`` would pick (every sample at once: a 4K signature has thousands)."""
    nearest = np.argmin((samples[:, 0] - x) ** 2 + (samples[:, 1] - y) ** 2)
    return float(samples[nearest, 2])


def outlines(signature: Signature, width: int, height: int) -> list[tuple[str, list[Polygon]]]:
    """Every stroke's colour and polygons, in the order drawn."""
    return [(s.color, outline(s, width, height)) for s in signature.strokes]


def _path_data(polygons: Iterable[Polygon]) -> str:
    parts = []
    for polygon in polygons:
        head, *rest = polygon
        parts.append(
            f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f"L{x:.1f},{y:.1f}" for x, y in rest) + "Z"
        )
    return "".join(parts)


def to_svg(signature: Signature, width: int, height: int) -> str:
    """The signature as an SVG the photo's size; the raw points kept in ``<metadata>``."""
    paths = "\n".join(
        f'  <path fill="{escape(color)}" fill-rule="nonzero" d="{_path_data(polygons)}"/>'
        for color, polygons in outlines(signature, width, height)
    )
    raw = escape(msgspec.json.encode(signature).decode())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}">\n'
        f"  <metadata>{raw}</metadata>\n{paths}\n</svg>\n"
    )


def to_json(signature: Signature) -> bytes:
    """The signature's vectors as JSON (kept beside the photo, read back by ``from_json``)."""
    return msgspec.json.encode(signature)


def from_json(data: bytes) -> Signature:
    """The vectors ``to_json`` wrote (raises ``ValueError`` when they are not readable)."""
    try:
        return msgspec.json.decode(data, type=Signature)
    except msgspec.DecodeError as error:  # ValidationError is a DecodeError
        raise ValueError(f"unreadable signature: {error}") from error
