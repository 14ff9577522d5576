"""Confidence monitors: what painting each wall small costs the GUI thread.

The four watched windows at 1920×1080 on the demo's first posts, each painted into a
300×169 monitor 200 times; prints the median and the 99th percentile per window, and
the share of the GUI thread the monitors take at their rate (2.5 refreshes per window per
second, one window per tick), against a full-size grab of the same window.

    python benchmarks/monitors.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from benchmarks.demo_posts import demo_posts  # noqa: E402
from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.events import Event, TweetReceived  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.questions import QueueQuery  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.engine.room import question_rules  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.settings import load_settings  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.guest_panel import GuestPanel  # noqa: E402
from blueroom.ui.operator.monitors import REFRESH_PER_WINDOW_HZ, small_picture  # noqa: E402
from blueroom.ui.walls.heatmap_wall import HeatmapWall  # noqa: E402
from blueroom.ui.walls.questions_wall import QuestionsWall  # noqa: E402
from blueroom.ui.walls.video_wall import VideoWall  # noqa: E402

RUNS = 200


def windows() -> dict[str, QWidget]:
    settings = load_settings(environ={})
    model = RoomModel(
        question_rules(settings),
        default_script(settings.event.guest_name, settings.event.hashtag),
        half_life=600.0,
        keep_posts=False,
    )
    events: list[Event] = [
        TweetReceived(tweet=t, at=1_796_421_000.0 + n)
        for n, t in enumerate(demo_posts()[9_000:10_000])
    ]
    model.apply(events)

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "bench")
    for question in model.questions.page(QueueQuery(limit=5)).rows:
        actions.approve(question.tweet_id)
    capture = cv2.VideoCapture(str(assets().demo_video))
    ok, image = capture.read()
    capture.release()
    frames = LatestFrameSlot()
    if ok:
        frames.put(image)
    hashtag, guest = settings.event.hashtag, settings.event.guest_name
    return {
        "questions wall": QuestionsWall(
            model.questions, model.metrics, hashtag=hashtag, guest_name=guest
        ),
        "video wall": VideoWall(
            frames, model.questions, model.metrics, hashtag=hashtag, guest_name=guest
        ),
        "heat-map wall": HeatmapWall(
            model.heat, model.metrics, hashtag=hashtag, land_mask=assets().land_mask
        ),
        "guest panel": GuestPanel(
            model.session, frames, guest_name=guest, board=model.questions, actions=actions
        ),
    }


def main() -> None:
    app = QApplication([])
    register_bundled_fonts()
    shown = windows()
    for window in shown.values():
        window.resize(1920, 1080)
        window.show()
    app.processEvents()
    total = 0.0
    for name, window in shown.items():
        if hasattr(window, "refresh"):
            window.refresh()
        app.processEvents()
        costs = []
        for _ in range(RUNS):
            started = time.perf_counter()
            small_picture(window, QSize(300, 169), 1.0)
            costs.append((time.perf_counter() - started) * 1000)
        costs.sort()
        started = time.perf_counter()
        window.grab()
        grab = (time.perf_counter() - started) * 1000
        median, p99 = statistics.median(costs), costs[int(len(costs) * 0.99) - 1]
        total += median
        print(
            f"monitors: {name}: {median:.2f} ms a refresh (p99 {p99:.2f} ms);"
            f" a full-size grab {grab:.1f} ms"
        )
    share = total / len(shown) * REFRESH_PER_WINDOW_HZ * len(shown) / 1000
    print(
        f"monitors: {share:.2%} of the GUI thread at {REFRESH_PER_WINDOW_HZ:g} refreshes per window per second"
    )


if __name__ == "__main__":
    main()
