"""The live X stream: (a) how fast its lines are parsed, (b) how long from a line's
arrival to its question on the console's queue.

(a) The demo event's lines (X API v2 stream messages with their includes), parsed by
the source's parser alone, and through the live source's own path (recording off: the
lines, the parser, the events; the bus left out). Target: 50,000 lines/s or more.

(b) The stand-in X server on loopback streams the demo's questions, one every
``--every`` ms, to the real engine process (``source.kind = "live"``), and the GUI
process's engine client (the console's queue page) is watched for each question's card.
The time runs from the stand-in writing the line to the page holding it. Target: p99
at most 250 ms (the page is sent at 10 Hz: about 100 ms of it is that pace).

    python benchmarks/x_stream.py [parse|latency|both] [--trials 200] [--every 50]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from studio_run import percentile  # noqa: E402

from blueroom.core.events import Event, TweetReceived  # noqa: E402
from blueroom.core.questions import QuestionBoard, QueueOrder, QueueQuery, QueueView  # noqa: E402
from blueroom.engine.client import EngineClient  # noqa: E402
from blueroom.engine.room import RoomOptions, question_rules  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.settings import EventSettings, XSettings, load_settings  # noqa: E402
from blueroom.sources.recording import open_lines  # noqa: E402
from blueroom.sources.x_payload import PayloadParser  # noqa: E402
from blueroom.x.source import XSource  # noqa: E402
from tests.standin_x import StandInX  # noqa: E402
from tests.standin_x.streaming import stream_of  # noqa: E402

TARGET_LINES_PER_SECOND = 50_000
TARGET_P99_MS = 250.0


def demo_lines() -> list[bytes]:
    with open_lines(assets().demo_event) as handle:
        return [line.rstrip(b"\r\n") for line in handle if line.strip()]


def parse_rate(seconds: float = 3.0) -> None:
    lines = demo_lines()
    sizes = sum(len(line) for line in lines) / len(lines)
    parser = PayloadParser()
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for line in lines:
            parser.parse(line)
        done += len(lines)
    alone = done / (time.perf_counter() - started)

    def publish(events: object) -> int:
        return 0

    source = XSource(
        "live", event=EventSettings(), x=XSettings(), publish_many=publish, token=lambda: "t"
    )
    chunks = [lines[i : i + 20] for i in range(0, len(lines), 20)]  # a stream chunk: ~20 lines
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for chunk in chunks:
            source._take(chunk, "stream")
        done += len(lines)
    through = done / (time.perf_counter() - started)
    verdict = "ok" if min(alone, through) >= TARGET_LINES_PER_SECOND else "BELOW TARGET"
    print(f"(a) parse: {len(lines):,} demo lines of {sizes:,.0f} bytes on average")
    print(f"    parser alone:            {alone:>10,.0f} lines/s")
    print(f"    through the live source: {through:>10,.0f} lines/s   (target ≥ 50,000: {verdict})")


def questions_to_send(trials: int) -> list[tuple[str, bytes]]:
    """Demo lines given fresh ids, and which of them open a card of their own (as the
    engine's board, fed the same lines from a new session, will find)."""
    settings = load_settings(environ={})
    board = QuestionBoard(
        question_rules(settings), settings.moderation, ignored_words=settings.event.guest_words()
    )
    parser = PayloadParser()
    chosen: list[tuple[str, bytes]] = []
    base = 2_200_000_000_000_000_000
    for n, line in enumerate(demo_lines()):
        message = json.loads(line)
        data = message.get("data")
        if not isinstance(data, dict) or "referenced_tweets" in data:
            continue
        post_id = str(base + n)
        data["id"] = post_id
        data["edit_history_tweet_ids"] = [post_id]
        data["created_at"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
        raw = json.dumps(message, separators=(",", ":")).encode()
        before = board.page(QueueQuery(view=QueueView.ALL, limit=1)).total
        events: list[Event] = [TweetReceived(tweet=t) for t in parser.parse(raw).tweets]
        board.apply(events)
        if board.page(QueueQuery(view=QueueView.ALL, limit=1)).total > before:
            chosen.append((post_id, raw))
            if len(chosen) >= trials:
                break
    return chosen


def latency(trials: int, every_ms: float) -> None:
    sent = questions_to_send(trials)
    os.environ["BLUEROOM_X_BEARER_TOKEN"] = "benchmark"  # the engine process inherits it
    query = QueueQuery(view=QueueView.ALL, order=QueueOrder.NEWEST, limit=60)
    latencies: list[float] = []
    missing = 0
    with StandInX() as x, tempfile.TemporaryDirectory() as folder:
        stream = stream_of(x)
        settings = load_settings(
            environ={"BLUEROOM_SOURCE__KIND": "live", "BLUEROOM_X__API_BASE": x.url}
        )
        engine = EngineClient(
            settings, RoomOptions(journal_path=Path(folder) / "x.sqlite", new_session=True)
        )
        engine.start()
        try:
            board = engine.model.questions
            board.page(query)
            assert stream.wait_connections(1, 60.0), "the engine never opened the stream"
            time.sleep(1.0)
            for post_id, raw in sent:
                pushed = time.perf_counter()
                stream.push(raw)
                deadline = pushed + 5.0
                while time.perf_counter() < deadline:
                    page = board.page(query)
                    if any(row.tweet_id == post_id for row in page.rows):
                        latencies.append((time.perf_counter() - pushed) * 1000.0)
                        break
                    time.sleep(0.001)
                else:
                    missing += 1
                rest = every_ms / 1000.0 - (time.perf_counter() - pushed)
                if rest > 0:
                    time.sleep(rest)
        finally:
            engine.stop()
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    verdict = "ok" if p99 <= TARGET_P99_MS and not missing else "ABOVE TARGET"
    print(f"(b) stream line → question on the console's queue page: {len(latencies)} questions")
    print(f"    p50 {p50:.0f} ms   p99 {p99:.0f} ms   max {max(latencies, default=0):.0f} ms"
          f"   (target p99 ≤ {TARGET_P99_MS:.0f} ms: {verdict}); {missing} never seen")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", default="both", choices=("parse", "latency", "both"))
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--every", type=float, default=50.0, help="ms between two questions")
    args = parser.parse_args()
    if args.what in ("parse", "both"):
        parse_rate()
    if args.what in ("latency", "both"):
        latency(args.trials, args.every)


if __name__ == "__main__":
    threading.current_thread().name = "benchmark"
    main()
