"""Ingest throughput with the GUI running: parse → bus → journal (+ models), at max speed.

The app as it runs: the engine process (replay → parse → bus → journal → models) at max
speed, the five windows and the demo camera in this process. Prints the events/s
committed to the journal, how long the GUI thread was ever blocked
(the largest gap between ticks of a 1 ms timer, minus the tick), and the rate of
decoding the same lines with the stdlib JSON library alone — the ceiling we compare to.

    python benchmarks/ingest.py [--seconds 12] [--file assets/demo/askblueroom.jsonl.gz]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from studio_run import percentile, running_studio  # noqa: E402

from blueroom.paths import assets  # noqa: E402
from blueroom.sources.recording import open_lines  # noqa: E402

DEMO_EVENT = assets().demo_event


def json_ceiling(path: Path, seconds: float = 3.0) -> float:
    with open_lines(path) as handle:
        lines = handle.readlines()
    decoded = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for line in lines:
            try:  # noqa: SIM105 - suppress() would slow the measured loop
                json.loads(line)
            except ValueError:
                pass
        decoded += len(lines)
    return decoded / (time.perf_counter() - started)


def python_loop_ms() -> float:
    """How fast this machine runs Python right now: a fixed loop, in ms (the VM's own
    speed drifts by tens of percent from minute to minute; printed to read the rest by)."""
    started = time.perf_counter()
    total = 0
    for number in range(3_000_000):
        total += number
    return (time.perf_counter() - started) * 1000.0


def peak_mb(pid: int | str = "self") -> float:
    """A process's peak resident memory (Linux ``VmHWM``), 0 elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def stolen_seconds() -> float:
    """CPU time the hypervisor gave to others (Linux ``/proc/stat``), 0 elsewhere."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12.0)
    parser.add_argument("--file", type=Path, default=DEMO_EVENT)
    parser.add_argument("--speed", type=float, default=None, help="replay speed (default: max)")
    args = parser.parse_args()

    speed_before = python_loop_ms()
    steal_before = stolen_seconds()
    with (
        tempfile.TemporaryDirectory() as folder,
        running_studio(Path(folder), speed=args.speed, replay_file=args.file) as (
            engine,
            app,
            studio,
        ),
    ):
        windows = studio.windows
        gaps: list[float] = []
        running: list[float] = []  # the GUI thread's own CPU time in each gap
        last = [time.perf_counter(), time.thread_time()]

        def tick() -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            gaps.append((now - last[0]) * 1000.0)
            running.append((cpu - last[1]) * 1000.0)
            last[0], last[1] = now, cpu

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.timeout.connect(tick)
        heartbeat.start(1)
        warmup = 3.0
        marks: dict[str, tuple[float, int]] = {}

        def mark(name: str) -> None:
            marks[name] = (time.perf_counter(), engine.writer_stats().written)
            if name == "start":
                gaps.clear()
                running.clear()
                last[0], last[1] = time.perf_counter(), time.thread_time()

        memory: dict[str, float] = {}

        def end() -> None:
            mark("end")
            memory["gui"], memory["engine"] = peak_mb(), peak_mb(engine.pid)
            app.quit()

        QTimer.singleShot(int(warmup * 1000), lambda: mark("start"))
        QTimer.singleShot(int((warmup + args.seconds) * 1000), end)
        app.exec()
        heartbeat.stop()
        heat = windows["heatmap_wall"]
        frame_ms = list(getattr(heat, "frame_ms", []))
        paints = [p for p in getattr(heat, "paints", []) if p[0] >= marks["start"][0]]

    speed_after = python_loop_ms()
    steal = stolen_seconds() - steal_before
    (t0, n0), (t1, n1) = marks["start"], marks["end"]
    rate = (n1 - n0) / (t1 - t0)
    stalls = [max(0.0, gap - 1.0) for gap in gaps]
    ceiling = json_ceiling(args.file)
    pace = "max speed" if args.speed is None else f"{args.speed:g}× speed"
    print(f"ingest parse→bus→journal→models with the GUI running ({pace}): {rate:,.0f} events/s")
    over = sum(1 for stall in stalls if stall > 16.0)
    worst = max(range(len(stalls)), key=stalls.__getitem__) if stalls else 0
    print(
        f"GUI thread blocked at most: {max(stalls):.1f} ms"
        f" (p99 {percentile(stalls, 0.99):.1f} ms, p99.9 {percentile(stalls, 0.999):.1f} ms,"
        f" {over} over 16 ms, in {len(gaps):,} ticks of a 1 ms timer)"
    )
    if stalls:
        print(
            f"in the longest block the GUI thread ran {running[worst]:.1f} ms of"
            f" {gaps[worst]:.1f} (the rest it waited for a core or the GIL)"
        )
    print(
        f"peak memory: GUI process {memory['gui']:.0f} MB, engine process {memory['engine']:.0f} MB"
        f" (after {n1:,} events)"
    )
    print(f"json.loads alone on the same lines: {ceiling:,.0f} lines/s")
    print(f"ingest as a share of json.loads alone: {rate / ceiling:.2f}×")
    print(
        f"machine speed: a fixed Python loop took {speed_before:.0f} ms before the run,"
        f" {speed_after:.0f} ms after (lower is faster);"
        f" {steal:.1f} s of CPU stolen by the host during the run"
    )
    if frame_ms:
        print(
            f"heat-map wall update on the GUI thread: p50 {percentile(frame_ms, 0.5):.2f} ms,"
            f" p99 {percentile(frame_ms, 0.99):.2f} ms"
        )
    if len(paints) > 2:
        intervals = [(b[0] - a[0]) * 1000.0 for a, b in pairwise(paints)]
        paint_ms = [ms for _, ms in paints]
        frame = percentile(frame_ms, 0.99) + percentile(paint_ms, 0.99)
        print(
            f"heat-map wall frame time at 60 Hz (refresh + paint, GUI thread): p99 ≤ {frame:.1f} ms"
        )
        print(
            f"heat-map wall new map images: {len(paints) / (t1 - t0):.1f}/s (at most 20/s),"
            f" between them p50 {percentile(intervals, 0.5):.0f} ms,"
            f" p99 {percentile(intervals, 0.99):.0f} ms"
        )


if __name__ == "__main__":
    main()
