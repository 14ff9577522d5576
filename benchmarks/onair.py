"""From "on air" on the operator console to the question painted on the questions wall.

The app as it runs: the engine process replays the demo event (10× by default), the
five windows run in this process. Every few hundred milliseconds the benchmark picks a
pending question in the console's queue and presses O (approve and put on air), then
waits for the wall's question text to paint that question. Prints the latency
percentiles (the target is p99 under 50 ms).

    python benchmarks/onair.py [--trials 120] [--speed 10|max]
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
from studio_run import percentile, running_studio  # noqa: E402

from blueroom.ui.operator.console import OperatorConsole  # noqa: E402
from blueroom.ui.walls.questions_wall import QuestionsWall  # noqa: E402

GIVE_UP_SECONDS = 10.0


class PaintWatch(QObject):
    """Notes when the wall's question text paints the awaited text."""

    def __init__(self, wall: QuestionsWall) -> None:
        super().__init__()
        self.wall = wall
        self.awaited: str | None = None
        self.pressed_at = 0.0
        self.latencies: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.awaited is not None
            and self.wall.main_text.text() == self.awaited
        ):
            self.latencies.append((time.perf_counter() - self.pressed_at) * 1000.0)
            self.awaited = None
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=120)
    parser.add_argument("--speed", default="10", help="replay speed: a number or max")
    args = parser.parse_args()
    speed = None if args.speed == "max" else float(args.speed)

    with (
        tempfile.TemporaryDirectory() as folder,
        running_studio(Path(folder), speed=speed, skip_minutes=40.0) as (_engine, app, studio),
    ):
        console = studio.windows["operator_console"]
        wall = studio.windows["questions_wall"]
        assert isinstance(console, OperatorConsole) and isinstance(wall, QuestionsWall)
        watch = PaintWatch(wall)
        wall.main_text.installEventFilter(watch)
        used: set[str] = set()
        missed = [0]

        def press() -> None:
            if len(watch.latencies) + missed[0] >= args.trials:
                app.quit()
                return
            if watch.awaited is not None:
                waited = time.perf_counter() - watch.pressed_at
                if waited < GIVE_UP_SECONDS:
                    return  # still on its way: the next take waits for it
                missed[0] += 1  # never painted: counted, not hidden
                watch.awaited = None
            shown = wall.main_text.text()
            for question in console.moderation.queue.rows:
                if question.tweet_id not in used and wall.wall_text(question) != shown:
                    used.add(question.tweet_id)
                    console.moderation.queue.select(question.tweet_id)
                    watch.awaited = wall.wall_text(question)
                    watch.pressed_at = time.perf_counter()
                    console.moderation.on_air_selected()
                    break

        timer = QTimer()
        timer.timeout.connect(press)
        QTimer.singleShot(4000, lambda: timer.start(400))
        app.exec()

    latencies = watch.latencies
    pace = "max speed" if speed is None else f"{speed:g}× speed"
    print(
        f"on air → painted on the questions wall ({pace}, {len(latencies)} takes):"
        f" p50 {percentile(latencies, 0.5):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms,"
        f" max {max(latencies, default=0.0):.1f} ms, not painted within {GIVE_UP_SECONDS:g} s:"
        f" {missed[0]}"
    )


if __name__ == "__main__":
    main()
