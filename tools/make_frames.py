"""Draws the booth's frames into ``blueroom/assets/frames/``: transparent PNGs at a 16:9
(3840×2160) and a 3:2 (3600×2400) reference size, and ``frames.json`` (where the app
draws the hashtag, the guest's name and the caption; see ``blueroom/core/frames.py``).

    QT_QPA_PLATFORM=offscreen python tools/make_frames.py [folder]

The frames carry no words: the app draws the texts at compose time, in the guest's
language and at the photo's full resolution.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402

from blueroom.core.frames import MANIFEST, FrameSet, FrameSpec, Swatch, TextBox  # noqa: E402

SIZES = {"16x9": (3840, 2160), "3x2": (3600, 2400)}
NAVY = "#0b1533"
BLUE = "#2f6bff"
RED = "#ff3b57"
WHITE = "#ffffff"
INK = "#1a1f36"

Painter = Callable[[QPainter, float, float], None]


def _rect(p: QPainter, w: float, h: float, box: tuple[float, float, float, float], color: str,
          radius: float = 0.0) -> None:  # fmt: skip
    x, y, bw, bh = box
    rect = QRectF(x * w, y * h, bw * w, bh * h)
    if radius:
        path = QPainterPath()
        path.addRoundedRect(rect, radius * min(w, h), radius * min(w, h))
        p.fillPath(path, QColor(color))
    else:
        p.fillRect(rect, QColor(color))


def studio(p: QPainter, w: float, h: float) -> None:
    """A thin blue border and a navy band along the bottom with a blue rule on it."""
    t = 0.012 * min(w, h) / w, 0.012 * min(w, h) / h  # the border, as thick both ways
    for box in ((0, 0, 1, t[1]), (0, 0, t[0], 1), (1 - t[0], 0, t[0], 1)):
        _rect(p, w, h, box, BLUE)
    _rect(p, w, h, (0, 0.86, 1, 0.14), NAVY)
    _rect(p, w, h, (0, 0.86, 1, 0.006), BLUE)


def polaroid(p: QPainter, w: float, h: float) -> None:
    """A white border, thick at the bottom, and a hairline round the window."""
    side = 0.035 * min(w, h)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    path.addRect(QRectF(0, 0, w, h))
    path.addRect(QRectF(side, side, w - 2 * side, h * 0.80 - side))
    p.fillPath(path, QColor(WHITE))


def broadcast(p: QPainter, w: float, h: float) -> None:
    """A lower-third strap (a red tab, a blue strap, a navy line under it) and a navy bug
    at the top right for the hashtag."""
    _rect(p, w, h, (0.05, 0.74, 0.012, 0.13), RED)
    _rect(p, w, h, (0.062, 0.74, 0.58, 0.085), BLUE)
    _rect(p, w, h, (0.062, 0.825, 0.58, 0.045), NAVY)
    _rect(p, w, h, (0.70, 0.05, 0.26, 0.08), NAVY + "e6", radius=0.015)


def frames() -> list[tuple[FrameSpec, Painter]]:
    def files(name: str) -> dict[str, str]:
        return {key: f"{name}-{key}.png" for key in SIZES}

    return [
        (
            FrameSpec(
                "studio",
                "Studio",
                files("studio"),
                hashtag=TextBox(0.03, 0.88, 0.45, 0.10, WHITE, "left", 800),
                guest=TextBox(0.52, 0.88, 0.45, 0.10, "#9fc2ff", "right", 600),
                caption=TextBox(0.05, 0.72, 0.90, 0.11, WHITE, "center", 700, shadow=True),
                swatch=Swatch(0.5, 0.995, NAVY),
            ),
            studio,
        ),
        (
            FrameSpec(
                "polaroid",
                "Polaroid",
                files("polaroid"),
                hashtag=TextBox(0.04, 0.91, 0.44, 0.07, "#5d6a9e", "left", 700),
                guest=TextBox(0.52, 0.91, 0.44, 0.07, "#5d6a9e", "right", 600),
                caption=TextBox(0.04, 0.815, 0.92, 0.09, INK, "center", 700),
                swatch=Swatch(0.5, 0.99, WHITE),
            ),
            polaroid,
        ),
        (
            FrameSpec(
                "broadcast",
                "Broadcast",
                files("broadcast"),
                hashtag=TextBox(0.71, 0.06, 0.24, 0.06, WHITE, "center", 800),
                guest=TextBox(0.08, 0.75, 0.55, 0.065, WHITE, "left", 800),
                caption=TextBox(0.08, 0.828, 0.55, 0.039, "#d6e2ff", "left", 600),
                swatch=Swatch(0.056, 0.86, RED),
            ),
            broadcast,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "blueroom/assets/frames")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    specs = []
    for spec, paint in frames():
        for key, (w, h) in SIZES.items():
            image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint(painter, float(w), float(h))
            painter.end()
            path = folder / spec.files[key]
            if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
                raise SystemExit(f"{path}: could not be written")
            print(f"{path} {w}×{h} {path.stat().st_size // 1024} KB")
        specs.append(spec)
    manifest = msgspec.json.format(msgspec.json.encode(FrameSet(tuple(specs))), indent=2)
    (folder / MANIFEST).write_bytes(manifest + b"\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
