"""The heat map's composer writes again only the tiles the glow lights, now or in the
buffer's last frame: each frame it makes into a reused buffer is the frame it would make
from nothing (to a level of rounding), names over the map included, never laid twice."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from blueroom.core.heatmap import PRESETS, glow_size
from blueroom.paths import assets
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.walls.heat_basemap import MapData
from blueroom.ui.walls.heatmap_wall import HeatFrameComposer, Target


def glows(view_name: str, count: int, seed: int) -> list[np.ndarray]:
    """Blobs of glow that wander, appear and fade, and a frame with none at all."""
    width, height = glow_size(PRESETS[view_name])
    random = np.random.default_rng(seed)
    spots = random.uniform((0, 0), (width, height), size=(6, 2))
    frames = []
    for step in range(count):
        density = np.zeros((height, width), np.float32)
        if step != count // 2:  # one frame with no glow: every lit tile goes dark
            spots += random.normal(0, width / 40, size=spots.shape)
            for sx, sy in spots[: 2 + step % 5]:
                cx, cy = int(sx) % width, int(sy) % height
                density[cy, cx] = 255 * 40
        glow = cv2.GaussianBlur(density, (0, 0), sigmaX=3.0)
        frames.append(np.clip(glow, 0, 255).astype(np.uint8))
    return frames


@pytest.mark.parametrize("view_name", ["world", "france"])
def test_frames_made_tile_by_tile_into_reused_buffers_equal_frames_made_whole(
    qapp: object, view_name: str
) -> None:
    register_bundled_fonts()
    view, target = PRESETS[view_name], Target(1920, 1080)
    data = MapData(assets().land_mask)
    reused, fresh = HeatFrameComposer(data), HeatFrameComposer(data)
    buffers: list[np.ndarray | None] = [None, None, None]
    if view_name == "france":
        assert reused.labels(target, view), "a regional view names its cities"
    for step, glow in enumerate(glows(view_name, 14, seed=7)):
        slot = step % 3
        made = reused.compose(glow, target, view, buffers[slot], margins=buffers[slot] is not None)
        buffers[slot] = made
        whole = fresh.compose(glow, target, view)
        difference = cv2.absdiff(made, whole)
        # a tile is scaled by warpAffine (a 1/32-pixel table), the whole by resize: a few
        # levels apart where the glow is steepest, on a pixel here and there
        assert int(difference.max()) <= 4, (step, int(difference.max()))
        off = int(np.count_nonzero(difference.max(axis=2) > 1))
        assert off < made.shape[0] * made.shape[1] // 10_000, (step, off)  # under 0.01 %


def test_a_dark_map_writes_no_tile_and_a_spot_only_its_neighbours() -> None:
    from blueroom.ui.walls.heatmap_wall import GLOW_TILE, GlowTiles

    tiles = GlowTiles(100, 200, 500, 1000)
    assert not tiles.glowing(np.zeros((100, 200), np.uint8)).any()
    glow = np.zeros((100, 200), np.uint8)
    glow[40, 70] = 9  # in the tile (2, 4)
    lit = tiles.glowing(glow)
    assert lit.sum() == 9 and lit[1:4, 3:6].all(), "the tile and the eight around it"
    top, bottom, left, right = tiles.pixels(2, 4)
    assert (top, left) == (2 * GLOW_TILE * 5, 4 * GLOW_TILE * 5)
    assert bottom - top == right - left == GLOW_TILE * 5
