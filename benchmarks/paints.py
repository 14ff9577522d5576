"""What a paint of each window costs on the GUI thread, at 1080p, with the room running.

The app as it runs (engine process, replay at 10×, demo camera, the frame clock), five
windows at 1920×1080. Prints, per window, a full repaint (everything, as after a
resize or a new step) and the paints the room asks for by itself while it runs (a new
camera frame, a new heat image, a new figure...), each as p50 / p99 in ms.

    python benchmarks/paints.py [--seconds 8]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from studio_run import percentile, running_studio  # noqa: E402

FULL_REPAINTS = 30
WARMUP_MS = 3000


class TimedApplication(QApplication):
    """Times each window's updates (its paint and the copy to the screen)."""

    def __init__(self) -> None:
        super().__init__([])
        self.names: dict[int, str] = {}
        self.times: dict[str, list[float]] = {}

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        name = self.names.get(id(receiver)) if event.type() == QEvent.Type.UpdateRequest else None
        if name is None:
            return super().notify(receiver, event)
        started = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self.times.setdefault(name, []).append((time.perf_counter() - started) * 1000.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        running_studio(Path(folder), speed=10.0, application=TimedApplication) as (
            _engine,
            app,
            studio,
        ),
    ):
        assert isinstance(app, TimedApplication)
        full: dict[str, list[float]] = {}
        running: dict[str, list[float]] = {}

        def start_timing() -> None:  # after the first paints (fonts, caches) are done
            app.names = {id(window): name for name, window in studio.windows.items()}

        def finish() -> None:
            running.update(app.times)
            app.names = {}
            for name, window in studio.windows.items():
                for _ in range(FULL_REPAINTS):
                    started = time.perf_counter()
                    window.repaint()
                    full.setdefault(name, []).append((time.perf_counter() - started) * 1000.0)
            app.quit()

        QTimer.singleShot(WARMUP_MS, start_timing)
        QTimer.singleShot(WARMUP_MS + int(args.seconds * 1000), finish)
        app.exec()

    print(f"paints at 1080p, room at 10× (p50 / p99 ms; {args.seconds:g} s running):")
    for name in full:
        live = running.get(name, [])
        print(
            f"{name}: full repaint {percentile(full[name], 0.5):.2f} / "
            f"{percentile(full[name], 0.99):.2f} ms; while running"
            f" {len(live) / args.seconds:.1f} updates a second,"
            f" {percentile(live, 0.5):.2f} / {percentile(live, 0.99):.2f} ms"
        )


if __name__ == "__main__":
    main()
