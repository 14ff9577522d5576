"""Profile-location geocoding on the demo event: build time, lookups/s cold and warm, shares.

python benchmarks/geocode.py

Cold: a fresh Geocoder's empty cache, each distinct profile location once (every lookup
is a full parse), then the posts' locations in stream order (repeats are cache hits).
Warm: the same stream again, in batches of 500 as the heat-map worker drains the bus.
Shares are over posts whose author has a non-empty profile location.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blueroom.core.geocode import Geocoder, GeoMatch  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.sources.recording import open_lines  # noqa: E402
from blueroom.sources.x_payload import PayloadParser  # noqa: E402

DEMO_EVENT = assets().demo_event

BATCH = 500
WARM_SECONDS = 2.0


def profile_locations() -> list[str]:
    parser = PayloadParser()
    locations = []
    with open_lines(DEMO_EVENT) as handle:
        for line in handle:
            for tweet in parser.parse(line).tweets:
                if tweet.author is not None and tweet.author.location.strip():
                    locations.append(tweet.author.location)
    return locations


def main() -> None:
    locations = profile_locations()
    distinct = list(dict.fromkeys(locations))

    started = time.perf_counter()
    geocoder = Geocoder()
    print(f"Geocoder build: {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    for text in distinct:
        geocoder.locate(text)
    elapsed = time.perf_counter() - started
    print(
        f"cold, {len(distinct):,} distinct locations once (no cache hit): "
        f"{len(distinct) / elapsed:,.0f} lookups/s ({elapsed / len(distinct) * 1e6:.1f} µs each)"
    )

    geocoder.clear_cache()
    started = time.perf_counter()
    for text in locations:
        geocoder.locate(text)
    elapsed = time.perf_counter() - started
    print(
        f"cold, {len(locations):,} post locations in stream order from an empty cache: "
        f"{len(locations) / elapsed:,.0f} lookups/s"
    )

    batches = [locations[i : i + BATCH] for i in range(0, len(locations), BATCH)]
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < WARM_SECONDS:
        for batch in batches:
            geocoder.locate_many(batch)
        done += len(locations)
    elapsed = time.perf_counter() - started
    print(f"warm, locate_many in batches of {BATCH}: {done / elapsed:,.0f} lookups/s")

    results: list[GeoMatch | None] = geocoder.locate_many(locations)
    shares = Counter("not located" if r is None else r.precision.value for r in results)
    total = len(results)
    for label in ("profile_city", "profile_country", "not located"):
        print(
            f"{label} share of {total:,} non-empty profile locations: {shares[label] / total:.1%}"
        )


if __name__ == "__main__":
    main()
