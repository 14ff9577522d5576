"""Resume in seconds, whatever the session's length: start → "resumed" against journal size.

Builds journals of the demo's mix (the embedded demo event looped at full speed through
the engine, as a live room writes them, snapshots included), then starts a fresh
process on each and times it until the session is resumed. Prints, per size, the time
and the extra over an empty journal (target: ≤ 1 s extra at a million events), the
same without snapshots for comparison, and the engine's peak memory while writing a
million posts (target: ≤ 500 MB per process).

    python benchmarks/resume.py [--sizes 0,100000,500000,1000000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


RESUME = """
import sys, time
started = time.monotonic()
from pathlib import Path
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
room = Room(load_settings(environ={}), RoomOptions(
    speed=None, journal_path=Path(sys.argv[1]), use_snapshots=sys.argv[2] == "yes"))
elapsed = time.monotonic() - started
report = room.report
room.stop()
print(elapsed, report.from_snapshot, report.replayed_events, report.seconds)
"""


BUILD = """
import multiprocessing, sys, time
from pathlib import Path
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings

def rss(pid="self", field="VmRSS:"):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1e3
    except OSError:
        pass
    return 0.0

if __name__ == "__main__":
    events = int(sys.argv[2])
    room = Room(load_settings(environ={}),
                RoomOptions(speed=None, loop=True, journal_path=Path(sys.argv[1])))
    started = time.monotonic()
    parser = 0.0
    room.start()
    while room.writer.stats().written < events:
        time.sleep(0.2)
        for child in multiprocessing.active_children():
            parser = max(parser, rss(child.pid))
    room.source.stop()  # no more posts: the snapshot under way is finished, then it stops
    room.snapshots.wait_idle(120.0)
    room.stop()
    print(time.monotonic() - started, rss(field="VmHWM:"), parser)
"""


def build(journal: Path, events: int) -> tuple[float, float, float]:
    """A journal of at least ``events`` events, written by the engine's own code in a
    fresh process: (seconds, its peak RSS, the parser's peak RSS), in MB."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(journal), str(events)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    seconds, peak, parser = result.stdout.split()
    return float(seconds), float(peak), float(parser)


def resume(journal: Path, snapshots: bool) -> tuple[float, int, int, float]:
    result = subprocess.run(
        [sys.executable, "-c", RESUME, str(journal), "yes" if snapshots else "no"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    elapsed, from_snapshot, replayed, seconds = result.stdout.split()
    return float(elapsed), int(from_snapshot), int(replayed), float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,100000,500000,1000000")
    parser.add_argument("--without-snapshots", default="100000,1000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    compare = {int(s) for s in args.without_snapshots.split(",") if s}
    base = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            journal = Path(folder) / f"j{size}.sqlite"
            seconds, peak, parser = build(journal, max(size, 1))
            took, from_snapshot, replayed, resuming = resume(journal, True)
            base = took if base is None else base
            print(
                f"resume, {size:>9,} events: {took:5.2f} s to resumed ({took - base:+.2f} s over"
                f" an empty journal; {from_snapshot:,} from a snapshot + {replayed:,} replayed"
                f" in {resuming:.2f} s); writing it: {seconds:.0f} s, engine peak {peak:.0f} MB,"
                f" parser peak {parser:.0f} MB",
                flush=True,
            )
            if size in compare:
                took, _, replayed, resuming = resume(journal, False)
                print(
                    f"   without snapshots: {took:5.2f} s ({replayed:,} replayed in {resuming:.2f} s)"
                )


if __name__ == "__main__":
    main()
