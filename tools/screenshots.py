"""Screenshots of the five windows for the README, with a scripted operator.

Starts the real app (engine process, windows, demo camera) on the embedded demo event,
lets it run, then does what an operator would: approves a few questions, puts one on
air, moves the session to the questions step; and saves a PNG of every window.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py docs/screenshots
    (or with QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueroom.app import Studio, grab_windows  # noqa: E402
from blueroom.engine.client import EngineClient  # noqa: E402
from blueroom.engine.room import RoomOptions  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.settings import load_settings  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.i18n import install_translations  # noqa: E402

SIZES = {
    "operator_console": (1920, 1080),
    "questions_wall": (1920, 1080),
    "video_wall": (1920, 1080),
    "heatmap_wall": (1920, 1080),
    "guest_panel": (1600, 1000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--speed", type=float, default=60.0)
    parser.add_argument("--language", default="en", help="en or fr: the room's language")
    args = parser.parse_args()
    settings = load_settings(environ={})
    with tempfile.TemporaryDirectory() as scratch:
        engine = EngineClient(
            settings,
            RoomOptions(
                replay_file=assets().demo_event,
                speed=args.speed,
                loop=True,
                journal_path=Path(scratch) / "journal.sqlite",
            ),
        )
        engine.start()
        app = QApplication([])
        register_bundled_fonts()
        install_translations(args.language)
        studio = Studio(settings, engine, session_label=f"session {engine.session_id}")
        windows = studio.windows
        for name, window in windows.items():
            window.resize(*SIZES[name])
            window.show()
        studio.start()

        def operate() -> None:
            page = engine.model.questions.last_page
            rows = page.rows if page is not None else ()
            chosen = sorted(rows, key=lambda q: -q.supporters)[:7]
            for question in chosen[:6]:
                engine.actions.approve(question.tweet_id)
            if chosen:
                engine.actions.star(chosen[1].tweet_id, True)
                engine.actions.put_on_air(chosen[0].tweet_id)
                engine.actions.arm(chosen[2].tweet_id)
            engine.actions.go_to_step(2)
            console = windows["operator_console"]
            QTimer.singleShot(600, lambda: console.moderation.queue.select_row(0))  # type: ignore[attr-defined]

        def finish() -> None:
            for path in grab_windows(windows, args.folder):
                print(f"screenshot: {path}")
            windows["operator_console"].resize(1366, 768)  # a laptop's screen
            QTimer.singleShot(800, laptop)

        def laptop() -> None:
            path = args.folder / "operator_console_1366x768.png"
            windows["operator_console"].grab().save(str(path))
            print(f"screenshot: {path}")
            engine.actions.set_heat_map("france", "live", 600.0)
            QTimer.singleShot(2500, france)

        def france() -> None:
            path = args.folder / "heatmap_wall_france.png"
            windows["heatmap_wall"].grab().save(str(path))
            print(f"screenshot: {path}")
            app.quit()

        QTimer.singleShot(int(args.seconds * 1000 * 0.7), operate)
        QTimer.singleShot(int(args.seconds * 1000), finish)
        app.exec()
        studio.stop()
        engine.stop()


if __name__ == "__main__":
    main()
