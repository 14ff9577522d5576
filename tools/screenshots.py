"""Screenshots of the five windows for the README, with a scripted operator.

Starts the real app (engine process, windows, demo camera) on the embedded demo event,
lets it run, then does what an operator would: approves a few questions, puts one on
air, moves the session to the questions step; and saves a PNG of every window.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py docs/screenshots
    (or with QT_QPA_PLATFORM=offscreen)

With ``--x-standin`` the room reads X live, from the tests' stand-in X server on
loopback (the demo's posts streamed into it, a few dozen a second), and posts through
it as the room's account (OAuth 1.0a keys the stand-in knows): the console's X row, its
cost line and its Outbox tab, with a reply and a post with a link made.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueroom.app import Studio, grab_windows  # noqa: E402
from blueroom.core.events import PostKind  # noqa: E402
from blueroom.core.posting import Draft  # noqa: E402
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
    parser.add_argument(
        "--language", default="en", help="en or fr: the room's language (guest's texts too)"
    )
    parser.add_argument(
        "--x-standin", action="store_true", help="read and post through a stand-in X"
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        environ = stack.enter_context(standin_x()) if args.x_standin else {}
        run(args, {**environ, "BLUEROOM_LANGUAGE": args.language})


@contextlib.contextmanager
def standin_x() -> Iterator[dict[str, str]]:
    """A stand-in X on loopback, fed the demo's posts; the settings that point at it."""
    from blueroom.sources.recording import open_lines
    from tests.standin_x import StandInX
    from tests.standin_x.accounts import add_oauth1
    from tests.standin_x.streaming import stream_of

    keys = {
        "BLUEROOM_X_BEARER_TOKEN": "standin-screenshots",
        "BLUEROOM_X_API_KEY": "standin-key",
        "BLUEROOM_X_API_SECRET": "standin-secret",
        "BLUEROOM_X_ACCESS_TOKEN": "standin-access",
        "BLUEROOM_X_ACCESS_SECRET": "standin-access-secret",
    }
    os.environ.update(keys)  # the engine process reads its credentials from here
    with StandInX() as x:
        add_oauth1(x, keys["BLUEROOM_X_ACCESS_TOKEN"])
        stream = stream_of(x)
        done = threading.Event()

        def feed() -> None:
            with open_lines(assets().demo_event) as lines:
                for line in lines:
                    if done.wait(0.025):
                        return
                    stream.push(line.rstrip(b"\n"))

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        try:
            yield {
                "BLUEROOM_SOURCE__KIND": "live",
                "BLUEROOM_X__API_BASE": x.url,
                "BLUEROOM_COST__BUDGET": "20",
            }
        finally:
            done.set()
            feeder.join(2)


def run(args: argparse.Namespace, environ: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        # the recording made for the statistics' screenshot is written in the scratch folder
        folder = str(Path(scratch) / "videos")
        settings = load_settings(environ={**environ, "BLUEROOM_RECORDING__FOLDER": folder})
        engine = EngineClient(
            settings,
            RoomOptions(
                replay_file=None if args.x_standin else assets().demo_event,
                speed=args.speed,
                loop=True,
                journal_path=Path(scratch) / "journal.sqlite",
            ),
        )
        engine.start()
        app = QApplication([])
        register_bundled_fonts()
        install_translations(settings.session.language)
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
            if args.x_standin and chosen:
                engine.actions.post(
                    Draft(
                        text="Eurovision? Never say never! Thank you for asking.",
                        reply_to=chosen[0].tweet_id,
                    ),
                    PostKind.REPLY,
                    question_id=chosen[0].tweet_id,
                )
                engine.actions.post(
                    Draft(text="Tonight's replay: https://blueroom.example/replay #AskBlueRoom")
                )
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
            if studio.recorder is not None:  # the statistics with a recording under way
                engine.actions.record(True)
            console = windows["operator_console"]
            console.side_tabs.setCurrentIndex(console.broadcast_tab)  # type: ignore[attr-defined]
            console.widen_tabs.setChecked(True)  # type: ignore[attr-defined]  # F10
            QTimer.singleShot(6000, broadcast)

        def broadcast() -> None:
            path = args.folder / "operator_console_broadcast_1366x768.png"
            windows["operator_console"].grab().save(str(path))
            print(f"screenshot: {path}")
            windows["operator_console"].widen_tabs.setChecked(False)  # type: ignore[attr-defined]
            windows["operator_console"].resize(*SIZES["operator_console"])  # all of it shown
            QTimer.singleShot(1200, broadcast_full)

        def broadcast_full() -> None:
            path = args.folder / "operator_console_broadcast.png"
            windows["operator_console"].grab().save(str(path))
            print(f"screenshot: {path}")
            engine.actions.record(False)
            console = windows["operator_console"]
            console.side_tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
            if args.x_standin:
                console = windows["operator_console"]
                console.side_tabs.setCurrentIndex(console._outbox_tab)  # type: ignore[attr-defined]
                QTimer.singleShot(500, outbox)
                return
            engine.actions.set_heat_map("france", "live", 600.0)
            QTimer.singleShot(2500, france)

        def outbox() -> None:
            path = args.folder / "operator_console_x_outbox.png"
            windows["operator_console"].grab().save(str(path))
            print(f"screenshot: {path}")
            app.quit()

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
