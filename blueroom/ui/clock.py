"""The time the screens show: wall-clock hours, an uptime, a card's age.

Views take a ``Clock`` (the system's by default) so that a test can render them at a
fixed moment and compare the picture with an approved one.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Wall-clock seconds (``time.time``)."""
        ...

    def monotonic(self) -> float:
        """Seconds for durations (``time.monotonic``)."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()


def clock_text(clock: Clock, pattern: str = "%H:%M:%S") -> str:
    """The wall-clock time, as the screens write it (the local time zone)."""
    return time.strftime(pattern, time.localtime(clock.now()))
