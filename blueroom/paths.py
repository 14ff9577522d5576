"""Where the room's bundled files are: one place for every asset path.

The assets ship inside the package (``blueroom/assets/``), so an installed Blue Room
finds them wherever it is; ``BLUEROOM_ASSETS`` points the whole room at another folder
of the same shape (a studio's own demo, fonts or map).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ASSETS_VARIABLE = "BLUEROOM_ASSETS"
BUNDLED = Path(__file__).resolve().parent / "assets"


@dataclass(frozen=True, slots=True)
class Assets:
    """The bundled files under one root folder."""

    root: Path

    @property
    def demo_event(self) -> Path:
        return self.root / "demo" / "askblueroom.jsonl.gz"

    @property
    def demo_video(self) -> Path:
        return self.root / "demo" / "studio.mp4"

    @property
    def land_mask(self) -> Path:
        return self.root / "map" / "land_0p25.npz"

    @property
    def fonts(self) -> Path:
        return self.root / "fonts"

    @property
    def frames(self) -> Path:
        """The booth's frames and their manifest (``tools/make_frames.py`` draws them)."""
        return self.root / "frames"

    @property
    def translations(self) -> Path:
        return self.root / "i18n"

    @property
    def scripts(self) -> Path:
        """The session scripts that ship (``core/script.py`` reads them)."""
        return self.root / "scripts"


def assets(environ: os._Environ[str] | dict[str, str] = os.environ) -> Assets:
    """The assets in use: ``BLUEROOM_ASSETS`` when set, else those shipped with the package."""
    chosen = environ.get(ASSETS_VARIABLE, "").strip()
    return Assets(Path(chosen).expanduser() if chosen else BUNDLED)
