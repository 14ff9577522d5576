"""The heat map's own figures: located posts per second through geocoding and the grid,
the cost of one frame (a frame's worth of posts added, then the view rendered), and the
wall's: its map drawn for a view (once per view and screen size) and a 1080p frame
composed (every glow, on the composer's thread).

Posts of the demo event (parsed beforehand), looped with fresh ids, go through the heat
grid in batches as on the engine's model thread, with the offline geocoder reading
profile locations. Targets: ≥ 100,000 located posts/s; ≤ 4 ms per frame.

    python benchmarks/heatmap.py [--posts 200000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from demo_posts import demo_posts, looped  # noqa: E402

from blueroom.core.events import HeatMapChanged  # noqa: E402
from blueroom.core.geocode import Geocoder  # noqa: E402
from blueroom.core.heatmap import PRESETS, HeatGrid, Precision  # noqa: E402

BATCH = 1_000
FRAME_POSTS = 20_000 // 60  # a frame's worth of posts at 20,000 posts/s and 60 Hz


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200_000)
    args = parser.parse_args()
    started = time.perf_counter()
    geocoder = Geocoder(prefer=("FR",))
    print(f"heat map: offline geocoder built in {time.perf_counter() - started:.2f} s")
    events = looped(demo_posts(), args.posts)

    grid = HeatGrid(half_life=600.0, locator=geocoder)
    started = time.perf_counter()
    for start in range(0, len(events), BATCH):
        grid.apply(events[start : start + BATCH])
    elapsed = time.perf_counter() - started
    snapshot = grid.snapshot()
    located = snapshot.located
    print(
        f"heat map: geocoding + grid: {located / elapsed:,.0f} located posts/s"
        f" ({len(events) / elapsed:,.0f} posts/s, {located / len(events):.0%} located)"
    )
    shares = "  ".join(
        f"{precision.value} {snapshot.count(precision) / snapshot.posts:.1%}"
        for precision in Precision
    )
    print(f"heat map: located by {shares}  not located {1 - located / snapshot.posts:.1%}")

    frame = events[:FRAME_POSTS]
    for name in PRESETS:
        grid.apply([HeatMapChanged(preset=name)])
        grid.snapshot()
        timings = []
        for _ in range(40):
            begun = time.perf_counter()
            grid.apply(frame)
            grid.snapshot()
            timings.append((time.perf_counter() - begun) * 1000.0)
        timings.sort()
        print(
            f"heat map: one frame ({FRAME_POSTS} posts added + the {name} view rendered):"
            f" p50 {timings[len(timings) // 2]:.2f} ms, p99 {timings[-1]:.2f} ms"
        )
    wall_frames(grid)


def wall_frames(grid: HeatGrid) -> None:
    """The wall's side: each view's map drawn once, then 1080p frames composed."""
    from PySide6.QtWidgets import QApplication

    from blueroom.paths import assets
    from blueroom.ui.fonts import register_bundled_fonts
    from blueroom.ui.walls.heat_basemap import MapData
    from blueroom.ui.walls.heatmap_wall import HeatFrameComposer, Target

    _app = QApplication.instance() or QApplication([])
    register_bundled_fonts()
    composer = HeatFrameComposer(MapData(assets().land_mask))
    target = Target(1920, 1080)
    for name in PRESETS:
        grid.apply([HeatMapChanged(preset=name)])
        glow = grid.snapshot().glow
        begun = time.perf_counter()
        composer.compose(glow, target, PRESETS[name])
        drawn = (time.perf_counter() - begun) * 1000.0
        timings = []
        for _ in range(60):
            begun = time.perf_counter()
            composer.compose(glow, target, PRESETS[name])
            timings.append((time.perf_counter() - begun) * 1000.0)
        timings.sort()
        print(
            f"heat-map wall: {name} map drawn in {drawn:.0f} ms; a 1080p frame composed:"
            f" p50 {timings[len(timings) // 2]:.2f} ms, p99 {timings[-1]:.2f} ms"
        )


if __name__ == "__main__":
    main()
