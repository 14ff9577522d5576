"""Parsing X API v2 lines into tweets: our parser against the JSON libraries alone.

python benchmarks/parse.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402

from blueroom.paths import assets  # noqa: E402
from blueroom.sources.recording import open_lines  # noqa: E402
from blueroom.sources.x_payload import PayloadParser  # noqa: E402

DEMO_EVENT = assets().demo_event


def rate(lines: list[bytes], parse: object, seconds: float = 2.0) -> float:
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for line in lines:
            try:  # noqa: SIM105 - suppress() would slow the measured loop
                parse(line)  # type: ignore[operator]
            except ValueError:
                pass
        done += len(lines)
    return done / (time.perf_counter() - started)


def main() -> None:
    with open_lines(DEMO_EVENT) as handle:
        lines = handle.readlines()
    size = sum(map(len, lines)) / len(lines)
    ours = rate(lines, PayloadParser().parse)
    stdlib = rate(lines, json.loads)
    generic = rate(lines, msgspec.json.decode)
    print(f"parser (X v2 line → Tweet, {size:,.0f} B a line): {ours:,.0f} lines/s")
    print(f"json.loads alone: {stdlib:,.0f} lines/s (parser is {ours / stdlib:.2f}× of it)")
    print(f"msgspec generic decode alone: {generic:,.0f} lines/s")


if __name__ == "__main__":
    main()
