"""The heat-map wall on a high-density screen (device pixel ratio 2, as a 4K wall at 200 %):
composed at full device resolution, the hot spot where the city is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from blueroom.paths import assets

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from pathlib import Path

from blueroom.paths import assets
from PySide6.QtWidgets import QApplication
from blueroom.core.events import TweetReceived
from blueroom.core.heatmap import HeatGrid
from blueroom.core.metrics import IngestMetrics
from blueroom.core.tweet import GeoPoint, Tweet
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.walls.heatmap_wall import HeatmapWall

app = QApplication([])
register_bundled_fonts()
grid = HeatGrid(half_life=600.0)
grid.apply([TweetReceived(tweet=Tweet(id=str(n), text="x", coordinates=GeoPoint(2.35, 48.85)))
            for n in range(30)])
wall = HeatmapWall(grid, IngestMetrics(), hashtag="#AskBlueRoom", land_mask=Path(sys.argv[1]))
wall.resize(960, 540)
wall.show()
app.processEvents()
wall.refresh()
image = wall.grab().toImage()
ratio = image.devicePixelRatio()
paris = wall.to_widget(2.35, 48.85)
best = max(
    (image.pixelColor(round(paris.x() * ratio) + dx, round(paris.y() * ratio) + dy).lightness(),
     dx, dy)
    for dx in range(-16, 17, 2) for dy in range(-16, 17, 2)
)
ocean = image.pixelColor(round(wall.to_widget(-40.0, 45.0).x() * ratio),
                         round(wall.to_widget(-40.0, 45.0).y() * ratio)).lightness()
frame = wall._frame.shape  # noqa: SLF001
print(json.dumps({"ratio": ratio, "size": [image.width(), image.height()], "frame": list(frame),
                  "best": best, "ocean": ocean}))
"""


def test_the_heat_map_is_composed_at_device_resolution_on_a_dense_screen() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(assets().land_mask)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"},
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 2.0
    assert found["size"] == [1920, 1080] and found["frame"][:2] == [1080, 1920]
    light, dx, dy = found["best"]
    assert light > found["ocean"] + 100
    assert abs(dx) <= 12 and abs(dy) <= 12, "the hot spot is on Paris, in device pixels"
