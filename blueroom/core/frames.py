"""The booth's frames: transparent PNGs drawn by ``tools/make_frames.py`` into
``assets/frames/``, with a manifest (``frames.json``) saying where the app draws the
event's hashtag, the guest's name and the caption on each.

Each frame is drawn at two reference sizes, 16:9 (3840×2160) and 3:2 (3600×2400); the
app takes the one whose shape is nearest the photo's and scales it to the photo's full
resolution. Boxes are fractions of the photo's width and height, so the texts are laid
out at any resolution. ``swatch`` is a point where the frame is solid (no text there):
its colour, for a thumbnail's background and for tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import msgspec

MANIFEST = "frames.json"
Align = Literal["left", "center", "right"]


class TextBox(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where a text goes: x, y, width, height as fractions of the photo's size."""

    x: float
    y: float
    w: float
    h: float
    color: str = "#ffffff"
    align: Align = "center"
    weight: int = 700  # a QFont weight (100..900)
    shadow: bool = False  # a soft dark shadow: the text sits on the photo itself


class Swatch(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    x: float
    y: float
    color: str


class FrameSpec(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    title: str  # in English; the guest's screen translates it
    files: dict[str, str]  # "16x9" / "3x2" → a PNG's file name beside the manifest
    hashtag: TextBox
    guest: TextBox
    caption: TextBox
    swatch: Swatch


class FrameSet(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    frames: tuple[FrameSpec, ...]


RATIOS = {"16x9": 16 / 9, "3x2": 3 / 2}


def load_frames(folder: Path) -> tuple[FrameSpec, ...]:
    """The frames of ``folder``'s manifest (none when there is no manifest)."""
    path = folder / MANIFEST
    if not path.exists():
        return ()
    return msgspec.json.decode(path.read_bytes(), type=FrameSet).frames


def frame_file(spec: FrameSpec, folder: Path, width: int, height: int) -> Path:
    """The PNG whose shape is nearest a ``width``×``height`` photo's."""
    ratio = width / max(1, height)
    key = min(spec.files, key=lambda k: abs(RATIOS.get(k, 1.0) - ratio))
    return folder / spec.files[key]
