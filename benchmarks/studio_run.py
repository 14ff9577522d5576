"""The room as it runs, for the benchmarks that need its screens: the engine process on a
recording, the five windows at 1080p, the demo camera; and percentiles.

Imported by the benchmarks (running it alone does nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from blueroom.app import Studio
from blueroom.engine.client import EngineClient
from blueroom.engine.room import RoomOptions
from blueroom.settings import load_settings
from blueroom.ui.fonts import register_bundled_fonts

WINDOW_SIZE = (1920, 1080)


@contextmanager
def running_studio(
    folder: Path,
    *,
    speed: float | None,
    replay_file: Path | None = None,
    skip_minutes: float = 0.0,
    application: Callable[[], QApplication] = lambda: QApplication([]),
    environ: dict[str, str] | None = None,
) -> Iterator[tuple[EngineClient, QApplication, Studio]]:
    """A started engine (journal in ``folder``), the Qt application and the started
    studio, its windows shown at 1080p; all stopped on the way out. ``environ``: settings
    as ``BLUEROOM_…`` variables (the camera, the booth's timings)."""
    settings = load_settings(environ=environ or {})
    engine = EngineClient(
        settings,
        RoomOptions(
            replay_file=replay_file,
            speed=speed,
            loop=True,
            skip_minutes=skip_minutes,
            journal_path=folder / "bench.sqlite",
        ),
    )
    engine.start()
    try:
        app = application()
        register_bundled_fonts()
        studio = Studio(settings, engine, session_label="benchmark")
        for window in studio.windows.values():
            window.resize(*WINDOW_SIZE)
            window.show()
        studio.start()
        try:
            yield engine, app, studio
        finally:
            studio.stop()
    finally:
        engine.stop()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0
