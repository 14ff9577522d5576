"""Signatures as vectors: curves through the points (no chords on a fast stroke), width
from speed or real pressure, a tap is a dot, SVG at any resolution."""

from __future__ import annotations

import itertools
import math

import msgspec

from blueroom.core.signature import (
    Point,
    Signature,
    Stroke,
    centre_line,
    is_dot,
    outline,
    to_svg,
    width_factors,
)

SIZE = 1000
CENTRE, RADIUS = (500.0, 500.0), 300.0


def arc_stroke(step_rad: float, seconds_per_point: float = 0.008) -> Stroke:
    """A finger moving fast along a circle: a touch point every ``step_rad``."""
    points = []
    for i in range(int(math.pi * 1.5 / step_rad) + 1):
        a = i * step_rad
        x, y = CENTRE[0] + RADIUS * math.cos(a), CENTRE[1] + RADIUS * math.sin(a)
        points.append(Point(x / SIZE, y / SIZE, i * seconds_per_point))
    return Stroke(tuple(points), "#ffffff", 0.01)


def test_a_fast_stroke_stays_on_the_fingers_path_not_on_chords() -> None:
    stroke = arc_stroke(0.5)  # 150 px between touch points: a chord would be 9 px off
    chord_mid = (
        (stroke.points[0].x + stroke.points[1].x) / 2 * SIZE,
        (stroke.points[0].y + stroke.points[1].y) / 2 * SIZE,
    )
    assert RADIUS - math.dist(chord_mid, CENTRE) > 9.0
    line = centre_line(stroke, SIZE, SIZE)
    off_path = max(abs(math.dist((x, y), CENTRE) - RADIUS) for x, y, _ in line)
    assert off_path < 2.0
    longest = max(math.dist(a[:2], b[:2]) for a, b in itertools.pairwise(line))
    assert longest <= 2.0  # no segment longer than two pixels


def test_width_follows_speed_without_pressure_and_pressure_where_reported() -> None:
    slow = width_factors(arc_stroke(0.05, seconds_per_point=0.05), SIZE, SIZE)
    fast = width_factors(arc_stroke(0.05, seconds_per_point=0.002), SIZE, SIZE)
    assert fast[-1] < slow[-1]
    pressed = Stroke((Point(0.1, 0.1, 0.0, 0.1), Point(0.5, 0.5, 0.1, 1.0)), "#000000", 0.01)
    light, heavy = width_factors(pressed, SIZE, SIZE)
    assert heavy > 2 * light


def test_a_tap_is_a_dot() -> None:
    tap = Stroke((Point(0.25, 0.75, 0.0),), "#ff3b5c", 0.014)
    assert is_dot(tap, SIZE, SIZE)
    (disc,) = outline(tap, SIZE, SIZE)
    xs, ys = [x for x, _ in disc], [y for _, y in disc]
    assert abs((min(xs) + max(xs)) / 2 - 250) < 0.5 and abs((min(ys) + max(ys)) / 2 - 750) < 0.5
    assert max(xs) - min(xs) > 10  # visible: 0.75 of the 14 px line, both sides


def test_the_svg_is_the_photos_size_and_keeps_the_raw_points() -> None:
    signature = Signature((arc_stroke(0.3), Stroke((Point(0.5, 0.5, 0.0),), "#2f6bff", 0.006)))
    svg = to_svg(signature, 4000, 3000)
    assert 'viewBox="0 0 4000 3000"' in svg and svg.count("<path") == 2
    raw = svg.split("<metadata>")[1].split("</metadata>")[0]
    assert msgspec.json.decode(raw.replace("&quot;", '"'), type=Signature) == signature
