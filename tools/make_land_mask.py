"""Make the heat-map wall's land mask from the `global-land-mask` package (1 km data).

The package takes ~5 s and ~1 GB to load, so the wall ships a small derived mask:
land fraction per cell of 0.25°, quantised to uint8 (0-255), as a compressed .npz.

    python tools/make_land_mask.py [--out blueroom/assets/map/land_0p25.npz] [--cell 0.25]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from global_land_mask import globe  # type: ignore[import-untyped]

SUBSAMPLES = 4  # per cell side: land fraction from 16 samples


def land_fraction(cell: float) -> np.ndarray:
    width, height = round(360 / cell), round(180 / cell)
    step = cell / SUBSAMPLES
    lons = -180.0 + step / 2 + step * np.arange(width * SUBSAMPLES)
    lats = 90.0 - step / 2 - step * np.arange(height * SUBSAMPLES)
    total = np.zeros((height, width), dtype=np.float32)
    for row_block in np.array_split(np.arange(height * SUBSAMPLES), 16):
        lon_grid, lat_grid = np.meshgrid(lons, lats[row_block])
        land = globe.is_land(lat_grid, lon_grid).astype(np.float32)
        rows = row_block // SUBSAMPLES
        land = land.reshape(len(row_block), width, SUBSAMPLES).sum(axis=2)
        np.add.at(total, rows, land)
    return total / (SUBSAMPLES * SUBSAMPLES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("blueroom/assets/map/land_0p25.npz"))
    parser.add_argument("--cell", type=float, default=0.25)
    args = parser.parse_args()
    fraction = land_fraction(args.cell)
    quantised = np.round(fraction * 255).astype(np.uint8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, land=quantised, cell=np.float32(args.cell))
    print(
        f"{args.out}: {quantised.shape[1]}×{quantised.shape[0]}, land {fraction.mean():.1%},"
        f" {args.out.stat().st_size / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
