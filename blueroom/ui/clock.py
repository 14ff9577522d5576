"""The time the screens show: wall-clock hours, an uptime, a card's age.

Views take a ``Clock`` (the system's by default) so that a test can render them at a
fixed moment and compare the picture with an approved one.
"""

from __future__ import annotations

import time
from typing import Protocol

from blueroom.ui.i18n import clock_time


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


def clock_text(clock: Clock, *, seconds: bool = True) -> str:
    """The wall-clock time in the screens' language (the local time zone): 18:30:05."""
    return clock_time(clock.now(), seconds=seconds)
